// Package cputime measures the CPU time of the process, for benchmarks on a
// shared machine, where wall time counts other processes' turns. Since is
// the one helper the extractor's and the parser's benchmarks share.
package cputime

import "time"

// Since returns a function giving the process's CPU time (user and system)
// since the call, or wall time where the system does not report CPU time.
func Since() func() time.Duration {
	if _, ok := process(); !ok {
		start := time.Now()
		return func() time.Duration { return time.Since(start) }
	}
	start, _ := process()
	return func() time.Duration {
		now, _ := process()
		return now - start
	}
}
