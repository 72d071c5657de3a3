package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestValidatePortfolio checks that a portfolio file given to validate
// checks each project it lists as validate checks that project alone, and
// ends with the totals.
func TestValidatePortfolio(t *testing.T) {
	t.Parallel()
	examples := filepath.Join("..", "..", "examples")
	code, out, errOut := run(t, "validate", filepath.Join(examples, "portfolio.yaml"))
	if code != 1 || errOut != "" {
		t.Fatalf("exit %d, want 1 (errors in ec and kikan); stderr: %s", code, errOut)
	}
	for _, id := range []string{"ec", "kikan", "network"} {
		_, alone, _ := run(t, "validate", filepath.Join(examples, id, "project.yaml"))
		lines := strings.Split(strings.TrimSpace(alone), "\n")
		want := "== " + id + "/project.yaml\n" + strings.Join(lines[:len(lines)-1], "\n") + "\n"
		if !strings.Contains(out, want) {
			t.Errorf("%s: the portfolio run does not carry the project's own findings:\nwant\n%s\ngot\n%s", id, want, out)
		}
	}
	if !strings.HasSuffix(out, "3 プロジェクト：エラー 5 件、警告 25 件、読めなかったもの 0 件\n") {
		t.Errorf("totals line:\n%s", out)
	}
}

// TestValidatePortfolioUnreadable checks that a project that cannot be
// read is said so, the others are still checked, and the exit is 2.
func TestValidatePortfolioUnreadable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("portfolio.yaml", "version: 1\nportfolio:\n  name: 検証\nprojects: [\"*/project.yaml\", \"gone/project.yaml\"]\n")
	write("a/project.yaml", "version: 1\nproject: {id: a, name: A, start: 2026-04-01, end: 2027-03-31}\n")
	write("b/project.yaml", "version: 1\nproject: [\n")
	code, out, _ := run(t, "validate", "--lang", "en", "--json", filepath.Join(dir, "portfolio.yaml"))
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	var res struct {
		Unread   int `json:"unread"`
		Projects []struct {
			Path, Project, Error string
		} `json:"projects"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("--json: %v\n%s", err, out)
	}
	if res.Unread != 1 || len(res.Projects) != 2 || res.Projects[0].Project != "a" || res.Projects[0].Error != "" ||
		!strings.Contains(res.Projects[1].Error, "project.yaml") {
		t.Errorf("projects: %+v (unread %d)", res.Projects, res.Unread)
	}
	_, out, _ = run(t, "validate", "--lang", "en", filepath.Join(dir, "portfolio.yaml"))
	if !strings.Contains(out, "== b/project.yaml\n"+filepath.Join(dir, "b", "project.yaml")+":3: invalid YAML") ||
		!strings.HasPrefix(out, "error: "+filepath.Join(dir, "portfolio.yaml")+":4:") || !strings.Contains(out, "gone/project.yaml") ||
		!strings.HasSuffix(out, "2 projects: 1 errors, 2 warnings, 1 could not be read\n") {
		t.Errorf("text:\n%s", out)
	}
}
