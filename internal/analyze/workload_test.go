package analyze_test

import (
	"math"
	"slices"
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
		s := span(id, from, to, effort)
		s.Progress, s.Assignee = num(progress), who
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
