//go:build !unix

package extract

import (
	"testing"
	"time"
)

// cpuTime falls back to wall time where getrusage is missing.
func cpuTime(b *testing.B) func() time.Duration {
	start := time.Now()
	return func() time.Duration { return time.Since(start) }
}
