package graph_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// edgesStore stores one article per edge "a b" of edges, dated date, each
// actor a person named after its id.
func edgesStore(t *testing.T, date string, edges ...string) *graph.Store {
	st := MustOpenStore(t)
	addEdges(t, st, date, edges...)
	return st
}

func addEdges(t testing.TB, st *graph.Store, date string, edges ...string) {
	t.Helper()
	for i, e := range edges {
		a, b, _ := strings.Cut(e, " ")
		name := func(id string) string { return "Actor " + strings.ToUpper(id) }
		f := newFixture(fmt.Sprintf("%s-%d-%s-%s", date, i, a, b), date, name(a)+" met "+name(b)+".")
		f.ent("person:"+a, name(a), newsgraph.Person).ent("person:"+b, name(b), newsgraph.Person).
			rel("person:"+a, "met", "meet", "person:"+b, 0.9).ingest(t, st)
	}
}

func TestStarCentreIsMostCentral(t *testing.T) {
	// Edges point both ways into and out of the centre: direction must not
	// matter.
	st := edgesStore(t, "2022-01-01", "hub l1", "l2 hub", "hub l3", "l4 hub", "hub l5", "l1 l2")
	a, err := st.Analytics(context.Background(), graph.Window{})
	if err != nil {
		t.Fatal(err)
	}
	hub := a.Centrality["person:hub"]
	bc, err := st.Betweenness(context.Background(), graph.Window{})
	if err != nil {
		t.Fatal(err)
	}
	for id, c := range a.Centrality {
		if id != "person:hub" && c.PageRank >= hub.PageRank {
			t.Errorf("PageRank(%s) = %g >= the centre's %g", id, c.PageRank, hub.PageRank)
		}
	}
	// Ten pairs of leaves, all joined only through the hub but l1-l2.
	if hub.Degree != 5 || hub.WeightedDegree != 5 || bc["person:hub"] != 9 {
		t.Errorf("centre = %+v, betweenness %g; want degree 5, weighted 5, betweenness 9", hub, bc["person:hub"])
	}
	if l1 := a.Centrality["person:l1"]; l1.Degree != 2 || bc["person:l1"] != 0 {
		t.Errorf("leaf l1 = %+v, betweenness %g; want degree 2, betweenness 0", l1, bc["person:l1"])
	}
	sum := 0.0
	for _, c := range a.Centrality {
		sum += c.PageRank
	}
	if sum < 0.999 || sum > 1.001 {
		t.Errorf("PageRanks sum to %g; want 1", sum)
	}
	p, err := st.Entities(context.Background(), graph.EntityFilter{Order: graph.ByPageRank}, graph.PageArgs{First: 2})
	if err != nil || len(p.Edges) != 2 || p.Edges[0].Node.ID != "person:hub" || p.TotalCount != 6 {
		t.Fatalf("Entities(by PageRank, first 2) = %+v, %v; want the hub first of 6", p, err)
	}
	next, err := st.Entities(context.Background(), graph.EntityFilter{Order: graph.ByDegree}, graph.PageArgs{First: 10, After: p.EndCursor})
	if err != nil || len(next.Edges) == 0 {
		t.Fatalf("Entities(by degree, after) = %+v, %v", next, err)
	}
}

func TestTwoCliquesAreTwoCommunities(t *testing.T) {
	clique := func(ids ...string) []string {
		var out []string
		for i, a := range ids {
			for _, b := range ids[i+1:] {
				out = append(out, a+" "+b)
			}
		}
		return out
	}
	edges := append(clique("a1", "a2", "a3", "a4"), clique("b1", "b2", "b3", "b4")...)
	st := edgesStore(t, "2022-01-01", append(edges, "a1 b1")...)
	a, err := st.Analytics(context.Background(), graph.Window{})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, c := range a.Communities {
		c = slices.Clone(c)
		slices.Sort(c)
		got = append(got, c)
	}
	slices.SortFunc(got, func(x, y []string) int { return strings.Compare(x[0], y[0]) })
	want := [][]string{
		{"person:a1", "person:a2", "person:a3", "person:a4"},
		{"person:b1", "person:b2", "person:b3", "person:b4"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("communities = %q; want %q", got, want)
	}
	if a.Community["person:a2"] == a.Community["person:b2"] || a.Community["person:a2"] != a.Community["person:a1"] {
		t.Errorf("community numbers = %v", a.Community)
	}
	// The bridge ends carry every path between the cliques.
	bc, err := st.Betweenness(context.Background(), graph.Window{})
	if err != nil {
		t.Fatal(err)
	}
	if bc["person:a1"] <= bc["person:a2"] {
		t.Errorf("betweenness of bridge end a1 = %g, of a2 = %g; want a1 higher", bc["person:a1"], bc["person:a2"])
	}
}

func TestAnalyticsFollowVersionsAndWindows(t *testing.T) {
	st := edgesStore(t, "2022-01-01", "x y")
	ctx := context.Background()
	before, err := st.Analytics(ctx, graph.Window{})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := st.Analytics(ctx, graph.Window{})
	if before != again {
		t.Errorf("two reads of one version computed twice; want the cached analytics")
	}
	addEdges(t, st, "2022-02-01", "y z", "z w", "y w")
	after, err := st.Analytics(ctx, graph.Window{})
	if err != nil {
		t.Fatal(err)
	}
	if after == before || after.Centrality["person:y"].Degree != 3 {
		t.Errorf("after an ingest: y = %+v; want degree 3 from new analytics", after.Centrality["person:y"])
	}
	jan, err := st.Analytics(ctx, graph.Window{Until: "2022-01-31"})
	if err != nil {
		t.Fatal(err)
	}
	if len(jan.Centrality) != 2 || jan.Centrality["person:y"].Degree != 1 {
		t.Errorf("January analytics = %+v; want x and y only", jan.Centrality)
	}
}
