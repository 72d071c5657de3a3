package synth

import (
	"testing"
)

// ReportCPU adds a cpu-ns/op metric to a benchmark: the process's user
// and system time over the timed loop divided by its iterations, the
// garbage collector's background work included. On a machine shared with
// other work, wall time (ns/op) waits for the cores and this does not.
// Call it after b.ResetTimer (or before b.Loop) and defer what it
// returns.
func ReportCPU(b *testing.B) func() {
	start, ok := cpuTime()
	return func() {
		if end, _ := cpuTime(); ok && b.N > 0 {
			b.ReportMetric(float64((end-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
	}
}
