package cli

import "runtime/debug"

// batchGOGC is the garbage collector's target while a batch builds its
// projects. Each project's working set (its sheets, analysis and two
// rendered files) is garbage once the project is written, so with the
// default target of 100 the collector runs again and again over the
// projects being built: on 100 generated projects (1,000 tasks and 300
// issues each) it took about a fifth of the batch's CPU. At 200 the heap
// may grow to three times what the projects in flight hold instead of
// twice, a constant in the number of projects (see README,
// Measurements). A portfolio of up to sideBySide projects keeps it for
// its portfolio step too, which then holds less than the projects did;
// a larger one's step has the tight target of tightGC. GOGC set by the
// user wins.
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
