package main

import (
	"context"
	"testing"

	"newsgraph/graph"
)

// BenchmarkIngestSeeds stores the extractions of the 172 seed articles
// into a new on-disk store per iteration: what name lookups, joins and
// merges cost on real news, without the extractor. cpu-ms/op is the
// process's CPU time (Badger's compactions included), which a loaded
// machine disturbs less than ns/op.
func BenchmarkIngestSeeds(b *testing.B) {
	arts := extractSeeds(b)
	ctx := context.Background()
	b.ResetTimer()
	cpu := processCPU()
	for range b.N {
		st, err := graph.Open(b.TempDir(), graph.DefaultOptions().WithLogger(nil))
		if err != nil {
			b.Fatal(err)
		}
		for _, x := range arts {
			a := *x.a
			if _, err := st.Ingest(ctx, &a, x.ex); err != nil {
				b.Fatalf("Ingest(%s) = %v", a.ID, err)
			}
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64((processCPU()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
}
