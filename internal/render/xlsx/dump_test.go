package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// dump renders a workbook as readable text: per sheet its view, print
// setup, columns, merges, outline levels, every non-empty cell with its
// type, number format and style summary, validations and conditional
// formats; then defined names and the charts. Golden files hold this.
func dump(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer f.Close()
	var w strings.Builder
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&w, "props: title=%q creator=%q created=%s modified=%s lang=%s\n", props.Title, props.Creator, props.Created, props.Modified, props.Language)
	for _, sheet := range f.GetSheetList() {
		dumpSheet(t, &w, f, data, sheet)
	}
	w.WriteString("\n== defined names\n")
	for _, n := range f.GetDefinedName() {
		fmt.Fprintf(&w, "%s [%s] = %s\n", n.Name, n.Scope, n.RefersTo)
	}
	w.WriteString("\n== charts\n")
	w.WriteString(dumpCharts(t, data))
	return w.String()
}

func dumpSheet(t *testing.T, w *strings.Builder, f *excelize.File, data []byte, sheet string) {
	t.Helper()
	visible, _ := f.GetSheetVisible(sheet)
	fmt.Fprintf(w, "\n== sheet %s visible=%v\n", sheet, visible)
	panes, _ := f.GetPanes(sheet)
	if panes.Freeze {
		fmt.Fprintf(w, "freeze: x=%d y=%d top-left=%s\n", panes.XSplit, panes.YSplit, panes.TopLeftCell)
	}
	pl, _ := f.GetPageLayout(sheet)
	fmt.Fprintf(w, "page: size=%d orientation=%s fit-width=%d fit-height=%d scale=%d\n", deref(pl.Size), deref(pl.Orientation), deref(pl.FitToWidth), deref(pl.FitToHeight), deref(pl.AdjustTo))
	if idx, _ := f.GetSheetIndex(sheet); idx >= 0 {
		if br := pageBreaks(t, data, idx); br != "" {
			fmt.Fprintf(w, "page breaks before rows: %s\n", br)
		}
	}
	sp, _ := f.GetSheetProps(sheet)
	fmt.Fprintf(w, "props: fit-to-page=%v outline-summary-below=%v\n", deref(sp.FitToPage), deref(sp.OutlineSummaryBelow))
	if hf, _ := f.GetHeaderFooter(sheet); hf != nil {
		fmt.Fprintf(w, "header: %q\nfooter: %q\n", hf.OddHeader, hf.OddFooter)
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	maxCol := 0
	for _, r := range rows {
		maxCol = max(maxCol, len(r))
	}
	var widths []string
	for c := 1; c <= maxCol; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		wd, _ := f.GetColWidth(sheet, name)
		widths = append(widths, fmt.Sprintf("%s=%g", name, wd))
	}
	fmt.Fprintf(w, "widths: %s\n", strings.Join(widths, " "))
	merges, _ := f.GetMergeCells(sheet)
	var ms []string
	for _, m := range merges {
		ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	if len(ms) > 0 {
		fmt.Fprintf(w, "merged: %s\n", strings.Join(ms, " "))
	}
	var outline, heights []string
	for r := 1; r <= len(rows); r++ {
		if lv, _ := f.GetRowOutlineLevel(sheet, r); lv > 0 {
			outline = append(outline, fmt.Sprintf("%d:%d", r, lv))
		}
		if h, _ := f.GetRowHeight(sheet, r); h != 15 && h > 0 {
			heights = append(heights, fmt.Sprintf("%d:%g", r, h))
		}
	}
	if len(outline) > 0 {
		fmt.Fprintf(w, "outline: %s\n", strings.Join(outline, " "))
	}
	if len(heights) > 0 {
		fmt.Fprintf(w, "heights: %s\n", strings.Join(heights, " "))
	}
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			typ, _ := f.GetCellType(sheet, ref)
			if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
				t.Errorf("%s!%s holds a formula %q", sheet, ref, formula)
			}
			id, _ := f.GetCellStyle(sheet, ref)
			st, _ := f.GetStyle(id)
			link := ""
			if ok, target, _ := f.GetCellHyperLink(sheet, ref); ok {
				link = " link=" + target
			}
			fmt.Fprintf(w, "%s %s %q%s%s\n", ref, cellType(typ), v, styleSummary(st), link)
		}
	}
	dvs, _ := f.GetDataValidations(sheet)
	for _, dv := range dvs {
		fmt.Fprintf(w, "validation %s %s %s error=%s\n", dv.Sqref, dv.Type, dv.Formula1, deref(dv.ErrorStyle))
	}
	idx, _ := f.GetSheetIndex(sheet)
	for _, r := range condRules(t, data, idx) {
		look := ""
		if st, err := f.GetConditionalStyle(r.Dxf); err == nil {
			look = styleSummary(st)
		}
		fmt.Fprintf(w, "cf %s p%d %s %q stop=%v%s\n", r.Sqref, r.Priority, r.Type, r.Formula, r.Stop, look)
	}
}

// pageBreaks lists the manual row breaks of the idx-th sheet as the rows
// that start a page.
func pageBreaks(t *testing.T, data []byte, idx int) string {
	t.Helper()
	var ws struct {
		Brk []struct {
			ID int `xml:"id,attr"`
		} `xml:"rowBreaks>brk"`
	}
	if err := xml.Unmarshal([]byte(readPart(t, data, fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1))), &ws); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range ws.Brk {
		out = append(out, strconv.Itoa(b.ID+1))
	}
	return strings.Join(out, " ")
}

// condRule is one conditional-format rule as the file stores it.
type condRule struct {
	Sqref    string
	Type     string
	Priority int
	Stop     bool
	Dxf      int
	Formula  string
}

// condRules reads the conditional formats of the idx-th sheet straight
// from its XML: excelize's GetConditionalFormats keeps one entry per range
// and so loses rules that share a range.
func condRules(t *testing.T, data []byte, idx int) []condRule {
	t.Helper()
	var ws struct {
		CF []struct {
			Sqref string `xml:"sqref,attr"`
			Rule  []struct {
				Type     string   `xml:"type,attr"`
				Priority int      `xml:"priority,attr"`
				Stop     bool     `xml:"stopIfTrue,attr"`
				Dxf      int      `xml:"dxfId,attr"`
				Formula  []string `xml:"formula"`
			} `xml:"cfRule"`
		} `xml:"conditionalFormatting"`
	}
	part := readPart(t, data, fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1))
	if err := xml.Unmarshal([]byte(part), &ws); err != nil {
		t.Fatalf("sheet %d: %v", idx+1, err)
	}
	var out []condRule
	for _, cf := range ws.CF {
		for _, r := range cf.Rule {
			out = append(out, condRule{Sqref: cf.Sqref, Type: r.Type, Priority: r.Priority, Stop: r.Stop, Dxf: r.Dxf, Formula: strings.Join(r.Formula, ";")})
		}
	}
	slices.SortStableFunc(out, func(a, b condRule) int { return a.Priority - b.Priority })
	return out
}

func readPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return string(b)
		}
	}
	return ""
}

// dumpCharts lists each chart part's kind, title and data references.
func dumpCharts(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			names = append(names, zf.Name)
		}
	}
	slices.Sort(names)
	kinds := regexp.MustCompile(`<c:(lineChart|barChart|scatterChart|areaChart|pieChart)>`)
	dir := regexp.MustCompile(`<c:barDir val="(\w+)"`)
	grouping := regexp.MustCompile(`<c:grouping val="(\w+)"`)
	title := regexp.MustCompile(`<a:t>([^<]*)</a:t>`)
	refs := regexp.MustCompile(`<c:f>([^<]*)</c:f>`)
	var w strings.Builder
	for _, n := range names {
		x := readPart(t, data, n)
		fmt.Fprintf(&w, "%s:", n)
		for _, m := range kinds.FindAllStringSubmatch(x, -1) {
			w.WriteString(" " + m[1])
		}
		if m := dir.FindStringSubmatch(x); m != nil {
			w.WriteString(" dir=" + m[1])
		}
		if m := grouping.FindStringSubmatch(x); m != nil {
			w.WriteString(" grouping=" + m[1])
		}
		if m := title.FindStringSubmatch(x); m != nil {
			fmt.Fprintf(&w, " title=%q", m[1])
		}
		w.WriteString("\n")
		for _, m := range refs.FindAllStringSubmatch(x, -1) {
			w.WriteString("  " + m[1] + "\n")
		}
	}
	return w.String()
}

func cellType(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString:
		return "s"
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
		return "n"
	case excelize.CellTypeBool:
		return "b"
	case excelize.CellTypeFormula:
		return "f"
	}
	return strconv.Itoa(int(t))
}

// styleSummary is the part of a style a reader of the dump cares about.
func styleSummary(st *excelize.Style) string {
	if st == nil {
		return ""
	}
	var parts []string
	if st.CustomNumFmt != nil {
		parts = append(parts, "fmt="+*st.CustomNumFmt)
	} else if st.NumFmt != 0 {
		parts = append(parts, "numfmt="+strconv.Itoa(st.NumFmt))
	}
	if st.Font != nil {
		if st.Font.Bold {
			parts = append(parts, "bold")
		}
		if st.Font.Italic {
			parts = append(parts, "italic")
		}
		if st.Font.Color != "" {
			parts = append(parts, "font="+st.Font.Color)
		}
		if st.Font.Underline != "" {
			parts = append(parts, "underline")
		}
	}
	if len(st.Fill.Color) > 0 {
		parts = append(parts, "fill="+strings.Join(st.Fill.Color, ","))
	}
	if a := st.Alignment; a != nil {
		if a.Indent > 0 {
			parts = append(parts, "indent="+strconv.Itoa(a.Indent))
		}
		if a.WrapText {
			parts = append(parts, "wrap")
		}
	}
	for _, b := range st.Border {
		if b.Color == colStatusDate {
			parts = append(parts, "status-date-line")
			break
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " [" + strings.Join(parts, " ") + "]"
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
