package main

import (
	"context"
	"fmt"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"testing"

	"newsgraph"
	"newsgraph/extract"
	"newsgraph/graph"
)

// extracted is one seed article with the extraction of it.
type extracted struct {
	a  *newsgraph.Article
	ex *newsgraph.Extraction
}

// extractSeeds reads every embedded seed article once with the current
// extractor, so that each ingest order stores the same extractions.
func extractSeeds(t *testing.T) []extracted {
	t.Helper()
	seeds, err := newsgraph.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	out := make([]extracted, len(seeds))
	for i, a := range seeds {
		ex, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatalf("Extract(%s) = %v", a.ID, err)
		}
		out[i] = extracted{a, ex}
	}
	return out
}

// storeView is what a store says of its actors and edges, by public id.
type storeView struct {
	stats graph.Stats
	// entities and relations map each public id to a line of what the store
	// holds under it.
	entities, relations map[string]string
}

// viewOf ingests arts in their order into a new store and reads it back.
func viewOf(t *testing.T, arts []extracted) storeView {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(t.TempDir(), graph.DefaultOptions().WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, x := range arts {
		a := *x.a
		if _, err := st.Ingest(ctx, &a, x.ex); err != nil {
			t.Fatalf("Ingest(%s) = %v", a.ID, err)
		}
	}
	v := storeView{entities: map[string]string{}, relations: map[string]string{}}
	if v.stats, err = st.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	for p := (graph.PageArgs{First: graph.MaxPageSize}); ; {
		page, err := st.Entities(ctx, graph.EntityFilter{}, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Edges {
			n := e.Node
			v.entities[n.ID] = fmt.Sprintf("%s %s %q country=%s mentions=%d articles=%d aliases=%q",
				n.Type, n.Sector, n.Name, n.Country, n.MentionCount, n.ArticleCount, n.Aliases)
		}
		if !page.HasNextPage {
			break
		}
		p.After = page.EndCursor
	}
	for p := (graph.PageArgs{First: graph.MaxPageSize}); ; {
		page, err := st.Relations(ctx, graph.RelationFilter{}, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Edges {
			r := e.Node
			v.relations[r.ID] = fmt.Sprintf("%s -%s/%s-> %s weight=%d articles=%d kind=%s",
				r.Subject, r.Lemma, r.Predicate, r.Object, r.Weight, r.ArticleCount, r.Kind)
		}
		if !page.HasNextPage {
			break
		}
		p.After = page.EndCursor
	}
	return v
}

// idDiff lists the ids one map has and the other lacks, and the ids both
// have with different lines.
func idDiff(got, want map[string]string) []string {
	var out []string
	for id, w := range want {
		switch g, ok := got[id]; {
		case !ok:
			out = append(out, "missing "+id+": "+w)
		case g != w:
			out = append(out, fmt.Sprintf("%s: %s; want %s", id, g, w))
		}
	}
	for id, g := range got {
		if _, ok := want[id]; !ok {
			out = append(out, "extra "+id+": "+g)
		}
	}
	sort.Strings(out)
	return out
}

// TestIngestOrderIndependent ingests the same extractions of every seed
// article in three orders (as listed, reversed, shuffled with a fixed seed)
// and wants the same store from each: the same counts, every actor under
// the same id with the same type, name, country, aliases and counts, and
// every edge under the same id between the same ends. An actor's id used to
// be the one the first article that named it gave ("agency:congress" in one
// order, "agency:us:congress" in another), and edge ids follow their ends'.
func TestIngestOrderIndependent(t *testing.T) {
	arts := extractSeeds(t)
	if len(arts) < 100 {
		t.Fatalf("only %d seed articles", len(arts))
	}
	shuffled := slices.Clone(arts)
	rand.New(rand.NewSource(7)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	reversed := slices.Clone(arts)
	slices.Reverse(reversed)

	want := viewOf(t, arts)
	if want.stats.Entities < 1000 || want.stats.Relations < 500 {
		t.Fatalf("stats %+v: the seeds give less than the test needs", want.stats)
	}
	for _, o := range []struct {
		name string
		arts []extracted
	}{{"reversed", reversed}, {"shuffled", shuffled}} {
		got := viewOf(t, o.arts)
		if got.stats != want.stats {
			t.Errorf("%s: stats %+v; want %+v as in stored order", o.name, got.stats, want.stats)
		}
		t.Logf("%s: %d of %d actor ids and %d of %d edge ids not in stored order's store", o.name,
			onlyIn(got.entities, want.entities), len(got.entities), onlyIn(got.relations, want.relations), len(got.relations))
		ents, rels := idDiff(got.entities, want.entities), idDiff(got.relations, want.relations)
		if len(ents)+len(rels) > 0 {
			t.Errorf("%s: %d actors and %d edges differ from stored order:\n%s", o.name, len(ents), len(rels),
				strings.Join(append(head(ents, 15), head(rels, 10)...), "\n"))
		}
	}
}

// onlyIn counts the ids of got that want lacks.
func onlyIn(got, want map[string]string) int {
	n := 0
	for id := range got {
		if _, ok := want[id]; !ok {
			n++
		}
	}
	return n
}

func head(xs []string, n int) []string { return xs[:min(n, len(xs))] }
