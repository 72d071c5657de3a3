package analyze

import (
	"math"
	"sort"

	"github.com/pmokit/pmo/internal/calendar"
	"github.com/pmokit/pmo/internal/date"
)

// Forecast holds the earned-value variances and forecasts and the Earned
// Schedule figures, in person-days and working days. A figure whose inputs
// are missing (no actual effort, nothing planned yet) is nil. The README
// defines each one.
type Forecast struct {
	SV   float64  `json:"sv"`   // EV − PV
	CV   *float64 `json:"cv"`   // EV − AC over the tasks with actual effort
	ETC  *float64 `json:"etc"`  // (BAC − EV) / CPI
	EAC  *float64 `json:"eac"`  // AC + ETC
	VAC  *float64 `json:"vac"`  // BAC − EAC
	TCPI *float64 `json:"tcpi"` // (BAC − EV) / (BAC − AC)

	// Earned Schedule, counted in working days of the project calendar
	// from the first planned start.
	Start         date.Date `json:"start,omitzero"`          // first planned start
	PlannedFinish date.Date `json:"planned_finish,omitzero"` // last planned finish
	PD            int       `json:"pd"`                      // planned duration
	AT            int       `json:"at"`                      // actual time: working days through the status date
	ES            *float64  `json:"es"`                      // earned schedule
	SPIt          *float64  `json:"spi_t"`                   // ES / AT
	SVt           *float64  `json:"sv_t"`                    // ES − AT
	IEACt         *float64  `json:"ieac_t"`                  // PD / SPI(t)
	Finish        date.Date `json:"finish,omitzero"`         // forecast finish: the IEAC(t)-th working day
	// SlipDays is Finish against PlannedFinish in working days (positive:
	// later than planned).
	SlipDays *int `json:"slip_days"`

	Money *ForecastMoney `json:"money,omitempty"`
}

// ForecastMoney is the cost side of Forecast in currency (cost_per_day).
type ForecastMoney struct {
	Currency string   `json:"currency"`
	SV       float64  `json:"sv"`
	CV       *float64 `json:"cv"`
	ETC      *float64 `json:"etc"`
	EAC      *float64 `json:"eac"`
	VAC      *float64 `json:"vac"`
}

// EarnedSchedule returns ES in periods from a cumulative planned-value
// series (pv[i] is PV at the end of period i+1, non-decreasing) and the
// earned value: the whole periods whose PV the EV has reached, plus the
// linear share of the next one (Lipke 2003). EV at or beyond the last PV
// earns the whole schedule.
func EarnedSchedule(pv []float64, ev float64) float64 {
	if len(pv) == 0 {
		return 0
	}
	if ev >= pv[len(pv)-1] {
		return float64(len(pv))
	}
	// c whole periods have PV <= EV; pv is non-decreasing.
	c := sort.Search(len(pv), func(i int) bool { return pv[i] > ev })
	prev := 0.0
	if c > 0 {
		prev = pv[c-1]
	}
	step := pv[c] - prev
	if step <= 0 {
		return float64(c)
	}
	return float64(c) + (ev-prev)/step
}

// forecast computes the variances, the cost forecasts and Earned Schedule.
func forecast(leaves []leaf, works []plannedWork, cal *calendar.Calendar, asOf date.Date, e EVM, perDay float64, currency string) Forecast {
	f := Forecast{SV: e.EV - e.PV}
	if e.CPI != nil && *e.CPI > 0 {
		acScheduled := e.EVWithActuals / *e.CPI
		cv := e.EVWithActuals - acScheduled
		etc := (e.BAC - e.EV) / *e.CPI
		eac := e.AC + etc
		vac := e.BAC - eac
		f.CV, f.ETC, f.EAC, f.VAC = &cv, &etc, &eac, &vac
	}
	if e.BAC > e.AC {
		f.TCPI = ratio(e.BAC-e.EV, e.BAC-e.AC)
	}
	f.earnedSchedule(leaves, works, cal, asOf, e)
	if perDay > 0 {
		m := &ForecastMoney{Currency: currency, SV: f.SV * perDay, CV: scale(f.CV, perDay), ETC: scale(f.ETC, perDay), EAC: scale(f.EAC, perDay), VAC: scale(f.VAC, perDay)}
		f.Money = m
	}
	return f
}

func scale(p *float64, k float64) *float64 {
	if p == nil {
		return nil
	}
	v := *p * k
	return &v
}

// earnedSchedule fills the ES figures. The period is one working day:
// PV is taken at the end of each working day from the first planned start
// to the last planned finish, so weekends and holidays earn no schedule.
func (f *Forecast) earnedSchedule(leaves []leaf, works []plannedWork, cal *calendar.Calendar, asOf date.Date, e EVM) {
	if e.BAC <= 0 || math.IsInf(e.BAC, 0) {
		return
	}
	for _, l := range leaves {
		if l.scheduled {
			f.Start = minDate(f.Start, l.t.PlannedStart)
			f.PlannedFinish = maxDate(f.PlannedFinish, l.t.PlannedFinish)
		}
	}
	f.PD = cal.WorkdaysBetween(f.Start, f.PlannedFinish)
	if f.PD == 0 || f.PD > 20000 {
		// No working day in the plan, or an absurd span a typo made: no
		// schedule to earn against.
		return
	}
	f.AT = cal.WorkdaysBetween(f.Start, asOf)
	days := make([]date.Date, 0, f.PD)
	for d := cal.NextWorkday(f.Start); !d.IsZero() && d <= f.PlannedFinish; d = cal.AddWorkdays(d, 1) {
		days = append(days, d)
	}
	pvAt := func(d date.Date) float64 { return plannedValue(works, d, cal) }
	// Only the days around EV are needed: search the monotone PV curve
	// instead of computing every day.
	ev := e.EV
	var es float64
	if ev >= e.BAC {
		es = float64(len(days))
	} else {
		c := sort.Search(len(days), func(i int) bool { return pvAt(days[i]) > ev })
		pv := make([]float64, c+1)
		if c > 0 {
			pv[c-1] = pvAt(days[c-1])
			for i := range c - 1 {
				pv[i] = pv[c-1] // below EV: only pv[c-1] matters
			}
		}
		if c < len(days) {
			pv[c] = pvAt(days[c])
		} else {
			pv[c] = e.BAC
		}
		es = EarnedSchedule(pv, ev)
	}
	f.ES = &es
	if f.AT <= 0 {
		return
	}
	spit := es / float64(f.AT)
	svt := es - float64(f.AT)
	f.SPIt, f.SVt = &spit, &svt
	if spit <= 0 {
		return
	}
	ieac := float64(f.PD) / spit
	f.IEACt = &ieac
	// The IEAC(t)-th working day counting the first planned working day as 1.
	n := int(math.Ceil(ieac - 1e-9))
	if n > 100000 {
		return
	}
	first := cal.NextWorkday(f.Start)
	f.Finish = cal.AddWorkdays(first, n-1)
	if !f.Finish.IsZero() {
		slip := cal.WorkdaysBetween(f.PlannedFinish.AddDays(1), f.Finish) - cal.WorkdaysBetween(f.Finish.AddDays(1), f.PlannedFinish)
		f.SlipDays = &slip
	}
}
