package analyze

import (
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/calendar"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/project"
)

// Workload is the work people still carry, per person per ISO week, from
// the status week on (see workload for the definition).
type Workload struct {
	People []string    `json:"people"`
	Weeks  []date.Date `json:"weeks"` // Mondays, from the status week
	// Load[p][w] is person p's remaining person-days in week w; Capacity
	// the same person's capacity that week (holidays taken off).
	Load     [][]float64 `json:"load"`
	Capacity [][]float64 `json:"capacity"`
	// Overdue[p] is the part of person p's status-week load that is the
	// remaining work of tasks past their planned finish.
	Overdue []float64      `json:"overdue"`
	Over    []WorkloadCell `json:"over"` // cells above capacity, by week then person
}

// WorkloadCell is one person-week.
type WorkloadCell struct {
	Person   string    `json:"person"`
	Week     date.Date `json:"week"`
	Load     float64   `json:"load"`
	Overdue  float64   `json:"overdue,omitempty"`
	Capacity float64   `json:"capacity"`
}

// maxWorkloadWeeks bounds the workload grid (ten years of weeks).
const maxWorkloadWeeks = 520

// monday returns the Monday of d's ISO week.
func monday(d date.Date) date.Date {
	wd := int(d.Weekday()+6) % 7 // Monday 0 … Sunday 6
	return d.AddDays(-wd)
}

// remaining is a task's work still to do in person-days: its planned
// effort (else one person-day per planned working day) times the share not
// yet done.
func remaining(t *project.Task, cal *calendar.Calendar) float64 {
	effort := float64(cal.WorkdaysBetween(t.PlannedStart, t.PlannedFinish))
	if t.PlannedEffort.OK() && t.PlannedEffort.Val() > 0 {
		effort = t.PlannedEffort.Val()
	}
	done := 0.0
	if t.Progress.OK() {
		done = max(0, min(100, t.Progress.Val()))
	}
	return effort * (1 - done/100)
}

// workload spreads each unfinished scheduled leaf task's remaining work
// (remaining) evenly over its working days after the status date up to its
// planned finish, and over its assignees, then sums per ISO week. A task
// whose planned finish is on or before the status date puts all its
// remaining work into the status week — as overdue load when the finish
// is past. Done and cancelled tasks carry nothing: the question is what
// people still carry, so a person whose work is all late is the most
// loaded, not absent.
func workload(cfg *config.Project, leaves []leaf, cal *calendar.Calendar, asOf date.Date) Workload {
	type key struct {
		person string
		week   date.Date
	}
	load := map[key]float64{}
	overdue := map[string]float64{}
	people := map[string]bool{}
	weeks := map[date.Date]bool{}
	// A typo year (2206) or a 9999/12/31 "no end" must not make thousands
	// of weeks: count load within the project window and a year around it.
	hi := cfg.Project.End.AddDays(365)
	if cfg.Project.End.IsZero() {
		hi = 1 << 30
	}
	status := monday(asOf)
	for _, l := range leaves {
		t := l.t
		if !l.scheduled || len(t.Assignee.List()) == 0 || t.Complete() {
			continue
		}
		rest := remaining(t, cal)
		if rest <= 0 {
			continue
		}
		share := rest / float64(len(t.Assignee.List()))
		from := max(asOf.AddDays(1), t.PlannedStart)
		days := cal.WorkdaysBetween(from, t.PlannedFinish)
		if days == 0 && t.PlannedFinish > asOf {
			// Planned on days off only (a weekend job): its own week.
			w := monday(t.PlannedFinish)
			weeks[w] = true
			for _, p := range t.Assignee.List() {
				people[p] = true
				load[key{p, w}] += share
			}
			continue
		}
		if t.PlannedFinish < from || days == 0 {
			// Due by the status date and not done: all of it is this week's.
			weeks[status] = true
			for _, p := range t.Assignee.List() {
				people[p] = true
				load[key{p, status}] += share
				if t.PlannedFinish < asOf {
					overdue[p] += share
				}
			}
			continue
		}
		perDay := share / float64(days)
		for w := monday(from); w <= min(t.PlannedFinish, hi) && len(weeks) < maxWorkloadWeeks; w = w.AddDays(7) {
			n := cal.WorkdaysBetween(max(w, from), min(w.AddDays(6), t.PlannedFinish))
			if n == 0 {
				continue
			}
			weeks[w] = true
			for _, p := range t.Assignee.List() {
				people[p] = true
				load[key{p, w}] += perDay * float64(n)
			}
		}
	}
	wl := Workload{People: sortedKeys(people), Weeks: sortedDates(weeks), Over: []WorkloadCell{}}
	capOf := capacities(cfg)
	for _, p := range wl.People {
		row := make([]float64, len(wl.Weeks))
		caps := make([]float64, len(wl.Weeks))
		capacity := capOf(p)
		for j, w := range wl.Weeks {
			row[j] = load[key{p, w}]
			caps[j] = capacity * float64(cal.WorkdaysBetween(w, w.AddDays(6))) / 5
		}
		wl.Load = append(wl.Load, row)
		wl.Capacity = append(wl.Capacity, caps)
		wl.Overdue = append(wl.Overdue, overdue[p])
	}
	for j, w := range wl.Weeks {
		for i, p := range wl.People {
			if wl.Load[i][j] > wl.Capacity[i][j]+1e-9 {
				c := WorkloadCell{Person: p, Week: w, Load: wl.Load[i][j], Capacity: wl.Capacity[i][j]}
				if w == status {
					c.Overdue = wl.Overdue[i]
				}
				wl.Over = append(wl.Over, c)
			}
		}
	}
	return wl
}

// capacities returns each person's weekly capacity: the member's own when
// the YAML gives one (found as the roster check finds people, surname
// alone included), else the project's.
func capacities(cfg *config.Project) func(string) float64 {
	members := project.People[float64]{}
	for _, t := range cfg.Teams {
		for _, m := range t.Members {
			members.Add(m.Name, m.Capacity)
			for _, a := range m.Aliases {
				members.Add(a, m.Capacity)
			}
		}
	}
	def := cfg.Thresholds.Capacity
	if def <= 0 {
		def = 5
	}
	return func(p string) float64 {
		if c, ok := members.Find(p); ok && c > 0 {
			return c
		}
		return def
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, strings.Compare)
	return out
}

func sortedDates(m map[date.Date]bool) []date.Date {
	out := make([]date.Date, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
