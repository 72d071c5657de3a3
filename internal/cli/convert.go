package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/render/xlsx"
	"github.com/spf13/pflag"
)

type convertOptions struct {
	out  string
	asOf string
	lang string
	readFlags
}

func (o *convertOptions) langOption() string { return o.lang }

func convertCommand() *command {
	return &command{
		name:    "convert",
		args:    "FILE -o OUT.xlsx",
		summary: "one team sheet → one standard tracker, no YAML needed / 1 つの表を標準管理表に変換",
		long: `Reads one team sheet in any layout pmo can read (check it with pmo inspect first) and
writes the standard tracker. The project window is the span of the sheet's dates and
the calendar Japanese. The input is never overwritten, even when -o names it.

When pmo maps a column wrongly, fix it as the YAML would: --column planned_finish=完了日
(a header), --column assignee=H (a column letter) or =8 (a number), --header-rows 5-6.
pmo inspect prints the flags that reproduce its mapping, ready to edit.

チームの表 1 つを、YAML なしで標準の管理表に変換します。入力ファイルは上書きしません。
列の対応を直すには --column 項目=見出し（または列記号）、--header-rows 5-6 を指定します。`,
		flags: func(fs *pflag.FlagSet) any {
			o := &convertOptions{}
			fs.StringVarP(&o.out, "out", "o", "", "output .xlsx file (required)")
			o.readFlags.register(fs, true)
			fs.StringVar(&o.asOf, "as-of", "", "status date YYYY-MM-DD (default: today)")
			fs.StringVar(&o.lang, "lang", "ja", "labels: ja or en")
			return o
		},
		run: runConvert,
	}
}

func runConvert(_ context.Context, env *Env, o any, args []string) error {
	opt := o.(*convertOptions)
	if len(args) != 1 {
		return usageError{"convert takes one FILE"}
	}
	if opt.out == "" {
		return usageError{"-o OUT.xlsx is required"}
	}
	if !strings.EqualFold(filepath.Ext(opt.out), ".xlsx") {
		return usageError{fmt.Sprintf("-o %s: the tracker is an .xlsx file", opt.out)}
	}
	rd, err := opt.resolve(env)
	if err != nil {
		return err
	}
	asOf, err := parseAsOf(opt.asOf)
	if err != nil {
		return err
	}
	if err := checkLang(opt.lang); err != nil {
		return err
	}
	if pipeline.SameFile(opt.out, args[0]) {
		return diag.Errorf(diag.Pos{File: opt.out}, "refusing to overwrite the input; choose another -o")
	}
	p, err := pipeline.FromFile(args[0], rd.file(opt.lang), pipeline.Options{AsOf: asOf, Today: date.FromTime(time.Now())})
	if err != nil {
		return err
	}
	b, err := xlsx.Render(p.Document(opt.lang))
	if err != nil {
		return fmt.Errorf("writing the tracker: %w", err)
	}
	if err := pipeline.WriteFile(opt.out, b); err != nil {
		return err
	}
	more := ""
	if n := len(p.Actions); n > 0 {
		more += fmt.Sprintf(", %d actions", n)
	}
	if n := len(p.Tests) + len(p.TestDays); n > 0 {
		more += fmt.Sprintf(", %d test rows", n)
	}
	fmt.Fprintf(env.Stderr, "%s: %d tasks, %d issues, %d risks%s, %d findings\n", opt.out, len(p.Tasks), len(p.Issues), len(p.Risks), more, p.Findings.Total())
	return nil
}
