package cli

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/validate"
	"github.com/spf13/pflag"
)

type validateOptions struct {
	json   bool
	strict bool
	rules  bool
	asOf   string
	lang   string
}

func (o *validateOptions) langOption() string { return o.lang }

func validateCommand() *command {
	return &command{
		name:    "validate",
		args:    "PROJECT.yaml | PORTFOLIO.yaml",
		summary: "check a project's definition and team sheets / 定義とチームの表を検証",
		long: `Reads the project definition and every source it lists, then prints each finding
as "severity: position: message [rule]", sorted by position — a YAML problem at
project.yaml:LINE:COL, a sheet problem at file!Sheet!C12 (file:line for CSV) — and
a count. Given a portfolio file (projects:), it checks every project it lists, with
the portfolio's defaults, and ends with the totals. Messages are in Japanese unless --lang en (or report.lang: en in the
YAML); --json always carries the English "message" and, when there is one, the
Japanese "message_ja".

プロジェクト定義と全ソースを読み、指摘を位置順に表示します。ポートフォリオ定義
（projects:）を渡すと、そこに並ぶ全プロジェクトを既定値込みで検証し、合計を表示します。指摘の文言は既定で
日本語、--lang en で英語です。

Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 could not run
(the YAML or a source file could not be read).`,
		flags: func(fs *pflag.FlagSet) any {
			o := &validateOptions{}
			fs.BoolVar(&o.json, "json", false, "print findings as JSON")
			fs.BoolVar(&o.strict, "strict", false, "exit 1 on warnings too")
			fs.BoolVar(&o.rules, "rules", false, "list the rules and exit")
			fs.StringVar(&o.asOf, "as-of", "", "status date YYYY-MM-DD (default: status_date in the YAML, else today)")
			fs.StringVar(&o.lang, "lang", "", "language of the messages: ja or en (default: report.lang in the YAML, else ja)")
			return o
		},
		run: runValidate,
	}
}

func parseAsOf(s string) (date.Date, error) {
	if s == "" {
		return 0, nil
	}
	d, err := date.Parse(s)
	if err != nil {
		return 0, usageError{fmt.Sprintf("--as-of %q: use YYYY-MM-DD", s)}
	}
	return d, nil
}

func runValidate(ctx context.Context, env *Env, o any, args []string) error {
	opt := o.(*validateOptions)
	if opt.rules {
		printRules(env.Stdout)
		return nil
	}
	if len(args) != 1 {
		return usageError{"validate takes one PROJECT.yaml or PORTFOLIO.yaml"}
	}
	asOf, err := parseAsOf(opt.asOf)
	if err != nil {
		return err
	}
	if err := checkLang(opt.lang); err != nil {
		return err
	}
	if config.IsPortfolio(args[0]) {
		return validatePortfolio(ctx, env, opt, args[0], asOf)
	}
	at := here{args[0]}
	p, err := pipeline.Load(ctx, args[0], pipeline.Options{AsOf: asOf, Today: date.FromTime(time.Now()), Getenv: env.Getenv, Lenient: true})
	if err != nil {
		return at.err(err)
	}
	errs, warns := p.Findings.Count(diag.Error), p.Findings.Count(diag.Warning)
	if opt.json {
		out := struct {
			Project  string        `json:"project"`
			AsOf     date.Date     `json:"as_of"`
			Errors   int           `json:"errors"`
			Warnings int           `json:"warnings"`
			Findings diag.Findings `json:"findings"`
		}{p.Config.Project.ID, p.AsOf, errs, warns, p.Findings}
		if out.Findings == nil {
			out.Findings = diag.Findings{}
		}
		if err := writeJSON(env.Stdout, out); err != nil {
			return err
		}
	} else {
		lang := cmp.Or(opt.lang, p.Config.Report.Lang, "ja")
		for _, f := range p.Findings {
			fmt.Fprintln(env.Stdout, at.finding(f).Format(lang))
		}
		fmt.Fprintf(env.Stdout, "%d errors, %d warnings, %d notes (%d tasks, %d issues, %d risks read from %d sources)\n",
			errs, warns, p.Findings.Count(diag.Info), len(p.Tasks), len(p.Issues), len(p.Risks), len(p.Sources))
	}
	switch {
	case p.Failed():
		return exitError{exitUsage}
	case errs > 0 || opt.strict && warns > 0:
		return exitError{exitFindings}
	}
	return nil
}

func printRules(w io.Writer) {
	var rows [][]string
	for _, r := range validate.SourceRules() {
		rows = append(rows, []string{r[0], r[1], r[2]})
	}
	for _, r := range validate.Rules() {
		rows = append(rows, []string{r.ID, r.Severity.String(), r.Description})
	}
	table(w, "", rows)
}
