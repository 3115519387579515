package syntax

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
)

// TrainOptions sets the training run. Zero values take the defaults.
type TrainOptions struct {
	TagEpochs, ParseEpochs int    // most epochs; the best on dev is kept
	Folds                  int    // jackknife folds for the parser's training UPOS
	Seed                   uint64 // shuffling and exploration: same seed, same model
	XPOSBits, UPOSBits     uint   // log2 rows of the weight arrays
	MoveBits, LabelBits    uint
	Beam, BeamEpochs       int       // beam width (1: greedy only) and most epochs of its training after greedy
	TagOnly                bool      // train the tagger only (no jackknife, no parser): for comparing tagger features on dev
	Log                    io.Writer // progress, one line per epoch; nil for none
}

func (o *TrainOptions) defaults() {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&o.TagEpochs, 8)
	def(&o.ParseEpochs, 15)
	def(&o.Beam, 4)
	def(&o.BeamEpochs, 20)
	def(&o.Folds, 4)
	defb := func(v *uint, d uint) {
		if *v == 0 {
			*v = d
		}
	}
	defb(&o.XPOSBits, 17)
	defb(&o.UPOSBits, 16)
	defb(&o.MoveBits, 21)
	defb(&o.LabelBits, 16)
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// ErrNoData is returned when there is no usable training sentence.
var ErrNoData = errors.New("syntax: no training sentences with complete trees")

// example is a training or dev sentence with its gold analysis as ids.
type example struct {
	forms      []string
	lex        []lex
	tags       []string // prose's Penn tags, as the tagger will see them
	pr         []uint64 // the same, hashed
	xpos, upos []int    // gold
	xh         []uint64 // the XPOS (hashed) and UPOS the parser trains on:
	utags      []int    // jackknifed predictions
	g          gold
}

// Train trains a tagger on train, then a parser on train's jackknifed tags,
// choosing the number of epochs of each on dev. The tagger reads prose's
// Penn tags of the sentences' text.
func Train(train, dev []Sentence, opt TrainOptions) (*Model, error) {
	opt.defaults()
	m := &Model{}
	m.tag.XPOS, m.tag.UPOS, m.parse.Labels = inventory(train)
	m.parse.setIndexes()
	tr, err := examples(train, m)
	if err != nil {
		return nil, err
	}
	dv, err := examples(dev, m)
	if err != nil {
		return nil, err
	}
	m.tag.Lexicon = buildLexicon(tr, m.tag.XPOS)
	m.tag.classes = lexiconIndex(m.tag.Lexicon)
	for _, e := range slices.Concat(tr, dv) {
		m.tag.classify(e.lex)
	}
	if opt.TagOnly {
		m.tag = *trainTagger(tr, dv, m, opt, 0)
		return m, nil
	}
	for k := range opt.Folds {
		var in, out []*example
		for i, e := range tr {
			if i%opt.Folds == k {
				out = append(out, e)
			} else {
				in = append(in, e)
			}
		}
		t := trainTagger(in, nil, m, opt, uint64(k+1))
		for _, e := range out {
			n := len(e.forms)
			e.utags, e.xh = make([]int, n), make([]uint64, n)
			t.tag(e.lex, e.pr, make([]int, n), e.utags, e.xh, &tagScratch{})
		}
		fmt.Fprintf(opt.Log, "jackknife fold %d/%d tagged\n", k+1, opt.Folds)
	}
	m.tag = *trainTagger(tr, dv, m, opt, 0)
	m.parse = *trainParser(tr, dv, m, opt)
	if opt.Beam > 1 && opt.BeamEpochs > 0 {
		m.parse = *trainBeam(tr, dv, m, &m.parse, opt)
	}
	return m, nil
}

// inventory lists the tags and labels of the sentences, sorted.
func inventory(ss []Sentence) (xpos, upos, labels []string) {
	seen := [3]map[string]bool{{}, {}, {}}
	for _, s := range ss {
		for _, w := range s.Words {
			seen[0][w.XPOS], seen[1][w.UPOS], seen[2][w.Rel] = true, true, true
		}
	}
	var out [3][]string
	for i, m := range seen {
		for k := range m {
			out[i] = append(out[i], k)
		}
		slices.Sort(out[i])
	}
	return out[0], out[1], out[2]
}

// examples converts sentences with complete trees; others are skipped.
func examples(ss []Sentence, m *Model) ([]*example, error) {
	idx := func(list []string, s string) int {
		i, _ := slices.BinarySearch(list, s)
		return min(i, len(list)-1)
	}
	var out []*example
	var lx lexer
	for _, s := range ss {
		n := len(s.Words)
		if n == 0 || s.validTree() != nil {
			continue
		}
		e := &example{forms: s.Forms(), lex: make([]lex, n), tags: goldTags(&s), pr: make([]uint64, n), xpos: make([]int, n), upos: make([]int, n)}
		e.g = gold{head: make([]int32, n+1), rel: make([]int16, n+1), kids: make([][]int32, n+1)}
		for i, w := range s.Words {
			e.lex[i], e.pr[i] = lx.lex(w.Form), tagHash(e.tags[i])
			e.xpos[i], e.upos[i] = idx(m.tag.XPOS, w.XPOS), idx(m.tag.UPOS, w.UPOS)
			e.g.head[i+1], e.g.rel[i+1] = int32(w.Head), int16(idx(m.parse.Labels, w.Rel))
			e.g.kids[w.Head] = append(e.g.kids[w.Head], int32(i+1))
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, ErrNoData
	}
	return out, nil
}

func (s *Sentence) validTree() error {
	heads := make([]int, len(s.Words))
	for i, w := range s.Words {
		heads[i] = w.Head
		if w.Rel == "" || w.Rel == "_" {
			return errors.New("no relation")
		}
	}
	return CheckTree(heads)
}

// shuffled is a permutation of n for the epoch, fixed by the seed.
func shuffled(n int, seed, epoch uint64) []int {
	r := rand.New(rand.NewPCG(seed, epoch))
	return r.Perm(n)
}

// trainTagger trains for opt.TagEpochs (keeping the best epoch on dev when
// dev is given) and returns the averaged tagger.
func trainTagger(tr, dev []*example, m *Model, opt TrainOptions, seed uint64) *tagger {
	t := &tagger{XPOS: m.tag.XPOS, UPOS: m.tag.UPOS, Lexicon: m.tag.Lexicon, classes: m.tag.classes,
		X: newPerceptron(len(m.tag.XPOS), opt.XPOSBits), U: newPerceptron(len(m.tag.UPOS), opt.UPOSBits)}
	var bestT *tagger
	bestAcc := -1.0
	sc := &tagScratch{}
	for ep := range opt.TagEpochs {
		for _, i := range shuffled(len(tr), opt.Seed+seed, uint64(ep)) {
			t.learn(tr[i], sc)
		}
		avg := &tagger{XPOS: t.XPOS, UPOS: t.UPOS, Lexicon: t.Lexicon, classes: t.classes, X: t.X.averaged(), U: t.U.averaged()}
		if dev == nil {
			bestT = avg
			continue
		}
		acc, xacc := tagAccuracy(avg, dev)
		fmt.Fprintf(opt.Log, "tagger epoch %d: dev UPOS %.4f XPOS %.4f\n", ep+1, acc, xacc)
		if acc > bestAcc {
			bestT, bestAcc = avg, acc
		}
	}
	return bestT
}

// learn tags e left to right with the current weights and updates them.
func (t *tagger) learn(e *example, sc *tagScratch) {
	n := len(e.forms)
	xp, up, xh := make([]int, n), make([]int, n), make([]uint64, n)
	for i := range n {
		sc.feats = xposFeatures(sc.feats[:0], e.lex, e.pr, xp, i)
		x := bestOf(t.X, sc)
		t.X.tick()
		t.X.update(sc.feats, e.xpos[i], x)
		xp[i], xh[i] = x, tagHash(t.XPOS[x])
	}
	for i := range n {
		sc.feats = tagFeatures(sc.feats[:0], e.lex, xh, up, i)
		u := bestOf(t.U, sc)
		t.U.tick()
		t.U.update(sc.feats, e.upos[i], u)
		up[i] = u
	}
}

// tagAccuracy is the tagger's UPOS and XPOS accuracy on dev.
func tagAccuracy(t *tagger, dev []*example) (upos, xpos float64) {
	right, xright, all := 0, 0, 0
	sc := &tagScratch{}
	for _, e := range dev {
		n := len(e.forms)
		xp, up := make([]int, n), make([]int, n)
		t.tag(e.lex, e.pr, xp, up, make([]uint64, n), sc)
		for i := range up {
			right += boolInt(up[i] == e.upos[i])
			xright += boolInt(xp[i] == e.xpos[i])
			all++
		}
	}
	d := float64(max(all, 1))
	return float64(right) / d, float64(xright) / d
}

// teacher is the oracle of parser training: it follows the dynamic oracle's
// cheapest move, or, exploring, the model's own prediction.
type teacher struct {
	g            *gold
	move, labels *perceptron
	rng          *rand.Rand
	explore      bool
	costs        [nMoves]int
}

func (t *teacher) follow(s *state, feats []uint64, scores []float32, pred int) int {
	least := 1 << 30
	for m := range nMoves {
		t.costs[m] = 1 << 30
		if s.valid(m) {
			t.costs[m] = s.cost(m, t.g)
			least = min(least, t.costs[m])
		}
	}
	right := -1
	for m := range nMoves {
		if t.costs[m] == least && (right < 0 || scores[m] > scores[right]) {
			right = m
		}
	}
	t.move.tick()
	if t.costs[pred] > least {
		t.move.update(feats, right, pred)
	}
	if t.explore && t.rng.Float64() < 0.9 {
		return pred
	}
	return right
}

func (t *teacher) label(s *state, m int, lfeats []uint64, _ []float32, pred int) int {
	h, d := s.b0(), s.st(0)
	if m == rightArc {
		h, d = d, h
	}
	if int(t.g.head[d]) != h {
		return pred
	}
	t.labels.tick()
	t.labels.update(lfeats, int(t.g.rel[d]), pred)
	return int(t.g.rel[d])
}

func trainParser(tr, dev []*example, m *Model, opt TrainOptions) *parser {
	p := &parser{Labels: m.parse.Labels, Move: newPerceptron(nMoves, opt.MoveBits),
		Label: newPerceptron(len(m.parse.Labels), opt.LabelBits)}
	p.setIndexes()
	var bestP *parser
	bestLAS := -1.0
	sc := &scratch{}
	for ep := range opt.ParseEpochs {
		t := &teacher{move: p.Move, labels: p.Label, explore: ep > 0,
			rng: rand.New(rand.NewPCG(opt.Seed, 1000+uint64(ep)))}
		for _, i := range shuffled(len(tr), opt.Seed, 1000+uint64(ep)) {
			e := tr[i]
			t.g = &e.g
			sc.lex, sc.xh, sc.up = e.lex, e.xh, e.utags
			p.run(sc, t)
		}
		avg := &parser{Labels: p.Labels, Move: p.Move.averaged(), Label: p.Label.averaged()}
		avg.setIndexes()
		trial := &Model{tag: m.tag, parse: *avg}
		s := trial.evaluate(dev)
		fmt.Fprintf(opt.Log, "parser epoch %d: dev UAS %.4f LAS %.4f\n", ep+1, s.UAS, s.LAS)
		if s.LAS > bestLAS {
			bestP, bestLAS = avg, s.LAS
		}
	}
	return bestP
}
