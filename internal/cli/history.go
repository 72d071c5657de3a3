package cli

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/history"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/value"
	"github.com/spf13/pflag"
)

type historyOptions struct {
	out     string
	csv     bool
	lang    string
	from    string
	project string
}

func (o *historyOptions) langOption() string { return o.lang }

func historyCommand() *command {
	return &command{
		name:    "history",
		args:    "PROJECT.yaml -o OUT | OUT | import PROJECT.yaml --from DIR -o OUT",
		summary: "runs and trends from the history database / 履歴と推移を表示",
		long: `Lists the runs recorded in OUT/.pmo/history.db and prints the trend: planned and
actual %, SPI, CPI, SPI(t), EAC, the forecast finish, open issues and the issues
raised and closed since the run before. Give the output folder (every project in
it, or --project ID) or a project definition with -o OUT. --csv writes one row per
run for analysts (UTF-8, comma-separated, a header row).

pmo history import PROJECT.yaml --from DIR -o OUT replays dated copies of the
project's sheets — folders named by date (2026-11-13/WBS.xlsx) or files with a
date in the name (WBS_20261113.xlsx) — in date order, so trends, re-planning and
staleness findings work from the first report. Runs already in the history are
replaced; no tracker or PDF is written.

出力フォルダーの履歴データベースから実行履歴と推移（SPI・CPI・予測完了日・課題数）を
表示します。import は日付付きの過去のシート（2026-11-13/WBS.xlsx、WBS_20261113.xlsx）を
日付順に取り込みます。`,
		flags: func(fs *pflag.FlagSet) any {
			o := &historyOptions{}
			fs.StringVarP(&o.out, "out", "o", "", "output folder holding .pmo/history.db (with PROJECT.yaml)")
			fs.BoolVar(&o.csv, "csv", false, "write CSV instead of a table")
			fs.StringVar(&o.lang, "lang", "ja", "labels: ja or en")
			fs.StringVar(&o.from, "from", "", "import: folder of dated copies of the sheets")
			fs.StringVar(&o.project, "project", "", "with OUT: only this project id")
			return o
		},
		run: runHistory,
	}
}

func runHistory(ctx context.Context, env *Env, o any, args []string) error {
	opt := o.(*historyOptions)
	if err := checkLang(opt.lang); err != nil {
		return err
	}
	if len(args) > 0 && args[0] == "import" {
		return runHistoryImport(ctx, env, opt, args[1:])
	}
	if len(args) != 1 {
		return usageError{"history takes one PROJECT.yaml or output folder"}
	}
	out, projects, err := historyTarget(args[0], opt.out, opt.project)
	if err != nil {
		return err
	}
	h, err := history.OpenExisting(out)
	if errors.Is(err, fs.ErrNotExist) {
		return diag.Errorf(diag.Pos{File: out}, "no history here yet: pmo report or pmo batch with -o %s records one", out)
	}
	if err != nil {
		return err
	}
	defer h.Close()
	if projects == nil {
		if projects, err = h.Projects(); err != nil {
			return err
		}
	}
	var cw *csv.Writer
	if opt.csv {
		cw = csv.NewWriter(env.Stdout)
		cw.Write([]string{"project", "as_of", "planned_pct", "actual_pct", "bac", "spi", "cpi", "spi_t", "eac", "forecast_finish", "open_issues", "raised", "closed", "rag"})
	}
	for i, id := range projects {
		trend, err := h.Trend(id, 0)
		if err != nil {
			return err
		}
		if cw != nil {
			for _, p := range trend {
				cw.Write([]string{id, p.AsOf.String(), fnum(p.Planned), fnum(p.Actual), fnum(p.BAC), ptrNum(p.SPI), ptrNum(p.CPI), ptrNum(p.SPIt),
					ptrNum(p.EAC), dateText(p.Finish), strconv.Itoa(p.OpenIssues), ptrInt(p.Raised), ptrInt(p.Closed), string(p.RAG)})
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(env.Stdout)
		}
		printTrend(env.Stdout, id, trend, opt.lang)
	}
	if cw != nil {
		cw.Flush()
		return cw.Error()
	}
	return nil
}

// historyTarget resolves the argument: an output folder, or a project
// definition with -o.
func historyTarget(arg, out, only string) (string, []string, error) {
	st, err := os.Stat(arg)
	if err != nil {
		return "", nil, diag.Errorf(diag.Pos{File: arg}, "cannot read: %v", cleanErr(err))
	}
	if st.IsDir() {
		if only != "" {
			return arg, []string{only}, nil
		}
		return arg, nil, nil
	}
	if out == "" {
		return "", nil, usageError{"with PROJECT.yaml, -o OUT names the output folder whose history to read"}
	}
	cfg, _, err := config.Load(arg)
	if err != nil {
		return "", nil, err
	}
	return out, []string{cfg.Project.ID}, nil
}

func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func printTrend(w io.Writer, id string, trend []analyze.RunPoint, lang string) {
	head := []string{"基準日", "計画%", "実績%", "SPI", "CPI", "SPI(t)", "EAC(人日)", "予測完了", "未完了課題", "起票", "完了", "RAG"}
	if lang == "en" {
		head = []string{"as of", "planned%", "actual%", "SPI", "CPI", "SPI(t)", "EAC(pd)", "forecast", "open issues", "raised", "closed", "RAG"}
	}
	fmt.Fprintf(w, "%s (%d)\n", id, len(trend))
	rows := [][]string{head}
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	for _, p := range trend {
		row := []string{p.AsOf.String(), fmt.Sprintf("%.1f", p.Planned), fmt.Sprintf("%.1f", p.Actual), dash(ptrFixed(p.SPI, 2)), dash(ptrFixed(p.CPI, 2)),
			dash(ptrFixed(p.SPIt, 2)), dash(ptrFixed(p.EAC, 1)), dash(dateText(p.Finish)), strconv.Itoa(p.OpenIssues), dash(ptrInt(p.Raised)), dash(ptrInt(p.Closed)), dash(ragWord(p.RAG, lang))}
		rows = append(rows, row)
	}
	// Columns by terminal width, so Japanese headings line up too.
	widths := make([]int, len(head))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], textWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(strings.Repeat(" ", widths[i]-textWidth(c)) + c)
		}
		fmt.Fprintln(w, b.String())
	}
}

func fnum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func ptrNum(p *float64) string {
	if p == nil {
		return ""
	}
	return fnum(*p)
}

func ptrFixed(p *float64, prec int) string {
	if p == nil {
		return ""
	}
	return value.ShowFixed(*p, prec)
}

func ptrInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func dateText(d date.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func runHistoryImport(ctx context.Context, env *Env, opt *historyOptions, args []string) error {
	if len(args) != 1 {
		return usageError{"history import takes one PROJECT.yaml"}
	}
	if opt.from == "" || opt.out == "" {
		return usageError{"history import needs --from DIR (the dated copies) and -o OUT (the output folder)"}
	}
	if err := checkOutDir(opt.out); err != nil {
		return err
	}
	cfg, _, err := config.Load(args[0])
	if err != nil {
		return err
	}
	copies, err := pipeline.FindDatedCopies(opt.from, cfg)
	if err != nil {
		return err
	}
	replays := pipeline.ReplayDates(copies)
	if len(replays) == 0 {
		return diag.Errorf(diag.Pos{File: opt.from}, "no dated copies of the project's sheets here (folders like 2026-11-13/ or files like WBS_20261113.xlsx)")
	}
	for _, r := range replays {
		if err := ctx.Err(); err != nil {
			return err
		}
		p, err := pipeline.Load(ctx, args[0], pipeline.Options{AsOf: r.Date, Today: date.FromTime(time.Now()), Getenv: env.Getenv,
			HistoryDir: opt.out, Sources: r.Sources})
		if err != nil {
			return err
		}
		if err := p.RecordHistory(opt.out); err != nil {
			return err
		}
		word := "ソース"
		if opt.lang == "en" {
			word = "sources"
		}
		fmt.Fprintf(env.Stdout, "%s %s: %d/%d %s\n", p.Config.Project.ID, r.Date, len(r.Sources), len(cfg.Sources), word)
	}
	return nil
}

type baselineOptions struct {
	out  string
	name string
	asOf string
}

func baselineCommand() *command {
	return &command{
		name:    "baseline",
		args:    "set PROJECT.yaml -o OUT [--name N] [--as-of D]",
		summary: "name the run later runs compare with / ベースラインを設定",
		long: `pmo baseline set names a recorded run as the project's baseline: later runs show
against it the planned-finish variance per task and of the project in working
days, the change of the planned total (BAC) and the tasks added and removed.
--as-of picks the run (default: the newest); --name names the baseline (default
"baseline"). Without any, the first run is the baseline; project.baseline: in the
YAML (a run's status date) takes precedence over both.

記録済みの実行をベースラインに設定します。以降の実行はこのベースラインとの差
（タスクごとの予定終了日の差・BAC の増減・追加/削除されたタスク）を表示します。`,
		flags: func(fs *pflag.FlagSet) any {
			o := &baselineOptions{}
			fs.StringVarP(&o.out, "out", "o", "", "output folder holding .pmo/history.db (required)")
			fs.StringVar(&o.name, "name", "baseline", "name of the baseline")
			fs.StringVar(&o.asOf, "as-of", "", "status date of the run to name (default: the newest run)")
			return o
		},
		run: runBaseline,
	}
}

func runBaseline(ctx context.Context, env *Env, o any, args []string) error {
	opt := o.(*baselineOptions)
	if len(args) != 2 || args[0] != "set" {
		return usageError{"usage: pmo baseline set PROJECT.yaml -o OUT"}
	}
	if opt.out == "" {
		return usageError{"-o OUT is required"}
	}
	asOf, err := parseAsOf(opt.asOf)
	if err != nil {
		return err
	}
	cfg, _, err := config.Load(args[1])
	if err != nil {
		return err
	}
	h, err := history.OpenExisting(opt.out)
	if errors.Is(err, fs.ErrNotExist) {
		return diag.Errorf(diag.Pos{File: opt.out}, "no history here yet: pmo report or pmo batch with -o %s records one", opt.out)
	}
	if err != nil {
		return err
	}
	defer h.Close()
	id := cfg.Project.ID
	if asOf.IsZero() {
		trend, err := h.Trend(id, 0)
		if err != nil {
			return err
		}
		if len(trend) == 0 {
			return diag.Errorf(diag.Pos{File: opt.out}, "project %s has no run in this history", id)
		}
		asOf = trend[len(trend)-1].AsOf
	}
	if err := h.SetBaseline(id, opt.name, asOf); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %s = %s\n", id, opt.name, asOf)
	return nil
}

// ragWord is a level as the tables say it: 赤/黄/緑 in Japanese.
func ragWord(l analyze.Level, lang string) string {
	if lang == "en" {
		return string(l)
	}
	switch l {
	case analyze.Red:
		return "赤"
	case analyze.Amber:
		return "黄"
	case analyze.Green:
		return "緑"
	}
	return string(l)
}
