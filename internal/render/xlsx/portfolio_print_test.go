package xlsx

import (
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/report"
	"github.com/xuri/excelize/v2"
)

// bigPortfolio is a steering meeting's portfolio of n projects: every
// RAG, long names and reasons, budgets on most projects (one has none,
// one a budget but no forecast) and one failed run with a long error.
func bigPortfolio(n int, lang string) *report.Portfolio {
	pf := &report.Portfolio{Name: "2027年度 全社 IT 投資案件", Lang: lang, L: report.LabelsFor(lang), AsOf: date.Of(2026, time.November, 20)}
	levels := []analyze.Level{analyze.Red, analyze.Amber, analyze.Green}
	for i := range n {
		spi, cpi, delta := 0.7+float64(i%40)/100, 0.8+float64(i%30)/100, float64(i%7)-3
		budget, eac := float64(10_000_000*(1+i%50)), float64(9_500_000*(1+i%50))
		stale, moved := i%3, i%5
		r := report.PortfolioRow{
			ID: fmt.Sprintf("p%03d", i), Name: fmt.Sprintf("案件%03d 基幹業務システム更改（第%d期）", i, 1+i%3), PM: "山田 太郎",
			Status: "ok", RAG: levels[i%3], Reason: fmt.Sprintf("SPI %.2f（赤の基準 0.85 未満）、期限超過の優先度「高」課題 %d 件", spi, i%9),
			AsOf: pf.AsOf, Planned: 40 + float64(i%50), Actual: 35 + float64(i%50), SPI: &spi, CPI: &cpi,
			LateTasks: i % 60, OpenIssues: 100 + i, OverdueIssues: i % 90, HighRisks: i % 6,
			NextMilestone: &analyze.Milestone{Name: "結合テスト完了（外部接続含む）", Date: date.Of(2027, time.January, 29)},
			ProgressDelta: &delta, Replanned: &moved, StaleSheets: &stale, ForecastFinish: date.Of(2027, time.April, 5),
			Budget: &budget, EAC: &eac, Currency: "JPY", Tracker: fmt.Sprintf("p%03d/tracker.xlsx", i),
		}
		switch i {
		case 1:
			r.Budget, r.EAC = nil, nil
		case 2:
			r.EAC = nil
		case 3:
			r = report.PortfolioRow{ID: r.ID, Name: r.Name, PM: r.PM, Status: "failed",
				Error: "teams/基盤/WBS.xlsx: 正しい .xlsx ファイルではありません（zip の構造が壊れています）"}
		}
		pf.Rows = append(pf.Rows, r)
	}
	return pf
}

// TestPortfolioPrintsOnePageWide: the 一覧 sheet's committee columns
// (the project, schedule, issues and risks, milestone, money and a failed
// run's error) print one page wide and as many tall as the projects take,
// with the title and header repeated, at 7 points or more in
// LibreOffice's wider measure; the PMO's working columns after them stay
// on screen. Before, the 28 columns printed at 64 % over two pages wide.
func TestPortfolioPrintsOnePageWide(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		pf   *report.Portfolio
	}{
		{"examples-ja", examplePortfolio(t, "ja")},
		{"examples-en", examplePortfolio(t, "en")},
		{"big-ja", bigPortfolio(100, "ja")},
		{"big-en", bigPortfolio(100, "en")},
	} {
		f := open(t, renderPortfolio(t, c.pf))
		sheet := c.pf.L.Get("sheet.portfolio")
		props, _ := f.GetSheetProps(sheet)
		pl, _ := f.GetPageLayout(sheet)
		// As many pages tall as it takes (0), or one fewer when the last
		// would hold a few rows (shortLastPage).
		if !deref(props.FitToPage) || deref(pl.FitToWidth) != 1 || deref(pl.FitToHeight) < 0 || deref(pl.Size) != 8 || deref(pl.Orientation) != "landscape" {
			t.Errorf("%s: not fitted to one A3 landscape page wide (fit %v, %d × %d, size %d %s)", c.name,
				deref(props.FitToPage), deref(pl.FitToWidth), deref(pl.FitToHeight), deref(pl.Size), deref(pl.Orientation))
		}
		area, titles := definedName(f, sheet, "_xlnm.Print_Area"), definedName(f, sheet, "_xlnm.Print_Titles")
		if !strings.HasSuffix(titles, "$1:$2") {
			t.Errorf("%s: print titles %q do not repeat the title and header rows", c.name, titles)
		}
		head, _ := f.GetRows(sheet)
		labels := head[headerRow-1]
		last := printAreaLastCol(t, area)
		printed := strings.Join(labels[:last], "|")
		for _, key := range []string{"col.rag", "col.project", "col.spi", "col.open_issues", "col.next_milestone", "col.error"} {
			if !strings.Contains(strings.ReplaceAll(printed, "\n", ""), c.pf.L.Get(key)) {
				t.Errorf("%s: the printed columns (%s) leave out %q", c.name, printed, c.pf.L.Get(key))
			}
		}
		wide := 0.0
		for col := 1; col <= last; col++ {
			name, _ := excelize.ColumnNumberToName(col)
			w, _ := f.GetColWidth(sheet, name)
			wide += columnMM(w, maxDigitPx(c.pf.Lang))
		}
		if scale := a3PrintableMM(t, f, sheet) / wide * 100; scale < float64(lowestScale()) {
			t.Errorf("%s: one page wide is %.0f %% in LibreOffice's measure, text under %.0f pt", c.name, scale, minPrintPt)
		}
	}
}

// definedName is what a name defined for one sheet refers to ("" when
// the sheet has no such name).
func definedName(f *excelize.File, sheet, name string) string {
	for _, n := range f.GetDefinedName() {
		if n.Scope == sheet && n.Name == name {
			return n.RefersTo
		}
	}
	return ""
}

// printAreaLastCol is the last column of a one-range print area.
func printAreaLastCol(t *testing.T, area string) int {
	t.Helper()
	i := strings.LastIndex(area, ":$")
	if i < 0 || strings.Contains(area, ",") {
		t.Fatalf("print area %q is not one range", area)
	}
	ref := strings.TrimLeft(area[i+2:], "$")
	ref = strings.TrimRight(ref, "0123456789")
	ref = strings.TrimSuffix(ref, "$")
	c, err := excelize.ColumnNameToNumber(ref)
	if err != nil {
		t.Fatalf("print area %q: %v", area, err)
	}
	return c
}

// TestPortfolioPrintedPages prints the portfolio workbooks with
// LibreOffice and reads the pages back: every page of the 一覧 sheet
// holds its header from the RAG to the error column (one page wide, the
// header repeated), every project is on exactly one of them, its name
// whole, no figure shows as ####, and a hundred projects take a handful
// of pages, not two per page height.
func TestPortfolioPrintedPages(t *testing.T) {
	soffice := tool(t, "soffice")
	pdftotext := tool(t, "pdftotext")
	dir := t.TempDir()
	cases := []struct {
		name     string
		pf       *report.Portfolio
		maxPages int
	}{
		{"examples-ja", examplePortfolio(t, "ja"), 1},
		{"examples-en", examplePortfolio(t, "en"), 1},
		{"big-ja", bigPortfolio(100, "ja"), 8},
		{"big-en", bigPortfolio(100, "en"), 8},
	}
	var files []string
	for _, c := range cases {
		path := filepath.Join(dir, c.name+".xlsx")
		if err := os.WriteFile(path, renderPortfolio(t, c.pf), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pdf := filepath.Join(dir, c.name+".pdf")
			layout := pdfPages(t, pdftotext, pdf, "-layout")
			raw := pdfPages(t, pdftotext, pdf, "-raw")
			sheet := c.pf.L.Get("sheet.portfolio")
			var pages []int
			for i, p := range layout {
				if footerSheet(p) == sheet {
					pages = append(pages, i)
				}
			}
			if len(pages) == 0 || len(pages) > c.maxPages {
				t.Fatalf("the %s sheet prints %d pages, want 1 to %d", sheet, len(pages), c.maxPages)
			}
			first, lastLabel := c.pf.L.Get("col.rag"), c.pf.L.Get("col.error")
			seen := map[string]int{}
			for _, i := range pages {
				flat := strings.Join(strings.Fields(raw[i]), "")
				if !strings.Contains(flat, first) || !strings.Contains(flat, strings.Join(strings.Fields(lastLabel), "")) {
					t.Errorf("page %d has not the whole header (%q … %q): printed more than one page wide, or the header not repeated", i+1, first, lastLabel)
				}
				if strings.Contains(raw[i], "###") {
					t.Errorf("page %d shows ### for a figure too wide for its column", i+1)
				}
				for _, r := range c.pf.Rows {
					if strings.Contains(flat, strings.Join(strings.Fields(r.Name), "")) {
						seen[r.ID]++
					}
				}
			}
			for _, r := range c.pf.Rows {
				if seen[r.ID] != 1 {
					t.Errorf("project %s (%s) is on %d printed pages of %s, want 1 with its name whole", r.ID, r.Name, seen[r.ID], sheet)
				}
			}
			if want := int(math.Ceil(float64(len(c.pf.Rows)) / 40)); len(pages) < want {
				t.Errorf("%d projects on %d pages: more than 40 rows a page cannot be legible", len(c.pf.Rows), len(pages))
			}
		})
	}
}

// pdfPages is the text of each page of a PDF, as pdftotext gives it with
// mode (-layout or -raw).
func pdfPages(t *testing.T, pdftotext, path, mode string) []string {
	t.Helper()
	out, err := exec.Command(pdftotext, mode, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// footerSheet is the sheet name a printed page's footer starts with
// (the footer is the sheet name, then "page / pages").
func footerSheet(page string) string {
	lines := strings.Split(strings.TrimRight(page, "\n "), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if m := footerLine.FindStringSubmatch(lines[i]); m != nil {
			return strings.Join(strings.Fields(m[1]), " ")
		}
	}
	return ""
}

var footerLine = regexp.MustCompile(`^\s*(\S.*?)\s+\d+\s*/\s*\d+\s*$`)
