package analyze_test

import (
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/project"
)

// Hand-computed: as of Wed 11/18.
//
//	case  planned  executed  result
//	1     11/16    11/16     OK
//	2     11/16    11/17     NG
//	3     11/17    -         保留
//	4     11/17    11/17     OK
//	5     11/19    -         未実施
//	6     -        -         OK (no executed date: counted on 11/18)
//
// Curve (planned, executed, passed): 11/16 (2,1,1), 11/17 (4,3,2),
// 11/18 (4,4,3), 11/19 (5,4,3). As of 11/18: planned 4, executed 4,
// progress 1.0 → green.
func TestTestCurveCases(t *testing.T) {
	t.Parallel()
	asOf := day(2026, 11, 18)
	cases := []project.TestCase{
		{ID: "1", PlannedOn: day(2026, 11, 16), ExecutedOn: day(2026, 11, 16), Result: project.TestPass},
		{ID: "2", PlannedOn: day(2026, 11, 16), ExecutedOn: day(2026, 11, 17), Result: project.TestFail},
		{ID: "3", PlannedOn: day(2026, 11, 17), Result: project.TestBlocked},
		{ID: "4", PlannedOn: day(2026, 11, 17), ExecutedOn: day(2026, 11, 17), Result: project.TestPass},
		{ID: "5", PlannedOn: day(2026, 11, 19), Result: project.TestNotRun},
		{ID: "6", Result: project.TestPass},
	}
	r := analyzeWith(newConfig(), asOf, func(in *analyze.Input) { in.Tests, in.HasTests = cases, true })
	ts := r.Tests
	want := []analyze.TestPoint{
		{Day: day(2026, 11, 16), Planned: 2, Executed: 1, Passed: 1},
		{Day: day(2026, 11, 17), Planned: 4, Executed: 3, Passed: 2},
		{Day: day(2026, 11, 18), Planned: 4, Executed: 4, Passed: 3},
		{Day: day(2026, 11, 19), Planned: 5, Executed: 4, Passed: 3},
	}
	if len(ts.Curve) != len(want) {
		t.Fatalf("curve %+v", ts.Curve)
	}
	for i := range want {
		if ts.Curve[i] != want[i] {
			t.Errorf("point %d = %+v, want %+v", i, ts.Curve[i], want[i])
		}
	}
	if ts.Planned != 4 || ts.Executed != 4 || ts.Passed != 3 || ts.Failed != 1 || ts.Blocked != 1 || ts.Undated != 1 || ts.Total != 6 {
		t.Errorf("stats %+v", ts)
	}
	if r.RAG.Dimensions["tests"] != analyze.Green {
		t.Errorf("tests RAG %s", r.RAG.Dimensions["tests"])
	}
}

// A tally of running totals gives the same curve as its per-day form;
// passed is executed less failed when there is no OK column. As of 11/17
// executed 7 of planned 10 = 0.70 < 0.85 → red.
func TestTestCurveTally(t *testing.T) {
	t.Parallel()
	n := func(v float64) *float64 { return &v }
	perDay := []project.TestDay{
		{Day: day(2026, 11, 16), Planned: n(5), Executed: n(3), Failed: n(1)},
		{Day: day(2026, 11, 17), Planned: n(5), Executed: n(4), Failed: n(0)},
		{Day: day(2026, 11, 18), Planned: n(5)},
	}
	cumulative := []project.TestDay{
		{Day: day(2026, 11, 16), Planned: n(5), Executed: n(3), Failed: n(1), Cumulative: true},
		{Day: day(2026, 11, 17), Planned: n(10), Executed: n(7), Failed: n(1), Cumulative: true},
		{Day: day(2026, 11, 18), Planned: n(15), Cumulative: true},
	}
	want := []analyze.TestPoint{
		{Day: day(2026, 11, 16), Planned: 5, Executed: 3, Passed: 2},
		{Day: day(2026, 11, 17), Planned: 10, Executed: 7, Passed: 6},
		{Day: day(2026, 11, 18), Planned: 15, Executed: 7, Passed: 6},
	}
	for name, days := range map[string][]project.TestDay{"per day": perDay, "cumulative": cumulative} {
		r := analyzeWith(newConfig(), day(2026, 11, 17), func(in *analyze.Input) { in.TestDays, in.HasTests = days, true })
		ts := r.Tests
		if len(ts.Curve) != 3 {
			t.Fatalf("%s: curve %+v", name, ts.Curve)
		}
		for i := range want {
			if ts.Curve[i] != want[i] {
				t.Errorf("%s: point %d = %+v, want %+v", name, i, ts.Curve[i], want[i])
			}
		}
		if ts.Total != 15 || ts.Progress == nil || *ts.Progress != 0.7 || r.RAG.Dimensions["tests"] != analyze.Red {
			t.Errorf("%s: total %d progress %v rag %s", name, ts.Total, ts.Progress, r.RAG.Dimensions["tests"])
		}
	}
	if r := analyzeWith(newConfig(), day(2026, 11, 17), func(*analyze.Input) {}); r.Tests != nil || r.RAG.Dimensions["tests"] != "" {
		t.Error("a project without tests has a tests dimension")
	}
}

// Hand-computed: as of Fri 11/20, weeks end 10/30, 11/6, 11/13, 11/20.
//
//	found per week  2 5 4 2   fixed per week 0 3 4 3
//
// The last three weeks: found 5 → 4 → 2 falls; fixed 3 < found 5 in the
// week ending 11/6, so not converging. With fixes of 5, 4 and 3 in those
// weeks it converges.
func TestDefectConvergence(t *testing.T) {
	t.Parallel()
	asOf := day(2026, 11, 20)
	mk := func(raised, closed [2]int, sev project.Priority) project.Issue {
		is := project.Issue{RaisedOn: day(2026, raisedMonth(raised), raised[1]), Priority: sev}
		if closed[0] != 0 {
			is.ClosedOn, is.Status = day(2026, raisedMonth(closed), closed[1]), project.Closed
		}
		return is
	}
	none := [2]int{}
	defects := []project.Issue{
		// week ending 10/30: found 2
		mk([2]int{10, 27}, [2]int{11, 2}, project.Medium), mk([2]int{10, 29}, [2]int{11, 4}, project.Low),
		// week ending 11/6: found 5; fixed 11/2, 11/4 and one more (11/5)
		mk([2]int{11, 2}, [2]int{11, 10}, project.High), mk([2]int{11, 3}, [2]int{11, 11}, project.High),
		mk([2]int{11, 4}, [2]int{11, 12}, project.High), mk([2]int{11, 5}, [2]int{11, 5}, project.Medium),
		mk([2]int{11, 6}, [2]int{11, 16}, project.Low),
		// week ending 11/13: found 4; fixed 11/10, 11/11, 11/12 and 11/12
		mk([2]int{11, 9}, [2]int{11, 17}, project.High), mk([2]int{11, 10}, [2]int{11, 18}, project.Low),
		mk([2]int{11, 11}, none, project.Medium), mk([2]int{11, 12}, [2]int{11, 12}, project.Low),
		// week ending 11/20: found 2; fixed 11/16, 11/17, 11/18
		mk([2]int{11, 17}, none, project.High), mk([2]int{11, 19}, none, project.Medium),
	}
	r := analyzeWith(newConfig(), asOf, func(in *analyze.Input) { in.Defects, in.HasDefects = defects, true })
	d := r.Defects
	wantFound, wantFixed := []int{2, 5, 4, 2}, []int{0, 3, 4, 3}
	if len(d.Weeks) != 4 {
		t.Fatalf("weeks %+v", d.Weeks)
	}
	for i, w := range d.Weeks {
		if w.Found != wantFound[i] || w.Fixed != wantFixed[i] || w.End != asOf.AddDays(-7*(3-i)) {
			t.Errorf("week %d = %+v, want found %d fixed %d", i, w, wantFound[i], wantFixed[i])
		}
	}
	if last := d.Weeks[3]; last.FoundTotal != 13 || last.FixedTotal != 10 {
		t.Errorf("totals %+v", last)
	}
	if d.Open != 3 || d.OpenBySeverity["high"] != 1 || d.OpenBySeverity["medium"] != 2 {
		t.Errorf("open %d by severity %v", d.Open, d.OpenBySeverity)
	}
	if !d.FoundFalling || d.FixedKeepsUp || d.Converging == nil || *d.Converging {
		t.Errorf("falling %v keeps up %v converging %v", d.FoundFalling, d.FixedKeepsUp, d.Converging)
	}
	// Fixed earlier: 5, 4 and 3 in the last three weeks, each ≥ found.
	defects[2].ClosedOn, defects[3].ClosedOn = day(2026, 11, 6), day(2026, 11, 6)
	defects[6].ClosedOn, defects[7].ClosedOn = day(2026, 11, 13), day(2026, 11, 13)
	defects[9].ClosedOn, defects[9].Status = day(2026, 11, 19), project.Closed
	defects[11].ClosedOn, defects[11].Status = day(2026, 11, 20), project.Closed
	r = analyzeWith(newConfig(), asOf, func(in *analyze.Input) { in.Defects, in.HasDefects = defects, true })
	if d := r.Defects; d.Converging == nil || !*d.Converging {
		t.Errorf("not converging: %+v", d.Weeks)
	}
	// Fewer than three weeks: not judged.
	r = analyzeWith(newConfig(), asOf, func(in *analyze.Input) { in.Defects, in.HasDefects = defects[11:], true })
	if r.Defects.Converging != nil {
		t.Errorf("judged on %d weeks", len(r.Defects.Weeks))
	}
}

func raisedMonth(d [2]int) time.Month { return time.Month(d[0]) }
