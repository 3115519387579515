package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"
)

// Collector pacing for a server. A request's garbage (graphql-go's per-field
// work, decoded records, the answer's buffers) dies within the request, and
// the live heap of a server is mostly its caches: Badger's block cache, the
// read cache of decoded rows, the extractor's models. At Go's default
// (GOGC=100) the collector marks that whole live heap every time the
// garbage equals it; a larger percent marks it less often, and a soft
// memory limit bounds what the larger percent would otherwise let the heap
// grow to. Past the limit the collector works harder; the program never
// fails for it.
const (
	// defaultServeGCPercent is --gc-percent's default.
	defaultServeGCPercent = 400
	// serveFixedHeapMB is what a server's heap holds besides its two caches:
	// the extractor's models (about 66 MiB), Badger's table indexes and
	// filters, the runtime, and the requests in flight.
	serveFixedHeapMB = 160
	// deriveMemLimit is --mem-limit-mb's default: serveMemLimitMB.
	deriveMemLimit = -1
)

// gcFlags are --gc-percent and --mem-limit-mb of the commands that serve.
type gcFlags struct{ percent, limitMB *int }

func addGCFlags(fs *flag.FlagSet) *gcFlags {
	return &gcFlags{
		percent: fs.Int("gc-percent", defaultServeGCPercent, "Go collector target while serving, as GOGC (100: Go's default; $GOGC wins)"),
		limitMB: fs.Int("mem-limit-mb", deriveMemLimit, "soft limit of the Go heap in MiB (-1: twice 160 MiB plus --cache-mb and --read-cache-mb; 0: none, as for ingest; $GOMEMLIMIT wins)"),
	}
}

// check refuses values the runtime would take silently with a bad result:
// a percent of 0 (a collection on every allocation) or below -1, a limit
// below -1 (read as no limit), and the collector off (-1) with no limit,
// which lets the heap grow until the machine runs out.
func (g *gcFlags) check() error {
	switch p, mb := *g.percent, *g.limitMB; {
	case p == 0 || p < -1:
		return fmt.Errorf("--gc-percent %d: want a positive percent, or -1 (off) with a memory limit", p)
	case mb < deriveMemLimit:
		return fmt.Errorf("--mem-limit-mb %d: want MiB, 0 (none) or -1 (derived from the caches)", mb)
	case p == -1 && mb == 0 && os.Getenv("GOMEMLIMIT") == "":
		return fmt.Errorf("--gc-percent -1 turns the collector off: it needs a memory limit (--mem-limit-mb not 0)")
	}
	return nil
}

// serveMemLimitMB is the soft memory limit derived from the caches: twice
// what the heap holds live with the caches full and the fixed part, which
// is where Go's default would start a collection. So the collector runs no
// more often than at Go's default while the heap holds no more than that,
// and at a larger percent less often, by as much as the heap holds less.
func serveMemLimitMB(cacheMB, readCacheMB int) int {
	return 2 * (serveFixedHeapMB + max(cacheMB, 0) + max(readCacheMB, 0))
}

// apply sets the collector's percent and soft limit for a server whose
// caches are cacheMB and readCacheMB, each unless its environment variable
// ($GOGC, $GOMEMLIMIT) set it already, and logs what the process runs with.
func (g *gcFlags) apply(cacheMB, readCacheMB int, log *slog.Logger) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(*g.percent)
	}
	mb := *g.limitMB
	if mb == deriveMemLimit {
		mb = serveMemLimitMB(cacheMB, readCacheMB)
	}
	if os.Getenv("GOMEMLIMIT") == "" && mb > 0 {
		debug.SetMemoryLimit(int64(mb) << 20)
	}
	percent := debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	log.Debug("go collector", "gc_percent", percent, "mem_limit_bytes", debug.SetMemoryLimit(-1))
}
