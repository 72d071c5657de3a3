package sheet

import (
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// record is one logical record: one row, or a 予定/実績 pair of rows.
type record struct {
	row    int
	vals   rowValues
	actual rowValues // the 実績 row of a pair, nil otherwise
}

// records collects the rows below the header that hold data, folding
// plan/actual pairs and continuation rows.
func (rr *rowReader) records() []record {
	first := rr.h.rows[len(rr.h.rows)-1] + 1
	pairCol := rr.pairColumn(first)
	var out []record
	for i := range rr.g.Rows {
		n := rr.g.Rows[i].Num
		if n < first {
			continue
		}
		vals := rr.values(n)
		if pairCol > 0 {
			switch pairWord(rr.g.Value(n, pairCol)) {
			case "actual":
				if k := len(out); k > 0 && out[k-1].actual == nil && out[k-1].row >= n-2 {
					out[k-1].actual = vals
					continue
				}
			}
		}
		if !vals.has(contentFields) {
			continue
		}
		if k := len(out); k > 0 && vals.onlyContinuation() {
			appendText(out[k-1].vals, vals)
			continue
		}
		out = append(out, record{row: n, vals: vals})
	}
	return out
}

func appendText(dst, src rowValues) {
	for f, ps := range src {
		for _, p := range ps {
			if p.text == "" {
				continue
			}
			if len(dst[f]) == 0 {
				dst[f] = append(dst[f], p)
				continue
			}
			dst[f][0].text += "\n" + p.text
		}
	}
}

// pairColumn finds a column saying 予定/実績 (計画/実績, 予定/実施) on
// alternating rows; 0 when the sheet has one row per task.
func (rr *rowReader) pairColumn(first int) int {
	counts := map[int][2]int{} // col -> (pair words, other non-empty)
	for i := range rr.g.Rows {
		r := &rr.g.Rows[i]
		if r.Num < first {
			continue
		}
		for _, c := range r.Cells {
			if rr.h.calendar.Col1 > 0 && int(c.Col) >= rr.h.calendar.Col1 && int(c.Col) <= rr.h.calendar.Col2 {
				continue
			}
			n := counts[int(c.Col)]
			if pairWord(c) != "" {
				n[0]++
			} else {
				n[1]++
			}
			counts[int(c.Col)] = n
		}
	}
	best, bestN := 0, 0
	for col, n := range counts {
		if n[0] >= 4 && n[0] >= 3*n[1] && (n[0] > bestN || n[0] == bestN && col < best) {
			best, bestN = col, n[0]
		}
	}
	if best > 0 {
		// The pair column is not a field, whatever its header said.
		for f, cols := range rr.fields {
			for i, c := range cols {
				if c == best {
					rr.fields[f] = append(cols[:i:i], cols[i+1:]...)
				}
			}
			if len(rr.fields[f]) == 0 {
				delete(rr.fields, f)
			}
		}
	}
	return best
}

func pairWord(c Cell) string {
	if c.Kind != String {
		return ""
	}
	switch value.Key(c.Str) {
	case "予定", "計画", "予", "計", "plan", "planned", "baseline":
		return "plan"
	case "実績", "実施", "実", "actual", "actuals":
		return "actual"
	}
	return ""
}

// dateOf returns the date of a parsed cell, giving a year to 4/1 from the
// project window and the dates around it.
func (rr *rowReader) dateOf(p parsed, field string, near *date.Date) date.Date {
	if !p.date.IsZero() {
		*near = p.date
		return p.date
	}
	if p.month == 0 {
		return 0
	}
	ref := *near
	if ref.IsZero() {
		ref = rr.opt.Near
	}
	if ref.IsZero() {
		ref = rr.opt.From
	}
	d := value.InferYear(p.month, p.day, rr.opt.From, rr.opt.To, ref)
	if d.IsZero() {
		rr.findings.Add(diag.Error, "date-unparseable", p.pos, "%s %q is not a date", field, p.raw)
		return 0
	}
	rr.findings.Add(diag.Warning, "date-year-inferred", p.pos, "%s %q has no year; read as %s", field, p.raw, d)
	*near = d
	return d
}

func (rr *rowReader) date(v rowValues, field string, near map[string]*date.Date) date.Date {
	p, ok := v.first(field)
	if !ok {
		return 0
	}
	n := near[field]
	if n == nil {
		n = new(date.Date)
		near[field] = n
	}
	return rr.dateOf(p, field, n)
}

func (rr *rowReader) tasks(recs []record) []project.Task {
	near := map[string]*date.Date{}
	multiName := len(rr.fields["name"]) > 1
	var out []project.Task
	for _, rec := range recs {
		v := rec.vals
		t := project.Task{
			WBSID:         idText(v.text("wbs_id")),
			Team:          v.text("team"),
			Assignee:      v.people("assignee"),
			PlannedStart:  rr.date(v, "planned_start", near),
			PlannedFinish: rr.date(v, "planned_finish", near),
			ActualStart:   rr.date(v, "actual_start", near),
			ActualFinish:  rr.date(v, "actual_finish", near),
			PlannedEffort: v.num("planned_effort"),
			ActualEffort:  v.num("actual_effort"),
			Progress:      v.num("progress"),
			Predecessors:  v.text("predecessors"),
			Deliverable:   v.text("deliverable"),
			Notes:         v.text("notes"),
			Source:        rr.g.RowPos(rec.row),
			Cells:         v.cells(),
		}
		if t.Team == "" {
			t.Team = rr.opt.Team
		}
		if lv := v.num("level"); lv != nil && *lv >= 1 && *lv <= 20 {
			t.Level = int(*lv)
		}
		if m, ok := v.first("milestone"); ok {
			t.Milestone = isFlag(m.text)
		}
		rr.taskStatus(&t, v)
		if rec.actual != nil {
			rr.foldActual(&t, rec.actual, near)
		}
		if multiName {
			out = rr.namedByColumn(out, t, v)
			continue
		}
		t.Name = v.text("name")
		out = append(out, t)
	}
	setLevels(rr.g, out, multiName, rr.levelSources())
	return out
}

func (rr *rowReader) taskStatus(t *project.Task, v rowValues) {
	p, ok := v.first("status")
	if !ok {
		return
	}
	t.StatusRaw = p.text
	s, ok := value.TaskStatus(p.text)
	if !ok {
		rr.findings.Add(diag.Warning, "status-unknown", p.pos, "status %q is not a known task status; kept as written", p.text)
		return
	}
	t.Status = s
}

// foldActual merges the 実績 row of a pair into its task: the dates under
// the shared 開始/終了 columns are the actual dates there.
func (rr *rowReader) foldActual(t *project.Task, a rowValues, near map[string]*date.Date) {
	if d := rr.date(a, "planned_start", near); !d.IsZero() {
		t.ActualStart = d
	}
	if d := rr.date(a, "planned_finish", near); !d.IsZero() {
		t.ActualFinish = d
	}
	if d := rr.date(a, "actual_start", near); !d.IsZero() {
		t.ActualStart = d
	}
	if d := rr.date(a, "actual_finish", near); !d.IsZero() {
		t.ActualFinish = d
	}
	if n := a.num("planned_effort"); n != nil {
		t.ActualEffort = n
	}
	if n := a.num("actual_effort"); n != nil {
		t.ActualEffort = n
	}
	if n := a.num("progress"); n != nil {
		t.Progress = n
	}
	if t.Status == "" {
		rr.taskStatus(t, a)
	}
	// Point each field at the 実績 row's cell when that is where it came from.
	for f := range a {
		p, ok := a.first(f)
		if !ok {
			continue
		}
		key := f
		switch f {
		case "planned_start":
			key = "actual_start"
		case "planned_finish":
			key = "actual_finish"
		case "planned_effort":
			key = "actual_effort"
		}
		t.Cells[key] = p.pos
	}
}

// namedByColumn handles names split over 大項目/中項目/小項目 columns: a
// value in a shallower column opens a parent (summary) task, the deepest
// value names the row's own task.
func (rr *rowReader) namedByColumn(out []project.Task, t project.Task, v rowValues) []project.Task {
	names := v["name"]
	deepest := -1
	for i, p := range names {
		if p.text != "" {
			deepest = i
		}
	}
	if deepest < 0 {
		return out
	}
	for i := 0; i < deepest; i++ {
		if names[i].text == "" {
			continue
		}
		out = append(out, project.Task{
			Name: names[i].text, Level: i + 1, Summary: true, Team: t.Team,
			Source: t.Source, Cells: map[string]diag.Pos{"name": names[i].pos},
		})
	}
	t.Name = names[deepest].text
	t.Level = deepest + 1
	t.Cells["name"] = names[deepest].pos
	return append(out, t)
}

// idText tidies an ID: numbers read back as 1.1, not 1.1000000000000001.
func idText(s string) string {
	if f, err := strconv.ParseFloat(s, 64); err == nil && strings.ContainsAny(s, ".eE") {
		return strconv.FormatFloat(f, 'g', 12, 64)
	}
	return s
}

func isFlag(s string) bool {
	switch value.Key(s) {
	case "○", "〇", "◯", "◆", "◇", "★", "●", "yes", "y", "true", "1", "ms", "milestone", "マイルストーン", "✓", "x":
		return true
	}
	return false
}

func (rr *rowReader) issues(recs []record) []project.Issue {
	near := map[string]*date.Date{}
	var out []project.Issue
	for _, rec := range recs {
		v := rec.vals
		is := project.Issue{
			ID:          idText(v.text("id")),
			Title:       v.text("title"),
			Description: v.text("description"),
			Category:    v.text("category"),
			RaisedOn:    rr.date(v, "raised_on", near),
			RaisedBy:    strings.Join(v.people("raised_by"), "・"),
			Owner:       v.people("owner"),
			Due:         rr.date(v, "due", near),
			ClosedOn:    rr.date(v, "closed_on", near),
			Resolution:  v.text("resolution"),
			RelatedTask: idText(v.text("related_task")),
			Team:        rr.opt.Team,
			Source:      rr.g.RowPos(rec.row),
			Cells:       v.cells(),
		}
		if is.RaisedBy == "" {
			is.RaisedBy = v.text("raised_by")
		}
		if is.Title == "" {
			is.Title = firstLine(is.Description)
		}
		if p, ok := v.first("status"); ok {
			is.StatusRaw = p.text
			if s, ok := value.ItemStatus(p.text); ok {
				is.Status = s
			} else {
				rr.findings.Add(diag.Warning, "status-unknown", p.pos, "status %q is not a known issue status; kept as written", p.text)
			}
		} else if !is.ClosedOn.IsZero() {
			is.Status = project.Closed // a completion date with no status column
		}
		if p, ok := v.first("priority"); ok {
			is.PriorityRaw = p.text
			if pr, ok := value.Priority(p.text); ok {
				is.Priority = pr
			} else {
				rr.findings.Add(diag.Warning, "priority-unknown", p.pos, "priority %q is not high/medium/low; kept as written", p.text)
			}
		}
		out = append(out, is)
	}
	return out
}

func (rr *rowReader) risks(recs []record) []project.Risk {
	near := map[string]*date.Date{}
	var out []project.Risk
	for _, rec := range recs {
		v := rec.vals
		r := project.Risk{
			ID:          idText(v.text("id")),
			Title:       v.text("title"),
			Description: v.text("description"),
			Category:    v.text("category"),
			Probability: v.num("probability"),
			Impact:      v.num("impact"),
			Score:       v.num("score"),
			Owner:       v.people("owner"),
			Mitigation:  v.text("mitigation"),
			Due:         rr.date(v, "due", near),
			Team:        rr.opt.Team,
			Source:      rr.g.RowPos(rec.row),
			Cells:       v.cells(),
		}
		if p, ok := v.first("probability"); ok {
			r.ProbabilityRaw = p.raw
		}
		if p, ok := v.first("impact"); ok {
			r.ImpactRaw = p.raw
		}
		if r.Title == "" {
			r.Title = firstLine(r.Description)
		}
		if p, ok := v.first("status"); ok {
			r.StatusRaw = p.text
			if s, ok := value.ItemStatus(p.text); ok {
				r.Status = s
			} else {
				rr.findings.Add(diag.Warning, "status-unknown", p.pos, "status %q is not a known risk status; kept as written", p.text)
			}
		}
		out = append(out, r)
	}
	return out
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
