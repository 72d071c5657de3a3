package analyze

import (
	"math"

	"github.com/pmokit/pmo/internal/calendar"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// summaryTolerance is how far (in progress points) a summary row's own
// progress may differ from its children's before it is a finding; sheets
// round.
const summaryTolerance = 5

// rollUp returns a copy of tasks in which every summary task takes its
// figures from the leaves below it: earliest start, latest finish, summed
// effort, weighted progress. A summary row whose own figures contradict
// its children is reported.
func rollUp(tasks []project.Task, cal *calendar.Calendar, fs *diag.Findings) []project.Task {
	out := make([]project.Task, len(tasks))
	copy(out, tasks)
	for i := range out {
		s := &out[i]
		if !s.Summary {
			continue
		}
		start, end := project.Descendants(out, i)
		if start == end {
			continue
		}
		own := tasks[i]
		var (
			ps, pf, as, af    date.Date
			pe, ae, wsum, wp  float64
			hasPE, hasAE      bool
			allDone, anyStart = true, false
			allFinished       = true
		)
		for j := start; j < end; j++ {
			t := &tasks[j]
			if t.Summary || t.Status == project.Cancelled {
				continue
			}
			ps = minDate(ps, t.PlannedStart)
			pf = maxDate(pf, t.PlannedFinish)
			as = minDate(as, t.ActualStart)
			af = maxDate(af, t.ActualFinish)
			if t.ActualFinish.IsZero() {
				allFinished = false
			}
			if t.PlannedEffort.OK() {
				pe += t.PlannedEffort.Val()
				hasPE = true
			}
			if t.ActualEffort.OK() {
				ae += t.ActualEffort.Val()
				hasAE = true
			}
			if !t.Milestone { // a milestone is a point in time, not work
				w := weight(t, cal)
				wsum += w
				wp += w * progressOf(t)
			}
			if !t.Complete() {
				allDone = false
			}
			if progressOf(t) > 0 || !t.ActualStart.IsZero() {
				anyStart = true
			}
		}
		s.PlannedStart, s.PlannedFinish, s.ActualStart = ps, pf, as
		s.ActualFinish = 0
		if allFinished {
			s.ActualFinish = af
		}
		s.PlannedEffort, s.ActualEffort = project.Num{}, project.Num{}
		if hasPE {
			s.PlannedEffort = project.NumOf(pe)
		}
		if hasAE {
			s.ActualEffort = project.NumOf(ae)
		}
		if wsum > 0 {
			s.Progress = project.NumOf(wp / wsum)
		}
		switch {
		case allDone:
			s.Status = project.Done
		case anyStart:
			s.Status = project.InProgress
		default:
			s.Status = project.NotStarted
		}
		checkSummary(&own, s, fs)
	}
	return out
}

// checkSummary compares a summary row's own figures with the rolled-up ones.
func checkSummary(own, rolled *project.Task, fs *diag.Findings) {
	const rule = "summary-mismatch"
	if !own.PlannedStart.IsZero() && !rolled.PlannedStart.IsZero() && own.PlannedStart > rolled.PlannedStart {
		fs.Add(diag.Warning, rule, own.Cell("planned_start"), "summary %q starts %s but a task below it starts %s", own.Name, own.PlannedStart, rolled.PlannedStart)
	}
	if !own.PlannedFinish.IsZero() && !rolled.PlannedFinish.IsZero() && own.PlannedFinish < rolled.PlannedFinish {
		fs.Add(diag.Warning, rule, own.Cell("planned_finish"), "summary %q finishes %s but a task below it finishes %s", own.Name, own.PlannedFinish, rolled.PlannedFinish)
	}
	if own.Progress.OK() && rolled.Progress.OK() && math.Abs(own.Progress.Val()-rolled.Progress.Val()) > summaryTolerance {
		fs.Add(diag.Warning, rule, own.Cell("progress"), "summary %q says %s but its tasks add up to %s", own.Name, pct(own.Progress.Val()), pct(rolled.Progress.Val()))
	}
	if own.PlannedEffort.OK() && rolled.PlannedEffort.OK() && math.Abs(own.PlannedEffort.Val()-rolled.PlannedEffort.Val()) > 0.05 {
		fs.Add(diag.Warning, rule, own.Cell("planned_effort"), "summary %q has %g person-days planned but its tasks add up to %g", own.Name, own.PlannedEffort.Val(), round1(rolled.PlannedEffort.Val()))
	}
	if own.ActualEffort.OK() && rolled.ActualEffort.OK() && math.Abs(own.ActualEffort.Val()-rolled.ActualEffort.Val()) > 0.05 {
		fs.Add(diag.Warning, rule, own.Cell("actual_effort"), "summary %q has %g person-days spent but its tasks add up to %g", own.Name, own.ActualEffort.Val(), round1(rolled.ActualEffort.Val()))
	}
}

// pct shows a percentage in a message; one far out of range (1e308 typed
// into a cell) in short form, not as hundreds of digits.
func pct(p float64) string { return value.ShowFixed(p, 0) + " %" }

func round1(f float64) float64 { return math.Round(f*10) / 10 }

func minDate(a, b date.Date) date.Date {
	if a.IsZero() || (!b.IsZero() && b < a) {
		return b
	}
	return a
}

func maxDate(a, b date.Date) date.Date {
	if b > a {
		return b
	}
	return a
}

// weight is a leaf task's share of the project: its planned effort when
// given and positive, else its number of planned working days, else 1.
func weight(t *project.Task, cal *calendar.Calendar) float64 {
	if t.PlannedEffort.OK() && t.PlannedEffort.Val() > 0 {
		return t.PlannedEffort.Val()
	}
	if !t.PlannedStart.IsZero() && !t.PlannedFinish.IsZero() {
		if n := cal.WorkdaysBetween(t.PlannedStart, t.PlannedFinish); n > 0 {
			return float64(n)
		}
	}
	return 1
}

// progressOf is a task's progress for EVM: as written, clamped to 0..100;
// a done task with no progress written counts as 100.
func progressOf(t *project.Task) float64 {
	switch {
	case t.Progress.OK():
		return math.Max(0, math.Min(100, t.Progress.Val()))
	case t.Status == project.Done:
		return 100
	}
	return 0
}
