package graph

// shortestPath returns the edges of a shortest chain from src to dst of at
// most maxHops edges, following edges in either direction; nil when there
// is none within reach. It searches from both ends at once, each round
// growing the side whose frontier is smaller by one hop, so an unconnected
// pair costs two half-depth searches rather than one full-depth one. Of the
// chains of the shortest length it prefers heavier edges. weigh gives an
// edge's weight from its stored one (a time window's count of evidence);
// an edge it weighs 0 is not followed.
func shortestPath(w *walker, src, dst uint64, maxHops int, weigh func(rel uint64, stored int) (int, error)) ([]uint64, error) {
	fwd, bwd := newSearchSide(src), newSearchSide(dst)
	for hops := 0; hops < maxHops; hops++ {
		grow, other := fwd, bwd
		if len(bwd.frontier) < len(fwd.frontier) {
			grow, other = bwd, fwd
		}
		if len(grow.frontier) == 0 {
			return nil, nil
		}
		met, err := grow.expand(w, other, maxWalkNodes-len(other.reached), weigh)
		if err != nil || met == 0 {
			if err != nil {
				return nil, err
			}
			continue
		}
		return append(fwd.chainTo(met), bwd.chainFrom(met)...), nil
	}
	return nil, nil
}

// searchSide is one end of the search: every node it has reached with the
// step that reached it first.
type searchSide struct {
	reached  map[uint64]step
	frontier []uint64
}

// step is how a search reached a node: from prev along the edge rel of that
// weight, depth hops from the side's start.
type step struct {
	prev, rel uint64
	weight    int
	depth     int
}

func newSearchSide(start uint64) *searchSide {
	return &searchSide{reached: map[uint64]step{start: {}}, frontier: []uint64{start}}
}

// expand reaches the nodes one hop beyond the frontier, each by its
// heaviest edge from the frontier, reading at most budget nodes. It returns
// the node where the two sides meet with the shortest chain (heaviest on a
// tie), 0 when they do not.
func (s *searchSide) expand(w *walker, other *searchSide, budget int, weigh func(rel uint64, stored int) (int, error)) (uint64, error) {
	level := map[uint64]step{}
	var next []uint64
	for _, u := range s.frontier {
		depth := s.reached[u].depth + 1
		err := w.each(u, Both, func(rel, v uint64, weight int) (bool, error) {
			if _, done := s.reached[v]; done {
				return true, nil
			}
			weight, err := weigh(rel, weight)
			if err != nil || weight == 0 {
				return err == nil, err
			}
			old, ok := level[v]
			if !ok {
				next = append(next, v)
			}
			if !ok || weight > old.weight {
				level[v] = step{prev: u, rel: rel, weight: weight, depth: depth}
			}
			return len(s.reached)+len(level) < budget, nil
		})
		if err != nil {
			return 0, err
		}
	}
	var met uint64
	bestLen, bestWeight := 0, 0
	for _, v := range next {
		st := level[v]
		s.reached[v] = st
		o, ok := other.reached[v]
		if !ok {
			continue
		}
		n, wt := st.depth+o.depth, st.weight+o.weight
		if met == 0 || n < bestLen || n == bestLen && (wt > bestWeight || wt == bestWeight && v < met) {
			met, bestLen, bestWeight = v, n, wt
		}
	}
	s.frontier = next
	return met, nil
}

// chainTo is the edges from the side's start to n, in order.
func (s *searchSide) chainTo(n uint64) []uint64 {
	chain := s.chainFrom(n)
	for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
		chain[i], chain[j] = chain[j], chain[i]
	}
	return chain
}

// chainFrom is the edges from n back to the side's start, in that order.
func (s *searchSide) chainFrom(n uint64) []uint64 {
	var chain []uint64
	for st := s.reached[n]; st.depth > 0; st = s.reached[n] {
		chain = append(chain, st.rel)
		n = st.prev
	}
	return chain
}
