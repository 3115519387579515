package graph

import (
	"context"
	"slices"

	"github.com/dgraph-io/badger/v4"
)

// neighbourGroup is one actor linked to another: its edges between the
// two, heaviest first, and their summed weight.
type neighbourGroup struct {
	other  uint64
	rels   []uint64
	weight int
}

// neighbourRanking ranks the actors linked to uid by edges in direction dir
// with the predicate label (any when ""), the most heavily linked first
// (ties by uid). It reads the adjacency rows alone (they hold each edge's
// weight and other end; a label is checked in its index), at most
// maxAdjacency of them, heaviest first. The ranking is kept in the read
// cache: a hub's has thousands of groups, which cost more to build than the
// page that Neighbors takes from it.
func (s *Store) neighbourRanking(ctx context.Context, txn *badger.Txn, uid uint64, dir Direction, label string) ([]neighbourGroup, error) {
	k := cacheKey{kind: ckNeighbours, uid: uid, s: string(dir) + "\x00" + label}
	return cached(s.cache, txn, k, rankingCost, func() ([]neighbourGroup, error) {
		return rankNeighbours(ctx, txn, s.cache, uid, dir, label)
	})
}

func rankNeighbours(ctx context.Context, txn *badger.Txn, cache *readCache, uid uint64, dir Direction, label string) ([]neighbourGroup, error) {
	var groups []neighbourGroup
	at := map[uint64]int{} // other end -> its index in groups
	seen := 0
	w := newWalker(ctx, txn, cache)
	defer w.close()
	err := w.each(uid, dir, func(rel, other uint64, weight int) (bool, error) {
		seen++
		ok, err := edgeHasLabel(txn, label, weight, rel)
		if err != nil || !ok {
			return err == nil && seen < maxAdjacency, err
		}
		i, ok := at[other]
		if !ok {
			i = len(groups)
			at[other] = i
			groups = append(groups, neighbourGroup{other: other})
		}
		groups[i].rels = append(groups[i].rels, rel)
		groups[i].weight += weight
		return seen < maxAdjacency, nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(groups, func(a, b neighbourGroup) int {
		if a.weight != b.weight {
			return b.weight - a.weight
		}
		return cmpUID(a.other, b.other)
	})
	return groups, nil
}

func rankingCost(groups []neighbourGroup) int64 {
	n := 24 + 48*int64(cap(groups))
	for _, g := range groups {
		n += 8 * int64(cap(g.rels))
	}
	return n
}
