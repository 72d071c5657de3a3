package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/spf13/pflag"
)

type reportOptions struct {
	out     string
	asOf    string
	lang    string
	format  string
	font    string
	noSnap  bool
	noWait  bool
	meeting bool
}

func (o *reportOptions) langOption() string { return o.lang }

func reportCommand() *command {
	return &command{
		name:    "report",
		args:    "PROJECT.yaml -o DIR",
		summary: "write the standard tracker and the PDF status report / 管理表と報告書を作成",
		long: `Reads the project and writes, under DIR/<project-id>/, the standard tracker
(tracker.xlsx: summary with charts, WBS with Gantt, issues, risks, milestones,
workload, findings, changes) and the status report (status.pdf: a one-page summary
for the steering committee, then the evidence). With --meeting (or report.meeting:
true) also meeting.pdf: the weekly meeting's agenda — status in one line, new and
overdue actions, pending decisions, changes since the last meeting. The run is then recorded
in DIR/.pmo/history.db (SQLite) so the next run can say what changed.

Files are written to a temporary name and renamed: a run that fails or is killed
leaves the previous outputs intact. Inputs are never written.

標準の管理表（tracker.xlsx）と状況報告書（status.pdf）を DIR/<案件ID>/ に作成します。`,
		flags: func(fs *pflag.FlagSet) any {
			o := &reportOptions{}
			fs.StringVarP(&o.out, "out", "o", "", "output folder (required)")
			fs.StringVar(&o.asOf, "as-of", "", "status date YYYY-MM-DD (default: status_date in the YAML, else today)")
			fs.StringVar(&o.lang, "lang", "", "labels: ja or en (default: report.lang in the YAML, else ja)")
			fs.StringVar(&o.format, "format", "xlsx,pdf", "outputs: xlsx, pdf or both")
			fs.StringVar(&o.font, "font", "", "TrueType font for the PDF (default: the embedded IPAexGothic)")
			fs.BoolVar(&o.noSnap, "no-history", false, "do not record this run in DIR/.pmo/history.db")
			fs.BoolVar(&o.noWait, "no-wait", false, "fail at once when another pmo run is writing to DIR, instead of waiting for it")
			fs.BoolVar(&o.meeting, "meeting", false, "also write meeting.pdf, the agenda for the weekly meeting (定例会議資料); report.meeting: true in the YAML does the same")
			return o
		},
		run: runReport,
	}
}

func runReport(ctx context.Context, env *Env, o any, args []string) error {
	opt := o.(*reportOptions)
	if len(args) != 1 {
		return usageError{"report takes one PROJECT.yaml"}
	}
	if opt.out == "" {
		return usageError{"-o DIR is required"}
	}
	if err := checkOutDir(opt.out); err != nil {
		return err
	}
	asOf, err := parseAsOf(opt.asOf)
	if err != nil {
		return err
	}
	if err := checkLang(opt.lang); err != nil {
		return err
	}
	f, err := parseFormats(opt.format)
	if err != nil {
		return err
	}
	font, err := loadFont(opt.font)
	if err != nil {
		return err
	}
	at := here{args[0]}
	p, err := pipeline.Load(ctx, args[0], pipeline.Options{AsOf: asOf, Today: date.FromTime(time.Now()), Getenv: env.Getenv, HistoryDir: opt.out})
	if err != nil {
		return at.err(err)
	}
	if p.Failed() {
		for _, s := range p.Sources {
			if s.Err != nil {
				return at.err(s.Err)
			}
		}
	}
	files, more, err := renderer{formats: f, font: font, meeting: opt.meeting}.render(p, p.Document(opt.lang))
	if err != nil {
		return err
	}
	lock, err := lockOut(ctx, env, opt.out, opt.noWait)
	if err != nil {
		return err
	}
	defer lock.Release()
	written, err := p.WriteOutputs(opt.out, files, !opt.noSnap, trackerFile, reportFile, meetingFile)
	for _, w := range written {
		fmt.Fprintln(env.Stdout, filepath.Join(opt.out, w))
	}
	if err != nil {
		return err
	}
	all := append(p.Findings, more...)
	fmt.Fprintf(env.Stderr, "%s: %s, %d errors, %d warnings (pmo validate %s for the list)\n", p.Config.Project.ID,
		p.Analysis.RAG.Overall, all.Count(diag.Error), all.Count(diag.Warning), args[0])
	return nil
}
