package config

import (
	"cmp"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// Decision statuses (report.decisions[].status).
const (
	DecisionPending   = "pending"
	DecisionDecided   = "decided"
	DecisionWithdrawn = "withdrawn"
)

// Decision is one entry of report.decisions or report.escalations: a plain
// text (pending, with nothing else known) or a record with dates, an owner
// and a state.
type Decision struct {
	Kind      string // "decision" or "escalation"
	Text      string
	Owner     string
	RaisedOn  date.Date
	Due       date.Date
	Status    string // pending (the default), decided or withdrawn
	DecidedOn date.Date
	Pos       diag.Pos
}

// Pending reports whether the decision still waits to be made.
func (d Decision) Pending() bool { return d.Status == "" || d.Status == DecisionPending }

func decisionShape() *shape {
	return &shape{keys: []string{"text", "raised_on", "owner", "due", "status", "decided_on"}}
}

func actionShape() *shape {
	return &shape{keys: []string{"id", "title", "owner", "due", "status", "raised_on", "meeting", "closed_on", "notes"}}
}

// decisions reads report.decisions or report.escalations: one text, or a
// list whose items are texts or records. It returns the records and the
// texts of the pending ones, which page 1 lists as still needed.
func (d *decoder) decisions(n *yaml.Node, path, kind string) (all []Decision, pending []string) {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	for _, item := range items {
		if isNull(item) {
			continue
		}
		dec := Decision{Kind: kind, Pos: d.pos(item)}
		if item.Kind == yaml.MappingNode {
			f := d.mapping(item, path, decisionShape())
			if f == nil {
				continue
			}
			d.required(f, "text", diag.Error)
			d.textKey(f, "text", &dec.Text)
			d.textKey(f, "owner", &dec.Owner)
			d.dateKey(f, "raised_on", &dec.RaisedOn)
			d.dateKey(f, "due", &dec.Due)
			decidedPos := d.dateKey(f, "decided_on", &dec.DecidedOn)
			if v := f.get("status"); v != nil {
				dec.Status, _ = d.oneOf(v, join(path, "status"), DecisionPending, DecisionDecided, DecisionWithdrawn)
			}
			if dec.Status == "" && !dec.DecidedOn.IsZero() {
				dec.Status = DecisionDecided // a decided_on says it was made
			}
			if dec.Status == DecisionPending && !dec.DecidedOn.IsZero() {
				d.found.Add(diag.Warning, RuleBadValue, decidedPos, "%s: status pending but decided_on %s is given", path, dec.DecidedOn)
			}
			if !dec.RaisedOn.IsZero() && !dec.DecidedOn.IsZero() && dec.DecidedOn < dec.RaisedOn {
				d.found.Add(diag.Error, RuleDateOrder, decidedPos, "%s.decided_on %s is before raised_on %s", path, dec.DecidedOn, dec.RaisedOn)
			}
		} else if s, ok := d.str(item, path); ok {
			dec.Text = s
		}
		if dec.Text == "" {
			continue
		}
		dec.Status = cmp.Or(dec.Status, DecisionPending)
		all = append(all, dec)
		if dec.Pending() {
			pending = append(pending, dec.Text)
		}
	}
	return all, pending
}

// actions reads the actions: list: action items kept in the YAML itself
// rather than in a sheet (a small project's 宿題).
func (d *decoder) actions(n *yaml.Node) []project.Action {
	var out []project.Action
	for _, item := range d.list(n, "actions") {
		f := d.mapping(item, "actions", actionShape())
		if f == nil {
			continue
		}
		a := project.Action{Source: d.pos(item)}
		d.required(f, "title", diag.Error)
		d.textKey(f, "id", &a.ID)
		d.textKey(f, "title", &a.Title)
		if v := f.get("owner"); v != nil {
			for _, s := range d.texts(v, "actions.owner") {
				a.Owner = append(a.Owner, value.People(s)...)
			}
		}
		d.dateKey(f, "due", &a.Due)
		d.dateKey(f, "raised_on", &a.RaisedOn)
		d.dateKey(f, "closed_on", &a.ClosedOn)
		d.textKey(f, "notes", &a.Notes)
		if v := f.get("meeting"); v != nil {
			if t, ok := parseDate(v.Value); ok && v.Kind == yaml.ScalarNode {
				a.MeetingDate = t
			}
			d.textKey(f, "meeting", &a.Meeting)
			if a.MeetingDate.IsZero() {
				a.MeetingDate, _ = value.MeetingDate(a.Meeting)
			}
		}
		if v := f.get("status"); v != nil {
			d.textKey(f, "status", &a.StatusRaw)
			st, ok := value.ItemStatus(a.StatusRaw)
			if !ok {
				d.warnf(RuleBadValue, v, "actions.status %q is not a known status (未着手, 対応中, 完了, open, done …); kept as written", clip(a.StatusRaw, 40))
			}
			a.Status = st
		} else if !a.ClosedOn.IsZero() {
			a.Status = project.Closed
		}
		if a.Title != "" {
			out = append(out, a)
		}
	}
	return out
}

// ofKind returns the records of kind.
func ofKind(ds []Decision, kind string) []Decision {
	return slices.DeleteFunc(slices.Clone(ds), func(d Decision) bool { return d.Kind != kind })
}

// withoutKind returns ds without the records of kind.
func withoutKind(ds []Decision, kind string) []Decision {
	return slices.DeleteFunc(slices.Clone(ds), func(d Decision) bool { return d.Kind == kind })
}
