package report

import (
	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/portfolio"
)

// Portfolio is the steering meeting's overview: one row per project, worst
// first, and each project's one-page summary.
type Portfolio struct {
	Name string
	Lang string
	L    Labels
	AsOf date.Date // the run's status date; zero when projects differ
	// FindingsOf, when set, gives row i's findings on demand instead of
	// Rows[i].Findings, so that a portfolio of a thousand projects is
	// written without holding all of their findings at once.
	FindingsOf func(i int) (diag.Findings, error)
	// DocumentOf, likewise, gives row i's summary document on demand
	// instead of Documents[i].
	DocumentOf func(i int) (*Document, error)

	Rows []PortfolioRow
	// Documents are the summaries of the projects that were built, in Rows
	// order (nil entries for failed or reused projects).
	Documents []*Document
	// Board is the portfolio's own view across projects (people, moves,
	// milestones, decisions, trend, data quality, groups); nil when the
	// caller has none.
	Board *portfolio.Board
	// Findings are the portfolio's own, about no one project: its file's
	// (a listed project not found) and the board's (a person
	// over-allocated across projects).
	Findings diag.Findings
}

// PortfolioRow is one project in the portfolio table.
type PortfolioRow struct {
	ID, Name, PM  string
	Status        string // ok, reused, failed
	Error         string
	RAG           analyze.Level
	Reason        string // the headline reason in the portfolio's language
	AsOf          date.Date
	Planned       float64
	Actual        float64
	SPI, CPI      *float64
	LateTasks     int
	OpenIssues    int
	OverdueIssues int
	HighRisks     int
	// Data quality (see analyze.Coverage).
	Errors, Warnings            int
	ScheduledShare              *float64
	CheckFirst                  string
	NoIssueList, NoRiskRegister bool
	NextMilestone               *analyze.Milestone
	ProgressDelta               *float64 // since the last run
	// Time: tasks re-planned and sheets possibly not updated since the
	// last run (nil without one), and the Earned Schedule forecast finish.
	Replanned, StaleSheets *int
	ForecastFinish         date.Date
	// Money, when the YAML gives a budget or cost_per_day: the budget and
	// the forecast cost at completion (EAC), in Currency; nil when not
	// given or not computable.
	Budget, EAC *float64
	Currency    string
	Tracker     string // relative path of the project's tracker, for a link
	Report      string // relative path of its PDF
	Findings    diag.Findings
}

// RowFindings returns the findings of row i: from FindingsOf when set,
// else the row's own.
func (pf *Portfolio) RowFindings(i int) (diag.Findings, error) {
	if pf.FindingsOf != nil {
		return pf.FindingsOf(i)
	}
	return pf.Rows[i].Findings, nil
}

// Page returns the summary document of row i (nil for none): from
// DocumentOf when set, else Documents[i].
func (pf *Portfolio) Page(i int) (*Document, error) {
	if pf.DocumentOf != nil {
		return pf.DocumentOf(i)
	}
	if i < len(pf.Documents) {
		return pf.Documents[i], nil
	}
	return nil, nil
}
