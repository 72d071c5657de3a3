// Package portfolio answers the PMO's cross-project questions from what
// each project of a batch left behind: who is planned beyond capacity
// across projects, how the projects stand and moved since the last run,
// which milestones fall in the coming weeks, every decision and
// escalation waiting on the committee, each team's data quality and the
// subtotals by department, program or tag. It keeps a small Summary per
// project, so a portfolio's memory does not grow with each project's
// task list.
package portfolio

import (
	"cmp"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/project"
)

// Horizon is how many ISO weeks from the status week the people view
// looks ahead: a quarter and a half, far enough to move people in time,
// near enough that plans still mean something.
const Horizon = 26

// TrendRuns is how many runs the trend row shows per project.
const TrendRuns = 8

// Summary is what the portfolio keeps of one project besides its row.
// Everything is bounded: Horizon weeks of load, TrendRuns runs, the
// project's milestones, decisions and sources.
type Summary struct {
	BAC float64 `json:"bac"` // person-days; the bubble size of the quadrant
	// Start is the Monday of the status week, where Load and Workdays
	// begin.
	Start date.Date `json:"start"`
	// Load is each person's remaining person-days per week (Mondays,
	// from the status week, Horizon weeks), names as the project's roster
	// spells them; zero cells are left out.
	Load []LoadCell `json:"load"`
	// Capacity lists the members whose capacity the project's YAML gives.
	Capacity []PersonCapacity `json:"capacity"`
	// Workdays is the project calendar's working days in each week of
	// the horizon, from the status week.
	Workdays   []int       `json:"workdays"`
	Milestones []Milestone `json:"milestones"` // not done, in date order
	// Items are the pending decisions and escalations, decisions first,
	// each with its owner and age when the YAML keeps them as records.
	Items []Item `json:"items"`
	// OverdueActions are the open action items past their due date (at
	// most MaxActions, the most overdue first); HasActions says whether
	// the project keeps an action list at all.
	OverdueActions []Action       `json:"overdue_actions"`
	MoreActions    int            `json:"more_actions,omitempty"`
	HasActions     bool           `json:"has_actions,omitempty"`
	Trend          []TrendPoint   `json:"trend"` // the last TrendRuns runs, oldest first, this one last
	Sources        []SourceReport `json:"sources"`
}

// MaxActions bounds the overdue actions a project keeps for the
// portfolio; the rest are counted.
const MaxActions = 20

// Action is an overdue action item.
type Action struct {
	Project     string    `json:"project,omitempty"` // set on the board
	ID          string    `json:"id,omitempty"`
	Title       string    `json:"title"`
	Owner       []string  `json:"owner,omitempty"`
	Due         date.Date `json:"due"`
	DaysOverdue int       `json:"days_overdue"`
}

// LoadCell is one person-week of one project.
type LoadCell struct {
	Person string    `json:"person"`
	Week   date.Date `json:"week"`
	Days   float64   `json:"days"`
}

// PersonCapacity is a member's weekly capacity as a project gives it.
type PersonCapacity struct {
	Person   string  `json:"person"`
	Capacity float64 `json:"capacity"`
}

// Milestone is a project milestone not yet done.
type Milestone struct {
	Name   string                  `json:"name"`
	Date   date.Date               `json:"date"`
	Status analyze.MilestoneStatus `json:"status"`
}

// TrendPoint is one run's RAG and SPI.
type TrendPoint struct {
	AsOf date.Date     `json:"as_of"`
	RAG  analyze.Level `json:"rag"`
	SPI  *float64      `json:"spi"`
}

// SourceReport is one source's data quality: its team, records read,
// findings, columns pmo could not map, whether the YAML had to fix its
// mapping, and for how many runs it has not changed.
type SourceReport struct {
	Name      string `json:"name"`
	Team      string `json:"team,omitempty"`
	Read      bool   `json:"read"`
	Records   int    `json:"records"`
	Errors    int    `json:"errors"`
	Warnings  int    `json:"warnings"`
	Unmapped  int    `json:"unmapped"`
	Overrides bool   `json:"overrides,omitempty"`
	// StaleRuns is the runs in a row the file has not changed while work
	// was planned (0: changed, or no earlier run to tell).
	StaleRuns int `json:"stale_runs,omitempty"`
}

// Summarize keeps what the portfolio needs of an analysed project: its
// definition, its analysis and the sources as read.
func Summarize(cfg *config.Project, a *analyze.Result, sources []config.Source) *Summary {
	s := &Summary{BAC: a.EVM.BAC, Load: []LoadCell{}, Capacity: []PersonCapacity{}, Milestones: []Milestone{},
		Items: []Item{}, OverdueActions: []Action{}, Trend: []TrendPoint{}, Sources: []SourceReport{}}
	summarizeItems(s, cfg, a)
	summarizeLoad(s, cfg, a)
	for _, m := range a.Milestones {
		if m.Status != analyze.MilestoneDone && !m.Date.IsZero() {
			s.Milestones = append(s.Milestones, Milestone{Name: m.Name, Date: m.Date, Status: m.Status})
		}
	}
	slices.SortStableFunc(s.Milestones, func(x, y Milestone) int { return cmp.Compare(x.Date, y.Date) })
	for _, pt := range a.Trend {
		s.Trend = append(s.Trend, TrendPoint{AsOf: pt.AsOf, RAG: pt.RAG, SPI: pt.SPI})
	}
	// The trend ends with this run; its figures are known here whatever
	// the history kept.
	if n := len(s.Trend); n == 0 || s.Trend[n-1].AsOf != a.AsOf {
		s.Trend = append(s.Trend, TrendPoint{AsOf: a.AsOf})
	}
	last := &s.Trend[len(s.Trend)-1]
	last.RAG, last.SPI = a.RAG.Overall, a.EVM.SPI
	s.Trend = s.Trend[max(0, len(s.Trend)-TrendRuns):]
	summarizeSources(s, sources, a)
	return s
}

// summarizeItems keeps the pending decisions and escalations — the
// records of the YAML's decision log with their owner and age when it
// has one, else the plain lines — and the overdue action items.
func summarizeItems(s *Summary, cfg *config.Project, a *analyze.Result) {
	if len(a.Decisions) > 0 {
		for _, kind := range []string{KindDecision, KindEscalation} {
			for _, d := range a.Decisions {
				if d.Kind == kind && d.Status == "pending" {
					s.Items = append(s.Items, Item{Kind: kind, Text: d.Text, Owner: d.Owner, Age: d.AgeDays, Due: d.Due, Overdue: d.Overdue})
				}
			}
		}
	} else {
		for _, t := range cfg.Report.Decisions {
			s.Items = append(s.Items, Item{Kind: KindDecision, Text: t})
		}
		for _, t := range cfg.Report.Escalations {
			s.Items = append(s.Items, Item{Kind: KindEscalation, Text: t})
		}
	}
	s.HasActions = a.Actions.HasSource
	for _, it := range a.Actions.Items {
		if !it.Overdue {
			continue
		}
		if len(s.OverdueActions) == MaxActions {
			s.MoreActions++
			continue
		}
		s.OverdueActions = append(s.OverdueActions, Action{ID: it.ID, Title: it.Title, Owner: slices.Clone(it.Owner), Due: it.Due, DaysOverdue: it.DaysOverdue})
	}
}

// summarizeLoad keeps the workload grid's cells of the horizon, each
// person named as the project's roster names them (山本 in a sheet is the
// YAML's 山本 太郎), so another project's 山本 太郎 is the same person.
func summarizeLoad(s *Summary, cfg *config.Project, a *analyze.Result) {
	roster := project.People[string]{}
	for _, t := range cfg.Teams {
		for _, m := range t.Members {
			roster.Add(m.Name, m.Name)
			for _, al := range m.Aliases {
				roster.Add(al, m.Name)
			}
			if m.Capacity > 0 {
				s.Capacity = append(s.Capacity, PersonCapacity{Person: m.Name, Capacity: m.Capacity})
			}
		}
	}
	// The calendar the figures were computed with, shared in a batch; a
	// fresh one only for a result without it.
	cal := a.Cal()
	if cal == nil {
		cal = analyze.Calendar(cfg)
	}
	first := monday(a.AsOf)
	s.Start = first
	for i := range Horizon {
		w := first.AddDays(7 * i)
		s.Workdays = append(s.Workdays, cal.WorkdaysBetween(w, w.AddDays(6)))
	}
	last := first.AddDays(7 * (Horizon - 1))
	wl := a.Workload
	byCell := map[[2]string]int{}
	for i, person := range wl.People {
		name := strings.TrimSpace(person)
		if full, ok := roster.Find(name); ok {
			name = full
		}
		for j, w := range wl.Weeks {
			if i >= len(wl.Load) || j >= len(wl.Load[i]) || wl.Load[i][j] <= 0 || w < first || w > last {
				continue
			}
			k := [2]string{name, w.String()}
			if at, ok := byCell[k]; ok {
				// Two spellings of one member (山本, yamamoto) add up.
				s.Load[at].Days += wl.Load[i][j]
				continue
			}
			byCell[k] = len(s.Load)
			s.Load = append(s.Load, LoadCell{Person: name, Week: w, Days: wl.Load[i][j]})
		}
	}
	slices.SortFunc(s.Load, func(x, y LoadCell) int {
		return cmp.Or(strings.Compare(x.Person, y.Person), cmp.Compare(x.Week, y.Week))
	})
}

// summarizeSources keeps each source's quality figures with its team.
func summarizeSources(s *Summary, sources []config.Source, a *analyze.Result) {
	stale := map[string]int{}
	if a.Replan != nil {
		for _, f := range a.Replan.StaleSource {
			stale[f.File] = f.Runs
		}
	}
	for _, c := range sources {
		name := filepath.ToSlash(cmp.Or(c.File, c.Path))
		r := SourceReport{Name: name, Team: c.Team, Overrides: len(c.Columns) > 0 || len(c.HeaderRows) > 0,
			StaleRuns: max(stale[name], stale[c.Name])}
		if i := slices.IndexFunc(a.Coverage.Sources, func(sc analyze.SourceCoverage) bool { return sc.Name == name }); i >= 0 {
			sc := a.Coverage.Sources[i]
			r.Read, r.Records, r.Errors, r.Warnings, r.Unmapped = sc.Read, sc.Records, sc.Errors, sc.Warnings, len(sc.Unmapped)
		}
		s.Sources = append(s.Sources, r)
	}
}

// monday returns the Monday of d's ISO week, as the workload grid's weeks
// start.
func monday(d date.Date) date.Date {
	return d.AddDays(-(int(d.Weekday()+6) % 7))
}
