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
	UPOSBits, MoveBits     uint   // log2 rows of the weight arrays
	LabelBits              uint
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
	def(&o.Folds, 4)
	defb := func(v *uint, d uint) {
		if *v == 0 {
			*v = d
		}
	}
	defb(&o.UPOSBits, 16)
	defb(&o.MoveBits, 20)
	defb(&o.LabelBits, 16)
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// ErrNoData is returned when there is no usable training sentence.
var ErrNoData = errors.New("syntax: no training sentences with complete trees")

// example is a training or dev sentence with its gold analysis as ids.
type example struct {
	forms []string
	lex   []lex
	tags  []string // prose's Penn tags, as the parser will see them
	ps    []uint64 // the same, hashed
	upos  []int    // gold
	utags []int    // the UPOS the parser trains on: jackknifed predictions
	g     gold
}

// Train trains a UPOS tagger on train, then a parser on train's jackknifed
// UPOS, choosing the number of epochs of each on dev. Both read prose's
// Penn tags of the sentences' text.
func Train(train, dev []Sentence, opt TrainOptions) (*Model, error) {
	opt.defaults()
	m := &Model{}
	m.tag.UPOS, m.parse.Labels = inventory(train)
	m.parse.setIndexes()
	tr, err := examples(train, m)
	if err != nil {
		return nil, err
	}
	dv, err := examples(dev, m)
	if err != nil {
		return nil, err
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
			e.utags = make([]int, len(e.forms))
			t.tag(e.lex, e.ps, e.utags, &tagScratch{})
		}
		fmt.Fprintf(opt.Log, "jackknife fold %d/%d tagged\n", k+1, opt.Folds)
	}
	m.tag = *trainTagger(tr, dv, m, opt, 0)
	m.parse = *trainParser(tr, dv, m, opt)
	return m, nil
}

// inventory lists the UPOS tags and labels of the sentences, sorted.
func inventory(ss []Sentence) (upos, labels []string) {
	seen := [2]map[string]bool{{}, {}}
	for _, s := range ss {
		for _, w := range s.Words {
			seen[0][w.UPOS], seen[1][w.Rel] = true, true
		}
	}
	var out [2][]string
	for i, m := range seen {
		for k := range m {
			out[i] = append(out[i], k)
		}
		slices.Sort(out[i])
	}
	return out[0], out[1]
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
		e := &example{forms: s.Forms(), lex: make([]lex, n), tags: goldTags(&s), ps: make([]uint64, n), upos: make([]int, n)}
		e.g = gold{head: make([]int32, n+1), rel: make([]int16, n+1), kids: make([][]int32, n+1)}
		for i, w := range s.Words {
			e.lex[i], e.ps[i] = lx.lex(w.Form), tagHash(e.tags[i])
			e.upos[i] = idx(m.tag.UPOS, w.UPOS)
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
	t := &tagger{UPOS: m.tag.UPOS, U: newPerceptron(len(m.tag.UPOS), opt.UPOSBits)}
	var bestT *tagger
	bestAcc := -1.0
	sc := &tagScratch{}
	for ep := range opt.TagEpochs {
		for _, i := range shuffled(len(tr), opt.Seed+seed, uint64(ep)) {
			t.learn(tr[i], sc)
		}
		avg := &tagger{UPOS: t.UPOS, U: t.U.averaged()}
		if dev == nil {
			bestT = avg
			continue
		}
		acc := tagAccuracy(avg, dev)
		fmt.Fprintf(opt.Log, "tagger epoch %d: dev UPOS %.4f\n", ep+1, acc)
		if acc > bestAcc {
			bestT, bestAcc = avg, acc
		}
	}
	return bestT
}

// learn tags e left to right with the current weights and updates them.
func (t *tagger) learn(e *example, sc *tagScratch) {
	up := make([]int, len(e.forms))
	for i := range e.forms {
		sc.feats = tagFeatures(sc.feats[:0], e.lex, e.ps, up, i)
		u := t.bestOf(sc)
		t.U.tick()
		t.U.update(sc.feats, e.upos[i], u)
		up[i] = u
	}
}

func tagAccuracy(t *tagger, dev []*example) float64 {
	right, all := 0, 0
	sc := &tagScratch{}
	for _, e := range dev {
		up := make([]int, len(e.forms))
		t.tag(e.lex, e.ps, up, sc)
		for i := range up {
			right += boolInt(up[i] == e.upos[i])
			all++
		}
	}
	return float64(right) / float64(max(all, 1))
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
			sc.lex, sc.ps, sc.up = e.lex, e.ps, e.utags
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
