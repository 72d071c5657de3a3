package analyze_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/project"
)

// TestWorkloadRemainingWork pins the workload definition on a case worked
// by hand, as of Friday 2026-11-20 (Monday 11-23 is 勤労感謝の日):
//   - A (佐藤 alone): 11/2–11/13, 9 pd, 40 %: late, 9 × 0.6 = 5.4 pd left,
//     all of it in the status week (from 11/16) as overdue load, over the
//     week's 5 pd;
//   - B (鈴木 and 田中): 11/16–11/27, 8 pd, 50 %: 4 pd left, 2 each over
//     the working days after the status date (11/24–27): 2.0 each in the
//     week of 11/23;
//   - C (田中): 11/19–12/2 with no effort: 9 planned working days at one
//     person-day each, 0 %, so 9 pd over the 7 working days after 11/20:
//     4 × 9/7 in the week of 11/23 and 3 × 9/7 in the week of 11/30;
//   - D (佐藤): done — nothing.
func TestWorkloadRemainingWork(t *testing.T) {
	t.Parallel()
	task := func(id string, from, to date.Date, effort *float64, progress float64, who ...string) project.Task {
		s := span(id, from, to, project.NumFrom(effort))
		s.Progress, s.Assignee = project.NumOf(progress), project.NamesOf(who)
		return s
	}
	tasks := []project.Task{
		task("A", day(2026, 11, 2), day(2026, 11, 13), num(9), 40, "佐藤"),
		task("B", day(2026, 11, 16), day(2026, 11, 27), num(8), 50, "鈴木", "田中"),
		task("C", day(2026, 11, 19), day(2026, 12, 2), nil, 0, "田中"),
		task("D", day(2026, 11, 2), day(2026, 11, 6), num(3), 100, "佐藤"),
	}
	wl := run(newConfig(), day(2026, 11, 20), tasks...).Workload
	weeks := []date.Date{day(2026, 11, 16), day(2026, 11, 23), day(2026, 11, 30)}
	if !slices.Equal(wl.Weeks, weeks) {
		t.Fatalf("weeks %v, want %v", wl.Weeks, weeks)
	}
	if !slices.Equal(wl.People, []string{"佐藤", "田中", "鈴木"}) {
		t.Fatalf("people %v", wl.People)
	}
	want := map[string][]float64{
		"佐藤": {5.4, 0, 0},
		"田中": {0, 2 + 4*9.0/7, 3 * 9.0 / 7},
		"鈴木": {0, 2, 0},
	}
	for i, p := range wl.People {
		for j := range weeks {
			checkFloat(t, p+" "+weeks[j].String(), wl.Load[i][j], want[p][j])
		}
	}
	checkFloat(t, "佐藤 overdue", wl.Overdue[0], 5.4)
	checkFloat(t, "田中 overdue", wl.Overdue[1], 0)
	// Over capacity: 佐藤 5.4 > 5 in the status week (all overdue); 田中
	// 7.14 > 4 in the week with the holiday.
	got := map[string]analyze.WorkloadCell{}
	for _, c := range wl.Over {
		got[c.Person+" "+c.Week.String()] = c
	}
	if len(got) != 2 {
		t.Fatalf("over capacity %+v, want 佐藤 11-16 and 田中 11-23", wl.Over)
	}
	if c := got["佐藤 2026-11-16"]; math.Abs(c.Overdue-5.4) > 1e-9 || c.Capacity != 5 {
		t.Errorf("佐藤: %+v", c)
	}
	if c := got["田中 2026-11-23"]; c.Capacity != 4 {
		t.Errorf("田中: %+v", c)
	}
}

// TestIssueAge pins that a closed issue stops ageing at its closed date,
// and that a closed issue with no closed date has no known age.
func TestIssueAge(t *testing.T) {
	t.Parallel()
	asOf := day(2026, 11, 20)
	tests := []struct {
		name string
		is   project.Issue
		want int // -1: nil
	}{
		{"open", project.Issue{Status: project.Open, RaisedOn: day(2026, 11, 1)}, 19},
		{"closed", project.Issue{Status: project.Closed, RaisedOn: day(2026, 11, 1), ClosedOn: day(2026, 11, 11)}, 10},
		{"resolved after the status date", project.Issue{Status: project.Resolved, RaisedOn: day(2026, 11, 1), ClosedOn: day(2026, 12, 1)}, 19},
		{"closed, no date", project.Issue{Status: project.Closed, RaisedOn: day(2026, 11, 1)}, -1},
		{"no raised date", project.Issue{Status: project.Open}, -1},
		{"raised later", project.Issue{Status: project.Open, RaisedOn: day(2026, 12, 1)}, -1},
	}
	for _, tt := range tests {
		got := analyze.IssueAge(&tt.is, asOf)
		switch {
		case tt.want < 0 && got != nil:
			t.Errorf("%s: age %d, want none", tt.name, *got)
		case tt.want >= 0 && (got == nil || *got != tt.want):
			t.Errorf("%s: age %v, want %d", tt.name, got, tt.want)
		}
	}
}

// TestMilestoneRowIsNotWork pins that a WBS milestone row is a milestone:
// no weight in BAC or in its phase, not a late or behind task, not a leaf
// in the counts — and still missed when its date passed undone.
func TestMilestoneRowIsNotWork(t *testing.T) {
	t.Parallel()
	phase := project.Task{WBSID: "1", Level: 1, Name: "設計", Summary: true}
	work := span("1.1", day(2026, 11, 2), day(2026, 11, 6), project.NumOf(5))
	work.Level, work.Progress = 2, project.NumOf(100)
	ms := span("1.2", day(2026, 11, 9), day(2026, 11, 9), project.Num{})
	ms.Level, ms.Name, ms.Milestone, ms.Progress = 2, "設計レビュー", true, project.NumOf(0)
	r := run(newConfig(), day(2026, 11, 20), phase, work, ms)
	checkFloat(t, "BAC", r.EVM.BAC, 5)
	checkFloat(t, "EV", r.EVM.EV, 5)
	if r.Tasks.Leaf != 1 || r.Tasks.Late != 0 || r.Tasks.Behind != 0 {
		t.Errorf("leaf %d, late %d, behind %d; want 1, 0, 0", r.Tasks.Leaf, r.Tasks.Late, r.Tasks.Behind)
	}
	if p := r.Rolled[0].Progress; !p.OK() || p.Val() != 100 {
		t.Errorf("phase progress %v, want 100 (the milestone is not work)", p)
	}
	if len(r.Milestones) != 1 || r.Milestones[0].Status != analyze.MilestoneMissed {
		t.Errorf("milestones %+v, want 設計レビュー missed", r.Milestones)
	}
	if r.Coverage.LeafTasks != 1 {
		t.Errorf("coverage counts %d leaf tasks, want 1", r.Coverage.LeafTasks)
	}
}

// TestZeroActualEffort: a started task whose actual effort reads 0 is left
// out of CPI (it would inflate it) and reported at its cell.
func TestZeroActualEffort(t *testing.T) {
	t.Parallel()
	a := span("A", day(2026, 11, 2), day(2026, 11, 13), project.NumOf(10))
	a.Progress, a.ActualEffort = project.NumOf(50), project.NumOf(5)
	b := span("B", day(2026, 11, 2), day(2026, 11, 13), project.NumOf(10))
	b.Progress, b.ActualEffort = project.NumOf(50), project.NumOf(0)
	c := span("C", day(2026, 12, 1), day(2026, 12, 4), project.NumOf(4))
	c.Progress, c.ActualEffort = project.NumOf(0), project.NumOf(0) // not started: 0 is right
	r := run(newConfig(), day(2026, 11, 20), a, b, c)
	if r.EVM.CPI == nil {
		t.Fatal("CPI null")
	}
	// EV with actuals 5 (A and C) over AC 5: 1.0, not 10 / 5 = 2.
	checkFloat(t, "CPI", *r.EVM.CPI, 1)
	n := 0
	for _, f := range r.Findings {
		if f.Rule == "actual-effort-zero" {
			n++
			if f.MessageJA == "" || !strings.Contains(f.Message, "task B") {
				t.Errorf("finding %+v", f)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d actual-effort-zero findings, want 1 (task B)", n)
	}
}

// TestWorkloadWeekendTask: a future task planned on days off only carries
// its work in its own week, not in the status week.
func TestWorkloadWeekendTask(t *testing.T) {
	t.Parallel()
	s := span("W", day(2026, 12, 5), day(2026, 12, 6), project.NumOf(2)) // Sat–Sun
	s.Assignee = project.NamesOf([]string{"佐藤"})
	wl := run(newConfig(), day(2026, 11, 20), s).Workload
	if !slices.Equal(wl.Weeks, []date.Date{day(2026, 11, 30)}) || wl.Load[0][0] != 2 || wl.Overdue[0] != 0 {
		t.Errorf("weeks %v load %v overdue %v; want 2 pd in the week of 11-30", wl.Weeks, wl.Load, wl.Overdue)
	}
}

// TestZeroActualEffortTinyProgress: a progress of 5e-324 % (a cell typed
// so) is shown short in the finding, not as 324 digits.
func TestZeroActualEffortTinyProgress(t *testing.T) {
	t.Parallel()
	b := span("B", day(2026, 11, 2), day(2026, 11, 13), project.NumOf(10))
	b.Progress, b.ActualEffort = project.NumOf(5e-324), project.NumOf(0)
	r := run(newConfig(), day(2026, 11, 20), b)
	for _, f := range r.Findings {
		if f.Rule == "actual-effort-zero" {
			if !strings.Contains(f.Message, "is 4.94066E-324% done") || !strings.Contains(f.MessageJA, "4.94066E-324") {
				t.Errorf("finding %q / %q, want the progress as 4.94066E-324", f.Message, f.MessageJA)
			}
			return
		}
	}
	t.Error("no actual-effort-zero finding")
}
