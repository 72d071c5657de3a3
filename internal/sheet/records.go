package sheet

import (
	"math"
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
	"wbs_id": idField, "id": idField, "related_task": idField,
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
}

// contentFields make a row a record; a row with only an ID, a level or a
// formula-computed number is a row prepared in advance, not a record.
var contentFields = map[string]bool{
	"name": true, "title": true, "description": true, "assignee": true, "owner": true,
	"planned_start": true, "planned_finish": true, "actual_start": true, "actual_finish": true,
	"status": true, "progress": true, "due": true, "raised_on": true, "priority": true,
	"planned_effort": true, "actual_effort": true, "resolution": true, "mitigation": true,
	"probability": true, "impact": true, "deliverable": true, "notes": true,
}

// continuationFields may run on into the next row when a long text did not
// fit in one.
var continuationFields = map[string]bool{
	"notes": true, "description": true, "resolution": true, "mitigation": true, "deliverable": true,
}

// parsed is one field value read from a cell.
type parsed struct {
	text   string
	date   date.Date
	num    float64
	hasNum bool
	people []string
	pos    diag.Pos
	raw    string
	// year-less date waiting for its year
	month, day int
}

// rowReader turns the rows below a header into field values.
type rowReader struct {
	g        *Grid
	h        *header
	kind     project.Kind
	opt      *Options
	findings *diag.Findings
	fields   map[string][]int // field -> columns, left to right
	scale    map[int]int      // progress column -> 1 (fractions) or 100
}

func newRowReader(g *Grid, h *header, opt *Options, fs *diag.Findings) *rowReader {
	rr := &rowReader{g: g, h: h, kind: h.kind, opt: opt, findings: fs, fields: map[string][]int{}, scale: map[int]int{}}
	for _, c := range h.cols {
		if c.Field != "" {
			rr.fields[c.Field] = append(rr.fields[c.Field], c.Col)
		}
	}
	for _, col := range rr.fields["progress"] {
		rr.scale[col] = rr.progressScale(col)
	}
	return rr
}

// progressScale decides whether a progress column holds fractions (0.5)
// or percents (50): any plain number above 1.5 means percents.
func (rr *rowReader) progressScale(col int) int {
	first := rr.h.rows[len(rr.h.rows)-1] + 1
	for i := range rr.g.Rows {
		r := &rr.g.Rows[i]
		if r.Num < first {
			continue
		}
		c := r.cell(col)
		switch c.Kind {
		case Number:
			if !rr.g.style(c).Percent && c.Num > 1.5 {
				return 100
			}
		case String:
			if n, ok := value.ParseNumber(c.Str); ok && n > 1.5 && !strings.ContainsAny(c.Str, "%％") {
				return 100
			}
		}
	}
	return 1
}

// cell returns the cell for field in row: through merges, except for name
// columns, where a merge marks a parent spanning its children's rows.
func (rr *rowReader) cell(row, col int, field string) (Cell, diag.Pos) {
	c := rr.g.Cell(row, col)
	if c.Kind != Empty || field == "name" && len(rr.fields["name"]) > 1 {
		return c, rr.g.Pos(row, col)
	}
	if m, ok := rr.g.MergeOf(row, col); ok {
		return rr.g.Cell(m.Row1, m.Col1), rr.g.Pos(m.Row1, m.Col1)
	}
	return c, rr.g.Pos(row, col)
}

// read parses one cell of field; ok=false when the cell says nothing.
func (rr *rowReader) read(row, col int, field string) (parsed, bool) {
	c, pos := rr.cell(row, col, field)
	p := parsed{pos: pos}
	switch c.Kind {
	case Empty:
		return p, false
	case ErrorValue:
		rr.findings.Add(diag.Warning, "cell-error", pos, "%s holds the error value %s; treated as empty", field, c.Str)
		return p, false
	case Bool:
		p.raw = "FALSE"
		if c.Num != 0 {
			p.raw = "TRUE"
		}
	case String:
		p.raw = value.Text(c.Str)
		if p.raw == "" {
			return p, false
		}
		if value.IsErrorValue(p.raw) {
			rr.findings.Add(diag.Warning, "cell-error", pos, "%s holds the error value %s; treated as empty", field, p.raw)
			return p, false
		}
	case Number:
		p.raw = formatNumber(c.Num)
	}
	st := rr.g.style(c)
	switch fieldTypes[field] {
	case dateField:
		return rr.readDate(c, st, p, field)
	case effortField:
		if c.Kind == Number {
			p.num, p.hasNum = c.Num, true
			if strings.Contains(strings.ToLower(st.Code), "h") && !st.Date || strings.Contains(st.Code, "時間") {
				p.num /= 8
			}
			return p, true
		}
		if n, ok := value.Effort(p.raw); ok {
			p.num, p.hasNum = n, true
			return p, true
		}
		if isPlaceholder(p.raw) {
			return p, false
		}
		rr.findings.Add(diag.Error, "effort-unparseable", pos, "%s %q is not an effort (use person-days, e.g. 3 or 3人日)", field, p.raw)
		return p, false
	case progressField:
		n, ok := value.Progress(c.Kind == Number, c.Num, p.raw, st.Percent, rr.scale[col])
		if !ok {
			if isPlaceholder(p.raw) {
				return p, false
			}
			rr.findings.Add(diag.Error, "progress-unparseable", pos, "progress %q is not a percentage", p.raw)
			return p, false
		}
		p.num, p.hasNum = n, true
		return p, true
	case levelField, numberField, riskLevelField:
		var n float64
		var ok bool
		switch {
		case c.Kind == Number:
			n, ok = c.Num, true
		case fieldTypes[field] == riskLevelField:
			n, ok = value.RiskLevel(p.raw)
		default:
			n, ok = value.ParseNumber(p.raw)
		}
		if !ok {
			if isPlaceholder(p.raw) {
				return p, false
			}
			rr.findings.Add(diag.Warning, "number-unparseable", pos, "%s %q is not a number", field, p.raw)
			p.text = p.raw
			return p, true
		}
		p.num, p.hasNum = n, true
		return p, true
	case peopleField:
		if c.Kind == Number && c.Num > 20000 && c.Num < 80000 {
			rr.findings.Add(diag.Warning, "person-is-date", pos, "%s holds a number (%s) where a name belongs; typed into the wrong column?", field, p.raw)
			return p, false
		}
		p.people = value.People(p.raw)
		return p, len(p.people) > 0
	case idField:
		p.text = p.raw
		return p, true
	}
	p.text = p.raw
	return p, true
}

func (rr *rowReader) readDate(c Cell, st Style, p parsed, field string) (parsed, bool) {
	if c.Kind == Number {
		// A plain number in a date column is still a serial when it falls in
		// a plausible range (built-in formats whose code was lost, CSV).
		if st.Date || (c.Num > 18000 && c.Num < 80000) {
			if d, ok := value.FromSerial(c.Num, rr.g.Date1904); ok {
				p.date = d
				return p, true
			}
		}
		rr.findings.Add(diag.Error, "date-unparseable", p.pos, "%s %s is not a date", field, p.raw)
		return p, false
	}
	dt, ok := value.ParseDate(p.raw)
	switch {
	case ok && dt.Placeholder:
		return p, false
	case ok && !dt.Date.IsZero():
		p.date = dt.Date
		return p, true
	case ok:
		p.month, p.day = dt.Month, dt.Day
		return p, true
	}
	rr.findings.Add(diag.Error, "date-unparseable", p.pos, "%s %q is not a date", field, p.raw)
	return p, false
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
	return strconv.FormatFloat(f, 'g', 15, 64)
}

// rowValues reads every mapped field of a row. Multi-column fields (name,
// assignee) keep one value per column.
type rowValues map[string][]parsed

func (rr *rowReader) values(row int) rowValues {
	vals := rowValues{}
	for field, cols := range rr.fields {
		for _, col := range cols {
			if p, ok := rr.read(row, col, field); ok {
				p.num = clean(p.num)
				vals[field] = append(vals[field], p)
			} else {
				// Keep where the empty cell is, so a finding about a missing
				// owner or due date can point at it.
				vals[field] = append(vals[field], parsed{pos: rr.g.Pos(row, col)})
			}
		}
	}
	return vals
}

func clean(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// has reports whether the row holds a real value in any of fields.
func (v rowValues) has(fields map[string]bool) bool {
	for f, ps := range v {
		if !fields[f] {
			continue
		}
		for _, p := range ps {
			if p.text != "" || p.hasNum || !p.date.IsZero() || p.month > 0 || len(p.people) > 0 {
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
	for f, ps := range v {
		for _, p := range ps {
			empty := p.text == "" && !p.hasNum && p.date.IsZero() && p.month == 0 && len(p.people) == 0
			if empty {
				continue
			}
			if !continuationFields[f] {
				return false
			}
			any = true
		}
	}
	return any
}

func (v rowValues) first(field string) (parsed, bool) {
	for _, p := range v[field] {
		if p.text != "" || p.hasNum || !p.date.IsZero() || p.month > 0 || len(p.people) > 0 {
			return p, true
		}
	}
	return parsed{}, false
}

func (v rowValues) text(field string) string {
	if field == "notes" && len(v[field]) > 1 {
		var parts []string
		for _, p := range v[field] {
			if p.text != "" {
				parts = append(parts, p.text)
			}
		}
		return strings.Join(parts, "\n")
	}
	p, _ := v.first(field)
	if p.text == "" && p.hasNum {
		return formatNumber(p.num)
	}
	return p.text
}

func (v rowValues) people(field string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range v[field] {
		for _, n := range p.people {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

func (v rowValues) num(field string) *float64 {
	p, ok := v.first(field)
	if !ok || !p.hasNum {
		return nil
	}
	n := p.num
	return &n
}

func (v rowValues) cells() map[string]diag.Pos {
	m := make(map[string]diag.Pos, len(v))
	for f, ps := range v {
		if p, ok := v.first(f); ok {
			m[f] = p.pos
		} else if len(ps) > 0 {
			m[f] = ps[0].pos
		}
	}
	return m
}
