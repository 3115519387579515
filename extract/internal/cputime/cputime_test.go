package cputime

import (
	"testing"
	"time"
)

// Work on the CPU shows in Since; the clock never runs backwards.
func TestSinceCountsWork(t *testing.T) {
	elapsed := Since()
	x := 0
	for deadline := time.Now().Add(30 * time.Millisecond); time.Now().Before(deadline); {
		x++
	}
	if d := elapsed(); d <= 0 {
		t.Fatalf("Since after 30 ms of work = %v (x=%d); want > 0", d, x)
	}
}
