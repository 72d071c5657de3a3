package batch

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/report"
)

// orderTrace is what a batch leaves behind that could show the order its
// projects finished in: the history's rows (run and entity ids), each
// project's kept history marker, and the order of the done events.
func orderTrace(t *testing.T, out string, events []string) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "done: %s\n", strings.Join(events, " "))
	sh := pipeline.NewSharedHistory(out)
	defer sh.Close()
	h, err := sh.Existing()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"SELECT id || ' ' || project || ' ' || as_of FROM run ORDER BY id",
		"SELECT count(*) || ' entities, ' || min(id) || '..' || max(id) || ' ' || project FROM entity GROUP BY project ORDER BY min(id)",
		"SELECT run || ' ' || file FROM source ORDER BY run, file"} {
		rows, err := h.SQL().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			b.WriteString(s + "\n")
		}
		rows.Close()
	}
	for _, id := range []string{"ec", "kikan", "network"} {
		data, err := os.ReadFile(resultFile(out, id))
		if err != nil {
			t.Fatal(err)
		}
		var kept struct{ History string }
		if err := json.Unmarshal(data, &kept); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s history %s\n", id, kept.History)
	}
	return b.String()
}

// TestFinishOrderDoesNotShow runs the examples' batch once with the first
// project in the plan held back until the last one is rendered, so the
// projects finish in the reverse of the plan's order, and once with one
// worker: the history's rows, the kept markers and the progress lines
// must be the same (they followed the finishing order: run ids 3, 2, 1).
func TestFinishOrderDoesNotShow(t *testing.T) {
	t.Parallel()
	dir := copyExamples(t)
	trace := func(jobs int, hold bool) string {
		out := t.TempDir()
		var (
			mu     sync.Mutex
			events []string
			last   = make(chan struct{})
			once   sync.Once
		)
		render := func(p *pipeline.Project, d *report.Document) (map[string][]byte, diag.Findings, error) {
			switch id := p.Config.Project.ID; {
			case hold && id == "ec":
				select { // the first in the plan waits for the last
				case <-last:
				case <-time.After(20 * time.Second):
				}
			case hold && id == "network":
				defer once.Do(func() { close(last) })
			case hold && id == "kikan":
				time.Sleep(50 * time.Millisecond) // after network, before ec
			}
			return map[string][]byte{"out.txt": []byte(d.Project.Name)}, nil, nil
		}
		run(t, filepath.Join(dir, "portfolio.yaml"), out, Options{Jobs: jobs, AsOf: date.Of(2026, 11, 20), Render: render,
			Progress: func(e Event) {
				if e.Done {
					mu.Lock()
					events = append(events, e.Result.ID)
					mu.Unlock()
				}
			}})
		return orderTrace(t, out, events)
	}
	want := trace(1, false)
	if !strings.Contains(want, "1 ec 2026-11-20") {
		t.Fatalf("the sequential run did not record ec first:\n%s", want)
	}
	if got := trace(3, true); got != want {
		t.Errorf("projects finishing in reverse order leave another trace:\n%s\nthan one worker:\n%s", got, want)
	}
}

// TestInOrderHoldsAtMostLimit checks the writer's queue: projects come out
// in the plan's order whatever order they are put in, and a worker with one
// more built project than the limit ahead of the next waits until the next
// is in.
func TestInOrderHoldsAtMostLimit(t *testing.T) {
	t.Parallel()
	q := newInOrder(2)
	built := func(i int) *pendingWrite { return &pendingWrite{index: i, out: &pipeline.Pending{}} }
	q.put(built(2))
	q.put(&pendingWrite{index: 3}) // reused: never waits, holds nothing
	q.put(built(1))
	blocked := make(chan struct{})
	go func() {
		q.put(built(4)) // a third built project ahead of 0: waits
		close(blocked)
	}()
	select {
	case <-blocked:
		t.Fatal("a third built project was held ahead of the next")
	case <-time.After(100 * time.Millisecond):
	}
	q.put(built(0)) // the next is always taken in
	var got []int
	for range 5 {
		w, ok := q.take()
		if !ok {
			t.Fatal("take ended early")
		}
		got = append(got, w.index)
	}
	<-blocked
	q.close()
	if _, ok := q.take(); ok {
		t.Error("take after close returned a project")
	}
	if fmt.Sprint(got) != "[0 1 2 3 4]" {
		t.Errorf("taken in order %v, want [0 1 2 3 4]", got)
	}
}
