package analyze

import (
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/calendar"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/project"
)

// Workload is planned effort per person per ISO week.
type Workload struct {
	People []string    `json:"people"`
	Weeks  []date.Date `json:"weeks"` // Mondays
	// Load[p][w] is person p's planned person-days in week w; Capacity the
	// same person's capacity that week (holidays taken off).
	Load     [][]float64    `json:"load"`
	Capacity [][]float64    `json:"capacity"`
	Over     []WorkloadCell `json:"over"` // cells above capacity, by week then person
}

// WorkloadCell is one person-week.
type WorkloadCell struct {
	Person   string    `json:"person"`
	Week     date.Date `json:"week"`
	Load     float64   `json:"load"`
	Capacity float64   `json:"capacity"`
}

// maxWorkloadWeeks bounds the workload grid (ten years of weeks).
const maxWorkloadWeeks = 520

// monday returns the Monday of d's ISO week.
func monday(d date.Date) date.Date {
	wd := int(d.Weekday()+6) % 7 // Monday 0 … Sunday 6
	return d.AddDays(-wd)
}

// workload spreads each scheduled leaf task's planned effort (or one
// person-day per working day when no effort is given) evenly over its
// planned working days and its assignees, then sums per ISO week. Done and
// cancelled tasks are left out: the question is what people still carry.
func workload(cfg *config.Project, leaves []leaf, cal *calendar.Calendar) Workload {
	type key struct {
		person string
		week   date.Date
	}
	load := map[key]float64{}
	people := map[string]bool{}
	weeks := map[date.Date]bool{}
	// A typo year (2206) or a 9999/12/31 "no end" must not make thousands
	// of weeks: count load within the project window and a year around it.
	lo, hi := cfg.Project.Start.AddDays(-365), cfg.Project.End.AddDays(365)
	if cfg.Project.Start.IsZero() || cfg.Project.End.IsZero() {
		lo, hi = 0, 1<<30
	}
	for _, l := range leaves {
		t := l.t
		if !l.scheduled || len(t.Assignee) == 0 || t.Complete() {
			continue
		}
		days := cal.WorkdaysBetween(t.PlannedStart, t.PlannedFinish)
		if days == 0 {
			continue
		}
		effort := float64(days)
		if t.PlannedEffort != nil && *t.PlannedEffort > 0 {
			effort = *t.PlannedEffort
		}
		perDay := effort / float64(days) / float64(len(t.Assignee))
		for w := monday(max(t.PlannedStart, lo)); w <= min(t.PlannedFinish, hi) && len(weeks) < maxWorkloadWeeks; w = w.AddDays(7) {
			n := cal.WorkdaysBetween(max(w, t.PlannedStart), min(w.AddDays(6), t.PlannedFinish))
			if n == 0 {
				continue
			}
			weeks[w] = true
			for _, p := range t.Assignee {
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
	}
	for j, w := range wl.Weeks {
		for i, p := range wl.People {
			if wl.Load[i][j] > wl.Capacity[i][j]+1e-9 {
				wl.Over = append(wl.Over, WorkloadCell{Person: p, Week: w, Load: wl.Load[i][j], Capacity: wl.Capacity[i][j]})
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
