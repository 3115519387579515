//go:build !unix

package gql_test

import "time"

// processCPU is unknown here: the benchmarks report 0 CPU µs/op.
func processCPU() time.Duration { return 0 }
