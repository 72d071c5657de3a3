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
