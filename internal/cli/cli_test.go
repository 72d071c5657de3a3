package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/golden"
)

var update = flag.Bool("update", false, "rewrite golden files")

var regexpSource = regexp.MustCompile(`"source": "[^"]*"`)

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
			golden.Check(t, *update, filepath.Join("testdata", "validate-"+id+".golden"), []byte(out))

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

// TestFindingLanguage checks which language findings are printed in:
// --lang, else report.lang in the YAML, else Japanese; JSON always carries
// both.
func TestFindingLanguage(t *testing.T) {
	t.Parallel()
	kikan := filepath.Join("..", "..", "examples", "kikan", "project.yaml")
	en := filepath.Join(t.TempDir(), "project.yaml")
	yaml := "version: 1\nproject:\n  id: en\n  name: English\n  pm: Pat\n  start: 2026-04-01\n  end: 2027-03-31\nreport:\n  lang: en\n"
	if err := os.WriteFile(en, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	const (
		doneJA   = "タスク「NWパラメータシート」は \"完了\" ですが進捗率が 50 % です [done-not-100]"
		doneEN   = `task "NWパラメータシート" is "完了" but progress is 50 % [done-not-100]`
		sourceJA = "sources がありません"
		sourceEN = "no sources listed"
	)
	cases := []struct {
		name     string
		args     []string
		want     string
		dontWant string
	}{
		{"default ja", []string{"validate", kikan}, doneJA, doneEN},
		{"--lang en", []string{"validate", "--lang", "en", kikan}, doneEN, doneJA},
		{"--lang ja", []string{"validate", "--lang", "ja", kikan}, doneJA, doneEN},
		{"report.lang en", []string{"validate", en}, sourceEN, sourceJA},
		{"--lang overrides report.lang", []string{"validate", "--lang", "ja", en}, sourceJA, sourceEN},
		{"inspect default ja", []string{"inspect", filepath.Join("..", "..", "examples", "kikan", "teams", "課題管理表.xlsx")}, "due「来週」は日付として読めません", `due "来週" is not a date`},
		{"inspect --lang en", []string{"inspect", "--lang", "en", filepath.Join("..", "..", "examples", "kikan", "teams", "課題管理表.xlsx")}, `due "来週" is not a date`, "due「来週」"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, out, errOut := run(t, c.args...)
			if !strings.Contains(out, c.want) || strings.Contains(out, c.dontWant) {
				t.Errorf("%v: want %q and not %q in\n%s%s", c.args, c.want, c.dontWant, out, errOut)
			}
		})
	}
	for _, cmd := range []string{"validate", "inspect"} {
		if code, _, errOut := run(t, cmd, "--lang", "fr", kikan); code != 2 || !strings.Contains(errOut, "--lang") {
			t.Errorf("%s --lang fr: exit %d, stderr %q", cmd, code, errOut)
		}
	}
	_, out, _ := run(t, "validate", "--json", "--lang", "en", kikan)
	var res struct {
		Findings []struct {
			Rule      string `json:"rule"`
			Message   string `json:"message"`
			MessageJA string `json:"message_ja"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule == "done-not-100" && (f.Message+" [done-not-100]" != doneEN || f.MessageJA+" [done-not-100]" != doneJA) {
			t.Errorf("--json done-not-100: message %q, message_ja %q", f.Message, f.MessageJA)
		}
		if f.MessageJA == "" {
			t.Errorf("--json: %s finding has no message_ja", f.Rule)
		}
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
			golden.Check(t, *update, filepath.Join("testdata", "inspect-"+strings.NewReplacer("/", "_").Replace(f)+".golden"), []byte(text))
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
		{"missing file", []string{"inspect", "--lang", "en", filepath.Join(dir, "nope.xlsx")}, "nope.xlsx: file not found"},
		{"missing file ja", []string{"inspect", filepath.Join(dir, "nope.xlsx")}, "nope.xlsx: ファイルが見つかりません"},
		{"directory", []string{"inspect", "--lang", "en", dir}, "is a directory"},
		{"directory ja", []string{"inspect", dir}, "フォルダーです"},
		{"empty", []string{"inspect", "--lang", "en", write("empty.xlsx", nil)}, "empty.xlsx: file is empty"},
		{"not a zip", []string{"inspect", "--lang", "en", write("junk.xlsx", []byte("\x01\x02\x03garbage"))}, "junk.xlsx: not an Excel workbook"},
		{"not a zip ja", []string{"inspect", filepath.Join(dir, "junk.xlsx")}, "junk.xlsx: Excel ブックではありません"},
		{"damaged xls", []string{"inspect", write("old.xls", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), utf16("Workbook")...))}, "old.xls: ファイルが途中で切れています"}, // 24 bytes of a 512-byte header
		{"lock file", []string{"inspect", write("~$WBS.xlsx", append([]byte{5}, "taro "...))}, "~$WBS.xlsx: Excel のロックファイルです"},
		{"mpp", []string{"inspect", "--lang", "en", write("plan.mpp", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 Microsoft Project"))}, "plan.mpp: a binary MS Project file (.mpp)"},
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

func TestReportWritesTrackerPDFAndSnapshot(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	path := filepath.Join("..", "..", "examples", "network", "project.yaml")
	code, stdout, errOut := run(t, "report", path, "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, f := range []string{"network/tracker.xlsx", "network/status.pdf", ".pmo/history.db"} {
		st, err := os.Stat(filepath.Join(out, filepath.FromSlash(f)))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if st.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", f, st.Mode().Perm())
		}
	}
	if !strings.Contains(stdout, "status.pdf") {
		t.Errorf("stdout does not list the outputs: %q", stdout)
	}
	// Same inputs and status date: same bytes.
	first, _ := os.ReadFile(filepath.Join(out, "network", "tracker.xlsx"))
	firstPDF, _ := os.ReadFile(filepath.Join(out, "network", "status.pdf"))
	out2 := t.TempDir()
	if code, _, errOut := run(t, "report", path, "-o", out2); code != 0 {
		t.Fatalf("second run: exit %d: %s", code, errOut)
	}
	second, _ := os.ReadFile(filepath.Join(out2, "network", "tracker.xlsx"))
	secondPDF, _ := os.ReadFile(filepath.Join(out2, "network", "status.pdf"))
	if !bytes.Equal(first, second) || !bytes.Equal(firstPDF, secondPDF) {
		t.Error("two runs over the same inputs gave different bytes")
	}
	// A second run into the same folder compares with the first snapshot.
	code, stdout, _ = run(t, "status", "--history", out, "--as-of", "2026-11-27", "--json", path)
	if code != 0 || !strings.Contains(stdout, `"since": "2026-11-20"`) {
		t.Errorf("status --history did not compare with the snapshot: exit %d\n%s", code, stdout)
	}
}

func TestReportUsage(t *testing.T) {
	t.Parallel()
	path := filepath.Join("..", "..", "examples", "network", "project.yaml")
	for _, args := range [][]string{
		{"report", path},
		{"report", path, "-o", t.TempDir(), "--format", "docx"},
		{"report", path, "-o", t.TempDir(), "--lang", "fr"},
		{"report", path, "-o", t.TempDir(), "--font", "/nonexistent.ttf"},
		{"convert", path},
		{"convert", path, "-o", "x.pdf"},
	} {
		if code, _, _ := run(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestConvertNeverOverwritesInputAndRoundTrips(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join(dir, "WBS.csv")
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "ec", "teams", "WBS.csv"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(src, data, 0o644)
	if code, _, errOut := run(t, "convert", src, "-o", src); code != 2 || !strings.Contains(errOut, "xlsx") {
		t.Errorf("convert -o INPUT: exit %d %q", code, errOut)
	}
	if after, _ := os.ReadFile(src); !bytes.Equal(after, data) {
		t.Fatal("the input was modified")
	}
	xsrc := filepath.Join(dir, "issues.xlsx")
	xdata, _ := os.ReadFile(filepath.Join("..", "..", "examples", "ec", "teams", "issues.xlsx"))
	os.WriteFile(xsrc, xdata, 0o644)
	if code, _, errOut := run(t, "convert", "--lang", "en", xsrc, "-o", xsrc); code != 2 || !strings.Contains(errOut, "refusing to overwrite the input") {
		t.Errorf("convert -o INPUT.xlsx: exit %d %q", code, errOut)
	}
	if after, _ := os.ReadFile(xsrc); !bytes.Equal(after, xdata) {
		t.Fatal("the xlsx input was modified")
	}
	tracker := filepath.Join(dir, "tracker.xlsx")
	if code, _, errOut := run(t, "convert", src, "--as-of", "2026-11-20", "-o", tracker); code != 0 {
		t.Fatalf("convert: exit %d: %s", code, errOut)
	}
	// Converting the tracker again gives the same tasks.
	again := filepath.Join(dir, "again.xlsx")
	if code, _, errOut := run(t, "convert", tracker, "--as-of", "2026-11-20", "-o", again); code != 0 {
		t.Fatalf("convert of the tracker: exit %d: %s", code, errOut)
	}
	_, a, _ := run(t, "inspect", "--json", tracker)
	_, b, _ := run(t, "inspect", "--json", again)
	recs := func(s string) string {
		var v struct {
			Tables []struct{ Records json.RawMessage } `json:"tables"`
		}
		if err := json.Unmarshal([]byte(s), &v); err != nil || len(v.Tables) == 0 {
			t.Fatalf("inspect JSON: %v", err)
		}
		// Sources differ (file names); compare everything else.
		return regexpSource.ReplaceAllString(string(v.Tables[0].Records), "")
	}
	if recs(a) != recs(b) {
		t.Errorf("converting a tracker again changed its records")
	}
	if code, out, _ := run(t, "inspect", tracker); code != 0 || strings.Contains(out, "findings:") {
		t.Errorf("inspect of a tracker: exit %d, findings present:\n%s", code, out)
	}
}

func TestBatchExitCodesAndSummary(t *testing.T) {
	t.Parallel()
	dir := manyProjects(t, 1)
	// Break one project's workbook: that project fails, the others build.
	if err := os.WriteFile(filepath.Join(dir, "networka", "teams", "WBS.xlsx"), []byte("not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	code, stdout, errOut := run(t, "batch", dir, "-o", out, "--fail-on", "none")
	if code != 1 {
		t.Errorf("a failed project: exit %d, want 1", code)
	}
	if !strings.Contains(errOut, "[3/3]") || !strings.Contains(errOut, "failed") || !strings.Contains(errOut, "WBS.xlsx") {
		t.Errorf("progress lines or error missing from stderr:\n%s", errOut)
	}
	if !strings.Contains(stdout, "FAILED") {
		t.Errorf("final table does not show the failure:\n%s", stdout)
	}
	var sum struct {
		Projects []struct {
			ID, Status, Error string
			Outputs           []string
		}
	}
	data, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil || json.Unmarshal(data, &sum) != nil {
		t.Fatalf("summary.json: %v", err)
	}
	built := 0
	for _, p := range sum.Projects {
		switch p.Status {
		case "ok":
			built++
			if len(p.Outputs) != 2 {
				t.Errorf("%s outputs %v", p.ID, p.Outputs)
			}
		case "failed":
			if !strings.Contains(p.Error, "WBS.xlsx") {
				t.Errorf("failed project's error does not name the file: %q", p.Error)
			}
		}
	}
	if built != 2 {
		t.Errorf("%d projects built, want 2", built)
	}
	for _, f := range []string{"portfolio.xlsx", "portfolio.pdf"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
	// Without the broken project, --fail-on decides: the examples have
	// error findings and red projects.
	os.RemoveAll(filepath.Join(dir, "networka"))
	for _, c := range []struct {
		failOn string
		want   int
	}{{"none", 0}, {"red", 1}, {"error", 1}} {
		if code, _, errOut := run(t, "batch", dir, "-o", t.TempDir(), "--fail-on", c.failOn, "--quiet"); code != c.want {
			t.Errorf("--fail-on %s: exit %d, want %d (%s)", c.failOn, code, c.want, errOut)
		}
	}
	if code, _, _ := run(t, "batch", dir, "-o", t.TempDir(), "--fail-on", "sometimes"); code != 2 {
		t.Errorf("bad --fail-on: exit %d, want 2", code)
	}
}

func TestStatusExamples(t *testing.T) {
	t.Parallel()
	for _, id := range []string{"kikan", "ec", "network"} {
		path := filepath.Join("..", "..", "examples", id, "project.yaml")
		code, out, errOut := run(t, "status", path)
		if code != 0 {
			t.Fatalf("%s: exit %d %s", id, code, errOut)
		}
		golden.Check(t, *update, filepath.Join("testdata", "status-"+id+".golden"), []byte(out))
		code, out, _ = run(t, "status", "--json", "--lang", "en", path)
		var v map[string]any
		if code != 0 || json.Unmarshal([]byte(out), &v) != nil {
			t.Fatalf("%s: --json exit %d, does not parse", id, code)
		}
		for _, k := range []string{"project", "as_of", "progress", "evm", "tasks", "milestones", "issues", "risks", "rag", "changes"} {
			if _, ok := v[k]; !ok {
				t.Errorf("%s: --json lacks %q", id, k)
			}
		}
	}
}

func TestReportFormatRemovesStaleOutput(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	path := filepath.Join("..", "..", "examples", "network", "project.yaml")
	if code, _, errOut := run(t, "report", path, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if code, _, errOut := run(t, "report", path, "-o", out, "--format", "xlsx", "--as-of", "2026-11-27"); code != 0 {
		t.Fatalf("--format xlsx: exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(out, "network", "status.pdf")); err == nil {
		t.Error("a status.pdf of the earlier status date was left beside the new tracker")
	}
	if _, err := os.Stat(filepath.Join(out, "network", "tracker.xlsx")); err != nil {
		t.Error(err)
	}
}
