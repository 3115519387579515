package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// MaxBetweennessNodes bounds the actors betweenness is computed over:
// gonum's exact algorithm (Brandes) takes time proportional to actors times
// edges: minutes on a graph of 10,000 articles, still 14 s over its 1,000
// main hubs (BenchmarkAnalytics10k). Over it, betweenness is
// that of the graph of the MaxBetweennessNodes actors with the highest
// weighted degree (the hubs, where shortest paths run), and zero for the
// others.
const MaxBetweennessNodes = 500

// betweennessKey is the derivedCache key of the betweenness of a window.
type betweennessKey struct{ w Window }

// Betweenness returns, by entity id, the number of shortest paths between
// other actors through each actor (unweighted, undirected, each pair once),
// over the graph inside w, bounded as MaxBetweennessNodes says. It is
// computed once per store version and window, apart from the other
// analytics, and waited for until ctx ends.
func (s *Store) Betweenness(ctx context.Context, w Window) (map[string]float64, error) {
	bc, err := background(ctx, s, betweennessKey{w}, w, (*weightedGraph).betweenness)
	if err != nil {
		return nil, fmt.Errorf("graph.Betweenness: %w", err)
	}
	return bc, nil
}

func (g *weightedGraph) betweenness() map[string]float64 {
	keep := g.hubs(MaxBetweennessNodes)
	und := simple.NewUndirectedGraph()
	for pair := range g.weight {
		if keep[pair[0]] && keep[pair[1]] {
			und.SetEdge(und.NewEdge(simple.Node(int64(pair[0])), simple.Node(int64(pair[1]))))
		}
	}
	out := map[string]float64{}
	for uid, b := range network.Betweenness(und) {
		// gonum counts each undirected pair from both ends.
		out[g.ids[uint64(uid)]] = b / 2
	}
	return out
}

// hubs returns the n actors of highest weighted degree (ties by uid).
func (g *weightedGraph) hubs(n int) map[uint64]bool {
	type hub struct {
		uid    uint64
		weight int
	}
	all := make([]hub, 0, len(g.nbrs))
	for uid, nb := range g.nbrs {
		h := hub{uid: uid}
		for _, w := range nb {
			h.weight += w
		}
		all = append(all, h)
	}
	slices.SortFunc(all, func(a, b hub) int { return cmp.Or(cmp.Compare(b.weight, a.weight), cmp.Compare(a.uid, b.uid)) })
	keep := map[uint64]bool{}
	for _, h := range all[:min(n, len(all))] {
		keep[h.uid] = true
	}
	return keep
}
