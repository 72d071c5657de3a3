package pdf

import (
	"math"
	"strings"
)

// fpdf's Text and Circle build their operators through fmt and a string
// for every number; a report draws thousands of each (a Gantt row has a
// label, a percentage and a progress-line dot), so they are written here
// instead, byte for byte as fpdf writes them (TestOpsAsFpdf compares).

// textOp writes the text operator fpdf's Text writes for enc, already
// encoded, with its baseline starting at (x, y).
func (w *writer) textOp(x, y float64, enc []byte) {
	f := w.pdf
	k := f.GetConversionRatio()
	_, h := f.GetPageSize()
	tr, tg, tb := f.GetTextColor()
	fr, fg, fb := f.GetFillColor()
	// fpdf wraps text in its own colour when fill and text colours differ.
	differ := tr != fr || tg != fg || tb != fb
	b := w.op[:0]
	if differ {
		b = append(b, "q "...)
		b = appendColor(b, tr, tg, tb)
		b = append(b, ' ')
	}
	b = append(b, "BT "...)
	b = appendFixed(b, x*k, 2)
	b = append(b, ' ')
	b = appendFixed(b, (h-y)*k, 2)
	b = append(b, " Td ("...)
	for _, c := range enc {
		switch c {
		case '\\', '(', ')':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	b = append(b, ") Tj ET"...)
	if differ {
		b = append(b, " Q"...)
	}
	w.op = b
	if w.parts != nil && w.parts.aside {
		w.parts.setAside(b)
		return
	}
	w.raw(b)
}

// raw writes one operator line into the page as RawWriteStr does,
// without making a string of it.
func (w *writer) raw(b []byte) {
	w.rd.Reset(b)
	w.pdf.RawWriteBuf(&w.rd)
}

// appendColor appends a fill colour operator as fpdf writes it: "g" with
// one grey level, or "rg".
func appendColor(b []byte, r, g, bl int) []byte { return appendColorOp(b, r, g, bl, " g", " rg") }

// appendColorOp appends a colour operator as fpdf writes it, with the
// operator gray for one grey level, else full ("G" and "RG" to stroke).
func appendColorOp(b []byte, r, g, bl int, gray, full string) []byte {
	level := func(v int) float64 { return float64(min(max(v, 0), 255)) / 255.0 }
	// fpdf's test for grey compares red with green and with blue this way.
	if r == g && level(r) == level(bl) {
		b = appendFixed(b, level(r), 3)
		return append(b, gray...)
	}
	b = appendFixed(b, level(r), 3)
	b = append(b, ' ')
	b = appendFixed(b, level(g), 3)
	b = append(b, ' ')
	b = appendFixed(b, level(bl), 3)
	return append(b, full...)
}

// rect draws a rectangle as fpdf's Rect does; style is "F" (fill), "D"
// (stroke) or "FD" (both).
func (w *writer) rect(x, y, width, height float64, style string) {
	f := w.pdf
	k := f.GetConversionRatio()
	_, h := f.GetPageSize()
	b := w.op[:0]
	b = appendFixed(b, x*k, 2)
	b = append(b, ' ')
	b = appendFixed(b, (h-y)*k, 2)
	b = append(b, ' ')
	b = appendFixed(b, width*k, 2)
	b = append(b, ' ')
	b = appendFixed(b, -height*k, 2)
	b = append(b, " re "...)
	b = append(b, paintOp(style)...)
	w.op = b
	w.raw(b)
}

// paintOp is fpdf's operator for a drawing style.
func paintOp(style string) string {
	switch strings.ToUpper(style) {
	case "", "D":
		return "S"
	case "F":
		return "f"
	case "F*":
		return "f*"
	case "FD", "DF":
		return "B"
	case "FD*", "DF*":
		return "B*"
	}
	return style
}

// line draws a line as fpdf's Line does.
func (w *writer) line(x1, y1, x2, y2 float64) {
	f := w.pdf
	k := f.GetConversionRatio()
	_, h := f.GetPageSize()
	b := w.op[:0]
	b = appendFixed(b, x1*k, 2)
	b = append(b, ' ')
	b = appendFixed(b, (h-y1)*k, 2)
	b = append(b, " m "...)
	b = appendFixed(b, x2*k, 2)
	b = append(b, ' ')
	b = appendFixed(b, (h-y2)*k, 2)
	b = append(b, " l S"...)
	w.op = b
	w.raw(b)
}

// lineWidth sets the line width as fpdf's SetLineWidth does. fpdf keeps
// the width for the next page, so a new width goes through fpdf; the
// same width again, which tables and charts set for every row, only
// writes its operator.
func (w *writer) lineWidth(v float64) {
	f := w.pdf
	if f.GetLineWidth() != v || f.PageNo() == 0 {
		f.SetLineWidth(v)
		return
	}
	b := appendFixed(w.op[:0], v*f.GetConversionRatio(), 2)
	b = append(b, " w"...)
	w.op = b
	w.raw(b)
}

// circle draws a circle of radius r around (x, y) as fpdf's Circle does:
// six Bézier arcs, computed in the same order so the numbers are the same.
// style is "F" (fill), "D" (stroke) or "FD" (both), as for rect.
func (w *writer) circle(x, y, r float64, style string) {
	f := w.pdf
	k := f.GetConversionRatio()
	_, h := f.GetPageSize()
	x *= k
	y = (h - y) * k
	rx, ry := r*k, r*k
	// Typed variables, not constants: fpdf's angles are rounded at each
	// step at run time, and constant arithmetic would be exact.
	degStart, degEnd := 0.0, 360.0
	segments := int(degEnd-degStart) / 60
	angleStart := degStart * math.Pi / 180
	angleEnd := degEnd * math.Pi / 180
	dt := (angleEnd - angleStart) / float64(segments)
	dtm := dt / 3
	t := angleStart
	a0 := x + rx*math.Cos(t)
	b0 := y + ry*math.Sin(t)
	c0 := -rx * math.Sin(t)
	d0 := ry * math.Cos(t)
	sx, sy := a0/k, h-(b0/k)
	b := w.op[:0]
	b = appendFixed(b, sx*k, 2)
	b = append(b, ' ')
	b = appendFixed(b, (h-sy)*k, 2)
	b = append(b, " m\n"...)
	num := func(v float64) {
		b = appendFixed(b, v, 5)
	}
	for j := 1; j <= segments; j++ {
		t = (float64(j) * dt) + angleStart
		a1 := x + rx*math.Cos(t)
		b1 := y + ry*math.Sin(t)
		c1 := -rx * math.Sin(t)
		d1 := ry * math.Cos(t)
		cx0, cy0 := (a0+(c0*dtm))/k, h-((b0+(d0*dtm))/k)
		cx1, cy1 := (a1-(c1*dtm))/k, h-((b1-(d1*dtm))/k)
		ex, ey := a1/k, h-(b1/k)
		num(cx0 * k)
		b = append(b, ' ')
		num((h - cy0) * k)
		b = append(b, ' ')
		num(cx1 * k)
		b = append(b, ' ')
		num((h - cy1) * k)
		b = append(b, ' ')
		num(ex * k)
		b = append(b, ' ')
		num((h - ey) * k)
		b = append(b, " c\n"...)
		a0, b0, c0, d0 = a1, b1, c1, d1
	}
	b = append(b, paintOp(style)...)
	w.op = b
	w.raw(b)
}
