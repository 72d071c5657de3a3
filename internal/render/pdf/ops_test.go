package pdf

import (
	"bytes"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// TestOpsAsFpdf draws the same texts, circles, rectangles and lines, with
// the same colours and line widths set again and again, through fpdf and
// through ops.go and colors.go: the documents must be the same bytes.
func TestOpsAsFpdf(t *testing.T) {
	t.Parallel()
	texts := []string{"plain", "(paren) \\ back\rslash", "\x00(\x30)\x5c", ""}
	circles := []struct{ x, y, r float64 }{{20, 30, 0.55}, {151.234, 99.87, 0.9}, {3.3, 207.1, 2.75}, {280, 1, 0.6}}
	colors := [][2]rgb{{black, black}, {black, white}, {grey, planBlue}, {todayRed, todayRed}, {rgb(0x0a0a14), rgb(0x0a0a0a)}}
	doc := func(own bool) []byte {
		f := fpdf.New("L", "mm", "A4", "")
		f.SetCompression(false)
		f.SetCatalogSort(true)
		f.SetFont("Helvetica", "", 9)
		w := &writer{pdf: f}
		for range 2 {
			f.AddPage()
			for i, c := range colors {
				if own {
					w.color(c[0])
					w.fill(c[1])
				} else {
					f.SetTextColor(c[0].parts())
					f.SetFillColor(c[1].parts())
				}
				for j, s := range texts {
					x, y := 10+float64(i)*7.31, 20+float64(j)*9.87
					if own {
						w.textOp(x, y, []byte(s))
					} else {
						f.Text(x, y, s)
					}
				}
				for _, style := range []string{"F", "FD", "D", "", "DF", "f*"} {
					for _, p := range circles {
						if own {
							w.circle(p.x+float64(i), p.y, p.r, style)
							w.rect(p.x, p.y+float64(i), p.r*3, -p.r, style)
						} else {
							f.Circle(p.x+float64(i), p.y, p.r, style)
							f.Rect(p.x, p.y+float64(i), p.r*3, -p.r, style)
						}
					}
				}
				for _, lw := range []float64{0.15, 0.15, 0.3, 0.004, 0.3} {
					for _, c := range []rgb{c[0], c[0], c[1]} {
						if own {
							w.lineWidth(lw)
							w.stroke(c)
							w.fill(c)
							w.line(lw, 10, 280-lw*100, 200.123)
						} else {
							f.SetLineWidth(lw)
							f.SetDrawColor(c.parts())
							f.SetFillColor(c.parts())
							f.Line(lw, 10, 280-lw*100, 200.123)
						}
					}
				}
			}
		}
		var b bytes.Buffer
		if err := f.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	want, got := doc(false), doc(true)
	if !bytes.Equal(got, want) {
		i := 0
		for i < min(len(got), len(want)) && got[i] == want[i] {
			i++
		}
		t.Errorf("documents differ at byte %d:\nfpdf: %q\nops:  %q", i, want[max(i-40, 0):min(i+80, len(want))], got[max(i-40, 0):min(i+80, len(got))])
	}
}
