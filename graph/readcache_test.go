package graph_test

import (
	"context"
	"reflect"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// reads is what the cached reads answer for every actor of a store: the
// actor by id and by name, its neighbours both ways and out only, a
// subgraph around it, and a path from the first actor to it.
type reads struct {
	Entity, ByName *graph.Entity
	Both, Out      []graph.Neighbor
	Sub            *graph.Subgraph
	Path           []*graph.Relation
}

func readAll(t *testing.T, st *graph.Store) map[string]reads {
	t.Helper()
	ctx := context.Background()
	out := map[string]reads{}
	var first string
	p := graph.PageArgs{First: graph.MaxPageSize}
	for {
		pg, err := st.Entities(ctx, graph.EntityFilter{}, p)
		if err != nil {
			t.Fatalf("Entities = %v", err)
		}
		for _, e := range pg.Edges {
			id := e.Node.ID
			if first == "" {
				first = id
			}
			var r reads
			var errs [6]error
			r.Entity, errs[0] = st.Entity(ctx, id)
			r.ByName, errs[1] = st.EntityByName(ctx, e.Node.Name)
			r.Both, errs[2] = st.Neighbors(ctx, id, graph.Both, "", graph.MaxPageSize)
			r.Out, errs[3] = st.Neighbors(ctx, id, graph.Out, "", 3)
			r.Sub, errs[4] = st.Subgraph(ctx, []string{id}, 2, 30)
			r.Path, errs[5] = st.Path(ctx, first, id, 4)
			for _, err := range errs {
				if err != nil {
					t.Fatalf("reading %s: %v", id, err)
				}
			}
			out[id] = r
		}
		if !pg.HasNextPage {
			return out
		}
		p.After = pg.EndCursor
	}
}

// TestReadCacheFollowsWrites: after each ingest, delete and replace, a
// store with the read cache answers every read as a store without it does,
// though it read (and cached) everything before the write, and reads it
// all twice after (the second time from the cache).
func TestReadCacheFollowsWrites(t *testing.T) {
	x := richExtractor{"v1"}
	arts := seedArticles(t, 0, 12)
	changed := *arts[7]
	changed.Text = arts[7].Text[:len(arts[7].Text)/2] + " Vladimir Putin met Emmanuel Macron in Paris."
	ctx := context.Background()
	steps := []struct {
		name string
		do   func(st *graph.Store)
	}{
		{"ingest 6", func(st *graph.Store) { ingestWith(t, st, x, false, arts[:6]...) }},
		{"ingest 6 more", func(st *graph.Store) { ingestWith(t, st, x, false, arts[6:]...) }},
		{"delete one", func(st *graph.Store) {
			if err := st.DeleteArticle(ctx, arts[2].ID); err != nil {
				t.Fatal(err)
			}
		}},
		{"replace one", func(st *graph.Store) { ingestWith(t, st, x, true, &changed) }},
	}
	cached := openCached(t)
	plain, err := graph.Open("", graph.DefaultOptions().WithInMemory(true).WithLogger(nil).WithReadCacheMB(-1))
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	var prev map[string]reads
	for _, s := range steps {
		s.do(cached)
		s.do(plain)
		want := readAll(t, plain)
		if reflect.DeepEqual(want, prev) {
			t.Fatalf("after %s: the reads did not change; the step tests nothing", s.name)
		}
		prev = want
		for pass := range 2 {
			before := cached.ReadCacheStats()
			got := readAll(t, cached)
			for id, w := range want {
				if g := got[id]; !reflect.DeepEqual(g, w) {
					t.Errorf("after %s, pass %d: reads of %s with the cache = %+v; without = %+v", s.name, pass, id, g, w)
				}
			}
			if len(got) != len(want) {
				t.Errorf("after %s: %d actors with the cache, %d without", s.name, len(got), len(want))
			}
			if after := cached.ReadCacheStats(); pass == 1 && after.Hits == before.Hits {
				t.Errorf("after %s: the second pass read nothing from the cache (%+v)", s.name, after)
			}
		}
	}
	if st := plain.ReadCacheStats(); st.Hits+st.Misses != 0 {
		t.Errorf("ReadCacheStats of a store without cache = %+v; want none", st)
	}
}

// TestReadCacheKeepsSnapshots: a read under a snapshot taken before a write
// still sees the store as it was, though a later read cached the new
// values; and the new values are what reads after the write see.
func TestReadCacheKeepsSnapshots(t *testing.T) {
	x := richExtractor{"v1"}
	arts := seedArticles(t, 0, 10)
	st := openCached(t)
	ingestWith(t, st, x, false, arts[:4]...)
	old, done := st.WithSnapshot(context.Background())
	defer done()
	before := map[string]int{}
	for _, e := range mustEntities(t, old, st) {
		before[e.ID] = e.MentionCount
	}
	ingestWith(t, st, x, false, arts[4:]...)
	var id string
	var now *graph.Entity
	for _, e := range mustEntities(t, context.Background(), st) {
		if n, ok := before[e.ID]; ok && n != e.MentionCount {
			id, now = e.ID, e
			break
		}
	}
	if id == "" {
		t.Fatal("fixture: no actor of the first articles is mentioned by the later ones")
	}
	then, err := st.Entity(old, id)
	if err != nil || then.MentionCount != before[id] {
		t.Fatalf("Entity(%s) under the old snapshot = %v, %v; want %d mentions", id, then, err, before[id])
	}
	again, err := st.Entity(context.Background(), id)
	if err != nil || !reflect.DeepEqual(again, now) {
		t.Fatalf("Entity(%s) after the write = %+v, %v; want %+v", id, again, err, now)
	}
}

func mustEntities(t *testing.T, ctx context.Context, st *graph.Store) []*graph.Entity {
	t.Helper()
	pg, err := st.Entities(ctx, graph.EntityFilter{Type: newsgraph.Person}, graph.PageArgs{First: graph.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	var out []*graph.Entity
	for _, e := range pg.Edges {
		out = append(out, e.Node)
	}
	return out
}

func openCached(t *testing.T) *graph.Store {
	t.Helper()
	st, err := graph.Open("", graph.DefaultOptions().WithInMemory(true).WithLogger(nil).WithReadCacheMB(graph.DefaultReadCacheMB))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
