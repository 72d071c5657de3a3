package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/scaffold"
	"github.com/spf13/pflag"
)

type initOptions struct {
	id    string
	name  string
	lang  string
	start string
	asOf  string
	force bool
}

func (o *initOptions) langOption() string { return o.lang }

func initCommand() *command {
	return &command{
		name:    "init",
		args:    "[DIR]",
		summary: "scaffold a project definition and blank standard team sheets / 定義と標準様式の表を作成",
		long: `Writes DIR/project.yaml (default DIR: the current folder), a commented project
definition that pmo validate accepts as it is, and three blank team sheets in the
standard layout: DIR/teams/WBS.xlsx, 課題管理表.xlsx and リスク管理表.xlsx (WBS.xlsx,
issues.xlsx and risks.xlsx with --lang en). Each sheet has the standard header row,
one example row, drop-downs for status and priority, and date and percent formats.

The project runs for a year from --start (default: April 1 of the current fiscal
year); its status date is today (--as-of to choose another). Existing files are
never overwritten unless --force.

プロジェクト定義（コメント付き）と、標準様式の WBS・課題管理表・リスク管理表を
作成します。基準日は今日です（--as-of で変更できます）。既存のファイルは --force を
付けない限り上書きしません。`,
		flags: func(fs *pflag.FlagSet) any {
			o := &initOptions{}
			fs.StringVar(&o.id, "id", "", "project id: a-z, 0-9, _ and - (default: from the folder name)")
			fs.StringVar(&o.name, "name", "", "project name (default: the folder name)")
			fs.StringVar(&o.lang, "lang", "ja", "language of the comments, headers and file names: ja or en")
			fs.StringVar(&o.start, "start", "", "project start YYYY-MM-DD (default: April 1 of the fiscal year of --as-of or today)")
			fs.StringVar(&o.asOf, "as-of", "", "status date YYYY-MM-DD, also the files' document date (default: today, kept within the project's year)")
			fs.BoolVar(&o.force, "force", false, "overwrite existing files")
			return o
		},
		run: runInit,
	}
}

func runInit(_ context.Context, env *Env, o any, args []string) error {
	opt := o.(*initOptions)
	if len(args) > 1 {
		return usageError{"init takes at most one DIR"}
	}
	dir := "."
	if len(args) == 1 {
		dir = args[0]
	}
	if opt.lang != "ja" && opt.lang != "en" {
		return usageError{fmt.Sprintf("--lang %q: use ja or en", opt.lang)}
	}
	asOf, err := parseAsOf(opt.asOf)
	if err != nil {
		return err
	}
	start, err := parseDateFlag("--start", opt.start)
	if err != nil {
		return err
	}
	today := date.FromTime(time.Now())
	if start.IsZero() {
		start = scaffold.FiscalYearStart(cmp.Or(asOf, today))
	}
	if !asOf.IsZero() && asOf < start {
		return usageError{fmt.Sprintf("--as-of %s is before the project's start %s", asOf, start)}
	}
	if asOf.IsZero() {
		// The status date of a new project is today, as long as today
		// falls within the year it runs.
		asOf = min(max(today, start), scaffold.End(start))
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	folder := filepath.Base(abs)
	id := opt.id
	if id == "" {
		id = scaffold.ID(folder)
		if id == "" {
			return usageError{fmt.Sprintf("cannot make a project id from the folder name %q; give one with --id (a-z, 0-9, _ and -)", folder)}
		}
	} else if !config.ValidID(id) {
		return usageError{fmt.Sprintf("--id %q: use a-z, 0-9, _ and -, starting with a letter or digit", id)}
	}
	files, err := scaffold.Files(scaffold.Options{ID: id, Name: cmp.Or(opt.name, folder), Lang: opt.lang, Start: start, AsOf: asOf})
	if err != nil {
		return usageError{err.Error()}
	}
	// Check every file before writing any, so a refusal leaves the folder
	// as it was.
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		st, err := os.Stat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return diag.Errorf(diag.Pos{File: path}, "cannot check the file: %v", err)
		case st.IsDir():
			return diag.Errorf(diag.Pos{File: path}, "is a directory")
		case !opt.force:
			return diag.Errorf(diag.Pos{File: path}, "already exists; use --force to overwrite it")
		}
	}
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := pipeline.WriteFile(path, f.Data); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, path)
	}
	yaml := filepath.Join(dir, scaffold.ProjectFile)
	if opt.lang == "en" {
		fmt.Fprintf(env.Stderr, "next: edit %s, then run pmo validate %s\n", yaml, yaml)
	} else {
		fmt.Fprintf(env.Stderr, "次に %s を編集し、pmo validate %s で確認してください\n", yaml, yaml)
	}
	return nil
}

// parseDateFlag reads an optional YYYY-MM-DD flag value.
func parseDateFlag(flag, s string) (date.Date, error) {
	if s == "" {
		return 0, nil
	}
	d, err := date.Parse(s)
	if err != nil {
		return 0, usageError{fmt.Sprintf("%s %q: use YYYY-MM-DD", flag, s)}
	}
	return d, nil
}
