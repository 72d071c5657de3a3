// Package pipeline runs pmo's stages in order: load the project definition,
// read every team sheet, build the project, validate it. Later stages
// (analysis, rendering) hang off the same Project value.
package pipeline

import (
	"cmp"
	"context"
	"errors"
	"path/filepath"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/report"
	"github.com/pmokit/pmo/internal/sheet"
	"github.com/pmokit/pmo/internal/validate"
)

// Project is a project definition together with everything read from its
// sources, in source order.
type Project struct {
	Config  *config.Project
	AsOf    date.Date
	Sources []Source
	Tasks   []project.Task
	Issues  []project.Issue
	Risks   []project.Risk
	// Follow-up and quality records (meeting.go).
	Actions  []project.Action
	Tests    []project.TestCase
	TestDays []project.TestDay
	Defects  []project.Issue
	// Findings holds the loader's, the readers', the validator's and the
	// analysis's findings, sorted by position.
	Findings diag.Findings
	// Analysis holds the figures; Previous the run it compared with.
	Analysis *analyze.Result
	Previous *analyze.Snapshot
	// history is the batch's shared history database, when it has one.
	history *SharedHistory
}

// Source is one team sheet and what came of reading it.
type Source struct {
	Config config.Source
	Result *sheet.Result // nil when the file could not be read
	Err    error
}

// Failed reports whether some source could not be read at all.
func (p *Project) Failed() bool {
	for _, s := range p.Sources {
		if s.Err != nil {
			return true
		}
	}
	return false
}

// Options are the run's settings.
type Options struct {
	// AsOf overrides the status date; zero means the YAML's status_date.
	AsOf date.Date
	// Today is the fallback status date when neither is given; the caller
	// reads the clock so that nothing here does.
	Today date.Date
	// Getenv looks up source passwords.
	Getenv func(string) string
	// HistoryDir is the output folder whose .pmo/history.db holds the
	// earlier runs; empty means no comparison.
	HistoryDir string
	// History, when set, is HistoryDir's database shared by the projects
	// of a batch: read and recorded through one handle.
	History *SharedHistory
	// Defaults are a portfolio's values for what the project leaves out.
	Defaults *config.Defaults
	// Sources, when set, replaces the path each source is read from (by
	// its resolved path); a source missing from it is left out. Used to
	// replay dated copies into the history.
	Sources map[string]string
	// Lenient keeps errors in the project definition as findings instead
	// of stopping: what validate wants, which lists them all. Every other
	// command stops, because a mistyped key changes the figures.
	Lenient bool
	// Stopwatch, when set, is told how long each stage took (for
	// measurements; nothing of it reaches an output).
	Stopwatch *Stopwatch
	// Calendars, when set, shares working-day calendars between the
	// projects of a batch.
	Calendars *analyze.Calendars
	// Loaded, when set, is the definition at path as config.Load returned
	// it, with LoadedFindings: a batch has read it already.
	Loaded         *config.Project
	LoadedFindings diag.Findings
}

// Load reads a project definition and its sources and validates them. An
// error means the definition itself could not be read; unreadable sources
// are recorded in Sources and as findings, and the rest still runs.
func Load(ctx context.Context, path string, opt Options) (*Project, error) {
	cfg, fs := opt.Loaded, opt.LoadedFindings
	if cfg == nil {
		var err error
		if cfg, fs, err = config.Load(path); err != nil {
			return nil, err
		}
	}
	if !opt.Lenient {
		if err := config.DefinitionError(fs); err != nil {
			return nil, err
		}
	}
	if opt.Defaults != nil {
		cfg.ApplyDefaults(*opt.Defaults)
	}
	if !config.ValidID(cfg.Project.ID) && !opt.Lenient {
		// The id names the output folder: never write with a bad one. A
		// lenient run (validate) writes nothing and lists the finding.
		return nil, diag.Errorf(cfg.Project.IDPos, "project.id %q is missing or not a-z, 0-9, _ and - only; it names the output folder", cfg.Project.ID)
	}
	if opt.Sources != nil {
		// A replay of dated copies: each source read from its copy of that
		// date (left out when it has none), named as the YAML names it.
		var kept []config.Source
		for _, s := range cfg.Sources {
			if copy, ok := opt.Sources[s.Path]; ok {
				s.Path = copy
				kept = append(kept, s)
			}
		}
		cfg.Sources = kept
	}
	p := &Project{Config: cfg, Findings: fs}
	if opt.History != nil && opt.History.dir == opt.HistoryDir {
		p.history = opt.History
	}
	p.AsOf = statusDate(cfg, opt)
	// The history is read while the sources are: in a batch its one
	// database connection may be busy recording another project, and the
	// wait then overlaps the reading instead of holding this project up.
	earlier := p.earlier(opt)
	lap := opt.Stopwatch.start()
	for _, src := range cfg.Sources {
		if err := ctx.Err(); err != nil {
			earlier()
			return nil, err
		}
		p.read(src, opt)
	}
	p.Actions = append(p.Actions, cfg.Actions...)
	lap = opt.Stopwatch.add("read", lap)
	rosterTeams(cfg, p.Tasks, p.Issues)
	p.Findings = append(p.Findings, validate.Check(validate.Input{
		Config: cfg, AsOf: p.AsOf, Tasks: p.Tasks, Issues: p.Issues, Risks: p.Risks,
	})...)
	before, err := earlier()
	if err != nil {
		return nil, err
	}
	p.Previous = before.Previous
	p.Analysis = analyze.Analyze(analyze.Input{
		Config: cfg, AsOf: p.AsOf, Tasks: p.Tasks, Issues: p.Issues, Risks: p.Risks, Previous: before.Previous,
		History: before.Trend, Baseline: before.Baseline, BaselineName: before.BaselineName, Sources: p.sourceInputs(),
		Actions: p.Actions, HasActions: p.hasKind(project.KindActions) || len(cfg.Actions) > 0,
		Tests: p.Tests, TestDays: p.TestDays, HasTests: p.hasKind(project.KindTests),
		Defects: p.Defects, HasDefects: p.hasDefectList(),
		Calendars: opt.Calendars,
	})
	p.finish()
	opt.Stopwatch.add("analyze", lap)
	return p, nil
}

// earlier starts reading what the history says of the project before its
// status date and returns the function that waits for it.
func (p *Project) earlier(opt Options) func() (*Earlier, error) {
	type read struct {
		e   *Earlier
		err error
		// panic is what the reading panicked with: raised again on the
		// caller's goroutine, where a batch turns it into the project's
		// error (a goroutine's own panic would end the process).
		panic any
	}
	done := make(chan read, 1)
	id, asOf, pinned := p.Config.Project.ID, p.AsOf, p.Config.Project.Baseline
	go func() {
		var r read
		defer func() {
			r.panic = recover()
			done <- r
		}()
		if p.history != nil {
			r.e, r.err = p.history.load(id, asOf, pinned)
		} else {
			r.e, r.err = LoadHistory(opt.HistoryDir, id, asOf, pinned)
		}
	}()
	return func() (*Earlier, error) {
		r := <-done
		if r.panic != nil {
			panic(r.panic)
		}
		return r.e, r.err
	}
}

// finish gathers the analysis's findings, sorts them and counts them into
// the coverage, per source.
func (p *Project) finish() {
	p.Findings = append(p.Findings, p.Analysis.Findings...)
	p.Findings = append(p.Findings, registerFindings(p)...)
	p.Findings.Sort()
	keys := map[string]int{}
	for i, s := range p.Sources {
		keys[cmp.Or(s.Config.Name, s.Config.Path)] = i
	}
	p.Analysis.Coverage.CountFindings(p.Findings, keys)
}

// sourceInputs describes each source for the coverage figures.
func (p *Project) sourceInputs() []analyze.SourceInput {
	out := make([]analyze.SourceInput, 0, len(p.Sources))
	for _, s := range p.Sources {
		in := analyze.SourceInput{Name: filepath.ToSlash(cmp.Or(s.Config.File, s.Config.Path)), Key: cmp.Or(s.Config.Name, s.Config.Path), Kind: s.Config.Kind}
		if s.Err != nil {
			in.Err, in.ErrJA = s.Err.Error(), s.Err.Error()
			var ie *diag.InputError
			if errors.As(s.Err, &ie) {
				in.Err, in.ErrJA = ie.Msg, cmp.Or(ie.MsgJA, ie.Msg)
			}
		}
		if s.Result != nil {
			for _, t := range s.Result.Tables {
				ti := analyze.TableInput{Sheet: t.Sheet, Kind: t.Kind, Records: t.Count}
				for _, c := range t.Columns {
					if c.Field != "" {
						ti.Fields = append(ti.Fields, c.Field)
					}
				}
				for _, c := range t.Unmapped {
					ti.Unmapped = append(ti.Unmapped, c.Header)
				}
				in.Tables = append(in.Tables, ti)
			}
		}
		out = append(out, in)
	}
	return out
}

// rosterTeams gives a task or an issue that no sheet column or source
// option put in a team the YAML team of its first assignee (or owner)
// found in the roster, matched as the roster check matches names.
func rosterTeams(cfg *config.Project, tasks []project.Task, issues []project.Issue) {
	roster := project.People[string]{}
	for _, t := range cfg.Teams {
		for _, m := range t.Members {
			roster.Add(m.Name, t.Name)
			for _, a := range m.Aliases {
				roster.Add(a, t.Name)
			}
		}
	}
	if len(roster) == 0 {
		return
	}
	teamOf := func(people []string) string {
		for _, who := range people {
			if team, ok := roster.Find(who); ok {
				return team
			}
		}
		return ""
	}
	for i := range tasks {
		if tasks[i].Team == "" {
			tasks[i].Team = teamOf(tasks[i].Assignee.List())
		}
	}
	for i := range issues {
		if issues[i].Team == "" {
			issues[i].Team = teamOf(issues[i].Owner)
		}
	}
}

// registerFindings says when a project reads no issue list or no risk
// register: their counts are then "not provided", never zero.
func registerFindings(p *Project) diag.Findings {
	var fs diag.Findings
	c := p.Analysis.Coverage
	at := p.Config.Pos
	if !c.HasIssues {
		fs = append(fs, diag.Finding{Severity: diag.Info, Rule: "no-issue-source", Pos: at,
			Message:   "no issue list among the sources: issue counts are not provided and the issues rating is unknown",
			MessageJA: "ソースに課題管理表がありません。課題の件数は「なし」ではなく未提供で、課題の評価は判定不能です"})
	}
	if !c.HasRisks {
		fs = append(fs, diag.Finding{Severity: diag.Info, Rule: "no-risk-source", Pos: at,
			Message:   "no risk register among the sources: risk counts are not provided and the risks rating is unknown",
			MessageJA: "ソースにリスク台帳がありません。リスクの件数は「なし」ではなく未提供で、リスクの評価は判定不能です"})
	}
	return fs
}

// Snapshot returns what this run should remember for the next.
func (p *Project) Snapshot() *analyze.Snapshot {
	keys := make(map[string]bool, len(p.Issues))
	for i := range p.Issues {
		keys[analyze.IssueKey(&p.Issues[i])] = p.Issues[i].Status.IsOpen()
	}
	return p.Analysis.Snapshot(keys, p.Previous)
}

func statusDate(cfg *config.Project, opt Options) date.Date {
	switch {
	case !opt.AsOf.IsZero():
		return opt.AsOf
	case !cfg.Project.StatusDate.IsZero():
		return cfg.Project.StatusDate
	default:
		return opt.Today
	}
}

// read reads one source into p.
func (p *Project) read(src config.Source, opt Options) {
	if src.Path == "" {
		// file: "" (or missing): the loader's finding points at its line;
		// there is nothing to open, and the folder must not be tried.
		p.Sources = append(p.Sources, Source{Config: src, Err: diag.Errorf(cmp.Or(src.FilePos, src.Pos), "sources.file is empty")})
		return
	}
	res, err := ReadSource(src, p.Config, p.AsOf, opt.Getenv)
	p.Sources = append(p.Sources, Source{Config: src, Result: res, Err: err})
	if err != nil {
		f := diag.Finding{Severity: diag.Error, Rule: "source-unreadable", Pos: src.FilePos, Message: err.Error()}
		var ie *diag.InputError
		if errors.As(err, &ie) {
			f.Pos, f.Message, f.MessageJA = ie.Pos, ie.Msg, ie.MsgJA
		}
		p.Findings = append(p.Findings, f)
		return
	}
	p.Findings = append(p.Findings, res.Findings...)
	for _, t := range res.Tables {
		p.Tasks = append(p.Tasks, t.Tasks...)
		p.Issues = append(p.Issues, t.Issues...)
		p.Risks = append(p.Risks, t.Risks...)
		p.addFollowUp(src, res.File, t)
	}
	dropRecords(res)
}

// dropRecords lets go of a read source's records once the project holds
// its own copies: the tables keep their shape (sheet, kind, columns,
// counts) for the coverage figures, and a 50,000-task sheet is not kept
// twice (18 MB) while it is analysed and rendered.
func dropRecords(res *sheet.Result) {
	for _, t := range res.Tables {
		t.Tasks, t.Issues, t.Risks, t.Actions, t.Tests, t.TestDays = nil, nil, nil, nil, nil, nil
	}
}

// ReadSource opens and reads one source of a project.
func ReadSource(src config.Source, cfg *config.Project, asOf date.Date, getenv func(string) string) (*sheet.Result, error) {
	open := sheet.OpenOptions{Name: cmp.Or(src.Name, src.Path), Encoding: src.Encoding}
	if src.PasswordEnv != "" && getenv != nil {
		open.Password = getenv(src.PasswordEnv)
	}
	book, err := sheet.Open(src.Path, open)
	if err != nil {
		return nil, err
	}
	opt := sheet.Options{
		Kind: src.Kind, Sheet: src.Sheet, HeaderRows: src.HeaderRows, Team: src.Team,
		From: cfg.Project.Start, To: cfg.Project.End, Near: asOf,
	}
	for _, c := range src.Columns {
		o := sheet.Override{Field: c.Field, Header: c.Header, Pos: c.Pos}
		if c.Letter > 0 {
			o.Col = c.Letter
		}
		opt.Columns = append(opt.Columns, o)
	}
	return sheet.Read(book, opt)
}

// Document builds the report document of the project in lang ("" = the
// YAML's report.lang).
func (p *Project) Document(lang string) *report.Document {
	c := p.Config
	if lang == "" {
		lang = c.Report.Lang
	}
	return report.Build(report.Input{
		Lang: lang, Title: c.Report.Title, Comment: c.Report.Comment, Decisions: c.Report.Decisions, Escalations: c.Report.Escalations,
		Facts: report.Facts{ID: c.Project.ID, Name: c.Project.Name, PM: c.Project.PM, Sponsor: c.Project.Sponsor,
			Start: c.Project.Start, End: c.Project.End, Budget: c.Project.Budget, Currency: c.Project.Currency},
		Issues: p.Issues, Risks: p.Risks, Findings: p.Findings, Analysis: p.Analysis, Config: c,
	})
}
