package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		if !strings.Contains(errOut, "status_dat") || !strings.Contains(errOut, "project.yaml:"+itoa(line)+":") {
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

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
