package gql_test

import (
	"testing"
)

// TestAnalyticsThroughGraphQL reads centrality, communities and the
// PageRank order over the news fixture, where Russia is the hub: every
// other actor but Reuters and Zelenskyy's meeting is one hop from it.
func TestAnalyticsThroughGraphQL(t *testing.T) {
	h := newsHandler(t)
	var out struct {
		Entities struct {
			Edges []struct {
				Node struct {
					ID         string
					Centrality struct {
						Degree         int
						WeightedDegree int
						PageRank       float64
						Betweenness    float64
					}
					Community *int
				}
			}
		}
		Communities []struct {
			ID      int
			Size    int
			Members []struct{ ID string }
		}
		Loner struct {
			Centrality struct{ Degree int }
			Community  *int
		}
		Early struct{ Centrality struct{ Degree int } }
	}
	run(t, h, `{
		entities(orderBy: PAGERANK, first: 3) { edges { node { id centrality { degree weightedDegree pageRank betweenness } community } } }
		communities(first: 10) { id size members(first: 100) { id } }
		loner: entity(id: "place:sao-paulo") { centrality { degree } community }
		early: entity(id: "state:ru") { centrality(until: "2022-03-10") { degree } }
	}`, &out)
	top := out.Entities.Edges[0].Node
	if top.ID != "state:ru" || top.Centrality.Degree != 5 || top.Centrality.WeightedDegree != 6 || top.Community == nil {
		t.Errorf("top by PageRank = %+v; want Russia, degree 5 (weight 6: two praises), in a community", top)
	}
	for _, e := range out.Entities.Edges[1:] {
		if e.Node.Centrality.PageRank > top.Centrality.PageRank {
			t.Errorf("%s ranks above Russia", e.Node.ID)
		}
	}
	members := 0
	for i, c := range out.Communities {
		if c.ID != i || c.Size != len(c.Members) || i > 0 && c.Size > out.Communities[i-1].Size {
			t.Errorf("community %d = %+v; want numbered largest first, size = members", i, c)
		}
		members += c.Size
	}
	// Nine actors; São Paulo has no edge.
	if members != 8 {
		t.Errorf("communities hold %d actors; want the 8 with edges", members)
	}
	if out.Loner.Centrality.Degree != 0 || out.Loner.Community != nil {
		t.Errorf("São Paulo = %+v; want degree 0 and no community", out.Loner)
	}
	// Before 10 March Russia had invaded Ukraine and been condemned by NATO.
	if out.Early.Centrality.Degree != 2 {
		t.Errorf("Russia's degree until 2022-03-10 = %d; want 2", out.Early.Centrality.Degree)
	}
}
