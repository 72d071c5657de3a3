//go:build unix

package main

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system time so far: on a shared
// machine it says what a write costs apart from waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
