package sheet_test

// Fixtures: small workbooks built in memory with excelize (or, where
// excelize cannot write what real files hold, by hand as a zip), CSV bytes,
// and compact views of what the reader returned so that a failing case
// prints the whole table it read.

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"
)

// xc is a cell with a format: v is the stored value (nil for none), numFmt
// a built-in format id, code a custom format, indent the alignment indent;
// formula is written after v so v stays as the cached result.
type xc struct {
	v       any
	numFmt  int
	code    string
	indent  int
	formula string
}

// serial returns the Excel-1900 serial of a day (the same number as
// date.Date for days after 1900-03-01).
func serial(y, m, d int) float64 { return float64(date.Of(y, time.Month(m), d)) }

// serialDate returns a date.Date for options and comparisons.
func serialDate(y, m, d int) date.Date { return date.Of(y, time.Month(m), d) }

// shiftJIS encodes UTF-8 text the way Japanese Excel saves a CSV.
func shiftJIS(s string) (string, error) { return japanese.ShiftJIS.NewEncoder().String(s) }

// day is a date cell the way Excel stores a typed date: a serial with a
// date format.
func day(y, m, d int) xc { return xc{v: serial(y, m, d), code: "yyyy/m/d"} }

// apr is a date in April 2026, the month most fixtures live in.
func apr(d int) xc { return day(2026, 4, d) }

// iso formats a date of April 2026 as the reader should return it.
func iso(d int) string { return fmt.Sprintf("2026-04-%02d", d) }

// book is a workbook under construction.
type book struct {
	tb     testing.TB
	f      *excelize.File
	styles map[[3]any]int
}

// newBook starts a workbook whose first sheet is named first.
func newBook(tb testing.TB, first string) *book {
	tb.Helper()
	f := excelize.NewFile()
	if first != "Sheet1" {
		if err := f.SetSheetName("Sheet1", first); err != nil {
			tb.Fatal(err)
		}
	}
	return &book{tb: tb, f: f, styles: map[[3]any]int{}}
}

// sheet adds a sheet (no-op when it exists) and returns its name.
func (b *book) sheet(name string) string {
	b.tb.Helper()
	if idx, _ := b.f.GetSheetIndex(name); idx >= 0 {
		return name
	}
	if _, err := b.f.NewSheet(name); err != nil {
		b.tb.Fatal(err)
	}
	return name
}

func (b *book) check(err error) {
	b.tb.Helper()
	if err != nil {
		b.tb.Fatal(err)
	}
}

func (b *book) style(c xc) int {
	b.tb.Helper()
	key := [3]any{c.numFmt, c.code, c.indent}
	if id, ok := b.styles[key]; ok {
		return id
	}
	st := &excelize.Style{NumFmt: c.numFmt}
	if c.code != "" {
		code := c.code
		st.CustomNumFmt = &code
	}
	if c.indent > 0 {
		st.Alignment = &excelize.Alignment{Indent: c.indent}
	}
	id, err := b.f.NewStyle(st)
	b.check(err)
	b.styles[key] = id
	return id
}

// set writes one cell: a plain value, or an xc with its format.
func (b *book) set(sh, cell string, v any) {
	b.tb.Helper()
	switch c := v.(type) {
	case nil:
	case string:
		if c != "" {
			b.check(b.f.SetCellValue(sh, cell, c))
		}
	case xc:
		if c.v != nil {
			b.check(b.f.SetCellValue(sh, cell, c.v))
		}
		if c.formula != "" {
			b.check(b.f.SetCellFormula(sh, cell, c.formula))
		}
		if c.numFmt != 0 || c.code != "" || c.indent != 0 {
			b.check(b.f.SetCellStyle(sh, cell, cell, b.style(c)))
		}
	default:
		b.check(b.f.SetCellValue(sh, cell, v))
	}
}

// rows writes consecutive rows starting at topLeft; "" and nil leave a
// cell empty.
func (b *book) rows(sh, topLeft string, rows ...[]any) {
	b.tb.Helper()
	col, row, err := excelize.CellNameToCoordinates(topLeft)
	b.check(err)
	for i, r := range rows {
		for j, v := range r {
			name, err := excelize.CoordinatesToCellName(col+j, row+i)
			b.check(err)
			b.set(sh, name, v)
		}
	}
}

// merge merges each range "A1:B2".
func (b *book) merge(sh string, ranges ...string) {
	b.tb.Helper()
	for _, r := range ranges {
		from, to, _ := strings.Cut(r, ":")
		b.check(b.f.MergeCell(sh, from, to))
	}
}

// bytes returns the workbook as an .xlsx file.
func (b *book) bytes() []byte {
	b.tb.Helper()
	buf, err := b.f.WriteToBuffer()
	b.check(err)
	return buf.Bytes()
}

// read parses the workbook as book.xlsx and reads it; any error is fatal.
func (b *book) read(opt sheet.Options) *sheet.Result {
	b.tb.Helper()
	return readBytes(b.tb, "book.xlsx", b.bytes(), opt)
}

// readBytes parses and reads a file held in memory; any error is fatal.
func readBytes(tb testing.TB, name string, data []byte, opt sheet.Options) *sheet.Result {
	tb.Helper()
	bk, err := sheet.Parse(name, data, sheet.OpenOptions{})
	if err != nil {
		tb.Fatalf("Parse(%s): %v", name, err)
	}
	res, err := sheet.Read(bk, opt)
	if err != nil {
		tb.Fatalf("Read(%s): %v", name, err)
	}
	return res
}

// oneTable returns the only table of res, failing when there are others.
func oneTable(tb testing.TB, res *sheet.Result) *sheet.Table {
	tb.Helper()
	if len(res.Tables) != 1 {
		var names []string
		for _, t := range res.Tables {
			names = append(names, fmt.Sprintf("%s(%s, rows %v)", t.Sheet, t.Kind, t.HeaderRows))
		}
		tb.Fatalf("want 1 table, got %d: %v", len(res.Tables), names)
	}
	return res.Tables[0]
}

// mapping prints a table's column mapping as "A=wbs_id B=name ...".
func mapping(t *sheet.Table) string {
	var parts []string
	for _, c := range t.Columns {
		parts = append(parts, c.Letter+"="+c.Field)
	}
	return strings.Join(parts, " ")
}

// checkTable asserts the kind, header rows and mapping of a table.
func checkTable(tb testing.TB, t *sheet.Table, kind project.Kind, rows []int, cols string) {
	tb.Helper()
	if t.Kind != kind {
		tb.Errorf("kind: got %q, want %q", t.Kind, kind)
	}
	if !slices.Equal(t.HeaderRows, rows) {
		tb.Errorf("header rows: got %v, want %v", t.HeaderRows, rows)
	}
	if got := mapping(t); got != cols {
		tb.Errorf("mapping:\n got  %s\n want %s\n(unmapped: %s)", got, cols, unmapped(t))
	}
}

func unmapped(t *sheet.Table) string {
	var parts []string
	for _, c := range t.Unmapped {
		parts = append(parts, c.Letter+"="+strconv.Quote(c.Header))
	}
	return strings.Join(parts, " ")
}

func num(p project.Num) string { return strconv.FormatFloat(p.Val(), 'g', -1, 64) }

func span(a, b date.Date) string { return a.String() + ".." + b.String() }

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", `\n`) }

// taskLine prints a task compactly: [id] L<level> sum name plan=.. act=..
// p=progress eff=.. aeff=.. who=a,b st=status/raw pred=.. notes=..
func taskLine(t project.Task) string {
	var b []string
	if t.WBSID != "" {
		b = append(b, "["+t.WBSID+"]")
	}
	b = append(b, fmt.Sprintf("L%d", t.Level))
	if t.Summary {
		b = append(b, "sum")
	}
	b = append(b, oneLine(t.Name))
	if !t.PlannedStart.IsZero() || !t.PlannedFinish.IsZero() {
		b = append(b, "plan="+span(t.PlannedStart, t.PlannedFinish))
	}
	if !t.ActualStart.IsZero() || !t.ActualFinish.IsZero() {
		b = append(b, "act="+span(t.ActualStart, t.ActualFinish))
	}
	if t.Progress.OK() {
		b = append(b, "p="+num(t.Progress))
	}
	if t.PlannedEffort.OK() {
		b = append(b, "eff="+num(t.PlannedEffort))
	}
	if t.ActualEffort.OK() {
		b = append(b, "aeff="+num(t.ActualEffort))
	}
	if len(t.Assignee.List()) > 0 {
		b = append(b, "who="+strings.Join(t.Assignee.List(), ","))
	}
	if t.Status != project.NoTaskStatus || t.StatusRaw != "" {
		b = append(b, "st="+t.Status.String()+"/"+oneLine(t.StatusRaw))
	}
	if t.Predecessors != "" {
		b = append(b, "pred="+t.Predecessors)
	}
	if t.Notes != "" {
		b = append(b, "notes="+oneLine(t.Notes))
	}
	return strings.Join(b, " ")
}

// issueLine prints an issue compactly.
func issueLine(i project.Issue) string {
	b := []string{"[" + i.ID + "]", oneLine(i.Title)}
	add := func(k, v string) {
		if v != "" {
			b = append(b, k+"="+oneLine(v))
		}
	}
	add("cat", i.Category)
	add("raised", i.RaisedOn.String())
	add("by", i.RaisedBy)
	add("owner", strings.Join(i.Owner, ","))
	add("due", i.Due.String())
	add("closed", i.ClosedOn.String())
	if i.Status != project.NoItemStatus || i.StatusRaw != "" {
		b = append(b, "st="+i.Status.String()+"/"+i.StatusRaw)
	}
	if i.Priority != project.NoPriority || i.PriorityRaw != "" {
		b = append(b, "pri="+i.Priority.String()+"/"+i.PriorityRaw)
	}
	add("res", i.Resolution)
	return strings.Join(b, " ")
}

// riskLine prints a risk compactly.
func riskLine(r project.Risk) string {
	b := []string{"[" + r.ID + "]", oneLine(r.Title)}
	if r.Probability.OK() {
		b = append(b, "prob="+num(r.Probability))
	}
	if r.Impact.OK() {
		b = append(b, "imp="+num(r.Impact))
	}
	if len(r.Owner) > 0 {
		b = append(b, "owner="+strings.Join(r.Owner, ","))
	}
	if r.Mitigation != "" {
		b = append(b, "mit="+oneLine(r.Mitigation))
	}
	if r.Status != project.NoItemStatus || r.StatusRaw != "" {
		b = append(b, "st="+r.Status.String()+"/"+r.StatusRaw)
	}
	return strings.Join(b, " ")
}

func lines[T any](xs []T, f func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// wantLines compares record views and prints both lists on a mismatch.
func wantLines(tb testing.TB, what string, got, want []string) {
	tb.Helper()
	if slices.Equal(got, want) {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s differ (got %d, want %d):\n", what, len(got), len(want))
	for i := range max(len(got), len(want)) {
		g, w := "", ""
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		mark := "  "
		if g != w {
			mark = "! "
		}
		fmt.Fprintf(&b, "%s got  %s\n%s want %s\n", mark, g, mark, w)
	}
	tb.Error(b.String())
}

func wantTasks(tb testing.TB, t *sheet.Table, want ...string) {
	tb.Helper()
	wantLines(tb, "tasks", lines(t.Tasks, taskLine), want)
	if t.Count != len(t.Tasks) {
		tb.Errorf("Count = %d, but %d tasks", t.Count, len(t.Tasks))
	}
}

func wantIssues(tb testing.TB, t *sheet.Table, want ...string) {
	tb.Helper()
	wantLines(tb, "issues", lines(t.Issues, issueLine), want)
}

func wantRisks(tb testing.TB, t *sheet.Table, want ...string) {
	tb.Helper()
	wantLines(tb, "risks", lines(t.Risks, riskLine), want)
}

func findingLines(fs diag.Findings) []string {
	return lines(fs, func(f diag.Finding) string { return f.String() })
}

// wantFinding asserts a finding with rule and severity at pos.
func wantFinding(tb testing.TB, res *sheet.Result, sev diag.Severity, rule, pos string) {
	tb.Helper()
	for _, f := range res.Findings {
		if f.Rule == rule && f.Pos.String() == pos {
			if f.Severity != sev {
				tb.Errorf("finding %s at %s: severity %s, want %s", rule, pos, f.Severity, sev)
			}
			return
		}
	}
	tb.Errorf("no %s finding %q at %s; findings:\n%s", sev, rule, pos, strings.Join(findingLines(res.Findings), "\n"))
}

// wantNoFindings asserts the read was clean.
func wantNoFindings(tb testing.TB, res *sheet.Result) {
	tb.Helper()
	if len(res.Findings) > 0 {
		tb.Errorf("want no findings, got:\n%s", strings.Join(findingLines(res.Findings), "\n"))
	}
}

// wantInputError asserts err is a one-line *diag.InputError naming file
// and holding each of subs, with a one-line Japanese wording too.
func wantInputError(tb testing.TB, err error, file string, subs ...string) {
	tb.Helper()
	if err == nil {
		tb.Fatalf("want an error naming %s, got none", file)
	}
	var ie *diag.InputError
	if !errors.As(err, &ie) {
		tb.Errorf("error %T is not a *diag.InputError: %v", err, err)
	} else if ja := ie.Text("ja"); ie.MsgJA == "" || strings.ContainsAny(ja, "\r\n") || !strings.Contains(ja, file) {
		tb.Errorf("Japanese error %q: want one line naming %s", ja, file)
	}
	msg := err.Error()
	tb.Logf("error: %s", msg)
	if strings.ContainsAny(msg, "\r\n") {
		tb.Errorf("error message is not one line: %q", msg)
	}
	if !strings.Contains(msg, file) {
		tb.Errorf("error message does not name the file %s: %q", file, msg)
	}
	for _, s := range subs {
		if !strings.Contains(msg, s) {
			tb.Errorf("error message lacks %q: %q", s, msg)
		}
	}
}

// rawSheet is one worksheet of a hand-written workbook.
type rawSheet struct {
	name, state string // state "" or "hidden"
	xml         string // the <sheetData> content
	// write, when set, writes the worksheet part itself (a zip bomb).
	write func(zw *zip.Writer, part string)
}

// rawXLSX writes a minimal workbook by hand, for what excelize cannot
// write: phonetic runs, error cells. sst is the shared string table's <si>
// elements; styles the whole styles.xml ("" for none).
func rawXLSX(tb testing.TB, sst []string, styles string, sheets ...rawSheet) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			tb.Fatal(err)
		}
	}
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	var ct, wbSheets, wbRels strings.Builder
	for i, s := range sheets {
		n := i + 1
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		state := ""
		if s.state != "" {
			state = ` state="` + s.state + `"`
		}
		fmt.Fprintf(&wbSheets, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, s.name, n, state, n)
		fmt.Fprintf(&wbRels, `<Relationship Id="rId%d" Type="%sworksheet" Target="worksheets/sheet%d.xml"/>`, n, rel, n)
		part := fmt.Sprintf("xl/worksheets/sheet%d.xml", n)
		if s.write != nil {
			s.write(zw, part)
			continue
		}
		put(part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet `+ns+`><sheetData>`+s.xml+`</sheetData></worksheet>`)
	}
	fmt.Fprintf(&wbRels, `<Relationship Id="rIdS" Type="%ssharedStrings" Target="sharedStrings.xml"/>`, rel)
	if styles != "" {
		fmt.Fprintf(&wbRels, `<Relationship Id="rIdY" Type="%sstyles" Target="styles.xml"/>`, rel)
		put("xl/styles.xml", styles)
	}
	put("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`+ct.String()+`</Types>`)
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="`+rel+`officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook `+ns+`><sheets>`+wbSheets.String()+`</sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+wbRels.String()+`</Relationships>`)
	put("xl/sharedStrings.xml", fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>`, len(sst), len(sst), strings.Join(sst, "")))
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// zipOf writes a zip holding the given parts (name, content pairs).
func zipOf(tb testing.TB, parts ...string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[i+1])); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// csvRead parses CSV bytes under name and reads them; errors are fatal.
func csvRead(tb testing.TB, name, text string, opt sheet.Options) *sheet.Result {
	tb.Helper()
	return readBytes(tb, name, []byte(text), opt)
}
