package project

import (
	"bytes"
	"encoding/json"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
)

// The records' JSON (pmo inspect --json) lists their fields in the order
// a reader expects them — ID, name, people, dates, figures, status —
// while the structs keep theirs in the order that packs them smallest.
// These mirrors hold the JSON order and tags, both ways (a batch stores
// the issues of a project's summary page and reads them back);
// TestJSONMirrorsEveryField keeps them in step with the records.

type taskJSON struct {
	WBSID             string     `json:"wbs_id,omitempty"`
	Level             int        `json:"level"`
	Name              string     `json:"name"`
	Team              string     `json:"team,omitempty"`
	Assignee          []string   `json:"assignee,omitempty"`
	PlannedStart      date.Date  `json:"planned_start,omitzero"`
	PlannedFinish     date.Date  `json:"planned_finish,omitzero"`
	ActualStart       date.Date  `json:"actual_start,omitzero"`
	ActualFinish      date.Date  `json:"actual_finish,omitzero"`
	PlannedEffort     *float64   `json:"planned_effort,omitempty"`
	ActualEffort      *float64   `json:"actual_effort,omitempty"`
	Progress          *float64   `json:"progress,omitempty"`
	Status            TaskStatus `json:"status,omitempty"`
	StatusRaw         string     `json:"status_raw,omitempty"`
	Milestone         bool       `json:"milestone,omitempty"`
	Predecessors      string     `json:"predecessors,omitempty"`
	Parent            string     `json:"parent,omitempty"`
	Deliverable       string     `json:"deliverable,omitempty"`
	Notes             string     `json:"notes,omitempty"`
	Summary           bool       `json:"summary,omitempty"`
	Baseline          *Baseline  `json:"baseline,omitempty"`
	Source            diag.Pos   `json:"source"`
	PlannedStartFrom  DateSource `json:"planned_start_from,omitempty"`
	PlannedFinishFrom DateSource `json:"planned_finish_from,omitempty"`
	ActualStartFrom   DateSource `json:"actual_start_from,omitempty"`
	ActualFinishFrom  DateSource `json:"actual_finish_from,omitempty"`
}

// MarshalJSON writes the task with its fields in taskJSON's order.
func (t Task) MarshalJSON() ([]byte, error) {
	return marshalMirror(taskJSON{
		WBSID: t.WBSID, Level: t.Level, Name: t.Name, Team: t.Team, Assignee: t.Assignee.List(),
		PlannedStart: t.PlannedStart, PlannedFinish: t.PlannedFinish, ActualStart: t.ActualStart, ActualFinish: t.ActualFinish,
		PlannedEffort: t.PlannedEffort.Ptr(), ActualEffort: t.ActualEffort.Ptr(), Progress: t.Progress.Ptr(),
		Status: t.Status, StatusRaw: t.StatusRaw, Milestone: t.Milestone, Predecessors: t.Predecessors,
		Parent: t.Parent, Deliverable: t.Deliverable, Notes: t.Notes, Summary: t.Summary,
		Baseline: t.Baseline, Source: t.Source(),
		PlannedStartFrom: t.PlannedStartFrom, PlannedFinishFrom: t.PlannedFinishFrom,
		ActualStartFrom: t.ActualStartFrom, ActualFinishFrom: t.ActualFinishFrom,
	})
}

// UnmarshalJSON reads a task as MarshalJSON writes it.
func (t *Task) UnmarshalJSON(b []byte) error {
	var m taskJSON
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*t = Task{
		WBSID: m.WBSID, Level: m.Level, Name: m.Name, Team: m.Team, Assignee: NamesOf(m.Assignee),
		PlannedStart: m.PlannedStart, PlannedFinish: m.PlannedFinish, ActualStart: m.ActualStart, ActualFinish: m.ActualFinish,
		PlannedEffort: NumFrom(m.PlannedEffort), ActualEffort: NumFrom(m.ActualEffort), Progress: NumFrom(m.Progress),
		Status: m.Status, StatusRaw: m.StatusRaw, Milestone: m.Milestone, Predecessors: m.Predecessors,
		Parent: m.Parent, Deliverable: m.Deliverable, Notes: m.Notes, Summary: m.Summary,
		Baseline:         m.Baseline,
		PlannedStartFrom: m.PlannedStartFrom, PlannedFinishFrom: m.PlannedFinishFrom,
		ActualStartFrom: m.ActualStartFrom, ActualFinishFrom: m.ActualFinishFrom,
	}
	t.SetSource(m.Source)
	return nil
}

type issueJSON struct {
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
}

// MarshalJSON writes the issue with its fields in issueJSON's order.
func (i Issue) MarshalJSON() ([]byte, error) {
	return marshalMirror(issueJSON{
		ID: i.ID, Title: i.Title, Description: i.Description, Category: i.Category,
		Priority: i.Priority, PriorityRaw: i.PriorityRaw, Status: i.Status, StatusRaw: i.StatusRaw,
		RaisedOn: i.RaisedOn, RaisedBy: i.RaisedBy, Owner: i.Owner, Due: i.Due, ClosedOn: i.ClosedOn,
		Resolution: i.Resolution, RelatedTask: i.RelatedTask, Team: i.Team, Source: i.Source(),
	})
}

// UnmarshalJSON reads an issue as MarshalJSON writes it.
func (i *Issue) UnmarshalJSON(b []byte) error {
	var m issueJSON
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*i = Issue{
		ID: m.ID, Title: m.Title, Description: m.Description, Category: m.Category,
		Priority: m.Priority, PriorityRaw: m.PriorityRaw, Status: m.Status, StatusRaw: m.StatusRaw,
		RaisedOn: m.RaisedOn, RaisedBy: m.RaisedBy, Owner: m.Owner, Due: m.Due, ClosedOn: m.ClosedOn,
		Resolution: m.Resolution, RelatedTask: m.RelatedTask, Team: m.Team,
	}
	i.SetSource(m.Source)
	return nil
}

type riskJSON struct {
	ID             string     `json:"id,omitempty"`
	Title          string     `json:"title"`
	Description    string     `json:"description,omitempty"`
	Category       string     `json:"category,omitempty"`
	Probability    *float64   `json:"probability,omitempty"`
	ProbabilityRaw string     `json:"probability_raw,omitempty"`
	Impact         *float64   `json:"impact,omitempty"`
	ImpactRaw      string     `json:"impact_raw,omitempty"`
	Score          *float64   `json:"score,omitempty"`
	Owner          []string   `json:"owner,omitempty"`
	Mitigation     string     `json:"mitigation,omitempty"`
	Status         ItemStatus `json:"status,omitempty"`
	StatusRaw      string     `json:"status_raw,omitempty"`
	Due            date.Date  `json:"due,omitzero"`
	Team           string     `json:"team,omitempty"`
	Source         diag.Pos   `json:"source"`
}

// MarshalJSON writes the risk with its fields in riskJSON's order.
func (r Risk) MarshalJSON() ([]byte, error) {
	return marshalMirror(riskJSON{
		ID: r.ID, Title: r.Title, Description: r.Description, Category: r.Category,
		Probability: r.Probability.Ptr(), ProbabilityRaw: r.ProbabilityRaw, Impact: r.Impact.Ptr(), ImpactRaw: r.ImpactRaw,
		Score: r.Score.Ptr(), Owner: r.Owner, Mitigation: r.Mitigation, Status: r.Status, StatusRaw: r.StatusRaw,
		Due: r.Due, Team: r.Team, Source: r.Source(),
	})
}

// UnmarshalJSON reads a risk as MarshalJSON writes it.
func (r *Risk) UnmarshalJSON(b []byte) error {
	var m riskJSON
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*r = Risk{
		ID: m.ID, Title: m.Title, Description: m.Description, Category: m.Category,
		Probability: NumFrom(m.Probability), ProbabilityRaw: m.ProbabilityRaw, Impact: NumFrom(m.Impact), ImpactRaw: m.ImpactRaw,
		Score: NumFrom(m.Score), Owner: m.Owner, Mitigation: m.Mitigation, Status: m.Status, StatusRaw: m.StatusRaw,
		Due: m.Due, Team: m.Team,
	}
	r.SetSource(m.Source)
	return nil
}

// marshalMirror encodes v without escaping <, > and &: encoding/json
// escapes what a MarshalJSON returns as its own caller asks (pmo's JSON
// output does not escape them), and an escape made here would stay.
func marshalMirror(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
