package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// report --meeting writes meeting.pdf beside the tracker and the report;
// a later run without it removes it, so a folder never mixes two dates;
// report.meeting: true in the YAML asks for it too.
func TestReportMeeting(t *testing.T) {
	t.Parallel()
	yaml := filepath.Join("..", "..", "examples", "kikan", "project.yaml")
	out := t.TempDir()
	if code, _, errOut := run(t, "report", yaml, "-o", out, "--meeting", "--no-history"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	pack := filepath.Join(out, "kikan", "meeting.pdf")
	b, err := os.ReadFile(pack)
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("meeting.pdf: %v", err)
	}
	if code, _, errOut := run(t, "report", yaml, "-o", out, "--no-history"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(pack); !os.IsNotExist(err) {
		t.Errorf("meeting.pdf left from the earlier run: %v", err)
	}

	dir := filepath.Join(t.TempDir(), "network")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "examples", "network"))); err != nil {
		t.Fatal(err)
	}
	py := filepath.Join(dir, "project.yaml")
	src, err := os.ReadFile(py)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "report:\n", "report:\n  meeting: true\n", 1)
	if text == string(src) {
		t.Fatal("no report: block in the network example")
	}
	if err := os.WriteFile(py, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out2 := t.TempDir()
	if code, _, errOut := run(t, "report", py, "-o", out2, "--no-history"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(out2, "network", "meeting.pdf")); err != nil {
		t.Errorf("report.meeting: true wrote no meeting.pdf: %v", err)
	}
}
