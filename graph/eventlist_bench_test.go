package graph_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// BenchmarkEventTotalCount compares, on a store of 1,000 events, the
// totalCount of an event list read from the counts (Events, with a page of
// one) with format 3's way, reading every event of the actor, predicate or
// store and checking it against the filter (scan).
func BenchmarkEventTotalCount(b *testing.B) {
	st, stored := eventStore(b, 50, 20)
	if len(stored) != 1000 {
		b.Fatalf("%d events; want 1000", len(stored))
	}
	ctx := context.Background()
	for _, c := range []struct {
		name string
		f    graph.EventFilter
	}{
		{"all", graph.EventFilter{}},
		{"actor", graph.EventFilter{Subject: "person:putin"}},
		{"actor-kind", graph.EventFilter{Subject: "person:putin", Kind: newsgraph.Statement}},
		{"predicate-window", graph.EventFilter{Predicate: "sign decree", Window: graph.Window{Since: "2024-03-03", Until: "2024-03-06"}}},
	} {
		want, err := graph.ScanCountEvents(st, c.f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name+"/scan", func(b *testing.B) {
			for b.Loop() {
				if n, err := graph.ScanCountEvents(st, c.f); err != nil || n != want {
					b.Fatalf("ScanCountEvents = %d, %v; want %d", n, err, want)
				}
			}
		})
		b.Run(c.name+"/counts", func(b *testing.B) {
			for b.Loop() {
				p, err := st.Events(ctx, c.f, graph.PageArgs{First: 1})
				if err != nil || p.TotalCount != want {
					b.Fatalf("Events totalCount = %v, %v; want %d", p, err, want)
				}
			}
		})
	}
}

// BenchmarkIngestEvents stores articles of 12 events each (three actors,
// no relations) into an on-disk store: what an event's index rows and
// counts cost at ingest.
func BenchmarkIngestEvents(b *testing.B) {
	ctx := context.Background()
	st := mustOpenDir(b, b.TempDir())
	defer st.Close()
	r := rand.New(rand.NewPCG(3, 4))
	type job struct {
		a  *newsgraph.Article
		ex *newsgraph.Extraction
	}
	jobs := make([]job, b.N)
	for i := range jobs {
		a, ex := randomEvents(r, fmt.Sprint("ev-", i), fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28), 12)
		jobs[i] = job{a, ex}
	}
	b.ResetTimer()
	for _, j := range jobs {
		if _, err := st.Ingest(ctx, j.a, j.ex); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
