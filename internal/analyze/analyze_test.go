package analyze_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// Late, behind, milestones, roll-up and workload, against docs/definitions.md
// definitions. Helpers and the calendar facts are in evm_test.go.

func TestLate(t *testing.T) {
	t.Parallel()
	asOf := day(2026, 11, 20) // Friday
	tests := []struct {
		name string
		task project.Task
		late bool
	}{
		{"finish before status date, not done", project.Task{PlannedStart: day(2026, 11, 2), PlannedFinish: day(2026, 11, 19), Progress: project.NumOf(50)}, true},
		{"finish on the status date", project.Task{PlannedStart: day(2026, 11, 2), PlannedFinish: asOf, Progress: project.NumOf(50)}, false},
		{"done", project.Task{PlannedStart: day(2026, 11, 2), PlannedFinish: day(2026, 11, 10), Status: project.Done}, false},
		{"100 %", project.Task{PlannedStart: day(2026, 11, 2), PlannedFinish: day(2026, 11, 10), Progress: project.NumOf(100)}, false},
		{"cancelled", project.Task{PlannedStart: day(2026, 11, 2), PlannedFinish: day(2026, 11, 10), Status: project.Cancelled}, false},
		{"on hold", project.Task{PlannedStart: day(2026, 11, 2), PlannedFinish: day(2026, 11, 10), Status: project.OnHold}, true},
		// Late needs only a planned finish before the status date; the
		// missing start makes the task unscheduled for EVM only.
		{"planned finish only", project.Task{PlannedFinish: day(2026, 11, 10), Progress: project.NumOf(50)}, true},
		{"no dates", project.Task{Progress: project.NumOf(50)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			task := tt.task
			task.WBSID, task.Level, task.Name = "1.1", 1, "設計"
			r := run(newConfig(), asOf, task)
			if got := r.Tasks.Late == 1; got != tt.late {
				t.Errorf("late = %v (count %d), want %v", got, r.Tasks.Late, tt.late)
			}
			if tt.late && !slices.Equal(r.Tasks.LateIDs, []string{"1.1"}) {
				t.Errorf("late IDs %v, want [1.1]", r.Tasks.LateIDs)
			}
		})
	}
	t.Run("late ID falls back to the name", func(t *testing.T) {
		t.Parallel()
		r := run(newConfig(), asOf, project.Task{Level: 1, Name: "基本設計", PlannedStart: day(2026, 11, 2), PlannedFinish: day(2026, 11, 6)})
		if !slices.Equal(r.Tasks.LateIDs, []string{"基本設計"}) {
			t.Errorf("late IDs %v, want [基本設計]", r.Tasks.LateIDs)
		}
	})
}

// TestDaysLate reads "days late count working days" as the working days
// after the planned finish up to and including the status date — the same
// inclusive status date as PV — so the count grows by one each working day.
func TestDaysLate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		finish, asOf date.Date
		want         int
	}{
		{"Thu due, Fri status", day(2026, 11, 5), day(2026, 11, 6), 1},
		{"Fri due, Mon status", day(2026, 11, 6), day(2026, 11, 9), 1},
		{"Fri due, Tue status", day(2026, 11, 6), day(2026, 11, 10), 2},
		{"Fri due, next Fri status", day(2026, 11, 6), day(2026, 11, 13), 5},
		// 11-23 勤労感謝の日 does not count.
		{"Fri due, Tue after holiday", day(2026, 11, 20), day(2026, 11, 24), 1},
		{"Fri due, Wed after holiday", day(2026, 11, 20), day(2026, 11, 25), 2},
		// 文化の日 11-3 inside the gap.
		{"Mon due, Wed status over 文化の日", day(2026, 11, 2), day(2026, 11, 4), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			task := span("1", day(2026, 10, 1), tt.finish, project.NumOf(5))
			r := run(newConfig(), tt.asOf, task)
			if len(r.Tasks.LateTasks) != 1 {
				t.Fatalf("late tasks %v, want 1", r.Tasks.LateTasks)
			}
			if got := r.Tasks.LateTasks[0].DaysLate; got != tt.want {
				t.Errorf("days late = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestBehind(t *testing.T) {
	t.Parallel()
	// 11-9..11-20: 10 working days; as of Fri 11-13, 5 done: planned 50 %.
	tests := []struct {
		name     string
		progress *float64
		status   project.TaskStatus
		points   float64 // behind_points; 0 keeps the default 10
		behind   bool
	}{
		{"exactly 10 points behind", num(40), project.NoTaskStatus, 0, false},
		{"10.5 points behind", num(39.5), project.NoTaskStatus, 0, true},
		{"ahead", num(60), project.NoTaskStatus, 0, false},
		{"no progress written", nil, project.InProgress, 0, true},
		{"done without progress", nil, project.Done, 0, false},
		{"behind_points 5: 6 behind", num(44), project.NoTaskStatus, 5, true},
		{"behind_points 5: exactly 5 behind", num(45), project.NoTaskStatus, 5, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg := newConfig()
			if tt.points > 0 {
				cfg.Thresholds.BehindPoints = tt.points
			}
			task := span("1", day(2026, 11, 9), day(2026, 11, 20), project.NumOf(10))
			task.Progress, task.Status = project.NumFrom(tt.progress), tt.status
			r := run(cfg, day(2026, 11, 13), task)
			if got := r.Tasks.Behind == 1; got != tt.behind {
				t.Errorf("behind = %v (count %d), want %v", got, r.Tasks.Behind, tt.behind)
			}
			if r.Tasks.Late != 0 {
				t.Errorf("late = %d; the task finishes after the status date", r.Tasks.Late)
			}
		})
	}
}

func milestone(t *testing.T, r *analyze.Result, name string) analyze.Milestone {
	t.Helper()
	for _, m := range r.Milestones {
		if m.Name == name {
			return m
		}
	}
	t.Fatalf("milestone %q not in %+v", name, r.Milestones)
	return analyze.Milestone{}
}

func TestMilestones(t *testing.T) {
	t.Parallel()
	asOf := day(2026, 11, 20)
	// A WBS with a finished phase and an unfinished one.
	wbs := func(late bool) []project.Task {
		design := span("2.1", day(2026, 11, 9), day(2026, 11, 27), project.NumOf(5))
		if late {
			design.PlannedFinish = day(2026, 11, 18) // before the status date, 60 %
		}
		design.Level, design.Name, design.Progress = 2, "基本設計", project.NumOf(60)
		return []project.Task{
			{WBSID: "1", Level: 1, Name: "要件定義", Summary: true},
			{WBSID: "1.1", Level: 2, Name: "現行調査", PlannedStart: day(2026, 10, 1), PlannedFinish: day(2026, 10, 9), Status: project.Done},
			{WBSID: "1.2", Level: 2, Name: "要件整理", PlannedStart: day(2026, 10, 12), PlannedFinish: day(2026, 10, 30), Progress: project.NumOf(100)},
			{WBSID: "2", Level: 1, Name: "設計", Summary: true},
			design,
			{WBSID: "2.2", Level: 2, Name: "設計レビュー", Milestone: true, PlannedStart: day(2026, 12, 10), PlannedFinish: day(2026, 12, 10)},
		}
	}
	tests := []struct {
		name string
		late bool // 2.1 late
		slip int
		ms   config.Milestone
		want analyze.MilestoneStatus
	}{
		{"marked done, date past", false, 0, config.Milestone{Name: "キックオフ", Date: day(2026, 10, 1), Done: true}, analyze.MilestoneDone},
		{"done via WBS ID", false, 0, config.Milestone{Name: "MS1", Date: day(2026, 10, 9), WBSID: "1.1"}, analyze.MilestoneDone},
		{"done via phase name 要件定義完了", false, 0, config.Milestone{Name: "要件定義完了", Date: day(2026, 10, 30)}, analyze.MilestoneDone},
		{"WBS ID not done, date past: missed", false, 0, config.Milestone{Name: "MS2", Date: day(2026, 11, 19), WBSID: "2.1"}, analyze.MilestoneMissed},
		{"phase 設計 not done, date past: missed", false, 0, config.Milestone{Name: "設計完了", Date: day(2026, 11, 19)}, analyze.MilestoneMissed},
		{"due on the status date: on track", false, 0, config.Milestone{Name: "設計完了", Date: asOf}, analyze.MilestoneOnTrack},
		{"3 days past, slip 3: not missed", false, 3, config.Milestone{Name: "設計完了", Date: day(2026, 11, 17)}, analyze.MilestoneOnTrack},
		{"4 days past, slip 3: missed", false, 3, config.Milestone{Name: "設計完了", Date: day(2026, 11, 16)}, analyze.MilestoneMissed},
		{"late task due before it: at risk", true, 0, config.Milestone{Name: "設計完了", Date: day(2026, 12, 1)}, analyze.MilestoneAtRisk},
		{"no late task: on track", false, 0, config.Milestone{Name: "設計完了", Date: day(2026, 12, 1)}, analyze.MilestoneOnTrack},
		{"done beats late tasks", true, 0, config.Milestone{Name: "要件定義完了", Date: day(2026, 12, 1)}, analyze.MilestoneDone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg := newConfig()
			cfg.Thresholds.MilestoneSlipDays = tt.slip
			cfg.Milestones = []config.Milestone{tt.ms}
			r := run(cfg, asOf, wbs(tt.late)...)
			if got := milestone(t, r, tt.ms.Name).Status; got != tt.want {
				t.Errorf("status = %s, want %s", got, tt.want)
			}
		})
	}
	t.Run("WBS milestone row", func(t *testing.T) {
		t.Parallel()
		for _, late := range []bool{false, true} {
			r := run(newConfig(), asOf, wbs(late)...)
			m := milestone(t, r, "設計レビュー")
			want := analyze.MilestoneOnTrack
			if late {
				want = analyze.MilestoneAtRisk // 2.1 was due 11-18, on or before 12-10
			}
			if m.Status != want || m.Date != day(2026, 12, 10) {
				t.Errorf("late=%v: %s %s, want %s 2026-12-10", late, m.Status, m.Date, want)
			}
		}
	})
}

func TestMilestoneStatusLevel(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		s    analyze.MilestoneStatus
		want analyze.Level
	}{
		{analyze.MilestoneMissed, analyze.Red},
		{analyze.MilestoneAtRisk, analyze.Amber},
		{analyze.MilestoneOnTrack, analyze.Green},
		{analyze.MilestoneDone, analyze.Green},
		{"", analyze.Green},
	} {
		t.Run(string(c.s), func(t *testing.T) {
			t.Parallel()
			if got := c.s.Level(); got != c.want {
				t.Errorf("%q.Level() = %s, want %s", c.s, got, c.want)
			}
		})
	}
}

// rollWBS is a phase of two leaves:
//
//	1.1 11-2..11-6  effort 4, 100 %, actual 11-2..11-6, 5 pd
//	1.2 11-9..11-13 effort 6,  50 %, actual from 11-10, 2 pd
//
// rolled up: 11-2..11-13, effort 10, actual 7, progress (4×100+6×50)/10 = 70.
func rollWBS(summary project.Task) []project.Task {
	summary.WBSID, summary.Level, summary.Name, summary.Summary = "1", 1, "要件定義", true
	// Children sit on the same sheet as their summary, rows below it.
	child := func(t project.Task, row int) project.Task {
		p := summary.Source()
		p.Row += row
		t.SetSource(p)
		return t
	}
	return []project.Task{summary,
		child(project.Task{WBSID: "1.1", Level: 2, Name: "現行調査", PlannedStart: day(2026, 11, 2), PlannedFinish: day(2026, 11, 6),
			PlannedEffort: project.NumOf(4), Progress: project.NumOf(100), ActualStart: day(2026, 11, 2), ActualFinish: day(2026, 11, 6), ActualEffort: project.NumOf(5)}, 1),
		child(project.Task{WBSID: "1.2", Level: 2, Name: "要件整理", PlannedStart: day(2026, 11, 9), PlannedFinish: day(2026, 11, 13),
			PlannedEffort: project.NumOf(6), Progress: project.NumOf(50), ActualStart: day(2026, 11, 10), ActualEffort: project.NumOf(2)}, 2),
	}
}

func checkRolled(t *testing.T, s project.Task, ps, pf, as, af date.Date, pe, ae, progress float64) {
	t.Helper()
	if s.PlannedStart != ps || s.PlannedFinish != pf || s.ActualStart != as || s.ActualFinish != af {
		t.Errorf("dates %s..%s actual %s..%s, want %s..%s actual %s..%s",
			s.PlannedStart, s.PlannedFinish, s.ActualStart, s.ActualFinish, ps, pf, as, af)
	}
	for _, c := range []struct {
		name string
		got  *float64
		want float64
	}{{"planned effort", s.PlannedEffort.Ptr(), pe}, {"actual effort", s.ActualEffort.Ptr(), ae}, {"progress", s.Progress.Ptr(), progress}} {
		if c.got == nil {
			t.Errorf("%s = nil, want %v", c.name, c.want)
		} else {
			checkFloat(t, c.name, *c.got, c.want)
		}
	}
}

func TestRollUp(t *testing.T) {
	t.Parallel()
	asOf := day(2026, 11, 20)
	t.Run("phase", func(t *testing.T) {
		t.Parallel()
		r := run(newConfig(), asOf, rollWBS(project.Task{})...)
		checkRolled(t, r.Rolled[0], day(2026, 11, 2), day(2026, 11, 13), day(2026, 11, 2), 0, 10, 7, 70)
		checkFloat(t, "BAC (leaves only)", r.EVM.BAC, 10)
		if n := len(r.Findings); n != 0 {
			t.Errorf("findings %v for a summary row without figures", r.Findings)
		}
	})
	t.Run("actual finish once every leaf has one", func(t *testing.T) {
		t.Parallel()
		ts := rollWBS(project.Task{})
		ts[2].ActualFinish = day(2026, 11, 12)
		r := run(newConfig(), asOf, ts...)
		checkRolled(t, r.Rolled[0], day(2026, 11, 2), day(2026, 11, 13), day(2026, 11, 2), day(2026, 11, 12), 10, 7, 70)
	})
	t.Run("progress weighted by working days when no effort", func(t *testing.T) {
		t.Parallel()
		ts := rollWBS(project.Task{})
		ts[1].PlannedEffort = project.Num{} // weight = 4 working days (11-3 文化の日)
		r := run(newConfig(), asOf, ts...)
		if p := r.Rolled[0].Progress; !p.OK() || !near(p.Val(), 70) {
			t.Errorf("progress %v, want (4×100+6×50)/10 = 70", p)
		}
	})
	t.Run("nested, from leaves", func(t *testing.T) {
		t.Parallel()
		// 1 > 1.1 (summary with stale own figures) > 1.1.1, 1.1.2; 1 > 1.2.
		ts := []project.Task{
			{WBSID: "1", Level: 1, Name: "開発", Summary: true},
			{WBSID: "1.1", Level: 2, Name: "機能A", Summary: true, PlannedStart: day(2026, 1, 5), PlannedEffort: project.NumOf(99), Progress: project.NumOf(0)},
			{WBSID: "1.1.1", Level: 3, Name: "製造", PlannedStart: day(2026, 11, 2), PlannedFinish: day(2026, 11, 6), PlannedEffort: project.NumOf(4), Progress: project.NumOf(100)},
			{WBSID: "1.1.2", Level: 3, Name: "単体テスト", PlannedStart: day(2026, 11, 9), PlannedFinish: day(2026, 11, 13), PlannedEffort: project.NumOf(6), Progress: project.NumOf(50)},
			{WBSID: "1.2", Level: 2, Name: "機能B", PlannedStart: day(2026, 11, 16), PlannedFinish: day(2026, 11, 20), PlannedEffort: project.NumOf(10), Progress: project.NumOf(0)},
		}
		r := run(newConfig(), asOf, ts...)
		// 1: 11-2..11-20, effort 20, (400+300+0)/20 = 35.
		s := r.Rolled[0]
		if s.PlannedStart != day(2026, 11, 2) || s.PlannedFinish != day(2026, 11, 20) ||
			!s.PlannedEffort.OK() || !near(s.PlannedEffort.Val(), 20) || !s.Progress.OK() || !near(s.Progress.Val(), 35) {
			t.Errorf("1 rolled to %s..%s effort %v progress %v, want 11-02..11-20, 20, 35",
				s.PlannedStart, s.PlannedFinish, s.PlannedEffort, s.Progress)
		}
		s = r.Rolled[1]
		if s.PlannedStart != day(2026, 11, 2) || s.PlannedFinish != day(2026, 11, 13) ||
			!s.PlannedEffort.OK() || !near(s.PlannedEffort.Val(), 10) || !s.Progress.OK() || !near(s.Progress.Val(), 70) {
			t.Errorf("1.1 rolled to %s..%s effort %v progress %v, want 11-02..11-13, 10, 70",
				s.PlannedStart, s.PlannedFinish, s.PlannedEffort, s.Progress)
		}
		checkFloat(t, "BAC (leaves only)", r.EVM.BAC, 20)
	})
}

func TestSummaryMismatch(t *testing.T) {
	t.Parallel()
	src := diag.Pos{File: "teams/基盤/WBS.xlsx", Sheet: "WBS", Row: 5}
	// Columns of the summary row: D start, E finish, F effort, G actual
	// effort, H progress.
	cols := map[string]int{"planned_start": 4, "planned_finish": 5, "planned_effort": 6, "actual_effort": 7, "progress": 8}
	tests := []struct {
		name string
		own  project.Task
		want []string // fields with a finding
	}{
		{"agrees", project.Task{PlannedStart: day(2026, 11, 2), PlannedFinish: day(2026, 11, 13), PlannedEffort: project.NumOf(10), ActualEffort: project.NumOf(7), Progress: project.NumOf(70)}, nil},
		{"starts later", project.Task{PlannedStart: day(2026, 11, 4)}, []string{"planned_start"}},
		{"finishes earlier", project.Task{PlannedFinish: day(2026, 11, 12)}, []string{"planned_finish"}},
		{"progress 10 off", project.Task{Progress: project.NumOf(60)}, []string{"progress"}},
		{"progress 5.1 off", project.Task{Progress: project.NumOf(64.9)}, []string{"progress"}},
		{"progress exactly 5 off", project.Task{Progress: project.NumOf(65)}, nil},
		{"progress 5 over", project.Task{Progress: project.NumOf(75)}, nil},
		{"another planned effort total", project.Task{PlannedEffort: project.NumOf(12)}, []string{"planned_effort"}},
		// "another effort total" covers the actual effort the roll-up sums too.
		{"another actual effort total", project.Task{ActualEffort: project.NumOf(9)}, []string{"actual_effort"}},
		{"everything off", project.Task{PlannedStart: day(2026, 11, 3), PlannedFinish: day(2026, 11, 10), PlannedEffort: project.NumOf(8), Progress: project.NumOf(20)},
			[]string{"planned_start", "planned_finish", "planned_effort", "progress"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			own := tt.own
			own.SetSource(src)
			for f, c := range cols {
				own.Cells.Set(f, 5, c)
			}
			r := run(newConfig(), day(2026, 11, 20), rollWBS(own)...)
			var got []diag.Pos
			for _, f := range r.Findings {
				if f.Rule == "summary-mismatch" {
					got = append(got, f.Pos)
				}
			}
			var want []diag.Pos
			for _, f := range tt.want {
				want = append(want, src.At(cols[f]))
			}
			slices.SortFunc(want, diag.Pos.Compare)
			slices.SortFunc(got, diag.Pos.Compare)
			if !slices.Equal(got, want) {
				t.Errorf("summary-mismatch at %v, want %v (findings %v)", got, want, r.Findings)
			}
		})
	}
}

func TestWorkload(t *testing.T) {
	t.Parallel()
	cfg := newConfig()
	cfg.Teams = []config.Team{{Name: "基盤", Members: []config.Member{{Name: "佐藤", Capacity: 3}, {Name: "鈴木"}}}}
	task := func(id string, who []string, start, finish date.Date, effort *float64) project.Task {
		t := span(id, start, finish, project.NumFrom(effort))
		t.Assignee = project.NamesOf(who)
		return t
	}
	done := task("D", []string{"鈴木"}, day(2026, 11, 2), day(2026, 11, 6), num(100))
	done.Status = project.Done
	cancelled := task("E", []string{"鈴木"}, day(2026, 11, 2), day(2026, 11, 6), num(100))
	cancelled.Status = project.Cancelled
	tasks := []project.Task{
		// 8 pd over 4 working days (11-3 off): 佐藤 8 in week 11-2.
		task("A", []string{"佐藤"}, day(2026, 11, 2), day(2026, 11, 6), num(8)),
		// No effort: 1 pd per working day = 10 pd over 10 days and two
		// people: 0.5 pd a day each, 2.5 a week each in weeks 11-9, 11-16.
		task("B", []string{"佐藤", "鈴木"}, day(2026, 11, 9), day(2026, 11, 20), nil),
		// 12 pd over 6 working days (11-16..20, 11-24; 11-23 off): 2 a day,
		// 鈴木 10 in week 11-16 and 2 in week 11-23.
		task("C", []string{"鈴木"}, day(2026, 11, 16), day(2026, 11, 24), num(12)),
		// Not a member: default capacity 5; 4 pd over 11-24..27 = 4 in week
		// 11-23, exactly its capacity 5 × 4/5.
		task("F", []string{"高橋"}, day(2026, 11, 23), day(2026, 11, 27), num(4)),
		done, cancelled,
	}
	r := run(cfg, day(2026, 10, 30), tasks...)
	wl := r.Workload
	weeks := []date.Date{day(2026, 11, 2), day(2026, 11, 9), day(2026, 11, 16), day(2026, 11, 23)}
	if !slices.Equal(wl.Weeks, weeks) {
		t.Fatalf("weeks %v, want %v", wl.Weeks, weeks)
	}
	want := map[string]struct{ load, capacity [4]float64 }{
		// 佐藤 capacity 3: 3×4/5 = 2.4 in the weeks of 11-3 and 11-23.
		"佐藤": {[4]float64{8, 2.5, 2.5, 0}, [4]float64{2.4, 3, 3, 2.4}},
		"鈴木": {[4]float64{0, 2.5, 12.5, 2}, [4]float64{4, 5, 5, 4}},
		"高橋": {[4]float64{0, 0, 0, 4}, [4]float64{4, 5, 5, 4}},
	}
	if len(wl.People) != 3 {
		t.Fatalf("people %v, want 佐藤, 鈴木, 高橋", wl.People)
	}
	for p, w := range want {
		i := slices.Index(wl.People, p)
		if i < 0 {
			t.Errorf("%s missing from %v", p, wl.People)
			continue
		}
		for j := range weeks {
			if !near(wl.Load[i][j], w.load[j]) || !near(wl.Capacity[i][j], w.capacity[j]) {
				t.Errorf("%s week %s: load %v / capacity %v, want %v / %v", p, weeks[j], wl.Load[i][j], wl.Capacity[i][j], w.load[j], w.capacity[j])
			}
		}
	}
	var over []string
	for _, c := range wl.Over {
		over = append(over, c.Person+" "+c.Week.String())
	}
	slices.Sort(over)
	if wantOver := []string{"佐藤 2026-11-02", "鈴木 2026-11-16"}; !slices.Equal(over, wantOver) {
		t.Errorf("over capacity %v, want %v", over, wantOver)
	}
}

// FuzzAnalyze builds a WBS from arbitrary bytes and checks invariants that
// hold whatever the sheets say: no panic, figures within their ranges,
// JSON encodable.
func FuzzAnalyze(f *testing.F) {
	f.Add([]byte{1, 0, 5, 10, 50, 0, 2, 1, 2, 3, 8, 4, 120, 1, 0, 0, 2, 200, 9, 0, 0, 3, 3, 0})
	f.Add([]byte{1, 255, 255, 0, 0, 4, 0, 0, 3, 1, 0, 0, 0, 2, 0, 0})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		base := day(2026, 10, 1)
		statuses := []project.TaskStatus{project.NoTaskStatus, project.NotStarted, project.InProgress, project.Done, project.OnHold, project.Cancelled}
		var tasks []project.Task
		for i := 0; i+8 <= len(b) && len(tasks) < 200; i += 8 {
			x := b[i : i+8]
			t := project.Task{WBSID: string(rune('A' + len(tasks)%26)), Level: 1 + int(x[0]%4), Name: "t",
				Status: statuses[int(x[5])%len(statuses)], Assignee: project.NamesOf([]string{"p" + string(rune('0'+x[6]%3))})}
			if x[1] != 255 {
				t.PlannedStart = base.AddDays(int(x[1]))
			}
			if x[2] != 255 {
				t.PlannedFinish = base.AddDays(int(x[1]) + int(x[2]) - 20)
			}
			if x[3] != 0 {
				t.PlannedEffort = project.NumOf(float64(int8(x[3])) / 2)
			}
			if x[4] != 0 {
				t.Progress = project.NumOf(float64(int8(x[4])) * 1.5)
			}
			if x[7]%2 == 1 {
				t.ActualEffort = project.NumOf(float64(x[7]) / 4)
			}
			t.Milestone = x[7]%5 == 0
			tasks = append(tasks, t)
		}
		for i := range tasks {
			tasks[i].Summary = i+1 < len(tasks) && tasks[i+1].Level > tasks[i].Level
		}
		cfg := newConfig()
		cfg.Milestones = []config.Milestone{{Name: "t完了", Date: base.AddDays(30)}}
		r := run(cfg, base.AddDays(int(len(b)%90)), tasks...)
		e := r.EVM
		if e.PV < -1e-9 || e.PV > e.BAC+1e-9 || e.EV < -1e-9 || e.EV > e.BAC+1e-9 {
			t.Errorf("PV %v, EV %v outside 0..BAC %v", e.PV, e.EV, e.BAC)
		}
		for _, p := range []float64{r.Progress.Planned, r.Progress.Actual} {
			if p < -1e-9 || p > 100+1e-9 {
				t.Errorf("progress %v outside 0..100", p)
			}
		}
		if (e.SPI == nil) != (e.PV == 0) {
			t.Errorf("SPI %v with PV %v", e.SPI, e.PV)
		}
		if r.Tasks.Late > r.Tasks.Leaf || r.Tasks.Behind > r.Tasks.Leaf || r.Tasks.Unscheduled != e.Unscheduled {
			t.Errorf("task counts %+v, EVM unscheduled %d", r.Tasks, e.Unscheduled)
		}
		if len(r.Rolled) != len(tasks) {
			t.Errorf("rolled %d tasks of %d", len(r.Rolled), len(tasks))
		}
		if _, err := json.Marshal(r); err != nil {
			t.Errorf("json: %v", err)
		}
	})
}

// TestOutlinePerSheet pins that a phase in one team's sheet never takes in
// the tasks of the next sheet, even when their levels continue.
func TestOutlinePerSheet(t *testing.T) {
	t.Parallel()
	a := diag.Pos{File: "a.csv", Row: 2, CSV: true}
	b := diag.Pos{File: "b.csv", Row: 2, CSV: true}
	tasks := []project.Task{
		{WBSID: "1", Level: 1, Name: "要件定義", Summary: true, Cells: project.SourceAt(a)},
		{WBSID: "1.1", Level: 2, Name: "調査", PlannedStart: day(2026, 11, 2), PlannedFinish: day(2026, 11, 6), Progress: project.NumOf(100), Cells: project.SourceAt(a)},
		{WBSID: "2.1", Level: 2, Name: "製造", PlannedStart: day(2026, 11, 9), PlannedFinish: day(2026, 11, 27), Progress: project.NumOf(10), Cells: project.SourceAt(b)},
	}
	r := run(newConfig(), day(2026, 11, 20), tasks...)
	if got := r.Rolled[0]; got.PlannedFinish != day(2026, 11, 6) || !got.Progress.OK() || got.Progress.Val() != 100 {
		t.Errorf("summary of a.csv took in b.csv's task: finish %s progress %v", got.PlannedFinish, got.Progress)
	}
}
