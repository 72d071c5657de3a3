package annotate_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/annotate"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/xlsxcheck"
	"github.com/xuri/excelize/v2"
)

const realdata = "../../../shared/realdata"

// need returns a program the test needs, skipping without it except under
// CI, where .ci/run installs it.
func need(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but %s is not installed", name)
		}
		t.Skipf("%s not installed; set CI to require it", name)
	}
	return p
}

func realFiles(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(realdata, "*.xlsx"))
	if len(files) == 0 {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but %s holds no workbooks", realdata)
		}
		t.Skipf("no real workbooks in %s; set CI to require them", realdata)
	}
	return files
}

var asOf = date.Of(2026, 6, 1)

// annotated reads one file as pmo convert does, and annotates a copy with
// its findings.
func annotated(t *testing.T, path string, opt annotate.Options) (*annotate.Result, diag.Findings, []byte) {
	t.Helper()
	p, err := pipeline.FromFile(path, pipeline.FileOptions{}, pipeline.Options{AsOf: asOf, Today: asOf})
	if err != nil {
		t.Fatal(err)
	}
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fs := annotate.Of(p.Findings, filepath.Base(path))
	res, err := annotate.Annotate(orig, fs, opt)
	if err != nil {
		t.Fatal(err)
	}
	return res, fs, orig
}

// dumpScript prints what openpyxl sees in a workbook: per sheet every
// cell's value, number format, font and fill, the comments, and the
// hyperlinks.
const dumpScript = `
import json, sys, datetime
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "data": {}}
def color(c):
    if c is None:
        return None
    if isinstance(c.rgb, str):
        return c.rgb
    return "theme %s tint %s" % (c.theme, c.tint)
for ws in wb.worksheets:
    cells, comments, fills, links = {}, {}, {}, {}
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
                v = v.isoformat()
            elif v is not None and not isinstance(v, (int, float, str, bool)):
                v = str(v)
            f = c.font
            key = c.coordinate
            if v is not None or c.has_style:
                cells[key] = [v, c.number_format, f.name, f.sz, bool(f.b), bool(f.i), color(f.color), c.alignment.horizontal, bool(c.alignment.wrap_text), str(c.border.bottom.style if c.border.bottom is not None else None)]
            if c.comment is not None:
                comments[key] = c.comment.text
            if c.fill is not None and c.fill.fill_type == "solid":
                fills[key] = color(c.fill.fgColor)
            if c.hyperlink is not None:
                links[key] = c.hyperlink.location or c.hyperlink.target
    out["data"][ws.title] = {"cells": cells, "comments": comments, "fills": fills, "links": links,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges), "print_titles": str(ws.print_title_rows)}
print(json.dumps(out, ensure_ascii=False))
`

type sheetDump struct {
	Cells       map[string][]any  `json:"cells"`
	Comments    map[string]string `json:"comments"`
	Fills       map[string]string `json:"fills"`
	Links       map[string]string `json:"links"`
	Merged      []string          `json:"merged"`
	PrintTitles string            `json:"print_titles"`
}

type bookDump struct {
	Sheets []string             `json:"sheets"`
	Data   map[string]sheetDump `json:"data"`
}

func openpyxl(t *testing.T, path string) bookDump {
	t.Helper()
	python := need(t, "/usr/bin/python3")
	if err := exec.Command(python, "-c", "import openpyxl").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but python3-openpyxl is missing")
		}
		t.Skip("openpyxl not importable")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, python, "-c", dumpScript, path).Output()
	if err != nil {
		t.Fatalf("openpyxl on %s: %v", path, err)
	}
	var d bookDump
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestRealData annotates every real workbook and reads the copy back with
// openpyxl: the findings sheet comes first, every original sheet follows
// with the same cells, values, number formats and fonts; the cells the
// findings name carry pmo's comment and a fill, no other cell gains one;
// each finding's row on the findings sheet links to its cell. The copy is
// free of what makes Excel repair a file (unless the original had it
// too), and the parts pmo does not touch are byte for byte the same.
func TestRealData(t *testing.T) {
	dir := t.TempDir()
	var copies []string
	for _, path := range realFiles(t) {
		base := filepath.Base(path)
		t.Run(base, func(t *testing.T) {
			res, fs, orig := annotated(t, path, annotate.Options{Name: base, AsOf: asOf})
			if len(fs) == 0 {
				t.Logf("%s: no finding names this file (only project-level ones): the copy must still equal it", base)
			}
			out := filepath.Join(dir, base)
			if err := os.WriteFile(out, res.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			copies = append(copies, out)
			t.Logf("%s: %d findings, %d cells marked, %d without a cell, language %s, %d → %d bytes", base, res.Listed, res.Marked, res.Unplaced, res.Lang, len(orig), len(res.Data))
			if res.Lang != "ja" {
				t.Errorf("language %s, want ja for a Japanese workbook", res.Lang)
			}

			before, after := openpyxl(t, path), openpyxl(t, out)
			if want := append([]string{res.Sheet}, before.Sheets...); !slices.Equal(after.Sheets, want) {
				t.Fatalf("sheets %q, want %q", after.Sheets, want)
			}
			marks := map[string]map[string]bool{} // sheet → cells findings name
			for _, f := range fs {
				if f.Pos.Sheet != "" && f.Pos.Row > 0 {
					if marks[f.Pos.Sheet] == nil {
						marks[f.Pos.Sheet] = map[string]bool{}
					}
					marks[f.Pos.Sheet][diag.ColumnName(max(f.Pos.Col, 1))+itoa(f.Pos.Row)] = true
				}
			}
			nMarked := 0
			for _, s := range before.Sheets {
				b, a := before.Data[s], after.Data[s]
				for ref, bc := range b.Cells {
					ac, ok := a.Cells[ref]
					if !ok {
						t.Errorf("%s!%s lost: was %v", s, ref, bc)
						continue
					}
					// value, number format, font name, size, bold, italic, colour, alignment, wrap, border
					if !slices.EqualFunc(bc, ac, func(x, y any) bool { return jsonEq(x, y) }) {
						t.Errorf("%s!%s changed: %v → %v", s, ref, bc, ac)
					}
				}
				for ref, ac := range a.Cells {
					if _, ok := b.Cells[ref]; !ok && (ac[0] != nil || !marks[s][ref]) {
						t.Errorf("%s!%s is new: %v", s, ref, ac)
					}
				}
				if !slices.Equal(b.Merged, a.Merged) || b.PrintTitles != a.PrintTitles {
					t.Errorf("%s: merges %v → %v, print titles %s → %s", s, b.Merged, a.Merged, b.PrintTitles, a.PrintTitles)
				}
				for ref := range marks[s] {
					nMarked++
					c := a.Comments[ref]
					if !strings.HasPrefix(c, "pmo: ") && !strings.Contains(c, "\n\npmo: ") {
						t.Errorf("%s!%s: comment %q, want pmo's", s, ref, c)
					}
					if _, ok := a.Fills[ref]; !ok {
						t.Errorf("%s!%s has no fill", s, ref)
					}
				}
				for ref := range a.Comments {
					if _, was := b.Comments[ref]; !was && !marks[s][ref] {
						t.Errorf("%s!%s: a comment where no finding is", s, ref)
					}
				}
				for ref, fill := range a.Fills {
					if b.Fills[ref] != fill && !marks[s][ref] {
						t.Errorf("%s!%s: fill %s where no finding is", s, ref, fill)
					}
				}
			}
			if nMarked != res.Marked {
				t.Errorf("%d cells named by findings, %d marked", nMarked, res.Marked)
			}
			// The findings sheet: one row per finding from row 6, each
			// placed one linking to its cell.
			fsheet := after.Data[res.Sheet]
			links := 0
			for ref, loc := range fsheet.Links {
				links++
				if !strings.HasPrefix(ref, "D") {
					t.Errorf("link in %s", ref)
				}
				sheet, cell, ok := strings.Cut(loc, "!")
				sheet = strings.ReplaceAll(strings.Trim(sheet, "'"), "''", "'")
				if !ok || !marks[sheet][cell] {
					t.Errorf("link %s → %s: not a marked cell", ref, loc)
				}
			}
			if links != res.Listed-res.Unplaced {
				t.Errorf("%d links, want %d", links, res.Listed-res.Unplaced)
			}
			if got := fsheet.Cells["G"+itoa(5+res.Listed)]; got == nil || got[0] == nil {
				t.Errorf("findings sheet has no row %d for the last finding", 5+res.Listed)
			}

			// Excel-safe, apart from what the original already had.
			had := problems(t, orig)
			for p := range problems(t, res.Data) {
				if !had[p] {
					t.Errorf("the copy has a problem the original has not: %s", p)
				}
			}
			kept, changed := compareParts(t, orig, res.Data)
			t.Logf("kept byte for byte: %s; rewritten: %s", strings.Join(kept, " "), strings.Join(changed, " "))
			for _, p := range changed {
				if strings.HasPrefix(p, "xl/drawings/drawing") || strings.HasPrefix(p, "xl/media/") || strings.HasPrefix(p, "xl/charts/") || p == "xl/theme/theme1.xml" || p == "xl/vbaProject.bin" {
					t.Errorf("%s was rewritten; it should be kept as it is", p)
				}
			}
		})
	}
	// LibreOffice opens every copy (and converts each sheet to CSV), and so
	// do SheetJS and ExcelJS.
	t.Run("LibreOffice", func(t *testing.T) {
		soffice := need(t, "soffice")
		ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
		defer cancel()
		csv := filepath.Join(dir, "csv")
		args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless",
			"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", csv}, copies...)
		cmd := exec.CommandContext(ctx, soffice, args...)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, msg)
		}
		for _, c := range copies {
			base := strings.TrimSuffix(filepath.Base(c), ".xlsx")
			got, _ := filepath.Glob(filepath.Join(csv, base+"-*.csv"))
			if len(got) < 2 {
				t.Errorf("%s: LibreOffice wrote %d sheets as CSV, want the findings sheet and the team's", base, len(got))
			}
			data, _ := os.ReadFile(filepath.Join(csv, base+"-pmo指摘.csv"))
			if !strings.Contains(string(data), "pmo の指摘") {
				t.Errorf("%s: LibreOffice's findings sheet: %.200s", base, data)
			}
		}
	})
	t.Run("SheetJS+ExcelJS", func(t *testing.T) { xlsxcheck.CheckWithNode(t, copies...) })
}

func jsonEq(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func problems(t *testing.T, data []byte) map[string]bool {
	t.Helper()
	ps, err := xlsxcheck.Bytes(data)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]bool{}
	for _, p := range ps {
		m[p.String()] = true
	}
	return m
}

// compareParts lists the original's parts the copy holds unchanged, and
// those it rewrote.
func compareParts(t *testing.T, orig, copied []byte) (kept, changed []string) {
	t.Helper()
	a, b := parts(t, orig), parts(t, copied)
	for name, data := range a {
		if bytes.Equal(b[name], data) {
			kept = append(kept, name)
		} else {
			changed = append(changed, name)
		}
	}
	slices.Sort(kept)
	slices.Sort(changed)
	return kept, changed
}

func parts(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		m[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return m
}

// macroBook turns a workbook into an .xlsm: a VBA project part (bytes
// that stand for one: the test checks they travel unchanged), the
// macro-enabled content type and the relationship to it.
func macroBook(t *testing.T, data []byte, vba []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		switch f.Name {
		case "[Content_Types].xml":
			b = bytes.Replace(b, []byte("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"), []byte("application/vnd.ms-excel.sheet.macroEnabled.main+xml"), 1)
			b = bytes.Replace(b, []byte("<Default "), []byte(`<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default `), 1)
		case "xl/_rels/workbook.xml.rels":
			b = bytes.Replace(b, []byte("</Relationships>"), []byte(`<Relationship Id="rIdVBA" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`), 1)
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	w, _ := zw.Create("xl/vbaProject.bin")
	w.Write(vba)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestMacroWorkbook: an .xlsm keeps its VBA project byte for byte, its
// macro-enabled content type and the relationship to the project, and
// gets the findings sheet last, so macros that address sheets by
// position still find theirs.
func TestMacroWorkbook(t *testing.T) {
	files := realFiles(t)
	src := filepath.Join(realdata, "neos21_工程定義・マスタスケジュール.xlsx")
	if !slices.Contains(files, src) {
		t.Skip("the workbook with findings is not there")
	}
	vba := bytes.Repeat([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 1, 2, 3}, 700)
	orig, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	xlsm := filepath.Join(t.TempDir(), "book.xlsm")
	if err := os.WriteFile(xlsm, macroBook(t, orig, vba), 0o644); err != nil {
		t.Fatal(err)
	}
	res, fs, in := annotated(t, xlsm, annotate.Options{Name: "book.xlsm", Last: true})
	if len(fs) == 0 || res.Marked == 0 {
		t.Fatalf("%d findings, %d marked", len(fs), res.Marked)
	}
	out := parts(t, res.Data)
	if !bytes.Equal(out["xl/vbaProject.bin"], vba) {
		t.Errorf("the VBA project changed (%d bytes, was %d)", len(out["xl/vbaProject.bin"]), len(vba))
	}
	if ct := string(out["[Content_Types].xml"]); !strings.Contains(ct, "macroEnabled.main+xml") || !strings.Contains(ct, "vbaProject") {
		t.Errorf("content types lost the macro workbook: %s", ct)
	}
	if !strings.Contains(string(out["xl/_rels/workbook.xml.rels"]), "vbaProject.bin") {
		t.Errorf("the workbook no longer refers to its VBA project")
	}
	had := problems(t, in)
	for p := range problems(t, res.Data) {
		if !had[p] {
			t.Errorf("the copy has a problem the original has not: %s", p)
		}
	}
	path := filepath.Join(t.TempDir(), "copy.xlsm")
	if err := os.WriteFile(path, res.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	d := openpyxl(t, path)
	if len(d.Sheets) < 2 || d.Sheets[len(d.Sheets)-1] != res.Sheet {
		t.Errorf("sheets %q: want the findings sheet %q last", d.Sheets, res.Sheet)
	}
}

// TestEnglishAndExistingComment: a workbook in English gets English
// comments; a cell that already had a comment keeps its text above pmo's;
// a finding on a sheet the workbook lacks is listed without a link.
func TestEnglishAndExistingComment(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Tasks")
	f.SetSheetRow("Tasks", "A1", &[]any{"Task", "Start", "Finish", "Progress"})
	f.SetSheetRow("Tasks", "A2", &[]any{"Design", "2026-04-01", "2026-03-01", 1.5})
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 9, Font: &excelize.Font{Bold: true, Family: "Arial", Size: 9}})
	f.SetCellStyle("Tasks", "D2", "D2", pct)
	f.AddComment("Tasks", excelize.Comment{Cell: "C2", Author: "team", Text: "checked by Sato"})
	f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'Tasks'!$1:$1", Scope: "Tasks"})
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	fs := diag.Findings{
		{Severity: diag.Error, Rule: "finish-before-start", Pos: diag.Pos{File: "t.xlsx", Sheet: "Tasks", Row: 2, Col: 3}, Message: "finish 2026-03-01 is before start 2026-04-01"},
		{Severity: diag.Error, Rule: "progress-range", Pos: diag.Pos{File: "t.xlsx", Sheet: "Tasks", Row: 2, Col: 4}, Message: "progress 150% is above 100%"},
		{Severity: diag.Warning, Rule: "status-unknown", Pos: diag.Pos{File: "t.xlsx", Sheet: "Gone", Row: 9, Col: 1}, Message: "status on a sheet that is not there"},
	}
	res, err := annotate.Annotate(buf.Bytes(), fs, annotate.Options{Name: "t.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Lang != "en" || res.Marked != 2 || res.Unplaced != 1 || res.Sheet != "pmo findings" {
		t.Errorf("lang %s, %d marked, %d unplaced, sheet %q", res.Lang, res.Marked, res.Unplaced, res.Sheet)
	}
	path := filepath.Join(t.TempDir(), "t.xlsx")
	os.WriteFile(path, res.Data, 0o644)
	d := openpyxl(t, path)
	tasks := d.Data["Tasks"]
	if c := tasks.Comments["C2"]; !strings.HasPrefix(c, "checked by Sato") || !strings.Contains(c, "pmo: error [finish-before-start]") || !strings.Contains(c, "Fix: Make the finish date") {
		t.Errorf("C2 comment %q", c)
	}
	if c := tasks.Comments["D2"]; !strings.Contains(c, "progress 150% is above 100%") {
		t.Errorf("D2 comment %q", c)
	}
	// D2 kept its percent format and its font; it gained the error fill.
	if c := tasks.Cells["D2"]; c[1] != "0%" || c[2] != "Arial" || c[4] != true || tasks.Fills["D2"] != "FFFFC7CE" {
		t.Errorf("D2 %v fill %s", c, tasks.Fills["D2"])
	}
	if tasks.PrintTitles != "$1:$1" {
		t.Errorf("print titles %q: the sheet index of the defined name was not moved with the sheets", tasks.PrintTitles)
	}
	if d.Sheets[0] != "pmo findings" {
		t.Errorf("sheets %q", d.Sheets)
	}
	list := d.Data["pmo findings"]
	if len(list.Links) != 2 || list.Links["D6"] != "'Tasks'!C2" {
		t.Errorf("links %v", list.Links)
	}
}
