package main

import (
	"flag"
	"io"
	"log/slog"
	"math"
	"os"
	"runtime/debug"
	"testing"
)

// The server's collector flags reach the runtime: the percent as given,
// the limit derived from the caches by default (--mem-limit-mb -1), none
// at 0.
func TestGCFlagsApply(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("$GOGC or $GOMEMLIMIT set: the flags leave the runtime to them")
	}
	oldPercent, oldLimit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(oldPercent); debug.SetMemoryLimit(oldLimit) })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	tests := []struct {
		args        []string
		cache, read int
		percent     int
		limitMB     int64 // -1: no limit
	}{
		{nil, 64, 32, defaultServeGCPercent, int64(2 * (serveFixedHeapMB + 64 + 32))},
		{[]string{"--gc-percent", "250"}, 128, -1, 250, int64(2 * (serveFixedHeapMB + 128))},
		{[]string{"--mem-limit-mb", "900"}, 64, 32, defaultServeGCPercent, 900},
		{[]string{"--gc-percent", "100", "--mem-limit-mb", "0"}, 64, 32, 100, -1},
	}
	for _, tt := range tests {
		debug.SetMemoryLimit(math.MaxInt64)
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		g := addGCFlags(fs)
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		g.apply(tt.cache, tt.read, log)
		percent := debug.SetGCPercent(100)
		limit := debug.SetMemoryLimit(math.MaxInt64)
		want := int64(math.MaxInt64)
		if tt.limitMB > 0 {
			want = tt.limitMB << 20
		}
		if percent != tt.percent || limit != want {
			t.Errorf("apply(%v, caches %d+%d): GC percent %d, limit %d; want %d, %d", tt.args, tt.cache, tt.read, percent, limit, tt.percent, want)
		}
	}
}

// Values the runtime would take with a bad result are refused before a
// server starts: a collection on every allocation, the collector off with
// no limit, a limit below -1 that would read as none.
func TestGCFlagsCheck(t *testing.T) {
	if os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("$GOMEMLIMIT set: the collector may be off")
	}
	tests := []struct {
		args []string
		ok   bool
	}{
		{nil, true},
		{[]string{"--gc-percent", "0"}, false},
		{[]string{"--gc-percent", "-5"}, false},
		{[]string{"--gc-percent", "-1"}, true}, // off under the derived limit
		{[]string{"--gc-percent", "-1", "--mem-limit-mb", "0"}, false},
		{[]string{"--mem-limit-mb", "-2"}, false},
		{[]string{"--mem-limit-mb", "0"}, true},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		g := addGCFlags(fs)
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		if err := g.check(); (err == nil) != tt.ok {
			t.Errorf("check(%v) = %v; want ok %v", tt.args, err, tt.ok)
		}
	}
}
