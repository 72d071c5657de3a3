package report

import (
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// Kind says how a column's values are typed and formatted.
type Kind uint8

// Column kinds.
const (
	Text    Kind = iota
	Date         // date.Date, shown yyyy/mm/dd
	Percent      // 0..100, shown as a percentage
	Number       // a decimal (effort in person-days)
	Integer      // a count
)

// Column is one column of a records table.
type Column struct {
	Key   string // standard field name, or a computed one (planned_pct, days_late, source, age, overdue, score)
	Label string
	Kind  Kind
	Width int // suggested width in half-width characters; 0 = from content
}

// Value is one cell: exactly one of Text, Num or Date is meaningful,
// according to the column's Kind. Empty means the record left it blank.
type Value struct {
	Text  string
	Num   *float64
	Date  date.Date
	Empty bool
}

func textV(s string) Value { return Value{Text: s, Empty: s == ""} }
func numV(n project.Num) Value {
	if !n.OK() {
		return Value{Empty: true}
	}
	return Value{Num: n.Ptr()}
}
func numOf(f float64) Value   { return Value{Num: &f} }
func dateV(d date.Date) Value { return Value{Date: d, Empty: d.IsZero()} }

func (d *Document) cols(kind Kind, keys ...string) []Column {
	out := make([]Column, len(keys))
	for i, k := range keys {
		out[i] = Column{Key: k, Label: d.L.Get("col." + k), Kind: kind}
	}
	return out
}

// TaskColumns are the WBS sheet's columns: the standard task fields, then
// computed planned %, days late and the source cell.
func (d *Document) TaskColumns() []Column {
	var c []Column
	c = append(c, d.cols(Text, "wbs_id")...)
	c = append(c, d.cols(Integer, "level")...)
	c = append(c, d.cols(Text, "name", "team", "assignee")...)
	c = append(c, d.cols(Date, "planned_start", "planned_finish", "actual_start", "actual_finish")...)
	c = append(c, d.cols(Number, "planned_effort", "actual_effort")...)
	c = append(c, d.cols(Percent, "progress")...)
	c = append(c, d.cols(Text, "status", "milestone", "predecessors", "deliverable", "notes")...)
	c = append(c, d.cols(Percent, "planned_pct")...)
	c = append(c, d.cols(Integer, "days_late")...)
	c = append(c, d.cols(Text, "source")...)
	return c
}

// TaskValue returns the value of column key for task i of d.Tasks.
func (d *Document) TaskValue(i int, key string) Value {
	t := &d.Tasks[i]
	switch key {
	case "wbs_id":
		return textV(t.WBSID)
	case "level":
		return numOf(float64(t.Level))
	case "name":
		return textV(t.Name)
	case "team":
		return textV(t.Team)
	case "assignee":
		return textV(strings.Join(t.Assignee.List(), "・"))
	case "planned_start":
		return dateV(t.PlannedStart)
	case "planned_finish":
		return dateV(t.PlannedFinish)
	case "actual_start":
		return dateV(t.ActualStart)
	case "actual_finish":
		return dateV(t.ActualFinish)
	case "planned_effort":
		return numV(t.PlannedEffort)
	case "actual_effort":
		return numV(t.ActualEffort)
	case "progress":
		return numV(t.Progress)
	case "status":
		return textV(d.TaskStatus(t.Status))
	case "milestone":
		if t.Milestone {
			return textV(d.L.Get("yes"))
		}
		return textV("")
	case "predecessors":
		return textV(t.Predecessors)
	case "deliverable":
		return textV(t.Deliverable)
	case "notes":
		return textV(t.Notes)
	case "planned_pct":
		if p, ok := d.plannedPct(t); ok {
			return numOf(p)
		}
		return Value{Empty: true}
	case "days_late":
		if n := d.daysLate(t); n > 0 {
			return numOf(float64(n))
		}
		return Value{Empty: true}
	case "source":
		return textV(t.Source().String())
	}
	return Value{Empty: true}
}

// plannedPct is a task's own planned % as of the status date.
func (d *Document) plannedPct(t *project.Task) (float64, bool) {
	if t.PlannedStart.IsZero() || t.PlannedFinish.IsZero() || t.PlannedFinish < t.PlannedStart {
		return 0, false
	}
	cal := d.Cal
	total := cal.WorkdaysBetween(t.PlannedStart, t.PlannedFinish)
	switch {
	case d.AsOf < t.PlannedStart:
		return 0, true
	case total == 0:
		if d.AsOf >= t.PlannedFinish {
			return 100, true
		}
		return 0, true
	}
	return float64(cal.WorkdaysBetween(t.PlannedStart, min(d.AsOf, t.PlannedFinish))) / float64(total) * 100, true
}

// daysLate is how many working days a late leaf task is past its finish.
func (d *Document) daysLate(t *project.Task) int {
	return d.lateDays.get(t.Source(), t.Name)
}

// lateDays maps each late task, by its row and its name, to its days late,
// so the WBS sheet looks a row up once instead of scanning every late
// task for every row. The table is keyed by the row number alone, a cheap
// hash, and chains the few tasks that share one (the rows of different
// sheets) to be told apart by their whole position and name.
type lateDays struct {
	byRow   map[int]int32 // row → first entry
	entries []lateEntry
}

type lateEntry struct {
	pos  diag.Pos
	name string
	days int
	next int32 // the next entry of the same row, -1 for none
}

// lateIndex builds the table; of several late tasks with the same position
// and name, the first in LateTasks order counts, as a scan finds it.
func lateIndex(a *analyze.Result) *lateDays {
	x := &lateDays{byRow: make(map[int]int32, len(a.Tasks.LateTasks)), entries: make([]lateEntry, 0, len(a.Tasks.LateTasks))}
	for _, lt := range a.Tasks.LateTasks {
		head, ok := x.byRow[lt.Source.Row]
		if !ok {
			head = -1
		}
		if x.find(head, lt.Source, lt.Name) >= 0 {
			continue
		}
		x.entries = append(x.entries, lateEntry{pos: lt.Source, name: lt.Name, days: lt.DaysLate, next: head})
		x.byRow[lt.Source.Row] = int32(len(x.entries) - 1)
	}
	return x
}

// find returns the entry for pos and name in the chain from e, or -1.
func (x *lateDays) find(e int32, pos diag.Pos, name string) int32 {
	for ; e >= 0; e = x.entries[e].next {
		if x.entries[e].pos == pos && x.entries[e].name == name {
			return e
		}
	}
	return -1
}

func (x *lateDays) get(pos diag.Pos, name string) int {
	if x == nil {
		return 0
	}
	head, ok := x.byRow[pos.Row]
	if !ok {
		return 0
	}
	if e := x.find(head, pos, name); e >= 0 {
		return x.entries[e].days
	}
	return 0
}

// IssueColumns are the issue sheet's columns.
func (d *Document) IssueColumns() []Column {
	var c []Column
	c = append(c, d.cols(Text, "id", "title", "description", "category", "priority", "status")...)
	c = append(c, d.cols(Date, "raised_on")...)
	c = append(c, d.cols(Text, "raised_by", "owner")...)
	c = append(c, d.cols(Date, "due", "closed_on")...)
	c = append(c, d.cols(Text, "resolution", "related_task")...)
	c = append(c, d.cols(Integer, "age")...)
	c = append(c, d.cols(Text, "overdue", "source")...)
	return c
}

// IssueValue returns the value of column key for issue i of d.Issues.
func (d *Document) IssueValue(i int, key string) Value {
	is := &d.Issues[i]
	switch key {
	case "id":
		return textV(is.ID)
	case "title":
		return textV(is.Title)
	case "description":
		return textV(is.Description)
	case "category":
		return textV(is.Category)
	case "priority":
		return textV(d.Priority(is.Priority))
	case "status":
		return textV(d.ItemStatus(is.Status))
	case "raised_on":
		return dateV(is.RaisedOn)
	case "raised_by":
		return textV(is.RaisedBy)
	case "owner":
		return textV(strings.Join(is.Owner, "・"))
	case "due":
		return dateV(is.Due)
	case "closed_on":
		return dateV(is.ClosedOn)
	case "resolution":
		return textV(is.Resolution)
	case "related_task":
		return textV(is.RelatedTask)
	case "age":
		if age := analyze.IssueAge(is, d.AsOf); age != nil {
			return numOf(float64(*age))
		}
		return Value{Empty: true}
	case "overdue":
		if d.IssueOverdue(i) {
			return textV(d.L.Get("yes"))
		}
		return textV("")
	case "source":
		return textV(is.Source().String())
	}
	return Value{Empty: true}
}

// IssueOverdue reports whether issue i is open and past its due date.
func (d *Document) IssueOverdue(i int) bool {
	is := &d.Issues[i]
	return is.Status.IsOpen() && !is.Due.IsZero() && is.Due < d.AsOf
}

// RiskColumns are the risk sheet's columns.
func (d *Document) RiskColumns() []Column {
	var c []Column
	c = append(c, d.cols(Text, "id", "title", "description", "category")...)
	c = append(c, d.cols(Integer, "probability", "impact", "score")...)
	c = append(c, d.cols(Text, "owner", "mitigation", "status")...)
	c = append(c, d.cols(Date, "due")...)
	c = append(c, d.cols(Text, "source")...)
	return c
}

// RiskValue returns the value of column key for risk i of d.Risks.
func (d *Document) RiskValue(i int, key string) Value {
	r := &d.Risks[i]
	switch key {
	case "id":
		return textV(r.ID)
	case "title":
		return textV(r.Title)
	case "description":
		return textV(r.Description)
	case "category":
		return textV(r.Category)
	case "probability":
		return numV(r.Probability)
	case "impact":
		return numV(r.Impact)
	case "score":
		if r.Probability.OK() && r.Impact.OK() {
			return numOf(r.Probability.Val() * r.Impact.Val())
		}
		return numV(r.Score)
	case "owner":
		return textV(strings.Join(r.Owner, "・"))
	case "mitigation":
		return textV(r.Mitigation)
	case "status":
		return textV(d.ItemStatus(r.Status))
	case "due":
		return dateV(r.Due)
	case "source":
		return textV(r.Source().String())
	}
	return Value{Empty: true}
}
