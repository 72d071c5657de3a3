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
		if !onTrend(is, asOf) {
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
	// Week k ends on start+7k and counts what happened in (end−7, cut],
	// cut being the week's end or the status date, whichever is first;
	// only the last week can end after the status date. Each issue is
	// placed in its weeks once, instead of every week looking at every
	// issue.
	n := int(end-start)/7 + 1
	weeks := make([]IssueWeek, n)
	opened := make([]int, n+1) // +1 where an issue starts counting as open, −1 where it stops
	cutOf := func(k int) date.Date { return min(start.AddDays(7*k), asOf) }
	// from is the first week whose cut is on or after d (n: none).
	from := func(d date.Date) int {
		k := 0
		if d > start {
			k = (int(d-start) + 6) / 7
		}
		if k < n && d > cutOf(k) {
			k = n // only the last week's cut is before its end
		}
		return min(k, n)
	}
	// in is the week whose (end−7, cut] holds d, or -1.
	in := func(d date.Date) int {
		k := from(d)
		if k >= n || d <= start.AddDays(7*k-7) {
			return -1
		}
		return k
	}
	for i := range issues {
		is := &issues[i]
		if !onTrend(is, asOf) {
			continue
		}
		closed := !is.Status.IsOpen()
		a, c := from(is.RaisedOn), n
		if closed {
			c = max(a, from(is.ClosedOn))
		}
		opened[a]++
		opened[c]--
		if k := in(is.RaisedOn); k >= 0 {
			weeks[k].Raised++
		}
		if closed {
			if k := in(is.ClosedOn); k >= 0 {
				weeks[k].Closed++
			}
		}
	}
	open := 0
	for k := range weeks {
		open += opened[k]
		weeks[k].WeekEnd, weeks[k].Open = start.AddDays(7*k), open
	}
	tr.Weeks = weeks
	return tr
}

// onTrend reports whether an issue can be placed on the trend: raised by
// the status date, and when closed, closed on a known day.
func onTrend(is *project.Issue, asOf date.Date) bool {
	return !is.RaisedOn.IsZero() && is.RaisedOn <= asOf && (is.Status.IsOpen() || !is.ClosedOn.IsZero())
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
