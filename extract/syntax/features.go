package syntax

// The parser's features follow Zhang & Nivre (2011), "Transition-based
// dependency parsing with rich non-local features": words (w), tags (p) and
// labels (l) of the stack top s0, the buffer n0..n2, s0's head and
// grandhead, the leftmost/rightmost children, plus distance, valency and
// the label sets of s0's and n0's children. s1 (below s0) is added because
// arc-eager decides reduce against it.

const rootValue = 0x400

// view is one word of the configuration as features see it.
type view struct{ w, p, l uint64 }

// viewer turns word numbers into views for one sentence.
type viewer struct {
	lex  []lex
	tags []int
	s    *state
}

func (v *viewer) at(i int) view {
	switch {
	case i < 0:
		return view{none, none, none}
	case i == 0:
		return view{rootValue, rootValue, none}
	}
	l := uint64(none)
	if v.s.head[i] >= 0 {
		l = uint64(v.s.rel[i]) + 1
	}
	return view{v.lex[i-1].lower, uint64(v.tags[i-1]) + 1, l}
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

// parseFeatures appends the features of the configuration.
func parseFeatures(out []uint64, v *viewer) []uint64 {
	s := v.s
	is0, in0 := s.st(0), s.b0()
	s0, s1, n0 := v.at(is0), v.at(s.st(1)), v.at(in0)
	n1, n2 := v.at(nextWord(s, 1)), v.at(nextWord(s, 2))
	ih := nth(s.head, is0)
	s0h, s0h2 := v.at(ih), v.at(nth(s.head, ih))
	s0l, s0r, s0l2, s0r2 := v.at(nth(s.l1, is0)), v.at(nth(s.r1, is0)), v.at(nth(s.l2, is0)), v.at(nth(s.r2, is0))
	n0l, n0l2 := v.at(nth(s.l1, in0)), v.at(nth(s.l2, in0))
	b := fb{out: out}
	// single words
	for _, x := range [...]view{s0, n0, n1, n2} {
		b.two(x.w, x.p)
		b.one(x.w)
		b.one(x.p)
	}
	// word pairs
	b.three(s0.w, s0.p, n0.w^n0.p<<32)
	b.three(s0.w, s0.p, n0.w)
	b.three(s0.w, n0.w, n0.p)
	b.three(s0.w, s0.p, n0.p)
	b.three(s0.p, n0.w, n0.p)
	b.two(s0.w, n0.w)
	b.two(s0.p, n0.p)
	b.two(n0.p, n1.p)
	// three words
	b.three(n0.p, n1.p, n2.p)
	b.three(s0.p, n0.p, n1.p)
	b.three(s0h.p, s0.p, n0.p)
	b.three(s0.p, s0l.p, n0.p)
	b.three(s0.p, s0r.p, n0.p)
	b.three(s0.p, n0.p, n0l.p)
	// distance
	d := uint64(none)
	if is0 >= 0 {
		end := in0
		if end == 0 {
			end = s.n + 1
		}
		d = uint64(min(end-is0, 15))
	}
	b.two(s0.w, d)
	b.two(s0.p, d)
	b.two(n0.w, d)
	b.two(n0.p, d)
	b.three(s0.w, n0.w, d)
	b.three(s0.p, n0.p, d)
	// valency
	vl, vr, nvl := count(s.nl, is0), count(s.nr, is0), count(s.nl, in0)
	b.two(s0.w, vr)
	b.two(s0.p, vr)
	b.two(s0.w, vl)
	b.two(s0.p, vl)
	b.two(n0.w, nvl)
	b.two(n0.p, nvl)
	// second-order unigrams
	for _, x := range [...]view{s0h, s0l, s0r, n0l} {
		b.one(x.w)
		b.one(x.p)
	}
	b.one(s0.l)
	b.one(s0l.l)
	b.one(s0r.l)
	b.one(n0l.l)
	// third order
	b.one(s0h2.w)
	b.one(s0h2.p)
	for _, x := range [...]view{s0l2, s0r2, n0l2} {
		b.one(x.w)
		b.one(x.p)
		b.one(x.l)
	}
	b.three(s0.p, s0l.p, s0l2.p)
	b.three(s0.p, s0r.p, s0r2.p)
	b.three(s0.p, s0h.p, s0h2.p)
	b.three(n0.p, n0l.p, n0l2.p)
	// label sets
	ls0, rs0, ln0 := labelSet(s.lset, is0), labelSet(s.rset, is0), labelSet(s.lset, in0)
	b.two(s0.w, rs0)
	b.two(s0.p, rs0)
	b.two(s0.w, ls0)
	b.two(s0.p, ls0)
	b.two(n0.w, ln0)
	b.two(n0.p, ln0)
	// s1, and whether s0 already has its head (reduce or left-arc)
	b.three(s1.p, s0.p, n0.p)
	b.two(s1.w, s1.p)
	b.three(s0.l, s0.p, n0.p)
	return b.out
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
