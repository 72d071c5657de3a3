package xlsx

import (
	"testing"

	"github.com/pmokit/pmo/internal/report"
	"github.com/xuri/excelize/v2"
)

// TestGanttFitsItsPage: the WBS's Gantt grid, with the columns up to the
// task name repeated at its left, fits one page at the sheet's scale in
// Excel's metrics and in the wider one the scale is chosen for, when a
// narrower week or day column (down to its heading's width) allows; the
// ec example's last three weeks printed on a page of their own before. A
// grid of two years does not fit: the scale stays legible and the grid
// runs on, at its narrowest columns.
func TestGanttFitsItsPage(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		doc  func(t *testing.T) *report.Document
		fits bool
	}{
		{"ec-ja", func(t *testing.T) *report.Document { return exampleDoc(t, "ec", "ja") }, true},
		{"kikan-ja", func(t *testing.T) *report.Document { return exampleDoc(t, "kikan", "ja") }, true},
		{"kikan-en", func(t *testing.T) *report.Document { return exampleDoc(t, "kikan", "en") }, true},
		{"small-daily-ja", func(*testing.T) *report.Document { return generated(smallSpec("ja")) }, true},
		{"two-years-en", func(*testing.T) *report.Document {
			return generated(spec{tasks: 300, issues: 80, risks: 20, start: day0(), days: 730, lang: "en", seed: 3})
		}, false},
	} {
		d := c.doc(t)
		data := render(t, d)
		f := open(t, data)
		sheet := d.L.Get("sheet.wbs")
		ps := readPrinted(t, data, d.Lang)[sheet]
		if len(ps.blocks) != 2 {
			t.Fatalf("%s: blocks %v", c.name, ps.blocks)
		}
		grid := ps.blocks[1]
		name := 0
		for j, h := range ps.heads[headerRow-1] {
			if h == d.L.Get("col.name") {
				name = j + 1
			}
		}
		width := func(col int) float64 {
			n, _ := excelize.ColumnNumberToName(col)
			w, _ := f.GetColWidth(sheet, n)
			return w
		}
		for _, m := range []struct {
			what string
			mm   func(w float64) float64
		}{
			{"Excel", func(w float64) float64 { return excelColumnMM(w, d.Lang) }},
			{"estimate", func(w float64) float64 { return columnMM(w, maxDigitPx(d.Lang)) }},
		} {
			mm := 0.0
			for col := 1; col <= name; col++ {
				mm += m.mm(width(col))
			}
			for col := grid[0]; col <= grid[1]; col++ {
				mm += m.mm(width(col))
			}
			fits := mm*ps.scale/100 <= a3PrintableMM(t, f, sheet)
			if fits != c.fits {
				t.Errorf("%s (%s): the Gantt page is %.0f mm at %.0f %%: fits %v, want %v", c.name, m.what, mm*ps.scale/100, ps.scale, fits, c.fits)
			}
		}
		if ps.scale < float64(lowestScale()) {
			t.Errorf("%s: scale %.0f %%", c.name, ps.scale)
		}
		lo := dayColMin
		if ps.heads[headerRow-1][grid[0]-1] != "" && grid[1]-grid[0] > maxDailySpan {
			lo = weekColMin
		}
		if w := width(grid[0]); w < lo {
			t.Errorf("%s: Gantt columns %.2f wide, under the heading's %.2f", c.name, w, lo)
		}
	}
}
