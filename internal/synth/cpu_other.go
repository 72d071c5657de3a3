//go:build !unix

package synth

import "time"

// cpuTime is not measured here: no cpu-ns/op metric.
func cpuTime() (time.Duration, bool) { return 0, false }
