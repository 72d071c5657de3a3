package xlsx

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/report"
	"github.com/pmokit/pmo/internal/xlsxcheck"
)

// hostileDoc is a generated project whose every text is what a hostile or
// careless team sheet could hold: cells beyond Excel's 32,767 characters,
// characters sheet names forbid, control characters, formula look-alikes,
// a project name far longer than a sheet name may be, and many distinct
// values so the styles and strings grow.
func hostileDoc(lang string) *report.Document {
	d := generated(spec{tasks: 400, issues: 120, risks: 30, start: day0(), days: 900, lang: lang, previous: true, seed: 17})
	huge := strings.Repeat("長い備考。", 8000) // 40,000 characters
	d.Project.Name = strings.Repeat("[案件]:*?/\\", 6) + "'"
	for i := range d.Tasks {
		t := &d.Tasks[i]
		switch i % 5 {
		case 0:
			t.Notes = huge
		case 1:
			t.Name = "=cmd|' /C calc'!A0 " + t.Name
		case 2:
			t.Name = "\x01\x02制御\u0007文字\uFFFE" + t.Name
		case 3:
			t.Assignee = project.NamesOf([]string{strings.Repeat("担当", 200), "'Sheet1'!A1"})
		}
	}
	for i := range d.Issues {
		d.Issues[i].Title = huge[:3*(i*300%32000+1)]
		d.Issues[i].StatusRaw = strings.Repeat("対応中", i%60)
		d.Issues[i].Category = strings.Repeat("分類", i%200)
	}
	d.Findings = append(d.Findings, diag.Finding{Severity: diag.Warning, Rule: "x", Message: huge, Pos: diag.Pos{File: "[a]*?.xlsx", Sheet: strings.Repeat("s", 40), Row: 1, Col: 16385}})
	d.Comment = huge
	d.Risks[0].Title = strings.Repeat("😀", 20000) // 40,000 UTF-16 units, Excel's measure
	return d
}

// TestExcelSafety checks every kind of workbook this package writes —
// the examples' trackers in both languages, a big generated one, a
// hostile one, an empty one and the portfolios — for the causes of
// Excel's repair prompt (see internal/xlsxcheck).
func TestExcelSafety(t *testing.T) {
	books := map[string]func() []byte{}
	for _, ex := range []string{"kikan", "ec", "network"} {
		for _, lang := range []string{"ja", "en"} {
			books[ex+"-"+lang] = func() []byte { return render(t, exampleDoc(t, ex, lang)) }
		}
	}
	for _, lang := range []string{"ja", "en"} {
		books["generated-"+lang] = func() []byte {
			return render(t, generated(spec{tasks: 1500, issues: 300, risks: 40, start: day0(), days: 700, lang: lang, previous: true, seed: 3}))
		}
		books["hostile-"+lang] = func() []byte { return render(t, hostileDoc(lang)) }
		books["empty-"+lang] = func() []byte { return render(t, emptyDoc(lang)) }
		books["portfolio-example-"+lang] = func() []byte { return renderPortfolio(t, examplePortfolio(t, lang)) }
		books["portfolio-hand-"+lang] = func() []byte { return renderPortfolio(t, handPortfolio(lang)) }
	}
	books["hostile-tasks-only"] = func() []byte {
		d := hostileDoc("ja")
		d.Issues, d.Risks = nil, nil
		d.Tasks = append(d.Tasks, project.Task{Level: 9, Name: strings.Repeat("深", 40000)})
		return render(t, d)
	}
	dir := t.TempDir()
	var files []string
	sheets := map[string][]string{}
	for name, make := range books {
		t.Run(name, func(t *testing.T) {
			data := make()
			ps, err := xlsxcheck.Bytes(data)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				t.Error(p)
			}
			path := filepath.Join(dir, name+".xlsx")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, path)
			sheets[path] = open(t, data).GetSheetList()
		})
	}
	// Two more readers that share no code with excelize open every one of
	// them and see the sheets it wrote.
	t.Run("SheetJS+ExcelJS", func(t *testing.T) {
		slices.Sort(files)
		for _, r := range xlsxcheck.CheckWithNode(t, files...) {
			var got []string
			for _, s := range r.SheetJS {
				got = append(got, s.Name)
			}
			if want := sheets[r.File]; r.Failure() == "" && !slices.Equal(got, want) {
				t.Errorf("%s: SheetJS sees sheets %q, pmo wrote %q", filepath.Base(r.File), got, want)
			}
		}
	})
}
