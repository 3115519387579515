package syntax

// The parser's features follow Zhang & Nivre (2011), "Transition-based
// dependency parsing with rich non-local features": words (w), tags (p) and
// labels (l) of the stack top s0, the buffer n0..n2, s0's head and
// grandhead, the leftmost/rightmost children, plus distance, valency and
// the label sets of s0's and n0's children. s1 (below s0) is added because
// arc-eager decides reduce against it.

const rootValue = 0x400

// view is one word of the configuration as features see it.
type view struct{ w, p, u, l uint64 }

// viewer turns word numbers into views for one sentence.
type viewer struct {
	lex  []lex
	tags []uint64 // Penn tags, hashed
	upos []int    // UPOS ids: they tell an auxiliary or copula from a verb
	s    *state
}

func (v *viewer) at(i int) view {
	switch {
	case i < 0:
		return view{none, none, none, none}
	case i == 0:
		return view{rootValue, rootValue, rootValue, none}
	}
	l := uint64(none)
	if v.s.head[i] >= 0 {
		l = uint64(v.s.rel[i]) + 1
	}
	return view{v.lex[i-1].lower, v.tags[i-1], uint64(v.upos[i-1]) + 1, l}
}

// fb appends features, numbering templates by their order of appearance.
type fb struct {
	out []uint64
	t   uint64
}

func (b *fb) one(x uint64) { b.t++; b.out = append(b.out, f1(b.t, x)) }
func (b *fb) two(x, y uint64) {
	b.t++
	b.out = append(b.out, f2(b.t, x, y))
}
func (b *fb) three(x, y, z uint64) {
	b.t++
	b.out = append(b.out, f3(b.t, x, y, z))
}

func nth(a []int32, i int) int {
	if i < 0 {
		return -1
	}
	return int(a[i])
}

// config is the configuration's words as features see them.
type config struct {
	s0, s1, n0, n1, n2, s0h, s0h2, s0l, s0r, s0l2, s0r2, n0l, n0l2 view
	d, vl, vr, nvl, ls0, rs0, ln0                                  uint64
}

func newConfig(v *viewer) config {
	s := v.s
	is0, in0 := s.st(0), s.b0()
	ih := nth(s.head, is0)
	c := config{s0: v.at(is0), s1: v.at(s.st(1)), n0: v.at(in0),
		n1: v.at(nextWord(s, 1)), n2: v.at(nextWord(s, 2)),
		s0h: v.at(ih), s0h2: v.at(nth(s.head, ih)),
		s0l: v.at(nth(s.l1, is0)), s0r: v.at(nth(s.r1, is0)), s0l2: v.at(nth(s.l2, is0)), s0r2: v.at(nth(s.r2, is0)),
		n0l: v.at(nth(s.l1, in0)), n0l2: v.at(nth(s.l2, in0)),
		vl: count(s.nl, is0), vr: count(s.nr, is0), nvl: count(s.nl, in0),
		ls0: labelSet(s.lset, is0), rs0: labelSet(s.rset, is0), ln0: labelSet(s.lset, in0), d: none}
	if is0 >= 0 {
		end := in0
		if end == 0 {
			end = s.n + 1
		}
		c.d = uint64(min(end-is0, 15))
	}
	return c
}

// parseFeatures appends the features of the configuration. The first
// nLabelFeats, about the two words an arc would join, are also the label
// model's features.
func parseFeatures(out []uint64, v *viewer) []uint64 {
	c := newConfig(v)
	b := fb{out: out}
	c.labelFeatures(&b)
	c.arcFeatures(&b)
	c.moveFeatures(&b)
	return b.out
}

const nLabelFeats = 28

// labelFeatures: the words s0 and n0, their tags, the distance between
// them, and the labels they already have on their children. They choose
// both the move and the label of an arc.
func (c *config) labelFeatures(b *fb) {
	s0, n0 := c.s0, c.n0
	for _, x := range [...]view{s0, n0} {
		b.two(x.w, x.p)
		b.one(x.w)
		b.one(x.p)
		b.one(x.u)
	}
	b.three(s0.w, s0.p, n0.p)
	b.three(s0.p, n0.w, n0.p)
	b.two(s0.w, n0.w)
	b.two(s0.p, n0.p)
	b.two(s0.p, c.d)
	b.two(n0.p, c.d)
	b.three(s0.p, n0.p, c.d)
	b.one(c.s0l.l)
	b.one(c.s0r.l)
	b.one(c.n0l.l)
	b.two(s0.p, c.rs0)
	b.two(s0.p, c.ls0)
	b.two(n0.p, c.ln0)
	b.two(s0.u, n0.u)
	b.three(s0.u, n0.u, c.d)
	b.three(c.s0h.u, s0.u, n0.u)
	b.three(s0.u, c.s0l.u, c.s0r.u)
	b.two(n0.p, c.n1.p)
	b.two(s0.w, n0.u)
	b.two(s0.u, n0.w)
}

// arcFeatures: more of the words around s0 and n0, for the move model.
func (c *config) arcFeatures(b *fb) {
	s0, s1, n0, n1 := c.s0, c.s1, c.n0, c.n1
	for _, x := range [...]view{n1, c.n2} {
		b.two(x.w, x.p)
		b.one(x.w)
		b.one(x.p)
	}
	b.three(s0.w, s0.p, n0.w^n0.p<<32)
	b.three(s0.w, s0.p, n0.w)
	b.three(s0.w, n0.w, n0.p)
	b.two(s0.w, c.d)
	b.two(n0.w, c.d)
	b.three(s0.w, n0.w, c.d)
	b.one(s0.l)
	b.one(n1.u)
	b.three(s0.u, n0.u, n1.u)
	b.three(s1.u, s0.u, n0.u)
	b.three(n0.u, c.n0l.u, s0.l)
}

// moveFeatures: the rest of Zhang & Nivre's templates.
func (c *config) moveFeatures(b *fb) {
	s0, n0 := c.s0, c.n0
	b.three(n0.p, c.n1.p, c.n2.p)
	b.three(s0.p, n0.p, c.n1.p)
	b.three(c.s0h.p, s0.p, n0.p)
	b.three(s0.p, c.s0l.p, n0.p)
	b.three(s0.p, c.s0r.p, n0.p)
	b.three(s0.p, n0.p, c.n0l.p)
	b.two(s0.w, c.vr)
	b.two(s0.p, c.vr)
	b.two(s0.w, c.vl)
	b.two(s0.p, c.vl)
	b.two(n0.w, c.nvl)
	b.two(n0.p, c.nvl)
	for _, x := range [...]view{c.s0h, c.s0l, c.s0r, c.n0l} {
		b.one(x.w)
		b.one(x.p)
	}
	b.one(c.s0h2.w)
	b.one(c.s0h2.p)
	for _, x := range [...]view{c.s0l2, c.s0r2, c.n0l2} {
		b.one(x.w)
		b.one(x.p)
		b.one(x.l)
	}
	b.three(s0.p, c.s0l.p, c.s0l2.p)
	b.three(s0.p, c.s0r.p, c.s0r2.p)
	b.three(s0.p, c.s0h.p, c.s0h2.p)
	b.three(n0.p, c.n0l.p, c.n0l2.p)
	b.two(s0.w, c.rs0)
	b.two(s0.w, c.ls0)
	b.two(n0.w, c.ln0)
	b.three(c.s1.p, s0.p, n0.p)
	b.two(c.s1.w, c.s1.p)
	b.three(s0.l, s0.p, n0.p)
}

// nextWord is the i-th buffer word after n0: a word number, 0 for the root,
// -1 past the end.
func nextWord(s *state, i int) int {
	k := s.b + i
	switch {
	case k <= s.n:
		return k
	case k == s.n+1:
		return 0
	}
	return -1
}

func count(a []int16, i int) uint64 {
	if i < 0 {
		return none
	}
	return uint64(a[i])
}

func labelSet(a []uint64, i int) uint64 {
	if i < 0 {
		return none
	}
	return a[i]
}
