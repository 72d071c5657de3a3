package xlsx

import (
	"bytes"
	"cmp"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/report"
	"github.com/xuri/excelize/v2"
)

// TestStreamedFindingsLikeTable: the portfolio's 全指摘 sheet is streamed,
// but must look exactly as the table code would draw it (the tracker's 指摘
// sheet with a project column): same cells, styles, widths, heights,
// filter, band, panes and print setup. A change to the tables that the
// streamed sheet does not follow fails here.
func TestStreamedFindingsLikeTable(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("期限を過ぎた課題が担当者不在のまま残っています。", 4)
	for _, c := range []struct {
		name string
		pf   *report.Portfolio
	}{
		{"hand-ja", handPortfolio("ja")},
		{"hand-en", handPortfolio("en")},
		{"examples-ja", examplePortfolio(t, "ja")},
		{"empty-ja", &report.Portfolio{Name: "空", Lang: "ja", L: report.LabelsFor("ja")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			pf := c.pf
			if len(pf.Rows) > 1 {
				// Long and multi-line messages: wrapped columns, taller rows.
				pf.Rows[1].Findings = append(pf.Rows[1].Findings,
					diag.Finding{Severity: diag.Warning, Rule: "issue-overdue", Pos: diag.Pos{File: "課題.xlsx", Row: 9}, Message: long, MessageJA: long},
					diag.Finding{Severity: diag.Error, Rule: "x", Message: "one\ntwo\nthree", MessageJA: "一\n二\n三"})
			}
			if c.name == "hand-ja" || c.name == "hand-en" {
				// The portfolio's own findings come first.
				pf.Findings = diag.Findings{{Severity: diag.Warning, Rule: "portfolio.over-allocated", Pos: diag.Pos{File: "portfolio.yaml", Row: 7},
					Message: "山本 is planned 9.3 person-days", MessageJA: "山本 は 9.3 人日の予定"}}
			}
			streamed := renderPortfolio(t, pf)

			// The same workbook with the sheet drawn by the table code.
			lang := cmp.Or(pf.Lang, "ja")
			d := &report.Document{Lang: lang, L: pf.L, Title: pf.L.Get("title.portfolio"), Project: report.Facts{Name: pf.Name}, AsOf: pf.AsOf}
			f := excelize.NewFile()
			defer f.Close()
			b := newBook(f, d)
			b.titleKey = "title.portfolio"
			b.setup("sheet.portfolio", "sheet.all_findings")
			b.portfolio(pf)
			var fs []diag.Finding
			var projects []string
			for _, x := range pf.Findings {
				fs = append(fs, x)
				projects = append(projects, pf.L.Get("board.portfolio_row"))
			}
			for i := range pf.Rows {
				for _, x := range pf.Rows[i].Findings {
					fs = append(fs, x)
					projects = append(projects, cmp.Or(pf.Rows[i].ID, pf.Rows[i].Name))
				}
			}
			b.findingsSheet("sheet.all_findings", fs, func(i int) string { return projects[i] })
			table, err := b.bytes()
			if err != nil {
				t.Fatal(err)
			}
			sheet := pf.L.Get("sheet.all_findings")
			got, want := sheetDump(t, streamed, sheet), sheetDump(t, table, sheet)
			if got != want {
				t.Errorf("streamed sheet differs from the table code's:\n%s\nwant\n%s", got, want)
			}
			if len(fs) > 0 && !strings.Contains(got, "heights:") {
				t.Error("no row of the test is taller than one line")
			}
		})
	}
}

// sheetDump is the dump of one sheet and of the defined names scoped to it.
func sheetDump(t *testing.T, data []byte, sheet string) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var w strings.Builder
	dumpSheet(t, &w, f, data, sheet)
	for _, n := range f.GetDefinedName() {
		if n.Scope == sheet {
			w.WriteString(n.Name + " = " + n.RefersTo + "\n")
		}
	}
	return w.String()
}

// TestAllFindingsHeadsWithThePortfolios: a finding about the portfolio as
// a whole (a person over-allocated across projects) is the 全指摘 sheet's
// first record, its project column saying it is the portfolio's, with the
// severity, rule, position and the message in the workbook's language.
func TestAllFindingsHeadsWithThePortfolios(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"ja", "en"} {
		pf := handPortfolio(lang)
		pf.Findings = diag.Findings{{Severity: diag.Warning, Rule: "portfolio.over-allocated", Pos: diag.Pos{File: "portfolio.yaml", Row: 7, Col: 5},
			Message: "山本 太郎 is planned 9.3 person-days", MessageJA: "山本 太郎 は 9.3 人日の予定"}}
		f, err := excelize.OpenReader(bytes.NewReader(renderPortfolio(t, pf)))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows(pf.L.Get("sheet.all_findings"))
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		want := []string{pf.L.Get("board.portfolio_row"), pf.L.Get("severity.warning"), "portfolio.over-allocated", "portfolio.yaml:7:5", pf.Findings[0].Text(lang)}
		if len(rows) < 4 || strings.Join(rows[2], "|") != strings.Join(want, "|") {
			t.Fatalf("%s: 全指摘 rows %q, want the first record %q", lang, rows, want)
		}
		if rows[3][0] == want[0] {
			t.Errorf("%s: the projects' findings are not after the portfolio's: %q", lang, rows[3])
		}
	}
}
