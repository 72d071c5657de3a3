// Package xlsx renders a report document as the standard Excel tracker:
// a summary sheet with RAG, KPIs and native charts, then the WBS with its
// outline and a Gantt grid, issues, risks, milestones, workload, findings
// and changes. The tracker is also a valid input for pmo: its header rows
// use the label catalogue, values are typed, and text from team sheets is
// always stored as text, never as a formula.
package xlsx

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/calendar"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/docprops"
	"github.com/pmokit/pmo/internal/report"
	"github.com/xuri/excelize/v2"
)

// Render builds the tracker workbook of d and returns its bytes. The same
// document always gives the same bytes: nothing reads the clock, and the
// document properties carry the status date.
func Render(d *report.Document) ([]byte, error) {
	if d == nil {
		return nil, errors.New("no document to render")
	}
	if d.A == nil || d.Cal == nil {
		// A document built by hand may leave these out; the column values
		// need both.
		dc := *d
		if dc.A == nil {
			dc.A = &analyze.Result{AsOf: d.AsOf}
		}
		if dc.Cal == nil {
			dc.Cal = calendar.New(true, nil, nil)
		}
		d = &dc
	}
	f := excelize.NewFile()
	defer f.Close()
	b := newBook(f, d)
	b.setup("sheet.summary", "sheet.wbs", "sheet.issues", "sheet.risks", "sheet.milestones", "sheet.workload", "sheet.findings", "sheet.changes", "sheet.trend")
	b.summary()
	b.wbs()
	b.issues()
	b.risks()
	b.milestones()
	b.workload()
	b.findings()
	b.changes()
	b.trend()
	b.followUp()
	return b.bytes()
}

// bytes returns the finished workbook, or the first error met writing it.
func (b *book) bytes() ([]byte, error) {
	// The print scales once every chart is placed, then the streamed
	// sheets' merges: by now every sheet's charts, rules and print setup
	// are on its worksheet.
	b.applyScales()
	for _, sheet := range b.f.GetSheetList() {
		b.flush(sheet)
	}
	if b.err != nil {
		return nil, b.err
	}
	f := b.f
	// excelize adds the image content types of a drawing by ranging over a
	// map; sorted, the same document gives the same bytes.
	if ct := f.ContentTypes; ct != nil {
		sort.SliceStable(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	}
	ps, err := collect(f)
	if err != nil {
		return nil, fmt.Errorf("writing the workbook: %w", err)
	}
	out, err := b.writeZip(ps)
	if err != nil {
		return nil, fmt.Errorf("writing the workbook: %w", err)
	}
	// A streamed sheet's records are made while the zip is written.
	if b.err != nil {
		return nil, b.err
	}
	return out, nil
}

// book is one workbook being written. Errors are sticky: the first one is
// kept and every later step becomes a no-op, so the sheet code reads as a
// plain sequence of steps and Render returns that first error.
type book struct {
	f      *excelize.File
	d      *report.Document
	a      *analyze.Result
	st     *styles
	err    error
	cols   []string                   // column letters, 1-based, filled on demand
	widths map[string]map[int]float64 // sheet -> column -> width set, for the print scale
	bufs   map[string]*sheetBuf       // streamed sheets, written with the zip
	// colStyles is each streamed sheet's column styles (column -> style),
	// which its cells without a style of their own take.
	colStyles map[string]map[int]int
	reach     map[string]*printReach     // sheet -> what it draws, for the print scale
	heights   map[string]map[int]float64 // sheet -> row -> height set, for the print scale
	scales    []scaleSpec                // print scales to set once every sheet is drawn
	tablePt   map[string]float64         // sheet -> printed height of its table's rows, for the orientation
	titleKey  string                     // label of the workbook's title: a tracker or the portfolio
}

func newBook(f *excelize.File, d *report.Document) *book {
	return &book{f: f, d: d, a: d.A, st: newStyles(f, fontFamily(d.Lang)), titleKey: "title.tracker", widths: map[string]map[int]float64{}, bufs: map[string]*sheetBuf{}, colStyles: map[string]map[int]int{}, reach: map[string]*printReach{}, heights: map[string]map[int]float64{}, tablePt: map[string]float64{}}
}

func (b *book) fail(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

// label returns a label of the document's language.
func (b *book) label(key string) string { return b.d.L.Get(key) }

// col returns the letters of column c (1-based).
func (b *book) col(c int) string {
	for len(b.cols) <= c {
		name, _ := excelize.ColumnNumberToName(max(1, len(b.cols)))
		b.cols = append(b.cols, name)
	}
	return b.cols[c]
}

// ref returns the A1 reference of a cell.
func (b *book) ref(c, r int) string { return b.col(c) + strconv.Itoa(r) }

// absRange returns a sheet-qualified absolute range for charts and names.
func (b *book) absRange(sheet string, c1, r1, c2, r2 int) string {
	return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(sheet), b.col(c1), r1, b.col(c2), r2)
}

func quoteSheet(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// setup names the sheets in their order (label keys) and sets
// workbook-wide properties.
func (b *book) setup(names ...string) {
	b.fail(b.f.SetSheetName("Sheet1", b.label(names[0])))
	for _, n := range names[1:] {
		_, err := b.f.NewSheet(b.label(n))
		b.fail(err)
	}
	b.fail(b.f.SetDefaultFont(fontFamily(b.d.Lang)))
	stamp := ""
	if !b.d.AsOf.IsZero() {
		stamp = b.d.AsOf.String() + "T00:00:00Z"
	}
	docprops.Set(b.f, docprops.Props{
		Title:          b.title(),
		Subject:        b.d.Project.Name,
		Creator:        "pmo",
		LastModifiedBy: "pmo",
		Identifier:     b.d.Project.ID,
		Language:       b.d.Lang,
		Created:        stamp,
		Modified:       stamp,
	})
	b.fail(b.f.SetAppProps(&excelize.AppProperties{Application: "pmo"}))
}

func (b *book) title() string {
	t := b.label(b.titleKey)
	if b.d.Project.Name != "" {
		t += "：" + b.d.Project.Name
		if b.d.Lang == "en" {
			t = b.label(b.titleKey) + ": " + b.d.Project.Name
		}
	}
	return t
}

// str writes s as a text cell. SetCellStr never turns text into a
// formula, so "=HYPERLINK(…)" typed by a team stays the text it was.
// A streamed sheet's string cells are inline strings, which are text
// just the same.
func (b *book) str(sheet string, c, r int, s string) {
	if b.err != nil || s == "" {
		return
	}
	if sb := b.buffer(sheet); sb != nil {
		b.value(sb, c, r, s)
		return
	}
	b.fail(b.f.SetCellStr(sheet, b.ref(c, r), s))
}

func (b *book) num(sheet string, c, r int, v float64) {
	if b.err != nil {
		return
	}
	if sb := b.buffer(sheet); sb != nil {
		b.value(sb, c, r, v)
		return
	}
	b.fail(b.f.SetCellFloat(sheet, b.ref(c, r), v, -1, 64))
}

func (b *book) date(sheet string, c, r int, d date.Date) {
	if b.err != nil || d.IsZero() {
		return
	}
	if sb := b.buffer(sheet); sb != nil {
		b.value(sb, c, r, int64(d))
		return
	}
	b.fail(b.f.SetCellInt(sheet, b.ref(c, r), int64(d)))
}

func (b *book) value(sb *sheetBuf, c, r int, v any) {
	cell := sb.cell(c, r)
	cell.text, cell.num, cell.i = "", 0, 0
	switch x := v.(type) {
	case string:
		cell.kind, cell.text = cellText, x
	case float64:
		cell.kind, cell.num = cellFloat, x
	case int64:
		cell.kind, cell.i = cellInt, x
	}
	sb.set(c, r, cell)
}

// styleRange gives cells c1..c2 of rows r1..r2 the style l.
func (b *book) styleRange(sheet string, c1, r1, c2, r2 int, l look) {
	if b.err != nil || c2 < c1 || r2 < r1 {
		return
	}
	id, err := b.st.cell(l)
	b.fail(err)
	if r := b.reachOf(sheet); c2 > r.lastCol {
		r.lastCol = c2
	}
	if sb := b.buffer(sheet); sb != nil {
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				cell := sb.cell(c, r)
				cell.style = id
				if cell.kind == cellGap {
					cell.kind = cellEmpty
				}
				sb.set(c, r, cell)
			}
		}
		return
	}
	b.fail(b.f.SetCellStyle(sheet, b.ref(c1, r1), b.ref(c2, r2), id))
}

// rowHeight sets the height of row r in points. On a streamed sheet the
// stream writes it; the File API gets it too, so a chart anchored on the
// sheet is sized over the real rows.
func (b *book) rowHeight(sheet string, r int, h float64) {
	if b.err != nil {
		return
	}
	b.heightsOf(sheet)[r] = h
	b.fail(b.f.SetRowHeight(sheet, r, h))
}

// heightsOf is the heights given to sheet's rows: the print scale reads
// them, and a streamed sheet's buffer shares the map to write them.
func (b *book) heightsOf(sheet string) map[int]float64 {
	h := b.heights[sheet]
	if h == nil {
		h = map[int]float64{}
		b.heights[sheet] = h
	}
	return h
}

func (b *book) style(sheet string, c, r int, l look) { b.styleRange(sheet, c, r, c, r, l) }

// text writes a styled text cell.
func (b *book) text(sheet string, c, r int, s string, l look) {
	b.str(sheet, c, r, s)
	b.style(sheet, c, r, l)
}

// cond adds a formula rule over ref (one range or several separated by
// spaces) that stops lower rules where it applies. Rules added first win:
// the order of calls is the priority.
func (b *book) cond(sheet, ref, formula string, l look) { b.rule(sheet, ref, formula, l, true) }

// rule adds a formula rule; a rule that does not stop lets a lower one
// add its own format (a bold font here, a fill there).
func (b *book) rule(sheet, ref, formula string, l look, stop bool) {
	if b.err != nil || ref == "" {
		return
	}
	id, err := b.st.cond(l)
	b.fail(err)
	b.fail(b.f.SetConditionalFormat(sheet, ref, []excelize.ConditionalFormatOptions{
		{Type: "formula", Criteria: formula, Format: &id, StopIfTrue: stop},
	}))
}

// colStyle gives column c the style id: cells added later take it, and
// so do a streamed sheet's cells without a style of their own.
func (b *book) colStyle(sheet string, c, id int) {
	if b.err != nil {
		return
	}
	b.fail(b.f.SetColStyle(sheet, b.col(c), id))
	cs := b.colStyles[sheet]
	if cs == nil {
		cs = map[int]int{}
		b.colStyles[sheet] = cs
	}
	cs[c] = id
}

func (b *book) width(sheet string, c int, w float64) { b.widthRange(sheet, c, c, w) }

// widthRange sets the width of columns c1..c2 and notes it for the print
// scale.
func (b *book) widthRange(sheet string, c1, c2 int, w float64) {
	if b.err != nil || c2 < c1 {
		return
	}
	b.fail(b.f.SetColWidth(sheet, b.col(c1), b.col(c2), w))
	ws := b.widths[sheet]
	if ws == nil {
		ws = map[int]float64{}
		b.widths[sheet] = ws
	}
	for c := c1; c <= c2; c++ {
		ws[c] = w
	}
}

func (b *book) merge(sheet string, c1, r1, c2, r2 int) {
	if b.err != nil || c2 <= c1 && r2 <= r1 {
		return
	}
	if sb := b.buffer(sheet); sb != nil {
		sb.merges = append(sb.merges, [2]string{b.ref(c1, r1), b.ref(c2, r2)})
		return
	}
	b.fail(b.f.MergeCell(sheet, b.ref(c1, r1), b.ref(c2, r2)))
}

// excelDate is a date as an Excel formula literal, for rules that compare
// with the status date.
func excelDate(d date.Date) string {
	y, m, dd := d.YMD()
	return fmt.Sprintf("DATE(%d,%d,%d)", y, int(m), dd)
}

// headerFooterText escapes & so a project named "R&D" does not turn into
// a header code, and keeps a long name within Excel's 255-character
// header (the status date shares it).
func headerFooterText(s string) string {
	if r := []rune(s); len(r) > 100 {
		s = string(r[:99]) + "…"
	}
	return strings.ReplaceAll(s, "&", "&&")
}

// finish gives a sheet its frozen panes, print setup (see printSetup)
// and sheet properties. freezeCol is the first column that scrolls; 1
// freezes rows only. The columns left of it repeat on every printed page
// unless ps says otherwise.
func (b *book) finish(sheet string, headerRow, freezeCol int, outline bool) {
	b.finishPrint(sheet, headerRow, freezeCol, outline, printSpec{})
}

// finishPrint is finish with a sheet's own print blocks and breaks.
func (b *book) finishPrint(sheet string, headerRow, freezeCol int, outline bool, ps printSpec) {
	if b.err != nil {
		return
	}
	if headerRow > 0 {
		b.fail(b.f.SetPanes(sheet, &excelize.Panes{
			Freeze: true, XSplit: freezeCol - 1, YSplit: headerRow,
			TopLeftCell: b.ref(freezeCol, headerRow+1), ActivePane: paneName(freezeCol > 1),
			Selection: []excelize.Selection{{SQRef: b.ref(freezeCol, headerRow+1), ActiveCell: b.ref(freezeCol, headerRow+1), Pane: paneName(freezeCol > 1)}},
		}))
	}
	ps.headerRow = headerRow
	if ps.titleCols == 0 {
		ps.titleCols = freezeCol - 1
	}
	b.printSetup(sheet, ps)
	fit := false
	props := &excelize.SheetPropsOptions{FitToPage: &fit}
	if outline {
		below := false
		props.OutlineSummaryBelow = &below
	}
	b.fail(b.f.SetSheetProps(sheet, props))
}

func paneName(cols bool) string {
	if cols {
		return "bottomRight"
	}
	return "bottomLeft"
}
