package batch

import (
	"cmp"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/outdir"
	"github.com/pmokit/pmo/internal/report"
)

// FailOn says what makes a batch exit 1 besides a failed project.
type FailOn string

// FailOn values.
const (
	FailOnError   FailOn = "error"   // a project with error findings
	FailOnWarning FailOn = "warning" // … or warnings
	FailOnRed     FailOn = "red"     // a project rated red
	FailOnUnknown FailOn = "unknown" // a project rated red or unknown (判定不能)
	FailOnNone    FailOn = "none"    // only a project that could not be built
)

// NeedsAttention reports whether the run should exit 1: a project failed,
// one reached the --fail-on level, or the portfolio's own findings do
// (see PortfolioNeedsAttention): the portfolio file's, and the board's
// once it is built.
func (r *Result) NeedsAttention(on FailOn) bool {
	if PortfolioNeedsAttention(r.Findings, on) || r.Board != nil && PortfolioNeedsAttention(r.Board.Findings, on) {
		return true
	}
	for _, p := range r.Projects {
		switch {
		case p.Status == StatusFailed:
			return true
		case on == FailOnError && p.Errors > 0:
			return true
		case on == FailOnWarning && (p.Errors > 0 || p.Warnings > 0):
			return true
		case on == FailOnRed && p.RAG == analyze.Red:
			return true
		case on == FailOnUnknown && (p.RAG == analyze.Red || p.RAG == analyze.Unknown):
			return true
		}
	}
	return false
}

// PortfolioNeedsAttention reports whether findings about the portfolio
// as a whole make the run exit 1: an error always (a portfolio file that
// names a missing project loses it from the steering meeting's view), a
// warning (a person over-allocated across projects) under --fail-on
// warning, as a project's warnings do.
func PortfolioNeedsAttention(fs diag.Findings, on FailOn) bool {
	return fs.Count(diag.Error) > 0 || on == FailOnWarning && fs.Count(diag.Warning) > 0
}

// Ranked returns the projects worst first: failed, then red, unknown, amber, green,
// then lower SPI; ties keep the plan's order.
func (r *Result) Ranked() []*ProjectResult {
	out := slices.Clone(r.Projects)
	rank := func(p *ProjectResult) int {
		switch {
		case p.Status == StatusFailed:
			return 0
		case p.RAG == "":
			return len(analyze.Levels) + 1
		}
		return 1 + p.RAG.Rank()
	}
	spi := func(p *ProjectResult) float64 {
		if p.SPI == nil {
			return 9
		}
		return *p.SPI
	}
	slices.SortStableFunc(out, func(a, b *ProjectResult) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(spi(a), spi(b)))
	})
	return out
}

// Overview builds the portfolio document: rows worst first, with each
// built project's summary document in the same order.
func (r *Result) Overview(lang string) *report.Portfolio {
	l := report.LabelsFor(lang)
	pf := &report.Portfolio{Name: cmp.Or(r.Name, l.Get("title.portfolio")), Lang: cmp.Or(lang, "ja"), L: l, AsOf: r.AsOf}
	ranked := r.Ranked()
	// Findings the batch let go are read back one project at a time.
	pf.FindingsOf = func(i int) (diag.Findings, error) {
		if p := ranked[i]; p.findingsIn != "" {
			return p.AllFindings()
		}
		return pf.Rows[i].Findings, nil
	}
	// So are the summary pages.
	pf.DocumentOf = func(i int) (*report.Document, error) { return ranked[i].Page() }
	for _, p := range ranked {
		row := report.PortfolioRow{
			ID: p.ID, Name: cmp.Or(p.Name, p.Path), PM: p.PM, Status: p.Status, Error: p.Error, RAG: p.RAG,
			Reason: p.ReasonJA, AsOf: p.AsOf, Planned: p.Planned, Actual: p.Actual, SPI: p.SPI, CPI: p.CPI,
			LateTasks: p.LateTasks, OpenIssues: p.OpenIssues, OverdueIssues: p.OverdueIssues, HighRisks: p.HighRisks,
			NextMilestone: p.NextMilestone, ProgressDelta: p.ProgressDelta, Findings: p.Findings,
			Replanned: p.Replanned, StaleSheets: p.StaleSheets, ForecastFinish: p.ForecastFinish,
			Errors: p.Errors, Warnings: p.Warnings, ScheduledShare: p.ScheduledShare, CheckFirst: p.CheckFirst,
			NoIssueList: p.NoIssueList, NoRiskRegister: p.NoRiskRegister,
			Budget: p.Budget, EAC: p.EACMoney, Currency: p.Currency,
		}
		if lang == "en" {
			row.Reason = p.Reason
		} else if p.ErrorJA != "" {
			row.Error = p.ErrorJA
		}
		for _, o := range p.Outputs {
			if !outdir.Inside(o) || strings.Count(o, "/") > 1 {
				// Links go only to files inside OUT, and only to the
				// project's own outputs, not to files in a folder below
				// (the teams' workbooks batch --annotate returns).
				continue
			}
			switch filepath.Ext(o) {
			case ".xlsx":
				row.Tracker = o
			case ".pdf":
				row.Report = o
			}
		}
		pf.Rows = append(pf.Rows, row)
		pf.Documents = append(pf.Documents, p.Document)
	}
	if pf.AsOf.IsZero() && len(r.Projects) > 0 {
		same := r.Projects[0].AsOf
		for _, p := range r.Projects {
			if p.AsOf != same {
				same = 0
				break
			}
		}
		pf.AsOf = same
	}
	return pf
}
