package analyze

import (
	"cmp"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// CarriedOverMeetings is how many meetings an open action may be carried
// over before it is a finding: three 定例 in a row without closing it.
const CarriedOverMeetings = 3

// ActionStats summarises the action items (アクションアイテム / 宿題).
// HasSource is false when the project has no action list at all: its
// counts are then "not provided", not zero.
type ActionStats struct {
	HasSource bool `json:"has_source"`
	Total     int  `json:"total"`
	Open      int  `json:"open"`
	Overdue   int  `json:"overdue"`
	// CarriedOver counts open actions carried over CarriedOverMeetings
	// meetings or more.
	CarriedOver int `json:"carried_over"`
	NoOwner     int `json:"no_owner"`
	NoDue       int `json:"no_due"`
	// New counts the actions raised since the last meeting (the previous
	// run's status date, else the 7 days up to this one).
	New int `json:"new"`
	// Items are the open actions, overdue first, then oldest raised first
	// — what "前回からの宿題" lists.
	Items []ActionRef `json:"items"`
	// Closed are the actions closed since the last meeting.
	Closed []ActionRef `json:"closed,omitempty"`
	// Done are all the closed actions, the most recently closed first.
	Done []ActionRef `json:"done,omitempty"`
}

// ActionRef is one action as the report lists it.
type ActionRef struct {
	ID          string    `json:"id,omitempty"`
	Title       string    `json:"title"`
	Owner       []string  `json:"owner,omitempty"`
	Due         date.Date `json:"due,omitzero"`
	Raised      date.Date `json:"raised,omitzero"`
	Meeting     string    `json:"meeting,omitempty"`
	Status      string    `json:"status,omitempty"`
	Overdue     bool      `json:"overdue"`
	DaysOverdue int       `json:"days_overdue,omitempty"`
	// Meetings is how many meetings the action has been carried over;
	// nil when its raised date is unknown.
	Meetings *int      `json:"meetings"`
	New      bool      `json:"new,omitempty"`
	ClosedOn date.Date `json:"closed_on,omitzero"`
	Source   diag.Pos  `json:"source"`
}

// DecisionState is one decision or escalation of the YAML as of the status
// date: its state and, while pending, its age.
type DecisionState struct {
	Kind      string    `json:"kind"` // decision or escalation
	Text      string    `json:"text"`
	Owner     string    `json:"owner,omitempty"`
	RaisedOn  date.Date `json:"raised_on,omitzero"`
	Due       date.Date `json:"due,omitzero"`
	Status    string    `json:"status"` // pending, decided, withdrawn
	DecidedOn date.Date `json:"decided_on,omitzero"`
	// AgeDays is the calendar days from raised_on to the status date (to
	// decided_on once decided); nil without a raised_on.
	AgeDays *int `json:"age_days"`
	Overdue bool `json:"overdue,omitempty"` // pending past its due date
	// New marks a decision made since the last meeting.
	New bool `json:"new,omitempty"`
}

// followUp fills the meeting follow-up and quality figures of r.
func followUp(in Input, r *Result, names sourceNames) {
	r.Actions = actionStats(in.Actions, in.HasActions, in.AsOf, in.Previous, meetingRuns(in), actionRaised(in, names), &r.Findings)
	r.Decisions = decisionStates(in.Config.Report.DecisionLog, in.AsOf, in.Previous)
	if in.HasTests || len(in.Tests)+len(in.TestDays) > 0 {
		r.Tests = testStats(in.Tests, in.TestDays, in.AsOf, &r.Findings)
	}
	if in.HasDefects || len(in.Defects) > 0 {
		r.Defects = defectStats(in.Defects, in.AsOf)
	}
}

// actionKey identifies an action across runs: its file, sheet and ID or
// title; an action of the YAML by its ID or title alone, so the key does
// not depend on the folder pmo runs from.
func actionKey(a *project.Action, names sourceNames) string {
	if a.Source.Sheet == "" {
		return "actions:#" + cmp.Or(a.ID, a.Title)
	}
	return names.of(a.Source.File) + "!" + a.Source.Sheet + "#" + cmp.Or(a.ID, a.Title)
}

// actionRaised is each action's raised date: its own (raised_on, else the
// meeting's date); else the date the history first saw it (kept in the
// previous run's state); else, when there is a history, this run — it is
// new today. Zero when nothing says.
func actionRaised(in Input, names sourceNames) []date.Date {
	seen := map[string]date.Date{}
	if in.Previous != nil {
		for _, it := range in.Previous.Items {
			if it.Kind == project.KindActions && !it.RaisedOn.IsZero() {
				seen[it.Key] = it.RaisedOn
			}
		}
	}
	out := make([]date.Date, len(in.Actions))
	for i := range in.Actions {
		a := &in.Actions[i]
		switch d, ok := seen[actionKey(a, names)]; {
		case !a.Raised().IsZero():
			out[i] = a.Raised()
		case ok:
			out[i] = d
		case in.Previous != nil:
			out[i] = in.AsOf
		}
	}
	return out
}

// actionItemStates are the actions as the history records them, with the
// raised (or first seen) date, so the next run knows how long each has
// been open.
func actionItemStates(in Input, names sourceNames) []ItemState {
	raised := actionRaised(in, names)
	out := make([]ItemState, 0, len(in.Actions))
	seen := map[string]bool{}
	for i := range in.Actions {
		a := &in.Actions[i]
		k := actionKey(a, names)
		if seen[k] {
			continue
		}
		seen[k] = true
		r := raised[i]
		if r.IsZero() {
			r = in.AsOf // first seen today
		}
		out = append(out, ItemState{Kind: project.KindActions, Key: k, Source: names.of(a.Source.File), Status: a.Status,
			Open: a.IsOpen(), RaisedOn: r, ClosedOn: a.ClosedOn})
	}
	return out
}

// meetingRuns are the status dates of the recorded runs before this one,
// oldest first: with a history, each run is a meeting.
func meetingRuns(in Input) []date.Date {
	var out []date.Date
	for _, p := range in.History {
		if p.AsOf < in.AsOf {
			out = append(out, p.AsOf)
		}
	}
	return out
}

// lastMeeting is the day after which something counts as new: the
// previous run's status date, else a week before this one.
func lastMeeting(asOf date.Date, prev *Snapshot) date.Date {
	if prev != nil && prev.AsOf < asOf {
		return prev.AsOf
	}
	return asOf.AddDays(-7)
}

// actionStats rates the action items as of asOf.
//
// An action is overdue when it is open and its due date is before asOf.
// The meetings it has been carried over are the meetings held after it
// was raised, up to asOf: with a history, the recorded runs (runs, each
// a meeting, and this one); else the distinct meeting dates the action
// list names, when it names any; else one per full week since it was
// raised (the 定例 is weekly). raised holds each action's raised or
// first-seen date (actionRaised).
func actionStats(actions []project.Action, hasSource bool, asOf date.Date, prev *Snapshot, runs []date.Date, raised []date.Date, fs *diag.Findings) ActionStats {
	st := ActionStats{HasSource: hasSource || len(actions) > 0, Total: len(actions)}
	since := lastMeeting(asOf, prev)
	var meetings []date.Date
	if len(runs) > 0 {
		meetings = append(slices.Clone(runs), asOf)
	} else {
		for i := range actions {
			if d := actions[i].MeetingDate; !d.IsZero() && d <= asOf {
				meetings = append(meetings, d)
			}
		}
	}
	slices.Sort(meetings)
	meetings = slices.Compact(meetings)
	carried := func(raised date.Date) *int {
		if raised.IsZero() || raised > asOf {
			return nil
		}
		n := 0
		if len(meetings) > 0 {
			// The meetings after raised: meetings is sorted and unique.
			i, found := slices.BinarySearch(meetings, raised)
			if found {
				i++
			}
			n = len(meetings) - i
		} else {
			n = int(asOf-raised) / 7
		}
		return &n
	}
	for i := range actions {
		a := &actions[i]
		ref := ActionRef{ID: a.ID, Title: a.Title, Owner: a.Owner, Due: a.Due, Raised: raised[i], Meeting: a.Meeting,
			Status: cmp.Or(a.StatusRaw, a.Status.String()), ClosedOn: a.ClosedOn, Source: a.Source}
		ref.New = !ref.Raised.IsZero() && ref.Raised > since && ref.Raised <= asOf
		if ref.New {
			st.New++
		}
		if !a.IsOpen() {
			if !a.ClosedOn.IsZero() && a.ClosedOn > since && a.ClosedOn <= asOf {
				st.Closed = append(st.Closed, ref)
			}
			st.Done = append(st.Done, ref)
			continue
		}
		st.Open++
		ref.Meetings = carried(ref.Raised)
		label := cmp.Or(a.ID, a.Title)
		if !a.Due.IsZero() && a.Due < asOf {
			ref.Overdue, ref.DaysOverdue = true, int(asOf-a.Due)
			st.Overdue++
			fs.Add(diag.Warning, "action-overdue", a.Cell("due"), "action %q was due %s (%d days ago) and is still open", clip(label), a.Due, ref.DaysOverdue)
		}
		if ref.Meetings != nil && *ref.Meetings >= CarriedOverMeetings {
			st.CarriedOver++
			fs.Add(diag.Warning, "action-carried-over", a.Cell("status"), "action %q has been carried over %d meetings", clip(label), *ref.Meetings)
		}
		if len(a.Owner) == 0 {
			st.NoOwner++
			fs.Add(diag.Warning, "action-no-owner", a.Cell("owner"), "action %q has no owner", clip(label))
		}
		if a.Due.IsZero() {
			st.NoDue++
			fs.Add(diag.Warning, "action-no-due", a.Cell("due"), "action %q has no due date", clip(label))
		}
		st.Items = append(st.Items, ref)
	}
	slices.SortStableFunc(st.Items, func(x, y ActionRef) int {
		if x.Overdue != y.Overdue {
			if x.Overdue {
				return -1
			}
			return 1
		}
		return cmp.Compare(orFar(x.Raised), orFar(y.Raised))
	})
	slices.SortStableFunc(st.Done, func(x, y ActionRef) int { return cmp.Compare(y.ClosedOn, x.ClosedOn) })
	return st
}

// orFar puts an unknown date after every known one.
func orFar(d date.Date) date.Date {
	if d.IsZero() {
		return 1 << 30
	}
	return d
}

func clip(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return string(r)
}

// decisionStates turns the YAML's decision log into states as of asOf:
// pending first (oldest first), then the rest in file order.
func decisionStates(log []config.Decision, asOf date.Date, prev *Snapshot) []DecisionState {
	since := lastMeeting(asOf, prev)
	out := make([]DecisionState, 0, len(log))
	for _, d := range log {
		s := DecisionState{Kind: d.Kind, Text: d.Text, Owner: d.Owner, RaisedOn: d.RaisedOn, Due: d.Due,
			Status: cmp.Or(d.Status, config.DecisionPending), DecidedOn: d.DecidedOn}
		end := asOf
		if !d.Pending() && !d.DecidedOn.IsZero() {
			end = min(asOf, d.DecidedOn)
		}
		if !d.RaisedOn.IsZero() && d.RaisedOn <= end && (d.Pending() || !d.DecidedOn.IsZero()) {
			age := int(end - d.RaisedOn)
			s.AgeDays = &age
		}
		s.Overdue = d.Pending() && !d.Due.IsZero() && d.Due < asOf
		s.New = !d.Pending() && !d.DecidedOn.IsZero() && d.DecidedOn > since && d.DecidedOn <= asOf
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(x, y DecisionState) int {
		px, py := x.Status == config.DecisionPending, y.Status == config.DecisionPending
		switch {
		case px && !py:
			return -1
		case !px && py:
			return 1
		case px && py:
			return cmp.Compare(orFar(x.RaisedOn), orFar(y.RaisedOn))
		}
		return 0
	})
	return out
}
