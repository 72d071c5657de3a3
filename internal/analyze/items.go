package analyze

import (
	"cmp"
	"math"
	"path/filepath"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// IssueStats summarises the issue lists.
type IssueStats struct {
	Total          int            `json:"total"`
	Open           int            `json:"open"`
	Overdue        int            `json:"overdue"`
	OverdueHigh    int            `json:"overdue_high"`
	OpenByPriority map[string]int `json:"open_by_priority"`
	ByStatus       map[string]int `json:"by_status"`
	NoOwner        int            `json:"no_owner"`
	NoDue          int            `json:"no_due"`
	AvgAgeDays     *float64       `json:"avg_age_days"` // open issues with a raised date
	MaxAgeDays     int            `json:"max_age_days"`
	OpenedSince    *int           `json:"opened_since_last"`
	ClosedSince    *int           `json:"closed_since_last"`
	Top            []IssueRef     `json:"top"` // open issues, most pressing first
	// MoreOpen counts open issues left out of Top by PageOne.
	MoreOpen int `json:"more_open,omitempty"`
}

// IssueRef is an issue as the report lists it.
type IssueRef struct {
	ID          string    `json:"id,omitempty"`
	Title       string    `json:"title"`
	Priority    string    `json:"priority,omitempty"`
	Status      string    `json:"status,omitempty"`
	Owner       []string  `json:"owner,omitempty"`
	Due         date.Date `json:"due,omitzero"`
	Overdue     bool      `json:"overdue"`
	DaysOverdue int       `json:"days_overdue,omitempty"`
	AgeDays     *int      `json:"age_days"`
	Team        string    `json:"team,omitempty"`
	Source      diag.Pos  `json:"source"`
}

// IssueKey identifies an issue across runs: its file (as the project
// names it, so two teams' 課題.xlsx differ), its sheet, and its ID or title.
func IssueKey(is *project.Issue) string {
	return filepath.ToSlash(is.Source().File) + "!" + is.Source().Sheet + "#" + cmp.Or(is.ID, is.Title)
}

func priorityName(p project.Priority) string { return cmp.Or(p.String(), "none") }

// IssueAge is the days from an issue's raised date to the status date —
// or to its closed date once it is closed: a closed issue stops ageing.
// It is nil when the issue has no raised date (or one after the status
// date), and for a closed issue with no closed date, whose age is unknown.
func IssueAge(is *project.Issue, asOf date.Date) *int {
	if is.RaisedOn.IsZero() || is.RaisedOn > asOf {
		return nil
	}
	end := asOf
	if !is.Status.IsOpen() {
		if is.ClosedOn.IsZero() {
			return nil
		}
		end = min(asOf, max(is.ClosedOn, is.RaisedOn))
	}
	age := int(end - is.RaisedOn)
	return &age
}

func issueStats(issues []project.Issue, asOf date.Date, prev *Snapshot, names sourceNames) IssueStats {
	s := IssueStats{Total: len(issues), OpenByPriority: map[string]int{"high": 0, "medium": 0, "low": 0}, ByStatus: map[string]int{}, Top: []IssueRef{}}
	ages, ageSum := 0, 0
	for i := range issues {
		is := &issues[i]
		s.ByStatus[cmp.Or(is.Status.String(), "open")]++
		if !is.Status.IsOpen() {
			continue
		}
		s.Open++
		s.OpenByPriority[priorityName(is.Priority)]++
		r := IssueRef{ID: is.ID, Title: is.Title, Priority: is.Priority.String(), Status: cmp.Or(is.StatusRaw, is.Status.String()),
			Owner: is.Owner, Due: is.Due, Team: is.Team, Source: is.Source()}
		if !is.Due.IsZero() && is.Due < asOf {
			s.Overdue++
			r.Overdue, r.DaysOverdue = true, int(asOf-is.Due)
			if is.Priority == project.High {
				s.OverdueHigh++
			}
		}
		if len(is.Owner) == 0 {
			s.NoOwner++
		}
		if is.Due.IsZero() {
			s.NoDue++
		}
		if age := IssueAge(is, asOf); age != nil {
			r.AgeDays = age
			ages++
			ageSum += *age
			s.MaxAgeDays = max(s.MaxAgeDays, *age)
		}
		s.Top = append(s.Top, r)
	}
	if ages > 0 {
		avg := float64(ageSum) / float64(ages)
		s.AvgAgeDays = &avg
	}
	s.Top = stableSorted(s.Top, func(a, b *IssueRef) int {
		return cmp.Or(
			cmpBool(b.Overdue, a.Overdue),
			cmp.Compare(priorityRank(a.Priority), priorityRank(b.Priority)),
			cmp.Compare(dueOrFar(a.Due), dueOrFar(b.Due)),
		)
	})
	if prev != nil {
		opened, closed := 0, 0
		for i := range issues {
			is := &issues[i]
			k := names.issueKey(is)
			wasOpen, known := prev.Issues[k]
			switch {
			case !known:
				opened++
			case wasOpen && !is.Status.IsOpen():
				closed++
			}
		}
		s.OpenedSince, s.ClosedSince = &opened, &closed
	}
	return s
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func priorityRank(p string) int {
	switch p {
	case "high":
		return 0
	case "medium":
		return 1
	case "low":
		return 2
	}
	return 3
}

func dueOrFar(d date.Date) date.Date {
	if d.IsZero() {
		return math.MaxInt32
	}
	return d
}

// HighRiskScore is the probability × impact score (1–25) from which a risk
// counts as high: 12 is 3 × 4 or 4 × 3, "likely and serious".
const HighRiskScore = 12

// RiskStats summarises the risk registers.
type RiskStats struct {
	Total   int       `json:"total"`
	Open    int       `json:"open"`
	High    int       `json:"high"`
	HeatMap [5][5]int `json:"heat_map"` // [probability-1][impact-1], open risks
	Top     []RiskRef `json:"top"`      // open risks, highest score first
}

// RiskRef is a risk as the report lists it.
type RiskRef struct {
	ID          string   `json:"id,omitempty"`
	Title       string   `json:"title"`
	Probability *int     `json:"probability"`
	Impact      *int     `json:"impact"`
	Score       *float64 `json:"score"`
	Owner       []string `json:"owner,omitempty"`
	Mitigation  string   `json:"mitigation,omitempty"`
	Status      string   `json:"status,omitempty"`
	Source      diag.Pos `json:"source"`
}

// level puts a 1–5 reading onto the scale's whole steps.
func level(n project.Num) *int {
	p, ok := n.Get()
	if !ok {
		return nil
	}
	v := int(math.Round(math.Max(1, math.Min(5, p))))
	return &v
}

func riskStats(risks []project.Risk) RiskStats {
	s := RiskStats{Total: len(risks), Top: []RiskRef{}}
	for i := range risks {
		rk := &risks[i]
		if !rk.Status.IsOpen() {
			continue
		}
		s.Open++
		r := RiskRef{ID: rk.ID, Title: rk.Title, Probability: level(rk.Probability), Impact: level(rk.Impact),
			Owner: rk.Owner, Mitigation: rk.Mitigation, Status: cmp.Or(rk.StatusRaw, rk.Status.String()), Source: rk.Source()}
		switch {
		case r.Probability != nil && r.Impact != nil:
			sc := float64(*r.Probability * *r.Impact)
			r.Score = &sc
			s.HeatMap[*r.Probability-1][*r.Impact-1]++
		case rk.Score.OK():
			sc := rk.Score.Val()
			r.Score = &sc
		}
		if r.Score != nil && *r.Score >= HighRiskScore {
			s.High++
		}
		s.Top = append(s.Top, r)
	}
	s.Top = stableSorted(s.Top, func(a, b *RiskRef) int { return cmp.Compare(scoreOf(*b), scoreOf(*a)) })
	return s
}

func scoreOf(r RiskRef) float64 {
	if r.Score == nil {
		return 0
	}
	return *r.Score
}
