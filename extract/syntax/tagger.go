package syntax

// tagger assigns each word a Penn XPOS tag, then a UPOS tag that also sees
// the XPOS just chosen, greedily from left to right; the previous words'
// predicted tags are features of the next.
type tagger struct {
	XPOS, UPOS []string
	X, U       *perceptron
}

// Tagger feature templates. tXPOS* are only in the UPOS model's features.
const (
	tBias uint64 = iota + 1
	tW
	tCased
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tShape
	tWm1
	tWp1
	tWm2
	tWp2
	tSuf3m1
	tSuf3p1
	tShapem1
	tShapep1
	tTm1
	tTm2Tm1
	tTm1W
	tWm1W
	tWWp1
	tFirstShape
	tTm1Suf3
	tShapem1ShapeShapep1
	tXPOSW
	tXPOS
	tXPOSWp1
	tUm1
)

// lexAt is the word at i, or a lex of none values out of range.
func lexAt(ls []lex, i int) *lex {
	if i < 0 || i >= len(ls) {
		return &noLex
	}
	return &ls[i]
}

var noLex = lex{lower: none, cased: none, shape: none, pre1: none, pre2: none, suf: [4]uint64{none, none, none, none}}

func tagAt(tags []int, i int) uint64 {
	if i < 0 {
		return none
	}
	return uint64(tags[i])
}

// tagFeatures appends the XPOS model's features of word i; xp holds the
// tags already chosen for words before i.
func tagFeatures(out []uint64, ls []lex, xp []int, i int) []uint64 {
	w, m1, p1, m2, p2 := &ls[i], lexAt(ls, i-1), lexAt(ls, i+1), lexAt(ls, i-2), lexAt(ls, i+2)
	t1, t2 := tagAt(xp, i-1), tagAt(xp, i-2)
	return append(out,
		f1(tBias, 0), f1(tW, w.lower), f1(tCased, w.cased),
		f1(tSuf1, w.suf[0]), f1(tSuf2, w.suf[1]), f1(tSuf3, w.suf[2]), f1(tSuf4, w.suf[3]),
		f1(tPre1, w.pre1), f1(tShape, w.shape),
		f1(tWm1, m1.lower), f1(tWp1, p1.lower), f1(tWm2, m2.lower), f1(tWp2, p2.lower),
		f1(tSuf3m1, m1.suf[2]), f1(tSuf3p1, p1.suf[2]), f1(tShapem1, m1.shape), f1(tShapep1, p1.shape),
		f1(tTm1, t1), f2(tTm2Tm1, t2, t1), f2(tTm1W, t1, w.lower),
		f2(tWm1W, m1.lower, w.lower), f2(tWWp1, w.lower, p1.lower),
		f2(tFirstShape, uint64(boolInt(i == 0)), w.shape), f2(tTm1Suf3, t1, w.suf[2]),
		f3(tShapem1ShapeShapep1, m1.shape, w.shape, p1.shape),
	)
}

// uposFeatures appends the UPOS model's extra features, given word i's XPOS
// and the UPOS of the words before.
func uposFeatures(out []uint64, ls []lex, x int, up []int, i int) []uint64 {
	return append(out, f1(tXPOS, uint64(x)), f2(tXPOSW, uint64(x), ls[i].lower),
		f2(tXPOSWp1, uint64(x), lexAt(ls, i+1).lower), f2(tUm1, tagAt(up, i-1), uint64(x)))
}

// tagScratch is the per-call memory of tagging, reused through a pool.
type tagScratch struct {
	feats  []uint64
	scores []float32
}

// tag fills xp and up (len(ls) each) with tag ids.
func (t *tagger) tag(ls []lex, xp, up []int, sc *tagScratch) {
	for i := range ls {
		sc.feats = tagFeatures(sc.feats[:0], ls, xp, i)
		xp[i] = t.bestOf(t.X, sc)
		sc.feats = uposFeatures(sc.feats, ls, xp[i], up, i)
		up[i] = t.bestOf(t.U, sc)
	}
}

func (t *tagger) bestOf(p *perceptron, sc *tagScratch) int {
	if cap(sc.scores) < p.Classes {
		sc.scores = make([]float32, p.Classes)
	}
	s := sc.scores[:p.Classes]
	p.score(sc.feats, s)
	return best(s, nil)
}
