package cli

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pmokit/pmo/internal/batch"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/outdir"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/portfolio"
	"github.com/pmokit/pmo/internal/render/pdf"
	"github.com/pmokit/pmo/internal/render/xlsx"
	"github.com/pmokit/pmo/internal/report"
	"github.com/spf13/pflag"
)

type batchOptions struct {
	out     string
	jobs    int
	asOf    string
	lang    string
	failOn  string
	force   bool
	quiet   bool
	format  string
	font    string
	timings bool
	noWait  bool
	// annotate: the teams' workbooks returned with their findings marked.
	annotate bool
	groupBy  string
	msWeeks  int
	meeting  bool
}

func (o *batchOptions) langOption() string { return o.lang }

func batchCommand() *command {
	return &command{
		name:    "batch",
		args:    "PORTFOLIO.yaml|DIR -o OUT",
		summary: "every project + the portfolio workbook and PDF / 全案件を一括処理",
		long: `Runs every project of a portfolio (a portfolio YAML, or a folder: every */project.yaml
below it) in parallel and writes OUT/<project-id>/tracker.xlsx and status.pdf for each,
then OUT/portfolio.xlsx and OUT/portfolio.pdf (worst project first) and OUT/summary.json.

One broken project never stops the others: its error is reported and the rest are
built. One run at a time writes to OUT: a second run on the same folder waits for
the first (--no-wait: fails at once). A project whose inputs, definition and options are unchanged since the last
run is reused, not rebuilt (--force rebuilds all); when every project is reused and the
portfolio file is unchanged, the portfolio outputs in place are kept too. Every file is written to a
temporary name and renamed, so a killed run leaves earlier outputs intact.

全案件を並列に処理し、各案件の管理表・報告書と、ポートフォリオの一覧（Excel・PDF）を
作成します。1 案件の失敗で他の案件は止まりません。前回から入力が変わっていない案件は
作り直さず、全案件がそうならポートフォリオの出力もそのまま使います。

Exit status: 0 all built and nothing reached --fail-on; 1 a project failed or reached
it; 2 usage or I/O errors; 130 interrupted (Ctrl-C, SIGTERM: no portfolio is written).`,
		flags: func(fs *pflag.FlagSet) any {
			o := &batchOptions{}
			fs.StringVarP(&o.out, "out", "o", "", "output folder (default: output: in the portfolio YAML)")
			fs.IntVar(&o.jobs, "jobs", 0, "projects run in parallel (default: number of CPUs)")
			fs.StringVar(&o.asOf, "as-of", "", "status date YYYY-MM-DD for every project")
			fs.StringVar(&o.lang, "lang", "", "labels: ja or en (default: each project's report.lang)")
			fs.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a project has: error (findings), warning, red (RAG), unknown (RAG red or 判定不能) or none (only failed projects)")
			fs.BoolVar(&o.force, "force", false, "rebuild every project, even unchanged ones")
			fs.BoolVar(&o.quiet, "quiet", false, "print nothing but errors")
			fs.StringVar(&o.format, "format", "xlsx,pdf", "project outputs: xlsx, pdf or both")
			fs.StringVar(&o.font, "font", "", "TrueType font for the PDFs (default: the embedded IPAexGothic)")
			fs.BoolVar(&o.timings, "timings", false, "print the time spent in each stage, summed over projects, to stderr")
			fs.StringVar(&o.groupBy, "group-by", "", "portfolio subtotals and a section per group: department, program or tags (from projects: in the portfolio YAML)")
			fs.IntVar(&o.msWeeks, "milestone-weeks", portfolio.DefaultMilestoneWeeks, "weeks ahead the portfolio's milestone strip shows")
			fs.BoolVar(&o.annotate, "annotate", false, "also write each team's .xlsx/.xlsm with its findings marked into OUT/<id>/返却/ (as pmo annotate)")
			fs.BoolVar(&o.noWait, "no-wait", false, "fail at once when another pmo run is writing to OUT, instead of waiting for it")
			fs.BoolVar(&o.meeting, "meeting", false, "also write OUT/meeting.pdf, the weekly meeting's agenda over every project, and each project's meeting.pdf")
			return o
		},
		run: runBatch,
	}
}

func runBatch(ctx context.Context, env *Env, o any, args []string) error {
	opt := o.(*batchOptions)
	if len(args) != 1 {
		return usageError{"batch takes one PORTFOLIO.yaml or folder"}
	}
	asOf, err := parseAsOf(opt.asOf)
	if err != nil {
		return err
	}
	if err := checkLang(opt.lang); err != nil {
		return err
	}
	failOn := batch.FailOn(opt.failOn)
	switch failOn {
	case batch.FailOnError, batch.FailOnWarning, batch.FailOnRed, batch.FailOnUnknown, batch.FailOnNone:
	default:
		return usageError{fmt.Sprintf("--fail-on %q: use error, warning, red, unknown or none", opt.failOn)}
	}
	if opt.msWeeks < 1 || opt.msWeeks > portfolio.Horizon*2 {
		return usageError{fmt.Sprintf("--milestone-weeks must be 1 to %d", portfolio.Horizon*2)}
	}
	if opt.jobs < 0 {
		return usageError{"--jobs must be 0 or more"}
	}
	if opt.groupBy != "" && !slices.Contains(config.GroupKeys, opt.groupBy) {
		return usageError{fmt.Sprintf("--group-by %q: use department, program or tags / department・program・tags のいずれかを指定してください", opt.groupBy)}
	}
	f, err := parseFormats(opt.format)
	if err != nil {
		return err
	}
	font, err := loadFont(opt.font)
	if err != nil {
		return err
	}
	plan, err := batch.Discover(args[0])
	if err != nil {
		return err
	}
	for _, f := range plan.Findings {
		fmt.Fprintln(env.Stderr, f.Format(cmpStr(opt.lang, "ja")))
	}
	out := opt.out
	if out == "" && plan.Portfolio != nil {
		out = plan.Portfolio.OutputDir
	}
	if out == "" {
		return usageError{"-o OUT is required (or output: in the portfolio YAML)"}
	}
	if err := checkOutDir(out); err != nil {
		return err
	}
	lock, err := lockOut(ctx, env, out, opt.noWait)
	if err != nil {
		return err
	}
	defer lock.Release()
	lang := opt.lang
	if lang == "" && plan.Portfolio != nil {
		lang = plan.Portfolio.Defaults.Report.Lang
	}
	var watch *pipeline.Stopwatch
	if opt.timings {
		watch = pipeline.NewStopwatch()
	}
	fb := newFeedback(env.Stderr, opt.quiet)
	// Set again at the end of the command (and before a large portfolio's
	// step); restoring twice is harmless.
	loose := looseGC(env)
	defer loose()
	res := batch.Run(ctx, plan, batch.Options{
		Out: out, Jobs: opt.jobs, AsOf: asOf, Today: date.FromTime(time.Now()), Lang: opt.lang, Force: opt.force,
		Getenv: env.Getenv, Version: env.Version, Variant: fmt.Sprintf("%s font=%x annotate=%t", opt.format, sha256.Sum256(font), opt.annotate),
		Render:    renderer{formats: f, font: font, watch: watch, meeting: opt.meeting, annotate: opt.annotate}.render,
		Outputs:   []string{trackerFile, reportFile, meetingFile},
		Stopwatch: watch, Progress: fb.event,
	})
	fb.finish()
	if err := ctx.Err(); err != nil {
		// The portfolio would show the projects not run as failed.
		return err
	}
	// What the board prints: its warnings, and the group subtotals under
	// the table.
	var warnings, groups bytes.Buffer
	// The board's findings (a person over-allocated across projects) count
	// for --fail-on like the portfolio file's own, built or kept.
	var boardFindings diag.Findings
	key, keep := portfolioKey(plan, res, opt, lang)
	if c, ok := reusedPortfolio(out, key, res); keep && ok {
		if !opt.quiet {
			io.WriteString(env.Stderr, c.Stderr)
		} else {
			printErrors(env.Stderr, c.Findings, opt.lang)
		}
		groups.WriteString(c.Stdout)
		boardFindings = c.Findings
	} else {
		if err := forgetPortfolio(out); err != nil {
			return err
		}
		if res.Board, err = res.BuildBoard(plan, opt.groupBy, opt.msWeeks); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err // stopped: the previous portfolio stays
		}
		boardFindings = res.Board.Findings
		for _, f := range boardFindings {
			fmt.Fprintln(&warnings, f.Format(cmpStr(opt.lang, "ja")))
		}
		// Said before the portfolio is written, which takes a while;
		// --quiet prints nothing but errors.
		if !opt.quiet {
			env.Stderr.Write(warnings.Bytes())
		} else {
			printErrors(env.Stderr, boardFindings, opt.lang)
		}
		printGroups(&groups, res.Board)
		// A small portfolio's step holds less than the projects did: it
		// keeps their target. A large one's grows with the projects: the
		// tight one.
		restore := func() {}
		if len(res.Projects) > sideBySide {
			loose()
			restore = tightGC(env)
		}
		var err2 error
		watch.Time("portfolio", func() { err2 = writePortfolio(ctx, out, res, lang, font) })
		restore()
		if err2 != nil {
			return err2
		}
		if keep {
			if err := rememberPortfolio(out, key, &warnings, &groups, boardFindings); err != nil {
				return err
			}
		}
	}
	if opt.meeting {
		if err := writeMeeting(ctx, out, res, lang, font); err != nil {
			return err
		}
	}
	watch.Print(env.Stderr)
	if !opt.quiet {
		printBatchTable(env.Stdout, res, out, groups.String())
	}
	for _, p := range res.Projects {
		if p.Status == batch.StatusFailed {
			msg := p.Error
			if lang != "en" && p.ErrorJA != "" {
				msg = p.ErrorJA
			}
			fmt.Fprintf(env.Stderr, "pmo: %s: %s\n", filepath.Join(plan.Root, filepath.FromSlash(p.Path)), msg)
		}
	}
	if res.NeedsAttention(failOn) || batch.PortfolioNeedsAttention(boardFindings, failOn) {
		return exitError{exitFindings}
	}
	return nil
}

// sideBySide is the most projects whose portfolio workbook and PDF are
// made at the same time, one on each core: this step comes after every
// project and would otherwise leave a core idle. What the workbook holds
// grows with the projects (the rows and findings of each); the PDF, drawn
// in parts of 48 pages since it was measured here (pdf/merge.go), holds
// one part and its finished file. Up to this many both together held
// about what building two projects does (100 generated projects: at most
// 64 MiB resident in this step with the tight GC target, against 83 MiB
// before it); beyond it they are made one after the other, so that a
// large portfolio's peak is one file's, not two.
const sideBySide = 200

// writePortfolio writes the portfolio workbook, PDF and summary.json
// together, or none of them when one cannot be made or ctx is stopped.
func writePortfolio(ctx context.Context, out string, res *batch.Result, lang string, font []byte) error {
	pf := res.Overview(lang)
	pf.Board = res.Board
	// The portfolio's own findings head the 全指摘 sheet: its file's, then
	// the board's.
	pf.Findings = slices.Clone(res.Findings)
	if res.Board != nil {
		pf.Findings = append(pf.Findings, res.Board.Findings...)
	}
	// The three files are staged under temporary names (each written in
	// full as soon as it is made, so nothing more is held) and put in
	// place together once all are made and the run was not stopped
	// meanwhile: a failure or a Ctrl-C leaves the previous portfolio whole,
	// never a new workbook beside an old PDF and summary.
	var wb, doc, summary *outdir.Staged
	stage := func(name string, data []byte) (*outdir.Staged, error) {
		return outdir.Stage(out, name, func(w io.Writer) error { _, err := w.Write(data); return err })
	}
	writePDF := func() error {
		b, _, err := pdf.RenderPortfolio(pf, pdf.Options{Font: font})
		if err != nil {
			return fmt.Errorf("writing the portfolio PDF: %w", err)
		}
		doc, err = stage("portfolio.pdf", b)
		return err
	}
	writeXLSX := func() error {
		b, err := xlsx.RenderPortfolio(pf)
		if err != nil {
			return fmt.Errorf("writing the portfolio workbook: %w", err)
		}
		wb, err = stage("portfolio.xlsx", b)
		return err
	}
	// summary.json is made beside them (it reads the projects' results
	// back one at a time: little memory, but a core's worth of work that
	// would otherwise come after both), and put in place after them.
	var errXLSX, errPDF, errSummary error
	var wg sync.WaitGroup
	wg.Go(func() { summary, errSummary = batch.StageSummary(out, res) })
	if len(res.Projects) <= sideBySide {
		wg.Go(func() { errPDF = writePDF() })
		errXLSX = writeXLSX()
	} else if errXLSX = writeXLSX(); errXLSX == nil {
		errPDF = writePDF()
	}
	wg.Wait()
	files := []*outdir.Staged{wb, doc, summary}
	if err := cmp.Or(errXLSX, errPDF, errSummary, ctx.Err()); err != nil {
		for _, f := range files {
			if f != nil {
				f.Discard()
			}
		}
		return err
	}
	for i, f := range files {
		if err := f.Commit(); err != nil {
			for _, rest := range files[i+1:] {
				rest.Discard()
			}
			return err
		}
	}
	return nil
}

// feedback shows batch progress: a bar with the current project and an
// ETA on a terminal, one line per finished project otherwise.
type feedback struct {
	w       io.Writer
	tty     bool
	quiet   bool
	start   time.Time
	done    int
	current string
}

func newFeedback(w io.Writer, quiet bool) *feedback {
	w = raw(w)
	tty := false
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &feedback{w: w, tty: tty, quiet: quiet, start: time.Now()}
}

func (fb *feedback) event(e batch.Event) {
	if fb.quiet {
		return
	}
	if !e.Done {
		fb.current = e.Path
		if fb.tty {
			fb.bar(e.Total)
		}
		return
	}
	fb.done++
	r := e.Result
	if fb.tty {
		fb.bar(e.Total)
		return
	}
	what := r.Status
	if r.Status != batch.StatusFailed && r.RAG != "" {
		what += " " + string(r.RAG)
	}
	fmt.Fprintf(fb.w, "[%d/%d] %-6s %s\n", fb.done, e.Total, what, escapeControls([]byte(cmpStr(r.ID, r.Path))))
}

func (fb *feedback) bar(total int) {
	const width = 24
	filled := 0
	if total > 0 {
		filled = width * fb.done / total
	}
	eta := "--:--"
	if fb.done > 0 {
		left := time.Since(fb.start) / time.Duration(fb.done) * time.Duration(total-fb.done)
		eta = fmt.Sprintf("%d:%02d", int(left.Minutes()), int(left.Seconds())%60)
	}
	name := string(escapeControls([]byte(clip(filepath.Base(filepath.Dir(fb.current)), 30))))
	fmt.Fprintf(fb.w, "\r[%s%s] %d/%d  ETA %s  %s\x1b[K", strings.Repeat("#", filled), strings.Repeat(".", width-filled), fb.done, total, eta, name)
}

func (fb *feedback) finish() {
	if fb.tty && !fb.quiet {
		fmt.Fprintln(fb.w)
	}
}

func cmpStr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func printBatchTable(w io.Writer, res *batch.Result, out, groups string) {
	rows := [][]string{{"RAG", "ID", "SPI", "planned/actual", "late", "overdue issues", "errors/warnings", "status"}}
	for _, p := range res.Ranked() {
		if p.Status == batch.StatusFailed {
			rows = append(rows, []string{"-", cmpStr(p.ID, p.Path), "-", "-", "-", "-", "-", "FAILED: " + clip(p.Error, 60)})
			continue
		}
		rows = append(rows, []string{strings.ToUpper(string(p.RAG)), p.ID, f2(p.SPI), fmt.Sprintf("%.1f/%.1f%%", p.Planned, p.Actual),
			fmt.Sprint(p.LateTasks), fmt.Sprint(p.OverdueIssues), fmt.Sprintf("%d/%d", p.Errors, p.Warnings), p.Status + "  " + clip(p.Reason, 50)})
	}
	table(w, "", rows)
	io.WriteString(w, groups)
	fmt.Fprintf(w, "\n%s  (%d projects, %d failed)\n", filepath.Join(out, "portfolio.pdf"), len(res.Projects), res.Failed())
}

// writeMeeting writes OUT/meeting.pdf: the 定例 agenda over every project
// that has a summary, worst first as in the portfolio. A run stopped
// while it is made leaves the previous one in place.
func writeMeeting(ctx context.Context, out string, res *batch.Result, lang string, font []byte) error {
	pf := res.Overview(lang)
	var docs []*report.Document
	for i, d := range pf.Documents {
		if d != nil && d.A != nil && (i >= len(pf.Rows) || pf.Rows[i].Status != string(batch.StatusFailed)) {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		return nil
	}
	b, _, err := pdf.RenderMeeting(pf.Name, docs, pdf.Options{Font: font})
	if err != nil {
		return fmt.Errorf("writing the meeting pack: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return outdir.WriteFile(out, meetingFile, b)
}

// printErrors prints the error findings of fs, one a line: what --quiet
// still says of the portfolio's findings.
func printErrors(w io.Writer, fs diag.Findings, lang string) {
	for _, f := range fs {
		if f.Severity == diag.Error {
			fmt.Fprintln(w, f.Format(cmpStr(lang, "ja")))
		}
	}
}
