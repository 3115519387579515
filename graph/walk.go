package graph

import (
	"context"
	"fmt"

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

// Neighbors returns up to first actors linked to the entity id by an edge in
// direction dir (Both when empty) with predicate when given, the most
// heavily linked first. The ranking is read from the adjacency rows alone
// (they hold each edge's weight and other end; a predicate is checked in
// its index); only the edges and actors kept are decoded. Around very large
// hubs only the heaviest edges are read.
func (s *Store) Neighbors(ctx context.Context, id string, dir Direction, predicate string, first int) ([]Neighbor, error) {
	first = PageArgs{First: first}.size()
	label := indexLabel(predicate)
	var out []Neighbor
	err := s.view(ctx, func(txn *badger.Txn) error {
		uid, err := s.entityUIDAt(txn, id)
		if err != nil {
			return err
		}
		ranked, err := s.neighbourRanking(ctx, txn, uid, dir, label)
		if err != nil {
			return err
		}
		for _, g := range ranked[:min(first, len(ranked))] {
			rec, err := s.entityAt(txn, g.other)
			if err != nil {
				return err
			}
			nb := Neighbor{Entity: rec.entity(), Weight: g.weight}
			for _, rel := range g.rels {
				r, err := s.relationAt(txn, rel)
				if err != nil {
					return err
				}
				nb.Relations = append(nb.Relations, r.relation())
			}
			out = append(out, nb)
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
// It is a breadth-first search from both ends at once (pathsearch.go) over the
// adjacency keys rather than a graph library's: it reads only the part of
// the graph it reaches, in one snapshot.
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
		src, err := s.entityUIDAt(txn, from)
		if err != nil {
			return err
		}
		dst, err := s.entityUIDAt(txn, to)
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
		w := newWalker(ctx, txn, s.cache)
		defer w.close()
		rels, err := shortestPath(w, src, dst, maxHops, weigh)
		if err != nil {
			return err
		}
		dates, err := s.articleDates(ctx, txn)
		if err != nil {
			return err
		}
		for _, rel := range rels {
			rec, err := s.relationAt(txn, rel)
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
			uid, err := s.entityUIDAt(txn, id)
			if err != nil {
				return fmt.Errorf("%q: %w", id, err)
			}
			addNode(uid)
		}
		frontier := append([]uint64{}, order...)
		w := newWalker(ctx, txn, s.cache)
		defer w.close()
		for d := 0; d < depth && len(frontier) > 0 && len(order) < limit; d++ {
			var next []uint64
			for _, u := range frontier {
				err := w.each(u, Both, func(_, other uint64, _ int) (bool, error) {
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
			rec, err := s.entityAt(txn, u)
			if err != nil {
				return err
			}
			sg.Nodes = append(sg.Nodes, rec.entity())
			if len(sg.Edges) >= maxEdges {
				continue
			}
			err = w.each(u, Out, func(rel, other uint64, _ int) (bool, error) {
				if !in[other] {
					return true, nil
				}
				r, err := s.relationAt(txn, rel)
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
