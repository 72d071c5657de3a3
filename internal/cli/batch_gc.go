package cli

import "runtime/debug"

// batchGOGC is the garbage collector's target while a batch builds its
// projects. Each project's working set (its sheets, analysis and two
// rendered files) is garbage once the project is written, so with the
// default target of 100 the collector runs again and again over the
// projects being built. At 200 the heap may grow to three times what the
// projects in flight hold instead of twice, a constant in the number of
// projects. On 100 generated projects (1,000 tasks and 300 issues each,
// a loaded machine, so noisy): 17.1 → 13.8 s, 14.5 → 12.5 s and
// 15.7 → 15.3 s of CPU in three pairs of runs, the peak 70 → 100 MiB. A portfolio of up to sideBySide projects keeps it for
// its portfolio step too: an unchanged rerun of 100 projects takes 1.31 s
// of CPU instead of 1.53 s (medians of 5), its peak 87 MiB instead of
// 60, about what building the projects holds. A larger portfolio's step
// grows with the projects and has the tight target of tightGC. GOGC set
// by the user wins.
const batchGOGC = 200

// looseGC sets batchGOGC until the returned function restores the
// previous target.
func looseGC(env *Env) (restore func()) {
	if env.Getenv("GOGC") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(batchGOGC)
	return func() { debug.SetGCPercent(prev) }
}
