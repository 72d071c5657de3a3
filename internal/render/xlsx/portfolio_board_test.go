package xlsx

import (
	"slices"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/batch/batchtest"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/portfolio"
)

// TestPortfolioBoardSheets writes the examples' portfolio with a person
// planned in two projects beyond capacity: the 要員 sheet shows the total
// in red with each project's share below and the finding in words; the
// decisions, trend, quality and group sheets are there.
func TestPortfolioBoardSheets(t *testing.T) {
	t.Parallel()
	pf := batchtest.ExampleBoard(t, "../../../examples/portfolio.yaml", "ja", "department")
	w0 := date.Of(2026, 11, 16)
	pf.Board.People = &portfolio.People{Weeks: []date.Date{w0, w0.AddDays(7)}, Rows: []portfolio.PersonLoad{{
		Name: "山本 太郎", Company: "協力会社A", Listed: true, Capacity: []float64{5, 4}, Load: []float64{9, 2}, Peak: 1.8, OverWeeks: 1,
		Projects: []portfolio.ProjectLoad{{Project: "ec", Load: []float64{5, 2}}, {Project: "kikan", Load: []float64{4, 0}}}}}}
	msg := "山本 太郎 は 2026-11-16 の週に 9.0 人日の予定で…：ec 5.0、kikan 4.0"
	pf.Board.Findings = diag.Findings{{Severity: diag.Warning, Rule: portfolio.RuleOverAllocated, Message: "x", MessageJA: msg}}
	data, err := RenderPortfolio(pf)
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	sheets := f.GetSheetList()
	for _, s := range []string{"一覧", "全指摘", "要員", "判断事項", "期限の近いMS", "推移一覧", "データ品質", "グループ別"} {
		if !slices.Contains(sheets, s) {
			t.Errorf("no sheet %s in %v", s, sheets)
		}
	}
	rows, err := f.GetRows("要員")
	if err != nil {
		t.Fatal(err)
	}
	// Title, header, the total, its two projects; then the finding.
	if len(rows) < 5 || rows[2][0] != "山本 太郎" || rows[3][1] != "ec" || rows[4][1] != "kikan" || rows[2][5] != "9.0" || rows[3][5] != "5.0" {
		t.Fatalf("要員 rows = %q", rows)
	}
	if !slices.ContainsFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == msg }) {
		t.Error("the finding is not on the 要員 sheet")
	}
	fill := func(ref string) string {
		id, _ := f.GetCellStyle("要員", ref)
		st, _ := f.GetStyle(id)
		if st == nil || len(st.Fill.Color) == 0 {
			return ""
		}
		return strings.ToUpper(st.Fill.Color[0])
	}
	if got := fill("F3"); got != colBadFill {
		t.Errorf("the over-capacity week is filled %q, want %s", got, colBadFill)
	}
	if got := fill("G3"); got == colBadFill {
		t.Error("a week within capacity is red")
	}
	items, _ := f.GetRows("判断事項")
	for _, it := range pf.Board.Items {
		if !slices.ContainsFunc(items, func(r []string) bool { return len(r) > 2 && r[2] == it.Text && r[1] == it.Project }) {
			t.Errorf("判断事項 lacks %s: %s", it.Project, it.Text)
		}
	}
	ms, _ := f.GetRows("期限の近いMS")
	for _, m := range pf.Board.Milestones {
		if !slices.ContainsFunc(ms, func(r []string) bool { return len(r) > 2 && r[1] == m.Project && r[2] == m.Name }) {
			t.Errorf("期限の近いMS lacks %s %s", m.Project, m.Name)
		}
	}
	quality, _ := f.GetRows("データ品質")
	if len(quality) != 2+len(pf.Board.Quality)+2 || quality[2][0] != pf.Board.Quality[0].Project {
		t.Errorf("データ品質 = %q", quality)
	}
}

// TestPortfolioBoardEmpty writes the board of a portfolio in which
// nothing was built: the sheets are there and say so.
func TestPortfolioBoardEmpty(t *testing.T) {
	t.Parallel()
	pf := handPortfolio("ja")
	pf.Board = portfolio.Build(portfolio.Input{GroupBy: "tags"}, []portfolio.Entry{{ID: "p01", Status: "failed"}})
	data, err := RenderPortfolio(pf)
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	rows, _ := f.GetRows("要員")
	if len(rows) < 3 || rows[2][0] != pf.L.Get("board.no_people") {
		t.Errorf("要員 = %q", rows)
	}
	if !slices.ContainsFunc(rows, func(r []string) bool { return len(r) > 0 && strings.Contains(r[0], "p01") }) {
		t.Error("the 要員 sheet does not name the project left out")
	}
	if groups, _ := f.GetRows("グループ別"); len(groups) < 3 || groups[2][0] != pf.L.Get("board.no_group") {
		t.Errorf("グループ別 = %q", groups)
	}
}
