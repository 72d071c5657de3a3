package sheet

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// TestRowPipeStopsWhenRecordsPanics: a panic while records folds a large
// table (a bug, which a batch turns into the project's error and goes on)
// must not leave the typing goroutine blocked for good, holding the
// sheet's grid and its chunks for the rest of the batch.
func TestRowPipeStopsWhenRecordsPanics(t *testing.T) {
	var b strings.Builder
	b.WriteString("WBS,タスク名,担当者,予定開始日,予定終了日,進捗率\n")
	for i := 1; i < pipeFrom+4*pipeChunk; i++ {
		fmt.Fprintf(&b, "1.%d,作業%d,山田,2026/4/1,2026/4/10,50%%\n", i, i)
	}
	book, err := Parse("wbs.csv", []byte(b.String()), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g := book.Sheets[0]
	h, ok := detectHeader(g, project.KindWBS, nil, nil)
	if !ok {
		t.Fatal("no header")
	}
	before := runtime.NumGoroutine()
	var fs diag.Findings
	rr := newRowReader(g, h, &Options{}, &fs)
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("records did not panic")
			}
		}()
		rr.records(func(record) { panic("folding went wrong") })
	}()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Fatalf("%d goroutines after the panic, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}
