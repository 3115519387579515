package syntax

// tagger corrects prose's Penn tags and adds UPOS, in two greedy left to
// right passes. The first chooses each word's Penn tag (XPOS) from prose's
// (see prosetags.go), the word and its neighbours: prose was trained on
// newspaper text of another treebank and errs on the rest (about 0.85 of
// EWT's tags), but its tag is a strong hint; the lexicon (lexicon.go) says
// which tags the word took in training and whether it is usually
// capitalised. The second chooses UPOS from the corrected tags: most follow
// from them; the model learns the rest (AUX or VERB, DET or PRON, ADP or
// SCONJ).
type tagger struct {
	XPOS, UPOS []string
	X, U       *perceptron
	Lexicon    map[string]string    // see lexicon.go
	classes    map[uint64]wordClass // the lexicon by hashed form
}

// XPOS feature templates.
const (
	xBias uint64 = iota + 1
	xW
	xPr
	xPrW
	xPrSuf3
	xSuf2
	xShapePr
	xPrm1Pr
	xPrPrp1
	xXm1Pr
	xXm2Xm1Pr
	xWm1
	xWp1
	xXm1W
	xCased
	xPrm1PrPrp1
	xPrWp1
	xPre1
	xSuf1
	xSuf3
	xSuf4
	xPre2
	xWm2
	xWp2
	xShapem1
	xShapep1
	xPrp1Prp2
	xWm1W
	xWWp1
	xSuf3p1
	xFirstShape
	xAmb
	xAmbPr
	xAmbXm1
	xCapsShape
	xCapsShapeFirst
	xAmbp1
)

// xposFeatures appends the XPOS features of word i; pr are prose's tags
// (hashed), xp the XPOS already chosen for the words before i.
func xposFeatures(out []uint64, ls []lex, pr []uint64, xp []int, i int) []uint64 {
	w, p := &ls[i], pr[i]
	pm1, pp1, x1 := at(pr, i-1), at(pr, i+1), at(xp, i-1)
	return append(out,
		f1(xBias, 0), f1(xW, w.lower), f1(xPr, p), f2(xPrW, p, w.lower),
		f2(xPrSuf3, p, w.suf[2]), f1(xSuf2, w.suf[1]), f2(xShapePr, w.shape, p),
		f2(xPrm1Pr, pm1, p), f2(xPrPrp1, p, pp1), f2(xXm1Pr, x1, p),
		f3(xXm2Xm1Pr, at(xp, i-2), x1, p),
		f1(xWm1, lexAt(ls, i-1).lower), f1(xWp1, lexAt(ls, i+1).lower),
		f2(xXm1W, x1, w.lower), f1(xCased, w.cased),
		f3(xPrm1PrPrp1, pm1, p, pp1), f2(xPrWp1, p, lexAt(ls, i+1).lower), f1(xPre1, w.pre1),
		f1(xSuf1, w.suf[0]), f1(xSuf3, w.suf[2]), f1(xSuf4, w.suf[3]), f1(xPre2, w.pre2),
		f1(xWm2, lexAt(ls, i-2).lower), f1(xWp2, lexAt(ls, i+2).lower),
		f1(xShapem1, lexAt(ls, i-1).shape), f1(xShapep1, lexAt(ls, i+1).shape),
		f3(xPrp1Prp2, p, pp1, at(pr, i+2)),
		f2(xWm1W, lexAt(ls, i-1).lower, w.lower), f2(xWWp1, w.lower, lexAt(ls, i+1).lower),
		f1(xSuf3p1, lexAt(ls, i+1).suf[2]), f2(xFirstShape, uint64(boolInt(i == 0)), w.shape),
		f1(xAmb, w.amb), f2(xAmbPr, w.amb, p), f2(xAmbXm1, w.amb, x1), f2(xCapsShape, w.caps, w.shape),
		f3(xCapsShapeFirst, w.caps, w.shape, uint64(boolInt(i == 0))), f2(xAmbp1, w.amb, lexAt(ls, i+1).amb),
	)
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
	tAmbP
	tCapsShape
)

// lexAt is the word at i, or a lex of none values out of range.
func lexAt(ls []lex, i int) *lex {
	if i < 0 || i >= len(ls) {
		return &noLex
	}
	return &ls[i]
}

var noLex = lex{lower: none, cased: none, shape: none, pre1: none, pre2: none, amb: none, caps: none, suf: [4]uint64{none, none, none, none}}

// at is a[i], or none out of range.
func at[T int | uint64](a []T, i int) uint64 {
	if i < 0 || i >= len(a) {
		return none
	}
	return uint64(a[i])
}

// tagFeatures appends the UPOS features of word i; ps are the words' XPOS
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
		f2(tAmbP, w.amb, p), f3(tCapsShape, w.caps, w.shape, uint64(boolInt(i == 0))),
	)
}

// tagScratch is the per-call memory of tagging, reused through a pool.
type tagScratch struct {
	feats  []uint64
	scores []float32
}

// tag fills xp and up (len(ls) each) with XPOS and UPOS ids, and xh with
// the XPOS hashed (the parser's tag features); pr are prose's tags, hashed.
func (t *tagger) tag(ls []lex, pr []uint64, xp, up []int, xh []uint64, sc *tagScratch) {
	for i := range ls {
		sc.feats = xposFeatures(sc.feats[:0], ls, pr, xp, i)
		xp[i] = bestOf(t.X, sc)
		xh[i] = tagHash(t.XPOS[xp[i]])
	}
	for i := range ls {
		sc.feats = tagFeatures(sc.feats[:0], ls, xh, up, i)
		up[i] = bestOf(t.U, sc)
	}
}

func bestOf(p *perceptron, sc *tagScratch) int {
	if cap(sc.scores) < p.Classes {
		sc.scores = make([]float32, p.Classes)
	}
	s := sc.scores[:p.Classes]
	p.score(sc.feats, s)
	return best(s, nil)
}

// tagHash is the feature value of a Penn tag.
func tagHash(tag string) uint64 { return hashString(tag) | 1 }
