//go:build unix

package extract

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime returns a function giving the process's CPU time since the call.
// On a shared machine wall time counts other processes' turns; with -cpu 1
// the process's CPU time is the benchmark's (and its garbage collection's).
func cpuTime(b *testing.B) func() time.Duration {
	now := func() time.Duration {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			b.Fatal(err)
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	start := now()
	return func() time.Duration { return now() - start }
}
