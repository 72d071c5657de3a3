package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/pmokit/pmo/internal/annotate"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/spf13/pflag"
)

type annotateOptions struct {
	out  string
	asOf string
	lang string
	readFlags
}

func (o *annotateOptions) langOption() string { return o.lang }

func annotateCommand() *command {
	return &command{
		name:    "annotate",
		args:    "FILE [-o OUT]",
		summary: "the team's own workbook returned with its findings marked / 指摘をセルに付けた表を返却用に作成",
		long: `Reads one team workbook (.xlsx or .xlsm) as pmo validate and convert read it and
writes a copy with every finding on the cell it names: a comment (severity, rule,
message and a suggested fix) and a fill added to the cell's own format (red for an
error, yellow for a warning, blue for a note). A first sheet lists every finding with
a link to its cell (last in an .xlsm, so macros that count sheets still find theirs).
The input is never modified. Without -o the copy is written beside it as
NAME_指摘.xlsx (NAME_findings.xlsx with --lang en).

The language is the workbook's own (Japanese when its sheets or text are) unless
--lang. Parts pmo does not touch are copied byte for byte: the VBA project, drawings,
images, charts, the theme and every sheet without a finding.

チームの表（.xlsx / .xlsm）を読み、指摘のあるセルにコメント（重大度・規則・内容・
対処の例）と塗りつぶしを付けたコピーを作ります。先頭のシートに指摘の一覧と各セルへの
リンクを置きます。元のファイルは変更しません。-o を省くと元ファイルと同じフォルダに
「名前_指摘.xlsx」を書き出します。

Exit status: 0 written (with or without findings), 2 could not read the file or
write the copy.`,
		flags: func(fs *pflag.FlagSet) any {
			o := &annotateOptions{}
			fs.StringVarP(&o.out, "out", "o", "", "the annotated copy (default: NAME_指摘.xlsx beside FILE)")
			o.readFlags.register(fs, false)
			fs.StringVar(&o.asOf, "as-of", "", "status date YYYY-MM-DD (default: today)")
			fs.StringVar(&o.lang, "lang", "", "language of the comments: ja or en (default: the workbook's)")
			return o
		},
		run: runAnnotate,
	}
}

// annotatable says whether pmo writes annotated copies of a file: Excel
// 2007+ workbooks, with or without macros.
func annotatable(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return true
	}
	return false
}

// annotatedName is the default name of the copy of path.
func annotatedName(path, lang string) string {
	ext := filepath.Ext(path)
	suffix := "_指摘"
	if lang == "en" {
		suffix = "_findings"
	}
	return strings.TrimSuffix(path, ext) + suffix + ext
}

func runAnnotate(_ context.Context, env *Env, o any, args []string) error {
	opt := o.(*annotateOptions)
	if len(args) != 1 {
		return usageError{"annotate takes one FILE"}
	}
	in := args[0]
	if !annotatable(in) {
		return usageError{fmt.Sprintf("%s: pmo annotates .xlsx and .xlsm workbooks / 注記できるのは .xlsx と .xlsm です", in)}
	}
	out := opt.out
	if out == "" {
		out = annotatedName(in, opt.lang)
	}
	if !strings.EqualFold(filepath.Ext(out), filepath.Ext(in)) {
		return usageError{fmt.Sprintf("-o %s: the copy keeps the input's kind, %s / 出力の拡張子は入力と同じ %s にしてください", out, filepath.Ext(in), filepath.Ext(in))}
	}
	if pipeline.SameFile(out, in) || filepath.Clean(out) == filepath.Clean(in) {
		return diag.Errorf(diag.Pos{File: out}, "refusing to overwrite the input; choose another -o")
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
	p, err := pipeline.FromFile(in, rd.file(opt.lang), pipeline.Options{AsOf: asOf, Today: date.FromTime(time.Now())})
	if err != nil {
		return err
	}
	data, err := limits.ReadFile(in, diag.Pos{File: in}, limits.SourceBytes)
	if err != nil {
		return err
	}
	res, err := annotate.Annotate(data, annotate.Of(p.Findings, filepath.Base(in)), annotate.Options{
		Lang: opt.lang, Name: filepath.Base(in), AsOf: p.AsOf, Last: strings.EqualFold(filepath.Ext(in), ".xlsm")})
	if err != nil {
		return diag.Errorf(diag.Pos{File: in}, "cannot annotate a copy: %v", err)
	}
	if err := pipeline.WriteFile(out, res.Data); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "%s: %d findings, %d cells marked\n", out, res.Listed, res.Marked)
	return nil
}
