package portfolio

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// RuleOverAllocated is the finding of a person planned beyond capacity
// across projects.
const RuleOverAllocated = "portfolio.over-allocated"

// People is the person × week grid of the whole portfolio: each person's
// remaining person-days per week summed over every project, with each
// project's share.
type People struct {
	Weeks []date.Date  `json:"weeks"` // Mondays, contiguous
	Rows  []PersonLoad `json:"people"`
}

// PersonLoad is one person's row and its per-project breakdown.
type PersonLoad struct {
	Name     string        `json:"name"`
	Company  string        `json:"company,omitempty"`
	Listed   bool          `json:"listed"`   // in the portfolio's people:
	Capacity []float64     `json:"capacity"` // per week, holidays taken off
	Load     []float64     `json:"load"`     // per week, all projects
	Projects []ProjectLoad `json:"projects"` // portfolio order
	// Peak is the highest load ÷ capacity of any week; OverWeeks counts the
	// weeks above capacity with two projects or more.
	Peak      float64 `json:"peak"`
	OverWeeks int     `json:"over_weeks"`
}

// ProjectLoad is one project's share of a person's row.
type ProjectLoad struct {
	Project string    `json:"project"`
	Load    []float64 `json:"load"`
}

// Over reports whether the person is planned above capacity in week j.
func (p *PersonLoad) Over(j int) bool {
	return j < len(p.Load) && j < len(p.Capacity) && p.Load[j] > p.Capacity[j]+1e-9
}

// people adds every project's load up per person, matching names as the
// roster check does (project.People): the portfolio's people and their
// aliases first, then each name as the projects spell it — a surname alone
// is the one longer name it starts, when exactly one does.
func people(in *Input, entries []Entry) (*People, diag.Findings) {
	c := newCrowd(in)
	for i := range entries {
		c.names(&entries[i])
	}
	c.start()
	for i := range entries {
		c.add(&entries[i])
	}
	return c.finish()
}

// crowd builds the people view in two passes over the projects: names
// first, since a surname is matched against every full name of the
// portfolio, then each project's load.
type crowd struct {
	in     *Input
	roster project.People[int]
	rows   []PersonLoad
	seen   map[string]bool // every spelling, until start
	first  date.Date       // the earliest week of any project's load
	who    map[string]int  // spelling -> row
	view   *People
	nw     int
	// Working days per week: the most of any project the person works in
	// that week, so a project on a stricter calendar does not make
	// another's work look like overload.
	workdays [][]int
	baseCap  []float64
}

func newCrowd(in *Input) *crowd {
	c := &crowd{in: in, roster: project.People[int]{}, seen: map[string]bool{}}
	for i, p := range in.People {
		c.roster.Add(p.Name, i)
		for _, a := range p.Aliases {
			c.roster.Add(a, i)
		}
		c.rows = append(c.rows, PersonLoad{Name: p.Name, Company: p.Company, Listed: true})
	}
	return c
}

// names takes in the spellings of a project's people (the first pass).
func (c *crowd) names(e *Entry) {
	if e.Summary == nil {
		return
	}
	for _, l := range e.Summary.Load {
		c.seen[l.Person] = true
		if c.first == 0 || l.Week < c.first {
			c.first = l.Week
		}
	}
}

// start matches every spelling to a person, between the two passes.
func (c *crowd) start() {
	// Every name once, longest first, so a surname finds its full name.
	sorted := make([]string, 0, len(c.seen))
	for n := range c.seen {
		sorted = append(sorted, n)
	}
	c.seen = nil
	slices.SortFunc(sorted, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(project.NameKey(b)), len(project.NameKey(a))), strings.Compare(a, b))
	})
	// Each spelling is looked up once: normalising a name (NFKC) for
	// every cell of a thousand projects would cost more than the sums.
	c.who = make(map[string]int, len(sorted))
	for _, n := range sorted {
		if _, ok := c.roster.Find(n); !ok {
			c.roster.Add(n, len(c.rows))
			c.rows = append(c.rows, PersonLoad{Name: n})
		}
	}
	for _, n := range sorted {
		c.who[n], _ = c.roster.Find(n)
	}
	c.view = &People{Weeks: []date.Date{}, Rows: []PersonLoad{}}
	if c.first == 0 {
		return
	}
	for i := range Horizon {
		c.view.Weeks = append(c.view.Weeks, c.first.AddDays(7*i))
	}
	c.nw = len(c.view.Weeks)
	c.workdays = make([][]int, len(c.rows))
	c.baseCap = make([]float64, len(c.rows))
	for i := range c.rows {
		c.rows[i].Load = make([]float64, c.nw)
		c.rows[i].Capacity = make([]float64, c.nw)
		c.workdays[i] = make([]int, c.nw)
		if c.rows[i].Listed {
			c.baseCap[i] = c.in.People[i].Capacity
		}
	}
}

// col is the view's column of week w, -1 outside it.
func (c *crowd) col(w date.Date) int {
	j := int(w-c.first) / 7
	if w < c.first || j >= Horizon {
		return -1
	}
	return j
}

// add adds a project's load (the second pass).
func (c *crowd) add(e *Entry) {
	s := e.Summary
	if s == nil || c.first == 0 {
		return
	}
	for _, pc := range s.Capacity {
		if i, ok := c.roster.Find(pc.Person); ok && c.baseCap[i] == 0 {
			c.baseCap[i] = pc.Capacity // the first project that gives one
		}
	}
	shares := map[int][]float64{}
	var order []int
	for _, l := range s.Load {
		i := c.who[l.Person]
		j := c.col(l.Week)
		if j < 0 {
			continue
		}
		if shares[i] == nil {
			shares[i] = make([]float64, c.nw)
			order = append(order, i)
		}
		shares[i][j] += l.Days
		c.rows[i].Load[j] += l.Days
		if k := int(l.Week-s.Start) / 7; l.Week >= s.Start && k < len(s.Workdays) {
			c.workdays[i][j] = max(c.workdays[i][j], s.Workdays[k])
		} else {
			c.workdays[i][j] = max(c.workdays[i][j], 5)
		}
	}
	for _, i := range order {
		c.rows[i].Projects = append(c.rows[i].Projects, ProjectLoad{Project: e.label(), Load: shares[i]})
	}
}

// finish works out capacities, peaks and the over-allocation findings.
func (c *crowd) finish() (*People, diag.Findings) {
	view, in, rows := c.view, c.in, c.rows
	if c.first == 0 {
		return view, nil
	}
	def := cmp.Or(in.DefaultCapacity, 5)
	var found diag.Findings
	for i := range rows {
		r := &rows[i]
		if len(r.Projects) == 0 {
			continue // listed, but planned in no project
		}
		capacity := cmp.Or(c.baseCap[i], def)
		for j := range c.nw {
			days := c.workdays[i][j]
			if days == 0 {
				days = 5 // no work planned that week: a plain week's capacity
			}
			r.Capacity[j] = capacity * float64(days) / 5
			if r.Capacity[j] > 0 {
				r.Peak = max(r.Peak, r.Load[j]/r.Capacity[j])
			}
			if r.Over(j) && r.projectsIn(j) >= 2 {
				r.OverWeeks++
			}
		}
		if r.OverWeeks > 0 {
			pos := diag.Pos{File: in.File}
			if r.Listed {
				pos = in.People[i].Pos
			}
			found = append(found, overFinding(r, view.Weeks, pos))
		}
		view.Rows = append(view.Rows, *r)
	}
	// Most over-allocated first; then by name, for a stable page.
	slices.SortStableFunc(view.Rows, func(a, b PersonLoad) int {
		return cmp.Or(cmp.Compare(b.OverWeeks, a.OverWeeks), cmp.Compare(b.Peak, a.Peak), strings.Compare(a.Name, b.Name))
	})
	found.Sort()
	return view, found
}

// projectsIn counts the projects with load in week j.
func (p *PersonLoad) projectsIn(j int) int {
	n := 0
	for _, pl := range p.Projects {
		if pl.Load[j] > 0 {
			n++
		}
	}
	return n
}

// overFinding names the person, the week of the peak with the largest
// projects' shares, and every week above capacity.
func overFinding(r *PersonLoad, weeks []date.Date, pos diag.Pos) diag.Finding {
	peak, best := -1, 0.0
	var over []string
	for j := range weeks {
		if !r.Over(j) || r.projectsIn(j) < 2 {
			continue
		}
		over = append(over, weeks[j].String())
		if ratio := r.Load[j] / r.Capacity[j]; ratio > best {
			peak, best = j, ratio
		}
	}
	shares, sharesJA := peakShares(r.Projects, peak)
	if len(over) > 6 {
		over = append(over[:6], "…")
	}
	pct := int(best*100 + 0.5)
	week := weeks[peak].String()
	return diag.Finding{
		Severity: diag.Warning, Rule: RuleOverAllocated, Pos: pos,
		Message: fmt.Sprintf("%s is planned %s person-days in the week of %s against a capacity of %s (%d %%): %s; over capacity in %d week(s) with two projects or more: %s",
			r.Name, Days(r.Load[peak]), week, Days(r.Capacity[peak]), pct, shares, r.OverWeeks, strings.Join(over, ", ")),
		MessageJA: fmt.Sprintf("%s は %s の週に %s 人日の予定で、容量 %s 人日を超えています（%d %%）：%s。複数案件で容量を超える週は %d 週：%s",
			r.Name, week, Days(r.Load[peak]), Days(r.Capacity[peak]), pct, sharesJA, r.OverWeeks, strings.Join(over, "、")),
	}
}

// MaxShares is how many projects' shares an over-allocation finding
// names: a person in a hundred projects would otherwise make a line of a
// hundred shares. The 要員 sheet keeps every project's share.
const MaxShares = 5

// peakShares lists the projects' person-days in week j, the largest first
// (ties in portfolio order), at most MaxShares, then how many more there
// are: in English and in Japanese.
func peakShares(projects []ProjectLoad, j int) (en, ja string) {
	var in []ProjectLoad
	for _, pl := range projects {
		if pl.Load[j] > 0 {
			in = append(in, pl)
		}
	}
	slices.SortStableFunc(in, func(a, b ProjectLoad) int { return cmp.Compare(b.Load[j], a.Load[j]) })
	var parts []string
	for _, pl := range in[:min(len(in), MaxShares)] {
		parts = append(parts, pl.Project+" "+Days(pl.Load[j]))
	}
	en, ja = strings.Join(parts, ", "), strings.Join(parts, "、")
	if more := len(in) - MaxShares; more > 0 {
		en += fmt.Sprintf(" and %d more", more)
		ja += fmt.Sprintf("、他 %d 件", more)
	}
	return en, ja
}

// Days formats person-days with one decimal.
func Days(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
