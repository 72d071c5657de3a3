package xlsx

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/report"
	"github.com/xuri/excelize/v2"
)

// excelLinePt is the height Excel gives a row of 11-point text it sizes
// itself: 游ゴシック's 18.75 points, Calibri's 15.
func excelLinePt(lang string) float64 {
	if lang == "en" {
		return 15
	}
	return 18.75
}

// summaryFit is the scale at which the summary's print area fits one A3
// landscape page in Excel's metrics (its column widths and row heights),
// and whether the sheet asks to be fitted to one page.
func summaryFit(t *testing.T, data []byte, lang string) (scale float64, onePage bool) {
	t.Helper()
	f := open(t, data)
	defer f.Close()
	sheet := f.GetSheetList()[0]
	var area string
	for _, n := range f.GetDefinedName() {
		if n.Scope == sheet && n.Name == "_xlnm.Print_Area" {
			area = n.RefersTo
		}
	}
	ref := strings.ReplaceAll(area[strings.LastIndex(area, "!")+1:], "$", "")
	a, b, _ := strings.Cut(ref, ":")
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		t.Fatalf("print area %q", area)
	}
	wide := 0.0
	for c := c1; c <= c2; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		w, _ := f.GetColWidth(sheet, name)
		wide += excelColumnMM(w, lang)
	}
	tall := 0.0
	for r := r1; r <= r2; r++ {
		h, _ := f.GetRowHeight(sheet, r)
		if h == 15 { // excelize's answer for a row without a height of its own
			h = excelLinePt(lang)
		}
		tall += h
	}
	m, _ := f.GetPageMargins(sheet)
	pageW := 420 - (*m.Left+*m.Right)*25.4
	pageH := (297-(*m.Top+*m.Bottom)*25.4)/25.4*72 - (*m.Header+*m.Footer)*72
	pl, _ := f.GetPageLayout(sheet)
	props, _ := f.GetSheetProps(sheet)
	onePage = deref(props.FitToPage) && deref(pl.FitToWidth) == 1 && deref(pl.FitToHeight) == 1
	return min(100, pageW/wide*100, pageH/tall*100), onePage
}

// TestSummaryPrintsOnOnePage: the 概要 sheet asks to be fitted to one page
// (so it prints on one in any client, whatever its row heights), and in
// Excel's own row heights that page holds its text at 7 points or more.
// The kikan example's summary printed on two pages before.
func TestSummaryPrintsOnOnePage(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, lang string }{{"kikan", "ja"}, {"kikan", "en"}, {"ec", "ja"}, {"network", "ja"}, {"ec", "en"}} {
		d := exampleDoc(t, c.name, c.lang)
		scale, one := summaryFit(t, render(t, d), c.lang)
		if !one {
			t.Errorf("%s-%s: the summary is not fitted to one page", c.name, c.lang)
		}
		if pt := bodyPt * scale / 100; pt < minPrintPt {
			t.Errorf("%s-%s: one page holds the summary at %.0f %% in Excel, %.1f-point text", c.name, c.lang, scale, pt)
		}
	}
}

// TestLongSummaryRunsOnLegibly: a summary too long for one legible page
// (sixty decisions needed) is not squeezed onto one: it keeps the scale of
// its width and runs onto a second page.
func TestLongSummaryRunsOnLegibly(t *testing.T) {
	t.Parallel()
	d := exampleDoc(t, "kikan", "ja")
	for i := range 60 {
		d.Decisions = append(d.Decisions, fmt.Sprintf("判断事項 %d：移行リハーサルの日程と体制の承認", i+1))
	}
	data := render(t, d)
	if _, one := summaryFit(t, data, "ja"); one {
		t.Error("a summary of sixty decisions is fitted to one page")
	}
	printed := readPrinted(t, data, "ja")
	if ps := printed[report.LabelsFor("ja").Get("sheet.summary")]; ps.scale < float64(lowestScale()) {
		t.Errorf("the long summary prints at %.0f %%", ps.scale)
	}
}

// TestSummaryLabelsFit: the summary's label column is as wide as its
// widest label, a source's path included (teams/業務/単体テスト仕様書.xlsx
// was cut off at the fixed 22), within sumLabelMax; a longer path wraps on
// a row tall enough for it.
func TestSummaryLabelsFit(t *testing.T) {
	t.Parallel()
	d := exampleDoc(t, "kikan", "ja")
	long := "teams/" + strings.Repeat("業務システム/", 6) + "単体テスト仕様書.xlsx"
	d.A.Coverage.Sources = append(d.A.Coverage.Sources, d.A.Coverage.Sources[0])
	d.A.Coverage.Sources[len(d.A.Coverage.Sources)-1].Name = long
	f := open(t, render(t, d))
	sheet := f.GetSheetList()[0]
	w, _ := f.GetColWidth(sheet, "A")
	if w != sumLabelMax {
		t.Errorf("label column %.2f wide, want the limit %.0f with a path longer than it", w, sumLabelMax)
	}
	rows, _ := f.GetRows(sheet)
	seen := 0
	for i, r := range rows {
		if len(r) == 0 || !strings.HasPrefix(r[0], "teams/") {
			continue
		}
		seen++
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		id, _ := f.GetCellStyle(sheet, ref)
		st, _ := f.GetStyle(id)
		wraps := st != nil && st.Alignment != nil && st.Alignment.WrapText
		h, _ := f.GetRowHeight(sheet, i+1)
		switch {
		case r[0] == long && (!wraps || h < rowHeight(linesIn(long, w-1), 18)):
			t.Errorf("%s: the long path does not wrap on a row tall enough (wrap %v, %.0f pt)", ref, wraps, h)
		case r[0] != long && labelWidth(r[0]) > w:
			t.Errorf("%s: %q needs %.1f, the column is %.2f", ref, r[0], labelWidth(r[0]), w)
		}
	}
	if seen < 6 {
		t.Errorf("only %d source rows found", seen)
	}
	if scale, one := summaryFit(t, render(t, exampleDoc(t, "kikan", "ja")), "ja"); !one || scale < float64(lowestScale()) {
		t.Errorf("kikan's summary with its wider labels: one page %v at %.0f %%", one, scale)
	}
}
