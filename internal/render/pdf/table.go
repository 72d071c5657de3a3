package pdf

import (
	"math"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
)

// column is one column of a table: its header, width in millimetres (0
// shares what the fixed columns leave) and alignment.
type column struct {
	label string
	width float64
	align byte // 'L' (the default), 'R' or 'C'
}

// cell is one table cell. bg and fg of 0 mean the table's defaults (no
// table ever fills with pure black).
type cell struct {
	text string
	pos  diag.Pos // where the text came from, for findings
	bg   rgb
	fg   rgb
	bold bool
}

// table is a records table: wrapped cells, a header repeated on every
// page, rows split across pages only when one is taller than a page.
type table struct {
	cols []column
	rows [][]cell
	size float64 // font size in points; 0 = 8
}

const cellPadX, cellPadY = 1.2, 0.8

// laidRow is a row broken into lines per cell.
type laidRow struct {
	cells []cell
	lines [][]string
}

func (r laidRow) height(from int, lh float64) float64 {
	n := 1
	for _, ls := range r.lines {
		n = max(n, len(ls)-from)
	}
	return float64(n)*lh + 2*cellPadY
}

func (t *table) fontSize() float64 {
	if t.size == 0 {
		return 8
	}
	return t.size
}

// widths resolves the column widths for a table width of total. A fixed
// column widens to its header's longest Latin word, which would otherwise
// break inside the word ("Probabili-ty"); flexible columns share the rest.
func (w *writer) widths(t *table, total float64) []float64 {
	w.setFont(t.fontSize(), true)
	out := make([]float64, len(t.cols))
	fixed, flex := 0.0, 0
	for i, c := range t.cols {
		if c.width == 0 {
			flex++
			continue
		}
		out[i] = c.width
		for word := range strings.FieldsSeq(c.label) {
			if !strings.ContainsFunc(word, ideographic) {
				out[i] = max(out[i], w.width(word)+2*cellPadX+0.1)
			}
		}
		// A Japanese header line is one word too: 遅れ気味タスク broken as
		// 遅れ気味タス／ク reads as nonsense. Widen for it, by up to half
		// again the column's width; a longer label breaks as before.
		for line := range strings.SplitSeq(c.label, "\n") {
			if need := w.width(line) + 2*cellPadX + 0.1; strings.ContainsFunc(line, ideographic) && need <= c.width*1.5 {
				out[i] = max(out[i], need)
			}
		}
		fixed += out[i]
	}
	for i, c := range t.cols {
		if c.width == 0 {
			out[i] = max(12, (total-fixed)/float64(flex))
		}
	}
	// Never wider than the space: squeeze every column alike.
	if s := sum(out); s > total {
		for i := range out {
			out[i] *= total / s
		}
	}
	return out
}

// dropEmpty removes column i when no row has text in it.
func (t *table) dropEmpty(i int) {
	for _, r := range t.rows {
		if i < len(r) && r[i].text != "" {
			return
		}
	}
	t.cols = append(t.cols[:i:i], t.cols[i+1:]...)
	for k, r := range t.rows {
		if i < len(r) {
			t.rows[k] = append(r[:i:i], r[i+1:]...)
		}
	}
}

// layout breaks the header and every cell into lines.
func (w *writer) layout(t *table, widths []float64) (laidRow, []laidRow) {
	head := w.layoutHead(t, widths)
	rows := make([]laidRow, len(t.rows))
	for r, cells := range t.rows {
		rows[r] = w.layoutRow(t, widths, cells)
	}
	return head, rows
}

// layoutHead breaks the header into lines.
func (w *writer) layoutHead(t *table, widths []float64) laidRow {
	w.setFont(t.fontSize(), true)
	head := laidRow{lines: make([][]string, len(t.cols))}
	for i, c := range t.cols {
		head.lines[i] = w.lines(c.label, widths[i]-2*cellPadX, diag.Pos{})
	}
	return head
}

// layoutRow breaks every cell of a row into lines.
func (w *writer) layoutRow(t *table, widths []float64, cells []cell) laidRow {
	lr := laidRow{cells: cells, lines: make([][]string, len(t.cols))}
	for i := range t.cols {
		if i < len(cells) {
			w.setFont(t.fontSize(), cells[i].bold)
			lr.lines[i] = w.lines(cells[i].text, widths[i]-2*cellPadX, cells[i].pos)
		}
	}
	return lr
}

// tableHeight is the height t takes when nothing breaks it across pages.
func (w *writer) tableHeight(t *table, width float64) float64 {
	head, rows := w.layout(t, w.widths(t, width))
	lh := w.lineH()
	h := head.height(0, lh)
	for _, r := range rows {
		h += r.height(0, lh)
	}
	return h
}

// startHeight is the room a table needs to start on a page: its header
// and first rows, never an orphan header.
func startHeight(head laidRow, rows []laidRow, lh float64) float64 {
	h := head.height(0, lh)
	for _, r := range rows[:min(len(rows), 3)] {
		h += r.height(0, lh)
	}
	return min(h, head.height(0, lh)+3*lh+2*cellPadY+20)
}

// tableStart is startHeight of t drawn width wide: what a heading above
// it must keep below itself.
func (w *writer) tableStart(t *table, width float64) float64 {
	head, rows := w.layout(t, w.widths(t, width))
	return startHeight(head, rows, w.lineH())
}

// table draws t at x in the flow, starting pages as it needs them.
func (w *writer) table(t *table, x, width float64) {
	d := w.beginTable(t, x, width)
	for _, cells := range t.rows {
		d.add(cells)
	}
	d.end()
}

// tableDraw draws a table row by row, so that a table of many rows can
// be drawn from rows made one at a time (the people page of a large
// portfolio has tens of thousands) rather than held all at once.
type tableDraw struct {
	w       *writer
	t       *table
	x       float64
	widths  []float64
	head    laidRow
	lh      float64
	headH   float64
	pending []laidRow // the first rows, until the table starts
	started bool
	i       int // rows drawn
	// tail is the last rows added, not drawn yet: the table's last row
	// is drawn only once it is known to be the last (see end).
	tail   []laidRow
	onPage int // rows drawn whole on this page below its header
}

// beginTable starts drawing t's columns at x; its rows come from add.
func (w *writer) beginTable(t *table, x, width float64) *tableDraw {
	widths := w.widths(t, width)
	head := w.layoutHead(t, widths)
	lh := w.lineH()
	return &tableDraw{w: w, t: t, x: x, widths: widths, head: head, lh: lh, headH: head.height(0, lh)}
}

// startRows is how many rows startHeight looks at.
const startRows = 3

// add lays out and draws the next row; the first few wait until the
// table knows the room it needs to start.
func (d *tableDraw) add(cells []cell) {
	r := d.w.layoutRow(d.t, d.widths, cells)
	if !d.started {
		d.pending = append(d.pending, r)
		if len(d.pending) == startRows {
			d.start()
		}
		return
	}
	d.push(r)
}

// push draws rows up to the last two added: those wait for end, which
// keeps the last row from being left alone on a page.
func (d *tableDraw) push(r laidRow) {
	d.tail = append(d.tail, r)
	if len(d.tail) > 2 {
		d.row(d.tail[0])
		d.tail = append(d.tail[:0], d.tail[1:]...)
	}
}

// start keeps the room for the header and the first rows on this page,
// draws the header and the rows so far.
func (d *tableDraw) start() {
	d.started = true
	d.w.need(startHeight(d.head, d.pending, d.lh))
	d.drawHead()
	for _, r := range d.pending {
		d.push(r)
	}
	d.pending = nil
}

// end draws what is still waiting. When the last row would be the only
// one on a new page (a widow) and the row before it can go there with it,
// the page breaks one row earlier.
func (d *tableDraw) end() {
	if !d.started {
		d.start()
	}
	if len(d.tail) == 2 && d.widow(d.tail[0], d.tail[1]) {
		d.w.newPage()
		d.drawHead()
	}
	for _, r := range d.tail {
		d.row(r)
	}
	d.tail = nil
	d.w.color(black)
}

// widow reports whether drawing p and then last from here leaves last
// alone on the next page while both fit there: p fits on this page and
// last does not, and this page keeps at least two rows of the table above
// p (moving p must not leave one row alone here instead).
func (d *tableDraw) widow(p, last laidRow) bool {
	hp, hl := p.height(0, d.lh), last.height(0, d.lh)
	room := bottom - d.w.y
	return d.onPage >= 2 && hp <= room && hp+hl > room && hp+hl <= bottom-topRest-d.headH
}

func (d *tableDraw) drawHead() {
	w := d.w
	w.fill(headBg)
	w.rect(d.x, w.y, sum(d.widths), d.headH, "F")
	w.color(white)
	w.rowText(d.head, 0, math.MaxInt, d.x, d.widths, d.t, true)
	w.y += d.headH
	d.onPage = 0
}

// row draws one laid-out row, across pages when it must.
func (d *tableDraw) row(r laidRow) {
	w, lh, x, widths := d.w, d.lh, d.x, d.widths
	i := d.i
	d.i++
	for from := 0; ; {
		h := r.height(from, lh)
		room := bottom - w.y
		if h <= room {
			w.rowBox(r, i, x, widths, h)
			w.rowText(r, from, math.MaxInt, x, widths, d.t, false)
			w.y += h
			d.onPage++
			return
		}
		fit := int((room - 2*cellPadY) / lh)
		// Move a row that fits on a fresh page rather than split it.
		if fit < 1 || h <= bottom-topRest-d.headH {
			w.newPage()
			d.drawHead()
			continue
		}
		part := float64(fit)*lh + 2*cellPadY
		w.rowBox(r, i, x, widths, part)
		w.rowText(r, from, from+fit, x, widths, d.t, false)
		from += fit
		w.newPage()
		d.drawHead()
	}
}

// rowBox draws a row's backgrounds and its bottom rule.
func (w *writer) rowBox(r laidRow, i int, x float64, widths []float64, h float64) {
	cx := x
	for c, cw := range widths {
		bg := rgb(0)
		if c < len(r.cells) {
			bg = r.cells[c].bg
		}
		if bg == 0 && i%2 == 1 {
			bg = stripe
		}
		if bg != 0 {
			w.fill(bg)
			w.rect(cx, w.y, cw, h, "F")
		}
		cx += cw
	}
	w.stroke(gridLine)
	w.lineWidth(0.15)
	w.line(x, w.y+h, x+sum(widths), w.y+h)
}

// rowText draws lines [from, to) of every cell of r at the flow position.
func (w *writer) rowText(r laidRow, from, to int, x float64, widths []float64, t *table, head bool) {
	lh := w.lineH()
	cx := x
	for c, cw := range widths {
		bold := head
		if !head {
			w.color(black)
			if c < len(r.cells) {
				bold = r.cells[c].bold
				if r.cells[c].fg != 0 {
					w.color(r.cells[c].fg)
				}
			}
		}
		w.setFont(t.fontSize(), bold)
		pos := diag.Pos{}
		if c < len(r.cells) {
			pos = r.cells[c].pos
		}
		ls := r.lines[c]
		for k := from; k < len(ls) && k < to; k++ {
			lx := cx + cellPadX
			switch t.cols[c].align {
			case 'R':
				lx = cx + cw - cellPadX - w.width(ls[k])
			case 'C':
				lx = cx + (cw-w.width(ls[k]))/2
			}
			w.textAt(lx, w.y+cellPadY+float64(k-from)*lh, ls[k], pos)
		}
		cx += cw
	}
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}
