package xlsx

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/report"

	"github.com/xuri/excelize/v2"
)

// TestTablesPrintOnePageWide: every tracker sheet printed whole (all but
// the WBS, which prints in blocks, and the summary, fitted to one page) is
// fitted to one page wide and as many tall as it takes, with its header
// rows repeated, so every column of a record prints on the same page; and
// its widths keep that fit legible (7 points or more) in LibreOffice's
// wider measure of the Japanese font as in Excel's, charts and the risk
// heat map included. The ec example's 課題 and リスク sheets spilled
// columns onto a second page at 64 % before.
func TestTablesPrintOnePageWide(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, lang string }{{"ec", "ja"}, {"ec", "en"}, {"kikan", "ja"}, {"kikan", "en"}, {"network", "ja"}} {
		d := exampleDoc(t, c.name, c.lang)
		data := render(t, d)
		f := open(t, data)
		edges := chartRightEdges(t, data)
		mdw := maxDigitPx(c.lang) // LibreOffice's, the wider
		checked := 0
		for i, sheet := range f.GetSheetList() {
			if i == 0 || sheet == d.L.Get("sheet.wbs") {
				continue
			}
			props, _ := f.GetSheetProps(sheet)
			pl, _ := f.GetPageLayout(sheet)
			if !deref(props.FitToPage) || deref(pl.FitToWidth) != 1 || deref(pl.FitToHeight) != 0 {
				t.Errorf("%s-%s %s: not fitted to one page wide (fit %v, %d × %d)", c.name, c.lang, sheet, deref(props.FitToPage), deref(pl.FitToWidth), deref(pl.FitToHeight))
				continue
			}
			checked++
			rows, _ := f.GetRows(sheet)
			last := 0
			for _, r := range rows {
				for j := len(r); j > 0; j-- {
					if strings.TrimSpace(r[j-1]) != "" {
						last = max(last, j)
						break
					}
				}
			}
			colsMM := func(c2 int) float64 {
				w := 0.0
				for col := 1; col <= c2; col++ {
					name, _ := excelize.ColumnNumberToName(col)
					cw, _ := f.GetColWidth(sheet, name)
					w += columnMM(cw, mdw)
				}
				return w
			}
			wide := colsMM(last)
			for _, e := range edges[sheet] {
				wide = max(wide, colsMM(e.col-1)+e.offMM)
			}
			if scale := a3PrintableMM(t, f, sheet) / wide * 100; scale < float64(lowestScale()) {
				t.Errorf("%s-%s %s: one page wide is %.0f %% in LibreOffice's measure, text under %.0f pt", c.name, c.lang, sheet, scale, minPrintPt)
			}
			titles := definedName(f, sheet, "_xlnm.Print_Titles")
			if len(rows) > 1 && !strings.HasSuffix(titles, "$1:$2") {
				t.Errorf("%s-%s %s: print titles %q do not repeat the title and header rows", c.name, c.lang, sheet, titles)
			}
		}
		if checked < 6 {
			t.Errorf("%s-%s: only %d sheets checked", c.name, c.lang, checked)
		}
	}
}

// TestWideTableWrapsItsText: the ec 課題 table is wider than the page at
// prefScale, so its long text columns (詳細, 対応内容) are narrowed, not
// its dates, codes or source references; their cells wrap and every row
// is tall enough for its wrapped lines.
func TestWideTableWrapsItsText(t *testing.T) {
	t.Parallel()
	d := exampleDoc(t, "ec", "ja")
	f := open(t, render(t, d))
	sheet := d.L.Get("sheet.issues")
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for j, h := range rows[headerRow-1] {
		col[h] = j + 1
	}
	width := func(label string) float64 {
		name, _ := excelize.ColumnNumberToName(col[label])
		w, _ := f.GetColWidth(sheet, name)
		return w
	}
	desc := d.L.Get("col.description")
	if w := width(desc); w >= maxWidth || w < wrapMin {
		t.Errorf("%s is %.2f wide, want narrowed to at least %.0f", desc, w, wrapMin)
	}
	src := d.L.Get("col.source")
	longest := 0.0
	for _, r := range rows[headerRow:] {
		if j := col[src] - 1; j < len(r) {
			longest = max(longest, textWidth(r[j]))
		}
	}
	if w := width(src); w < longest {
		t.Errorf("the source column (%.2f) was narrowed below its references (%.0f)", w, longest)
	}
	name, _ := excelize.ColumnNumberToName(col[desc])
	for r := firstRow; r < firstRow+len(d.Issues); r++ {
		ref := name + itoa(r)
		v, _ := f.GetCellValue(sheet, ref)
		id, _ := f.GetCellStyle(sheet, ref)
		st, _ := f.GetStyle(id)
		h, _ := f.GetRowHeight(sheet, r)
		lines := linesIn(v, width(desc))
		if lines > 1 && (st == nil || st.Alignment == nil || !st.Alignment.WrapText) {
			t.Errorf("%s (%d lines) does not wrap", ref, lines)
		}
		if need := rowHeight(lines, 18); lines > 1 && h < need {
			t.Errorf("row %d is %.0f pt for %d lines of %s (want %.0f)", r, h, lines, desc, need)
		}
	}
}

func itoa(n int) string {
	s, _ := excelize.CoordinatesToCellName(1, n)
	return s[1:]
}

// TestFitWidths: a table that fits the page at the scale keeps its
// widths; a wider one has its wrappable columns capped at one common
// width, the widest that fits, never under their header or floor, and
// its other columns untouched; columns not printed take no room.
func TestFitWidths(t *testing.T) {
	t.Parallel()
	pw, _ := printableMM()
	mdw := maxDigitPx("ja")
	sum := func(ws []float64, printed []bool) float64 {
		mm := 0.0
		for j, w := range ws {
			if printed[j] {
				mm += columnMM(w, mdw)
			}
		}
		return mm
	}
	all := []bool{true, true, true, true}
	narrow := []float64{10, 30, 12, 40}
	if got, n := fitWidths(narrow, []float64{5, 5, 5, 5}, []float64{0, wrapMin, 0, wrapMin}, all, 0, prefScale, "ja"); !slices.Equal(got, narrow) || n[1] || n[3] {
		t.Errorf("a table that fits was changed: %v %v", got, n)
	}
	wide := []float64{12, 60, 14, 60, 40}
	head := []float64{8, 6, 8, 25, 10}
	floor := []float64{0, wrapMin, 0, wrapMin, 0}
	printed := []bool{true, true, true, true, true}
	got, n := fitWidths(wide, head, floor, printed, 150, prefScale, "ja")
	if got[0] != 12 || got[2] != 14 || got[4] != 40 || n[0] || n[2] || n[4] {
		t.Errorf("columns that do not wrap were narrowed: %v", got)
	}
	if !n[1] || !n[3] || got[1] != got[3] || got[1] < 25 {
		t.Errorf("the wrapped columns are %v (narrowed %v), want one cap at least the header 25", got, n)
	}
	if avail := pw * 100 / prefScale; sum(got, printed)+150 > avail || sum([]float64{12, got[1] + 0.25, 14, got[3] + 0.25, 40}, printed)+150 <= avail {
		t.Errorf("the cap %.2f is not the widest that fits", got[1])
	}
	// Too wide even at the floors: every wrappable column at its floor.
	got, _ = fitWidths(wide, []float64{8, 6, 8, 6, 10}, floor, printed, 1000, prefScale, "ja")
	if got[1] != wrapMin || got[3] != wrapMin {
		t.Errorf("at the floors: %v", got)
	}
	// The last column is not printed: without it the table fits.
	got, n = fitWidths([]float64{12, 60, 14, 60, 400}, head, floor, []bool{true, true, true, true, false}, 0, prefScale, "ja")
	if n[1] || n[3] {
		t.Errorf("an unprinted column made the table narrow: %v", got)
	}
}

// TestLongNarrowListsPrintPortrait: a table printed whole that fits a
// portrait page's width at full size and runs over several pages prints
// portrait, in fewer pages at the same text size (two hundred findings of
// an English tracker); a wide table (課題) stays landscape, and so does a
// short list that fits one landscape page.
func TestLongNarrowListsPrintPortrait(t *testing.T) {
	t.Parallel()
	d := exampleDoc(t, "kikan", "en")
	short := exampleDoc(t, "kikan", "en")
	for i := range 200 {
		d.Findings = append(d.Findings, diag.Finding{Severity: diag.Warning, Rule: "issue-no-due",
			Pos: diag.Pos{File: "issues.xlsx", Sheet: "Issues", Row: 3 + i, Col: 9}, Message: fmt.Sprintf("open issue %d has no due date", i+1)})
	}
	orient := func(d *report.Document, key string) (string, float64) {
		f := open(t, render(t, d))
		defer f.Close()
		pl, _ := f.GetPageLayout(d.L.Get(key))
		return deref(pl.Orientation), a3PrintableMM(t, f, d.L.Get(key))
	}
	if o, w := orient(d, "sheet.findings"); o != "portrait" || w > 280 {
		t.Errorf("200 findings print %s (%.0f mm wide), want portrait", o, w)
	}
	if o, _ := orient(short, "sheet.findings"); o != "landscape" {
		t.Errorf("a one-page findings list prints %s", o)
	}
	if o, _ := orient(d, "sheet.issues"); o != "landscape" {
		t.Errorf("the issues table prints %s", o)
	}
	// The choice itself: the same rows, fewer pages portrait.
	lw, _ := printableMM()
	if orientation(lw-1, 10000, 60) != "landscape" || orientation(200, 10000, 60) != "portrait" || orientation(200, 500, 60) != "landscape" {
		t.Error("orientation: wide stays landscape, long and narrow goes portrait, short stays landscape")
	}
}

// TestShortLastPage: a list whose last rows would spill onto a page of
// their own is fitted one page shorter when its text shrinks by less than
// a tenth; a list half a page over, or one already on one page, keeps
// its pages.
func TestShortLastPage(t *testing.T) {
	t.Parallel()
	_, h := printableMM()
	page := (h/25.4 - 2*headerIn) * 72 // points of a landscape page at 100 %
	titles := 60.0
	for _, c := range []struct {
		name        string
		widthMM, pt float64
		want        int
	}{
		{"one page", 300, page * 0.8, 0},
		{"a few rows over two pages", 300, titles + 2*(page-titles) + 40, 2},
		{"half a page over", 300, titles + 1.5*(page-titles), 0},
		{"too wide to shrink further", 620, titles + (page-titles)/0.645 + 20, 0},
	} {
		if got := shortLastPage(c.widthMM, c.pt, titles, "landscape"); got != c.want {
			t.Errorf("%s: fitted %d pages tall, want %d", c.name, got, c.want)
		}
	}
}
