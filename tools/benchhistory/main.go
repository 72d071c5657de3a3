// Command benchhistory measures the history database at portfolio scale:
// it records N projects × W weekly runs of 1,000 tasks and 300 issues
// (a tenth of the tasks and a few issues changing each week, see
// internal/history/historytest), week by week as a weekly batch would, and
// prints the database size, the time of each write and of the trend and
// previous-run queries.
//
//	go run ./tools/benchhistory -projects 100 -weeks 52
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/history"
	"github.com/pmokit/pmo/internal/history/historytest"
)

func main() {
	projects := flag.Int("projects", 100, "projects")
	weeks := flag.Int("weeks", 52, "weekly runs per project")
	dir := flag.String("dir", "", "output folder (default: a temporary one, removed after)")
	flag.Parse()
	out := *dir
	if out == "" {
		tmp, err := os.MkdirTemp("", "benchhistory")
		if err != nil {
			fail(err)
		}
		defer os.RemoveAll(tmp)
		out = tmp
	}
	h, err := history.Open(out)
	if err != nil {
		fail(err)
	}
	var writes []time.Duration
	cpu0 := cpuTime()
	for w := range *weeks {
		for p := range *projects {
			s := historytest.WeeklyRun(fmt.Sprintf("p%03d", p), w)
			start := time.Now()
			if err := h.Record(s); err != nil {
				fail(err)
			}
			writes = append(writes, time.Since(start))
		}
		if (w+1)%13 == 0 {
			fmt.Fprintf(os.Stderr, "week %d recorded\n", w+1)
		}
	}
	cpuWrites := cpuTime() - cpu0
	var trends, prevs []time.Duration
	for p := range *projects {
		id := fmt.Sprintf("p%03d", p)
		start := time.Now()
		if _, err := h.Trend(id, 0); err != nil {
			fail(err)
		}
		trends = append(trends, time.Since(start))
		start = time.Now()
		if _, err := h.Previous(id, date.Of(2030, 1, 1)); err != nil {
			fail(err)
		}
		prevs = append(prevs, time.Since(start))
	}
	h.Close()
	st, err := os.Stat(filepath.Join(out, history.Dir, history.FileName))
	if err != nil {
		fail(err)
	}
	fmt.Printf("%d projects × %d weekly runs × 1,000 tasks + 300 issues\n", *projects, *weeks)
	fmt.Printf("database size: %.1f MB\n", float64(st.Size())/1e6)
	fmt.Printf("write per project run: %s\n", stats(writes))
	fmt.Printf("write, last week only: %s\n", stats(writes[len(writes)-*projects:]))
	fmt.Printf("CPU time per write (user+system, includes generating the run): %.1f ms\n", float64(cpuWrites.Microseconds())/1000/float64(len(writes)))
	fmt.Printf("trend query (all runs of one project): %s\n", stats(trends))
	fmt.Printf("previous run with its 1,000 tasks: %s\n", stats(prevs))
}

func stats(ds []time.Duration) string {
	s := slices.Clone(ds)
	slices.Sort(s)
	var sum time.Duration
	for _, d := range s {
		sum += d
	}
	q := func(f float64) time.Duration { return s[min(len(s)-1, int(f*float64(len(s))))] }
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
	return fmt.Sprintf("mean %s, median %s, p95 %s, max %s (n=%d)", ms(sum/time.Duration(len(s))), ms(q(0.5)), ms(q(0.95)), ms(s[len(s)-1]), len(s))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchhistory:", err)
	os.Exit(1)
}
