package xlsx

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/report"
)

// tool returns the path of an external program the real-client tests
// need. Without it the test skips, saying why, except under CI, where
// .ci/run installs the clients and a missing one is a failure.
func tool(t *testing.T, path string) string {
	t.Helper()
	p, err := exec.LookPath(path)
	if err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set but %s is not installed: %v", path, err)
	}
	t.Skipf("%s not installed (%v); set CI to require it", path, err)
	return ""
}

// TestLibreOffice opens the examples' trackers in LibreOffice headless and
// exports every sheet to CSV with values as shown: the sheets are all
// there, and the WBS and issue rows show the document's values in the
// tracker's formats (yyyy/mm/dd, whole percentages).
func TestLibreOffice(t *testing.T) {
	soffice := tool(t, "soffice")
	dir := t.TempDir()
	type tracker struct {
		base string
		doc  *report.Document
	}
	var trackers []tracker
	var files []string
	for _, c := range []struct{ example, lang string }{{"kikan", "ja"}, {"kikan", "en"}, {"ec", "ja"}, {"network", "ja"}} {
		base := c.example + "-" + c.lang
		d := exampleDoc(t, c.example, c.lang)
		path := filepath.Join(dir, base+".xlsx")
		if err := os.WriteFile(path, render(t, d), 0o644); err != nil {
			t.Fatal(err)
		}
		trackers = append(trackers, tracker{base, d})
		files = append(files, path)
	}
	out := filepath.Join(dir, "csv")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// Every sheet (-1), UTF-8 (76), comma-separated, values as shown.
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", out}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	for _, tr := range trackers {
		t.Run(tr.base, func(t *testing.T) {
			d := tr.doc
			for _, k := range []string{"summary", "wbs", "issues", "risks", "milestones", "workload", "findings", "changes"} {
				if _, err := os.Stat(filepath.Join(out, tr.base+"-"+d.L.Get("sheet."+k)+".csv")); err != nil {
					t.Errorf("no CSV for sheet %s: %v", d.L.Get("sheet."+k), err)
				}
			}
			wbs := readCSV(t, filepath.Join(out, tr.base+"-"+d.L.Get("sheet.wbs")+".csv"))
			cols := d.TaskColumns()
			for j, c := range cols {
				if got := at(wbs, headerRow, j); got != c.Label {
					t.Errorf("WBS header %d = %q, want %q", j+1, got, c.Label)
				}
			}
			for i := range d.Tasks {
				for j, c := range cols {
					checkShown(t, "WBS", at(wbs, firstRow+i, j), c, d.TaskValue(i, c.Key), i)
				}
			}
			issues := readCSV(t, filepath.Join(out, tr.base+"-"+d.L.Get("sheet.issues")+".csv"))
			for i := range d.Issues {
				for j, c := range d.IssueColumns() {
					checkShown(t, "issues", at(issues, firstRow+i, j), c, d.IssueValue(i, c.Key), i)
				}
			}
			summary := readCSV(t, filepath.Join(out, tr.base+"-"+d.L.Get("sheet.summary")+".csv"))
			if !hasRow(summary, d.L.Get("project.status_date"), slashDate(d.AsOf)) {
				t.Errorf("summary has no row %q, %q", d.L.Get("project.status_date"), slashDate(d.AsOf))
			}
			if !hasRow(summary, d.L.Get("rag.overall"), d.Level(d.RAG.Overall)) {
				t.Errorf("summary has no overall RAG row")
			}
			if !hasRow(summary, d.L.Get("kpi.actual"), fmt.Sprintf("%.1f%%", *d.KPIs[1].Num)) {
				t.Errorf("summary has no actual progress row %.1f%%", *d.KPIs[1].Num)
			}
		})
	}
}

// checkShown compares one CSV cell, as LibreOffice shows it, with the
// document's value.
func checkShown(t *testing.T, sheet, got string, c report.Column, v report.Value, row int) {
	t.Helper()
	if v.Empty {
		if got != "" {
			t.Errorf("%s row %d %s: %q, want empty", sheet, row, c.Key, got)
		}
		return
	}
	switch c.Kind {
	case report.Date:
		if want := slashDate(v.Date); got != want {
			t.Errorf("%s row %d %s: %q, want %q", sheet, row, c.Key, got, want)
		}
	case report.Percent:
		n, err := strconv.ParseFloat(strings.TrimSuffix(got, "%"), 64)
		if err != nil || !strings.HasSuffix(got, "%") || math.Abs(n-*v.Num) > 0.5+1e-9 {
			t.Errorf("%s row %d %s: %q, want %.1f%% as a whole percentage", sheet, row, c.Key, got, *v.Num)
		}
	case report.Number, report.Integer:
		n, err := strconv.ParseFloat(strings.ReplaceAll(got, ",", ""), 64)
		if err != nil || math.Abs(n-*v.Num) > 0.05+1e-9 {
			t.Errorf("%s row %d %s: %q, want %v", sheet, row, c.Key, got, *v.Num)
		}
	default:
		if got != v.Text {
			t.Errorf("%s row %d %s: %q, want %q", sheet, row, c.Key, got, v.Text)
		}
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// at is the cell of 1-based row r and 0-based column j, "" beyond the data.
func at(rows [][]string, r, j int) string {
	if r-1 >= len(rows) || j >= len(rows[r-1]) {
		return ""
	}
	return rows[r-1][j]
}

func hasRow(rows [][]string, label, value string) bool {
	for _, r := range rows {
		if len(r) > 1 && r[0] == label && r[1] == value {
			return true
		}
	}
	return false
}

// openpyxlScript loads a tracker and prints what openpyxl sees as JSON.
const openpyxlScript = `
import datetime, json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "wbs": {}, "issues": {}}
ws = wb[sys.argv[2]]
hdr = [c.value for c in ws[2]]
col = {v: i for i, v in enumerate(hdr) if isinstance(v, str)}
def kind(v):
    if isinstance(v, datetime.datetime): return "datetime"
    if isinstance(v, bool): return "bool"
    if isinstance(v, (int, float)): return "number"
    if v is None: return "none"
    return "str"
rows = []
for r in range(3, ws.max_row + 1):
    cells = ws[r]
    rows.append({
        "start": kind(cells[col[sys.argv[3]]].value),
        "start_value": str(cells[col[sys.argv[3]]].value),
        "progress": kind(cells[col[sys.argv[4]]].value),
        "progress_value": cells[col[sys.argv[4]]].value if kind(cells[col[sys.argv[4]]].value) == "number" else None,
        "progress_format": cells[col[sys.argv[4]]].number_format,
        "outline": ws.row_dimensions[r].outline_level,
    })
out["wbs"] = {"rows": rows, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "titles": ws.print_title_rows,
    "summary_below": ws.sheet_properties.outlinePr.summaryBelow if ws.sheet_properties.outlinePr else None,
    "paper": ws.page_setup.paperSize, "orientation": ws.page_setup.orientation}
iw = wb[sys.argv[5]]
out["issues"] = {"validations": [[str(dv.sqref), dv.type, dv.formula1] for dv in iw.data_validations.dataValidation],
    "rules": sum(len(r.rules) for r in iw.conditional_formatting)}
print(json.dumps(out, ensure_ascii=False))
`

// TestOpenpyxl loads the kikan tracker with Debian's python3-openpyxl:
// dates come back as datetimes, progress as numbers under a percent
// format, with the row outline levels, the issue drop-downs and the
// print setup.
func TestOpenpyxl(t *testing.T) {
	python := tool(t, "/usr/bin/python3")
	if err := exec.Command(python, "-c", "import openpyxl").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but python3-openpyxl is missing: %v", err)
		}
		t.Skipf("openpyxl not importable by %s: %v", python, err)
	}
	for _, lang := range []string{"ja", "en"} {
		t.Run(lang, func(t *testing.T) {
			d := exampleDoc(t, "kikan", lang)
			dir := t.TempDir()
			path := filepath.Join(dir, "tracker.xlsx")
			if err := os.WriteFile(path, render(t, d), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			l := d.L
			msg, err := exec.CommandContext(ctx, python, "-c", openpyxlScript, path, l.Get("sheet.wbs"),
				l.Get("col.planned_start"), l.Get("col.progress"), l.Get("sheet.issues")).CombinedOutput()
			if err != nil {
				t.Fatalf("openpyxl: %v\n%s", err, msg)
			}
			var got struct {
				Sheets []string
				WBS    struct {
					Rows []struct {
						Start, StartValue, Progress, ProgressFormat string
						ProgressValue                               *float64
						Outline                                     int
					}
					Freeze, Filter, Titles, Orientation string
					SummaryBelow                        *bool
					Paper                               int
				}
				Issues struct {
					Validations [][]string
					Rules       int
				}
			}
			if err := json.Unmarshal(fixKeys(msg), &got); err != nil {
				t.Fatalf("%v\n%s", err, msg)
			}
			if len(got.Sheets) != 13 || got.Sheets[0] != l.Get("sheet.summary") {
				t.Errorf("sheets %v", got.Sheets)
			}
			w := got.WBS
			if len(w.Rows) != len(d.Tasks) {
				t.Fatalf("%d WBS rows, want %d", len(w.Rows), len(d.Tasks))
			}
			for i, r := range w.Rows {
				tk := &d.Tasks[i]
				if !tk.PlannedStart.IsZero() && (r.Start != "datetime" || !strings.HasPrefix(r.StartValue, tk.PlannedStart.String())) {
					t.Errorf("row %d planned start: %s %s, want datetime %s", i, r.Start, r.StartValue, tk.PlannedStart)
				}
				if tk.Progress.OK() {
					if r.Progress != "number" || r.ProgressValue == nil || math.Abs(*r.ProgressValue*100-tk.Progress.Val()) > 1e-9 || r.ProgressFormat != fmtPercent {
						t.Errorf("row %d progress: %s %v %q, want number %v/100 as 0%%", i, r.Progress, r.ProgressValue, r.ProgressFormat, tk.Progress.Val())
					}
				}
				if r.Outline != max(tk.Level-1, 0) {
					t.Errorf("row %d outline %d, want %d", i, r.Outline, tk.Level-1)
				}
			}
			if w.Freeze != "D3" || !strings.HasPrefix(strings.ReplaceAll(w.Filter, "$", ""), "A2:") || w.Titles != "$1:$2" || w.Paper != 8 || w.Orientation != "landscape" {
				t.Errorf("WBS view/print: freeze %s filter %s titles %s paper %d orientation %s", w.Freeze, w.Filter, w.Titles, w.Paper, w.Orientation)
			}
			if w.SummaryBelow == nil || *w.SummaryBelow {
				t.Errorf("outline summary rows should be above their details")
			}
			var lists []string
			for _, v := range got.Issues.Validations {
				lists = append(lists, strings.Join(v, " "))
			}
			for _, want := range []string{
				"list \"" + strings.Join([]string{l.Get("istatus.open"), l.Get("istatus.in_progress"), l.Get("istatus.on_hold"), l.Get("istatus.resolved"), l.Get("istatus.closed")}, ",") + "\"",
				"list \"" + strings.Join([]string{l.Get("priority.high"), l.Get("priority.medium"), l.Get("priority.low")}, ",") + "\"",
			} {
				if !strings.Contains(strings.Join(lists, "\n"), want) {
					t.Errorf("validations %q lack %s", lists, want)
				}
			}
			if got.Issues.Rules < 3 {
				t.Errorf("issues sheet has %d conditional rules, want overdue, high priority and banding", got.Issues.Rules)
			}
		})
	}
}

// fixKeys maps the script's snake_case keys onto the Go field names.
func fixKeys(b []byte) []byte {
	r := strings.NewReplacer(`"start_value"`, `"StartValue"`, `"progress_value"`, `"ProgressValue"`,
		`"progress_format"`, `"ProgressFormat"`, `"summary_below"`, `"SummaryBelow"`)
	return []byte(r.Replace(string(b)))
}
