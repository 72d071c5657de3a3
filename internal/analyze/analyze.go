// Package analyze answers the PMO's weekly questions from a project's
// records: where are we against plan (progress and EVM as of a status
// date), what is late, which milestones are at risk, how issues and risks
// stand, who is overloaded, what the RAG is and why, and what changed since
// the last run. The definitions are written down in the README and are the
// same for every project; that sameness is the PMO's standardisation.
package analyze

import (
	"math"

	"github.com/pmokit/pmo/internal/calendar"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// Input is what the analysis looks at. Tasks must be in outline order.
type Input struct {
	Config   *config.Project
	AsOf     date.Date
	Tasks    []project.Task
	Issues   []project.Issue
	Risks    []project.Risk
	Previous *Snapshot // the newest earlier run, or nil
	// Sources describe what was read from each source, for coverage; nil
	// when the caller has records only (registers then count as given
	// when they hold records).
	Sources []SourceInput
}

// Result holds every figure of one project as of one status date. Ratios
// whose denominator is zero are nil (JSON null).
type Result struct {
	Project    ProjectRef    `json:"project"`
	AsOf       date.Date     `json:"as_of"`
	Progress   Progress      `json:"progress"`
	EVM        EVM           `json:"evm"`
	Money      *Money        `json:"money,omitempty"`
	Tasks      TaskStats     `json:"tasks"`
	Milestones []Milestone   `json:"milestones"`
	Issues     IssueStats    `json:"issues"`
	Risks      RiskStats     `json:"risks"`
	Workload   Workload      `json:"workload"`
	Coverage   Coverage      `json:"coverage"`
	RAG        RAG           `json:"rag"`
	Changes    *Changes      `json:"changes"`
	Teams      []TeamStats   `json:"teams"`
	Curve      []CurvePoint  `json:"curve"`
	Findings   diag.Findings `json:"-"`
	// Rolled is the task list with summary figures rolled up from their
	// children, in outline order; what the tracker and report show.
	Rolled []project.Task `json:"-"`
}

// ProjectRef names the project.
type ProjectRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	PM   string `json:"pm,omitempty"`
}

// Progress is planned vs actual percent complete.
type Progress struct {
	Planned float64 `json:"planned"`
	Actual  float64 `json:"actual"`
}

// Analyze computes every figure of the project.
func Analyze(in Input) *Result {
	cfg := in.Config
	cal := Calendar(cfg)
	r := &Result{
		Project: ProjectRef{ID: cfg.Project.ID, Name: cfg.Project.Name, PM: cfg.Project.PM},
		AsOf:    in.AsOf,
	}
	r.Rolled = rollUp(in.Tasks, cal, &r.Findings)
	leaves := leafFigures(r.Rolled, cal, in.AsOf)
	r.EVM = evm(leaves)
	if r.EVM.BAC > 0 && !math.IsInf(r.EVM.BAC, 0) {
		r.Progress = Progress{Planned: r.EVM.PV / r.EVM.BAC * 100, Actual: r.EVM.EV / r.EVM.BAC * 100}
	}
	if cfg.Project.CostPerDay > 0 {
		r.Money = money(r.EVM, cfg.Project.CostPerDay, cfg.Project.Currency, cfg.Project.Budget)
	}
	r.Tasks = taskStats(r.Rolled, leaves, cfg.Thresholds.BehindPoints)
	r.Milestones = milestones(cfg, r.Rolled, leaves, in.AsOf)
	r.Issues = issueStats(in.Issues, in.AsOf, in.Previous)
	r.Risks = riskStats(in.Risks)
	r.Workload = workload(cfg, leaves, cal, in.AsOf)
	r.Teams = teamStats(leaves)
	r.Curve = curve(leaves, cal, in.AsOf, in.Previous, r.Progress)
	r.Coverage = coverage(in.Sources, leaves, in.Issues, in.Risks)
	var unreadable []SourceCoverage
	for _, s := range r.Coverage.Sources {
		if !s.Read {
			unreadable = append(unreadable, s)
		}
	}
	r.RAG = rag(cfg.Thresholds, r, unreadable)
	if in.Previous != nil {
		r.Changes = changes(in.Previous, r)
	}
	r.Findings.Sort()
	return r
}

// Calendar builds the project's working-day calendar from the YAML.
func Calendar(cfg *config.Project) *calendar.Calendar {
	expand := func(rs []config.DateRange) []date.Date {
		var out []date.Date
		for _, r := range rs {
			for d := r.From; d <= r.To && d-r.From < 3660; d++ {
				out = append(out, d)
			}
		}
		return out
	}
	return calendar.New(cfg.Calendar.Holidays != "none", expand(cfg.Calendar.DaysOff), expand(cfg.Calendar.Workdays))
}
