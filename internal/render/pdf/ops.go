package pdf

import (
	"math"
	"strconv"
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
	b = strconv.AppendFloat(b, x*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (h-y)*k, 'f', 2, 64)
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
	f.RawWriteStr(string(b))
}

// appendColor appends a fill colour operator as fpdf writes it: "g" with
// one grey level, or "rg".
func appendColor(b []byte, r, g, bl int) []byte {
	level := func(v int) float64 { return float64(min(max(v, 0), 255)) / 255.0 }
	// fpdf's test for grey compares red with green and with blue this way.
	if r == g && level(r) == level(bl) {
		b = strconv.AppendFloat(b, level(r), 'f', 3, 64)
		return append(b, " g"...)
	}
	b = strconv.AppendFloat(b, level(r), 'f', 3, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, level(g), 'f', 3, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, level(bl), 'f', 3, 64)
	return append(b, " rg"...)
}

// circle draws a circle of radius r around (x, y) as fpdf's Circle does:
// six Bézier arcs, computed in the same order so the numbers are the same.
// style is "F" (fill), "D" (stroke) or "FD" (both).
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
	b = strconv.AppendFloat(b, sx*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (h-sy)*k, 'f', 2, 64)
	b = append(b, " m\n"...)
	num := func(v float64) {
		b = strconv.AppendFloat(b, v, 'f', 5, 64)
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
	switch style {
	case "F":
		b = append(b, 'f')
	case "FD", "DF":
		b = append(b, 'B')
	default:
		b = append(b, 'S')
	}
	w.op = b
	f.RawWriteStr(string(b))
}
