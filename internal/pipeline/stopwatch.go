package pipeline

import (
	"fmt"
	"io"
	"slices"
	"sync"
	"time"
)

// Stopwatch adds up how long each stage of many runs took, across
// goroutines. A nil Stopwatch measures nothing.
type Stopwatch struct {
	mu    sync.Mutex
	total map[string]time.Duration
}

// NewStopwatch returns an empty stopwatch.
func NewStopwatch() *Stopwatch { return &Stopwatch{total: map[string]time.Duration{}} }

func (s *Stopwatch) start() time.Time {
	if s == nil {
		return time.Time{}
	}
	return time.Now()
}

// add charges the time since from to stage and returns now.
func (s *Stopwatch) add(stage string, from time.Time) time.Time {
	if s == nil {
		return time.Time{}
	}
	now := time.Now()
	s.mu.Lock()
	s.total[stage] += now.Sub(from)
	s.mu.Unlock()
	return now
}

// Time runs fn and charges its duration to stage.
func (s *Stopwatch) Time(stage string, fn func()) {
	t := s.start()
	fn()
	s.add(stage, t)
}

// Print writes the totals, largest first, with their share.
func (s *Stopwatch) Print(w io.Writer) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var sum time.Duration
	names := make([]string, 0, len(s.total))
	for k, v := range s.total {
		names = append(names, k)
		sum += v
	}
	slices.SortFunc(names, func(a, b string) int { return int(s.total[b] - s.total[a]) })
	for _, k := range names {
		fmt.Fprintf(w, "%-8s %8.2fs  %5.1f%%\n", k, s.total[k].Seconds(), 100*float64(s.total[k])/float64(max(sum, 1)))
	}
}
