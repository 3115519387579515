package graph_test

import (
	"context"
	"fmt"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// BenchmarkIngest stores distinct generated articles of about 10 actors and
// 10 relations each into an on-disk store.
func BenchmarkIngest(b *testing.B) {
	ctx := context.Background()
	st := mustOpenDir(b, b.TempDir())
	defer st.Close()
	var x capsExtractor
	type job struct {
		a  *newsgraph.Article
		ex *newsgraph.Extraction
	}
	jobs := make([]job, b.N)
	for i := range jobs {
		text := ""
		for j := range 5 {
			text += fmt.Sprintf("Minister %s met Envoy %s in Russia. ", word(i%50+j), word(i+j))
		}
		a := &newsgraph.Article{ID: fmt.Sprint("bench-", i), Title: "bench", Text: text, PublishedAt: "2020-01-02"}
		ex, _ := x.Extract(ctx, a)
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

// BenchmarkEntityByName looks actors up by alias in a store of 300 articles.
func BenchmarkEntityByName(b *testing.B) {
	ctx := context.Background()
	st := MustOpenStore(b)
	corpus(b, st, 0, 300)
	names := []string{"minister qa", "ENVOY QB", "Russia", "Trade Council", "Envoy Qkz"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := st.EntityByName(ctx, names[i%len(names)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
}

// BenchmarkEntitiesPage pages the 20 most mentioned actors of one type.
func BenchmarkEntitiesPage(b *testing.B) {
	ctx := context.Background()
	st := MustOpenStore(b)
	corpus(b, st, 0, 300)
	for b.Loop() {
		if _, err := st.Entities(ctx, graph.EntityFilter{Type: newsgraph.Person}, graph.PageArgs{First: 20}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// hub stores n articles of 20 sentences each around Russia: it meets,
// sanctions (one sentence in ten) or is visited by a distinct envoy, so the
// hub has 20n edges in both directions and few of them match a predicate.
func hub(tb testing.TB, st *graph.Store, n int) {
	tb.Helper()
	ctx := context.Background()
	for i := range n {
		text := ""
		for j := range 20 {
			e := word(i*20 + j)
			switch {
			case j%10 == 0:
				text += fmt.Sprintf("Russia sanctioned Envoy %s. ", e)
			case j%2 == 0:
				text += fmt.Sprintf("Envoy %s visited Russia. ", e)
			default:
				text += fmt.Sprintf("Russia met Envoy %s. ", e)
			}
		}
		a := &newsgraph.Article{ID: fmt.Sprint("hub-", i), Title: "hub", Text: text, PublishedAt: "2020-01-02"}
		ex, err := capsExtractor{}.Extract(ctx, a)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := st.Ingest(ctx, a, ex); err != nil {
			tb.Fatalf("Ingest(%s) = %v", a.ID, err)
		}
	}
}

// BenchmarkRelationsFiltered pages the first 20 of a hub's 4000 edges that
// match a predicate, 400 of them, in both directions, with the total count.
func BenchmarkRelationsFiltered(b *testing.B) { benchRelationsFiltered(b, false) }

// BenchmarkRelationsFilteredNoCount is BenchmarkRelationsFiltered for a
// client that does not ask for the total count.
func BenchmarkRelationsFilteredNoCount(b *testing.B) { benchRelationsFiltered(b, true) }

func benchRelationsFiltered(b *testing.B, noCount bool) {
	ctx := context.Background()
	st := MustOpenStore(b)
	hub(b, st, 200)
	f := graph.RelationFilter{Predicate: "sanctioned"}
	p := graph.PageArgs{First: 20, NoCount: noCount}
	pg, err := st.RelationsOf(ctx, "state:ru", graph.Both, f, graph.PageArgs{First: 20})
	if err != nil || pg.TotalCount != 400 || len(pg.Edges) != 20 {
		b.Fatalf("RelationsOf(state:ru, sanctioned) = %d of %d edges, %v; want 20 of 400", len(pg.Edges), pg.TotalCount, err)
	}
	for b.Loop() {
		if _, err := st.RelationsOf(ctx, "state:ru", graph.Both, f, p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
