package xlsx

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/batch/batchtest"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/golden"
	"github.com/pmokit/pmo/internal/report"
	"github.com/pmokit/pmo/internal/sheet"
)

// examplePortfolio is the examples' portfolio with one reused and one
// failed project (see batchtest.ExamplePortfolio).
func examplePortfolio(t testing.TB, lang string) *report.Portfolio {
	return batchtest.ExamplePortfolio(t, "../../../examples/portfolio.yaml", lang)
}

// handPortfolio has every kind of row: failed before analysis, red with
// a long reason and a change since the last run, amber without SPI or a
// next milestone, green and reused; names a team might type as formulas;
// projects of different status dates.
func handPortfolio(lang string) *report.Portfolio {
	ms := &analyze.Milestone{Name: "本番稼働", Date: date.Of(2027, time.March, 15), Status: analyze.MilestoneAtRisk}
	delta, spi, cpi, low := -2.5, 0.81, 1.02, 0.95
	l := report.LabelsFor(lang)
	return &report.Portfolio{
		Name: "2026年度 R&D 案件", Lang: lang, L: l,
		Rows: []report.PortfolioRow{
			{ID: "erp", Name: "基幹刷新", Status: "failed", Error: "teams/WBS.xlsx: not an Excel workbook (not a zip file)",
				Findings: diag.Findings{{Severity: diag.Error, Rule: "source-unreadable", Pos: diag.Pos{File: "teams/WBS.xlsx"}, Message: "cannot read"}}},
			{ID: "crm", Name: "=HYPERLINK(\"http://x\",\"顧客管理\")", PM: "山田 太郎", Status: "ok", RAG: analyze.Red,
				Reason: strings.Repeat("SPI 0.81 が閾値 0.90 を下回り、結合テストの開始が 3 週間遅れている。", 3),
				AsOf:   date.Of(2026, time.November, 20), Planned: 62.5, Actual: 48.25, SPI: &spi, CPI: &cpi, LateTasks: 7, OpenIssues: 12,
				OverdueIssues: 3, HighRisks: 2, NextMilestone: ms, ProgressDelta: &delta, Tracker: "crm/tracker.xlsx", Report: "crm/status.pdf",
				Findings: diag.Findings{
					{Severity: diag.Warning, Rule: "issue-overdue", Pos: diag.Pos{File: "課題.xlsx", Sheet: "課題", Row: 5, Col: 10}, Message: "issue 2 is overdue"},
					{Severity: diag.Info, Rule: "date-year-inferred", Pos: diag.Pos{File: "project.yaml", Row: 3, Col: 5}, Message: "no year"},
				}},
			{ID: "web", Name: "Web 予約", PM: "鈴木 一郎", Status: "ok", RAG: analyze.Amber, Reason: "期限超過の課題が 2 件",
				AsOf: date.Of(2026, time.November, 13), Planned: 30, Actual: 29, OpenIssues: 4, OverdueIssues: 2, Tracker: "web/tracker.xlsx"},
			{ID: "net", Name: "ネットワーク更改", PM: "@佐藤", Status: "reused", RAG: analyze.Green, Reason: "計画どおり",
				AsOf: date.Of(2026, time.November, 20), Planned: 80, Actual: 81, SPI: &low, NextMilestone: ms, Tracker: "net/tracker.xlsx"},
		},
		Documents: []*report.Document{nil, nil, nil, nil},
	}
}

func renderPortfolio(t testing.TB, pf *report.Portfolio) []byte {
	t.Helper()
	data, err := RenderPortfolio(pf)
	if err != nil {
		t.Fatalf("RenderPortfolio: %v", err)
	}
	return data
}

func TestPortfolioGolden(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		pf   func(t *testing.T) *report.Portfolio
	}{
		{"portfolio-examples-ja", func(t *testing.T) *report.Portfolio { return examplePortfolio(t, "ja") }},
		{"portfolio-examples-en", func(t *testing.T) *report.Portfolio { return examplePortfolio(t, "en") }},
		{"portfolio-hand-ja", func(*testing.T) *report.Portfolio { return handPortfolio("ja") }},
		{"portfolio-empty-en", func(*testing.T) *report.Portfolio { return &report.Portfolio{Lang: "en"} }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := dump(t, renderPortfolio(t, c.pf(t)))
			golden.Check(t, *update, filepath.Join("testdata", c.name+".golden"), []byte(got))
		})
	}
}

// TestPortfolioReadBack reads the workbook with pmo's own reader and with
// excelize: one row per project in the portfolio's order with its typed
// figures, the header frozen and filtered, every tracker linked, and
// every project's findings on the second sheet.
func TestPortfolioReadBack(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		pf   func(t *testing.T) *report.Portfolio
	}{
		{"examples", func(t *testing.T) *report.Portfolio { return examplePortfolio(t, "ja") }},
		{"hand", func(*testing.T) *report.Portfolio { return handPortfolio("en") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			pf := c.pf(t)
			data := renderPortfolio(t, pf)
			book, err := sheet.Parse("portfolio.xlsx", data, sheet.OpenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			names := []string{pf.L.Get("sheet.portfolio"), pf.L.Get("sheet.all_findings")}
			if len(book.Sheets) != 2 || book.Sheets[0].Name != names[0] || book.Sheets[1].Name != names[1] {
				t.Fatalf("sheets %v, want %v", sheetNames(book), names)
			}
			g := book.Sheets[0]
			head := rowText(g, headerRow)
			col := func(key string) int { return slices.Index(head, pf.L.Get(key)) + 1 }
			for j := range head {
				head[j] = strings.ReplaceAll(head[j], "\n", "") // a header broken at a word
			}
			for _, key := range []string{"col.rag", "col.project", "project.pm", "col.main_reason", "col.spi", "col.cpi", "col.planned", "col.actual",
				"col.late", "col.open_issues", "col.overdue_issues", "col.high_risks", "col.next_milestone", "col.change", "col.run_status", "col.tracker"} {
				if col(key) == 0 {
					t.Errorf("no column %q in header %q", pf.L.Get(key), head)
				}
			}
			if got, want := lastRow(g)-firstRow+1, len(pf.Rows); got != want {
				t.Fatalf("%d project rows, want %d", got, want)
			}
			for i := range pf.Rows {
				r, row := &pf.Rows[i], firstRow+i
				if got := text(g, row, col("col.project")); got != r.Name {
					t.Errorf("row %d name %q, want %q", row, got, r.Name)
				}
				if r.Status == "failed" {
					if got := text(g, row, col("col.rag")); got != "-" || text(g, row, col("col.main_reason")) != "" || hasCell(g, row, col("col.actual")) {
						t.Errorf("failed row %d shows RAG %q and figures from what could be read", row, got)
					}
				} else if got := text(g, row, col("col.main_reason")); got != r.Reason {
					t.Errorf("row %d reason %q, want %q", row, got, r.Reason)
				}
				if got, want := text(g, row, col("col.run_status")), pf.L.Get("run."+r.Status); got != want {
					t.Errorf("row %d status %q, want %q", row, got, want)
				}
				if r.Status == "failed" && text(g, row, col("col.error")) != r.Error {
					t.Errorf("row %d error %q, want %q", row, text(g, row, col("col.error")), r.Error)
				}
				if hasFigures(r) {
					c, st := cellAt(g, row, col("col.actual"))
					if c == nil || c.Kind != sheet.Number || !st.Percent || abs(c.Num*100-r.Actual) > 1e-9 {
						t.Errorf("row %d actual %+v %+v, want %v%% as a percentage", row, c, st, r.Actual)
					}
				}
				if r.SPI != nil && hasFigures(r) {
					if c, _ := cellAt(g, row, col("col.spi")); c == nil || c.Kind != sheet.Number || c.Num != *r.SPI {
						t.Errorf("row %d SPI %+v, want %v", row, c, *r.SPI)
					}
				}
				if m := r.NextMilestone; m != nil && hasFigures(r) {
					c, st := cellAt(g, row, col("col.ms_date"))
					if text(g, row, col("col.next_milestone")) != m.Name || c == nil || !st.Date {
						t.Errorf("row %d next milestone %q %+v, want %s on a date", row, text(g, row, col("col.next_milestone")), c, m.Name)
					}
				}
			}
			f := open(t, data)
			for i, r := range pf.Rows {
				ref := cellRef(col("col.tracker"), firstRow+i)
				ok, target, err := f.GetCellHyperLink(names[0], ref)
				if err != nil || ok != (r.Tracker != "") || target != r.Tracker {
					t.Errorf("%s link %v %q %v, want %q", ref, ok, target, err, r.Tracker)
				}
			}
			if panes, _ := f.GetPanes(names[0]); !panes.Freeze || panes.YSplit != headerRow {
				t.Errorf("header not frozen: %+v", panes)
			}
			for i, s := range names {
				if !strings.Contains(readPart(t, data, "xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml"), "<autoFilter ref=\"$A$2:") {
					t.Errorf("%s has no auto-filter over its header", s)
				}
			}
			fg := book.Sheets[1]
			var want []string
			for _, r := range pf.Rows {
				for _, x := range r.Findings {
					want = append(want, r.ID+" "+x.Rule+" "+x.Text(cmp.Or(pf.Lang, "ja")))
				}
			}
			var got []string
			for row := firstRow; row <= lastRow(fg) && len(want) > 0; row++ {
				got = append(got, text(fg, row, 1)+" "+text(fg, row, 3)+" "+text(fg, row, 5))
			}
			if !slices.Equal(got, want) {
				t.Errorf("findings sheet:\n%q\nwant\n%q", got, want)
			}
		})
	}
}

func TestPortfolioDeterministic(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		pf   *report.Portfolio
		when string
	}{
		{"one status date", func() *report.Portfolio {
			pf := handPortfolio("ja")
			pf.AsOf = date.Of(2026, time.November, 20)
			return pf
		}(), "2026-11-20T00:00:00Z"},
		{"different dates", handPortfolio("ja"), "2006-09-16T00:00:00Z"}, // excelize's template date
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			first := renderPortfolio(t, c.pf)
			if again := renderPortfolio(t, c.pf); !bytes.Equal(first, again) {
				t.Error("two renders of one portfolio differ")
			}
			props, err := open(t, first).GetDocProps()
			if err != nil || props.Created != c.when || props.Modified != c.when {
				t.Errorf("created %q modified %q (%v), want %s", props.Created, props.Modified, err, c.when)
			}
		})
	}
	if _, err := RenderPortfolio(nil); err == nil {
		t.Error("RenderPortfolio(nil) gave no error")
	}
}

func sheetNames(b *sheet.Book) []string {
	var out []string
	for _, g := range b.Sheets {
		out = append(out, g.Name)
	}
	return out
}

// cellAt returns the cell at row r, column c (1-based) and its style.
func cellAt(g *sheet.Grid, r, c int) (*sheet.Cell, sheet.Style) {
	for i := range g.Rows {
		if g.Rows[i].Num != r {
			continue
		}
		cells := g.RowCells(i)
		for j := range cells {
			if x := &cells[j]; int(x.Col) == c {
				var st sheet.Style
				if int(x.Style) < len(g.Styles) {
					st = g.Styles[x.Style]
				}
				return x, st
			}
		}
	}
	return nil, sheet.Style{}
}

func hasCell(g *sheet.Grid, r, c int) bool {
	x, _ := cellAt(g, r, c)
	return x != nil
}

func text(g *sheet.Grid, r, c int) string {
	if x, _ := cellAt(g, r, c); x != nil {
		return x.Str
	}
	return ""
}

func rowText(g *sheet.Grid, r int) []string {
	var out []string
	for c := 1; c <= 30; c++ {
		out = append(out, text(g, r, c))
	}
	return out
}

func lastRow(g *sheet.Grid) int {
	if len(g.Rows) == 0 {
		return 0
	}
	return g.Rows[len(g.Rows)-1].Num
}

func cellRef(c, r int) string {
	b := &book{}
	return b.ref(c, r)
}

func abs(x float64) float64 { return max(x, -x) }

// TestPortfolioLibreOffice opens the examples' portfolio in LibreOffice
// headless and exports both sheets as shown: every project's row is there
// with its name, percentages as percentages and its run status.
func TestPortfolioLibreOffice(t *testing.T) {
	soffice := tool(t, "soffice")
	pf := examplePortfolio(t, "ja")
	dir := t.TempDir()
	path := filepath.Join(dir, "portfolio.xlsx")
	if err := os.WriteFile(path, renderPortfolio(t, pf), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "csv")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", out, path)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	rows := readCSV(t, filepath.Join(out, "portfolio-"+pf.L.Get("sheet.portfolio")+".csv"))
	head := rows[headerRow-1]
	for j := range head {
		head[j] = strings.ReplaceAll(head[j], "\n", "") // a header broken at a word
	}
	col := func(key string) int { return slices.Index(head, pf.L.Get(key)) }
	for i, r := range pf.Rows {
		row := firstRow + i
		if got := at(rows, row, col("col.project")); got != r.Name {
			t.Errorf("row %d name %q, want %q", row, got, r.Name)
		}
		if got := at(rows, row, col("col.run_status")); got != pf.L.Get("run."+r.Status) {
			t.Errorf("row %d status %q", row, got)
		}
		if want := fmt.Sprintf("%.1f%%", r.Actual); hasFigures(&r) && at(rows, row, col("col.actual")) != want {
			t.Errorf("row %d actual %q, want %q", row, at(rows, row, col("col.actual")), want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "portfolio-"+pf.L.Get("sheet.all_findings")+".csv")); err != nil {
		t.Errorf("no findings sheet: %v", err)
	}
}
