package history_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/history"
)

// bigRun is a run of n tasks whose progress depends on week, so every
// week rewrites every task's version.
func bigRun(proj string, week, n int) *analyze.Snapshot {
	s := &analyze.Snapshot{Version: analyze.SnapshotVersion, Project: proj, AsOf: date.Of(2026, 1, 9).AddDays(7 * week),
		Detailed: true, Issues: map[string]bool{}, Milestones: map[string]date.Date{}, RAG: analyze.Green}
	s.Progress.Actual = float64(week)
	for i := range n {
		p := float64((week*7 + i) % 101)
		s.Tasks = append(s.Tasks, analyze.TaskState{Key: fmt.Sprintf("wbs.xlsx!WBS#%d", i), Source: "wbs.xlsx!WBS", WBSID: fmt.Sprint(i),
			Name: fmt.Sprintf("タスク %d", i), PlannedStart: date.Of(2026, 1, 5), PlannedFinish: date.Of(2026, 3, 31), Progress: &p})
	}
	s.Point = analyze.RunPoint{AsOf: s.AsOf}
	return s
}

// TestKillWriter is the child of TestSIGKILLDuringWrite: it records big
// runs until it is killed, saying before and after each one.
func TestKillWriter(t *testing.T) {
	out := os.Getenv("PMO_KILL_WRITER")
	if out == "" {
		t.Skip("run by TestSIGKILLDuringWrite")
	}
	h, err := history.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	for week := 0; ; week++ {
		fmt.Printf("begin %d\n", week)
		if err := h.Record(bigRun("big", week, 20000)); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("committed %d\n", week)
	}
}

// TestSIGKILLDuringWrite kills a process in the middle of writing a run
// and checks that the runs committed before are intact and readable, that
// the half-written one is not there, and that the next write completes.
func TestSIGKILLDuringWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a few hundred thousand rows")
	}
	out := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillWriter$", "-test.v")
	cmd.Env = append(os.Environ(), "PMO_KILL_WRITER="+out)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	committed := -1
	for lines.Scan() {
		line := lines.Text()
		if n, ok := strings.CutPrefix(line, "committed "); ok {
			fmt.Sscan(n, &committed)
		}
		if line == "begin 2" {
			break
		}
	}
	// Kill once the third run's transaction has started writing: its
	// rollback journal exists.
	journal := history.Path(out) + "-journal"
	var st os.FileInfo
	var jerr error
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		if st, jerr = os.Stat(journal); jerr == nil && st.Size() > 0 {
			break
		}
	}
	cmd.Process.Signal(os.Kill) // SIGKILL
	cmd.Wait()
	if committed != 1 {
		t.Fatalf("child committed up to week %d before the kill, want 1", committed)
	}
	if jerr != nil || st.Size() == 0 {
		t.Fatalf("no rollback journal at the kill (%v): the kill did not land inside a write", jerr)
	}

	h, err := history.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var check string
	if err := h.SQL().QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q %v", check, err)
	}
	trend, err := h.Trend("big", 0)
	if err != nil || len(trend) != 2 {
		t.Fatalf("after the kill: %d runs (%v), want the 2 committed", len(trend), err)
	}
	prev, err := h.Previous("big", date.Of(2026, 12, 31))
	if err != nil || prev == nil || len(prev.Tasks) != 20000 || *prev.Tasks[5].Progress != float64((7+5)%101) {
		t.Fatalf("previous run after the kill unreadable or wrong: %v", err)
	}
	// The next run completes.
	if err := h.Record(bigRun("big", 2, 1000)); err != nil {
		t.Fatal(err)
	}
	if trend, _ := h.Trend("big", 0); len(trend) != 3 {
		t.Errorf("after the next run: %d runs, want 3", len(trend))
	}
	if _, err := os.Stat(filepath.Join(out, history.Dir, history.FileName+"-journal")); err == nil {
		t.Error("a journal is left after a clean write")
	}
}
