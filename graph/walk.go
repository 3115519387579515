package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/dgraph-io/badger/v4"
)

// Limits on the graph walks, so that one request over a hub like a large
// state stays bounded.
const (
	// MaxHops caps Path's maxHops.
	MaxHops = 6
	// MaxDepth caps Subgraph's depth.
	MaxDepth = 3
	// MaxSubgraphNodes caps Subgraph's limit.
	MaxSubgraphNodes = 500
	// maxWalkNodes bounds the nodes a Path search visits.
	maxWalkNodes = 50000
	// maxAdjacency bounds the edges read around one entity by Neighbors.
	maxAdjacency = 20000
)

// Neighbor is an actor linked to another by one or more edges.
type Neighbor struct {
	Entity *Entity
	// Relations are the edges between the two, heaviest first.
	Relations []*Relation
	// Weight sums the edges' weights.
	Weight int
}

// adjacent calls fn for each edge of uid in direction dir, heaviest first
// (ties by age; Both merges the out- and in-edges into one such order), with
// the edge and the uid at its other end.
func adjacent(ctx context.Context, txn *badger.Txn, uid uint64, dir Direction, fn func(rel, other uint64, weight int) (bool, error)) error {
	var prefixes [][]byte
	switch dir {
	case Out:
		prefixes = [][]byte{outPrefix(uid)}
	case In:
		prefixes = [][]byte{inPrefix(uid)}
	default:
		prefixes = [][]byte{outPrefix(uid), inPrefix(uid)}
	}
	return scanMerged(ctx, txn, prefixes, func(k []byte, it *badger.Item) (bool, error) {
		other, err := itemUID(it)
		if err != nil {
			return false, err
		}
		return fn(rankPosUID(k), other, rankPosCount(k))
	})
}

// Neighbors returns up to first actors linked to the entity id by an edge in
// direction dir (Both when empty) with predicate when given, the most
// heavily linked first. Around very large hubs only the heaviest
// edges are read.
func (s *Store) Neighbors(ctx context.Context, id string, dir Direction, predicate string, first int) ([]Neighbor, error) {
	first = PageArgs{First: first}.size()
	pred := normPredicate(predicate)
	var out []Neighbor
	err := s.view(ctx, func(txn *badger.Txn) error {
		uid, err := entityUID(txn, id)
		if err != nil {
			return err
		}
		type group struct {
			other  uint64
			rels   []*Relation
			weight int
		}
		groups := map[uint64]*group{}
		seen := 0
		err = adjacent(ctx, txn, uid, dir, func(rel, other uint64, _ int) (bool, error) {
			seen++
			r, err := getRelation(txn, rel)
			if err != nil {
				return false, err
			}
			if r.matches(pred) {
				g := groups[other]
				if g == nil {
					g = &group{other: other}
					groups[other] = g
				}
				g.rels = append(g.rels, r.relation())
				g.weight += r.Weight
			}
			return seen < maxAdjacency, nil
		})
		if err != nil {
			return err
		}
		list := make([]*group, 0, len(groups))
		for _, g := range groups {
			list = append(list, g)
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].weight != list[j].weight {
				return list[i].weight > list[j].weight
			}
			return list[i].other < list[j].other
		})
		for _, g := range list[:min(first, len(list))] {
			rec, err := getEntity(txn, g.other)
			if err != nil {
				return err
			}
			sort.SliceStable(g.rels, func(i, j int) bool { return g.rels[i].Weight > g.rels[j].Weight })
			out = append(out, Neighbor{Entity: rec.entity(), Relations: g.rels, Weight: g.weight})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Neighbors %q: %w", id, notFound(err))
	}
	return out, nil
}

// Path returns a shortest chain of edges from the entity from to the entity
// to, following edges in either direction, at most maxHops long (4 when zero
// or less, MaxHops at most). Between two actors on the chain it takes the
// heaviest edge. It returns an empty chain when there is none within reach
// (or from == to), ErrNotFound when either id is unknown.
//
// It is a breadth-first search over the adjacency keys rather than a graph
// library's: it reads only the part of the graph it reaches, in one snapshot.
func (s *Store) Path(ctx context.Context, from, to string, maxHops int) ([]*Relation, error) {
	return s.PathIn(ctx, from, to, maxHops, Window{})
}

// PathIn is Path over the edges with evidence inside w, weighed by it.
func (s *Store) PathIn(ctx context.Context, from, to string, maxHops int, win Window) ([]*Relation, error) {
	if maxHops <= 0 {
		maxHops = 4
	}
	maxHops = min(maxHops, MaxHops)
	var path []*Relation
	err := s.view(ctx, func(txn *badger.Txn) error {
		src, err := entityUID(txn, from)
		if err != nil {
			return err
		}
		dst, err := entityUID(txn, to)
		if err != nil {
			return err
		}
		if src == dst {
			return nil
		}
		weigh, err := s.windowWeigher(ctx, txn, win)
		if err != nil {
			return err
		}
		type step struct {
			prev, rel uint64
			weight    int
		}
		parent := map[uint64]step{src: {}}
		frontier := []uint64{src}
		found := false
		for hop := 0; hop < maxHops && !found && len(frontier) > 0; hop++ {
			// Every edge to a node first reached in this hop is a
			// shortest one; of those, keep the heaviest.
			level := map[uint64]step{}
			var next []uint64
			for _, u := range frontier {
				err := adjacent(ctx, txn, u, Both, func(rel, other uint64, w int) (bool, error) {
					if _, done := parent[other]; done {
						return true, nil
					}
					w, werr := weigh(rel, w)
					if werr != nil || w == 0 {
						return werr == nil, werr
					}
					old, ok := level[other]
					if !ok {
						next = append(next, other)
					}
					if !ok || w > old.weight {
						level[other] = step{u, rel, w}
					}
					return len(parent)+len(level) < maxWalkNodes, nil
				})
				if err != nil {
					return err
				}
			}
			for n, st := range level {
				parent[n] = st
			}
			_, found = level[dst]
			frontier = next
		}
		if !found {
			return nil
		}
		var rels []uint64
		for n := dst; n != src; n = parent[n].prev {
			rels = append(rels, parent[n].rel)
		}
		dates, err := s.articleDates(ctx, txn)
		if err != nil {
			return err
		}
		for i := len(rels) - 1; i >= 0; i-- {
			rec, err := getRelation(txn, rels[i])
			if err != nil {
				return err
			}
			r, err := inWindow(ctx, txn, dates, rec, win)
			if err != nil {
				return err
			}
			path = append(path, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Path %q -> %q: %w", from, to, notFound(err))
	}
	if path == nil {
		path = []*Relation{}
	}
	return path, nil
}

// Subgraph is a set of actors and the edges among them.
type Subgraph struct {
	Nodes []*Entity
	Edges []*Relation
}

// Subgraph returns the actors within depth hops of the entities ids,
// following edges in either direction, and the edges among them. depth 0
// gives the seeds alone and is capped at MaxDepth. Nodes are added seeds
// first, then hop by hop: for each node of the last hop in the order it was
// added, its neighbours along its heaviest edges first (out- and in-edges
// alike), until limit (100 when zero or less, MaxSubgraphNodes at most);
// edges are capped at ten times the limit, heaviest first per node. Unknown
// ids give ErrNotFound.
func (s *Store) Subgraph(ctx context.Context, ids []string, depth, limit int) (*Subgraph, error) {
	if limit <= 0 {
		limit = 100
	}
	limit = min(limit, MaxSubgraphNodes)
	depth = max(0, min(depth, MaxDepth))
	sg := &Subgraph{Nodes: []*Entity{}, Edges: []*Relation{}}
	err := s.view(ctx, func(txn *badger.Txn) error {
		in := map[uint64]bool{}
		var order []uint64
		addNode := func(uid uint64) bool {
			if !in[uid] && len(order) < limit {
				in[uid] = true
				order = append(order, uid)
			}
			return len(order) < limit
		}
		for _, id := range ids {
			uid, err := entityUID(txn, id)
			if err != nil {
				return fmt.Errorf("%q: %w", id, err)
			}
			addNode(uid)
		}
		frontier := append([]uint64{}, order...)
		for d := 0; d < depth && len(frontier) > 0 && len(order) < limit; d++ {
			var next []uint64
			for _, u := range frontier {
				err := adjacent(ctx, txn, u, Both, func(_, other uint64, _ int) (bool, error) {
					if !in[other] {
						next = append(next, other)
					}
					return addNode(other), nil
				})
				if err != nil {
					return err
				}
				if len(order) >= limit {
					break
				}
			}
			frontier = next
		}
		maxEdges := 10 * limit
		for _, u := range order {
			rec, err := getEntity(txn, u)
			if err != nil {
				return err
			}
			sg.Nodes = append(sg.Nodes, rec.entity())
			if len(sg.Edges) >= maxEdges {
				continue
			}
			err = adjacent(ctx, txn, u, Out, func(rel, other uint64, _ int) (bool, error) {
				if !in[other] {
					return true, nil
				}
				r, err := getRelation(txn, rel)
				if err != nil {
					return false, err
				}
				sg.Edges = append(sg.Edges, r.relation())
				return len(sg.Edges) < maxEdges, nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Subgraph: %w", notFound(err))
	}
	return sg, nil
}
