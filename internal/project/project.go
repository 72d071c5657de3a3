// Package project is pmo's domain: tasks, issues and risks in the standard
// vocabulary, whatever layout they were read from.
package project

import (
	"fmt"

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

// Task is one WBS row. A Num the sheet left empty is not given (OK is
// false), so "0 %" and "not filled in" stay different.
//
// The fields are ordered for size, not for reading: a sheet of a million
// rows holds a million tasks, and the small fields (Level, the flags and
// the date sources) share words at the end instead of each taking a
// padded word of its own. JSON keeps the order the fields are documented
// in (taskJSON, json.go).
type Task struct {
	WBSID         string
	Name          string
	Team          string
	Assignee      Names
	StatusRaw     string
	Predecessors  string
	Parent        string // the parent's WBS ID, when the sheet names it (Redmine's 親チケット)
	Deliverable   string
	Notes         string
	PlannedEffort Num // person-days
	ActualEffort  Num // person-days
	Progress      Num // 0-100
	// Baseline is the plan the source itself saved as approved (MS Project's
	// baseline 0, GanttProject's first saved baseline); nil when it has none.
	Baseline *Baseline

	// Cells says which cell each field was read from, for findings, and
	// where the task was read (Source).
	Cells Cells

	Level         int
	PlannedStart  date.Date
	PlannedFinish date.Date
	ActualStart   date.Date
	ActualFinish  date.Date
	Status        TaskStatus
	Milestone     bool
	Summary       bool // has children (section or phase row)

	// Where each date came from when not from the sheet's column for it:
	// FromCalendar when derived from the marks of a Gantt calendar area;
	// "" when read from the column (or not known).
	PlannedStartFrom  DateSource
	PlannedFinishFrom DateSource
	ActualStartFrom   DateSource
	ActualFinishFrom  DateSource
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

// UnmarshalText reads the source as MarshalText writes it.
func (s *DateSource) UnmarshalText(b []byte) error {
	switch string(b) {
	case "calendar":
		*s = FromCalendar
	case "":
		*s = FromColumn
	default:
		return fmt.Errorf("unknown date source %q", b)
	}
	return nil
}

// Issue is one row of a 課題管理表. Its fields are ordered for size; JSON
// keeps the documented order (issueJSON, json.go).
type Issue struct {
	ID          string
	Title       string
	Description string
	Category    string
	PriorityRaw string
	StatusRaw   string
	RaisedBy    string
	Owner       []string
	Resolution  string
	RelatedTask string
	Team        string

	Cells Cells // and the Source

	RaisedOn date.Date
	Due      date.Date
	ClosedOn date.Date
	Priority Priority
	Status   ItemStatus
}

// Risk is one row of a risk register. Its fields are ordered for size;
// JSON keeps the documented order (riskJSON, json.go).
type Risk struct {
	ID             string
	Title          string
	Description    string
	Category       string
	Probability    Num // 1-5
	ProbabilityRaw string
	Impact         Num // 1-5
	ImpactRaw      string
	Score          Num
	Owner          []string
	Mitigation     string
	StatusRaw      string
	Team           string

	Cells Cells // and the Source

	Due    date.Date
	Status ItemStatus
}

// Source returns where the task was read: its sheet and row (no column),
// as its Cells know it, or what SetSource gave it.
func (t *Task) Source() diag.Pos { return t.Cells.source() }

// SetSource makes p the task's position, for a task not read from a
// table's row (a project file, a summary made up of a name column).
func (t *Task) SetSource(p diag.Pos) { t.Cells.setSource(p) }

// Cell returns where field was read from.
func (t *Task) Cell(field string) diag.Pos { return cell(t.Cells, t.Source(), field) }

// Source returns where the issue was read (see Task.Source).
func (i *Issue) Source() diag.Pos { return i.Cells.source() }

// SetSource makes p the issue's position.
func (i *Issue) SetSource(p diag.Pos) { i.Cells.setSource(p) }

// Cell returns where field was read from.
func (i *Issue) Cell(field string) diag.Pos { return cell(i.Cells, i.Source(), field) }

// Source returns where the risk was read (see Task.Source).
func (r *Risk) Source() diag.Pos { return r.Cells.source() }

// SetSource makes p the risk's position.
func (r *Risk) SetSource(p diag.Pos) { r.Cells.setSource(p) }

// Cell returns where field was read from.
func (r *Risk) Cell(field string) diag.Pos { return cell(r.Cells, r.Source(), field) }
