package sheet

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// Evidence from values (docs/column-evidence.md): a header says what a
// column should hold, the cells say what it does hold. The scorer first
// maps columns by their header words; then each mapped column's values are
// profiled, and a field whose values clearly contradict it (dates under
// 期間 read as effort, percentages under a date word, numbers under a
// title) is withdrawn, the columns are mapped again without it, and a
// column left free whose values are unmistakably dates takes a free date
// field. Every such change is a finding, so no header is overruled
// silently.

// profileRows bounds how many data rows a profile samples: enough to see
// a column's habit, few enough to cost nothing on a 50,000-row sheet.
const profileRows = 200

// minEvidence is how many values a column must hold before its values may
// overrule its header, and clearShare the share of them that must agree.
const (
	minEvidence = 3
	clearShare  = 0.8
)

// profile counts what the sampled cells of one column hold.
type profile struct {
	n       int // non-empty cells
	dates   int // date serials (date format or plausible serial) and date text
	percent int // numbers with a percent format, text ending in %
	numbers int // other numbers, numeric text included
	small   int // whole numbers 0..5 among numbers (ratings, levels)
	over100 int // numbers above 100 among numbers
	long    int // text over 40 characters
	words   int // other text
}

// valueKind is what a column clearly holds, or kindMixed.
type valueKind uint8

const (
	kindMixed valueKind = iota
	kindDates
	kindPercent
	kindNumbers
	kindText
)

func (p profile) share(k int) bool {
	return p.n >= minEvidence && float64(k) >= clearShare*float64(p.n)
}

// kind says what the column clearly holds.
func (p profile) kind() valueKind {
	switch {
	case p.share(p.dates):
		return kindDates
	case p.share(p.percent):
		return kindPercent
	case p.share(p.numbers):
		return kindNumbers
	case p.share(p.long + p.words):
		return kindText
	}
	return kindMixed
}

// profileColumns profiles every column of h over the rows below the band.
func profileColumns(g *Grid, h *header) map[int]profile {
	cols := make([]int, len(h.cols))
	for i, c := range h.cols {
		cols[i] = c.Col
	}
	return profileOf(g, h, cols)
}

// profileOf profiles the given columns over the rows below the band.
func profileOf(g *Grid, h *header, cols []int) map[int]profile {
	out := make(map[int]profile, len(cols))
	rows := h.dataRows(g)
	var cs []cell
	for i := range rows[:min(len(rows), profileRows)] {
		// The row is decoded once for all its columns: looking each up
		// in the encoded row steps over the cells before it, which for
		// a table of thousands of mapped columns (備考 × 16,000) made
		// the profile quadratic in the width.
		cs = g.decoded(&rows[i], cs)
		for _, c := range cols {
			j, ok := findCell(cs, c)
			if !ok {
				continue
			}
			cell := g.view(cs[j])
			if cell.Kind == Empty {
				continue
			}
			p := out[c]
			p.add(g, cell)
			out[c] = p
		}
	}
	return out
}

func (p *profile) add(g *Grid, c Cell) {
	switch c.Kind {
	case Number:
		st := g.style(c)
		switch {
		case st.Date:
			p.dates++
		case st.Percent:
			p.percent++
		default:
			p.numbers++
			if c.Num == float64(int(c.Num)) && c.Num >= 0 && c.Num <= 5 {
				p.small++
			}
			if c.Num > 100 {
				p.over100++
			}
		}
	case String:
		t := value.Text(c.Str)
		if t == "" {
			return
		}
		switch {
		case strings.HasSuffix(t, "%") || strings.HasSuffix(t, "％"):
			if _, ok := value.ParseNumber(strings.TrimRight(t, "%％ ")); ok {
				p.percent++
				break
			}
			p.words++
		case isNumberText(t):
			p.numbers++
		case isFullDateText(t):
			p.dates++
		case utf8.RuneCountInString(t) > 40:
			p.long++
		default:
			p.words++
		}
	default:
		p.words++
	}
	p.n++
}

func isNumberText(t string) bool {
	_, ok := value.ParseNumber(t)
	return ok
}

// isFullDateText reports whether t reads as a date, with or without a
// year, or as a date range; placeholders (未定, -) are not evidence.
func isFullDateText(t string) bool {
	if dt, ok := value.ParseDate(t); ok {
		return !dt.Placeholder
	}
	if _, _, ok := value.ParseDateRange(t); ok {
		return true
	}
	if strings.IndexByte(t, '/') >= 0 {
		// 15/4〜20/4: a day-first date is a date too (dayfirst.go).
		if s := swapDayMonth(t); s != t {
			if _, ok := value.ParseDate(s); ok {
				return true
			}
			if _, _, ok := value.ParseDateRange(s); ok {
				return true
			}
		}
	}
	return dateShaped(t)
}

// dateShaped reports whether t is written like a date even when it is
// not a real one (2026/2/30, 13/45): three groups of digits joined by / or
// 年 月 (日), or by - . after a four-digit year, or two joined by / or 月. Such a cell is evidence of a date
// column, and the cell itself gets a date-unparseable finding.
func dateShaped(t string) bool {
	groups, digits, first := 0, 0, 0
	slashOrMonth, dotOrDash := false, false
	for _, r := range strings.TrimSuffix(t, "日") {
		switch {
		case r >= '0' && r <= '9':
			if digits == 0 {
				groups++
			}
			digits++
			if groups == 1 {
				first = digits
			}
			if digits > 4 {
				return false
			}
		case r == '/' || r == '月' || r == '-' || r == '.' || r == '年':
			if digits == 0 {
				return false
			}
			slashOrMonth = slashOrMonth || r == '/' || r == '月'
			dotOrDash = dotOrDash || r == '-' || r == '.'
			digits = 0
		default:
			return false
		}
	}
	if dotOrDash && first != 4 {
		return false // 1.2.3 and 1-2-3 are outline codes; only 2026.2.30 is a date
	}
	return digits > 0 && (groups == 3 || groups == 2 && slashOrMonth)
}

// contradicts reports whether a column clearly holding k cannot be field:
// only a clear, different kind of value overrules a header — text such as
// "x" or "済" under a date word is left for the cell-level findings.
func contradicts(field string, k valueKind, p profile) bool {
	switch fieldTypes[field] {
	case dateField:
		return k == kindPercent || k == kindNumbers && p.over100 < p.numbers
	case effortField:
		return k == kindDates || k == kindPercent
	case progressField:
		return k == kindDates || k == kindText && p.long > p.words || k == kindNumbers && p.share(p.over100)
	case levelField:
		return k == kindDates || k == kindText
	case peopleField, statusField:
		return k == kindDates || k == kindPercent || k == kindNumbers && p.small < p.numbers
	case priorityField, riskLevelField:
		return k == kindDates || k == kindPercent && fieldTypes[field] == priorityField
	case textField:
		switch field {
		case "name", "title", "description", "mitigation", "resolution", "category", "team":
			return k == kindDates || k == kindPercent || k == kindNumbers
		}
	}
	return false
}

// evidenceNote is one change values made to a header's mapping.
type evidenceNote struct {
	col      Column
	was, now string // field by header words; field by values ("" = none)
	holds    valueKind
}

// applyEvidence checks the mapping of h against its columns' values and
// maps again where they disagree. Columns fixed by the YAML are never
// touched.
func applyEvidence(g *Grid, h *header, sc scorer, overrides map[int]string) {
	profs := profileColumns(g, h)
	veto := map[int]map[string]bool{}
	for _, c := range h.cols {
		if _, fixed := overrides[c.Col]; fixed {
			continue
		}
		p := profs[c.Col]
		k := p.kind()
		if k == kindMixed {
			continue
		}
		for _, f := range fieldsOf(h.kind) {
			if contradicts(f, k, p) {
				if veto[c.Col] == nil {
					veto[c.Col] = map[string]bool{}
				}
				veto[c.Col][f] = true
			}
		}
	}
	before := map[int]string{}
	for _, c := range h.cols {
		before[c.Col] = c.Field
	}
	if slices.ContainsFunc(h.cols, func(c Column) bool { return veto[c.Col][c.Field] }) {
		if _, cols := assignVeto(sc, h.kind, h.cols, overrides, veto); hasKeyField(cols) {
			h.cols = cols
		}
	}
	fillDates(h, profs, overrides)
	spanDates(g, h)
	pairFinish(h)
	for _, c := range h.cols {
		if was := before[c.Col]; was != c.Field && (was != "" || c.Field != "") {
			h.notes = append(h.notes, evidenceNote{col: c, was: was, now: c.Field, holds: profs[c.Col].kind()})
		}
	}
}

// fillDates gives the date fields a schedule still lacks to free columns
// that hold nothing but dates: the header words say start or finish when
// they can, else the columns are taken left to right as start, finish
// (a 期間 group over two unlabelled date columns). A free column of
// percentages is the progress.
func fillDates(h *header, profs map[int]profile, overrides map[int]string) {
	if h.kind != project.KindWBS {
		return
	}
	taken := map[string]bool{}
	for _, c := range h.cols {
		taken[c.Field] = true
	}
	for i := range h.cols {
		c := &h.cols[i]
		k := profs[c.Col].kind()
		if c.Field != "" || k != kindDates && k != kindPercent {
			continue
		}
		if _, fixed := overrides[c.Col]; fixed {
			continue
		}
		cs := conceptsOf(c.key)
		var order []string
		switch {
		case k == kindPercent:
			order = []string{"progress"} // the one percentage a schedule has
		case cs.actual && cs.finish:
			order = []string{"actual_finish"}
		case cs.actual:
			order = []string{"actual_start", "actual_finish"}
		case cs.finish:
			order = []string{"planned_finish"}
		case cs.start:
			order = []string{"planned_start"}
		default:
			order = []string{"planned_start", "planned_finish"}
		}
		for _, f := range order {
			if !taken[f] {
				c.Field, c.Score = f, minFieldScore
				taken[f] = true
				break
			}
		}
	}
}

// spanDates takes the column under the second half of a header merged
// over two columns (期間 across C1:D1) as the finish when the first half
// became the start by its values and the second half holds dates too.
func spanDates(g *Grid, h *header) {
	for i, c := range h.cols {
		if c.Field != "planned_start" && c.Field != "actual_start" {
			continue
		}
		m, ok := g.MergeOf(h.rows[len(h.rows)-1], c.Col)
		if !ok || m.Col1 != c.Col || m.Col2 != c.Col+1 {
			continue
		}
		fin := strings.Replace(c.Field, "start", "finish", 1)
		if slices.ContainsFunc(h.cols, func(o Column) bool { return o.Field == fin || o.Col == c.Col+1 }) {
			continue
		}
		if profileOf(g, h, []int{c.Col + 1})[c.Col+1].kind() != kindDates {
			continue
		}
		next := Column{Col: c.Col + 1, Letter: columnLetter(c.Col + 1), Header: c.Header, Field: fin, Score: minFieldScore, parts: c.parts, key: c.key}
		h.cols = slices.Insert(h.cols, i+1, next)
		return
	}
}

// pairFinish reads a bare 完了日 or 終了日 as the planned finish when the
// schedule has a planned start and no other finish: on such a sheet the
// start and finish columns are one plan, not a plan start and an actual
// finish.
func pairFinish(h *header) {
	if h.kind != project.KindWBS {
		return
	}
	has := map[string]bool{}
	for _, c := range h.cols {
		has[c.Field] = true
	}
	if !has["planned_start"] || has["planned_finish"] || has["actual_start"] {
		return
	}
	for i := range h.cols {
		c := &h.cols[i]
		if c.Field == "actual_finish" && !conceptsOf(c.key).actual {
			c.Field = "planned_finish"
		}
	}
}

var kindPhrases = map[valueKind]diag.Phrase{
	kindDates:   {EN: "dates", JA: "日付"},
	kindPercent: {EN: "percentages", JA: "百分率"},
	kindNumbers: {EN: "numbers", JA: "数値"},
	kindText:    {EN: "text", JA: "文字列"},
	kindMixed:   {EN: "mixed values", JA: "混在した値"},
}

// noteEvidence turns the changes values made to a mapping into findings
// at the header cells, so a reader sees which header pmo did not follow.
func noteEvidence(g *Grid, h *header, fs *diag.Findings) {
	row := h.rows[len(h.rows)-1]
	for _, n := range h.notes {
		pos := g.Pos(row, n.col.Col)
		holds := kindPhrases[n.holds]
		switch {
		case n.was == "actual_finish" && n.now == "planned_finish":
			fs.Add(diag.Info, "column-paired", pos, "column %q read as planned_finish: the sheet has a planned start and no other finish date", n.col.Header)
		case n.was == "":
			fs.Add(diag.Warning, "column-by-values", pos, "column %q has no known header word but holds %s: read as %s", n.col.Header, holds, n.now)
		case n.now == "":
			fs.Add(diag.Warning, "column-by-values", pos, "column %q holds %s, not %s: left unmapped", n.col.Header, holds, n.was)
		default:
			fs.Add(diag.Warning, "column-by-values", pos, "column %q holds %s, not %s: read as %s", n.col.Header, holds, n.was, n.now)
		}
	}
}
