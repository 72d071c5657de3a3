package cli

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
	"github.com/pmokit/pmo/internal/value"
	"github.com/spf13/pflag"
)

type inspectOptions struct {
	json    bool
	samples int
	asOf    string
	lang    string
	readFlags
}

func (o *inspectOptions) langOption() string { return o.lang }

func inspectCommand() *command {
	return &command{
		name:    "inspect",
		args:    "FILE",
		summary: "show what pmo sees in a spreadsheet / 表の読み取り結果を表示",
		long: `Shows the tables pmo finds in FILE (.xlsx, .xlsm, .xls, .ods, .csv, or an MS
Project .xml / GanttProject .gan plan): the sheet, the header rows, which column
maps to which standard field, the columns left unmapped, a few sample records and
every finding. Use it to check a team's sheet before adding it to a project, or
to see why a value was read the way it was. For a plan file the "sheet" is its
task element and each column names the XML element a field comes from.

チームの表を project.yaml に登録する前の確認に使います。見出し行・列の対応・
サンプルレコード・指摘を表示します。Excel 97-2003 (.xls)・OpenDocument (.ods)・
MS Project XML・GanttProject (.gan) も読み込めます。

Findings are in Japanese unless --lang en. With --json every record is printed
(the JSON shape is a public interface); findings carry the English "message" and
the Japanese "message_ja".`,
		flags: func(fs *pflag.FlagSet) any {
			o := &inspectOptions{}
			o.readFlags.register(fs, true)
			fs.BoolVar(&o.json, "json", false, "print JSON with every record")
			fs.IntVar(&o.samples, "samples", 5, "sample records to print per table")
			fs.StringVar(&o.asOf, "as-of", "", "date YYYY-MM-DD near which dates typed without a year (4/1) fall (default: today)")
			fs.StringVar(&o.lang, "lang", "ja", "language of the findings: ja or en")
			return o
		},
		run: runInspect,
	}
}

func parseKind(s string) (project.Kind, error) {
	switch strings.ToLower(s) {
	case "":
		return "", nil
	case "wbs", "task", "tasks", "schedule":
		return project.KindWBS, nil
	case "issues", "issue", "課題":
		return project.KindIssues, nil
	case "risks", "risk", "リスク":
		return project.KindRisks, nil
	case "actions", "action", "アクション", "宿題":
		return project.KindActions, nil
	case "tests", "test", "テスト":
		return project.KindTests, nil
	}
	return "", usageError{fmt.Sprintf("--kind %q: use wbs, issues, risks, actions or tests", s)}
}

func runInspect(_ context.Context, env *Env, o any, args []string) error {
	opt := o.(*inspectOptions)
	if len(args) != 1 {
		return usageError{"inspect takes one FILE"}
	}
	rd, err := opt.resolve(env)
	if err != nil {
		return err
	}
	near, err := parseAsOf(opt.asOf)
	if err != nil {
		return err
	}
	if err := checkLang(opt.lang); err != nil {
		return err
	}
	if near.IsZero() {
		near = date.FromTime(time.Now())
	}
	path := args[0]
	book, err := sheet.Open(path, rd.open(filepath.Base(path)))
	if err != nil {
		return err
	}
	res, err := sheet.Read(book, rd.options(near))
	if err != nil {
		return err
	}
	res.Findings.Sort()
	if opt.json {
		return writeJSON(env.Stdout, inspectJSON(res))
	}
	printInspect(env.Stdout, res, opt.samples, cmp.Or(opt.lang, "ja"))
	return nil
}

type inspectTable struct {
	*sheet.Table
	Records any `json:"records"`
}

type inspectResult struct {
	File     string         `json:"file"`
	Tables   []inspectTable `json:"tables"`
	Findings diag.Findings  `json:"findings"`
}

func inspectJSON(res *sheet.Result) inspectResult {
	out := inspectResult{File: res.File, Findings: res.Findings}
	if out.Findings == nil {
		out.Findings = diag.Findings{}
	}
	for _, t := range res.Tables {
		it := inspectTable{Table: t}
		switch t.Kind {
		case project.KindWBS:
			it.Records = nonNil(t.Tasks)
		case project.KindIssues:
			it.Records = nonNil(t.Issues)
		case project.KindActions:
			it.Records = nonNil(t.Actions)
		case project.KindTests:
			if len(t.TestDays) > 0 {
				it.Records = t.TestDays
			} else {
				it.Records = nonNil(t.Tests)
			}
		default:
			it.Records = nonNil(t.Risks)
		}
		out.Tables = append(out.Tables, it)
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func printInspect(w io.Writer, res *sheet.Result, samples int, lang string) {
	fmt.Fprintln(w, res.File)
	for _, t := range res.Tables {
		header := rowList(t.HeaderRows)
		if t.MappedByValues {
			header = "none (columns mapped by their values)"
		}
		fmt.Fprintf(w, "\nsheet %q: %s table, header row %s, %d records\n", t.Sheet, t.Kind, header, t.Count)
		if t.Tool != "" {
			fmt.Fprintf(w, "  exported from %s (columns mapped by its preset)\n", t.Tool)
		}
		var rows [][]string
		for _, c := range t.Columns {
			rows = append(rows, []string{c.Letter, clip(c.Header, 30), "→ " + c.Field})
		}
		table(w, "  ", rows)
		if len(t.Unmapped) > 0 {
			var names []string
			for _, c := range t.Unmapped {
				names = append(names, c.Letter+" "+clip(c.Header, 20))
			}
			fmt.Fprintf(w, "  not mapped: %s\n", strings.Join(names, ", "))
		}
		if t.Calendar != "" {
			if fromCalendar(t.Tasks) {
				fmt.Fprintf(w, "  calendar (Gantt) area %s: dates its columns leave empty are read from its marks (shown with *)\n", t.Calendar)
			} else {
				fmt.Fprintf(w, "  calendar (Gantt) area %s left out\n", t.Calendar)
			}
		}
		fmt.Fprintf(w, "  flags for this mapping (edit and pass to inspect or convert): %s\n", reproduceFlags(t))
		printSamples(w, t, samples)
	}
	if len(res.Findings) > 0 {
		fmt.Fprintf(w, "\n%d findings:\n", res.Findings.Total())
		for _, f := range res.Findings {
			fmt.Fprintf(w, "  %s\n", f.Format(lang))
		}
	}
}

func rowList(rows []int) string {
	switch len(rows) {
	case 0:
		return "- (a project plan: fields by element)"
	case 1:
		return fmt.Sprint(rows[0])
	}
	return fmt.Sprintf("%d-%d", rows[0], rows[len(rows)-1])
}

func printSamples(w io.Writer, t *sheet.Table, n int) {
	if n <= 0 || t.Count == 0 {
		return
	}
	fmt.Fprintf(w, "  first %d records:\n", min(n, t.Count))
	var rows [][]string
	hasActual := false
	for i := 0; i < n && i < len(t.Tasks); i++ {
		hasActual = hasActual || !t.Tasks[i].ActualStart.IsZero() || !t.Tasks[i].ActualFinish.IsZero()
	}
	for i := 0; i < n && i < t.Count; i++ {
		switch t.Kind {
		case project.KindWBS:
			tk := t.Tasks[i]
			name := strings.Repeat("  ", max(tk.Level-1, 0)) + tk.Name
			row := []string{tk.Source().String(), tk.WBSID, clip(name, 36), span(tk.PlannedStart, tk.PlannedFinish, tk.PlannedStartFrom, tk.PlannedFinishFrom)}
			if hasActual {
				row = append(row, "実績 "+span(tk.ActualStart, tk.ActualFinish, tk.ActualStartFrom, tk.ActualFinishFrom))
			}
			rows = append(rows, append(row, pct(tk.Progress), status(tk.Status.String(), tk.StatusRaw), strings.Join(tk.Assignee.List(), "・")))
		case project.KindIssues:
			is := t.Issues[i]
			rows = append(rows, []string{is.Source().String(), is.ID, clip(is.Title, 36), is.Priority.String(), status(is.Status.String(), is.StatusRaw), strings.Join(is.Owner, "・"), is.Due.String()})
		case project.KindActions, project.KindTests:
			rows = append(rows, followUpSample(t, i))
		default:
			rk := t.Risks[i]
			rows = append(rows, []string{rk.Source().String(), rk.ID, clip(rk.Title, 36), "P" + num(rk.Probability.Ptr()) + " I" + num(rk.Impact.Ptr()), status(rk.Status.String(), rk.StatusRaw), strings.Join(rk.Owner, "・")})
		}
	}
	table(w, "    ", rows)
}

func pct(n project.Num) string {
	p, ok := n.Get()
	if !ok {
		return "-"
	}
	return value.ShowFixed(p, 0) + "%"
}

func num(p *float64) string {
	if p == nil {
		return "-"
	}
	return value.ShowNumber(*p)
}

func status(norm, raw string) string {
	if raw == "" || raw == norm {
		return norm
	}
	return norm + "(" + raw + ")"
}

// span prints a start→finish pair, a * marking a date derived from the
// Gantt calendar rather than read from a column.
func span(start, finish date.Date, startFrom, finishFrom project.DateSource) string {
	mark := func(from project.DateSource) string {
		if from == project.FromCalendar {
			return "*"
		}
		return ""
	}
	if start.IsZero() && finish.IsZero() {
		return "-"
	}
	return start.String() + mark(startFrom) + "→" + finish.String() + mark(finishFrom)
}

func fromCalendar(ts []project.Task) bool {
	for i := range ts {
		if ts[i].PlannedStartFrom|ts[i].PlannedFinishFrom|ts[i].ActualStartFrom|ts[i].ActualFinishFrom != project.FromColumn {
			return true
		}
	}
	return false
}
