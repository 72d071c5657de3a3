package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// run runs pmo with args and returns exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Version: "test", Getenv: func(k string) string {
		if k == "PMO_TEST_PASSWORD" {
			return "secret"
		}
		return ""
	}}
	code := Run(context.Background(), args, env)
	return code, out.String(), errb.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s (run go test ./internal/cli -update to accept):\n--- got\n%s\n--- want\n%s", name, path, got, want)
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	code, out, _ := run(t, "--help")
	if code != 0 {
		t.Fatalf("--help exit %d", code)
	}
	for _, c := range commands() {
		if !strings.Contains(out, "  "+c.name+" ") {
			t.Errorf("--help does not list %s", c.name)
		}
	}
	for _, c := range commands() {
		for _, args := range [][]string{{"help", c.name}, {c.name, "--help"}} {
			code, out, _ := run(t, args...)
			if code != 0 || !strings.HasPrefix(out, "Usage: pmo "+c.name) {
				t.Errorf("%v: exit %d, output %q", args, code, out)
			}
		}
	}
	if code, _, errOut := run(t, "frobnicate"); code != 2 || !strings.Contains(errOut, "unknown command") {
		t.Errorf("unknown command: exit %d, stderr %q", code, errOut)
	}
	if code, _, _ := run(t); code != 2 {
		t.Errorf("no arguments: exit %d, want 2", code)
	}
	if code, _, errOut := run(t, "validate", "--nope"); code != 2 || !strings.Contains(errOut, "--nope") {
		t.Errorf("bad flag: exit %d, stderr %q", code, errOut)
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	code, out, _ := run(t, "version")
	if code != 0 || !strings.HasPrefix(out, "pmo test") {
		t.Errorf("version: exit %d, %q", code, out)
	}
}

// planted lists the mistakes examples/README.md says validate must find.
var planted = map[string][]string{
	"kikan": {
		"teams/基盤/WBS.xlsx!WBS!M20 done-not-100",
		"teams/基盤/WBS.xlsx!WBS!H29 finish-before-start",
		"teams/基盤/WBS.xlsx!WBS!F28 assignee-not-in-roster",
		"teams/基盤/WBS.xlsx!WBS!H37 task-outside-project",
		"teams/課題管理表.xlsx!課題管理表!AD15 date-unparseable",
		"teams/基盤/WBS.xlsx!WBS!L24 cell-error",
		"teams/課題管理表.xlsx!課題管理表!E11 date-year-inferred",
	},
	"ec": {
		"teams/WBS.csv:27!A duplicate-id",
		"teams/issues.xlsx!Issues!H8 issue-no-owner",
		"teams/WBS.csv:23!H progress-range",
	},
	"network": {
		"teams/課題.xlsx!課題一覧!I12 issue-no-due",
	},
}

func TestValidateExamples(t *testing.T) {
	t.Parallel()
	for _, id := range []string{"ec", "kikan", "network"} {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join("..", "..", "examples", id, "project.yaml")
			code, out, errOut := run(t, "validate", path)
			if errOut != "" {
				t.Errorf("stderr: %s", errOut)
			}
			wantCode := 1
			if id == "network" {
				wantCode = 0 // warnings only
			}
			if code != wantCode {
				t.Errorf("exit %d, want %d", code, wantCode)
			}
			golden(t, "validate-"+id, out)

			code, out, _ = run(t, "validate", "--json", path)
			if code != wantCode {
				t.Errorf("--json exit %d", code)
			}
			var res struct {
				Errors   int `json:"errors"`
				Findings []struct {
					Severity, Rule, Position, Message string
				} `json:"findings"`
			}
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatalf("--json output does not parse: %v", err)
			}
			got := map[string]bool{}
			for _, f := range res.Findings {
				rel := strings.TrimPrefix(filepath.ToSlash(f.Position), "../../examples/"+id+"/")
				got[rel+" "+f.Rule] = true
			}
			for _, p := range planted[id] {
				if !got[p] {
					t.Errorf("planted mistake not reported: %s", p)
				}
			}
		})
	}
}

func TestValidateStrict(t *testing.T) {
	t.Parallel()
	path := filepath.Join("..", "..", "examples", "network", "project.yaml")
	if code, _, _ := run(t, "validate", "--strict", path); code != 1 {
		t.Errorf("--strict with warnings: exit %d, want 1", code)
	}
	if code, _, _ := run(t, "validate", "--as-of", "2026/11/20", path); code != 2 {
		t.Errorf("bad --as-of: exit %d, want 2", code)
	}
	code, out, _ := run(t, "validate", "--rules")
	if code != 0 || !strings.Contains(out, "done-not-100") || !strings.Contains(out, "date-year-inferred") {
		t.Errorf("--rules: exit %d\n%s", code, out)
	}
}

func TestInspectExamples(t *testing.T) {
	t.Parallel()
	files := []string{
		"kikan/teams/基盤/WBS.xlsx", "kikan/teams/業務/進捗管理表.xlsx", "kikan/teams/課題管理表.xlsx",
		"ec/teams/WBS.csv", "ec/teams/issues.xlsx", "ec/teams/risks.xlsx",
		"network/teams/WBS.xlsx", "network/teams/課題.xlsx",
	}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join("..", "..", "examples", filepath.FromSlash(f))
			code, out, errOut := run(t, "inspect", "--json", path)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var res struct {
				Tables []struct {
					Kind        string
					RecordCount int `json:"record_count"`
					Records     []map[string]any
				}
			}
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatalf("JSON: %v", err)
			}
			if len(res.Tables) != 1 || res.Tables[0].RecordCount == 0 || len(res.Tables[0].Records) != res.Tables[0].RecordCount {
				t.Fatalf("tables: %+v", res.Tables)
			}
			_, text, _ := run(t, "inspect", path)
			golden(t, "inspect-"+strings.NewReplacer("/", "_").Replace(f), text)
		})
	}
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"missing file", []string{"inspect", filepath.Join(dir, "nope.xlsx")}, "nope.xlsx: file not found"},
		{"directory", []string{"inspect", dir}, "is a directory"},
		{"empty", []string{"inspect", write("empty.xlsx", nil)}, "empty.xlsx: file is empty"},
		{"not a zip", []string{"inspect", write("junk.xlsx", []byte("\x01\x02\x03garbage"))}, "junk.xlsx: not an Excel workbook"},
		{"legacy xls", []string{"inspect", write("old.xls", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), utf16("Workbook")...))}, "soffice --headless --convert-to xlsx"},
		{"yaml missing", []string{"validate", filepath.Join(dir, "none.yaml")}, "none.yaml"},
		{"yaml tabs", []string{"validate", write("tabs.yaml", []byte("version: 1\nproject:\n\tid: x\n"))}, "tabs.yaml"},
		{"bad kind", []string{"inspect", "--kind", "gantt", "x.xlsx"}, "--kind"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := run(t, c.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if out != "" {
				t.Errorf("stdout not empty: %q", out)
			}
			if !strings.Contains(errOut, c.want) {
				t.Errorf("stderr %q does not contain %q", errOut, c.want)
			}
			if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
				t.Errorf("stack trace on bad input: %s", errOut)
			}
			if c.name != "bad kind" && strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("error is not one line: %q", errOut)
			}
		})
	}
}

func utf16(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}
