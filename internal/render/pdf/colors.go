package pdf

import "github.com/pmokit/pmo/internal/analyze"

// rgb is a colour as 0xRRGGBB.
type rgb uint32

func (c rgb) parts() (r, g, b int) { return int(c >> 16 & 0xff), int(c >> 8 & 0xff), int(c & 0xff) }

// The palette: RAG colours strong enough for a badge with white text
// (amber takes dark text), their light tints for backgrounds, and the
// neutrals of tables and charts.
const (
	black    = rgb(0x212121)
	grey     = rgb(0x616161)
	rule     = rgb(0xbdbdbd)
	gridLine = rgb(0xe0e0e0)
	stripe   = rgb(0xf5f6f8)
	white    = rgb(0xffffff)
	navy     = rgb(0x1f3a5f)
	headBg   = rgb(0x2f4f7f)
	planBlue = rgb(0x9eb9d9)
	doneBlue = rgb(0x1f5fa8)
	actualOr = rgb(0xe66a00)
	todayRed = rgb(0xd32f2f)

	green      = rgb(0x2e7d32)
	amber      = rgb(0xf9a825)
	red        = rgb(0xc62828)
	greenTint  = rgb(0xe3f2e4)
	amberTint  = rgb(0xfff3d1)
	redTint    = rgb(0xfbe0e0)
	neutral    = rgb(0x90a4ae)
	neutralBg  = rgb(0xf3f5f7)
	overTint   = rgb(0xf8c8c8)
	currentCol = rgb(0xe3ecf7)
)

// levelColors returns a RAG level's strong colour, its tint and the text
// colour to put on the strong one; no level is grey.
func levelColors(l analyze.Level) (strong, tint, onStrong rgb) {
	switch l {
	case analyze.Green:
		return green, greenTint, white
	case analyze.Amber:
		return amber, amberTint, black
	case analyze.Red:
		return red, redTint, white
	}
	return neutral, neutralBg, white
}

// color sets the text colour. fpdf writes no operator for it and would
// only format the same colour again.
func (w *writer) color(c rgb) {
	r, g, b := c.parts()
	if tr, tg, tb := w.pdf.GetTextColor(); tr != r || tg != g || tb != b {
		w.pdf.SetTextColor(r, g, b)
	}
}

// fill sets the fill colour; the colour in force is only written again,
// as fpdf would (see lineWidth).
func (w *writer) fill(c rgb) {
	r, g, b := c.parts()
	f := w.pdf
	if fr, fg, fb := f.GetFillColor(); fr != r || fg != g || fb != b || f.PageNo() == 0 {
		f.SetFillColor(r, g, b)
		return
	}
	w.op = appendColorOp(w.op[:0], r, g, b, " g", " rg")
	w.raw(w.op)
}

// stroke sets the stroke colour, as fill does.
func (w *writer) stroke(c rgb) {
	r, g, b := c.parts()
	f := w.pdf
	if dr, dg, db := f.GetDrawColor(); dr != r || dg != g || db != b || f.PageNo() == 0 {
		f.SetDrawColor(r, g, b)
		return
	}
	w.op = appendColorOp(w.op[:0], r, g, b, " G", " RG")
	w.raw(w.op)
}
