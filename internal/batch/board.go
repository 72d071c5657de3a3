package batch

import (
	"cmp"
	"runtime"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/portfolio"
)

// summarize keeps what the portfolio's own pages need of a built project.
func summarize(p *pipeline.Project) *portfolio.Summary {
	sources := make([]config.Source, len(p.Sources))
	for i, s := range p.Sources {
		sources[i] = s.Config
	}
	return portfolio.Summarize(p.Config, p.Analysis, sources)
}

// BuildBoard builds the portfolio's own view (people across projects, status
// moves, milestones, decisions, trend, data quality, groups) from the
// run's results in plan order. groupBy is "" or one of config.GroupKeys;
// milestoneWeeks is how far ahead the milestone strip looks (0: the
// default). The projects' summaries are read back from their result files
// in order, a few ahead on as many goroutines as the run had workers
// (twice: see portfolio.BuildFrom), so the board's memory does not grow
// with every project's people and weeks.
func (r *Result) BuildBoard(plan *Plan, groupBy string, milestoneWeeks int) (*portfolio.Board, error) {
	in := portfolio.Input{AsOf: r.AsOf, GroupBy: groupBy, MilestoneWeeks: milestoneWeeks, DefaultCapacity: config.DefaultThresholds().Capacity}
	refs := map[string]config.Groups{}
	if pf := plan.Portfolio; pf != nil {
		in.File, in.People = r.Portfolio, pf.People
		if pf.Defaults.Thresholds.Capacity > 0 {
			in.DefaultCapacity = pf.Defaults.Thresholds.Capacity
		}
		for _, ref := range pf.Projects {
			refs[plan.Rel(ref.Path)] = ref.Groups
		}
	}
	entry := func(i int) (portfolio.Entry, error) {
		p := r.Projects[i]
		s, err := p.Summary()
		if err != nil {
			return portfolio.Entry{}, err
		}
		return portfolio.Entry{
			ID: p.ID, Name: p.Name, Status: p.Status, RAG: p.RAG, SPI: p.SPI, CPI: p.CPI,
			Planned: p.Planned, Actual: p.Actual, LateTasks: p.LateTasks, OpenIssues: p.OpenIssues,
			OverdueIssues: p.OverdueIssues, HighRisks: p.HighRisks, NoIssueList: p.NoIssueList, NoRiskRegister: p.NoRiskRegister,
			Groups: refs[p.Path], Summary: s,
		}, nil
	}
	// The summaries are read back on as many goroutines as the run had
	// workers (--jobs), a few projects ahead of the board (BuildFrom asks
	// for them in order, twice).
	get, stop := readAhead(len(r.Projects), 2, cmp.Or(r.jobs, runtime.GOMAXPROCS(0)), 2, entry)
	defer stop()
	return portfolio.BuildFrom(in, len(r.Projects), get)
}
