package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// misspell copies the examples and renames status_date to status_dat in
// one project's YAML, returning the folder and that project file.
func misspell(t *testing.T, project string) (string, string) {
	t.Helper()
	dir := manyProjects(t, 1)
	path := filepath.Join(dir, project+"a", "project.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(data), "  status_date:", "  status_dat:", 1)
	if broken == string(data) {
		t.Fatal("no status_date to misspell")
	}
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// A typo in the PMO's own YAML must stop report and status: falling back
// to today's date would change every figure without a word.
func TestDefinitionErrorsStop(t *testing.T) {
	t.Parallel()
	_, path := misspell(t, "network")
	data, _ := os.ReadFile(path)
	line := 1 + strings.Count(string(data[:strings.Index(string(data), "status_dat:")]), "\n")
	out := t.TempDir()
	for _, args := range [][]string{
		{"report", path, "-o", out},
		{"status", path},
		{"status", path, "--json"},
		{"report", path, "-o", out, "--lang", "en"},
	} {
		code, stdout, errOut := run(t, args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errOut)
		}
		if stdout != "" {
			t.Errorf("%v printed figures:\n%s", args, stdout)
		}
		if !strings.Contains(errOut, "status_dat") || !strings.Contains(errOut, "project.yaml:"+strconv.Itoa(line)+":") {
			t.Errorf("%v: stderr does not name the key and its line %d: %q", args, line, errOut)
		}
		if strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: error is not one line: %q", args, errOut)
		}
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("report wrote %d entries into the output folder", len(entries))
	}
	// validate still lists it as a finding (exit 1), with the others.
	code, stdout, _ := run(t, "validate", path)
	if code != 1 || !strings.Contains(stdout, "status_dat") {
		t.Errorf("validate: exit %d, output %q", code, stdout)
	}
}

// In a batch the broken project fails alone; the others are built and the
// run exits 1.
func TestDefinitionErrorFailsOneBatchProject(t *testing.T) {
	t.Parallel()
	dir, _ := misspell(t, "ec")
	out := t.TempDir()
	code, _, errOut := run(t, "batch", dir, "-o", out, "--fail-on", "none", "--quiet")
	if code != 1 {
		t.Errorf("exit %d, want 1 (%s)", code, errOut)
	}
	var sum struct {
		Projects []struct{ ID, Path, Status, Error string }
	}
	data, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil || json.Unmarshal(data, &sum) != nil {
		t.Fatalf("summary.json: %v", err)
	}
	for _, p := range sum.Projects {
		broken := strings.Contains(filepath.ToSlash(p.Path), "eca/")
		switch {
		case broken && (p.Status != "failed" || !strings.Contains(p.Error, "status_dat")):
			t.Errorf("broken project: status %s, error %q", p.Status, p.Error)
		case !broken && p.Status != "ok":
			t.Errorf("%s: status %s (%s)", p.ID, p.Status, p.Error)
		}
	}
	if len(sum.Projects) != 3 {
		t.Errorf("%d projects in the summary, want 3", len(sum.Projects))
	}
}

// thinProject writes a project whose WBS gives a readable planned finish
// for only 4 of its 20 tasks (the rest say 未定 or ミス入力), with no issue
// list and no risk register, and returns its project.yaml.
func thinProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	f := excelize.NewFile()
	defer f.Close()
	sh := "WBS"
	f.SetSheetName("Sheet1", sh)
	for c, h := range []string{"WBS番号", "タスク名", "担当者", "予定開始日", "予定終了日", "進捗率"} {
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		f.SetCellStr(sh, cell, h)
	}
	for i := range 20 {
		r := i + 2
		set := func(col string, v any) { f.SetCellValue(sh, col+strconv.Itoa(r), v) }
		set("A", fmt.Sprintf("1.%d", i+1))
		set("B", fmt.Sprintf("作業%02d", i+1))
		set("C", "山田")
		set("D", fmt.Sprintf("2026/10/%d", i+1))
		switch {
		case i < 4:
			set("E", fmt.Sprintf("2026/11/%d", i+2))
		case i%2 == 0:
			set("E", "未定")
		default:
			set("E", "ミス入力")
		}
		set("F", 0.5)
	}
	if err := os.MkdirAll(filepath.Join(dir, "teams"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(filepath.Join(dir, "teams", "WBS.xlsx")); err != nil {
		t.Fatal(err)
	}
	yaml := `version: 1
project:
  id: thin
  name: 読めない工程表
  start: 2026-10-01
  end: 2026-12-28
  status_date: 2026-11-20
calendar:
  holidays: jp
milestones:
  - name: 完了
    date: 2026-12-25
sources:
  - file: teams/WBS.xlsx
    kind: wbs
`
	path := filepath.Join(dir, "project.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestThinScheduleIsUnknown pins the trust rules end to end: a WBS whose
// finish dates are mostly unreadable rates 判定不能, not green; the
// coverage says 4 of 20; a project with no risk register or issue list
// says so instead of showing zeros, in the terminal, the JSON, the PDF and
// the tracker.
func TestThinScheduleIsUnknown(t *testing.T) {
	t.Parallel()
	path := thinProject(t)
	code, stdout, errOut := run(t, "status", path, "--json")
	if code != 0 {
		t.Fatalf("status --json: exit %d (%s)", code, errOut)
	}
	var st struct {
		RAG struct {
			Overall    string
			Dimensions map[string]string
			ReasonsJA  []string `json:"reasons_ja"`
		}
		Coverage struct {
			LeafTasks      int      `json:"leaf_tasks"`
			Scheduled      int      `json:"scheduled"`
			ScheduledShare *float64 `json:"scheduled_share"`
			HasIssues      bool     `json:"has_issues"`
			HasRisks       bool     `json:"has_risks"`
			Errors         int      `json:"errors"`
			Worst          string   `json:"worst"`
		}
	}
	if err := json.Unmarshal([]byte(stdout), &st); err != nil {
		t.Fatal(err)
	}
	if st.RAG.Overall != "unknown" || st.RAG.Dimensions["schedule"] != "unknown" || st.RAG.Dimensions["risks"] != "unknown" || st.RAG.Dimensions["issues"] != "unknown" {
		t.Errorf("rag %+v, want overall, schedule, risks and issues unknown", st.RAG)
	}
	c := st.Coverage
	if c.LeafTasks != 20 || c.Scheduled != 4 || c.ScheduledShare == nil || *c.ScheduledShare != 20 {
		t.Errorf("coverage %d/%d (%v), want 4/20 = 20 %%", c.Scheduled, c.LeafTasks, c.ScheduledShare)
	}
	if c.HasIssues || c.HasRisks || c.Errors < 8 || c.Worst != "teams/WBS.xlsx" {
		t.Errorf("coverage %+v: want no issue list, no risk register, ≥ 8 errors (ミス入力; 未定 is a known placeholder), WBS.xlsx worst", c)
	}
	if len(st.RAG.ReasonsJA) == 0 || !strings.Contains(st.RAG.ReasonsJA[0], "4/20") {
		t.Errorf("headline reason %q does not say 4/20", st.RAG.ReasonsJA)
	}
	var js struct {
		Workload struct {
			People  []string
			Overdue []float64
		}
	}
	if err := json.Unmarshal([]byte(stdout), &js); err != nil {
		t.Fatal(err)
	}
	if len(js.Workload.People) != 1 || js.Workload.People[0] != "山田" || len(js.Workload.Overdue) != 1 || js.Workload.Overdue[0] <= 0 {
		t.Errorf("JSON workload %+v, want 山田 with overdue load", js.Workload)
	}

	_, text, _ := run(t, "status", path)
	for _, want := range []string{"総合評価: 判定不能", "リスク台帳なし", "課題管理表なし", "予定日あり 4/20 (20%)"} {
		if !strings.Contains(text, want) {
			t.Errorf("status lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "総合評価: 緑") {
		t.Error("status says green")
	}

	out := t.TempDir()
	if code, _, errOut := run(t, "report", path, "-o", out); code != 0 {
		t.Fatalf("report: exit %d (%s)", code, errOut)
	}
	tracker, err := excelize.OpenFile(filepath.Join(out, "thin", "tracker.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer tracker.Close()
	rows, _ := tracker.GetRows("概要")
	var all []string
	for _, r := range rows {
		all = append(all, strings.Join(r, "|"))
	}
	summary := strings.Join(all, "\n")
	for _, want := range []string{"判定不能", "リスク台帳なし", "課題管理表なし", "4/20 (20%)", "データ品質"} {
		if !strings.Contains(summary, want) {
			t.Errorf("tracker 概要 lacks %q", want)
		}
	}
	// 山田 owns every task, four of them late and unfinished: the workload
	// carries them, with their remaining work as overdue load.
	load, _ := tracker.GetRows("負荷")
	found := false
	for _, r := range load {
		if len(r) > 1 && r[0] == "山田" && r[1] != "" && r[1] != "0" {
			found = true
		}
	}
	if !found {
		t.Errorf("the tracker's 負荷 sheet has no overdue load for 山田: %q", load)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext missing in CI")
		}
		t.Skip("pdftotext not installed")
	}
	page1, err := exec.Command("pdftotext", "-f", "1", "-l", "1", "-layout", filepath.Join(out, "thin", "status.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"判定不能", "データ品質", "4/20", "リスク台帳なし", "未提供"} {
		if !strings.Contains(string(page1), want) {
			t.Errorf("PDF page 1 lacks %q:\n%s", want, page1)
		}
	}
	whole, err := exec.Command("pdftotext", "-layout", filepath.Join(out, "thin", "status.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	doc := string(whole)
	if i := strings.Index(doc, "担当者別の残作業"); i < 0 || !strings.Contains(doc[i:], "山田") || !strings.Contains(doc[i:], "超過") {
		t.Errorf("the PDF's workload section does not show 山田's overdue load")
	}

}

// TestFailOnUnknown: --fail-on unknown stops the steering-meeting batch on
// a project pmo could not judge; --fail-on red lets it pass.
func TestFailOnUnknown(t *testing.T) {
	t.Parallel()
	dir := filepath.Dir(thinProject(t))
	for _, c := range []struct {
		failOn string
		want   int
	}{{"red", 0}, {"unknown", 1}, {"none", 0}} {
		code, _, errOut := run(t, "batch", dir, "-o", t.TempDir(), "--fail-on", c.failOn, "--quiet")
		if code != c.want {
			t.Errorf("--fail-on %s: exit %d, want %d (%s)", c.failOn, code, c.want, errOut)
		}
	}
}
