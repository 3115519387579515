package main

import (
	"context"
	"io"
	"log/slog"
	"runtime"
	"strings"
	"testing"

	"newsgraph/graph"
	"newsgraph/graph/export"
)

// heapMidExport exports the whole graph of the store in dir in format f
// in this process and, halfway through the output, collects garbage and
// splits the live heap by who allocated it: Badger (and its cache library
// ristretto) or the rest of the program, the export included. It returns
// both in MB, and the bytes written.
func heapMidExport(b *testing.B, dir, f string, halfway int64) (badgerMB, restMB float64, n int64) {
	st, err := graph.Open(dir, graph.DefaultOptions().WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	format, err := export.Lookup(f)
	if err != nil {
		b.Fatal(err)
	}
	g, err := export.Open(context.Background(), st, export.Options{})
	if err != nil {
		b.Fatal(err)
	}
	old := runtime.MemProfileRate
	runtime.MemProfileRate = 4 << 10
	defer func() { runtime.MemProfileRate = old }()
	w := &snapshotWriter{at: halfway, snap: func() { badgerMB, restMB = liveHeapByOwner() }}
	if err := format.Write(w, g); err != nil {
		b.Fatal(err)
	}
	return badgerMB, restMB, w.n
}

// snapshotWriter discards what it is given and calls snap once, when the
// bytes written pass at.
type snapshotWriter struct {
	n, at int64
	snap  func()
	done  bool
}

func (s *snapshotWriter) Write(p []byte) (int, error) {
	s.n += int64(len(p))
	if !s.done && s.n >= s.at {
		s.done = true
		s.snap()
	}
	return len(p), nil
}

var _ io.Writer = (*snapshotWriter)(nil)

// liveHeapByOwner sums the sampled live heap by whether a Badger or
// ristretto function is on the allocating stack.
func liveHeapByOwner() (badgerMB, restMB float64) {
	runtime.GC()
	runtime.GC() // the profile shows the heap as of the last completed cycle
	var recs []runtime.MemProfileRecord
	n, _ := runtime.MemProfile(nil, false)
	for {
		recs = make([]runtime.MemProfileRecord, n+50)
		var ok bool
		if n, ok = runtime.MemProfile(recs, false); ok {
			recs = recs[:n]
			break
		}
	}
	for _, r := range recs {
		frames := runtime.CallersFrames(r.Stack())
		byBadger := false
		for {
			fr, more := frames.Next()
			if strings.Contains(fr.Function, "dgraph-io/") {
				byBadger = true
				break
			}
			if !more {
				break
			}
		}
		mb := float64(r.InUseBytes()) / (1 << 20)
		if byBadger {
			badgerMB += mb
		} else {
			restMB += mb
		}
	}
	return badgerMB, restMB
}
