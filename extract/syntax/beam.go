package syntax

import "slices"

// Beam search over the arc-eager moves (Zhang & Clark 2008, Zhang & Nivre
// 2011): the k best partial parses are kept, each move's score added to its
// parse's. Every parse of n words takes exactly 2n moves (each word is
// pushed once and popped once), so the parses in the beam stay in step.
// The label of an arc is still chosen greedily by the label model; the beam
// is over moves. A width of 1 is the greedy parser. A candidate scoring more
// than the model's margin below the best one is dropped: where the model is
// sure the beam narrows to one parse, and parsing costs little more than
// greedy (training chooses the margin on dev, see chooseMargin).

// item is one partial parse in the beam.
type item struct {
	st    state
	score float32
	node  int32 // its last move in the history, -1 at the start
	cost  int   // training: gold arcs lost so far
}

// step is one move of a partial parse: the history is a tree of steps,
// each parse a path from one of them back to the start.
type step struct {
	parent int32
	move   int8
	label  int16
}

// candidate is a move from one of the beam's items.
type candidate struct {
	from  int
	move  int
	score float32
	cost  int
}

// beam is the memory of beam parsing, reused between sentences.
type beam struct {
	items, next []*item
	spare       []*item
	feats       [][]uint64 // features of each item's configuration
	cands       []candidate
	uses        []int // advance: kept candidates from each item
	hist        []step
	scores      []float32
}

func (b *beam) item() *item {
	if n := len(b.spare); n > 0 {
		it := b.spare[n-1]
		b.spare = b.spare[:n-1]
		return it
	}
	return &item{}
}

func (b *beam) reset(n int) {
	b.spare = append(b.spare, b.items...)
	b.items, b.hist = b.items[:0], b.hist[:0]
	it := b.item()
	it.st.reset(n)
	it.score, it.node, it.cost = 0, -1, 0
	b.items = append(b.items, it)
}

// searcher is what beam parsing needs beyond the weights: the words, and
// when training the gold tree and how to label an arc.
type searcher struct {
	p      *parser
	sc     *scratch
	b      *beam
	width  int
	margin float32 // see parser.Margin
	g      *gold   // training: costs are counted and correct arcs get gold labels
}

// expand scores every item's valid moves into b.cands, best first.
func (r *searcher) expand() {
	b := r.b
	b.cands = b.cands[:0]
	for len(b.feats) < len(b.items) {
		b.feats = append(b.feats, nil)
	}
	b.scores = resize(b.scores, nMoves*len(b.items))
	for i, it := range b.items {
		v := r.sc.viewer(&it.st)
		b.feats[i] = parseFeatures(b.feats[i][:0], &v)
		scores := b.scores[i*nMoves:][:nMoves]
		r.moveScores(i, scores)
		for m := range nMoves {
			if !it.st.valid(m) {
				continue
			}
			c := candidate{from: i, move: m, score: it.score + scores[m], cost: it.cost}
			if r.g != nil {
				c.cost += it.st.cost(m, r.g)
			}
			b.cands = append(b.cands, c)
		}
	}
	slices.SortStableFunc(b.cands, func(x, y candidate) int {
		switch {
		case x.score > y.score:
			return -1
		case x.score < y.score:
			return 1
		}
		return 0
	})
}

// moveScores sets scores to the move model's scores for item i's features.
// Parses that differ only where no feature looks often share a beam (about
// a fifth of items on news); such an item takes the scores of the first
// item with the same features instead of reading the weights again.
func (r *searcher) moveScores(i int, scores []float32) {
	b := r.b
	for j := range i {
		if slices.Equal(b.feats[j], b.feats[i]) {
			copy(scores, b.scores[j*nMoves:][:nMoves])
			return
		}
	}
	r.p.Move.score(b.feats[i], scores)
}

// advance keeps the width best candidates as the next beam. A candidate
// that is the last kept move of its item takes the item itself instead of
// a copy of its state (most items have one successor; a copy costs time
// in the sentence's length).
func (r *searcher) advance() {
	b := r.b
	kept := b.cands[:min(len(b.cands), r.width)]
	for i, c := range kept {
		if i > 0 && r.margin > 0 && c.score < b.cands[0].score-r.margin {
			kept = kept[:i]
			break
		}
	}
	b.uses = resize(b.uses, len(b.items))
	for _, c := range kept {
		b.uses[c.from]++
	}
	b.next = b.next[:0]
	for _, c := range kept {
		from := b.items[c.from]
		it := from
		if b.uses[c.from]--; b.uses[c.from] > 0 {
			it = b.item()
			it.st.copyFrom(&from.st)
		} else {
			b.items[c.from] = nil // taken
		}
		parent := from.node
		label := r.label(&it.st, c.move, b.feats[c.from])
		it.score, it.cost = c.score, c.cost
		b.hist = append(b.hist, step{parent: parent, move: int8(c.move), label: int16(label)})
		it.node = int32(len(b.hist) - 1)
		it.st.apply(c.move, label)
		b.next = append(b.next, it)
	}
	for _, it := range b.items {
		if it != nil {
			b.spare = append(b.spare, it)
		}
	}
	b.items, b.next = b.next, b.items[:0]
}

// label is the label of the arc move m makes in s (0 for other moves): the
// label model's, or when training the gold one if the arc is right.
func (r *searcher) label(s *state, m int, feats []uint64) int {
	if m != leftArc && m != rightArc {
		return 0
	}
	if r.g != nil {
		h, d := s.b0(), s.st(0)
		if m == rightArc {
			h, d = d, h
		}
		if int(r.g.head[d]) == h {
			return int(r.g.rel[d])
		}
	}
	return r.p.predictLabel(r.sc, m, s.b0() == 0, feats)
}

// runBeam parses sc.lex with a beam of the given width into sc.st.
func (p *parser) runBeam(sc *scratch, b *beam, width int) {
	n := len(sc.lex)
	b.reset(n)
	sc.scores = resize(sc.scores, max(nMoves, len(p.Labels)))
	r := searcher{p: p, sc: sc, b: b, width: width, margin: p.Margin}
	for range 2 * n {
		r.expand()
		r.advance()
	}
	sc.st.copyFrom(&b.items[0].st)
	p.oneRoot(&sc.st)
}

// copyFrom makes s a copy of o.
func (s *state) copyFrom(o *state) {
	s.n, s.b = o.n, o.b
	s.stack = append(s.stack[:0], o.stack...)
	s.head = append(s.head[:0], o.head...)
	s.rel = append(s.rel[:0], o.rel...)
	s.l1, s.l2 = append(s.l1[:0], o.l1...), append(s.l2[:0], o.l2...)
	s.r1, s.r2 = append(s.r1[:0], o.r1...), append(s.r2[:0], o.r2...)
	s.nl, s.nr = append(s.nl[:0], o.nl...), append(s.nr[:0], o.nr...)
	s.lset, s.rset = append(s.lset[:0], o.lset...), append(s.rset[:0], o.rset...)
	s.inStack = append(s.inStack[:0], o.inStack...)
}
