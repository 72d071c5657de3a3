package cli

import "runtime/debug"

// batchGOGC is the garbage collector's target while a batch builds its
// projects. Each project's working set (its sheets, analysis and two
// rendered files) is garbage once the project is written, so with the
// default target of 100 the collector runs again and again over the
// projects being built. At 400 the heap may grow to five times what the
// projects in flight hold instead of twice, a constant in the number of
// projects, and the soft memory limit (setMemoryLimits) still bounds it.
// Measured on 100 generated projects (1,000 tasks and 300 issues each),
// 5 alternating runs on a quiet 2-core machine: GOGC 200 took 4.78–5.39 s
// wall (median 5.06), 8.8–9.8 s of CPU, 73–78 MiB peak; GOGC 400
// 4.43–5.07 s (median 4.66), 8.1–9.1 s of CPU, 115–145 MiB. The first
// measurement, 100 → 200: 1–3 s of CPU for a peak of 70 → 100 MiB. A
// portfolio of up to sideBySide projects keeps it for its portfolio step
// too; a larger portfolio's step has the tight target of tightGC. GOGC
// set by the user wins.
const batchGOGC = 400

// looseGC sets batchGOGC until the returned function restores the
// previous target.
func looseGC(env *Env) (restore func()) {
	if env.Getenv("GOGC") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(batchGOGC)
	return func() { debug.SetGCPercent(prev) }
}
