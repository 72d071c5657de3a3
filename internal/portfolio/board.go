package portfolio

import (
	"cmp"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
)

// Input is what Build needs besides the projects.
type Input struct {
	File            string // the portfolio file, as findings name it
	AsOf            date.Date
	People          []config.Person
	DefaultCapacity float64 // person-days per week for people the YAML gives none
	// MilestoneWeeks is how far ahead the milestone strip looks; 0 means
	// DefaultMilestoneWeeks.
	MilestoneWeeks int
	GroupBy        string // department, program, tags or ""
}

// DefaultMilestoneWeeks is a month and a half: the milestones the next two
// steering meetings will talk about.
const DefaultMilestoneWeeks = 6

// Entry is one project of the portfolio as Build sees it.
type Entry struct {
	ID, Name string
	Status   string // ok, reused, failed
	RAG      analyze.Level
	SPI, CPI *float64
	// Planned and Actual are percent complete; with the BAC they give the
	// group's SPI.
	Planned, Actual float64
	LateTasks       int
	OpenIssues      int
	OverdueIssues   int
	HighRisks       int
	NoIssueList     bool
	NoRiskRegister  bool
	Groups          config.Groups
	Summary         *Summary // nil when the project failed before analysis
}

func (e *Entry) label() string { return cmp.Or(e.ID, e.Name) }

// judged reports whether the entry has figures: built, with a RAG.
func (e *Entry) judged() bool { return e.Status != "failed" && e.RAG != "" && e.Summary != nil }

// Board is the PMO's own view of the portfolio.
type Board struct {
	AsOf       date.Date      `json:"as_of,omitzero"`
	Counts     []LevelCount   `json:"counts"`
	Changes    []Change       `json:"changes"` // every judged project, portfolio order
	Movers     []Change       `json:"movers"`  // worsened since the last run, worst first
	Quadrant   []Point        `json:"quadrant"`
	Milestones []DueMilestone `json:"milestones"`
	// MilestoneUntil is the last day of the strip.
	MilestoneUntil date.Date `json:"milestone_until"`
	Items          []Item    `json:"items"` // decisions, then escalations
	// OverdueActions are every project's open action items past due, the
	// most overdue first; MoreActions those left out.
	OverdueActions []Action     `json:"overdue_actions"`
	MoreActions    int          `json:"more_actions,omitempty"`
	HasActions     bool         `json:"has_actions"` // some project keeps an action list
	Trend          []TrendRow   `json:"trend"`
	Quality        []QualityRow `json:"quality"` // worst first
	People         *People      `json:"people"`
	// Missing names the projects the board could not take in (failed, or
	// kept from an older pmo without a summary): their people, milestones
	// and decisions are not in it.
	Missing  []string      `json:"missing"`
	GroupBy  string        `json:"group_by,omitempty"`
	Groups   []Group       `json:"groups,omitempty"`
	Findings diag.Findings `json:"findings"`
}

// LevelCount is how many projects are at a level now and were at the
// run before (Before counts only projects with an earlier run).
type LevelCount struct {
	Level  analyze.Level `json:"level"`
	Now    int           `json:"now"`
	Before int           `json:"before"`
}

// Change is one project's move since its previous run.
type Change struct {
	Project string        `json:"project"`
	Name    string        `json:"name"`
	RAG     analyze.Level `json:"rag"`
	Prev    analyze.Level `json:"prev,omitempty"` // "" without an earlier run
	SPI     *float64      `json:"spi"`
	PrevSPI *float64      `json:"prev_spi"`
	Since   date.Date     `json:"since,omitzero"`
	// Arrow is +1 when the RAG got better, -1 worse, 0 the same or
	// without an earlier run.
	Arrow int `json:"arrow"`
}

// HasPrevious reports whether the project has an earlier run to compare.
func (c *Change) HasPrevious() bool { return c.Prev != "" }

// SPIDelta is the SPI's change since the previous run, nil when either
// is unknown.
func (c *Change) SPIDelta() *float64 {
	if c.SPI == nil || c.PrevSPI == nil {
		return nil
	}
	d := *c.SPI - *c.PrevSPI
	return &d
}

// Point is one project on the SPI × CPI chart.
type Point struct {
	Project string        `json:"project"`
	SPI     float64       `json:"spi"`
	CPI     float64       `json:"cpi"`
	BAC     float64       `json:"bac"`
	RAG     analyze.Level `json:"rag"`
}

// DueMilestone is a milestone in the strip, with its project.
type DueMilestone struct {
	Project string                  `json:"project"`
	Name    string                  `json:"name"`
	Date    date.Date               `json:"date"`
	Status  analyze.MilestoneStatus `json:"status"`
}

// Item kinds.
const (
	KindDecision   = "decision"
	KindEscalation = "escalation"
)

// Item is a decision needed or an escalation, with its project. Age is
// the days since it was raised, nil while the project does not say.
type Item struct {
	Project string    `json:"project"`
	Kind    string    `json:"kind"`
	Text    string    `json:"text"`
	Owner   string    `json:"owner,omitempty"`
	Age     *int      `json:"age"`
	Due     date.Date `json:"due,omitzero"`
	Overdue bool      `json:"overdue,omitempty"`
}

// TrendRow is one project's last runs.
type TrendRow struct {
	Project string       `json:"project"`
	Name    string       `json:"name"`
	Points  []TrendPoint `json:"points"`
}

// Build computes the board from the projects in portfolio order.
func Build(in Input, entries []Entry) *Board {
	b, _ := BuildFrom(in, len(entries), func(i int) (Entry, error) { return entries[i], nil })
	return b
}
