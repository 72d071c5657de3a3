package cli

import (
	"fmt"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"time"

	"github.com/pmokit/pmo/internal/limits"
)

// exitOutOfMemory is the exit code of a run stopped for using more memory
// than its hard limit: distinct from bad input (2), since the input may be
// fine and the machine small.
const exitOutOfMemory = 3

// setMemoryLimits sets the soft limit the garbage collector works to
// (GOMEMLIMIT when set, else limits.MemoryLimit) and, when env can exit,
// starts a watch that stops the run with one line and exitOutOfMemory
// once the memory pmo holds passes the hard limit (PMO_MEMORY_MAX bytes,
// else limits.MemoryMax). The limits in package limits keep every book
// far below it; the watch turns what they miss into a clean error instead
// of the runtime's multi-line crash or the system killing pmo. It returns
// a function that stops the watch.
func setMemoryLimits(env *Env) (stop func()) {
	if env.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(limits.MemoryLimit)
	}
	if env.Exit == nil {
		return func() {}
	}
	max := uint64(limits.MemoryMax)
	if v, err := strconv.ParseUint(env.Getenv("PMO_MEMORY_MAX"), 10, 64); err == nil && v > 0 {
		max = v
	}
	done := make(chan struct{})
	go func() {
		samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(samples)
			used := samples[0].Value.Uint64() - samples[1].Value.Uint64()
			if used > max {
				fmt.Fprintf(env.Stderr, "pmo: error: out of memory: pmo holds %d MB, over its limit of %d MB (PMO_MEMORY_MAX sets it) / メモリ不足: 使用量 %d MB が上限 %d MB を超えました（PMO_MEMORY_MAX で変更できます）\n",
					(used+1<<20-1)>>20, max>>20, (used+1<<20-1)>>20, max>>20)
				env.Exit(exitOutOfMemory)
				return
			}
		}
	}()
	return func() { close(done) }
}

// tightGC halves the garbage collector's target (GOGC 100 → 50) until
// the returned function restores it, for a phase whose transient working
// set is large: writing a large portfolio. It was measured when the
// portfolio PDF held every page until the file was complete (before it
// was drawn in parts, pdf/merge.go): with the default target the peak
// memory of a 1,000-project batch was set there (132 MB against 95 MB,
// for about 2 s more CPU); not measured again since. GOGC set by the
// user wins.
func tightGC(env *Env) (restore func()) {
	if env.Getenv("GOGC") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(50)
	return func() { debug.SetGCPercent(prev) }
}
