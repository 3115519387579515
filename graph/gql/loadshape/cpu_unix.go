//go:build unix

package loadshape

import (
	"syscall"
	"time"
)

// ProcessCPU is the CPU time the process has used so far, user and system,
// its collector and background goroutines included: unlike wall time it
// hardly moves when other programs load the machine.
func ProcessCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
