// Package project is pmo's domain: tasks, issues and risks in the standard
// vocabulary, whatever layout they were read from.
package project

import (
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
)

// Kind is what a source sheet holds.
type Kind string

// The kinds of source.
const (
	KindWBS    Kind = "wbs"
	KindIssues Kind = "issues"
	KindRisks  Kind = "risks"
)

// Kinds lists every kind in a stable order.
var Kinds = []Kind{KindWBS, KindIssues, KindRisks, KindActions, KindTests}

// TaskStatus is a task's normalised status.
type TaskStatus string

// Task statuses. The empty status means the sheet said nothing.
const (
	NotStarted TaskStatus = "not_started"
	InProgress TaskStatus = "in_progress"
	Done       TaskStatus = "done"
	OnHold     TaskStatus = "on_hold"
	Cancelled  TaskStatus = "cancelled"
)

// ItemStatus is the normalised status of an issue or a risk.
type ItemStatus string

// Issue and risk statuses.
const (
	Open        ItemStatus = "open"
	ItemWorking ItemStatus = "in_progress"
	Resolved    ItemStatus = "resolved"
	Closed      ItemStatus = "closed"
	ItemOnHold  ItemStatus = "on_hold"
)

// IsOpen reports whether the item still needs work (not resolved or closed).
// An item with no status at all counts as open.
func (s ItemStatus) IsOpen() bool { return s != Resolved && s != Closed }

// Priority is a normalised priority.
type Priority string

// Priorities.
const (
	High   Priority = "high"
	Medium Priority = "medium"
	Low    Priority = "low"
)

// Task is one WBS row. Pointer fields are nil when the sheet left them empty,
// so "0 %" and "not filled in" stay different.
type Task struct {
	WBSID         string     `json:"wbs_id,omitempty"`
	Level         int        `json:"level"`
	Name          string     `json:"name"`
	Team          string     `json:"team,omitempty"`
	Assignee      []string   `json:"assignee,omitempty"`
	PlannedStart  date.Date  `json:"planned_start,omitzero"`
	PlannedFinish date.Date  `json:"planned_finish,omitzero"`
	ActualStart   date.Date  `json:"actual_start,omitzero"`
	ActualFinish  date.Date  `json:"actual_finish,omitzero"`
	PlannedEffort *float64   `json:"planned_effort,omitempty"` // person-days
	ActualEffort  *float64   `json:"actual_effort,omitempty"`  // person-days
	Progress      *float64   `json:"progress,omitempty"`       // 0-100
	Status        TaskStatus `json:"status,omitempty"`
	StatusRaw     string     `json:"status_raw,omitempty"`
	Milestone     bool       `json:"milestone,omitempty"`
	Predecessors  string     `json:"predecessors,omitempty"`
	Parent        string     `json:"parent,omitempty"` // the parent's WBS ID, when the sheet names it (Redmine's 親チケット)
	Deliverable   string     `json:"deliverable,omitempty"`
	Notes         string     `json:"notes,omitempty"`
	Summary       bool       `json:"summary,omitempty"` // has children (section or phase row)
	// Baseline is the plan the source itself saved as approved (MS Project's
	// baseline 0, GanttProject's first saved baseline); nil when it has none.
	Baseline *Baseline `json:"baseline,omitempty"`
	Source   diag.Pos  `json:"source"`

	// Where each date came from when not from the sheet's column for it:
	// FromCalendar when derived from the marks of a Gantt calendar area;
	// "" when read from the column (or not known).
	PlannedStartFrom  DateSource `json:"planned_start_from,omitempty"`
	PlannedFinishFrom DateSource `json:"planned_finish_from,omitempty"`
	ActualStartFrom   DateSource `json:"actual_start_from,omitempty"`
	ActualFinishFrom  DateSource `json:"actual_finish_from,omitempty"`

	// Cells says which cell each field was read from, for findings.
	Cells Cells `json:"-"`
}

// Baseline is a task's saved baseline plan.
type Baseline struct {
	Start  date.Date `json:"start,omitzero"`
	Finish date.Date `json:"finish,omitzero"`
	Effort *float64  `json:"effort,omitempty"` // person-days
}

// DateSource says where a task date came from. It is one byte, not a
// string: a 50,000-task schedule carries four of them per task.
type DateSource uint8

// Date sources. FromColumn (the zero value) is omitted from JSON.
const (
	FromColumn   DateSource = iota // the sheet's column for the date, or no date
	FromCalendar                   // the marks of a Gantt calendar area
)

// String returns "calendar" for FromCalendar and "" for FromColumn.
func (s DateSource) String() string {
	if s == FromCalendar {
		return "calendar"
	}
	return ""
}

// MarshalText writes the source as its name, so JSON says
// "planned_start_from": "calendar".
func (s DateSource) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Issue is one row of a 課題管理表.
type Issue struct {
	ID          string     `json:"id,omitempty"`
	Title       string     `json:"title"`
	Description string     `json:"description,omitempty"`
	Category    string     `json:"category,omitempty"`
	Priority    Priority   `json:"priority,omitempty"`
	PriorityRaw string     `json:"priority_raw,omitempty"`
	Status      ItemStatus `json:"status,omitempty"`
	StatusRaw   string     `json:"status_raw,omitempty"`
	RaisedOn    date.Date  `json:"raised_on,omitzero"`
	RaisedBy    string     `json:"raised_by,omitempty"`
	Owner       []string   `json:"owner,omitempty"`
	Due         date.Date  `json:"due,omitzero"`
	ClosedOn    date.Date  `json:"closed_on,omitzero"`
	Resolution  string     `json:"resolution,omitempty"`
	RelatedTask string     `json:"related_task,omitempty"`
	Team        string     `json:"team,omitempty"`
	Source      diag.Pos   `json:"source"`

	Cells Cells `json:"-"`
}

// Risk is one row of a risk register.
type Risk struct {
	ID             string     `json:"id,omitempty"`
	Title          string     `json:"title"`
	Description    string     `json:"description,omitempty"`
	Category       string     `json:"category,omitempty"`
	Probability    *float64   `json:"probability,omitempty"` // 1-5
	ProbabilityRaw string     `json:"probability_raw,omitempty"`
	Impact         *float64   `json:"impact,omitempty"` // 1-5
	ImpactRaw      string     `json:"impact_raw,omitempty"`
	Score          *float64   `json:"score,omitempty"`
	Owner          []string   `json:"owner,omitempty"`
	Mitigation     string     `json:"mitigation,omitempty"`
	Status         ItemStatus `json:"status,omitempty"`
	StatusRaw      string     `json:"status_raw,omitempty"`
	Due            date.Date  `json:"due,omitzero"`
	Team           string     `json:"team,omitempty"`
	Source         diag.Pos   `json:"source"`

	Cells Cells `json:"-"`
}

// Cell returns where field was read from.
func (t *Task) Cell(field string) diag.Pos { return cell(t.Cells, t.Source, field) }

// Cell returns where field was read from.
func (i *Issue) Cell(field string) diag.Pos { return cell(i.Cells, i.Source, field) }

// Cell returns where field was read from.
func (r *Risk) Cell(field string) diag.Pos { return cell(r.Cells, r.Source, field) }
