package syntax

// The arc-eager transition system with the root at the end of the buffer
// (Ballesteros & Nivre 2013): words 1..n, then the root 0. Words leave the
// stack only with a head, so every parse is a tree; the dynamic oracle
// (Goldberg & Nivre 2012) gives each move's cost, the gold arcs it makes
// unreachable.

// Moves.
const (
	shift = iota
	reduce
	leftArc  // s0 <- b0, pop s0
	rightArc // s0 -> b0, push b0
	nMoves
)

// state is a parser configuration over n words. Arrays are indexed by word
// number (0 is the root) and reused between sentences.
type state struct {
	n     int
	stack []int32
	b     int // buffer front: a word number, or n+1 for the root
	head  []int32
	rel   []int16
	// l1, l2: leftmost and second leftmost children; r1, r2 rightmost.
	l1, l2, r1, r2 []int32
	nl, nr         []int16
	lset, rset     []uint64 // bit sets of left and right children's labels
	inStack        []bool
}

func (s *state) reset(n int) {
	s.n, s.b = n, 1
	s.stack = s.stack[:0]
	grow := func(a []int32) []int32 {
		if cap(a) < n+1 {
			a = make([]int32, n+1)
		}
		a = a[:n+1]
		for i := range a {
			a[i] = -1
		}
		return a
	}
	s.head, s.l1, s.l2, s.r1, s.r2 = grow(s.head), grow(s.l1), grow(s.l2), grow(s.r1), grow(s.r2)
	s.rel = resize(s.rel, n+1)
	s.nl, s.nr = resize(s.nl, n+1), resize(s.nr, n+1)
	s.lset, s.rset = resize(s.lset, n+1), resize(s.rset, n+1)
	s.inStack = resize(s.inStack, n+1)
}

// resize returns a zeroed slice of length n, reusing a's memory.
func resize[T any](a []T, n int) []T {
	if cap(a) < n {
		return make([]T, n)
	}
	a = a[:n]
	clear(a)
	return a
}

func (s *state) b0() int {
	if s.b > s.n {
		return 0
	}
	return s.b
}

// st is the i-th word from the stack's top, or -1.
func (s *state) st(i int) int {
	if i >= len(s.stack) {
		return -1
	}
	return int(s.stack[len(s.stack)-1-i])
}

func (s *state) terminal() bool { return len(s.stack) == 0 && s.b > s.n }

func (s *state) valid(m int) bool {
	switch m {
	case shift:
		return s.b <= s.n
	case reduce:
		return len(s.stack) > 0 && s.head[s.st(0)] >= 0
	case leftArc:
		return len(s.stack) > 0 && s.head[s.st(0)] < 0
	case rightArc:
		return len(s.stack) > 0 && s.b <= s.n
	}
	return false
}

func (s *state) apply(m, label int) {
	switch m {
	case shift:
		s.push(s.b)
		s.b++
	case reduce:
		s.pop()
	case leftArc:
		s.arc(s.b0(), s.st(0), label)
		s.pop()
	case rightArc:
		s.arc(s.st(0), s.b, label)
		s.push(s.b)
		s.b++
	}
}

func (s *state) push(w int) {
	s.stack = append(s.stack, int32(w))
	s.inStack[w] = true
}

func (s *state) pop() {
	s.inStack[s.st(0)] = false
	s.stack = s.stack[:len(s.stack)-1]
}

func (s *state) arc(h, d, label int) {
	s.head[d], s.rel[d] = int32(h), int16(label)
	bit := uint64(1) << (uint(label) & 63)
	if h == 0 || d < h { // the root is at the end: its children are on its left
		s.l2[h], s.l1[h] = s.l1[h], int32(d)
		s.nl[h]++
		s.lset[h] |= bit
		return
	}
	s.r2[h], s.r1[h] = s.r1[h], int32(d)
	s.nr[h]++
	s.rset[h] |= bit
}

// inBuffer reports whether word k (0 the root) is still in the buffer.
func (s *state) inBuffer(k int) bool { return k == 0 || k >= s.b }

// gold is a training sentence's tree: heads and the children of each word.
type gold struct {
	head []int32 // by word number; head[0] unused
	kids [][]int32
	rel  []int16
}

// cost is the number of gold arcs move m makes unreachable.
func (s *state) cost(m int, g *gold) int {
	s0, b0 := s.st(0), s.b0()
	switch m {
	case shift: // b0 can no longer take a head or children from the stack
		return boolInt(s.inStack[g.head[b0]]) + s.headlessKidsInStack(b0, g)
	case reduce:
		return s.kidsInBuffer(s0, g)
	case leftArc:
		h := int(g.head[s0])
		return boolInt(h != b0 && s.inBuffer(h)) + s.kidsInBuffer(s0, g)
	case rightArc:
		h := int(g.head[b0])
		return boolInt(h != s0 && (s.inStack[h] || s.inBuffer(h))) + s.headlessKidsInStack(b0, g)
	}
	return 0
}

func (s *state) kidsInBuffer(w int, g *gold) int {
	c := 0
	for _, k := range g.kids[w] {
		c += boolInt(int(k) >= s.b)
	}
	return c
}

func (s *state) headlessKidsInStack(w int, g *gold) int {
	c := 0
	for _, k := range g.kids[w] {
		c += boolInt(s.inStack[k] && s.head[k] < 0)
	}
	return c
}
