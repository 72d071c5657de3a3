package analyze

import (
	"cmp"
	"slices"

	"github.com/pmokit/pmo/internal/calendar"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/project"
)

// SnapshotVersion is the version of the snapshot JSON written by this pmo.
const SnapshotVersion = 1

// Snapshot is what one run remembers for the next: small, so a project
// keeps years of them.
type Snapshot struct {
	Version    int                  `json:"version"`
	Project    string               `json:"project"`
	AsOf       date.Date            `json:"as_of"`
	Progress   Progress             `json:"progress"`
	SPI        *float64             `json:"spi"`
	CPI        *float64             `json:"cpi"`
	Issues     map[string]bool      `json:"issues"` // IssueKey -> open
	Late       []string             `json:"late"`   // task keys
	Milestones map[string]date.Date `json:"milestones"`
	RAG        Level                `json:"rag"`
	// Trend carries the actual points of earlier runs forward, so the
	// newest snapshot alone can draw the progress curve (JSON snapshots of
	// earlier pmo versions; the history database keeps runs instead).
	Trend []CurvePoint `json:"trend,omitempty"`

	// The rest is what the history database keeps per run.
	EVM      EVM           `json:"-"`
	BAC      float64       `json:"-"`
	Forecast Forecast      `json:"-"`
	Tasks    []TaskState   `json:"-"`
	Items    []ItemState   `json:"-"`
	Sources  []SourceState `json:"-"`
	// Detailed is true when Tasks, Items and Sources are known: false for a
	// run imported from a JSON snapshot, which kept only aggregates.
	Detailed bool `json:"-"`
	// Point is the run's entry of the trend.
	Point RunPoint `json:"-"`
}

// Snapshot returns what this run should remember. issues are all the
// project's issues (open and closed).
func (r *Result) Snapshot(issueKeys map[string]bool, prev *Snapshot) *Snapshot {
	s := &Snapshot{
		Version: SnapshotVersion, Project: r.Project.ID, AsOf: r.AsOf, Progress: r.Progress,
		SPI: r.EVM.SPI, CPI: r.EVM.CPI, Issues: issueKeys, Late: r.Tasks.LateIDs,
		Milestones: map[string]date.Date{}, RAG: r.RAG.Overall,
	}
	for _, m := range r.Milestones {
		s.Milestones[m.Name] = m.Date
	}
	s.EVM, s.BAC, s.Forecast = r.EVM, r.EVM.BAC, r.Forecast
	s.Tasks, s.Items, s.Sources, s.Detailed = r.taskStates, r.itemStates, r.sourceStates, true
	// The issue keys by the files as the YAML names them, the same keys
	// the items carry.
	s.Issues = make(map[string]bool, len(r.itemStates))
	for _, it := range r.itemStates {
		if it.Kind == project.KindIssues {
			s.Issues[it.Key] = it.Open
		}
	}
	s.Point = r.Trend[len(r.Trend)-1]
	return s
}

// Changes is what moved since the previous run.
type Changes struct {
	Since          date.Date       `json:"since"`
	ProgressDelta  float64         `json:"progress_delta"` // actual % points
	PlannedDelta   float64         `json:"planned_delta"`
	SPIDelta       *float64        `json:"spi_delta"`
	NewIssues      int             `json:"new_issues"`
	ClosedIssues   int             `json:"closed_issues"`
	NewlyLate      []string        `json:"newly_late"`
	NoLongerLate   []string        `json:"no_longer_late"`
	MilestoneMoves []MilestoneMove `json:"milestones_moved"`
	RAGBefore      Level           `json:"rag_before"`
}

// MilestoneMove is a milestone whose date changed.
type MilestoneMove struct {
	Name string    `json:"name"`
	From date.Date `json:"from"`
	To   date.Date `json:"to"`
}

func changes(prev *Snapshot, r *Result) *Changes {
	c := &Changes{Since: prev.AsOf, ProgressDelta: r.Progress.Actual - prev.Progress.Actual,
		PlannedDelta: r.Progress.Planned - prev.Progress.Planned, RAGBefore: prev.RAG,
		NewlyLate: []string{}, NoLongerLate: []string{}, MilestoneMoves: []MilestoneMove{}}
	if r.EVM.SPI != nil && prev.SPI != nil {
		d := *r.EVM.SPI - *prev.SPI
		c.SPIDelta = &d
	}
	if r.Issues.OpenedSince != nil {
		c.NewIssues, c.ClosedIssues = *r.Issues.OpenedSince, *r.Issues.ClosedSince
	}
	was := map[string]bool{}
	for _, k := range prev.Late {
		was[k] = true
	}
	now := map[string]bool{}
	for _, k := range r.Tasks.LateIDs {
		now[k] = true
		if !was[k] {
			c.NewlyLate = append(c.NewlyLate, k)
		}
	}
	for _, k := range prev.Late {
		if !now[k] {
			c.NoLongerLate = append(c.NoLongerLate, k)
		}
	}
	for _, m := range r.Milestones {
		if d, ok := prev.Milestones[m.Name]; ok && d != m.Date {
			c.MilestoneMoves = append(c.MilestoneMoves, MilestoneMove{Name: m.Name, From: d, To: m.Date})
		}
	}
	return c
}

// CurvePoint is one point of the progress S-curve.
type CurvePoint struct {
	Date    date.Date `json:"date"`
	Planned float64   `json:"planned"`
	Actual  *float64  `json:"actual"` // only where a run measured it
	SPI     *float64  `json:"spi,omitempty"`
}

// curve is the planned cumulative % at each week's end from the first
// planned start to the last planned finish, merged with the actual points
// of earlier runs and today's.
func curve(leaves []leaf, works []plannedWork, cal *calendar.Calendar, asOf date.Date, prev *Snapshot, history []RunPoint, now Progress) []CurvePoint {
	var first, last date.Date
	var bac float64
	for _, l := range leaves {
		if !l.scheduled {
			continue
		}
		first = minDate(first, l.t.PlannedStart)
		last = maxDate(last, l.t.PlannedFinish)
		bac += l.weight
	}
	if bac == 0 {
		return []CurvePoint{}
	}
	planned := func(d date.Date) float64 { return plannedValue(works, d, cal) / bac * 100 }
	var pts []CurvePoint
	// Week ends (Fridays); long projects get a point every few weeks so the
	// curve stays small.
	step := 7
	if weeks := int(last-first) / 7; weeks > 104 {
		step = 7 * (weeks/104 + 1)
	}
	for d := monday(first).AddDays(4); d < last+date.Date(step); d = d.AddDays(step) {
		pts = append(pts, CurvePoint{Date: d, Planned: planned(d)})
	}
	for _, p := range history {
		if p.AsOf < asOf {
			a := p.Actual
			pts = append(pts, CurvePoint{Date: p.AsOf, Planned: planned(p.AsOf), Actual: &a, SPI: p.SPI})
		}
	}
	if prev != nil && len(history) == 0 {
		for _, p := range prev.Trend {
			if p.Date < asOf {
				pts = append(pts, CurvePoint{Date: p.Date, Planned: planned(p.Date), Actual: p.Actual, SPI: p.SPI})
			}
		}
	}
	actual := now.Actual
	pts = append(pts, CurvePoint{Date: asOf, Planned: now.Planned, Actual: &actual})
	slices.SortStableFunc(pts, func(a, b CurvePoint) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmpBool(a.Actual != nil, b.Actual != nil))
	})
	// One point per date: a measured point wins over a planned-only one.
	out := pts[:0]
	for _, p := range pts {
		if n := len(out); n > 0 && out[n-1].Date == p.Date {
			out[n-1] = p
			continue
		}
		out = append(out, p)
	}
	return out
}
