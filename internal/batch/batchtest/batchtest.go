// Package batchtest builds portfolios from the bundled examples for the
// renderers' tests, the way pmo batch builds its overview.
package batchtest

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/batch"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/report"
)

// ExamplePortfolio runs the portfolio file of the examples (portfolioYAML)
// through the batch with a stand-in renderer: kikan runs once on its own
// first so that the full run reuses it, and a project whose workbook is
// corrupt is added so that one row fails. Paths of that project's
// temporary folder are shown as "broken", so golden files stay stable.
func ExamplePortfolio(t testing.TB, portfolioYAML, lang string) *report.Portfolio {
	t.Helper()
	return example(t, portfolioYAML, lang, false, "")
}

// ExampleBoard is ExamplePortfolio with the portfolio's own view
// (pf.Board) built as pmo batch builds it, grouped by groupBy ("" for
// none).
func ExampleBoard(t testing.TB, portfolioYAML, lang, groupBy string) *report.Portfolio {
	t.Helper()
	return example(t, portfolioYAML, lang, true, groupBy)
}

func example(t testing.TB, portfolioYAML, lang string, board bool, groupBy string) *report.Portfolio {
	t.Helper()
	plan, err := batch.Discover(portfolioYAML)
	if err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(t.TempDir(), "broken")
	write(t, filepath.Join(broken, "project.yaml"), "version: 1\nproject:\n  id: broken\n  name: 壊れた案件\n  pm: 佐藤 花子\n"+
		"  start: 2026-04-01\n  end: 2027-03-31\nsources:\n  - file: WBS.xlsx\n    kind: wbs\n")
	write(t, filepath.Join(broken, "WBS.xlsx"), "PK\x03\x04 not a workbook")
	opt := batch.Options{Out: t.TempDir(), Lang: lang, Render: func(*pipeline.Project, *report.Document) (map[string][]byte, diag.Findings, error) {
		return map[string][]byte{"tracker.xlsx": []byte("stand-in"), "status.pdf": []byte("stand-in")}, nil, nil
	}}
	first := *plan
	first.Projects = slices.DeleteFunc(slices.Clone(plan.Projects), func(p string) bool { return !strings.Contains(p, "kikan") })
	batch.Run(context.Background(), &first, opt)
	plan.Projects = append(plan.Projects, filepath.Join(broken, "project.yaml"))
	res := batch.Run(context.Background(), plan, opt)
	pf := res.Overview(lang)
	if board {
		pf.Board = res.BuildBoard(plan, groupBy, 0)
	}
	for i := range pf.Rows {
		r := &pf.Rows[i]
		r.Error = strings.ReplaceAll(r.Error, broken, "broken")
		for j := range r.Findings {
			r.Findings[j].Pos.File = strings.ReplaceAll(r.Findings[j].Pos.File, broken, "broken")
		}
	}
	return pf
}

func write(t testing.TB, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
