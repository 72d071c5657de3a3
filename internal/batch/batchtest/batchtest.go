// Package batchtest builds portfolios from the bundled examples for the
// renderers' tests, the way pmo batch builds its overview.
package batchtest

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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
		var err error
		if pf.Board, err = res.BuildBoard(plan, groupBy, 0); err != nil {
			t.Fatal(err)
		}
	}
	for i := range pf.Rows {
		// Held in the portfolio, so that tests see them as the renderers do.
		fs, err := pf.RowFindings(i)
		if err != nil {
			t.Fatal(err)
		}
		pf.Rows[i].Findings = fs
		if pf.Documents[i], err = pf.Page(i); err != nil {
			t.Fatal(err)
		}
	}
	pf.FindingsOf, pf.DocumentOf = nil, nil
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

// SharedPeople writes a portfolio of two projects in which 山本 (a
// surname in alpha's sheet, 山本 太郎 in beta's roster) works on both in
// the same weeks, and the portfolio lists 山本 太郎 with 4 person-days a
// week. alpha and beta are each project's progress of its running task.
func SharedPeople(t testing.TB, dir string, alpha, beta int) string {
	t.Helper()
	write := func(name, s string) {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("portfolio.yaml", `version: 1
portfolio: {name: 共有要員}
projects:
  - {path: alpha/project.yaml, department: 営業本部, tags: [基幹]}
  - {path: beta/project.yaml, department: 管理本部, tags: [基幹, 小規模]}
people:
  - {name: 山本 太郎, capacity: 4, company: 自社}
`)
	project := func(id, team, member string) string {
		return `version: 1
project: {id: ` + id + `, name: 案件` + id + `, pm: 佐藤, start: 2026-11-02, end: 2027-01-29}
teams:
  - {name: ` + team + `, members: [` + member + `]}
milestones:
  - {name: 設計完了, date: 2026-12-04}
report:
  decisions: [` + id + `の判断事項]
sources:
  - {file: WBS.csv, kind: wbs, team: ` + team + `}
`
	}
	wbs := func(progress int, who string) string {
		p := strconv.Itoa
		return "WBS番号,タスク名,担当者,開始予定,終了予定,進捗率\n" +
			"1,設計,,2026/11/02,2026/12/04,\n" +
			"1.1,基本設計," + who + ",2026/11/02,2026/11/13,100\n" +
			"1.2,詳細設計," + who + ",2026/11/16,2026/12/04," + p(progress) + "\n"
	}
	write("alpha/project.yaml", project("alpha", "開発", "山本"))
	write("alpha/WBS.csv", wbs(alpha, "山本"))
	write("beta/project.yaml", project("beta", "基盤", "山本 太郎"))
	write("beta/WBS.csv", wbs(beta, "山本"))
	return filepath.Join(dir, "portfolio.yaml")
}
