package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/report"
	"github.com/pmokit/pmo/internal/value"
	"github.com/spf13/pflag"
)

type statusOptions struct {
	json    bool
	asOf    string
	lang    string
	history string
}

func (o *statusOptions) langOption() string { return o.lang }

func statusCommand() *command {
	return &command{
		name:    "status",
		args:    "PROJECT.yaml",
		summary: "key figures of a project in the terminal / 主要指標を表示",
		long: `Reads the project and prints where it stands as of the status date: planned vs
actual progress, EVM (BAC, PV, EV, AC, SPI, CPI), late and behind tasks, milestones,
open and overdue issues, high risks, RAG per dimension with its reason, and what
changed since the last run (with --history, the output folder of earlier reports).

基準日時点の進捗（計画・実績）、EVM、遅延タスク、マイルストーン、課題・リスク、
RAG とその理由、前回からの変化を表示します。定義は README を参照してください。

--json prints the figures unrounded (a public interface).`,
		flags: func(fs *pflag.FlagSet) any {
			o := &statusOptions{}
			fs.BoolVar(&o.json, "json", false, "print the figures as JSON")
			fs.StringVar(&o.asOf, "as-of", "", "status date YYYY-MM-DD (default: status_date in the YAML, else today)")
			fs.StringVar(&o.lang, "lang", "", "labels: ja or en (default: report.lang in the YAML, else ja)")
			fs.StringVar(&o.history, "history", "", "output folder of earlier runs, to show changes since the last one")
			return o
		},
		run: runStatus,
	}
}

func runStatus(ctx context.Context, env *Env, o any, args []string) error {
	opt := o.(*statusOptions)
	if len(args) != 1 {
		return usageError{"status takes one PROJECT.yaml"}
	}
	asOf, err := parseAsOf(opt.asOf)
	if err != nil {
		return err
	}
	if err := checkLang(opt.lang); err != nil {
		return err
	}
	at := here{args[0]}
	p, err := pipeline.Load(ctx, args[0], pipeline.Options{AsOf: asOf, Today: date.FromTime(time.Now()), Getenv: env.Getenv, HistoryDir: opt.history})
	if err != nil {
		return at.err(err)
	}
	if opt.json {
		if err := writeJSON(env.Stdout, p.Analysis); err != nil {
			return err
		}
		if p.Failed() {
			return exitError{exitUsage}
		}
		return nil
	}
	lang := opt.lang
	if lang == "" {
		lang = p.Config.Report.Lang
	}
	printStatus(env.Stdout, p.Analysis, lang)
	if p.Failed() {
		// Each unreadable file by name: the figures above leave it out.
		for _, s := range p.Sources {
			if s.Err != nil {
				lang := errorLang(o)
				fmt.Fprintf(env.Stderr, "pmo: %s: %s\n", cmpStr(map[string]string{"ja": "警告: 読み込めないソース"}[lang], "warning: not read"), errorIn(at.err(s.Err), lang))
			}
		}
		return exitError{exitUsage}
	}
	return nil
}

func checkLang(l string) error {
	switch l {
	case "", "ja", "en":
		return nil
	}
	return usageError{fmt.Sprintf("--lang %q: use ja or en", l)}
}

// labels are the words of the text view.
type labels map[string]string

func labelsFor(lang string) labels {
	if lang == "en" {
		return labels{
			"pm": "PM", "asof": "as of", "overall": "Overall", "progress": "Progress", "planned": "planned", "actual": "actual",
			"gap": "gap", "tasks": "Tasks", "leaf": "leaf", "done": "done", "late": "late", "behind": "behind", "unscheduled": "unscheduled",
			"milestones": "Milestones", "issues": "Issues", "open": "open", "overdue": "overdue", "noowner": "no owner",
			"risks": "Risks", "high": "high", "medium": "medium", "low": "low", "changes": "Changes since", "newissues": "new issues", "closedissues": "closed",
			"newlylate": "newly late", "over": "Over capacity", "latetasks": "Late tasks", "days": "d",
			"schedule": "schedule", "issuesdim": "issues", "cost": "cost", "milestonesdim": "milestones",
			"none": "none", "pd": "person-days",
		}
	}
	return labels{
		"pm": "PM", "asof": "基準日", "overall": "総合評価", "progress": "進捗", "planned": "計画", "actual": "実績",
		"gap": "差", "tasks": "タスク", "leaf": "末端", "done": "完了", "late": "遅延", "behind": "遅れ気味", "unscheduled": "日程未設定",
		"milestones": "マイルストーン", "issues": "課題", "open": "未完了", "overdue": "期限超過", "noowner": "担当者なし",
		"risks": "リスク", "high": "高", "medium": "中", "low": "低", "changes": "前回からの変化", "newissues": "新規課題", "closedissues": "完了課題",
		"newlylate": "新たに遅延", "over": "負荷超過", "latetasks": "遅延タスク", "days": "日",
		"schedule": "スケジュール", "issuesdim": "課題", "cost": "コスト", "milestonesdim": "マイルストーン",
		"none": "なし", "pd": "人日",
	}
}

func f2(p *float64) string {
	if p == nil {
		return "-"
	}
	return value.ShowFixed(*p, 2)
}

// printStatus prints the figures for people: aligned, rounded, in lang.
// Status and RAG words come from the report's catalogue, so the terminal,
// the tracker and the PDF say the same thing.
func printStatus(w io.Writer, r *analyze.Result, lang string) {
	l, words := labelsFor(lang), report.LabelsFor(lang)
	fmt.Fprintf(w, "%s (%s)   %s %s   %s %s\n", r.Project.Name, r.Project.ID, l["pm"], r.Project.PM, l["asof"], r.AsOf)
	fmt.Fprintf(w, "%s: %s\n", l["overall"], strings.ToUpper(words.Get("rag."+string(r.RAG.Overall))))
	reasons := r.RAG.ReasonsJA
	if lang == "en" {
		reasons = r.RAG.Reasons
	}
	var rows [][]string
	for i, d := range r.RAG.Details {
		rows = append(rows, []string{"●", words.Get("dim." + d.Dimension), words.Get("rag." + string(d.Level)), reasons[i]})
	}
	table(w, "  ", rows)
	e := r.EVM
	fmt.Fprintln(w)
	rows = [][]string{
		{l["progress"], fmt.Sprintf("%s %.1f%%", l["planned"], r.Progress.Planned), fmt.Sprintf("%s %.1f%%", l["actual"], r.Progress.Actual), fmt.Sprintf("%s %+.1fpt", l["gap"], r.Progress.Actual-r.Progress.Planned)},
		{"EVM", fmt.Sprintf("BAC %.1f  PV %.1f  EV %.1f  AC %.1f", e.BAC, e.PV, e.EV, e.AC), "SPI " + f2(e.SPI), "CPI " + f2(e.CPI)},
		{l["tasks"], fmt.Sprintf("%d (%s %d)", r.Tasks.Total, l["leaf"], r.Tasks.Leaf), fmt.Sprintf("%s %d  %s %d  %s %d", l["done"], r.Tasks.Done, l["late"], r.Tasks.Late, l["behind"], r.Tasks.Behind), fmt.Sprintf("%s %d", l["unscheduled"], r.Tasks.Unscheduled)},
		{l["issues"], fmt.Sprintf("%s %d", l["open"], r.Issues.Open), fmt.Sprintf("%s %d  %s %d  %s %d", l["high"], r.Issues.OpenByPriority["high"], l["medium"], r.Issues.OpenByPriority["medium"], l["low"], r.Issues.OpenByPriority["low"]), fmt.Sprintf("%s %d  %s %d", l["overdue"], r.Issues.Overdue, l["noowner"], r.Issues.NoOwner)},
		{l["risks"], fmt.Sprintf("%s %d", l["open"], r.Risks.Open), fmt.Sprintf("%s %d", l["high"], r.Risks.High), ""},
	}
	// An absent register is not an empty one: say so instead of zeros.
	if !r.Coverage.HasIssues {
		rows[3] = []string{l["issues"], words.Get("none.issues"), "", ""}
	}
	if !r.Coverage.HasRisks {
		rows[4] = []string{l["risks"], words.Get("none.risks"), "", ""}
	}
	rows = append(rows, followUpRows(r, lang)...)
	rows = append(rows, qualityRow(r.Coverage, l, words), forecastRow(r.Forecast, words))
	table(w, "", rows)
	for _, s := range r.Coverage.Sources {
		if !s.Read {
			msg := s.ErrorJA
			if lang == "en" {
				msg = s.Error
			}
			fmt.Fprintf(w, "  %s: %s\n", words.Get("quality.unreadable"), msg)
		}
	}
	if len(r.Milestones) > 0 {
		fmt.Fprintf(w, "\n%s\n", l["milestones"])
		rows = nil
		for _, m := range r.Milestones {
			rows = append(rows, []string{m.Date.String(), m.Name, words.Get("ms." + string(m.Status)), fmt.Sprintf("%+d%s", m.DaysLeft, l["days"])})
		}
		table(w, "  ", rows)
	}
	if n := len(r.Tasks.LateTasks); n > 0 {
		fmt.Fprintf(w, "\n%s (%d)\n", l["latetasks"], n)
		rows = nil
		for i, t := range r.Tasks.LateTasks {
			if i == 10 {
				rows = append(rows, []string{"…", "", "", "", ""})
				break
			}
			rows = append(rows, []string{t.WBSID, clip(t.Name, 30), strings.Join(t.Assignee, "・"), t.PlannedFinish.String(), fmt.Sprintf("%.0f%%  +%d%s", t.Progress, t.DaysLate, l["days"])})
		}
		table(w, "  ", rows)
	}
	if n := len(r.Workload.Over); n > 0 {
		fmt.Fprintf(w, "\n%s (%d)\n", l["over"], n)
		rows = nil
		for i, c := range r.Workload.Over {
			if i == 8 {
				rows = append(rows, []string{"…", "", ""})
				break
			}
			load := fmt.Sprintf("%.1f / %.1f %s", c.Load, c.Capacity, l["pd"])
			if c.Overdue > 0 {
				load += fmt.Sprintf(" (%s %.1f)", words.Get("workload.overdue"), c.Overdue)
			}
			rows = append(rows, []string{c.Week.String(), c.Person, load})
		}
		table(w, "  ", rows)
	}
	if c := r.Changes; c != nil {
		fmt.Fprintf(w, "\n%s %s: %s %+.1fpt  SPI %s  %s %d  %s %d  %s %d\n", l["changes"], c.Since, l["progress"], c.ProgressDelta,
			signed(c.SPIDelta), l["newissues"], c.NewIssues, l["closedissues"], c.ClosedIssues, l["newlylate"], len(c.NewlyLate))
	}
	if rp := r.Replan; rp != nil && (rp.MovedCount > 0 || len(rp.StaleSource) > 0 || rp.BackwardsCount > 0 || rp.VanishedCount > 0) {
		fmt.Fprintf(w, "%s %d  %s %d  %s %d", words.Get("time.replanned"), rp.MovedCount, words.Get("time.backwards"), rp.BackwardsCount,
			words.Get("time.vanished"), rp.VanishedCount)
		for _, s := range rp.StaleSource {
			fmt.Fprintf(w, "  %s %s (%d)", words.Get("time.stale"), s.File, s.Runs)
		}
		fmt.Fprintln(w)
	}
}

// forecastRow is the Earned Schedule line: the forecast finish against
// the planned one, SPI(t) and EAC; "-" where a figure is not known.
func forecastRow(f analyze.Forecast, words report.Labels) []string {
	finish := "-"
	if !f.Finish.IsZero() {
		finish = f.Finish.String()
		if f.SlipDays != nil {
			finish += fmt.Sprintf(" (%s %s, %+d %s)", words.Get("time.planned_end"), f.PlannedFinish, *f.SlipDays, words.Get("time.wd"))
		}
	}
	eac := "EAC -"
	if f.EAC != nil {
		eac = fmt.Sprintf("EAC %.1f", *f.EAC)
	}
	return []string{words.Get("time.forecast"), finish, "SPI(t) " + f2(f.SPIt), eac}
}

// qualityRow is the data-quality line: errors, warnings, the share of
// leaf tasks with planned dates and the source most in need of care.
func qualityRow(c analyze.Coverage, l labels, words report.Labels) []string {
	sched := words.Get("quality.scheduled") + " -"
	if c.ScheduledShare != nil {
		sched = fmt.Sprintf("%s %d/%d (%.0f%%)", words.Get("quality.scheduled"), c.Scheduled, c.LeafTasks, *c.ScheduledShare)
	}
	worst := ""
	if c.Worst != "" {
		worst = words.Get("quality.worst") + " " + c.Worst
	}
	return []string{words.Get("quality.title"), fmt.Sprintf("%s %d  %s %d", words.Get("severity.error"), c.Errors, words.Get("severity.warning"), c.Warnings), sched, worst}
}

func signed(p *float64) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%+.2f", *p)
}
