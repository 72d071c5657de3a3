// Package report builds the one backend-neutral document that both the
// Excel tracker and the PDF status report render: project facts, RAG with
// reasons, KPI tiles, the PM's words, tables of tasks, issues, risks,
// milestones, workload, findings and changes, and chart series — all in
// one language. Both outputs come from the same Document, so they always
// agree.
package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/calendar"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// Document is everything a tracker or report shows.
type Document struct {
	Lang        string
	L           Labels `json:"-"` // from Lang; see Restore
	Title       string
	Project     Facts
	AsOf        date.Date
	RAG         RAG
	KPIs        []KPI
	Comment     string
	Decisions   []string
	Escalations []string

	Tasks    []project.Task // rolled up, outline order
	Issues   []project.Issue
	Risks    []project.Risk
	Findings diag.Findings
	A        *analyze.Result    // every figure, for what the fields above do not cover
	Cal      *calendar.Calendar `json:"-"` // the project's working days

	lateDays *lateDays // days late by task, built once
}

// Facts are the project's header facts.
type Facts struct {
	ID, Name, PM, Sponsor string
	Start, End            date.Date
	Budget                float64
	Currency              string
}

// RAG is the overall level and one line per dimension in the document's
// language.
type RAG struct {
	Overall    analyze.Level
	Dimensions []Dimension
}

// Dimension is one RAG dimension with its reason.
type Dimension struct {
	Key    string // schedule, milestones, issues, cost
	Label  string
	Level  analyze.Level
	Reason string
}

// KPI is one tile: a label, the value as shown, and a level when the value
// has one (SPI against its threshold, say).
type KPI struct {
	Key   string
	Label string
	Value string
	Num   *float64 // the unrounded value, when numeric
	Level analyze.Level
	Note  string // a second line: 計画 62.5 %, 2026-12-25 …
}

// Input is what Build needs.
type Input struct {
	Lang        string
	Title       string
	Facts       Facts
	Comment     string
	Decisions   []string
	Escalations []string
	Issues      []project.Issue
	Risks       []project.Risk
	Findings    diag.Findings
	Analysis    *analyze.Result
	Config      *config.Project
}

// Build assembles the document.
func Build(in Input) *Document {
	l := LabelsFor(in.Lang)
	a := in.Analysis
	d := &Document{
		Lang: cmp.Or(in.Lang, "ja"), L: l, Title: cmp.Or(in.Title, l.Get("title.report")),
		Project: in.Facts, AsOf: a.AsOf, Comment: strings.TrimSpace(in.Comment),
		Decisions: in.Decisions, Escalations: in.Escalations,
		Tasks: a.Rolled, Issues: in.Issues, Risks: in.Risks, Findings: in.Findings, A: a,
		Cal: a.Cal(),
	}
	if d.Cal == nil {
		d.Cal = analyze.Calendar(in.Config)
	}
	if len(a.Decisions) > 0 {
		// Records from the YAML: the pending ones, with their age.
		d.Decisions, d.Escalations = pendingLines(a.Decisions, "decision", d.Lang, l), pendingLines(a.Decisions, "escalation", d.Lang, l)
	}
	d.lateDays = lateIndex(a)
	d.RAG.Overall = a.RAG.Overall
	for _, x := range a.RAG.Details {
		reason := x.JA
		if d.Lang == "en" {
			reason = x.EN
		}
		d.RAG.Dimensions = append(d.RAG.Dimensions, Dimension{Key: x.Dimension, Label: l.Get("dim." + x.Dimension), Level: x.Level, Reason: reason})
	}
	d.KPIs = kpis(a, l)
	return d
}

func kpis(a *analyze.Result, l Labels) []KPI {
	pctK := func(key string, v float64) KPI {
		return KPI{Key: key, Label: l.Get("kpi." + key), Value: fmt.Sprintf("%.1f%%", v), Num: &v}
	}
	planned, actual := pctK("planned", a.Progress.Planned), pctK("actual", a.Progress.Actual)
	actual.Note = fmt.Sprintf("%+.1fpt", a.Progress.Actual-a.Progress.Planned)
	out := []KPI{planned, actual,
		ratioK("spi", a.EVM.SPI, a.RAG.Dimensions["schedule"], l),
		ratioK("cpi", a.EVM.CPI, a.RAG.Dimensions["cost"], l),
		countK("late", a.Tasks.Late, l),
		countK("open_issues", a.Issues.Open, l),
		countK("overdue_issues", a.Issues.Overdue, l),
		countK("high_risks", a.Risks.High, l),
	}
	out[6].Level = a.RAG.Dimensions["issues"]
	out[7].Level = a.RAG.Dimensions["risks"]
	// An absent register is not an empty one: its tiles say so, in grey.
	for i, k := range out {
		switch {
		case !a.Coverage.HasIssues && (k.Key == "open_issues" || k.Key == "overdue_issues"):
			out[i] = KPI{Key: k.Key, Label: k.Label, Value: l.Get("not_provided"), Note: l.Get("none.issues"), Level: analyze.Unknown}
		case !a.Coverage.HasRisks && k.Key == "high_risks":
			out[i] = KPI{Key: k.Key, Label: k.Label, Value: l.Get("not_provided"), Note: l.Get("none.risks"), Level: analyze.Unknown}
		}
	}
	if m := NextMilestone(a); m != nil {
		days := float64(m.DaysLeft)
		out = append(out, KPI{Key: "next_milestone", Label: l.Get("kpi.next_milestone"), Value: m.Name, Num: &days,
			Note: fmt.Sprintf("%s (%+d)", m.Date, m.DaysLeft), Level: m.Status.Level()})
	} else {
		out = append(out, KPI{Key: "next_milestone", Label: l.Get("kpi.next_milestone"), Value: l.Get("none")})
	}
	return out
}

func ratioK(key string, v *float64, lv analyze.Level, l Labels) KPI {
	k := KPI{Key: key, Label: l.Get("kpi." + key), Value: "-", Level: lv}
	if v != nil {
		k.Value, k.Num = value.ShowFixed(*v, 2), v
	}
	return k
}

func countK(key string, n int, l Labels) KPI {
	f := float64(n)
	return KPI{Key: key, Label: l.Get("kpi." + key), Value: fmt.Sprint(n), Num: &f}
}

// NextMilestone returns the first milestone not yet done, or nil.
func NextMilestone(a *analyze.Result) *analyze.Milestone {
	for i := range a.Milestones {
		if a.Milestones[i].Status != analyze.MilestoneDone && !a.Milestones[i].Date.IsZero() {
			return &a.Milestones[i]
		}
	}
	return nil
}

// TaskStatus returns a task status in the document's language.
func (d *Document) TaskStatus(s project.TaskStatus) string {
	if s == project.NoTaskStatus {
		return ""
	}
	return d.L.Get("status." + s.String())
}

// ItemStatus returns an issue or risk status in the document's language.
func (d *Document) ItemStatus(s project.ItemStatus) string {
	if s == project.NoItemStatus {
		return ""
	}
	return d.L.Get("istatus." + s.String())
}

// Priority returns a priority in the document's language.
func (d *Document) Priority(p project.Priority) string {
	if p == project.NoPriority {
		return ""
	}
	return d.L.Get("priority." + p.String())
}

// Level returns a RAG level in the document's language.
func (d *Document) Level(l analyze.Level) string { return d.L.Get("rag." + string(l)) }

// Milestone returns a milestone status in the document's language.
func (d *Document) Milestone(s analyze.MilestoneStatus) string { return d.L.Get("ms." + string(s)) }

// PageOne returns a copy of d holding only what its one-page summary needs
// (see analyze.Result.PageOne), for a portfolio that keeps every
// project's summary until the end of the run: no task list, risks,
// findings or calendar; of the issues, those the page lists.
func (d *Document) PageOne() *Document {
	c := *d
	c.Tasks, c.Risks, c.Findings, c.Cal, c.lateDays = nil, nil, nil, nil, nil
	c.Issues = nil
	if d.A != nil {
		c.A = d.A.PageOne()
		for i := range d.Issues {
			is := &d.Issues[i]
			if slices.ContainsFunc(c.A.Issues.Top, func(r analyze.IssueRef) bool { return r.Source == is.Source() && r.Title == is.Title }) {
				c.Issues = append(c.Issues, *is)
			}
		}
	}
	return &c
}

// Restore makes a document read back from JSON (a page-one document a
// batch stored for its next run) whole again: its labels come from its
// language.
func (d *Document) Restore() {
	d.L = LabelsFor(d.Lang)
}
