package analyze

import (
	"math"

	"github.com/pmokit/pmo/internal/calendar"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// leaf holds one leaf task's figures as of the status date.
type leaf struct {
	t           *project.Task
	index       int     // in Result.Rolled
	weight      float64 // BAC share
	scheduled   bool    // has planned start and finish
	plannedFrac float64 // share of the task planned to be done by the status date, 0..1
	progress    float64 // 0..100
	late        bool
	behind      bool
	daysLate    int // working days past planned finish, when late
}

// EVM holds earned-value figures in weight units (person-days where the
// sheets give effort). See the README for the exact definitions.
type EVM struct {
	BAC float64  `json:"bac"`
	PV  float64  `json:"pv"`
	EV  float64  `json:"ev"`
	AC  float64  `json:"ac"`
	SPI *float64 `json:"spi"`
	CPI *float64 `json:"cpi"`
	// EVWithActuals is EV over the tasks that have an actual effort: the
	// numerator of CPI.
	EVWithActuals float64 `json:"ev_with_actuals"`
	Unscheduled   int     `json:"unscheduled"`
}

// Money is EVM in currency, from cost_per_day.
type Money struct {
	Currency   string   `json:"currency"`
	CostPerDay float64  `json:"cost_per_day"`
	Budget     float64  `json:"budget,omitempty"`
	BAC        float64  `json:"bac"`
	PV         float64  `json:"pv"`
	EV         float64  `json:"ev"`
	AC         float64  `json:"ac"`
	EAC        *float64 `json:"eac"` // BAC / CPI
}

// leafFigures computes each leaf task's weight, planned fraction and
// state. Cancelled tasks are left out of everything, and so are milestone
// rows: a milestone is a date to reach (see milestones), not work with a
// weight, and it is never a late or behind task itself.
func leafFigures(tasks []project.Task, cal *calendar.Calendar, asOf date.Date) []leaf {
	out := make([]leaf, 0, len(tasks))
	for i := range tasks {
		t := &tasks[i]
		if t.Summary || t.Status == project.Cancelled || t.Milestone {
			continue
		}
		l := leaf{t: t, index: i, weight: weight(t, cal), progress: progressOf(t)}
		l.scheduled = !t.PlannedStart.IsZero() && !t.PlannedFinish.IsZero() && t.PlannedFinish >= t.PlannedStart
		if l.scheduled {
			l.plannedFrac = plannedFraction(t.PlannedStart, t.PlannedFinish, asOf, cal)
		}
		if !t.PlannedFinish.IsZero() && !t.Complete() && t.PlannedFinish < asOf {
			l.late = true
			// Working days after the planned finish through the status date;
			// at least 1, so a task due Friday is late on Saturday too.
			l.daysLate = max(cal.WorkdaysBetween(t.PlannedFinish.AddDays(1), asOf), 1)
		}
		out = append(out, l)
	}
	return out
}

// plannedFraction is the share of a task's planned working days from its
// start through the status date, inclusive, clamped to the task. A span
// with no working day at all counts as fully planned once its finish date
// is reached.
func plannedFraction(start, finish, asOf date.Date, cal *calendar.Calendar) float64 {
	total := cal.WorkdaysBetween(start, finish)
	if total == 0 {
		if asOf >= finish {
			return 1
		}
		return 0
	}
	if asOf < start {
		return 0
	}
	return float64(cal.WorkdaysBetween(start, min(asOf, finish))) / float64(total)
}

// plannedWork is a scheduled leaf as the planned-value curve needs it,
// its working days counted once rather than at every point of the curve.
type plannedWork struct {
	weight        float64
	start, finish date.Date
	total         int // working days from start through finish
}

func plannedWorks(leaves []leaf, cal *calendar.Calendar) []plannedWork {
	n := 0
	for i := range leaves {
		if leaves[i].scheduled {
			n++
		}
	}
	out := make([]plannedWork, 0, n)
	for _, l := range leaves {
		if l.scheduled {
			out = append(out, plannedWork{l.weight, l.t.PlannedStart, l.t.PlannedFinish, cal.WorkdaysBetween(l.t.PlannedStart, l.t.PlannedFinish)})
		}
	}
	return out
}

// plannedValue is the planned value as of d: the sum, in leaf order, of
// each leaf's weight times plannedFraction(start, finish, d) — the same
// fractions, only the working days before a task's start or after its
// finish are not counted again.
func plannedValue(ws []plannedWork, d date.Date, cal *calendar.Calendar) float64 {
	pv := 0.0
	for i := range ws {
		w := &ws[i]
		var frac float64
		switch {
		case w.total == 0:
			if d >= w.finish {
				frac = 1
			}
		case d < w.start:
		case d >= w.finish:
			frac = 1 // total / total
		default:
			frac = float64(cal.WorkdaysBetween(w.start, d)) / float64(w.total)
		}
		pv += w.weight * frac
	}
	return pv
}

// zeroActual reports a started task whose actual effort says 0: earned
// value with no cost would inflate CPI, so such a task counts as having
// no actual effort given — and the team hears about the cell.
func zeroActual(l leaf) bool {
	ac, ok := l.t.ActualEffort.Get()
	return ok && ac == 0 && l.progress > 0
}

// zeroActualFindings lists the started tasks with an actual effort of 0.
func zeroActualFindings(leaves []leaf, fs *diag.Findings) {
	for _, l := range leaves {
		if zeroActual(l) {
			fs.Add(diag.Warning, "actual-effort-zero", l.t.Cell("actual_effort"), "task %q is %s%% done but its actual effort is 0; it is left out of CPI until the effort is filled in", l.t.Name, value.ShowNumber(l.progress))
		}
	}
}

func evm(leaves []leaf) EVM {
	var e EVM
	var acScheduled float64
	hasAC := false
	for _, l := range leaves {
		ac, hasOwn := l.t.ActualEffort.Get()
		if zeroActual(l) {
			hasOwn = false
		}
		if hasOwn {
			e.AC += ac
		}
		if !l.scheduled {
			e.Unscheduled++
			continue
		}
		e.BAC += l.weight
		e.PV += l.weight * l.plannedFrac
		ev := l.weight * l.progress / 100
		e.EV += ev
		if hasOwn {
			acScheduled += ac
			e.EVWithActuals += ev
			hasAC = true
		}
	}
	e.SPI = ratio(e.EV, e.PV)
	if hasAC {
		e.CPI = ratio(e.EVWithActuals, acScheduled)
	}
	return e
}

func ratio(a, b float64) *float64 {
	r := a / b
	if b == 0 || math.IsNaN(r) || math.IsInf(r, 0) {
		return nil
	}
	return &r
}

func money(e EVM, perDay float64, currency string, budget float64) *Money {
	m := &Money{Currency: currency, CostPerDay: perDay, Budget: budget,
		BAC: e.BAC * perDay, PV: e.PV * perDay, EV: e.EV * perDay, AC: e.AC * perDay}
	if e.CPI != nil && *e.CPI > 0 {
		eac := m.BAC / *e.CPI
		m.EAC = &eac
	}
	return m
}
