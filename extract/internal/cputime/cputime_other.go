//go:build !unix

package cputime

import "time"

// process is not measured where getrusage is missing.
func process() (time.Duration, bool) { return 0, false }
