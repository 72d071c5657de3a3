package batch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/pipeline"
)

// smallProjects writes n projects of a three-task WBS each, p00 … into dir.
func smallProjects(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		id := fmt.Sprintf("p%02d", i)
		files := map[string]string{
			"project.yaml": "version: 1\nproject: {id: " + id + ", name: 案件" + id + ", pm: 佐藤, start: 2026-11-02, end: 2027-01-29}\n" +
				"sources:\n  - {file: WBS.csv, kind: wbs}\n",
			"WBS.csv": "WBS番号,タスク名,担当者,開始予定,終了予定,進捗率\n1,設計,,2026/11/02,2026/12/04,\n" +
				"1.1,基本設計,山本,2026/11/02,2026/11/13,100\n1.2,詳細設計,山本,2026/11/16,2026/12/04,40\n",
		}
		for name, s := range files {
			path := filepath.Join(dir, id, name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestCancelledBatchLeavesWholeProjects cancels a batch while projects are
// being built and written (the writer goroutine holding built projects in
// its queue): Run returns every project, each either written in full (its
// output, its kept result and its run in the history) or failed with
// nothing of it written; no temporary file is left in the output folder
// and no goroutine of the batch is left running.
func TestCancelledBatchLeavesWholeProjects(t *testing.T) {
	// Not parallel: the goroutines counted are this test's alone.
	const n = 24
	dir, out := t.TempDir(), t.TempDir()
	smallProjects(t, dir, n)
	plan, err := Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Projects) != n {
		t.Fatalf("%d projects discovered, want %d", len(plan.Projects), n)
	}
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var calls, done atomic.Int32
	res := Run(ctx, plan, Options{Out: out, Jobs: 2, Render: fakeRender("", &calls), Progress: func(e Event) {
		if e.Done && done.Add(1) == 4 {
			cancel()
		}
	}})
	if len(res.Projects) != n {
		t.Fatalf("%d results, want %d", len(res.Projects), n)
	}
	sh := pipeline.NewSharedHistory(out)
	h, err := sh.Existing()
	if err != nil {
		t.Fatal(err)
	}
	ok, failed := 0, 0
	for i, p := range res.Projects {
		id := fmt.Sprintf("p%02d", i)
		_, outErr := os.Stat(filepath.Join(out, id, "out.txt"))
		_, keptErr := os.Stat(resultFile(out, id))
		rev, err := h.Revision(id)
		if err != nil {
			t.Fatal(err)
		}
		switch p.Status {
		case StatusOK:
			ok++
			if outErr != nil || keptErr != nil || rev == "" {
				t.Errorf("%s: ok but output %v, kept result %v, history marker %q", id, outErr, keptErr, rev)
			}
		case StatusFailed:
			failed++
			if p.Error == "" || outErr == nil || keptErr == nil || rev != "" {
				t.Errorf("%s: failed (%q) but output %v, kept result %v, history marker %q", id, p.Error, outErr, keptErr, rev)
			}
		default:
			t.Errorf("%s: status %q after a cancel", id, p.Status)
		}
	}
	sh.Close()
	t.Logf("%d ok, %d failed", ok, failed)
	if ok < 4 || failed == 0 {
		t.Errorf("%d projects ok and %d failed; want the 4 before the cancel ok and the rest failed", ok, failed)
	}
	filepath.WalkDir(out, func(path string, e os.DirEntry, err error) error {
		if err == nil && strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", path)
		}
		return nil
	})
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if g := runtime.NumGoroutine(); g > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after the batch, %d before:\n%s", g, before, buf[:runtime.Stack(buf, true)])
	}
}
