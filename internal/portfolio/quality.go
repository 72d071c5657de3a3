package portfolio

import (
	"cmp"
	"slices"
)

// QualityRow is the data quality of one team's sheets in one project:
// the PMO's standardisation lever. Findings are the readers' and
// validator's errors and warnings on those sheets.
type QualityRow struct {
	Project  string `json:"project"`
	Team     string `json:"team"` // "" for sources the YAML gives no team
	Sources  int    `json:"sources"`
	Unread   int    `json:"unread"` // sources that could not be read at all
	Records  int    `json:"records"`
	Findings int    `json:"findings"`
	// Per100 is findings per 100 records; nil when nothing was read.
	Per100    *float64 `json:"per_100"`
	Unmapped  int      `json:"unmapped"`  // columns pmo could not map
	Overrides int      `json:"overrides"` // sources the YAML had to map by hand
	Stale     int      `json:"stale"`     // sources not updated since the last run while work was planned
}

// quality is one row per project and team, worst first: sheets that
// could not be read, then the most findings per 100 records, then sheets
// not updated, unmapped columns and hand mappings; ties in portfolio
// order.
func quality(entries []Entry) []QualityRow {
	out := []QualityRow{}
	for i := range entries {
		out = qualityRows(out, &entries[i])
	}
	return rankQuality(out)
}

// qualityRows appends the project's rows, one per team.
func qualityRows(out []QualityRow, e *Entry) []QualityRow {
	if e.Summary == nil {
		return out
	}
	at := map[string]int{}
	for _, s := range e.Summary.Sources {
		i, ok := at[s.Team]
		if !ok {
			i = len(out)
			at[s.Team] = i
			out = append(out, QualityRow{Project: e.label(), Team: s.Team})
		}
		r := &out[i]
		r.Sources++
		if !s.Read {
			r.Unread++
		}
		r.Records += s.Records
		r.Findings += s.Errors + s.Warnings
		r.Unmapped += s.Unmapped
		if s.Overrides {
			r.Overrides++
		}
		if s.StaleRuns > 0 {
			r.Stale++
		}
	}
	return out
}

// rankQuality works out the rates of every project's rows and sorts them
// worst first.
func rankQuality(out []QualityRow) []QualityRow {
	for i := range out {
		if r := &out[i]; r.Records > 0 {
			v := float64(r.Findings) / float64(r.Records) * 100
			r.Per100 = &v
		}
	}
	rate := func(r QualityRow) float64 {
		switch {
		case r.Per100 != nil:
			return *r.Per100
		case r.Findings > 0:
			return 1e9 // findings and no record read: as bad as it gets
		}
		return 0
	}
	slices.SortStableFunc(out, func(a, b QualityRow) int {
		return cmp.Or(cmp.Compare(b.Unread, a.Unread), cmp.Compare(rate(b), rate(a)), cmp.Compare(b.Stale, a.Stale),
			cmp.Compare(b.Unmapped, a.Unmapped), cmp.Compare(b.Overrides, a.Overrides))
	})
	return out
}

// Group is one value of the --group-by key with its projects' subtotals.
type Group struct {
	Name     string         `json:"name"` // "" for projects without a value
	Projects []string       `json:"projects"`
	Counts   map[string]int `json:"counts"` // by RAG level, plus "failed"
	BAC      float64        `json:"bac"`
	// SPI is the group's earned over planned value, from each project's
	// progress and BAC; nil when nothing was planned yet.
	SPI           *float64 `json:"spi"`
	LateTasks     int      `json:"late_tasks"`
	OpenIssues    int      `json:"open_issues"`
	OverdueIssues int      `json:"overdue_issues"`
	HighRisks     int      `json:"high_risks"`
	// Judged counts the projects with figures; NoIssueList and
	// NoRiskRegister those of them without the register, whose counts
	// above are not provided rather than zero.
	Judged         int `json:"judged"`
	NoIssueList    int `json:"no_issue_list"`
	NoRiskRegister int `json:"no_risk_register"`
}

// IssuesKnown reports whether some project of the group has an issue
// list; RisksKnown the same for a risk register.
func (g *Group) IssuesKnown() bool { return g.NoIssueList < g.Judged }

// RisksKnown reports whether some project of the group has a risk
// register.
func (g *Group) RisksKnown() bool { return g.NoRiskRegister < g.Judged }

// groups subtotals the projects per value of key, in the order values
// first appear; a project with several tags counts in each, and projects
// without a value come last.
func groups(key string, entries []Entry) []Group {
	g := newGrouping(key)
	for i := range entries {
		g.add(&entries[i])
	}
	return g.finish()
}

// grouping adds up the groups' subtotals one project at a time.
type grouping struct {
	key    string
	out    []Group
	at     map[string]int
	pv, ev map[int]float64
}

func newGrouping(key string) *grouping {
	return &grouping{key: key, at: map[string]int{}, pv: map[int]float64{}, ev: map[int]float64{}}
}

func (gr *grouping) add(e *Entry) {
	values := e.Groups.Group(gr.key)
	if len(values) == 0 {
		values = []string{""}
	}
	seen := map[string]bool{}
	for _, v := range values {
		if seen[v] {
			continue // a tag written twice counts once
		}
		seen[v] = true
		i, ok := gr.at[v]
		if !ok {
			i = len(gr.out)
			gr.at[v] = i
			gr.out = append(gr.out, Group{Name: v, Projects: []string{}, Counts: map[string]int{}})
		}
		g := &gr.out[i]
		g.Projects = append(g.Projects, e.label())
		if !e.judged() {
			g.Counts["failed"]++
			continue
		}
		g.Counts[string(e.RAG)]++
		g.BAC += e.Summary.BAC
		gr.pv[i] += e.Planned / 100 * e.Summary.BAC
		gr.ev[i] += e.Actual / 100 * e.Summary.BAC
		g.LateTasks += e.LateTasks
		g.OverdueIssues += e.OverdueIssues
		g.OpenIssues += e.OpenIssues
		g.HighRisks += e.HighRisks
		g.Judged++
		if e.NoIssueList {
			g.NoIssueList++
		}
		if e.NoRiskRegister {
			g.NoRiskRegister++
		}
	}
}

func (gr *grouping) finish() []Group {
	out := gr.out
	for i := range out {
		if gr.pv[i] > 0 {
			v := gr.ev[i] / gr.pv[i]
			out[i].SPI = &v
		}
	}
	slices.SortStableFunc(out, func(a, b Group) int {
		return cmp.Compare(boolInt(a.Name == ""), boolInt(b.Name == ""))
	})
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
