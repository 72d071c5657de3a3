package sheet

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// fieldType says how a field's cells are parsed.
type fieldType uint8

const (
	textField fieldType = iota
	dateField
	effortField
	progressField
	levelField
	peopleField
	statusField
	priorityField
	riskLevelField
	numberField
	idField
	flagField
)

var fieldTypes = map[string]fieldType{
	"wbs_id": idField, "id": idField, "related_task": idField, "parent": idField,
	"level":         levelField,
	"planned_start": dateField, "planned_finish": dateField, "actual_start": dateField, "actual_finish": dateField,
	"raised_on": dateField, "due": dateField, "closed_on": dateField,
	"planned_effort": effortField, "actual_effort": effortField,
	"progress": progressField,
	"assignee": peopleField, "owner": peopleField,
	"status":      statusField,
	"priority":    priorityField,
	"probability": riskLevelField, "impact": riskLevelField,
	"score":     numberField,
	"milestone": flagField,
	// action items and tests (meeting.go builds their records)
	"planned_on": dateField, "executed_on": dateField, "day": dateField,
	"tester":        peopleField,
	"defect":        idField,
	"planned_count": numberField, "executed_count": numberField, "passed_count": numberField, "failed_count": numberField,
}

// contentFields make a row a record; a row with only an ID, a level or a
// formula-computed number is a row prepared in advance, not a record.
var contentFields = map[string]bool{
	"name": true, "title": true, "description": true, "assignee": true, "owner": true,
	"planned_start": true, "planned_finish": true, "actual_start": true, "actual_finish": true,
	"status": true, "progress": true, "due": true, "raised_on": true, "priority": true,
	"planned_effort": true, "actual_effort": true, "resolution": true, "mitigation": true,
	"probability": true, "impact": true, "deliverable": true, "notes": true,
	"meeting": true, "planned_on": true, "executed_on": true, "result": true, "tester": true,
	"planned_count": true, "executed_count": true, "passed_count": true, "failed_count": true,
}

// continuationFields may run on into the next row when a long text did not
// fit in one.
var continuationFields = map[string]bool{
	"notes": true, "description": true, "resolution": true, "mitigation": true, "deliverable": true,
}

// parsed is one field value read from a cell. It is kept small: a
// 50,000-row sheet makes close to a million of them.
type parsed struct {
	text       string
	people     []string
	num        float64
	date       date.Date
	row, col   int32 // the cell (a merge's first cell when read through one)
	month, day uint8 // a date typed without a year
	hasNum     bool
	set        bool // the cell said something
}

// maxEffort is the largest effort read as one: a million person-days is
// already four thousand people for a year.
const maxEffort = 1e6

// rowReader turns the rows below a header into field values.
type rowReader struct {
	g        *Grid
	h        *header
	kind     project.Kind
	opt      *Options
	findings *diag.Findings
	capped   diag.RuleCap     // the typed rows' findings, per rule (diag.FindingsPerRule)
	fields   map[string][]int // field -> columns, left to right
	scale    map[int]int      // progress column -> 1 (fractions) or 100
	slots    []slot           // fields in a fixed order, for rowValues
	slotOf   map[string]int
	recent   slotCache   // slotOf's answers, found without hashing
	nearBy   []date.Date // by slot, the last full date of the field, for 4/1
	width    int
	spare    [][]parsed         // row buffers to reuse
	decoded  []cell             // the cells of the row fill types, decoded once for all its fields
	memo     typeMemo           // the cells fill typed, by column (typememo.go)
	parents  []string           // open parent names per name column
	cal      []calDay           // dated columns of the Gantt area, by column
	shading  map[[2]uint16]bool // (column, fill) pairs that shade, not mark
	bandEnd  int                // last row of a milestone band under the header; 0 when none
	dayFirst map[int]bool       // date columns written day first (15/4); nil when none
	layout   *project.Layout    // each slot's first column, shared by the records' Cells
	bare     *project.Layout    // the layout's position without its fields, for summary tasks made up
	names    nameLists          // the records' names lists, by text
	riskPct  map[int]bool       // probability columns of bare percentages (30 = 30 %); nil when none
	// skipped counts rows left out as totals, examples or legends; the
	// first is named in a finding.
	sawRange     bool     // a date cell held a period (4/1〜4/10)
	keyFields    []string // mapped fields that may name a total or example row
	skipped      int
	skippedFirst int
	skippedText  string
}

// slot is one field's place in a rowValues.
type slot struct {
	field string
	cols  []int
	start int
	index int // project.FieldIndex(field)
	typ   fieldType
	// content and continuation say whether field is among contentFields
	// and continuationFields, looked up once rather than for every row.
	content, continuation bool
}

func newRowReader(g *Grid, h *header, opt *Options, fs *diag.Findings) *rowReader {
	rr := &rowReader{g: g, h: h, kind: h.kind, opt: opt, findings: fs, fields: map[string][]int{}, scale: map[int]int{}}
	for _, c := range h.cols {
		if c.Field != "" {
			rr.fields[c.Field] = append(rr.fields[c.Field], c.Col)
		}
	}
	rr.scanColumns() // progress scales and day-first date columns (colscan.go)
	if h.kind == project.KindRisks {
		rr.percentLevels()
	}
	if h.kind == project.KindWBS && h.calendar.Col1 > 0 {
		rr.cal = calendarDays(g, h, cmp.Or(opt.From, opt.Near))
		rr.shading = calendarShading(g, h)
	}
	return rr
}

// oddScale reports a bare progress number on the other scale than its
// column's: 0.5 among 0–100 values (read as 0.5 %, though 50 % may be
// meant) or 50 among fractions (read as 5000 %). Either way the team
// should look at the cell.
func (rr *rowReader) oddScale(c Cell, raw string, percent bool, scale int, read float64, p parsed) {
	if percent || strings.ContainsAny(raw, "%％") {
		return
	}
	v := c.Num
	if c.Kind != Number {
		var ok bool
		if v, ok = value.ParseNumber(raw); !ok {
			return
		}
	} else {
		raw = trimFloat(v)
	}
	switch {
	case scale == 100 && v > 0 && v < 1:
		rr.findings.Add(diag.Warning, "progress-scale-odd", rr.pos(p), "progress %s in a column of 0–100 values was read as %s %%; write %s if that is what was meant", raw, trimFloat(read), trimFloat(v*100))
	case scale == 1 && v > 1.5:
		rr.findings.Add(diag.Warning, "progress-scale-odd", rr.pos(p), "progress %s in a column of fractions (0.5 = 50 %%) was read as %s %%", raw, trimFloat(read))
	}
}

// trimFloat shows a number in a message (value.ShowNumber: 58, not
// 57.99999999999999; 4.94066E-324, not 324 digits).
func trimFloat(v float64) string { return value.ShowNumber(v) }

// cell returns the cell for field in row: through merges, except for name
// columns, where a merge marks a parent spanning its children's rows.
func (rr *rowReader) cell(cs []cell, row, col int, field string) (Cell, int, int) {
	var c Cell
	if i, ok := findCell(cs, col); ok {
		c = rr.g.view(cs[i])
	}
	if c.Kind != Empty || field == "name" && len(rr.fields["name"]) > 1 {
		return c, row, col
	}
	if m, ok := rr.g.MergeOf(row, col); ok {
		return rr.g.Cell(m.Row1, m.Col1), m.Row1, m.Col1
	}
	return c, row, col
}

// slotFields fixes the order of fields in a rowValues.
func (rr *rowReader) slotFields() {
	names := make([]string, 0, len(rr.fields))
	for f := range rr.fields {
		names = append(names, f)
	}
	slices.Sort(names)
	rr.slots, rr.slotOf, rr.width, rr.recent, rr.memo = nil, map[string]int{}, 0, slotCache{}, typeMemo{}
	var cols []int
	for _, f := range names {
		rr.slotOf[f] = len(rr.slots)
		rr.slots = append(rr.slots, slot{field: f, cols: rr.fields[f], start: rr.width, index: project.FieldIndex(f), typ: fieldTypes[f],
			content: contentFields[f], continuation: continuationFields[f]})
		rr.width += len(rr.fields[f])
		cols = append(cols, rr.fields[f][0])
	}
	rr.layout = project.NewLayout(rr.g.RowPos(0), names, cols)
	rr.bare = rr.layout.Bare()
	rr.nearBy = make([]date.Date, len(rr.slots))
}

// slotCache remembers which slot a field name has (-1: none), by a
// bucket of its length and end letters: rowValues.of runs some twenty
// times a row, and comparing a name the callers write as a constant
// costs a fraction of hashing it. A bucket keeps the first name asked
// in it; the others go to slotOf.
type slotCache [64]struct {
	field string
	slot  int
}

// slotIndex returns the slot of field in rr.slots, or -1.
func (rr *rowReader) slotIndex(field string) int {
	if field == "" {
		return slotOrNone(rr.slotOf, field)
	}
	e := &rr.recent[(len(field)*7+int(field[0])+3*int(field[len(field)-1]))&63]
	if e.field == field {
		return e.slot
	}
	i := slotOrNone(rr.slotOf, field)
	if e.field == "" {
		e.field, e.slot = field, i
	}
	return i
}

func slotOrNone(slotOf map[string]int, field string) int {
	if i, ok := slotOf[field]; ok {
		return i
	}
	return -1
}

func (rr *rowReader) pos(p parsed) diag.Pos { return rr.g.Pos(int(p.row), int(p.col)) }

// readAs parses one cell of field, of type typ (fieldTypes[field], looked
// up once per column rather than once per cell); set=false when the cell
// says nothing.
func (rr *rowReader) readAs(cs []cell, row, col int, field string, typ fieldType) parsed {
	c, r0, c0 := rr.cell(cs, row, col, field)
	p := parsed{row: int32(r0), col: int32(c0)}
	var raw string
	switch c.Kind {
	case Empty:
		return p
	case ErrorValue:
		rr.findings.Add(diag.Warning, "cell-error", rr.pos(p), "%s holds the error value %s; treated as empty", field, c.Str)
		return p
	case Bool:
		raw = "FALSE"
		if c.Num != 0 {
			raw = "TRUE"
		}
	case String:
		raw = value.Text(c.Str)
		if raw == "" {
			return p
		}
		if strings.IndexByte(raw, '#') >= 0 && value.IsErrorValue(raw) { // every error value starts with #
			rr.findings.Add(diag.Warning, "cell-error", rr.pos(p), "%s holds the error value %s; treated as empty", field, raw)
			return p
		}
	case Number:
		if math.IsNaN(c.Num) || math.IsInf(c.Num, 0) {
			// <v>NaN</v> or <v>INF</v>: no spreadsheet writes one (Excel
			// shows #NUM!), so it is said, like an error value.
			rr.findings.Add(diag.Warning, "cell-error", rr.pos(p), "%s holds %s, which is not a number; treated as empty", field, value.ShowNumber(c.Num))
			return p
		}
		raw = formatNumber(c.Num)
	}
	if isDash(raw) && typ != dateField {
		return p // "-" fills a cell that has nothing to say
	}
	p.text, p.set = raw, true
	st := rr.g.style(c)
	switch typ {
	case dateField:
		rr.readDate(c, st, &p, field)
	case effortField:
		rr.readEffort(c, st, &p, field)
	case progressField:
		n, ok := value.Progress(c.Kind == Number, c.Num, raw, st.Percent, rr.scale[col])
		switch {
		case ok:
			p.num, p.hasNum = clean(n), true
			rr.oddScale(c, raw, st.Percent, rr.scale[col], n, p)
		case isPlaceholder(raw):
			p.set = false
		default:
			rr.findings.Add(diag.Error, "progress-unparseable", rr.pos(p), "progress %q is not a percentage", raw)
			p.set = false
		}
	case levelField, numberField, riskLevelField:
		var n float64
		var ok bool
		switch {
		case typ == riskLevelField && rr.riskPct[col]:
			if n, ok = percentLevel(raw); !ok {
				n, ok = value.RiskLevel(raw) // a word among the percentages
			}
		case typ == riskLevelField:
			n, ok = value.RiskLevel(raw) // 0.3 and 30% are probabilities, mapped onto 1-5
		case c.Kind == Number:
			n, ok = c.Num, true
		default:
			n, ok = value.ParseNumber(raw)
		}
		switch {
		case ok:
			p.num, p.hasNum = clean(n), true
		case isPlaceholder(raw):
			p.set = false
		default:
			rr.findings.Add(diag.Warning, "number-unparseable", rr.pos(p), "%s %q is not a number", field, raw)
		}
	case peopleField:
		if c.Kind == Number && c.Num > 20000 && c.Num < 80000 {
			rr.findings.Add(diag.Warning, "person-is-date", rr.pos(p), "%s holds a number (%s) where a name belongs; typed into the wrong column?", field, raw)
			p.set = false
			return p
		}
		p.people = value.People(raw)
		p.set = len(p.people) > 0
	}
	return p
}

func (rr *rowReader) readEffort(c Cell, st Style, p *parsed, field string) {
	if c.Kind == Number && math.Abs(c.Num) > maxEffort*max(rr.h.effortDays, 1) {
		rr.findings.Add(diag.Error, "effort-unparseable", rr.pos(*p), "%s %s person-days is not a plausible effort", field, trimFloat(c.Num))
		p.set = false
		return
	}
	if c.Kind == Number {
		p.num, p.hasNum = clean(c.Num), true
		if rr.h.effortDays > 1 {
			p.num /= rr.h.effortDays // a tool's hours or seconds
			return
		}
		if strings.Contains(strings.ToLower(st.Code), "h") && !st.Date || strings.Contains(st.Code, "時間") {
			p.num /= 8
		}
		return
	}
	if n, ok := value.ParseNumber(p.text); ok && rr.h.effortDays > 1 {
		p.num, p.hasNum = clean(n/rr.h.effortDays), true
		return
	}
	if n, ok := value.Effort(p.text); ok && math.Abs(n) <= maxEffort {
		p.num, p.hasNum = clean(n), true
		return
	}
	if !isPlaceholder(p.text) {
		rr.findings.Add(diag.Error, "effort-unparseable", rr.pos(*p), "%s %q is not an effort (use person-days, e.g. 3 or 3人日)", field, p.text)
	}
	p.set = false
}

func (rr *rowReader) readDate(c Cell, st Style, p *parsed, field string) {
	if c.Kind == Number {
		// A plain number in a date column is still a serial when it falls in
		// a plausible range (built-in formats whose code was lost, CSV).
		if st.Date || (c.Num > 18000 && c.Num < 80000) {
			if d, ok := value.FromSerial(c.Num, rr.g.Date1904); ok {
				p.date = d
				return
			}
		}
		// 20260401 typed as a number: a date written yyyymmdd.
		if n := int(c.Num); float64(n) == c.Num && n >= 19000101 && n <= 29991231 {
			if d, ok := value.ParseDate(strconv.Itoa(n)); ok && !d.Date.IsZero() {
				p.date = d.Date
				return
			}
		}
		rr.findings.Add(diag.Error, "date-unparseable", rr.pos(*p), "%s %s is not a date", field, p.text)
		p.set = false
		return
	}
	text := rr.dateText(*p)
	dt, ok := value.ParseDate(text)
	if !ok {
		// A period in one cell (4/1〜4/10): a start field takes its first
		// day, a finish field its last; hasNum marks the range so the task
		// can take the other end for a field the sheet has no column for.
		if from, to, isRange := value.ParseDateRange(text); isRange {
			dt, ok, p.hasNum = from, true, true
			rr.sawRange = true
			if isFinishField(field) {
				dt = to
			}
		}
	}
	switch {
	case ok && dt.Placeholder:
		p.set = false
	case ok && !dt.Date.IsZero():
		p.date = dt.Date
	case ok && dt.Month > 0:
		p.month, p.day = uint8(dt.Month), uint8(dt.Day)
	default:
		rr.findings.Add(diag.Error, "date-unparseable", rr.pos(*p), "%s %q is not a date", field, p.text)
		p.set = false
	}
}

func isFinishField(f string) bool {
	return f == "planned_finish" || f == "actual_finish" || f == "due" || f == "closed_on"
}

func isDash(s string) bool {
	switch s {
	case "-", "－", "―", "—", "–", "ー", "‐", "--", "n/a", "N/A", "NA":
		return true
	}
	return false
}

func isPlaceholder(s string) bool {
	dt, ok := value.ParseDate(s)
	return ok && dt.Placeholder
}

// formatNumber prints a cell number the way a person reads it: 1.1 not
// 1.1000000000000001, 3 not 3.0.
func formatNumber(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	// Whole numbers below 10^15 (serial dates, counts) print the same
	// with FormatInt, which costs a fraction of FormatFloat; -0 stays "-0".
	if f == math.Trunc(f) && f > -1e15 && f < 1e15 && (f != 0 || !math.Signbit(f)) {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', 15, 64)
}

func clean(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// rowValues holds every mapped field of one row, one parsed value per
// column (a name over 大項目/中項目/小項目 has three).
type rowValues struct {
	rr    *rowReader
	ps    []parsed
	row   int
	chunk bool // ps is a rowPipe chunk's, not a buffer of rr's
}

func (rr *rowReader) values(row int) rowValues {
	v := rowValues{rr: rr, ps: rr.buffer(), row: row}
	rr.fill(v.ps, row)
	return v
}

// buffer returns a cleared buffer for one row's values.
func (rr *rowReader) buffer() []parsed {
	if n := len(rr.spare); n > 0 {
		var ps []parsed
		ps, rr.spare = rr.spare[n-1], rr.spare[:n-1]
		clear(ps)
		return ps
	}
	return make([]parsed, rr.width)
}

// fill types the mapped cells of row into ps, every one of its rr.width
// values.
func (rr *rowReader) fill(ps []parsed, row int) {
	// The row is looked up and decoded once for all its fields.
	rr.decoded = rr.decoded[:0]
	if r := rr.g.row(row); r != nil {
		rr.decoded = rr.g.decoded(r, rr.decoded)
	}
	if rr.memo.cols == nil {
		rr.memo = newTypeMemo(rr.width, rr.estimate())
	}
	for j := range rr.slots {
		s := &rr.slots[j]
		for i, col := range s.cols {
			ps[s.start+i] = rr.readMemo(s.start+i, rr.decoded, row, col, s)
		}
	}
}

// recycle hands a row's buffer back once nothing refers to it.
func (rr *rowReader) recycle(v rowValues) {
	if v.ps != nil && !v.chunk {
		rr.spare = append(rr.spare, v.ps)
	}
}

// of returns the values of field, one per column; nil when unmapped.
func (v rowValues) of(field string) []parsed {
	if v.ps == nil {
		return nil
	}
	return v.at(v.rr.slotIndex(field))
}

// at returns the values of the i-th slot; nil for -1.
func (v rowValues) at(i int) []parsed {
	if i < 0 || v.ps == nil {
		return nil
	}
	s := &v.rr.slots[i]
	return v.ps[s.start : s.start+len(s.cols)]
}

// hasContent reports whether the row holds a real value in any of
// contentFields.
func (v rowValues) hasContent() bool {
	for i := range v.rr.slots {
		if !v.rr.slots[i].content {
			continue
		}
		for _, p := range v.at(i) {
			if p.set {
				return true
			}
		}
	}
	return false
}

// onlyContinuation reports whether the row holds nothing but text that
// continues the previous record's long fields.
func (v rowValues) onlyContinuation() bool {
	any := false
	for i := range v.rr.slots {
		for _, p := range v.at(i) {
			if !p.set {
				continue
			}
			if !v.rr.slots[i].continuation {
				return false
			}
			any = true
		}
	}
	return any
}

func (v rowValues) first(field string) (parsed, bool) { return firstSet(v.of(field)) }

// firstSet returns the first value of ps that says something.
func firstSet(ps []parsed) (parsed, bool) {
	for _, p := range ps {
		if p.set {
			return p, true
		}
	}
	return parsed{}, false
}

func (v rowValues) text(field string) string {
	if field == "notes" {
		var parts []string
		for _, p := range v.of(field) {
			if p.set {
				parts = append(parts, p.text)
			}
		}
		return strings.Join(parts, "\n")
	}
	p, _ := v.first(field)
	return p.text
}
