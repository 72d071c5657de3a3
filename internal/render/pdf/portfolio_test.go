package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/batch/batchtest"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/golden"
	"github.com/pmokit/pmo/internal/report"
)

// examplePortfolio is the examples' portfolio with one reused and one
// failed project (see batchtest.ExamplePortfolio).
func examplePortfolio(t testing.TB, lang string) *report.Portfolio {
	return batchtest.ExamplePortfolio(t, "../../../examples/portfolio.yaml", lang)
}

// handPortfolio has n projects of every kind — failed before analysis,
// red with a long reason and a change since the last run, amber without
// SPI or next milestone, green and reused — taken on different dates,
// with the kikan example's document for the first built one.
func handPortfolio(t testing.TB, lang string, n int) *report.Portfolio {
	t.Helper()
	ms := &analyze.Milestone{Name: "本番稼働", Date: date.Of(2027, 3, 15), Status: analyze.MilestoneAtRisk}
	delta, spi, cpi := -2.5, 0.81, 1.02
	pf := &report.Portfolio{Name: "2026年度 R&D 案件", Lang: lang, L: report.LabelsFor(lang)}
	for i := range n {
		id := fmt.Sprintf("p%02d", i+1)
		var r report.PortfolioRow
		switch i % 4 {
		case 0:
			r = report.PortfolioRow{Status: "failed", Error: "teams/WBS.xlsx: not an Excel workbook (not a zip file)", Name: "基幹刷新 " + id}
		case 1:
			r = report.PortfolioRow{Status: "ok", RAG: analyze.Red, Name: "顧客管理システム刷新プロジェクト（第2期）" + id, PM: "山田 太郎",
				Reason:  strings.Repeat("SPI 0.81 が閾値 0.90 を下回り、結合テストの開始が 3 週間遅れている。", 2),
				Planned: 62.5, Actual: 48.25, SPI: &spi, CPI: &cpi, LateTasks: 7, OpenIssues: 12, OverdueIssues: 3, HighRisks: 2,
				NextMilestone: ms, ProgressDelta: &delta}
		case 2:
			r = report.PortfolioRow{Status: "ok", RAG: analyze.Amber, Name: "Web 予約 " + id, PM: "鈴木 一郎", Reason: "期限超過の課題が 2 件",
				Planned: 30, Actual: 29, OpenIssues: 4, OverdueIssues: 2}
		default:
			r = report.PortfolioRow{Status: "reused", RAG: analyze.Green, Name: "ネットワーク更改 " + id, PM: "佐藤", Reason: "計画どおり",
				Planned: 80, Actual: 81, NextMilestone: ms}
		}
		r.ID, r.AsOf = id, date.Of(2026, 11, 13+i%2*7)
		pf.Rows = append(pf.Rows, r)
		pf.Documents = append(pf.Documents, nil)
	}
	if n > 1 {
		pf.Documents[1] = load(t, "kikan", lang)
	}
	return pf
}

func renderPortfolioRec(t *testing.T, pf *report.Portfolio) ([]byte, diag.Findings, []textRun) {
	t.Helper()
	var runs []textRun
	b, fs, err := renderPortfolio(pf, Options{}, &runs)
	if err != nil {
		t.Fatal(err)
	}
	return b, fs, runs
}

// rowTexts are what page 1 must show of each project, as the font draws
// it (≧ for ≥): its name, and its reason or, for a failed run, its error.
func rowTexts(t testing.TB, pf *report.Portfolio) []string {
	m := fontMetrics(t)
	var out []string
	for _, r := range pf.Rows {
		s := r.Reason
		if r.Status == "failed" {
			s = r.Error
		}
		for _, x := range []string{r.Name, s} {
			c, _ := m.clean(x, replacement)
			out = append(out, c)
		}
	}
	return out
}

// summaries are the documents that get a summary page: those of projects
// that did not fail.
func summaries(pf *report.Portfolio) []*report.Document {
	var out []*report.Document
	for i, d := range pf.Documents {
		if d != nil && pf.Rows[i].Status != "failed" {
			out = append(out, d)
		}
	}
	return out
}

// pageText is the text of the given pages in drawing order, without the
// footers.
func pageText(runs []textRun, from, to int) string {
	var b strings.Builder
	for _, r := range runs {
		if r.page >= from && r.page <= to && r.top <= bottom {
			b.WriteString(r.s)
		}
	}
	return b.String()
}

func TestPortfolioExamples(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"ja", "en"} {
		name := "portfolio-examples-" + lang
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			pf := examplePortfolio(t, lang)
			b, fs, runs := renderPortfolioRec(t, pf)
			if len(fs) > 0 {
				t.Errorf("findings for the examples: %v", fs)
			}
			checkRuns(t, runs)
			pages := runs[len(runs)-1].page
			// ec and network were built and kikan reused (a reused project
			// still has its summary); the broken one failed and has none.
			built := len(summaries(pf))
			if built != 3 || pages != 1+built {
				t.Errorf("%d pages for %d summaries, want the table on one page and one page each", pages, built)
			}
			golden.Check(t, *update, filepath.Join("testdata", name+".golden"), []byte(dump(runs, pages)))
			text := squash(pageText(runs, 1, 1))
			for _, s := range rowTexts(t, pf) {
				if !strings.Contains(text, squash(s)) {
					t.Errorf("page 1 does not show %q whole", s)
				}
			}

			path := filepath.Join(t.TempDir(), name+".pdf")
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Run("qpdf", func(t *testing.T) {
				run(t, "qpdf", "--check", path)
				if n := strings.TrimSpace(run(t, "qpdf", "--show-npages", path)); n != fmt.Sprint(pages) {
					t.Errorf("qpdf counts %s pages, the renderer drew %d", n, pages)
				}
			})
			t.Run("pdftotext", func(t *testing.T) {
				raw := squash(run(t, "pdftotext", "-raw", "-enc", "UTF-8", "-f", "1", "-l", "1", path, "-"))
				for _, s := range rowTexts(t, pf) {
					if !strings.Contains(raw, squash(s)) {
						t.Errorf("pdftotext -raw does not return %q whole from page 1", s)
					}
				}
				all := squash(run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"))
				for _, d := range summaries(pf) {
					if !strings.Contains(all, squash(d.Comment)) {
						t.Errorf("the summary of %s is not in the PDF", d.Project.ID)
					}
				}
			})
		})
	}
}

// TestPortfolioSummaryPages checks that each summary page is the project
// report's page 1: the same lines at the same places.
func TestPortfolioSummaryPages(t *testing.T) {
	t.Parallel()
	pf := examplePortfolio(t, "ja")
	_, _, runs := renderPortfolioRec(t, pf)
	page := 1
	for _, d := range summaries(pf) {
		page++
		_, _, own := renderRec(t, d)
		want := slices.DeleteFunc(own, func(r textRun) bool { return r.page != 1 || r.top > bottom })
		got := slices.DeleteFunc(slices.Clone(runs), func(r textRun) bool { return r.page != page || r.top > bottom })
		for i := range want {
			want[i].page = page
		}
		if !slices.Equal(got, want) {
			t.Errorf("page %d is not %s's summary page: %d lines, want %d", page, d.Project.ID, len(got), len(want))
		}
		if foot := footerText(runs, page); !strings.Contains(foot, d.Project.ID) || !strings.Contains(foot, d.AsOf.String()) {
			t.Errorf("page %d footer %q does not name %s and its status date", page, foot, d.Project.ID)
		}
	}
	if foot := footerText(runs, 1); !strings.Contains(foot, pf.Name) || !strings.Contains(foot, pf.AsOf.String()) {
		t.Errorf("page 1 footer %q does not name the portfolio and its date", foot)
	}
}

func footerText(runs []textRun, page int) string {
	var b strings.Builder
	for _, r := range runs {
		if r.page == page && r.top > bottom {
			b.WriteString(r.s + " ")
		}
	}
	return b.String()
}

// TestPortfolioLong has more projects than a page holds, each with long
// text: the table continues with its header repeated, every name and
// reason drawn whole, then the one summary.
func TestPortfolioLong(t *testing.T) {
	t.Parallel()
	pf := handPortfolio(t, "ja", 40)
	b, fs, runs := renderPortfolioRec(t, pf)
	if len(fs) > 0 {
		t.Errorf("findings: %v", fs)
	}
	checkRuns(t, runs)
	last := runs[len(runs)-1].page
	tablePages := last - 1
	if tablePages < 2 {
		t.Fatalf("40 projects on %d page(s)", tablePages)
	}
	text := squash(pageText(runs, 1, tablePages))
	for _, s := range rowTexts(t, pf) {
		if !strings.Contains(text, squash(s)) {
			t.Errorf("%q is not drawn whole", s)
		}
	}
	head := pf.L.Get("col.main_reason")
	for p := 1; p <= tablePages; p++ {
		if !slices.ContainsFunc(runs, func(r textRun) bool { return r.page == p && r.s == head }) {
			t.Errorf("page %d has no table header", p)
		}
	}
	// Projects taken on different dates: a status-date column, and no
	// clock in the file's dates.
	if !slices.ContainsFunc(runs, func(r textRun) bool { return r.page == 1 && r.s == "2026-11-13" }) {
		t.Error("no status date per project")
	}
	if !bytes.Contains(b, []byte("/CreationDate (D:20000101")) {
		t.Error("creation date is not the fixed one")
	}
}

func TestPortfolioDeterministic(t *testing.T) {
	t.Parallel()
	pf := examplePortfolio(t, "ja")
	first, _, err := RenderPortfolio(pf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	again, _, err := RenderPortfolio(pf, Options{})
	if err != nil || !bytes.Equal(first, again) {
		t.Errorf("two renders differ (%v)", err)
	}
	if !bytes.Contains(first, []byte("/CreationDate (D:20261120")) {
		t.Error("creation date is not the portfolio's status date")
	}
}

func TestPortfolioEdges(t *testing.T) {
	t.Parallel()
	if b, _, err := RenderPortfolio(nil, Options{}); err == nil || b != nil {
		t.Errorf("nil portfolio: %d bytes, %v; want an error", len(b), err)
	}
	if b, _, err := RenderPortfolio(handPortfolio(t, "ja", 2), Options{Font: []byte("not a font")}); err == nil || b != nil {
		t.Errorf("bad font: %d bytes, %v; want an error", len(b), err)
	}
	// An empty portfolio, labels left out, and a hand-made document with
	// no analysis still give a PDF.
	bare := &report.Document{Lang: "en", L: report.LabelsFor("en"), Title: "Report", Project: report.Facts{ID: "bare", Name: "Bare"}}
	for name, pf := range map[string]*report.Portfolio{
		"empty":       {},
		"no analysis": {Name: "x", Rows: []report.PortfolioRow{{ID: "bare", Name: "Bare", Status: "ok"}}, Documents: []*report.Document{bare}},
	} {
		t.Run(name, func(t *testing.T) {
			var runs []textRun
			b, _, err := renderPortfolio(pf, Options{}, &runs)
			if err != nil || len(b) == 0 {
				t.Fatalf("%d bytes, %v", len(b), err)
			}
			checkRuns(t, runs)
		})
	}
}

// FuzzPortfolioText puts arbitrary text where teams and runs write it — a
// project's name, reason and error — and checks the portfolio renders and
// draws all of it, cleaned as the font needs.
func FuzzPortfolioText(f *testing.F) {
	m := fontMetrics(f)
	for _, s := range []string{"", "𠮷野家", "（注）ーー。。", strings.Repeat("長い理由", 100), "a\r\n\tb\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pf := &report.Portfolio{Name: s, Rows: []report.PortfolioRow{
			{ID: "a", Name: s, Reason: s, Status: "ok", RAG: analyze.Red},
			{ID: "b", Name: "b", Error: s, Status: "failed"},
		}}
		var runs []textRun
		if _, _, err := renderPortfolio(pf, Options{}, &runs); err != nil {
			t.Fatal(err)
		}
		checkRuns(t, runs)
		clean, _ := m.clean(s, replacement)
		if strings.TrimSpace(s) != "" && strings.Count(squash(pageText(runs, 1, 99)), squash(clean)) < 3 {
			t.Fatalf("%q not drawn whole as name, reason and error", s)
		}
	})
}

// TestPageOneDrawsTheSame: the trimmed document a batch keeps per project
// draws the same portfolio summary page as the full one.
func TestPageOneDrawsTheSame(t *testing.T) {
	t.Parallel()
	for _, ex := range []string{"kikan", "ec", "network"} {
		full := load(t, ex, "ja")
		pf := func(d *report.Document) []byte {
			b, _, err := renderPortfolio(&report.Portfolio{Name: "p", Lang: "ja", L: report.LabelsFor("ja"), AsOf: full.AsOf,
				Rows: []report.PortfolioRow{{ID: ex, Name: full.Project.Name, Status: "ok", RAG: full.RAG.Overall}}, Documents: []*report.Document{d}}, Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		trimmed := full.PageOne()
		if trimmed.Tasks != nil || trimmed.A.Rolled != nil || trimmed.Cal != nil {
			t.Errorf("%s: the page-one document still holds the task list or calendar", ex)
		}
		if !bytes.Equal(pf(full), pf(trimmed)) {
			t.Errorf("%s: the summary page differs when drawn from PageOne", ex)
		}
	}
}
