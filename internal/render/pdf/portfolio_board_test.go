package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/batch/batchtest"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/portfolio"
)

// TestPortfolioSteeringPage renders the examples' portfolio with its own
// view: page 1 is the steering page with the quadrant, the milestone
// strip and every decision and escalation, which pdftotext finds whole.
func TestPortfolioSteeringPage(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"ja", "en"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			pf := batchtest.ExampleBoard(t, "../../../examples/portfolio.yaml", lang, "")
			b := pf.Board
			if len(b.Items) != 8 || len(b.Quadrant) == 0 || len(b.Milestones) == 0 {
				t.Fatalf("the examples' board: %d items, %d bubbles, %d milestones", len(b.Items), len(b.Quadrant), len(b.Milestones))
			}
			out, fs, runs := renderPortfolioRec(t, pf)
			if len(fs) > 0 {
				t.Errorf("findings: %v", fs)
			}
			checkRuns(t, runs)
			page1 := squash(pageText(runs, 1, 1))
			for _, key := range []string{"board.quadrant", "board.changes", "board.items"} {
				if !strings.Contains(page1, squash(pf.L.Get(key))) {
					t.Errorf("page 1 lacks %q", pf.L.Get(key))
				}
			}
			for _, m := range b.Milestones {
				if !strings.Contains(page1, squash(m.Project+" "+m.Name)) {
					t.Errorf("the milestone strip lacks %s %s", m.Project, m.Name)
				}
			}
			for _, p := range b.Quadrant {
				if !strings.Contains(page1, p.Project) {
					t.Errorf("the quadrant does not label %s", p.Project)
				}
			}
			path := filepath.Join(t.TempDir(), "portfolio.pdf")
			if err := os.WriteFile(path, out, 0o644); err != nil {
				t.Fatal(err)
			}
			run(t, "qpdf", "--check", path)
			text := squash(run(t, "pdftotext", "-raw", "-enc", "UTF-8", "-f", "1", "-l", "1", path, "-"))
			for _, it := range b.Items {
				if !strings.Contains(text, squash(it.Text)) {
					t.Errorf("pdftotext does not find %q on page 1", it.Text)
				}
			}
			// Then the project table, the people, trend and quality pages.
			all := squash(run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"))
			for _, key := range []string{"board.people", "board.quality"} {
				if !strings.Contains(all, squash(pf.L.Get(key))) {
					t.Errorf("the PDF lacks the page %q", pf.L.Get(key))
				}
			}
		})
	}
}

// TestPortfolioPeoplePage draws a person planned in two projects beyond
// capacity: the finding's words and both projects' shares are on the
// people page, the over-capacity week in red.
func TestPortfolioPeoplePage(t *testing.T) {
	t.Parallel()
	pf := batchtest.ExampleBoard(t, "../../../examples/portfolio.yaml", "ja", "department")
	w0 := date.Of(2026, 11, 16)
	row := portfolio.PersonLoad{Name: "山本 太郎", Company: "協力会社A", Listed: true,
		Capacity: []float64{5, 4}, Load: []float64{9, 2}, Peak: 1.8, OverWeeks: 1,
		Projects: []portfolio.ProjectLoad{{Project: "ec", Load: []float64{5, 2}}, {Project: "kikan", Load: []float64{4, 0}}}}
	pf.Board.People = &portfolio.People{Weeks: []date.Date{w0, w0.AddDays(7)}, Rows: []portfolio.PersonLoad{row}}
	msg := "山本 太郎 は 2026-11-16 の週に 9.0 人日の予定で、容量 5.0 人日を超えています（180 %）：ec 5.0、kikan 4.0"
	pf.Board.Findings = diag.Findings{{Severity: diag.Warning, Rule: portfolio.RuleOverAllocated, Message: "x", MessageJA: msg}}
	pf.Board.OverdueActions = []portfolio.Action{{Project: "kikan", ID: "A-7", Title: "移行データの提供依頼", Owner: []string{"井上"}, Due: date.Of(2026, 11, 10), DaysOverdue: 10}}
	_, _, runs := renderPortfolioRec(t, pf)
	checkRuns(t, runs)
	if p1 := squash(pageText(runs, 1, 2)); !strings.Contains(p1, squash("A-7 移行データの提供依頼")) || !strings.Contains(p1, "10日超過") {
		t.Error("the overdue action is not listed after the decisions")
	}
	page := 0
	for _, r := range runs {
		if strings.HasPrefix(r.s, "案件横断の要員負荷") {
			page = r.page
		}
	}
	if page == 0 {
		t.Fatal("no people page")
	}
	text := squash(pageText(runs, page, page))
	// The broken project is named: its people are not in the grid.
	if m := pf.Board.Missing; len(m) != 1 || m[0] != "broken" {
		t.Errorf("missing = %v", m)
	}
	for _, want := range []string{msg, "山本太郎", "協力会社A", "└ec", "└kikan", "9.0", "4.0", "作成できなかった案件）:broken"} {
		if !strings.Contains(text, squash(want)) {
			t.Errorf("the people page lacks %q", want)
		}
	}
	// Grouped by department: the examples carry none, so one group of all.
	if g := pf.Board.Groups; len(g) != 1 || g[0].Name != "" || len(g[0].Projects) != 4 {
		t.Errorf("groups = %+v", g)
	}
	if !strings.Contains(squash(pageText(runs, 1, 99)), squash(pf.L.Get("board.no_group"))) {
		t.Error("the group page is missing")
	}
}

// TestPortfolioBoardEmpty draws the board of a portfolio in which nothing
// could be built: every section says so instead of drawing zeros.
func TestPortfolioBoardEmpty(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"ja", "en"} {
		pf := handPortfolio(t, lang, 1) // one project, failed before analysis
		pf.Board = portfolio.Build(portfolio.Input{GroupBy: "program"}, []portfolio.Entry{{ID: "p01", Status: "failed"}})
		_, fs, runs := renderPortfolioRec(t, pf)
		if len(fs) > 0 {
			t.Errorf("findings: %v", fs)
		}
		checkRuns(t, runs)
		text := squash(pageText(runs, 1, 99))
		for _, key := range []string{"board.no_history", "board.no_milestones", "board.no_items", "board.no_people"} {
			if !strings.Contains(text, squash(pf.L.Get(key))) {
				t.Errorf("%s: no %q", lang, pf.L.Get(key))
			}
		}
	}
}
