package history_test

import (
	"fmt"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/history"
)

func run(week int, tasks ...analyze.TaskState) *analyze.Snapshot {
	return &analyze.Snapshot{Version: analyze.SnapshotVersion, Project: "p", AsOf: date.Of(2026, 1, 9).AddDays(7 * week),
		Detailed: true, Issues: map[string]bool{}, Milestones: map[string]date.Date{}, Tasks: tasks, RAG: analyze.Green}
}

func task(key, name string, progress float64) analyze.TaskState {
	return analyze.TaskState{Key: key, Source: "wbs.csv", Name: name, PlannedFinish: date.Of(2026, 3, 31), Progress: &progress}
}

// state returns key -> "name progress" of the run at week.
func state(t *testing.T, h *history.DB, week int) map[string]string {
	t.Helper()
	s, err := h.Run("p", date.Of(2026, 1, 9).AddDays(7*week))
	if err != nil || s == nil {
		t.Fatalf("week %d: %v", week, err)
	}
	out := map[string]string{}
	for _, ts := range s.Tasks {
		out[ts.Key] = ts.Name + " " + analyzeNum(ts.Progress)
	}
	return out
}

func analyzeNum(p *float64) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%02.0f", *p)
}

func same(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestVersionsOutOfOrder records weeks 0 and 2, then backfills week 1 and
// re-records week 0: every run must still read back as it was recorded,
// though versions are stored as changes against the run before.
func TestVersionsOutOfOrder(t *testing.T) {
	t.Parallel()
	h, err := history.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	w0 := run(0, task("a", "設計", 10), task("b", "製造", 0))
	w2 := run(2, task("a", "設計", 30), task("c", "試験", 5)) // b gone, c new
	w1 := run(1, task("a", "基本設計", 20), task("b", "製造", 0), task("d", "環境", 1))
	for _, s := range []*analyze.Snapshot{w0, w2, w1} {
		if err := h.Record(s); err != nil {
			t.Fatal(err)
		}
	}
	want := map[int]map[string]string{
		0: {"a": "設計 10", "b": "製造 00"},
		1: {"a": "基本設計 20", "b": "製造 00", "d": "環境 01"},
		2: {"a": "設計 30", "c": "試験 05"},
	}
	for w, m := range want {
		if got := state(t, h, w); !same(got, m) {
			t.Errorf("week %d reads %v, want %v", w, got, m)
		}
	}
	// Re-recording week 1 without d and with a renamed back: week 2 unchanged.
	if err := h.Record(run(1, task("a", "設計", 25), task("b", "製造", 0))); err != nil {
		t.Fatal(err)
	}
	want[1] = map[string]string{"a": "設計 25", "b": "製造 00"}
	for w, m := range want {
		if got := state(t, h, w); !same(got, m) {
			t.Errorf("after re-recording week 1: week %d reads %v, want %v", w, got, m)
		}
	}
	trend, err := h.Trend("p", 0)
	if err != nil || len(trend) != 3 {
		t.Errorf("trend has %d runs (%v), want 3", len(trend), err)
	}
}

// TestNewerSchemaRefused: a database written by a newer pmo is left alone.
func TestNewerSchemaRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	h, err := history.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.SQL().Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	h.Close()
	if _, err := history.Open(dir); err == nil {
		t.Error("a schema from a newer pmo was opened")
	}
}
