package pdf

import "github.com/pmokit/pmo/internal/diag"

// item is one unbreakable piece of a column: a line of a paragraph, a
// heading, a small table. Blocks built from items can be measured before
// they are drawn, placed side by side when they fit, and otherwise flowed
// over pages with breaks between items.
type item struct {
	h    float64
	keep bool // keep with the next item (a heading with its first line)
	// flows says draw moves w.y itself (a table, which may break pages).
	flows bool
	draw  func(x, top float64)
}

func itemsHeight(items []item) float64 {
	h := 0.0
	for _, it := range items {
		h += it.h
	}
	return h
}

// place draws items one below the other from (x, top); the caller has
// made sure they fit on the page.
func place(items []item, x, top float64) float64 {
	y := top
	for _, it := range items {
		it.draw(x, y)
		y += it.h
	}
	return y
}

// flowItems draws items at x in the page flow, breaking pages between
// them. An item taller than a page is drawn where it starts: only tables
// are, and they break themselves.
func (w *writer) flowItems(items []item, x float64) {
	for i, it := range items {
		h := it.h
		if it.keep && i+1 < len(items) {
			h += items[i+1].h
		}
		if h <= bottom-topRest {
			w.need(h)
		}
		top := w.y
		it.draw(x, top)
		if !it.flows {
			w.y = top + it.h
		}
	}
}

// textStyle is how a run of text is set.
type textStyle struct {
	size float64
	bold bool
	fg   rgb
	bg   rgb // a band behind each line; 0 = none
}

// startLine paints a line's band, when st has one, and sets its font and
// colour: each item draws on its own, possibly on a new page, so none can
// rely on the state the previous one left.
func (w *writer) startLine(st textStyle, x, top, width, lh float64) {
	if st.bg != 0 {
		w.fill(st.bg)
		w.rect(x, top, width, lh, "F")
	}
	w.setFont(st.size, st.bold)
	w.color(cmpColor(st.fg, black))
}

// paraItems breaks s into one item per line at width millimetres.
func (w *writer) paraItems(s string, width float64, st textStyle, pos diag.Pos) []item {
	w.setFont(st.size, st.bold)
	lh := w.lineH()
	var out []item
	for _, l := range w.lines(s, width, pos) {
		out = append(out, item{h: lh, draw: func(x, top float64) {
			w.startLine(st, x, top, width, lh)
			w.textAt(x, top, l, pos)
		}})
	}
	return out
}

// bulletItems sets each entry as a bullet with a hanging indent.
func (w *writer) bulletItems(entries []string, width float64, st textStyle) []item {
	w.setFont(st.size, st.bold)
	lh := w.lineH()
	bullet := "・"
	indent := w.width(bullet)
	var out []item
	for _, e := range entries {
		for k, l := range w.lines(e, width-indent-1, diag.Pos{}) {
			out = append(out, item{h: lh, draw: func(x, top float64) {
				w.startLine(st, x, top, width, lh)
				if k == 0 {
					w.textAt(x+0.5, top, bullet, diag.Pos{})
				}
				w.textAt(x+0.5+indent, top, l, diag.Pos{})
			}})
		}
	}
	return out
}

// headingItem is a section title kept with what follows it.
func (w *writer) headingItem(s string, width float64) item {
	return item{h: w.headingHeight(width, s), keep: true, draw: func(x, top float64) { w.headingAt(x, top, width, s) }}
}

// gapItem is vertical space.
func gapItem(h float64) item { return item{h: h, draw: func(float64, float64) {}} }

func cmpColor(c, def rgb) rgb {
	if c == 0 {
		return def
	}
	return c
}
