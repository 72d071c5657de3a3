package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/report"
)

// TestInitThenValidateInspectReport runs the whole first day of a project:
// pmo init, then validate, inspect and report over what it wrote.
func TestInitThenValidateInspectReport(t *testing.T) {
	t.Parallel()
	cases := []struct {
		lang   string
		sheets []string
	}{
		{"ja", []string{"WBS.xlsx", "課題管理表.xlsx", "リスク管理表.xlsx", "アクション一覧.xlsx", "テスト仕様書.xlsx"}},
		{"en", []string{"WBS.xlsx", "issues.xlsx", "risks.xlsx", "actions.xlsx", "tests.xlsx"}},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "CRM 2026")
			code, out, errOut := run(t, "init", dir, "--lang", c.lang, "--as-of", "2026-11-20")
			if code != 0 {
				t.Fatalf("init: exit %d: %s", code, errOut)
			}
			yaml := filepath.Join(dir, "project.yaml")
			want := []string{yaml}
			for _, s := range c.sheets {
				want = append(want, filepath.Join(dir, "teams", s))
			}
			if got := strings.Split(strings.TrimSpace(out), "\n"); strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("files written:\n%s\nwant:\n%s", out, strings.Join(want, "\n"))
			}
			data, _ := os.ReadFile(yaml)
			if !strings.Contains(string(data), "id: crm-2026\n") || !strings.Contains(string(data), "name: CRM 2026\n") {
				t.Errorf("id and name not taken from the folder:\n%s", data)
			}

			code, out, errOut = run(t, "validate", "--json", yaml)
			var v struct {
				Errors   int `json:"errors"`
				Findings []struct{ Severity, Rule, Position string }
			}
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Fatalf("validate: exit %d, %v: %s%s", code, err, out, errOut)
			}
			if code != 0 || v.Errors != 0 || len(v.Findings) != 0 {
				t.Errorf("validate: exit %d, %d errors, findings %+v", code, v.Errors, v.Findings)
			}

			labels := report.LabelsFor(c.lang)
			for _, s := range c.sheets {
				code, out, errOut := run(t, "inspect", "--json", filepath.Join(dir, "teams", s))
				var res struct {
					Tables []struct {
						Kind     string
						Count    int `json:"record_count"`
						Columns  []struct{ Header, Field string }
						Unmapped []any
					}
					Findings []any
				}
				if code != 0 || json.Unmarshal([]byte(out), &res) != nil {
					t.Fatalf("inspect %s: exit %d: %s", s, code, errOut)
				}
				if len(res.Tables) != 1 || len(res.Findings) != 0 || len(res.Tables[0].Unmapped) != 0 || res.Tables[0].Count == 0 {
					t.Fatalf("inspect %s: %+v", s, res)
				}
				// Action and test sheets name their title and ID columns for
				// what they hold (アクション, テスト項目, テストID).
				own := map[string]map[string]string{
					"actions": {"title": "col.action"},
					"tests":   {"id": "col.test_id", "title": "col.test_title"},
				}[res.Tables[0].Kind]
				for _, col := range res.Tables[0].Columns {
					key := "col." + col.Field
					if k, ok := own[col.Field]; ok {
						key = k
					}
					if col.Field == "" || col.Header != labels.Get(key) {
						t.Errorf("inspect %s: header %q maps to %q, want the %s label of its field", s, col.Header, col.Field, c.lang)
					}
				}
			}

			outDir := t.TempDir()
			if code, _, errOut := run(t, "report", yaml, "-o", outDir); code != 0 {
				t.Fatalf("report: exit %d: %s", code, errOut)
			}
			for _, f := range []string{"tracker.xlsx", "status.pdf"} {
				if _, err := os.Stat(filepath.Join(outDir, "crm-2026", f)); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// TestInitNeverOverwrites checks that a second init refuses, names the
// file, and leaves every file as it was; --force rewrites them.
func TestInitNeverOverwrites(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if code, _, errOut := run(t, "init", dir, "--id", "crm", "--start", "2026-04-01"); code != 0 {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	yaml := filepath.Join(dir, "project.yaml")
	edited := []byte("version: 1\n# edited by the PM\n")
	if err := os.WriteFile(yaml, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	code, out, errOut := run(t, "init", dir, "--id", "crm", "--start", "2026-04-01")
	if code != 2 || out != "" {
		t.Errorf("second init: exit %d, stdout %q", code, out)
	}
	if !strings.Contains(errOut, filepath.ToSlash(yaml)) || !strings.Contains(errOut, "--force") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("second init: stderr %q, want one line naming %s", errOut, yaml)
	}
	if after := snapshot(t, dir); !equalFiles(before, after) {
		t.Error("a refused init changed files")
	}

	// Only one sheet in the way: still nothing is written.
	other := t.TempDir()
	os.MkdirAll(filepath.Join(other, "teams"), 0o755)
	os.WriteFile(filepath.Join(other, "teams", "WBS.xlsx"), []byte("the team's own"), 0o644)
	if code, _, errOut := run(t, "init", other); code != 2 || !strings.Contains(errOut, "WBS.xlsx") {
		t.Errorf("init over a team's WBS: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(other, "project.yaml")); err == nil {
		t.Error("project.yaml written although a sheet was in the way")
	}

	if code, _, errOut := run(t, "init", dir, "--id", "crm", "--start", "2026-04-01", "--force"); code != 0 {
		t.Fatalf("init --force: exit %d: %s", code, errOut)
	}
	if data, _ := os.ReadFile(yaml); bytes.Equal(data, edited) {
		t.Error("--force did not rewrite project.yaml")
	}
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		files[path] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func equalFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

func TestInitUsage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"two folders", []string{"init", dir, dir}, "at most one"},
		{"lang", []string{"init", dir, "--lang", "fr"}, "--lang"},
		{"bad id", []string{"init", dir, "--id", "CRM 2026"}, "--id"},
		{"bad start", []string{"init", dir, "--start", "2026/04/01"}, "--start"},
		{"bad as-of", []string{"init", dir, "--as-of", "soon"}, "--as-of"},
		{"as-of before start", []string{"init", dir, "--start", "2026-04-01", "--as-of", "2026-03-31"}, "before"},
		{"as-of after end", []string{"init", dir, "--start", "2026-04-01", "--as-of", "2027-04-01"}, "outside"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			code, _, errOut := run(t, c.args...)
			if code != 2 || !strings.Contains(errOut, c.want) {
				t.Errorf("exit %d, stderr %q, want 2 and %q", code, errOut, c.want)
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a usage error wrote files: %v", entries)
	}
}

// TestInitDefaultID checks that a folder name pmo cannot make an id from
// asks for --id instead of guessing one two projects would share.
func TestInitDefaultID(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "基幹システム")
	code, _, errOut := run(t, "init", dir, "--start", "2026-04-01")
	if code != 2 || !strings.Contains(errOut, "--id") {
		t.Fatalf("exit %d, stderr %q; want 2 asking for --id", code, errOut)
	}
	if _, err := os.Stat(dir); err == nil {
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("files written: %v", entries)
		}
	}
	if code, _, errOut := run(t, "init", dir, "--start", "2026-04-01", "--id", "kikan"); code != 0 {
		t.Fatalf("with --id: exit %d: %s", code, errOut)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "project.yaml"))
	if !strings.Contains(string(data), "id: kikan\n") || !strings.Contains(string(data), "name: 基幹システム\n") {
		t.Errorf("project.yaml:\n%s", data)
	}
}

// TestInitStatusDateToday checks that a new project's status date is
// today, and the start of the project when the project starts later.
func TestInitStatusDateToday(t *testing.T) {
	t.Parallel()
	before := date.FromTime(time.Now())
	dir := filepath.Join(t.TempDir(), "today")
	if code, _, errOut := run(t, "init", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	after := date.FromTime(time.Now())
	data, _ := os.ReadFile(filepath.Join(dir, "project.yaml"))
	if !strings.Contains(string(data), "status_date: "+before.String()+"\n") && !strings.Contains(string(data), "status_date: "+after.String()+"\n") {
		t.Errorf("status_date is not today (%s):\n%s", before, data)
	}
	later := after.AddDays(400)
	dir = filepath.Join(t.TempDir(), "later")
	if code, _, errOut := run(t, "init", dir, "--start", later.String()); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, _ = os.ReadFile(filepath.Join(dir, "project.yaml"))
	if !strings.Contains(string(data), "status_date: "+later.String()+"\n") {
		t.Errorf("a project starting %s: status_date is not its start:\n%s", later, data)
	}
}
