//go:build race

package graph_test

// raceOn says the tests run under the race detector, where some of the
// slow single-goroutine tests are skipped (they test sizes, not
// concurrency, and take minutes there).
const raceOn = true
