package sheet

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// Options says what the caller already knows about a source; everything
// left empty is worked out from the sheet.
type Options struct {
	Kind       project.Kind // "" = infer
	Sheet      string       // "" = every sheet holding a table
	HeaderRows []int        // 1-based header rows; nil = detect
	Columns    []Override   // fixed field mappings; they win over scoring
	Team       string       // team the records belong to
	// From and To bound the project; with Near they give a year to dates
	// typed without one (4/1).
	From, To, Near date.Date
	// sequential types every row in turn, without a rowPipe: the tests
	// read a large table both ways and compare.
	sequential bool
	// clearChunks clears a rowPipe chunk as it goes back to be typed
	// over, as the typing would: a value records kept of it shows.
	clearChunks bool
	// noMemo types every cell afresh, without typeMemo: the tests read
	// tables both ways and compare.
	noMemo bool
}

// Override maps a field to a header text or a column number.
type Override struct {
	Field  string
	Header string
	Col    int // 1-based; 0 when Header is used
	Pos    diag.Pos
}

// Table is one table found in a sheet and what was read from it.
type Table struct {
	Sheet      string       `json:"sheet"`
	Kind       project.Kind `json:"kind"`
	HeaderRows []int        `json:"header_rows"`
	Columns    []Column     `json:"columns"`
	Unmapped   []Column     `json:"unmapped,omitempty"`
	Calendar   string       `json:"calendar,omitempty"` // column range of a Gantt area left out, e.g. "O:AG"
	Tool       string       `json:"tool,omitempty"`     // the tool whose export this is (Redmine, Jira …), by templates/presets
	Count      int          `json:"record_count"`
	NonRecords int          `json:"non_record_rows,omitempty"` // totals, examples and legends left out
	// MappedByValues marks a table without a header row, mapped from its
	// values alone (HeaderRows is then empty).
	MappedByValues bool               `json:"mapped_by_values,omitempty"`
	Tasks          []project.Task     `json:"-"`
	Issues         []project.Issue    `json:"-"`
	Risks          []project.Risk     `json:"-"`
	Actions        []project.Action   `json:"-"`
	Tests          []project.TestCase `json:"-"`
	TestDays       []project.TestDay  `json:"-"` // a daily tally instead of cases
}

// Result is everything read from one file.
type Result struct {
	File     string        `json:"file"`
	Tables   []*Table      `json:"tables"`
	Findings diag.Findings `json:"findings"`
}

// Tasks returns the tasks of every table in order.
func (r *Result) Tasks() []project.Task {
	var out []project.Task
	for _, t := range r.Tables {
		out = append(out, t.Tasks...)
	}
	return out
}

// Issues returns the issues of every table in order.
func (r *Result) Issues() []project.Issue {
	var out []project.Issue
	for _, t := range r.Tables {
		out = append(out, t.Issues...)
	}
	return out
}

// Risks returns the risks of every table in order.
func (r *Result) Risks() []project.Risk {
	var out []project.Risk
	for _, t := range r.Tables {
		out = append(out, t.Risks...)
	}
	return out
}

// skipSheet names sheets that hold no records: covers, instructions,
// lookups and calendars. They are read only when named.
var skipSheetWords = []string{"表紙", "使い方", "目次", "改訂履歴", "変更履歴", "更新履歴", "master", "マスタ", "設定", "祝日", "休日", "凡例", "記入例", "説明", "cover", "readme", "instructions", "lookup", "list", "リスト", "選択肢", "カレンダー", "calendar", "holiday", "settings", "config"}

func skipSheet(name string) bool {
	k := value.Key(name)
	for _, w := range skipSheetWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// isTracker recognises pmo's own standard tracker by its sheets: read
// again, only its WBS, issue and risk sheets hold records (the summary,
// findings and changes sheets are pmo's output, not team data).
func isTracker(b *Book) bool {
	has := map[string]bool{}
	for _, g := range b.Sheets {
		has[g.Name] = true
	}
	return has["WBS"] && (has["概要"] && has["指摘"] || has["Summary"] && has["Findings"])
}

func trackerDataSheet(name string) bool {
	switch name {
	case "WBS", "課題", "リスク", "Issues", "Risks":
		return true
	}
	return false
}

// Read finds the tables of a book and reads their records.
func Read(b *Book, opt Options) (*Result, error) {
	if b.plan != nil {
		return readPlan(b, opt)
	}
	res := &Result{File: b.File}
	var grids []*Grid
	if opt.Sheet != "" {
		g, err := b.Sheet(opt.Sheet)
		if err != nil {
			return nil, err
		}
		grids = []*Grid{g}
	} else {
		tracker := isTracker(b)
		for _, g := range b.Sheets {
			if len(b.Sheets) > 1 && (g.Hidden || skipSheet(g.Name)) {
				continue
			}
			if tracker && !trackerDataSheet(g.Name) {
				continue
			}
			grids = append(grids, g)
		}
	}
	kind := opt.Kind
	for _, g := range grids {
		overrides, headerRow, err := resolveOverrides(g, opt)
		if err != nil {
			return nil, err
		}
		rows := opt.HeaderRows
		if len(rows) == 0 && headerRow > 0 {
			rows = []int{headerRow}
		}
		var skipped []*header
		hs := tablesOf(g, kind, rows, overrides, &skipped)
		if len(hs) == 0 && len(rows) == 0 && len(overrides) == 0 {
			if h := valuesOnlyHeader(g, kind); h != nil {
				noteValuesOnly(g, h, &res.Findings)
				hs = []*header{h}
			}
		}
		if len(hs) == 0 {
			continue
		}
		if kind != "" && len(grids) > 1 && len(overrides) == 0 {
			// A workbook with a WBS sheet and a 課題 sheet (pmo's own tracker
			// among them): asked for one kind, skip the sheets that read
			// better as another.
			if best, ok := detectHeader(g, "", rows, nil); ok && best.kind != kind && best.score > hs[0].score+1 {
				continue
			}
		}
		for _, s := range skipped {
			noteSkipped(g, s, &res.Findings)
		}
		for _, h := range hs {
			t := readTable(g, h, &opt, &res.Findings)
			if t.Count == 0 && opt.Sheet == "" && (len(grids) > 1 || len(hs) > 1) {
				continue
			}
			res.Tables = append(res.Tables, t)
		}
	}
	if b.Encoding == "windows-1252" {
		res.Findings.Add(diag.Warning, "encoding-guessed", diag.Pos{File: b.File}, "the CSV is neither UTF-8 nor Shift_JIS; read as Windows-1252 (Western European) — check accented letters, or save it as UTF-8")
	}
	res.Findings = dedupe(res.Findings)
	if len(res.Tables) == 0 {
		return nil, noTable(b.File, opt)
	}
	return res, nil
}

// noTable is the error for a workbook without the table asked for. The four
// wordings are written out rather than assembled from parts so that each
// has a Japanese wording in the diag catalogue.
func noTable(file string, opt Options) error {
	at := diag.Pos{File: file}
	switch {
	case opt.Kind != "" && opt.Sheet != "":
		return diag.Errorf(at, "cannot find a %s table in sheet %q: no header row with recognisable column names in the first %d rows (give header_rows and columns in the YAML, or check with `pmo inspect`)", opt.Kind, opt.Sheet, headerSearchRows)
	case opt.Kind != "":
		return diag.Errorf(at, "cannot find a %s table in any sheet: no header row with recognisable column names in the first %d rows (give header_rows and columns in the YAML, or check with `pmo inspect`)", opt.Kind, headerSearchRows)
	case opt.Sheet != "":
		return diag.Errorf(at, "cannot find a table in sheet %q: no header row with recognisable column names in the first %d rows (give header_rows and columns in the YAML, or check with `pmo inspect`)", opt.Sheet, headerSearchRows)
	default:
		return diag.Errorf(at, "cannot find a table in any sheet: no header row with recognisable column names in the first %d rows (give header_rows and columns in the YAML, or check with `pmo inspect`)", headerSearchRows)
	}
}

// resolveOverrides turns YAML column overrides into column numbers.
// Header texts are looked up in the first rows of the sheet; the row they
// are found on is returned as the header row when the caller gave none.
func resolveOverrides(g *Grid, opt Options) (map[int]string, int, error) {
	if len(opt.Columns) == 0 {
		return nil, 0, nil
	}
	out := map[int]string{}
	headerRow := 0
	for _, o := range opt.Columns {
		col, row := 0, 0
		if o.Header != "" {
			row, col = findHeaderText(g, o.Header, opt.HeaderRows)
		}
		if col == 0 {
			col = o.Col
		} else if headerRow == 0 {
			headerRow = row
		}
		if col == 0 {
			return nil, 0, diag.Errorf(o.Pos, "column %q for %s not found in %s", o.Header, o.Field, g.Pos(0, 0))
		}
		out[col] = o.Field
	}
	return out, headerRow, nil
}

func findHeaderText(g *Grid, header string, rows []int) (row, col int) {
	want := value.Key(header)
	for _, r := range g.Rows {
		if r.Num > headerSearchRows || (len(rows) > 0 && !slices.Contains(rows, r.Num)) {
			continue
		}
		for c := range g.cellsOf(&r) {
			if c.Kind == String && value.Key(c.Str) == want {
				return r.Num, int(c.Col)
			}
		}
	}
	return 0, 0
}

func readTable(g *Grid, h *header, opt *Options, fs *diag.Findings) *Table {
	t := &Table{Sheet: g.Name, Kind: h.kind, Tool: h.tool}
	t.HeaderRows = []int{} // none: a table mapped by its values alone
	t.MappedByValues = h.noHeader
	for _, r := range h.rows {
		if h.noHeader {
			break
		}
		t.HeaderRows = append(t.HeaderRows, g.Pos(r, 0).Row) // CSV: the line number
	}
	for _, c := range h.cols {
		if c.Field != "" {
			t.Columns = append(t.Columns, c)
		} else {
			t.Unmapped = append(t.Unmapped, c)
		}
	}
	if h.calendar.Col1 > 0 {
		t.Calendar = fmt.Sprintf("%s:%s", diag.ColumnName(h.calendar.Col1), diag.ColumnName(h.calendar.Col2))
	}
	noteEvidence(g, h, fs)
	rr := newRowReader(g, h, opt, fs)
	switch h.kind {
	case project.KindWBS:
		t.Tasks = rr.tasks()
		t.Count = len(t.Tasks)
	case project.KindIssues:
		t.Issues = rr.issues()
		t.Count = len(t.Issues)
	case project.KindRisks:
		t.Risks = rr.risks()
		t.Count = len(t.Risks)
	case project.KindActions:
		t.Actions = rr.actions()
		t.Count = len(t.Actions)
	case project.KindTests:
		t.Tests, t.TestDays = rr.tests()
		t.Count = len(t.Tests) + len(t.TestDays)
	}
	if t.NonRecords = rr.skipped; rr.skipped > 0 {
		fs.Add(diag.Info, "rows-not-records", g.RowPos(rr.skippedFirst), "%d rows left out as totals, examples or legends (the first says %q)", rr.skipped, rr.skippedText)
	}
	return t
}

// noteSkipped says that a table found on a sheet was not read, and why.
func noteSkipped(g *Grid, h *header, fs *diag.Findings) {
	pos := g.Pos(h.rows[0], h.area.Col1)
	var names []string
	for _, c := range h.cols {
		if len(names) < 4 {
			names = append(names, c.Header)
		}
	}
	if isWorkLog(h) {
		fs.Add(diag.Info, "table-not-read", pos, "a work log (%s) is not a schedule, issue list or risk register; not read", strings.Join(names, ", "))
		return
	}
	fs.Add(diag.Info, "table-not-read", pos, "a %s table (%s) is not the kind asked for; not read", h.kind, strings.Join(names, ", "))
}

// dedupe drops repeated findings: a merged cell spanning several rows is
// read once per row but is one mistake.
func dedupe(fs diag.Findings) diag.Findings {
	seen := map[diag.Finding]bool{}
	out := fs[:0]
	for _, f := range fs {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}
