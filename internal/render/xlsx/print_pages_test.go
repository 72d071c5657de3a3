package xlsx

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// carlito skips the test when LibreOffice would measure the English
// trackers' Calibri with another font's digits (see maxDigitPx), except
// under CI, where .ci/run installs fonts-crosextra-carlito.
func carlito(t *testing.T) {
	t.Helper()
	fcList := tool(t, "fc-list")
	out, err := exec.Command(fcList, ":family=Carlito", "family").Output()
	if err == nil && strings.Contains(string(out), "Carlito") {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set but the Carlito font is not installed (fonts-crosextra-carlito): %v", err)
	}
	t.Skip("the Carlito font (fonts-crosextra-carlito) is not installed: LibreOffice would print Calibri in DejaVu Sans's wider digits; set CI to require it")
}

// TestTrackersPrintedPages prints the examples' trackers in Japanese and
// English with LibreOffice and reads the pages back by their footers
// (sheet name, page / pages): the English WBS takes as many pages as the
// Japanese (its table one page wide with the task columns repeated, then
// the Gantt grid), each WBS table page shows the table's last printed
// column, every WBS page its whole title, and no page shows #### for a
// figure too wide for its column.
// Before, the English WBS of each example printed 4 pages where the
// Japanese printed 2: its widths were estimated with Excel's rounded 7
// pixels a digit, LibreOffice's Carlito measures 7.43.
func TestTrackersPrintedPages(t *testing.T) {
	soffice := tool(t, "soffice")
	pdftotext := tool(t, "pdftotext")
	carlito(t)
	dir := t.TempDir()
	type printed struct{ example, lang, nextLabel, lastLabel, wbs, title string }
	var cases []printed
	var files []string
	for _, ex := range []string{"ec", "kikan", "network"} {
		for _, lang := range []string{"ja", "en"} {
			d := exampleDoc(t, ex, lang)
			data := render(t, d)
			f := open(t, data)
			sheet := d.L.Get("sheet.wbs")
			area, titles := definedName(f, sheet, "_xlnm.Print_Area"), definedName(f, sheet, "_xlnm.Print_Titles")
			// The first column after the repeated ones: on the same
			// pages as the last, or the table is more than a page wide.
			titleCols, _, _ := strings.Cut(titles, ",")
			next := printAreaLastCol(t, titleCols) + 1
			first, _, _ := strings.Cut(area, ",")
			last := printAreaLastCol(t, first)
			rows, _ := f.GetRows(sheet)
			label := rows[headerRow-1][last-1]
			path := filepath.Join(dir, ex+"-"+lang+".xlsx")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, path)
			cases = append(cases, printed{ex, lang, rows[headerRow-1][next-1], label, sheet, rows[titleRow-1][0]})
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	wbsPages := map[string]map[string]int{}
	for _, c := range cases {
		pdf := filepath.Join(dir, c.example+"-"+c.lang+".pdf")
		layout := pdfPages(t, pdftotext, pdf, "-layout")
		raw := pdfPages(t, pdftotext, pdf, "-raw")
		n, table := 0, 0
		for i, p := range layout {
			if strings.Contains(raw[i], "###") {
				t.Errorf("%s-%s page %d (%s) shows ### for a figure too wide for its column", c.example, c.lang, i+1, footerSheet(p))
			}
			if footerSheet(p) != c.wbs {
				continue
			}
			n++
			flat := strings.Join(strings.Fields(raw[i]), "")
			has := func(label string) bool { return strings.Contains(flat, strings.Join(strings.Fields(label), "")) }
			if has(c.nextLabel) != has(c.lastLabel) {
				t.Errorf("%s-%s page %d: the WBS table's columns %q and %q are not on the same page: it prints more than one page wide", c.example, c.lang, i+1, c.nextLabel, c.lastLabel)
			}
			if has(c.lastLabel) {
				table++
			}
			if !has(c.title) {
				t.Errorf("%s-%s page %d: the title %q is cut (on the Gantt pages it has only the repeated columns' width)", c.example, c.lang, i+1, c.title)
			}
		}
		if table == 0 {
			t.Errorf("%s-%s: no WBS page shows the table's last printed column %q", c.example, c.lang, c.lastLabel)
		}
		if wbsPages[c.example] == nil {
			wbsPages[c.example] = map[string]int{}
		}
		wbsPages[c.example][c.lang] = n
	}
	for ex, by := range wbsPages {
		if by["en"] != by["ja"] || by["ja"] == 0 {
			t.Errorf("%s: the WBS prints %d pages in English, %d in Japanese; want the same", ex, by["en"], by["ja"])
		}
	}
}
