package analyze_test

import (
	"math"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/project"
)

// These tests check the EVM definitions of docs/definitions.md ("How pmo measures a
// project / 集計の定義") with hand-computed figures. Calendar facts used
// below (2026):
//
//	Nov: 2 Mon, 3 Tue 文化の日, 6 Fri, 7-8 weekend, 9 Mon ... 13 Fri,
//	     20 Fri, 23 Mon 勤労感謝の日, 24 Tue, 27 Fri.
//	Golden Week: 4-29 Wed 昭和の日, 5-3 Sun 憲法記念日, 5-4 Mon みどりの日,
//	     5-5 Tue こどもの日, 5-6 Wed 振替休日.
//	New year: 2027-01-01 Fri 元日.

func day(y int, m time.Month, d int) date.Date { return date.Of(y, m, d) }

func num(f float64) *float64 { return &f }

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9 }

// newConfig is a project with Japanese holidays and default thresholds.
func newConfig() *config.Project {
	return &config.Project{
		Project: config.Info{ID: "crm", Name: "顧客管理システム刷新", Start: day(2026, 4, 1),
			End: day(2027, 3, 31)},
		Calendar:   config.Calendar{Holidays: "jp"},
		Thresholds: config.DefaultThresholds(),
	}
}

// span is a level-1 leaf task with a planned span and effort.
func span(id string, start, finish date.Date, effort project.Num) project.Task {
	return project.Task{WBSID: id, Level: 1, Name: "task " + id, PlannedStart: start,
		PlannedFinish: finish, PlannedEffort: effort}
}

func run(cfg *config.Project, asOf date.Date, tasks ...project.Task) *analyze.Result {
	return analyze.Analyze(analyze.Input{Config: cfg, AsOf: asOf, Tasks: tasks})
}

func checkFloat(t *testing.T, name string, got, want float64) {
	t.Helper()
	if !near(got, want) {
		t.Errorf("%s = %v, want %v", name, got, want)
	}
}

// checkRatio compares a nullable ratio; want nil means null.
func checkRatio(t *testing.T, name string, got, want *float64) {
	t.Helper()
	switch {
	case want == nil && got != nil:
		t.Errorf("%s = %v, want null", name, *got)
	case want != nil && got == nil:
		t.Errorf("%s = null, want %v", name, *want)
	case want != nil && !near(*got, *want):
		t.Errorf("%s = %v, want %v", name, *got, *want)
	}
}

func TestWeight(t *testing.T) {
	t.Parallel()
	daysOff := func(c *config.Project) {
		c.Calendar.DaysOff = []config.DateRange{{From: day(2026, 12, 29), To: day(2026, 12, 31)}}
	}
	tests := []struct {
		name          string
		start, finish date.Date
		effort        *float64
		cfg           func(*config.Project)
		want          float64
	}{
		{"effort given", day(2026, 11, 2), day(2026, 11, 6), num(3), nil, 3},
		// 11-2..11-6 has 5 weekdays; 11-3 文化の日 leaves 4.
		{"zero effort: working days", day(2026, 11, 2), day(2026, 11, 6), num(0), nil, 4},
		{"negative effort: working days", day(2026, 11, 2), day(2026, 11, 6), num(-2), nil, 4},
		{"no effort: working days", day(2026, 11, 2), day(2026, 11, 6), nil, nil, 4},
		{"no effort, holidays none", day(2026, 11, 2), day(2026, 11, 6), nil,
			func(c *config.Project) { c.Calendar.Holidays = "none" }, 5},
		// 4-27..5-8: 10 weekdays minus 4-29, 5-4, 5-5, 5-6 = 6
		// (4-27, 4-28, 4-30, 5-1, 5-7, 5-8).
		{"Golden Week", day(2026, 4, 27), day(2026, 5, 8), nil, nil, 6},
		// 12-28..1-8: 10 weekdays minus days off 12-29..31 and 元日 1-1 = 6
		// (12-28, 1-4..1-8).
		{"company days off and 元日", day(2026, 12, 28), day(2027, 1, 8), nil, daysOff, 6},
		// 11-2..11-8 has 4 working days plus Saturday 11-7 worked = 5.
		{"extra workday 休日出勤", day(2026, 11, 2), day(2026, 11, 8), nil,
			func(c *config.Project) {
				c.Calendar.Workdays = []config.DateRange{{From: day(2026, 11, 7), To: day(2026, 11, 7)}}
			}, 5},
		{"weekend only: 1", day(2026, 11, 7), day(2026, 11, 8), nil, nil, 1},
		{"holiday only: 1", day(2026, 11, 3), day(2026, 11, 3), nil, nil, 1},
		{"weekend only, effort given", day(2026, 11, 7), day(2026, 11, 8), num(2.5), nil, 2.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg := newConfig()
			if tt.cfg != nil {
				tt.cfg(cfg)
			}
			// Long after every finish, so BAC = PV = weight.
			r := run(cfg, day(2027, 6, 30), span("1", tt.start, tt.finish, project.NumFrom(tt.effort)))
			checkFloat(t, "BAC", r.EVM.BAC, tt.want)
			checkFloat(t, "PV", r.EVM.PV, tt.want)
			checkFloat(t, "planned %", r.Progress.Planned, 100)
		})
	}
}

func TestPlannedValue(t *testing.T) {
	t.Parallel()
	nov := span("1", day(2026, 11, 2), day(2026, 11, 6), project.NumOf(8))     // 4 working days: 2, 4, 5, 6
	gw := span("1", day(2026, 4, 27), day(2026, 5, 8), project.NumOf(12))      // 6 working days, see TestWeight
	newYear := span("1", day(2026, 12, 28), day(2027, 1, 8), project.NumOf(6)) // 6 working days with days off
	daysOff := []config.DateRange{{From: day(2026, 12, 29), To: day(2026, 12, 31)}}
	tests := []struct {
		name string
		task project.Task
		asOf date.Date
		want float64 // PV
	}{
		{"before start", nov, day(2026, 10, 30), 0},
		{"first day: 8 x 1/4", nov, day(2026, 11, 2), 2},
		{"on the holiday: still 1/4", nov, day(2026, 11, 3), 2},
		{"day after holiday: 8 x 2/4", nov, day(2026, 11, 4), 4},
		{"Thursday: 8 x 3/4", nov, day(2026, 11, 5), 6},
		{"finish: all", nov, day(2026, 11, 6), 8},
		{"after finish: clamped", nov, day(2026, 11, 20), 8},
		{"GW 4-28: 12 x 2/6", gw, day(2026, 4, 28), 4},
		{"GW 4-29 holiday: 12 x 2/6", gw, day(2026, 4, 29), 4},
		{"GW 5-6 振替休日: 12 x 4/6", gw, day(2026, 5, 6), 8},
		{"GW 5-7: 12 x 5/6", gw, day(2026, 5, 7), 10},
		{"days off 12-31: 6 x 1/6", newYear, day(2026, 12, 31), 1},
		{"元日: 6 x 1/6", newYear, day(2027, 1, 1), 1},
		{"1-4: 6 x 2/6", newYear, day(2027, 1, 4), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg := newConfig()
			cfg.Calendar.DaysOff = daysOff
			r := run(cfg, tt.asOf, tt.task)
			checkFloat(t, "PV", r.EVM.PV, tt.want)
			checkFloat(t, "planned %", r.Progress.Planned, tt.want/tt.task.PlannedEffort.Val()*100)
			if tt.want == 0 && r.EVM.SPI != nil {
				t.Errorf("SPI = %v with PV 0, want null", *r.EVM.SPI)
			}
		})
	}
}

func TestWeekendOnlySpan(t *testing.T) {
	t.Parallel()
	weekend := span("1", day(2026, 11, 7), day(2026, 11, 8), project.NumOf(2)) // Sat..Sun
	holiday := span("1", day(2026, 11, 3), day(2026, 11, 3), project.NumOf(2)) // 文化の日
	tests := []struct {
		name string
		task project.Task
		asOf date.Date
		want float64
	}{
		{"weekend: before", weekend, day(2026, 11, 6), 0},
		{"weekend: on its start, finish not reached", weekend, day(2026, 11, 7), 0},
		{"weekend: on its finish", weekend, day(2026, 11, 8), 2},
		{"weekend: after", weekend, day(2026, 11, 9), 2},
		{"holiday: before", holiday, day(2026, 11, 2), 0},
		{"holiday: on it", holiday, day(2026, 11, 3), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := run(newConfig(), tt.asOf, tt.task)
			checkFloat(t, "BAC", r.EVM.BAC, 2)
			checkFloat(t, "PV", r.EVM.PV, tt.want)
		})
	}
}

func TestUnscheduled(t *testing.T) {
	t.Parallel()
	a := span("A", day(2026, 11, 2), day(2026, 11, 6), project.NumOf(4))
	a.Progress = project.NumOf(50)
	noStart := project.Task{WBSID: "B", Level: 1, Name: "B", PlannedFinish: day(2026, 11, 6),
		PlannedEffort: project.NumOf(10), Progress: project.NumOf(50), ActualEffort: project.NumOf(3)}
	noFinish := project.Task{WBSID: "C", Level: 1, Name: "C", PlannedStart: day(2026, 11, 2),
		PlannedEffort: project.NumOf(10), Progress: project.NumOf(100)}
	neither := project.Task{WBSID: "D", Level: 1, Name: "D"}
	r := run(newConfig(), day(2026, 11, 20), a, noStart, noFinish, neither)
	// Only A counts: BAC 4, PV 4 (finished), EV 4 x 50 % = 2.
	checkFloat(t, "BAC", r.EVM.BAC, 4)
	checkFloat(t, "PV", r.EVM.PV, 4)
	checkFloat(t, "EV", r.EVM.EV, 2)
	// AC = Σ actual effort; unscheduled tasks are only left out of BAC, PV, EV.
	checkFloat(t, "AC", r.EVM.AC, 3)
	// CPI is over scheduled tasks with an actual effort: there are none.
	checkRatio(t, "CPI", r.EVM.CPI, nil)
	if r.EVM.Unscheduled != 3 || r.Tasks.Unscheduled != 3 {
		t.Errorf("unscheduled: EVM %d, Tasks %d, want 3 and 3", r.EVM.Unscheduled, r.Tasks.Unscheduled)
	}
}

func TestProgressInEV(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		progress *float64
		status   project.TaskStatus
		want     float64 // EV of a task weighing 10
	}{
		{"as written", num(35), project.InProgress, 3.5},
		{"over 100 clamped", num(150), project.InProgress, 10},
		{"negative clamped", num(-20), project.InProgress, 0},
		{"done without progress counts 100", nil, project.Done, 10},
		{"in progress without progress counts 0", nil, project.InProgress, 0},
		{"no status, no progress", nil, project.NoTaskStatus, 0},
		{"on hold without progress", nil, project.OnHold, 0},
		{"done with progress written", num(40), project.Done, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			task := span("1", day(2026, 11, 2), day(2026, 11, 6), project.NumOf(10))
			task.Progress, task.Status = project.NumFrom(tt.progress), tt.status
			r := run(newConfig(), day(2026, 11, 20), task)
			checkFloat(t, "EV", r.EVM.EV, tt.want)
			checkFloat(t, "actual %", r.Progress.Actual, tt.want*10)
		})
	}
}

func TestCancelledLeftOut(t *testing.T) {
	t.Parallel()
	a := span("A", day(2026, 11, 2), day(2026, 11, 6), project.NumOf(4))
	a.Progress, a.ActualEffort = project.NumOf(50), project.NumOf(2)
	x := span("X", day(2026, 11, 2), day(2026, 11, 6), project.NumOf(100))
	x.Progress, x.ActualEffort, x.Status = project.NumOf(10), project.NumOf(50), project.Cancelled
	y := project.Task{WBSID: "Y", Level: 1, Name: "Y", Status: project.Cancelled} // no dates
	r := run(newConfig(), day(2026, 11, 20), a, x, y)
	checkFloat(t, "BAC", r.EVM.BAC, 4)
	checkFloat(t, "PV", r.EVM.PV, 4)
	checkFloat(t, "EV", r.EVM.EV, 2)
	checkFloat(t, "AC", r.EVM.AC, 2)
	checkRatio(t, "CPI", r.EVM.CPI, num(1)) // 2 / 2
	if r.EVM.Unscheduled != 0 || r.Tasks.Unscheduled != 0 {
		t.Errorf("a cancelled task without dates counted as unscheduled: %d, %d", r.EVM.Unscheduled, r.Tasks.Unscheduled)
	}
	// A (50 %, finished 11-6) is late; X, cancelled, is not.
	if r.Tasks.Late != 1 || len(r.Tasks.LateIDs) != 1 || r.Tasks.LateIDs[0] != "A" {
		t.Errorf("late = %d %v, want 1 [A]: cancelled tasks are never late", r.Tasks.Late, r.Tasks.LateIDs)
	}
}

func TestActualCostAndMoney(t *testing.T) {
	t.Parallel()
	a := span("A", day(2026, 11, 2), day(2026, 11, 6), project.NumOf(10))
	a.Progress, a.ActualEffort = project.NumOf(50), project.NumOf(4)
	b := span("B", day(2026, 11, 9), day(2026, 11, 13), project.NumOf(10))
	b.Progress = project.NumOf(100)
	c := project.Task{WBSID: "C", Level: 1, Name: "C", ActualEffort: project.NumOf(3)} // unscheduled
	cfg := newConfig()
	cfg.Project.CostPerDay, cfg.Project.Currency = 50000, "JPY"
	// As of Wed 11-11: A planned in full (10), B 3 of 5 days (6): PV 16.
	r := run(cfg, day(2026, 11, 11), a, b, c)
	checkFloat(t, "BAC", r.EVM.BAC, 20)
	checkFloat(t, "PV", r.EVM.PV, 16)
	checkFloat(t, "EV", r.EVM.EV, 15) // 10 x 50 % + 10 x 100 %
	checkFloat(t, "AC", r.EVM.AC, 7)  // 4 + 3
	checkRatio(t, "SPI", r.EVM.SPI, num(15.0/16))
	// CPI over scheduled tasks with actual effort: only A, 5 / 4.
	checkRatio(t, "CPI", r.EVM.CPI, num(1.25))
	checkFloat(t, "planned %", r.Progress.Planned, 80) // 16 / 20
	checkFloat(t, "actual %", r.Progress.Actual, 75)   // 15 / 20
	m := r.Money
	if m == nil {
		t.Fatal("Money is nil with cost_per_day set")
	}
	checkFloat(t, "money BAC", m.BAC, 1_000_000)
	checkFloat(t, "money PV", m.PV, 800_000)
	checkFloat(t, "money EV", m.EV, 750_000)
	checkFloat(t, "money AC", m.AC, 350_000)
	checkRatio(t, "EAC", m.EAC, num(800_000)) // 1,000,000 / 1.25
	if m.Currency != "JPY" {
		t.Errorf("currency %q", m.Currency)
	}

	t.Run("no cost_per_day: no money", func(t *testing.T) {
		t.Parallel()
		if r := run(newConfig(), day(2026, 11, 11), a, b, c); r.Money != nil {
			t.Errorf("Money = %+v without cost_per_day", r.Money)
		}
	})
	t.Run("zero actual effort: CPI null", func(t *testing.T) {
		t.Parallel()
		z := a
		z.ActualEffort = project.NumOf(0)
		r := run(newConfig(), day(2026, 11, 11), z)
		checkRatio(t, "CPI", r.EVM.CPI, nil)
	})
	t.Run("no actual effort anywhere: CPI null", func(t *testing.T) {
		t.Parallel()
		r := run(newConfig(), day(2026, 11, 11), b)
		checkRatio(t, "CPI", r.EVM.CPI, nil)
	})
}
