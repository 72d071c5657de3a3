// Package batch runs every project of a portfolio before a steering
// meeting: in parallel, each project isolated from the others' failures
// (panics included), unchanged projects reused, results in a stable order.
package batch

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/outdir"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/portfolio"
	"github.com/pmokit/pmo/internal/report"
)

// Renderer turns one loaded project into its output files (name ->
// contents, e.g. tracker.xlsx, status.pdf), plus any findings rendering made.
type Renderer func(p *pipeline.Project, d *report.Document) (map[string][]byte, diag.Findings, error)

// Options control a batch run.
type Options struct {
	Out    string    // output folder
	Jobs   int       // parallel projects; 0 = GOMAXPROCS
	AsOf   date.Date // overrides every status date
	Today  date.Date // fallback status date
	Lang   string
	Force  bool // rebuild even unchanged projects
	Getenv func(string) string
	// Version goes into the input hash, so a new pmo rebuilds everything.
	Version string
	// Variant names the output choices (formats, font) for the input hash:
	// a run asking for other outputs does not reuse these.
	Variant string
	Render  Renderer
	// Outputs are every file name Render may produce; those this run does
	// not produce are removed from the project's folder.
	Outputs []string
	// Stopwatch, when set, adds up the time of each stage ("write" is
	// the writer's, which runs beside the workers).
	Stopwatch *pipeline.Stopwatch
	// Progress is told when a project starts and ends; it is called from
	// the worker goroutines and the writer, one call at a time.
	Progress func(Event)
}

// Event is a progress report.
type Event struct {
	Index, Total int
	Path         string
	Done         bool
	Result       *ProjectResult // set when Done
}

// Project outcome states.
const (
	StatusOK     = "ok"
	StatusReused = "reused"
	StatusFailed = "failed"
)

// ProjectResult is one project's outcome and key figures, as summary.json
// and the portfolio report show them.
type ProjectResult struct {
	Path          string        `json:"path"`
	ID            string        `json:"id"`
	Name          string        `json:"name"`
	PM            string        `json:"pm,omitempty"`
	Status        string        `json:"status"`
	Error         string        `json:"error,omitempty"`
	ErrorJA       string        `json:"error_ja,omitempty"`
	Outputs       []string      `json:"outputs"`
	AsOf          date.Date     `json:"as_of,omitzero"`
	RAG           analyze.Level `json:"rag,omitempty"`
	Reason        string        `json:"reason,omitempty"`
	ReasonJA      string        `json:"reason_ja,omitempty"`
	Planned       float64       `json:"planned"`
	Actual        float64       `json:"actual"`
	SPI           *float64      `json:"spi"`
	CPI           *float64      `json:"cpi"`
	LateTasks     int           `json:"late_tasks"`
	OpenIssues    int           `json:"open_issues"`
	OverdueIssues int           `json:"overdue_issues"`
	HighRisks     int           `json:"high_risks"`
	// Data quality: the share of leaf tasks with planned dates, the source
	// to check first, and registers the project does not have (their
	// counts above are then not provided, not zero).
	ScheduledShare *float64           `json:"scheduled_share"`
	CheckFirst     string             `json:"check_first,omitempty"`
	NoIssueList    bool               `json:"no_issue_list,omitempty"`
	NoRiskRegister bool               `json:"no_risk_register,omitempty"`
	NextMilestone  *analyze.Milestone `json:"next_milestone"`
	ProgressDelta  *float64           `json:"progress_delta"`
	// Re-planned tasks and sheets possibly not updated since the last run
	// (null without one), and the forecast finish (Earned Schedule).
	Replanned      *int      `json:"replanned"`
	StaleSheets    *int      `json:"stale_sheets"`
	ForecastFinish date.Date `json:"forecast_finish,omitzero"`
	// Budget and the forecast cost at completion, in Currency (the
	// money view; absent without budget or cost_per_day).
	Budget    *float64      `json:"budget,omitempty"`
	EACMoney  *float64      `json:"eac_money,omitempty"`
	Currency  string        `json:"currency,omitempty"`
	Errors    int           `json:"errors"`
	Warnings  int           `json:"warnings"`
	Findings  diag.Findings `json:"findings"`
	InputHash string        `json:"input_hash,omitempty"`
	// Portfolio is what the portfolio's own pages need of the project
	// (people's load, milestones, decisions, trend, sources' quality).
	Portfolio *portfolio.Summary `json:"portfolio,omitempty"`
	// Document is the project's one-page summary, for the portfolio PDF;
	// nil for a failed project, and once the result file holds it (Page
	// reads it back).
	Document *report.Document `json:"-"`
	// findingsIn, pageIn and summaryIn are the result file holding
	// Findings, Document and Portfolio once the batch let them go (see
	// AllFindings, Page and Summary); pageLang is the stored page's
	// language.
	findingsIn, pageIn, summaryIn, pageLang string
}

// Result is the whole run.
type Result struct {
	Portfolio string           `json:"portfolio"`
	Name      string           `json:"name"`
	AsOf      date.Date        `json:"as_of,omitzero"`
	Projects  []*ProjectResult `json:"projects"`
	Findings  diag.Findings    `json:"findings"` // the portfolio file's own
	// Board is the portfolio's own view (see BuildBoard); nil until built.
	Board *portfolio.Board `json:"board,omitempty"`
	// jobs is the run's parallel projects, which BuildBoard keeps to.
	jobs int
}

// Failed counts the projects that could not be built.
func (r *Result) Failed() int {
	n := 0
	for _, p := range r.Projects {
		if p.Status == StatusFailed {
			n++
		}
	}
	return n
}

// Plan is what a batch will run: the portfolio (nil for a folder) and the
// project files in order.
type Plan struct {
	Portfolio *config.Portfolio
	Name      string
	Projects  []string
	Findings  diag.Findings
	// Root is the portfolio file's folder, or the folder searched: results
	// name projects relative to it, the same from any working directory.
	Root string
}

// Rel names a project file of the plan relative to its Root, with slashes.
func (p *Plan) Rel(path string) string {
	if rel, err := filepath.Rel(p.Root, path); err == nil && p.Root != "" {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(path)
}

// Discover reads a portfolio file, or lists every */project.yaml below a
// folder (hidden folders and Excel lock files left out).
func Discover(target string) (*Plan, error) {
	st, err := os.Stat(target)
	if err != nil {
		return nil, diag.Errorf(diag.Pos{File: target}, "cannot read: %v", cleanErr(err))
	}
	if !st.IsDir() {
		pf, fs, err := config.LoadPortfolio(target)
		if err != nil {
			return nil, err
		}
		// A mistyped key in the portfolio (its defaults reach every
		// project) stops the run; a project file that is missing stays a
		// finding, and the others are built.
		if err := config.DefinitionError(fs, config.RuleNoProjects); err != nil {
			return nil, err
		}
		plan := &Plan{Portfolio: pf, Name: pf.Name, Findings: fs, Root: filepath.Dir(target)}
		for _, p := range pf.Projects {
			plan.Projects = append(plan.Projects, p.Path)
		}
		return plan, nil
	}
	// Named by the folder itself, "." and "../x" included.
	name := filepath.Base(filepath.Clean(target))
	if abs, err := filepath.Abs(target); err == nil {
		name = filepath.Base(abs)
	}
	plan := &Plan{Name: name, Root: target}
	err = filepath.WalkDir(target, func(path string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := e.Name()
		if path != target && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")) {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !e.IsDir() && name == "project.yaml" {
			plan.Projects = append(plan.Projects, path)
		}
		return nil
	})
	if err != nil {
		return nil, diag.Errorf(diag.Pos{File: target}, "cannot list projects: %v", cleanErr(err))
	}
	// Sorted by the slash form, so kikan/ comes before kikan2/ on Windows
	// too, and the first of two duplicate ids is the same everywhere.
	slices.SortFunc(plan.Projects, func(a, b string) int { return strings.Compare(filepath.ToSlash(a), filepath.ToSlash(b)) })
	if len(plan.Projects) == 0 {
		return nil, diag.Errorf(diag.Pos{File: target}, "no */project.yaml below this folder")
	}
	return plan, nil
}

func cleanErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// Run runs every project of the plan. Each project's failure — an
// unreadable file or a panic in any stage — becomes that project's error
// result; the others go on. Results keep the plan's order.
func Run(ctx context.Context, plan *Plan, opt Options) *Result {
	res := &Result{Name: plan.Name, Findings: plan.Findings, AsOf: opt.AsOf, Projects: make([]*ProjectResult, len(plan.Projects))}
	// A run killed half-way leaves temporary files behind; the finished
	// outputs beside them are whole. The caller holds the folder's lock,
	// so no temporary file there belongs to a live run.
	outdir.RemoveStaleTemp(opt.Out)
	if plan.Portfolio != nil {
		res.Portfolio = filepath.Base(plan.Portfolio.Path)
	}
	st := newShared(opt.Out)
	defer st.close()
	if plan.Portfolio != nil {
		st.defaults, _ = limits.ReadFile(plan.Portfolio.Path, diag.Pos{File: plan.Portfolio.Path}, limits.YAMLBytes)
	}
	jobs := cmp.Or(opt.Jobs, runtime.GOMAXPROCS(0))
	res.jobs = jobs
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex // serialises Progress calls
		next = make(chan job)
	)
	report := func(e Event) {
		if opt.Progress != nil {
			mu.Lock()
			opt.Progress(e)
			mu.Unlock()
		}
	}
	// A project's outputs are written, and its run recorded in the
	// history, by one writer goroutine while the workers go on to the
	// next projects: waiting for the disk (each file synced before its
	// rename) and for the history database (one connection, its commits
	// synced) then leaves no core idle. The writer takes the projects in
	// the plan's order (order.go) and holds one built project beyond the
	// next in order: a worker that finishes a second one ahead of an
	// earlier project waits for it. That is the one project's files the
	// queue held before it kept the plan's order: enough that a worker
	// seldom waits (about 20 ms of writing a project against 45 ms of
	// building on two cores), and a slow disk or project holds the
	// workers back rather than piling up outputs (100 generated projects:
	// peak RSS within the run-to-run spread of 70–85 MiB for a queue of 0,
	// 1 or 2).
	done := newInOrder(1)
	var writer sync.WaitGroup
	writer.Go(func() {
		for {
			w, ok := done.take()
			if !ok {
				return
			}
			if w.out != nil {
				finishProject(ctx, opt, st, w.r, w.out)
			}
			res.Projects[w.index] = w.r
			report(Event{Index: w.index, Total: len(plan.Projects), Path: plan.Projects[w.index], Done: true, Result: w.r})
		}
	})
	for range min(jobs, max(len(plan.Projects), 1)) {
		wg.Go(func() {
			for j := range next {
				i, path := j.index, plan.Projects[j.index]
				report(Event{Index: i, Total: len(plan.Projects), Path: path})
				var r *ProjectResult
				var out *pipeline.Pending
				if j.dupOf != "" {
					// Two projects with one id would overwrite each other's outputs.
					err := diag.Errorf(diag.Pos{File: plan.Rel(path)}, "project.id is also used by %s; each project needs its own id", plan.Rel(j.dupOf))
					r = &ProjectResult{Path: plan.Rel(path), Status: StatusFailed, Outputs: []string{}, Findings: diag.Findings{},
						Error: err.Error(), ErrorJA: err.Text("ja")}
				} else {
					r, out = runProject(ctx, path, plan, opt, st, j.loaded)
				}
				done.put(&pendingWrite{index: i, r: r, out: out})
			}
		})
	}
	// The definitions are read here, one project ahead of the workers, so
	// that a project whose id an earlier one uses fails, and each is read
	// once: never all of them at once, which for a thousand projects
	// would hold every definition until its project is built.
	first := map[string]string{} // id -> the first file using it
	for i, path := range plan.Projects {
		if ctx.Err() != nil {
			break
		}
		j := job{index: i}
		// Files that cannot be read are left to fail on their own.
		if cfg, fs, err := config.Load(path); err == nil && cfg.Project.ID != "" {
			if other, ok := first[cfg.Project.ID]; ok {
				j.dupOf = other
			} else {
				first[cfg.Project.ID] = path
				j.loaded = &loadedConfig{cfg, fs}
			}
		}
		next <- j
	}
	close(next)
	wg.Wait()
	done.close()
	writer.Wait()
	for i, r := range res.Projects {
		if r == nil { // cancelled before it started
			res.Projects[i] = &ProjectResult{Path: plan.Rel(plan.Projects[i]), Status: StatusFailed, Error: "not run: interrupted", Outputs: []string{}, Findings: diag.Findings{}}
		}
	}
	return res
}

// job is one project handed to a worker: its index in the plan, its
// definition when it could be read, or the earlier file using its id.
type job struct {
	index  int
	loaded *loadedConfig
	dupOf  string
}

// pendingWrite is a finished project: built, with its outputs still to be
// written (out), or reused or failed (out nil).
type pendingWrite struct {
	index int
	r     *ProjectResult
	out   *pipeline.Pending
}

// runProject builds one project, turning any panic into an error result.
// A project built anew comes back with its outputs to write (out, see
// finishProject); a reused or failed one is done.
func runProject(ctx context.Context, path string, plan *Plan, opt Options, st *shared, lc *loadedConfig) (r *ProjectResult, out *pipeline.Pending) {
	r = &ProjectResult{Path: plan.Rel(path), Outputs: []string{}, Findings: diag.Findings{}}
	defer func() {
		if v := recover(); v != nil {
			out = nil
			panicked(r, v)
		}
	}()
	out, err := build(ctx, path, plan, opt, st, lc, r)
	if err != nil {
		fail(r, err)
		return r, nil
	}
	return r, out
}

// finishProject writes a built project's outputs, records its run in the
// history and keeps its result for the next run, turning any failure or
// panic into the project's error result.
func finishProject(ctx context.Context, opt Options, st *shared, r *ProjectResult, out *pipeline.Pending) {
	defer func() {
		if v := recover(); v != nil {
			panicked(r, v)
		}
	}()
	if err := ctx.Err(); err != nil {
		fail(r, err) // stopped: write nothing new
		return
	}
	var written []string
	var err error
	opt.Stopwatch.Time("write", func() { written, err = out.Write() })
	r.Outputs = append(r.Outputs, written...)
	if err != nil {
		fail(r, err)
		return
	}
	r.Status = StatusOK
	// The marker after this run's own history step, which the next run
	// compares with.
	if err := saveResult(opt.Out, r, st.marks.mark(r.ID)); err != nil {
		fail(r, err)
		return
	}
	r.spill(opt.Out)
}

func fail(r *ProjectResult, err error) {
	r.Status = StatusFailed
	r.Error, r.ErrorJA = oneLine(err.Error()), oneLine(errorText(err, "ja"))
}

func panicked(r *ProjectResult, v any) {
	r.Status = StatusFailed
	r.Error = fmt.Sprintf("internal error: %v (please report this with the input files)", v)
	r.Document = nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// errorText is err in lang when it is (or wraps) an input error with a
// translation; the English text otherwise.
func errorText(err error, lang string) string {
	var ie *diag.InputError
	if errors.As(err, &ie) {
		return strings.Replace(err.Error(), ie.Error(), ie.Text(lang), 1)
	}
	return err.Error()
}

// build reads, analyses and renders one project into r; its outputs are
// returned to write, nil when the project is reused.
func build(ctx context.Context, path string, plan *Plan, opt Options, st *shared, lc *loadedConfig, r *ProjectResult) (*pipeline.Pending, error) {
	popt := pipeline.Options{AsOf: opt.AsOf, Today: opt.Today, Getenv: opt.Getenv, HistoryDir: opt.Out, History: st.history,
		Stopwatch: opt.Stopwatch, Calendars: st.calendars}
	if plan.Portfolio != nil {
		popt.Defaults = &plan.Portfolio.Defaults
	}
	// The definition read once for the id check serves the hash and the
	// pipeline too.
	if lc == nil {
		cfg, fs, err := config.Load(path)
		if err != nil {
			return nil, err
		}
		lc = &loadedConfig{cfg, fs}
	}
	cfg, fs := lc.cfg, lc.fs
	popt.Loaded, popt.LoadedFindings = cfg, fs
	if plan.Portfolio != nil {
		cfg.ApplyDefaults(plan.Portfolio.Defaults)
	}
	hash, err := inputHash(path, cfg, st.defaults, opt)
	if err != nil {
		return nil, err
	}
	r.InputHash = hash
	var reused *ProjectResult
	if !opt.Force {
		// The history is an input too: a baseline set or runs imported
		// since change the figures though no file of the project did.
		reused, _ = reusable(opt.Out, cfg.Project.ID, hash, func() string { return st.marks.mark(cfg.Project.ID) })
	}
	if reused != nil && reused.pageLang == cmp.Or(opt.Lang, cfg.Report.Lang, "ja") {
		// Unchanged inputs, outputs in place and the summary page stored:
		// nothing to read, analyse or write (the hash check is the work).
		*r = *reused
		r.Path, r.Status = plan.Rel(path), StatusReused
		return nil, nil
	}
	p, err := pipeline.Load(ctx, path, popt)
	if err != nil {
		return nil, err
	}
	if reused != nil && !p.Failed() {
		// The outputs stand; the portfolio still wants this project's
		// summary page, which reading and analysing alone rebuild.
		*r = *reused
		r.Path, r.Status = plan.Rel(path), StatusReused
		r.Document, r.pageIn = st.keepPage(p.Document(cmp.Or(opt.Lang, p.Config.Report.Lang)).PageOne()), ""
		return nil, nil
	}
	c := p.Config
	r.ID, r.Name, r.PM, r.AsOf = c.Project.ID, c.Project.Name, c.Project.PM, p.AsOf
	r.Findings = p.Findings
	r.Errors, r.Warnings = p.Findings.Count(diag.Error), p.Findings.Count(diag.Warning)
	if p.Failed() {
		// Figures from half the sources would mislead: no RAG, no summary.
		return nil, firstSourceError(p)
	}
	figures(r, p.Analysis)
	if c.Project.Budget > 0 {
		v := c.Project.Budget
		r.Budget = &v
	}
	if r.Budget != nil || r.EACMoney != nil {
		r.Currency = cmp.Or(c.Project.Currency, "JPY")
	}
	r.Portfolio = summarize(p)
	lang := cmp.Or(opt.Lang, c.Report.Lang)
	d := p.Document(lang)
	// The portfolio keeps only the summary page's data of each project, so
	// a batch's memory does not grow with every project's task list.
	r.Document = st.keepPage(d.PageOne())
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	files, more, err := opt.Render(p, d)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err // stopped: write nothing new
	}
	r.Findings = append(r.Findings, more...)
	var out *pipeline.Pending
	opt.Stopwatch.Time("write", func() { out, err = p.Outputs(opt.Out, files, true, opt.Outputs...) })
	return out, err
}

func firstSourceError(p *pipeline.Project) error {
	for _, s := range p.Sources {
		if s.Err != nil {
			return s.Err
		}
	}
	return errors.New("a source could not be read")
}

// figures copies the key figures into the result row.
func figures(r *ProjectResult, a *analyze.Result) {
	r.RAG = a.RAG.Overall
	if len(a.RAG.Details) > 0 {
		r.Reason, r.ReasonJA = a.RAG.Details[0].EN, a.RAG.Details[0].JA
	}
	r.Planned, r.Actual = a.Progress.Planned, a.Progress.Actual
	r.SPI, r.CPI = a.EVM.SPI, a.EVM.CPI
	r.LateTasks, r.OpenIssues, r.OverdueIssues, r.HighRisks = a.Tasks.Late, a.Issues.Open, a.Issues.Overdue, a.Risks.High
	r.NextMilestone = report.NextMilestone(a)
	c := a.Coverage
	r.ScheduledShare, r.CheckFirst, r.NoIssueList, r.NoRiskRegister = c.ScheduledShare, c.Worst, !c.HasIssues, !c.HasRisks
	if a.Changes != nil {
		d := a.Changes.ProgressDelta
		r.ProgressDelta = &d
	}
	if rp := a.Replan; rp != nil {
		moved, stale := len(rp.Moved), len(rp.StaleSource)
		r.Replanned, r.StaleSheets = &moved, &stale
	}
	r.ForecastFinish = a.Forecast.Finish
	if fm := a.Forecast.Money; fm != nil && fm.EAC != nil {
		v := *fm.EAC
		r.EACMoney = &v
	}
}
