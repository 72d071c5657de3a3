package cli

import (
	"cmp"
	"context"
	"fmt"
	"time"

	"github.com/pmokit/pmo/internal/batch"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/pipeline"
)

// projectCheck is one project's part of a portfolio validation.
type projectCheck struct {
	Path     string        `json:"path"`
	Project  string        `json:"project,omitempty"`
	Error    string        `json:"error,omitempty"` // could not be read at all
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Findings diag.Findings `json:"findings"`
}

// validatePortfolio checks every project a portfolio file lists, as pmo
// batch would read them (the portfolio's defaults applied), one after the
// other: a project that cannot be read is said so and the rest are still
// checked. The exit status is the worst of the projects'.
func validatePortfolio(ctx context.Context, env *Env, opt *validateOptions, path string, asOf date.Date) error {
	plan, err := batch.Discover(path)
	if err != nil {
		return here{path}.err(err)
	}
	lang := cmp.Or(opt.lang, plan.Portfolio.Defaults.Report.Lang, "ja")
	var checks []projectCheck
	errs, warns, unread := plan.Findings.Count(diag.Error), plan.Findings.Count(diag.Warning), 0
	// The portfolio's own findings name it as given on the command line.
	own := diag.Findings{}
	for _, f := range plan.Findings {
		own = append(own, here{path}.finding(f))
	}
	if !opt.json {
		for _, f := range own {
			fmt.Fprintln(env.Stdout, f.Format(lang))
		}
	}
	for _, file := range plan.Projects {
		if err := ctx.Err(); err != nil {
			return err
		}
		c := projectCheck{Path: plan.Rel(file), Findings: diag.Findings{}}
		at := here{file}
		p, err := pipeline.Load(ctx, file, pipeline.Options{AsOf: asOf, Today: date.FromTime(time.Now()), Getenv: env.Getenv,
			Lenient: true, Defaults: &plan.Portfolio.Defaults})
		switch {
		case err != nil:
			c.Error = errorIn(at.err(err), lang)
			unread++
		default:
			c.Project = p.Config.Project.ID
			for _, f := range p.Findings {
				c.Findings = append(c.Findings, at.finding(f))
			}
			c.Errors, c.Warnings = p.Findings.Count(diag.Error), p.Findings.Count(diag.Warning)
			if p.Failed() {
				unread++
			}
		}
		errs += c.Errors
		warns += c.Warnings
		if !opt.json {
			printProjectCheck(env, c, lang)
		}
		checks = append(checks, c)
	}
	if opt.json {
		out := struct {
			Portfolio string         `json:"portfolio"`
			Errors    int            `json:"errors"`
			Warnings  int            `json:"warnings"`
			Unread    int            `json:"unread"`
			Findings  diag.Findings  `json:"findings"`
			Projects  []projectCheck `json:"projects"`
		}{plan.Name, errs, warns, unread, own, checks}
		if out.Projects == nil {
			out.Projects = []projectCheck{}
		}
		if err := writeJSON(env.Stdout, out); err != nil {
			return err
		}
	} else if lang == "en" {
		fmt.Fprintf(env.Stdout, "%d projects: %d errors, %d warnings, %d could not be read\n", len(checks), errs, warns, unread)
	} else {
		fmt.Fprintf(env.Stdout, "%d プロジェクト：エラー %d 件、警告 %d 件、読めなかったもの %d 件\n", len(checks), errs, warns, unread)
	}
	switch {
	case unread > 0:
		return exitError{exitUsage}
	case errs > 0 || opt.strict && warns > 0:
		return exitError{exitFindings}
	}
	return nil
}

// printProjectCheck prints one project's findings under its path and its
// count line, as pmo validate does for one project.
func printProjectCheck(env *Env, c projectCheck, lang string) {
	fmt.Fprintf(env.Stdout, "== %s\n", c.Path)
	if c.Error != "" {
		fmt.Fprintln(env.Stdout, c.Error)
		return
	}
	for _, f := range c.Findings {
		fmt.Fprintln(env.Stdout, f.Format(lang))
	}
	notes := len(c.Findings) - c.Errors - c.Warnings
	fmt.Fprintf(env.Stdout, "%d errors, %d warnings, %d notes\n", c.Errors, c.Warnings, notes)
}
