package cli

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// datedCopies writes a project whose WBS has three earlier copies: two in
// dated folders, one with the date in its name.
func datedCopies(t *testing.T) (yaml, from string) {
	t.Helper()
	dir := t.TempDir()
	write := func(rel, text string) {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wbs := func(finish string, progress int) string {
		return "WBS,タスク名,予定開始日,予定終了日,予定工数,進捗率\n1,設計,2026-11-02,2026-11-13,10,100\n2,製造,2026-11-16," + finish + ",10," + strconv.Itoa(progress) + "\n"
	}
	write("project/project.yaml", "version: 1\nproject:\n  id: hist\n  name: 履歴\n  pm: 山田\n  start: 2026-11-02\n  end: 2026-12-31\n"+
		"calendar:\n  holidays: none\nsources:\n  - file: WBS.csv\n    kind: wbs\n")
	write("project/WBS.csv", wbs("2026-12-04", 60))
	write("archive/2026-11-20/WBS.csv", wbs("2026-11-27", 20))
	write("archive/2026-11-27/WBS.csv", wbs("2026-11-27", 40))
	write("archive/WBS_20261204.csv", wbs("2026-12-04", 50))      // re-planned: +5 working days
	write("archive/WBS_team2_20261204.csv", wbs("2027-01-29", 0)) // another file, not a copy
	return filepath.Join(dir, "project", "project.yaml"), filepath.Join(dir, "archive")
}

func TestHistoryImportListAndBaseline(t *testing.T) {
	t.Parallel()
	yaml, from := datedCopies(t)
	out := t.TempDir()
	code, stdout, errOut := run(t, "history", "import", yaml, "--from", from, "-o", out)
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	if want := "hist 2026-11-20: 1/1 ソース\nhist 2026-11-27: 1/1 ソース\nhist 2026-12-04: 1/1 ソース\n"; stdout != want {
		t.Errorf("import printed\n%s\nwant\n%s", stdout, want)
	}
	// The replay finds the re-planning of 12-04.
	code, stdout, errOut = run(t, "status", "--history", out, "--as-of", "2026-12-11", "--json", yaml)
	if code != 0 || !strings.Contains(stdout, `"since": "2026-12-04"`) {
		t.Fatalf("status after import: exit %d %s\n%s", code, errOut, stdout)
	}

	// The trend table, in both languages.
	code, stdout, errOut = run(t, "history", out)
	if code != 0 || !strings.Contains(stdout, "hist (3)") || !strings.Contains(stdout, "基準日") || !strings.Contains(stdout, "2026-12-04") {
		t.Errorf("history: exit %d %s\n%s", code, errOut, stdout)
	}
	code, stdout, _ = run(t, "history", yaml, "-o", out, "--lang", "en")
	if code != 0 || !strings.Contains(stdout, "as of") || !strings.Contains(stdout, "SPI(t)") {
		t.Errorf("history --lang en: exit %d\n%s", code, stdout)
	}

	// CSV for analysts: a header and one row per run, read back by Go's
	// reader and, where it is installed, by pandas.
	code, stdout, _ = run(t, "history", out, "--csv")
	recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if code != 0 || err != nil || len(recs) != 4 || recs[0][0] != "project" || recs[3][1] != "2026-12-04" {
		t.Fatalf("history --csv: exit %d %v\n%s", code, err, stdout)
	}
	// 12-04: 設計 10 pd done, 製造 10 pd 50 %: actual 75 %.
	if recs[3][3] != "75" {
		t.Errorf("actual_pct of 12-04 = %s, want 75", recs[3][3])
	}
	csvFile := filepath.Join(t.TempDir(), "h.csv")
	os.WriteFile(csvFile, []byte(stdout), 0o644)
	checkPandas(t, csvFile)

	// A baseline set on the second run: later runs compare with it.
	code, stdout, errOut = run(t, "baseline", "set", yaml, "-o", out, "--as-of", "2026-11-27", "--name", "第2版")
	if code != 0 || stdout != "hist: 第2版 = 2026-11-27\n" {
		t.Fatalf("baseline set: exit %d %q %s", code, stdout, errOut)
	}
	code, stdout, _ = run(t, "status", "--history", out, "--as-of", "2026-12-11", "--json", yaml)
	if code != 0 || !strings.Contains(stdout, `"name": "第2版"`) || !strings.Contains(stdout, `"finish_variance": 5`) {
		t.Errorf("status does not compare with the baseline set:\n%s", stdout)
	}
	if code, _, errOut := run(t, "baseline", "set", yaml, "-o", out, "--as-of", "2026-11-26"); code != 2 || !strings.Contains(errOut, "2026-11-26") {
		t.Errorf("baseline of a date without a run: exit %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "history", t.TempDir()); code != 2 || !strings.Contains(errOut, "履歴がありません") {
		t.Errorf("history of an empty folder: exit %d %s", code, errOut)
	}
	if code, _, _ := run(t, "history", yaml); code != 2 {
		t.Errorf("history PROJECT.yaml without -o: exit %d, want 2", code)
	}
}

// checkPandas loads the CSV with pandas when it is installed (always in CI).
func checkPandas(t *testing.T, path string) {
	t.Helper()
	py := "/usr/bin/python3"
	script := `import sys, pandas
df = pandas.read_csv(sys.argv[1])
assert list(df.columns[:3]) == ["project", "as_of", "planned_pct"], df.columns
assert len(df) == 3 and df["actual_pct"].iloc[-1] == 75, df
print(df["spi"].dtype)`
	if err := exec.Command(py, "-c", "import pandas").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("pandas is not installed: %v", err)
		}
		t.Log("pandas not installed; CSV checked with Go's reader only")
		return
	}
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "float64" {
		t.Errorf("pandas: %v\n%s", err, out)
	}
}
