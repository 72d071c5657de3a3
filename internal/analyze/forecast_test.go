package analyze_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/project"
)

// TestEarnedSchedulePublishedExample checks Earned Schedule against a
// published worked example: the PM PrepCast exam question "A project was
// planned to take 5 months. The team is currently 3 months into it and has
// completed half of the work" (project-management-prepcast.com, PMP exam
// discussion 9649), whose published answer is SV(t) = −0.5 months and
// SPI(t) = 0.83 — the plan being linear, 20 % a month. The formula is
// Lipke's (Schedule is Different, The Measurable News, March 2003; PMI
// Practice Standard for EVM, 2nd ed., Appendix D): ES = C + (EV − PV_C) /
// (PV_C+1 − PV_C). IEAC(t) = PD / SPI(t) = 6 months.
func TestEarnedSchedulePublishedExample(t *testing.T) {
	t.Parallel()
	pv := []float64{20, 40, 60, 80, 100} // cumulative, % of BAC, months 1..5
	es := analyze.EarnedSchedule(pv, 50)
	at, pd := 3.0, 5.0
	spit := es / at
	if !within(es, 2.5, 0.01) || !within(es-at, -0.5, 0.01) || !within(spit, 0.83, 0.01) || !within(pd/spit, 6, 0.01) {
		t.Errorf("ES %.3f SV(t) %.3f SPI(t) %.3f IEAC(t) %.3f, want 2.5 -0.5 0.83 6", es, es-at, spit, pd/spit)
	}
}

func within(a, b, tol float64) bool { return a-b <= tol && b-a <= tol }

// TestEarnedScheduleEdges covers the ends of the curve and flat stretches
// (periods that plan nothing, such as a holiday week).
func TestEarnedScheduleEdges(t *testing.T) {
	t.Parallel()
	pv := []float64{10, 30, 30, 30, 60, 100}
	for _, tc := range []struct {
		ev, want float64
	}{
		{0, 0},
		{5, 0.5},           // half the first period
		{10, 1},            // exactly PV_1
		{30, 4},            // a flat stretch is earned whole: EV has reached PV_2..PV_4
		{45, 4.5},          // 4 + (45-30)/(60-30)
		{100, 6}, {120, 6}, // all earned; never past the plan
		{99, 5 + 39.0/40}, // 5 + (99-60)/(100-60)
	} {
		if got := analyze.EarnedSchedule(pv, tc.ev); !within(got, tc.want, 1e-9) {
			t.Errorf("ES(EV %g) = %g, want %g", tc.ev, got, tc.want)
		}
	}
	if got := analyze.EarnedSchedule(nil, 5); got != 0 {
		t.Errorf("ES of no plan = %g", got)
	}
}

// TestForecastOnWorkingCalendar runs Earned Schedule over Golden Week: a
// task planned 2026-04-27..05-08 has 6 working days (4/29 and 5/4-5/6 are
// holidays, 5/2-5/3 a weekend). At 05-07 it is half done: EV 3 of 6, PV 5.
// AT = 5 working days; PV reaches 3 at the end of day 3, so ES = 3,
// SPI(t) = 0.6, SV(t) = −2, IEAC(t) = 6 / 0.6 = 10 working days: the 10th
// working day from 4/27 is 5/14, 4 working days after the planned 5/8.
func TestForecastOnWorkingCalendar(t *testing.T) {
	t.Parallel()
	a := span("A", day(2026, 4, 27), day(2026, 5, 8), project.NumOf(6))
	a.Progress = project.NumOf(50)
	f := run(newConfig(), day(2026, 5, 7), a).Forecast
	if f.PD != 6 || f.AT != 5 || f.ES == nil || !near(*f.ES, 3) {
		t.Fatalf("PD %d AT %d ES %v, want 6 5 3", f.PD, f.AT, f.ES)
	}
	checkRatio(t, "SPI(t)", f.SPIt, num(0.6))
	checkRatio(t, "SV(t)", f.SVt, num(-2))
	checkRatio(t, "IEAC(t)", f.IEACt, num(10))
	if f.Finish != day(2026, 5, 14) || f.SlipDays == nil || *f.SlipDays != 4 {
		t.Errorf("forecast finish %s slip %v, want 2026-05-14 4", f.Finish, f.SlipDays)
	}
	// Without actual effort the cost forecasts are unknown, not zero.
	if f.CV != nil || f.ETC != nil || f.EAC != nil || f.VAC != nil {
		t.Errorf("cost forecasts without actuals: %+v", f)
	}
	checkRatio(t, "TCPI", f.TCPI, num(0.5)) // (6-3)/(6-0)
	checkFloat(t, "SV", f.SV, -2)
}

// TestForecastNothingPlannedYet: before the first planned start there is no
// actual time, so no SPI(t) and no forecast finish.
func TestForecastNothingPlannedYet(t *testing.T) {
	t.Parallel()
	a := span("A", day(2026, 6, 1), day(2026, 6, 5), project.NumOf(5))
	f := run(newConfig(), day(2026, 5, 29), a).Forecast
	if f.AT != 0 || f.SPIt != nil || f.IEACt != nil || !f.Finish.IsZero() {
		t.Errorf("before the start: AT %d SPI(t) %v IEAC(t) %v finish %s", f.AT, f.SPIt, f.IEACt, f.Finish)
	}
}

// TestSourceBaseline: a baseline the source saved itself (MS Project's
// Baseline start/finish/work) is what later plans are compared with, with
// or without pmo's own history.
func TestSourceBaseline(t *testing.T) {
	t.Parallel()
	a := span("A", day(2026, 6, 1), day(2026, 6, 12), project.NumOf(10))
	a.Baseline = &project.Baseline{Start: day(2026, 6, 1), Finish: day(2026, 6, 5), Effort: num(8)}
	b := span("B", day(2026, 6, 15), day(2026, 6, 19), project.NumOf(5)) // added after the baseline
	r := run(newConfig(), day(2026, 6, 3), a, b)
	d := r.Baseline
	if d == nil || d.Name != analyze.SourceBaselineName {
		t.Fatalf("baseline %+v, want the source's", d)
	}
	// A's finish 6/5 -> 6/12: 5 working days later; the project's last
	// planned finish 6/5 -> 6/19: 10 working days.
	if len(d.Slipped) != 1 || d.Slipped[0].Days != 5 || d.FinishVariance != 10 || d.Added != 1 || d.Removed != nil {
		t.Errorf("baseline diff %+v", d)
	}
	// BAC: the saved work of the baselined task; B has no baseline.
	if d.BACBefore != 8 || d.BACNow != 15 {
		t.Errorf("BAC %g -> %g, want 8 -> 15", d.BACBefore, d.BACNow)
	}
}
