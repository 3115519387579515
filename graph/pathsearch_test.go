package graph_test

import (
	"context"
	"math/rand/v2"
	"testing"

	"newsgraph/graph"
)

// Path's search from both ends finds chains as short as a plain
// breadth-first search from one end does, and they join from to to.
func TestPathIsShortest(t *testing.T) {
	ctx := context.Background()
	st := MustOpenStore(t)
	ingestRandom(t, st, 0, 60, rand.New(rand.NewPCG(5, 6)))
	var ids []string
	adj := map[string][]string{}
	err := pages(st, func(e *graph.Entity) error {
		ids = append(ids, e.ID)
		nbs, err := st.Neighbors(ctx, e.ID, graph.Both, "", graph.MaxPageSize)
		for _, nb := range nbs {
			adj[e.ID] = append(adj[e.ID], nb.Entity.ID)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	bfs := func(from, to string) int {
		dist := map[string]int{from: 0}
		for q := []string{from}; len(q) > 0; q = q[1:] {
			for _, v := range adj[q[0]] {
				if _, ok := dist[v]; !ok {
					dist[v] = dist[q[0]] + 1
					q = append(q, v)
				}
			}
		}
		if d, ok := dist[to]; ok {
			return d
		}
		return -1
	}
	for _, maxHops := range []int{1, 2, 4} {
		for _, from := range ids {
			for _, to := range ids {
				path, err := st.Path(ctx, from, to, maxHops)
				if err != nil {
					t.Fatalf("Path(%s, %s, %d) = %v", from, to, maxHops, err)
				}
				want := bfs(from, to)
				if want > maxHops || want < 0 {
					want = 0
				}
				if len(path) != want {
					t.Fatalf("Path(%s, %s, %d) has %d edges; want %d", from, to, maxHops, len(path), want)
				}
				at := from
				for _, r := range path {
					switch at {
					case r.Subject:
						at = r.Object
					case r.Object:
						at = r.Subject
					default:
						t.Fatalf("Path(%s, %s, %d): edge %s -> %s does not go on from %s", from, to, maxHops, r.Subject, r.Object, at)
					}
				}
				if len(path) > 0 && at != to {
					t.Fatalf("Path(%s, %s, %d) ends at %s", from, to, maxHops, at)
				}
			}
		}
	}
}

// pages calls fn for every actor of st.
func pages(st *graph.Store, fn func(e *graph.Entity) error) error {
	p := graph.PageArgs{First: graph.MaxPageSize}
	for {
		pg, err := st.Entities(context.Background(), graph.EntityFilter{}, p)
		if err != nil {
			return err
		}
		for _, e := range pg.Edges {
			if err := fn(e.Node); err != nil {
				return err
			}
		}
		if !pg.HasNextPage {
			return nil
		}
		p.After = pg.EndCursor
	}
}
