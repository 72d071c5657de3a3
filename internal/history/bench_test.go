package history_test

import (
	"fmt"
	"testing"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/history"
	"github.com/pmokit/pmo/internal/history/historytest"
)

// BenchmarkRecordWeekly records one weekly run of a 1,000-task project
// into a history that already holds 51 weeks of 5 such projects (kept
// small so the benchmark is quick; tools/benchhistory measures 100
// projects × 52 weeks).
func BenchmarkRecordWeekly(b *testing.B) {
	h, err := history.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close()
	for p := range 5 {
		for w := range 51 {
			if err := h.Record(historytest.WeeklyRun(fmt.Sprintf("p%d", p), w)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for i := range b.N {
		// Re-recording week 51 replaces it: the same work each time.
		if err := h.Record(historytest.WeeklyRun(fmt.Sprintf("p%d", i%5), 51)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrevious reads the previous run (all 1,000 tasks) and the trend.
func BenchmarkPreviousAndTrend(b *testing.B) {
	h, err := history.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close()
	for w := range 52 {
		if err := h.Record(historytest.WeeklyRun("p", w)); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		if _, err := h.Previous("p", date.Of(2027, 1, 1)); err != nil {
			b.Fatal(err)
		}
		if _, err := h.Trend("p", 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecordFirst records the first run of a 1,000-task, 300-issue
// project, as a batch does for each project of a new output folder:
// every task and issue is a new entity with its first version.
func BenchmarkRecordFirst(b *testing.B) {
	h, err := history.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close()
	b.ReportAllocs()
	for i := range b.N {
		if err := h.Record(historytest.WeeklyRun(fmt.Sprintf("p%d", i), 10)); err != nil {
			b.Fatal(err)
		}
	}
}
