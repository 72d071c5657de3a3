package xlsx

import (
	"bytes"
	"flag"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/golden"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/report"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func render(t testing.TB, d *report.Document) []byte {
	t.Helper()
	data, err := Render(d)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return data
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("reading the workbook back: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// smallSpec is a project short enough for a daily Gantt grid, with a
// previous run to compare with.
func smallSpec(lang string) spec {
	return spec{tasks: 14, issues: 9, risks: 6, start: day0(), days: 80, lang: lang, previous: true, seed: 1}
}

func TestGolden(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		doc  func(t *testing.T) *report.Document
	}{
		{"kikan-ja", func(t *testing.T) *report.Document { return exampleDoc(t, "kikan", "ja") }},
		{"kikan-en", func(t *testing.T) *report.Document { return exampleDoc(t, "kikan", "en") }},
		{"small-daily-ja", func(*testing.T) *report.Document { return generated(smallSpec("ja")) }},
		{"empty-en", func(*testing.T) *report.Document { return emptyDoc("en") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := dump(t, render(t, c.doc(t)))
			golden.Check(t, *update, filepath.Join("testdata", c.name+".golden"), []byte(got))
		})
	}
}

// emptyDoc is a document with nothing in it but its labels: no analysis,
// no calendar, no dates.
func emptyDoc(lang string) *report.Document {
	return &report.Document{Lang: lang, L: report.LabelsFor(lang)}
}

func TestSheetsInOrder(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"ja", "en"} {
		f := open(t, render(t, exampleDoc(t, "kikan", lang)))
		l := report.LabelsFor(lang)
		var want []string
		// kikan keeps actions, decision records, tests and a defect list:
		// their sheets follow the standard ones.
		for _, k := range []string{"summary", "wbs", "issues", "risks", "milestones", "workload", "findings", "changes", "trend", "actions", "decisions", "tests", "defects"} {
			want = append(want, l.Get("sheet."+k))
		}
		if got := f.GetSheetList(); !slices.Equal(got, want) {
			t.Errorf("%s: sheets %v, want %v", lang, got, want)
		}
	}
	if got := open(t, render(t, exampleDoc(t, "kikan", "ja"))).GetSheetList(); got[0] != "概要" || got[2] != "課題" {
		t.Errorf("Japanese sheet names: %v", got)
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	cases := map[string]func() *report.Document{
		"kikan":     func() *report.Document { return exampleDoc(t, "kikan", "ja") },
		"generated": func() *report.Document { return generated(smallSpec("en")) },
	}
	for _, name := range []string{"kikan", "generated"} {
		t.Run(name, func(t *testing.T) {
			a, b := render(t, cases[name]()), render(t, cases[name]())
			if !bytes.Equal(a, b) {
				t.Fatalf("two renders of the same document differ (%d vs %d bytes)", len(a), len(b))
			}
		})
	}
}

func TestDocumentPropertiesFromStatusDate(t *testing.T) {
	t.Parallel()
	d := exampleDoc(t, "kikan", "ja")
	props, err := open(t, render(t, d)).GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2026-11-20T00:00:00Z" || props.Modified != props.Created {
		t.Errorf("created %q modified %q, want the status date", props.Created, props.Modified)
	}
	if props.Creator != "pmo" || !strings.Contains(props.Title, "基幹システム刷新") {
		t.Errorf("creator %q title %q", props.Creator, props.Title)
	}
}

// TestTextStaysText: what a team typed is stored as text, whatever it
// starts with, and comes back as the same text with no formula.
func TestTextStaysText(t *testing.T) {
	t.Parallel()
	texts := []string{`=HYPERLINK("http://example.com","x")`, "@SUM(A1:A3)", "+1", "-2", "=1+1", "  leading", "a\nb", "=cmd|' /C calc'!A0"}
	d := generated(spec{tasks: 3, issues: 0, start: day0(), days: 30, lang: "ja", seed: 3})
	d.Tasks = d.Tasks[:0]
	for i, s := range texts {
		d.Tasks = append(d.Tasks, project.Task{WBSID: s, Level: 1, Name: s, Notes: s, Assignee: project.NamesOf([]string{s}), PlannedStart: day0().AddDays(i), PlannedFinish: day0().AddDays(i + 3)})
		d.Issues = append(d.Issues, project.Issue{ID: s, Title: s, Resolution: s, Category: s})
	}
	f := open(t, render(t, d))
	// WBS: WBS番号 (A) and タスク名 (C); 課題: 管理番号 (A) and 件名 (B).
	for sheet, cols := range map[string][]int{"WBS": {1, 3}, "課題": {1, 2}} {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range texts {
			r := firstRow + i
			for _, c := range cols {
				ref, _ := excelize.CoordinatesToCellName(c, r)
				if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
					t.Errorf("%s!%s: formula %q", sheet, ref, formula)
				}
				if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
					t.Errorf("%s!%s: type %v, want a string", sheet, ref, typ)
				}
				if got := rows[r-1][c-1]; got != s {
					t.Errorf("%s!%s = %q, want %q", sheet, ref, got, s)
				}
			}
		}
	}
}

func TestTypedValues(t *testing.T) {
	t.Parallel()
	d := exampleDoc(t, "kikan", "ja")
	f := open(t, render(t, d))
	at := map[string]int{}
	for j, c := range d.TaskColumns() {
		at[c.Key] = j + 1
	}
	tk := d.Tasks[1]
	cell := func(key string) string {
		ref, _ := excelize.CoordinatesToCellName(at[key], firstRow+1)
		return ref
	}
	cases := []struct {
		key, raw, format string
	}{
		{"planned_start", strconv.Itoa(int(tk.PlannedStart)), fmtDate},
		{"progress", "1", fmtPercent},
		{"planned_effort", "30", fmtEffort},
		{"level", "2", fmtInt},
	}
	for _, c := range cases {
		t.Run(c.key, func(t *testing.T) {
			v, err := f.GetCellValue("WBS", cell(c.key), excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			if v != c.raw {
				t.Errorf("%s raw %q, want %q", c.key, v, c.raw)
			}
			id, _ := f.GetCellStyle("WBS", cell(c.key))
			st, _ := f.GetStyle(id)
			if st.CustomNumFmt == nil || *st.CustomNumFmt != c.format {
				t.Errorf("%s format %v, want %s", c.key, st.CustomNumFmt, c.format)
			}
		})
	}
	shown, _ := f.GetCellValue("WBS", cell("planned_start"))
	if shown != "2026/04/01" {
		t.Errorf("planned start shows %q, want 2026/04/01", shown)
	}
}

func TestOutlineAndHighlights(t *testing.T) {
	t.Parallel()
	d := exampleDoc(t, "kikan", "ja")
	data := render(t, d)
	f := open(t, data)
	for i, tk := range d.Tasks {
		lv, err := f.GetRowOutlineLevel("WBS", firstRow+i)
		if err != nil {
			t.Fatal(err)
		}
		if want := uint8(max(tk.Level-1, 0)); lv != want {
			t.Errorf("row %d (%s, level %d): outline %d, want %d", firstRow+i, tk.Name, tk.Level, lv, want)
		}
		ref, _ := excelize.CoordinatesToCellName(3, firstRow+i)
		id, _ := f.GetCellStyle("WBS", ref)
		st, _ := f.GetStyle(id)
		bold := st.Font != nil && st.Font.Bold
		if bold != tk.Summary {
			t.Errorf("row %d (%s): bold %v, summary %v", firstRow+i, tk.Name, bold, tk.Summary)
		}
	}
	var formulas []string
	for _, r := range condRules(t, data, 1) {
		formulas = append(formulas, r.Formula)
	}
	joined := strings.Join(formulas, "\n")
	for _, want := range []string{"$S3>0", "$F3+($G3-$F3+1)*$L3", "ISNUMBER($F3),ISNUMBER($G3)"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no WBS rule with %q in:\n%s", want, joined)
		}
	}
	dvs, err := f.GetDataValidations("課題")
	if err != nil {
		t.Fatal(err)
	}
	var lists []string
	for _, dv := range dvs {
		lists = append(lists, dv.Sqref+" "+dv.Formula1)
	}
	for _, want := range []string{`F3:F230 "未対応,対応中,保留,解決済,完了"`, `E3:E230 "高,中,低"`} {
		if !slices.ContainsFunc(lists, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("issues validations %v lack %s", lists, want)
		}
	}
}

// TestEdgeDocuments: odd documents render without error or panic.
func TestEdgeDocuments(t *testing.T) {
	t.Parallel()
	far := date.Of(2099, time.December, 31)
	cases := map[string]func() *report.Document{
		"empty": func() *report.Document { return emptyDoc("ja") },
		"no analysis, tasks": func() *report.Document {
			d := emptyDoc("ja")
			d.Tasks = []project.Task{{Name: "x", Level: 9, PlannedStart: day0(), PlannedFinish: day0().AddDays(3)}, {Name: "y"}}
			return d
		},
		"typo year": func() *report.Document {
			d := generated(spec{tasks: 5, issues: 2, start: day0(), days: 30, lang: "ja", seed: 5})
			d.Tasks[2].PlannedFinish = far
			return d
		},
		"finish before start": func() *report.Document {
			d := generated(spec{tasks: 5, start: day0(), days: 30, lang: "en", seed: 6})
			d.Tasks[2].PlannedStart, d.Tasks[2].PlannedFinish = day0().AddDays(10), day0()
			return d
		},
		"huge text": func() *report.Document {
			d := generated(spec{tasks: 3, issues: 1, start: day0(), days: 30, lang: "ja", seed: 7})
			d.Issues[0].Title = strings.Repeat("長い", 40000)
			d.Tasks[1].Name = "\x00\x01control"
			return d
		},
		"long names": func() *report.Document {
			d := generated(spec{tasks: 3, issues: 1, start: day0(), days: 30, lang: "en", seed: 8})
			d.Project.Name = strings.Repeat("&名前", 200)
			return d
		},
		"empty analysis": func() *report.Document {
			d := emptyDoc("en")
			d.A = &analyze.Result{}
			d.AsOf = day0()
			return d
		},
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			data, err := Render(mk())
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			open(t, data)
		})
	}
	if _, err := Render(nil); err == nil {
		t.Error("Render(nil) gave no error")
	}
}
