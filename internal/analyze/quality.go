package analyze

import (
	"cmp"
	"slices"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// TestStats is test progress (テスト消化): the cumulative curve of cases
// planned, executed and passed, and the figures as of the status date.
type TestStats struct {
	Total int `json:"total"` // cases (or the tally's planned total)
	// As of the status date, cumulative.
	Planned  float64 `json:"planned"`
	Executed float64 `json:"executed"`
	Passed   float64 `json:"passed"`
	Failed   float64 `json:"failed"`
	Blocked  int     `json:"blocked"`
	// Progress is Executed / Planned (nil before anything was planned):
	// the test counterpart of SPI, rated against the SPI thresholds.
	Progress *float64 `json:"progress"`
	// Undated counts cases with a result but no executed date; they are
	// counted as executed on the status date.
	Undated int         `json:"undated,omitempty"`
	Curve   []TestPoint `json:"curve"`
}

// TestPoint is one day of the test curve, cumulative.
type TestPoint struct {
	Day      date.Date `json:"day"`
	Planned  float64   `json:"planned"`
	Executed float64   `json:"executed"`
	Passed   float64   `json:"passed"`
}

// testStats builds the test curve from test cases, or from a daily tally
// when there are no cases. The curve runs from the first dated day to the
// last planned day (or the status date, if later); executed and passed stop
// at the status date.
func testStats(cases []project.TestCase, days []project.TestDay, asOf date.Date, fs *diag.Findings) *TestStats {
	per := map[date.Date]*testDay{}
	at := func(d date.Date) *testDay {
		if per[d] == nil {
			per[d] = &testDay{}
		}
		return per[d]
	}
	st := &TestStats{}
	for i := range cases {
		c := &cases[i]
		st.Total++
		if !c.PlannedOn.IsZero() {
			at(c.PlannedOn).planned++
		}
		if c.Result == project.TestBlocked {
			st.Blocked++
		}
		if !c.Executed() {
			continue
		}
		d := c.ExecutedOn
		if d.IsZero() || d > asOf {
			if d.IsZero() {
				st.Undated++
			}
			d = asOf
		}
		x := at(d)
		x.executed++
		switch c.Result {
		case project.TestPass:
			x.passed++
		case project.TestFail:
			x.failed++
		}
	}
	if st.Undated > 0 {
		fs.Add(diag.Info, "test-undated", diag.Pos{File: cases[0].Source.File, Sheet: cases[0].Source.Sheet},
			"%d test cases have a result but no executed date; counted as executed on the status date %s", st.Undated, asOf)
	}
	if len(cases) == 0 {
		tallyDays(days, at)
	}
	if len(per) == 0 {
		return st
	}
	keys := make([]date.Date, 0, len(per))
	for d := range per {
		keys = append(keys, d)
	}
	slices.Sort(keys)
	var p TestPoint
	var failed float64
	for _, d := range keys {
		x := per[d]
		p.Day = d
		p.Planned += x.planned
		if d <= asOf {
			p.Executed += x.executed
			p.Passed += x.passed
			failed += x.failed
			st.Planned, st.Executed, st.Passed, st.Failed = p.Planned, p.Executed, p.Passed, failed
		}
		st.Curve = append(st.Curve, p)
	}
	if len(cases) == 0 {
		st.Total = int(p.Planned)
	}
	if keys[0] > asOf {
		st.Planned = 0
	}
	if st.Planned > 0 {
		v := st.Executed / st.Planned
		st.Progress = &v
	}
	return st
}

// testDay is one day's counts, not cumulative.
type testDay struct{ planned, executed, passed, failed float64 }

// tallyDays adds a daily tally's rows. Running totals (累計 columns) are
// turned back into per-day counts; passed is executed less failed when
// the sheet has no OK column.
func tallyDays(days []project.TestDay, at func(date.Date) *testDay) {
	days = slices.Clone(days)
	slices.SortStableFunc(days, func(a, b project.TestDay) int { return cmp.Compare(a.Day, b.Day) })
	var prev testDay
	num := func(p *float64) float64 {
		if p == nil {
			return 0
		}
		return *p
	}
	for _, d := range days {
		v := testDay{planned: num(d.Planned), executed: num(d.Executed), failed: num(d.Failed)}
		v.passed = num(d.Passed)
		if d.Passed == nil {
			v.passed = max(v.executed-v.failed, 0)
		}
		if d.Cumulative {
			cur := v
			// A running total left empty on a future day repeats the last.
			if d.Executed == nil {
				cur.executed, cur.passed, cur.failed = prev.executed, prev.passed, prev.failed
			}
			if d.Planned == nil {
				cur.planned = prev.planned
			}
			v = testDay{planned: max(cur.planned-prev.planned, 0), executed: max(cur.executed-prev.executed, 0),
				passed: max(cur.passed-prev.passed, 0), failed: max(cur.failed-prev.failed, 0)}
			prev = cur
		}
		x := at(d.Day)
		x.planned += v.planned
		x.executed += v.executed
		x.passed += v.passed
		x.failed += v.failed
	}
}

// testReason rates test progress (executed / planned to date) against the
// SPI thresholds: a test phase behind its plan is a schedule slip the WBS
// may not show yet. The counts are on the test page; the reason stays one
// line on page 1.
func testReason(th config.Thresholds, t *TestStats) Reason {
	if t.Progress == nil {
		return unknownReason("tests", "cannot judge: no test cases planned by the status date", "判定不能：基準日までに予定されたテストなし")
	}
	x := ratioReason("tests", "executed/planned", t.Progress, th.SPI.Amber, th.SPI.Red)
	x.JA = ratioReason("tests", "消化率", t.Progress, th.SPI.Amber, th.SPI.Red).JA
	return x
}

// DefectWeeks is how many recent weeks the convergence indicator looks at.
const DefectWeeks = 3

// DefectStats is defect convergence (バグ収束): found and fixed per week,
// cumulative, the open defects by severity and the indicator.
type DefectStats struct {
	Total int `json:"total"`
	Open  int `json:"open"`
	// OpenBySeverity counts open defects by severity as written (or by
	// priority high/medium/low when the sheet's words normalise).
	OpenBySeverity map[string]int `json:"open_by_severity"`
	Weeks          []DefectWeek   `json:"weeks"` // oldest first, the last ending on the status date
	// FoundFalling: found per week did not rise over the last DefectWeeks
	// weeks and the last is below the first (or all are zero).
	FoundFalling bool `json:"found_falling"`
	// FixedKeepsUp: fixed ≥ found in each of the last DefectWeeks weeks.
	FixedKeepsUp bool `json:"fixed_keeps_up"`
	// Converging is FoundFalling and FixedKeepsUp; nil when fewer than
	// DefectWeeks weeks of defects exist.
	Converging *bool `json:"converging"`
	// Undated counts defects with no found date, left out of the weeks.
	Undated int `json:"undated,omitempty"`
}

// DefectWeek is the 7 days ending on End.
type DefectWeek struct {
	End        date.Date `json:"end"`
	Found      int       `json:"found"`
	Fixed      int       `json:"fixed"`
	FoundTotal int       `json:"found_total"` // cumulative
	FixedTotal int       `json:"fixed_total"`
}

// defectStats builds the convergence figures. Weeks end on the status
// date and go back in 7-day steps to the week of the first found date, so
// every week is whole. A defect is fixed on its closed date; one closed
// without a date counts as fixed on the status date.
func defectStats(defects []project.Issue, asOf date.Date) *DefectStats {
	st := &DefectStats{Total: len(defects), OpenBySeverity: map[string]int{}}
	first := date.Date(0)
	for i := range defects {
		d := &defects[i]
		if d.Status.IsOpen() && d.ClosedOn.IsZero() {
			st.Open++
			st.OpenBySeverity[cmp.Or(d.Priority.String(), d.PriorityRaw, "none")]++
		}
		if d.RaisedOn.IsZero() || d.RaisedOn > asOf {
			if d.RaisedOn.IsZero() {
				st.Undated++
			}
			continue
		}
		if first.IsZero() || d.RaisedOn < first {
			first = d.RaisedOn
		}
	}
	if first.IsZero() {
		return st
	}
	n := int(asOf-first)/7 + 1
	n = min(n, 520) // ten years of weeks is plenty for a chart
	st.Weeks = make([]DefectWeek, n)
	for i := range st.Weeks {
		st.Weeks[i].End = asOf.AddDays(-7 * (n - 1 - i))
	}
	week := func(d date.Date) int {
		if d > asOf {
			return -1
		}
		k := n - 1 - int(asOf-d)/7
		if k < 0 {
			return 0 // older than the window: folded into the first week
		}
		return k
	}
	for i := range defects {
		d := &defects[i]
		if d.RaisedOn.IsZero() || d.RaisedOn > asOf {
			continue
		}
		st.Weeks[week(d.RaisedOn)].Found++
		fixed := d.ClosedOn
		if fixed.IsZero() && !d.Status.IsOpen() {
			fixed = asOf
		}
		if !fixed.IsZero() {
			if k := week(max(fixed, d.RaisedOn)); k >= 0 {
				st.Weeks[k].Fixed++
			}
		}
	}
	found, fixed := 0, 0
	for i := range st.Weeks {
		found += st.Weeks[i].Found
		fixed += st.Weeks[i].Fixed
		st.Weeks[i].FoundTotal, st.Weeks[i].FixedTotal = found, fixed
	}
	if n >= DefectWeeks {
		last := st.Weeks[n-DefectWeeks:]
		st.FoundFalling, st.FixedKeepsUp = true, true
		for i, w := range last {
			if i > 0 && w.Found > last[i-1].Found {
				st.FoundFalling = false
			}
			if w.Fixed < w.Found {
				st.FixedKeepsUp = false
			}
		}
		if last[len(last)-1].Found >= last[0].Found && last[0].Found > 0 {
			st.FoundFalling = false
		}
		c := st.FoundFalling && st.FixedKeepsUp
		st.Converging = &c
	}
	return st
}
