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
	// History is the earlier runs' headline figures, oldest first; the
	// trend adds this run to them.
	History []RunPoint
	// Baseline is the run later runs are compared with (nil: none yet),
	// BaselineName what the user called it.
	Baseline     *Snapshot
	BaselineName string
	// Meeting follow-up and quality (meeting.go, quality.go): action
	// items from sheets and the YAML, test cases or a daily tally, and the
	// issues of defect lists. The Has flags say a source of the kind was
	// read, so that an empty list is zero rather than "not provided".
	Actions    []project.Action
	HasActions bool
	Tests      []project.TestCase
	TestDays   []project.TestDay
	HasTests   bool
	Defects    []project.Issue
	HasDefects bool
	// Calendars, when set, shares calendars between projects (a batch).
	Calendars *Calendars
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
	Forecast   Forecast      `json:"forecast"`
	Replan     *Replan       `json:"replan"`   // nil without a detailed previous run
	Baseline   *BaselineDiff `json:"baseline"` // nil without a baseline
	Trend      []RunPoint    `json:"trend"`    // earlier runs and this one
	IssueTrend IssueTrend    `json:"issue_trend"`
	// Actions are the action items; Decisions the YAML's decision log as
	// of the status date; Tests and Defects are nil without such a source.
	Actions   ActionStats     `json:"actions"`
	Decisions []DecisionState `json:"decisions"`
	Tests     *TestStats      `json:"tests"`
	Defects   *DefectStats    `json:"defects"`
	Findings  diag.Findings   `json:"-"`
	// Rolled is the task list with summary figures rolled up from their
	// children, in outline order; what the tracker and report show.
	Rolled []project.Task `json:"-"`

	// What this run remembers for the next (see Snapshot).
	taskStates   []TaskState
	itemStates   []ItemState
	sourceStates []SourceState
	cal          *calendar.Calendar
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
	cal := in.Calendars.For(cfg)
	r := &Result{
		Project: ProjectRef{ID: cfg.Project.ID, Name: cfg.Project.Name, PM: cfg.Project.PM},
		AsOf:    in.AsOf, cal: cal,
	}
	r.Rolled = rollUp(in.Tasks, cal, &r.Findings)
	leaves := leafFigures(r.Rolled, cal, in.AsOf)
	r.EVM = evm(leaves)
	zeroActualFindings(leaves, &r.Findings)
	if r.EVM.BAC > 0 && !math.IsInf(r.EVM.BAC, 0) {
		r.Progress = Progress{Planned: r.EVM.PV / r.EVM.BAC * 100, Actual: r.EVM.EV / r.EVM.BAC * 100}
	}
	if cfg.Project.CostPerDay > 0 {
		r.Money = money(r.EVM, cfg.Project.CostPerDay, cfg.Project.Currency, cfg.Project.Budget)
	}
	r.Tasks = taskStats(r.Rolled, leaves, cfg.Thresholds.BehindPoints)
	r.Milestones = milestones(cfg, r.Rolled, leaves, in.AsOf)
	names := newSourceNames(cfg)
	r.Issues = issueStats(in.Issues, in.AsOf, in.Previous, names)
	r.Risks = riskStats(in.Risks)
	r.Workload = workload(cfg, leaves, cal, in.AsOf)
	r.Teams = teamStats(leaves)
	works := plannedWorks(leaves, cal)
	r.Forecast = forecast(leaves, works, cal, in.AsOf, r.EVM, cfg.Project.CostPerDay, cfg.Project.Currency)
	r.Curve = curve(leaves, works, cal, in.AsOf, in.Previous, in.History, r.Progress)
	r.IssueTrend = issueTrend(in.Issues, in.AsOf)
	r.Coverage = coverage(in.Sources, leaves, in.Issues, in.Risks)
	var unreadable []SourceCoverage
	for _, s := range r.Coverage.Sources {
		if !s.Read {
			unreadable = append(unreadable, s)
		}
	}
	followUp(in, r, names)
	r.RAG = rag(cfg.Thresholds, r, unreadable)
	if in.Previous != nil {
		r.Changes = changes(in.Previous, r)
	}
	r.taskStates = taskStates(r.Rolled, names)
	r.itemStates = itemStates(in.Issues, in.Risks, names)
	r.sourceStates = sourceStates(r.taskStates, r.itemStates, in.Previous)
	// After the source digests: an action list is not a plan whose sheet
	// goes stale.
	r.itemStates = append(r.itemStates, actionItemStates(in, names)...)
	if in.Previous != nil && in.Previous.Detailed {
		r.Replan = replan(in.Previous, r.taskStates, r.Rolled, leaves, r.sourceStates, names, r.EVM.BAC, cal, in.AsOf, &r.Findings)
	}
	switch src := sourceBaseline(r.taskStates, r.Rolled, leaves); {
	case src != nil:
		// A baseline the source saved itself (MS Project, GanttProject)
		// is the approved plan: it wins over pmo's own.
		r.Baseline = baselineDiff(src, SourceBaselineName, r.taskStates, r.Rolled, r.EVM.BAC, cal)
		r.Baseline.Removed = nil // the source's baseline lists no removed tasks
	case in.Baseline != nil && in.Baseline.Detailed && in.Baseline.AsOf < in.AsOf:
		r.Baseline = baselineDiff(in.Baseline, in.BaselineName, r.taskStates, r.Rolled, r.EVM.BAC, cal)
	}
	for _, p := range in.History {
		if p.AsOf < in.AsOf {
			r.Trend = append(r.Trend, p)
		}
	}
	r.Trend = append(r.Trend, r.runPoint(in.Previous))
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
