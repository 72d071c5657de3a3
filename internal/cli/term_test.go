package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTermWriter(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	w := termWriter{&b}
	in := "タスク\x1b]0;pwned\x07 A\rB\u009b2J\x7f\tok\n"
	if n, err := w.Write([]byte(in)); err != nil || n != len(in) {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if want := `タスク\x1b]0;pwned\x07 A\x0dB\u009b2J\x7f` + "\tok\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestControlCharactersEscaped puts terminal escape sequences in a team
// sheet: before, validate printed them raw and they reached the terminal.
func TestControlCharactersEscaped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	yaml := "version: 1\nproject:\n  id: esc\n  name: esc\n  pm: a\n  start: 2026-01-05\n  end: 2026-12-25\nsources:\n  - file: wbs.csv\n    kind: wbs\n"
	csv := "WBS,タスク名,担当,開始予定,終了予定,進捗率\n1,\x1b]0;pwned\x07設計\x1b[2J,a,2026-01-05,2026-02-27,150\n2,製造,a,2026-03-02,2026-06-30,0\n"
	if err := os.WriteFile(filepath.Join(dir, "project.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "wbs.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stdout, stderr := run(t, "validate", filepath.Join(dir, "project.yaml"))
	out := stdout + stderr
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("raw control characters on the terminal:\n%q", out)
	}
	if !strings.Contains(out, `\x1b]0;pwned\x07設計`) {
		t.Errorf("the task name is not shown escaped:\n%s", out)
	}
}

// TestStatusNamesUnreadableSources: before, status with unreadable
// sources said only "some sources could not be read"; now each is named.
func TestStatusNamesUnreadableSources(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	yaml := "version: 1\nproject:\n  id: s\n  name: s\n  pm: a\n  start: 2026-01-05\n  end: 2026-12-25\nsources:\n  - file: gone.xlsx\n  - file: teams/also-gone.csv\n"
	if err := os.WriteFile(filepath.Join(dir, "project.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "status", "--lang", "en", filepath.Join(dir, "project.yaml"))
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	for _, f := range []string{filepath.Join(dir, "gone.xlsx"), filepath.Join(dir, "teams", "also-gone.csv")} {
		if !strings.Contains(stderr, "not read: "+f+": file not found") {
			t.Errorf("stderr does not name %s:\n%s", f, stderr)
		}
	}
}
