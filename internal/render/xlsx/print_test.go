package xlsx

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/report"
	"github.com/xuri/excelize/v2"
)

// printedSheet is what the test reads back of one sheet's print setup.
type printedSheet struct {
	scale  float64    // percent the sheet prints at
	blocks [][2]int   // printed column ranges (the used range when none)
	titles string     // Print_Titles
	minPt  float64    // smallest font size of a non-empty cell
	header string     // odd header
	footer string     // odd footer
	widths []float64  // column widths, 1-based
	heads  [][]string // rows of the sheet, for the WBS checks
}

func props0(f *excelize.File, sheet string) excelize.SheetPropsOptions {
	p, _ := f.GetSheetProps(sheet)
	return p
}

// a3PrintableMM is A3's width the way the sheet is printed (landscape or
// portrait) minus the margins the file gives, as a
// printer sees it.
func a3PrintableMM(t *testing.T, f *excelize.File, sheet string) float64 {
	t.Helper()
	m, err := f.GetPageMargins(sheet)
	if err != nil {
		t.Fatal(err)
	}
	width := 420.0
	if pl, err := f.GetPageLayout(sheet); err == nil && deref(pl.Orientation) == "portrait" {
		width = 297
	}
	return width - (*m.Left+*m.Right)*25.4
}

// excelColumnMM is Excel's printed width of a column, with the digit width
// of 游ゴシック in Excel (8 px) or Calibri (7 px).
func excelColumnMM(w float64, lang string) float64 {
	mdw := 8.0
	if lang == "en" {
		mdw = 7
	}
	return math.Trunc((256*w+math.Trunc(128/mdw))/256*mdw) * 25.4 / 96
}

func readPrinted(t *testing.T, data []byte, lang string) map[string]printedSheet {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	names := map[string]map[string]string{}
	for _, n := range f.GetDefinedName() {
		if names[n.Scope] == nil {
			names[n.Scope] = map[string]string{}
		}
		names[n.Scope][n.Name] = n.RefersTo
	}
	out := map[string]printedSheet{}
	edges := chartRightEdges(t, data)
	for _, sheet := range f.GetSheetList() {
		var ps printedSheet
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		ps.heads = rows
		ncol := 0
		for _, r := range rows {
			ncol = max(ncol, len(r))
		}
		ps.widths = make([]float64, ncol+1)
		for c := 1; c <= ncol; c++ {
			name, _ := excelize.ColumnNumberToName(c)
			ps.widths[c], _ = f.GetColWidth(sheet, name)
		}
		if area := names[sheet]["_xlnm.Print_Area"]; area != "" {
			for _, part := range strings.Split(area, ",") {
				ref := part[strings.LastIndex(part, "!")+1:]
				ref = strings.ReplaceAll(ref, "$", "")
				a, b, _ := strings.Cut(ref, ":")
				c1, _, err1 := excelize.CellNameToCoordinates(a)
				c2, _, err2 := excelize.CellNameToCoordinates(b)
				if err1 != nil || err2 != nil {
					t.Fatalf("%s: print area %q", sheet, area)
				}
				ps.blocks = append(ps.blocks, [2]int{c1, c2})
			}
		} else {
			ps.blocks = [][2]int{{1, ncol}}
		}
		ps.titles = names[sheet]["_xlnm.Print_Titles"]
		pl, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if o := deref(pl.Orientation); deref(pl.Size) != 8 || o != "landscape" && (o != "portrait" || !deref(props0(f, sheet).FitToPage)) {
			t.Errorf("%s: paper %d %s, want A3 (8) landscape, or portrait when fitted to the page", sheet, deref(pl.Size), o)
		}
		props, _ := f.GetSheetProps(sheet)
		if deref(props.FitToPage) {
			// Fit to FitToWidth pages wide: the printer scales the widest
			// block down to the page; a sheet printed whole, with the
			// charts beside its cells.
			colsMM := func(c1, c2 int) float64 { return sheetColsMM(f, sheet, ps.widths, c1, c2, lang) }
			wide := 0.0
			for _, bl := range ps.blocks {
				wide = max(wide, colsMM(bl[0], min(bl[1], len(ps.widths)-1))/float64(max(deref(pl.FitToWidth), 1)))
			}
			if names[sheet]["_xlnm.Print_Area"] == "" {
				for _, e := range edges[sheet] {
					wide = max(wide, colsMM(1, e.col-1)+e.offMM)
				}
			}
			ps.scale = min(100, a3PrintableMM(t, f, sheet)/wide*100)
		} else {
			ps.scale = float64(deref(pl.AdjustTo))
		}
		ps.minPt = math.Inf(1)
		for r, row := range rows {
			for c, v := range row {
				if v == "" || !inBlocks(ps.blocks, c+1) {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				id, _ := f.GetCellStyle(sheet, ref)
				size := 11.0 // the workbook's default font
				if st, err := f.GetStyle(id); err == nil && st.Font != nil && st.Font.Size > 0 {
					size = st.Font.Size
				}
				ps.minPt = min(ps.minPt, size)
			}
		}
		if hf, _ := f.GetHeaderFooter(sheet); hf != nil {
			ps.header, ps.footer = hf.OddHeader, hf.OddFooter
		}
		out[sheet] = ps
	}
	return out
}

// sheetColsMM is the printed width in Excel's metrics of columns c1..c2
// at 100 %: widths read back (1-based), else the sheet's own.
func sheetColsMM(f *excelize.File, sheet string, widths []float64, c1, c2 int, lang string) float64 {
	w := 0.0
	for c := c1; c <= c2; c++ {
		cw := defaultColWidth
		if c < len(widths) {
			cw = widths[c]
		} else if name, err := excelize.ColumnNumberToName(c); err == nil {
			cw, _ = f.GetColWidth(sheet, name)
		}
		w += excelColumnMM(cw, lang)
	}
	return w
}

func inBlocks(bs [][2]int, c int) bool {
	for _, b := range bs {
		if c >= b[0] && c <= b[1] {
			return true
		}
	}
	return false
}

// TestPrintedFontSize computes, for every sheet of several trackers, the
// size the smallest text prints at on A3 landscape from the sheet's
// scale (or fit-to-page and its column widths) and fails under 7 pt.
func TestPrintedFontSize(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		doc  func(t *testing.T) *report.Document
	}{
		{"kikan-ja", func(t *testing.T) *report.Document { return exampleDoc(t, "kikan", "ja") }},
		{"kikan-en", func(t *testing.T) *report.Document { return exampleDoc(t, "kikan", "en") }},
		{"ec-ja", func(t *testing.T) *report.Document { return exampleDoc(t, "ec", "ja") }},
		{"network-ja", func(t *testing.T) *report.Document { return exampleDoc(t, "network", "ja") }},
		{"small-daily-ja", func(*testing.T) *report.Document { return generated(smallSpec("ja")) }},
		{"two-years-en", func(*testing.T) *report.Document {
			return generated(spec{tasks: 300, issues: 80, risks: 20, start: day0(), days: 730, lang: "en", seed: 3})
		}},
		{"empty-en", func(*testing.T) *report.Document { return emptyDoc("en") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			d := c.doc(t)
			for sheet, ps := range readPrinted(t, render(t, d), d.Lang) {
				if math.IsInf(ps.minPt, 1) {
					continue // nothing printed
				}
				if pt := ps.minPt * ps.scale / 100; pt < 7 {
					t.Errorf("%s prints its %.0f-point text at %.1f pt (scale %.0f %%), want at least 7", sheet, ps.minPt, pt, ps.scale)
				}
				if !strings.Contains(ps.footer, "&P") || !strings.Contains(ps.footer, "&N") {
					t.Errorf("%s: footer %q has no page n / N", sheet, ps.footer)
				}
				if !d.AsOf.IsZero() && !strings.Contains(ps.header, d.AsOf.Time().Format("2006/01/02")) {
					t.Errorf("%s: header %q has no status date", sheet, ps.header)
				}
				if d.Project.Name != "" && !strings.Contains(ps.header, strings.ReplaceAll(d.Project.Name, "&", "&&")) {
					t.Errorf("%s: header %q has no project", sheet, ps.header)
				}
			}
		})
	}
}

// TestWBSPrintLayout checks the WBS prints as a table that fits the page
// width (in Excel's column metrics) and a Gantt grid on pages of its own
// with the columns up to the task name repeated.
func TestWBSPrintLayout(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"ja", "en"} {
		d := exampleDoc(t, "kikan", lang)
		f := open(t, render(t, d))
		sheet := d.L.Get("sheet.wbs")
		ps := readPrinted(t, render(t, d), lang)[sheet]
		if len(ps.blocks) != 2 {
			t.Fatalf("%s: print blocks %v, want the table and the Gantt grid", lang, ps.blocks)
		}
		table, grid := ps.blocks[0], ps.blocks[1]
		w := 0.0
		for c := table[0]; c <= table[1]; c++ {
			w += excelColumnMM(ps.widths[c], lang)
		}
		if printed := w * ps.scale / 100; printed > a3PrintableMM(t, f, sheet) {
			t.Errorf("%s: the task table prints %.0f mm wide at %.0f %%, wider than A3", lang, printed, ps.scale)
		}
		head := ps.heads[headerRow-1]
		name := -1
		for j, h := range head {
			if h == d.L.Get("col.name") {
				name = j + 1
			}
		}
		if name < 0 || !strings.Contains(ps.titles, "$A:$"+mustCol(t, name)) || !strings.Contains(ps.titles, "$1:$2") {
			t.Errorf("%s: print titles %q, want columns A through the task name (%d) and rows 1-2", lang, ps.titles, name)
		}
		if grid[0] <= table[1] || grid[1] < grid[0] {
			t.Errorf("%s: Gantt block %v overlaps the table %v", lang, grid, table)
		}
		// The grid's header holds dates, the table's none.
		if _, err := strconv.Atoi(rawCell(t, f, sheet, grid[0], headerRow)); err != nil {
			t.Errorf("%s: the Gantt block starts at a column without a date heading", lang)
		}
	}
}

func mustCol(t *testing.T, c int) string {
	t.Helper()
	n, err := excelize.ColumnNumberToName(c)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func rawCell(t *testing.T, f *excelize.File, sheet string, c, r int) string {
	t.Helper()
	ref, _ := excelize.CoordinatesToCellName(c, r)
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestGanttDailyUpToSixMonths: a project of five months gets a column a
// day, one of ten months a column a week.
func TestGanttDailyUpToSixMonths(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		days int
		step int
	}{{150, 1}, {300, 7}} {
		d := generated(spec{tasks: 40, issues: 5, risks: 2, start: day0(), days: c.days, lang: "ja", seed: 5})
		f := open(t, render(t, d))
		sheet := d.L.Get("sheet.wbs")
		c0 := ganttCol(len(d.TaskColumns()))
		a, _ := strconv.Atoi(rawCell(t, f, sheet, c0, headerRow))
		b, _ := strconv.Atoi(rawCell(t, f, sheet, c0+1, headerRow))
		if a == 0 || b-a != c.step {
			t.Errorf("%d days: grid columns %d and %d apart, want %d", c.days, a, b, c.step)
		}
	}
}

// TestPhaseBreaks: a long WBS gets manual page breaks, each before a
// top-level task, and none leaving a page less than half full.
func TestPhaseBreaks(t *testing.T) {
	t.Parallel()
	d := generated(spec{tasks: 600, issues: 10, risks: 2, start: day0(), days: 365, lang: "ja", seed: 9})
	data := render(t, d)
	f := open(t, data)
	sheet := d.L.Get("sheet.wbs")
	idx, _ := f.GetSheetIndex(sheet)
	var breaks []int
	for _, s := range strings.Fields(pageBreaks(t, data, idx)) {
		r, _ := strconv.Atoi(s)
		breaks = append(breaks, r)
	}
	if len(breaks) < 3 {
		t.Fatalf("%d tasks: page breaks %v, want several", len(d.Tasks), breaks)
	}
	prev := firstRow
	for _, r := range breaks {
		i := r - firstRow
		if i <= 0 || i >= len(d.Tasks) || d.Tasks[i].Level != 1 {
			t.Errorf("break before row %d, which is not a top-level task", r)
			continue
		}
		if r-prev < 20 {
			t.Errorf("break before row %d leaves a page of %d rows", r, r-prev)
		}
		prev = r
	}
}

// TestHeadersNeverWrap: every table header fits its column on one line,
// so no client breaks a label inside a word (遅れ気味タス／ク).
func TestHeadersNeverWrap(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"ja", "en"} {
		d := exampleDoc(t, "kikan", lang)
		for sheet, ps := range readPrinted(t, render(t, d), lang) {
			if sheet == d.L.Get("sheet.summary") || len(ps.heads) < headerRow {
				continue
			}
			for j, h := range ps.heads[headerRow-1] {
				if h == "" || j+1 >= len(ps.widths) {
					continue
				}
				if textWidth(h) > ps.widths[j+1] {
					t.Errorf("%s!%s%d %q is %.0f wide in a column of %.2f", sheet, mustCol(t, j+1), headerRow, h, textWidth(h), ps.widths[j+1])
				}
			}
		}
	}
}
