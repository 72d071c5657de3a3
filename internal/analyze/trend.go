package analyze

import (
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/project"
)

// RunPoint is one run's headline figures, as the history keeps them: the
// series behind the SPI/CPI trend, the actual progress line and 課題推移.
type RunPoint struct {
	AsOf    date.Date `json:"as_of"`
	Planned float64   `json:"planned"` // %
	Actual  float64   `json:"actual"`  // %
	BAC     float64   `json:"bac"`
	SPI     *float64  `json:"spi"`
	CPI     *float64  `json:"cpi"`
	SPIt    *float64  `json:"spi_t"`
	EAC     *float64  `json:"eac"`
	Finish  date.Date `json:"forecast_finish,omitzero"`
	// Issues open at the run, and raised and closed since the run before
	// (nil where that run's issues are not known).
	OpenIssues int   `json:"open_issues"`
	Raised     *int  `json:"raised"`
	Closed     *int  `json:"closed"`
	RAG        Level `json:"rag"`
}

// IssueWeek is one week of 課題推移: issues raised and closed in the week
// ending on WeekEnd (a Friday) and the open count at its end.
type IssueWeek struct {
	WeekEnd date.Date `json:"week_end"`
	Raised  int       `json:"raised"`
	Closed  int       `json:"closed"`
	Open    int       `json:"open"`
}

// IssueTrend is 課題推移 from the issues' own raised_on and closed_on dates
// — the バグ収束曲線 of a defect list — available from the first run.
// Issues without a raised date, and closed issues without a closed date,
// cannot be placed on it and are counted in Undated instead.
type IssueTrend struct {
	Weeks   []IssueWeek `json:"weeks"`
	Undated int         `json:"undated"`
}

// maxIssueWeeks bounds the curve: a list whose first issue was raised
// years ago shows its last two years.
const maxIssueWeeks = 104

func issueTrend(issues []project.Issue, asOf date.Date) IssueTrend {
	tr := IssueTrend{Weeks: []IssueWeek{}}
	var first date.Date
	for i := range issues {
		is := &issues[i]
		if is.RaisedOn.IsZero() || is.RaisedOn > asOf || (!is.Status.IsOpen() && is.ClosedOn.IsZero()) {
			tr.Undated++
			continue
		}
		first = minDate(first, is.RaisedOn)
	}
	if first.IsZero() {
		return tr
	}
	end := monday(asOf).AddDays(4)
	start := monday(first).AddDays(4)
	if n := int(end-start) / 7; n >= maxIssueWeeks {
		start = end.AddDays(-7 * (maxIssueWeeks - 1))
	}
	for we := start; we <= end; we = we.AddDays(7) {
		w := IssueWeek{WeekEnd: we}
		cut := min(we, asOf)
		for i := range issues {
			is := &issues[i]
			if is.RaisedOn.IsZero() || is.RaisedOn > asOf || (!is.Status.IsOpen() && is.ClosedOn.IsZero()) {
				continue
			}
			closed := !is.Status.IsOpen() && is.ClosedOn <= cut
			if is.RaisedOn <= cut && !closed {
				w.Open++
			}
			if is.RaisedOn <= cut && is.RaisedOn > we.AddDays(-7) {
				w.Raised++
			}
			if !is.Status.IsOpen() && is.ClosedOn <= cut && is.ClosedOn > we.AddDays(-7) {
				w.Closed++
			}
		}
		tr.Weeks = append(tr.Weeks, w)
	}
	return tr
}

// runPoint is this run's entry of the trend.
func (r *Result) runPoint(prev *Snapshot) RunPoint {
	p := RunPoint{AsOf: r.AsOf, Planned: r.Progress.Planned, Actual: r.Progress.Actual, BAC: r.EVM.BAC,
		SPI: r.EVM.SPI, CPI: r.EVM.CPI, SPIt: r.Forecast.SPIt, EAC: r.Forecast.EAC, Finish: r.Forecast.Finish,
		OpenIssues: r.Issues.Open, RAG: r.RAG.Overall}
	if prev != nil {
		p.Raised, p.Closed = r.Issues.OpenedSince, r.Issues.ClosedSince
	}
	return p
}
