package graph_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// TestReadsHonourContext: every read stops on a cancelled context, and the
// long ones (scans around a hub, name searches, walks) stop part way when
// the context ends while they run, which is what lets the GraphQL
// handler's per-request timeout cut a query off.
//
// The store has no read cache: a read the cache answers does not scan, so
// the second, cancelled run of a long read would find nothing to cut off.
func TestReadsHonourContext(t *testing.T) {
	st, err := graph.Open("", graph.DefaultOptions().WithInMemory(true).WithLogger(nil).WithReadCacheMB(-1))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const spokes = 300 // more than the 256 rows between two checks of ctx
	for i := range spokes {
		name := fmt.Sprintf("Spoke%03d", i)
		newFixture(fmt.Sprintf("a%d", i), "2020-01-01", "Hub Agency met "+name+".").
			ent("agency:hub", "Hub Agency", newsgraph.Agency).
			ent(fmt.Sprintf("person:spoke%03d", i), name, newsgraph.Person).
			rel("agency:hub", "met", "meet", fmt.Sprintf("person:spoke%03d", i), 0.5).
			ingest(t, st)
	}
	p := graph.PageArgs{First: 5}
	reads := map[string]func(ctx context.Context) error{
		"Entity":       func(ctx context.Context) error { _, err := st.Entity(ctx, "agency:hub"); return err },
		"EntityByName": func(ctx context.Context) error { _, err := st.EntityByName(ctx, "hub agency"); return err },
		"Entities":     func(ctx context.Context) error { _, err := st.Entities(ctx, graph.EntityFilter{}, p); return err },
		"Relations":    func(ctx context.Context) error { _, err := st.Relations(ctx, graph.RelationFilter{}, p); return err },
		"RelationsOf": func(ctx context.Context) error {
			_, err := st.RelationsOf(ctx, "agency:hub", graph.Both, graph.RelationFilter{}, p)
			return err
		},
		"Articles":       func(ctx context.Context) error { _, err := st.Articles(ctx, p); return err },
		"Article":        func(ctx context.Context) error { _, err := st.Article(ctx, "a1"); return err },
		"ArticleEnts":    func(ctx context.Context) error { _, err := st.ArticleEntities(ctx, "a1"); return err },
		"EntityArticles": func(ctx context.Context) error { _, err := st.EntityArticles(ctx, "agency:hub", 5); return err },
		"Stats":          func(ctx context.Context) error { _, err := st.Stats(ctx); return err },
	}
	long := map[string]func(ctx context.Context) error{
		"Entities(search)": func(ctx context.Context) error {
			_, err := st.Entities(ctx, graph.EntityFilter{Search: "spoke"}, p)
			return err
		},
		"Neighbors": func(ctx context.Context) error {
			_, err := st.Neighbors(ctx, "agency:hub", graph.Both, "", 5)
			return err
		},
		// The hub's edges are read heaviest first, then oldest: the last
		// spoke is found after all of them.
		"Path": func(ctx context.Context) error {
			_, err := st.Path(ctx, "person:spoke000", "person:spoke299", 2)
			return err
		},
		"Subgraph": func(ctx context.Context) error {
			_, err := st.Subgraph(ctx, []string{"agency:hub"}, 1, 500)
			return err
		},
	}
	for name, read := range reads {
		if err := read(context.Background()); err != nil {
			t.Fatalf("%s(background) = %v", name, err)
		}
		if err := read(cancelled()); !errors.Is(err, context.Canceled) {
			t.Errorf("%s(cancelled ctx) = %v; want context.Canceled", name, err)
		}
	}
	for name, read := range long {
		if err := read(context.Background()); err != nil {
			t.Fatalf("%s(background) = %v", name, err)
		}
		// The first check (before the transaction) passes; the next, in
		// the scan, finds the context ended.
		if err := read(&cancelAfter{Context: context.Background(), n: 1}); !errors.Is(err, context.Canceled) {
			t.Errorf("%s(ctx ending mid-scan) = %v; want context.Canceled", name, err)
		}
	}
}
