package graph_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// newsLikeStore stores n generated articles shaped like news: six actors
// each, drawn with a Zipf law from 200 states and 5,000 other actors (a few
// hubs, a long tail), and eight relations among them.
func newsLikeStore(tb testing.TB, n int) *graph.Store {
	st := mustOpenDir(tb, tb.TempDir())
	tb.Cleanup(func() { st.Close() })
	rng := rand.New(rand.NewPCG(7, 11))
	zipf := rand.NewZipf(rng, 1.2, 1, 5199)
	ctx := context.Background()
	for i := range n {
		a := &newsgraph.Article{ID: fmt.Sprint("g", i), Title: "generated", PublishedAt: fmt.Sprintf("2022-%02d-%02d", i%12+1, i%28+1)}
		ex := &newsgraph.Extraction{}
		seen := map[uint64]bool{}
		for len(ex.Entities) < 6 {
			k := zipf.Uint64()
			if seen[k] {
				continue
			}
			seen[k] = true
			id, name, typ := fmt.Sprintf("person:p%d", k), fmt.Sprintf("Actor P%d", k), newsgraph.Person
			if k < 200 {
				id, name, typ = fmt.Sprintf("agency:s%d", k), fmt.Sprintf("Body S%d", k), newsgraph.Agency
			}
			start := len(a.Text)
			a.Text += name + " spoke. "
			ex.Entities = append(ex.Entities, newsgraph.Entity{ID: id, Name: name, Type: typ,
				Mentions: []newsgraph.Mention{{Start: start, End: start + len(name), Text: name}}})
		}
		for range 8 {
			s, o := ex.Entities[rng.IntN(6)], ex.Entities[rng.IntN(6)]
			if s.ID == o.ID {
				continue
			}
			ex.Relations = append(ex.Relations, newsgraph.Relation{Subject: s.ID, Predicate: "met", Lemma: "meet", Object: o.ID,
				Evidence: newsgraph.Evidence{Sentence: a.Text[:len(s.Name)+7], Start: 0, End: len(s.Name) + 7, Confidence: 0.5}})
		}
		if _, err := st.Ingest(ctx, a, ex); err != nil {
			tb.Fatal(err)
		}
	}
	return st
}

// BenchmarkAnalytics10k computes the analytics of a 10,000-article graph:
// cold (each run after an ingest, so nothing is cached) beside warm (the
// cached result of the same version), in the same run.
func BenchmarkAnalytics10k(b *testing.B) {
	st := newsLikeStore(b, 10000)
	ctx := context.Background()
	a, err := st.Analytics(ctx, graph.Window{})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("graph: %d actors with edges, %d communities", len(a.Centrality), len(a.Communities))
	// cold runs compute after an ingest each time, so nothing is cached.
	cold := func(name string, compute func() error) {
		b.Run(name, func(b *testing.B) {
			for i := range b.N {
				b.StopTimer()
				addEdges(b, st, "2023-01-01", fmt.Sprintf("%s%d %s%dx", name, i, name, i))
				b.StartTimer()
				if err := compute(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	cold("cold", func() error { _, err := st.Analytics(ctx, graph.Window{}); return err })
	cold("betweenness-cold", func() error { _, err := st.Betweenness(ctx, graph.Window{}); return err })
	b.Run("warm", func(b *testing.B) {
		if _, err := st.Analytics(ctx, graph.Window{}); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for range b.N {
			if _, err := st.Analytics(ctx, graph.Window{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("window-cold", func(b *testing.B) {
		for i := range b.N {
			w := graph.Window{Since: fmt.Sprintf("2022-03-%02d", i%28+1), Until: "2022-06-30"}
			if _, err := st.Analytics(ctx, w); err != nil {
				b.Fatal(err)
			}
		}
	})
}
