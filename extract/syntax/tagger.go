package syntax

// tagger assigns each word a UPOS tag from its Penn tag (prose's, see
// prosetags.go), the word and its neighbours, greedily from left to right;
// the previous word's UPOS is a feature of the next. Most UPOS follow from
// the Penn tag; the model learns the rest (AUX or VERB, DET or PRON, ADP or
// SCONJ) and some of prose's errors. It is small: a few features per word
// over 17 classes.
type tagger struct {
	UPOS []string
	U    *perceptron
}

// Tagger feature templates.
const (
	tBias uint64 = iota + 1
	tW
	tP
	tPW
	tSuf3
	tShapeP
	tPm1P
	tPPp1
	tPWp1
	tWm1P
	tUm1P
	tPm2Pm1P
	tPp1Pp2
	tCased
	tSuf2
	tSuf4
	tWm1
	tWp1
	tSuf3p1
	tUm1W
	tSuf1
	tPre1
	tWm2
	tWp2
	tShapem1
	tShapep1
	tUm2Um1
	tFirstShape
	tShapes
	tWm1W
	tWWp1
	tSuf3m1
)

// lexAt is the word at i, or a lex of none values out of range.
func lexAt(ls []lex, i int) *lex {
	if i < 0 || i >= len(ls) {
		return &noLex
	}
	return &ls[i]
}

var noLex = lex{lower: none, cased: none, shape: none, pre1: none, pre2: none, suf: [4]uint64{none, none, none, none}}

// at is a[i], or none out of range.
func at[T int | uint64](a []T, i int) uint64 {
	if i < 0 || i >= len(a) {
		return none
	}
	return uint64(a[i])
}

// tagFeatures appends the features of word i; ps are the words' Penn tags
// (hashed), up the UPOS already chosen for the words before i.
func tagFeatures(out []uint64, ls []lex, ps []uint64, up []int, i int) []uint64 {
	w, p := &ls[i], ps[i]
	pm1, pp1 := at(ps, i-1), at(ps, i+1)
	return append(out,
		f1(tBias, 0), f1(tW, w.lower), f1(tP, p), f2(tPW, p, w.lower),
		f2(tSuf3, p, w.suf[2]), f2(tShapeP, w.shape, p),
		f2(tPm1P, pm1, p), f2(tPPp1, p, pp1),
		f2(tPWp1, p, lexAt(ls, i+1).lower), f2(tWm1P, lexAt(ls, i-1).lower, p),
		f2(tUm1P, at(up, i-1), p),
		f3(tPm2Pm1P, at(ps, i-2), pm1, p), f3(tPp1Pp2, p, pp1, at(ps, i+2)),
		f1(tCased, w.cased), f1(tSuf2, w.suf[1]), f1(tSuf4, w.suf[3]),
		f1(tWm1, lexAt(ls, i-1).lower), f1(tWp1, lexAt(ls, i+1).lower),
		f1(tSuf3p1, lexAt(ls, i+1).suf[2]), f2(tUm1W, at(up, i-1), w.lower),
		f1(tSuf1, w.suf[0]), f1(tPre1, w.pre1), f1(tWm2, lexAt(ls, i-2).lower), f1(tWp2, lexAt(ls, i+2).lower),
		f1(tShapem1, lexAt(ls, i-1).shape), f1(tShapep1, lexAt(ls, i+1).shape),
		f2(tUm2Um1, at(up, i-2), at(up, i-1)), f2(tFirstShape, uint64(boolInt(i == 0)), w.shape),
		f3(tShapes, lexAt(ls, i-1).shape, w.shape, lexAt(ls, i+1).shape),
		f2(tWm1W, lexAt(ls, i-1).lower, w.lower), f2(tWWp1, w.lower, lexAt(ls, i+1).lower),
		f1(tSuf3m1, lexAt(ls, i-1).suf[2]),
	)
}

// tagScratch is the per-call memory of tagging, reused through a pool.
type tagScratch struct {
	feats  []uint64
	scores []float32
}

// tag fills up (len(ls)) with UPOS ids.
func (t *tagger) tag(ls []lex, ps []uint64, up []int, sc *tagScratch) {
	for i := range ls {
		sc.feats = tagFeatures(sc.feats[:0], ls, ps, up, i)
		up[i] = t.bestOf(sc)
	}
}

func (t *tagger) bestOf(sc *tagScratch) int {
	p := t.U
	if cap(sc.scores) < p.Classes {
		sc.scores = make([]float32, p.Classes)
	}
	s := sc.scores[:p.Classes]
	p.score(sc.feats, s)
	return best(s, nil)
}

// tagHash is the feature value of a Penn tag.
func tagHash(tag string) uint64 { return hashString(tag) | 1 }
