package syntax

import (
	"fmt"
	"slices"
)

// Global training of the beam parser: the structured perceptron with the
// max-violation update (Huang, Fayong & Guo 2012). The beam and a gold
// parse advance together; at the step where the best wrong parse in the
// beam leads the gold one by most, the gold prefix's moves are rewarded and
// the wrong prefix's penalised. A parse is wrong when it has lost more gold
// arcs (dynamic oracle costs) than the gold one; the gold parse follows, at
// each step, the best-scoring of the least costly moves, and is replaced by
// a better-scoring right parse of the beam (Björkelund & Nivre 2015's
// non-deterministic oracle): non-projective trees have no perfect sequence.
// Training starts from the greedy parser's weights, so a few epochs do.

// violation is a step where a wrong parse outscored the gold one.
type violation struct {
	by         float32
	gold, pred int32 // their last steps in the history
}

// learnBeam parses one training sentence with the beam and updates the
// move weights at the maximum violation.
func (p *parser) learnBeam(sc *scratch, b *beam, gb *item, width int, g *gold) {
	n := len(sc.lex)
	b.reset(n)
	gb.st.reset(n)
	gb.score, gb.node, gb.cost = 0, -1, 0
	sc.scores = resize(sc.scores, max(nMoves, len(p.Labels)))
	r := searcher{p: p, sc: sc, b: b, width: width, g: g}
	worst := violation{}
	p.Move.tick()
	for range 2 * n {
		r.expand()
		r.advanceGold(gb)
		r.advance()
		best := -1 // the best wrong parse
		for i, it := range b.items {
			if it.cost > gb.cost {
				if best < 0 {
					best = i
				}
				continue
			}
			if it.score > gb.score { // a right parse scores better: it is the gold one now
				gb.st.copyFrom(&it.st)
				gb.score, gb.node, gb.cost = it.score, it.node, it.cost
			}
		}
		if best >= 0 && b.items[best].score-gb.score >= worst.by {
			worst = violation{by: b.items[best].score - gb.score, gold: gb.node, pred: b.items[best].node}
		}
	}
	if worst.gold != worst.pred {
		r.reward(worst.gold, 1)
		r.reward(worst.pred, -1)
	}
}

// path is the moves of the parse ending at step last, first move first.
func (r *searcher) path(last int32) []step {
	var path []step
	for k := last; k >= 0; k = r.b.hist[k].parent {
		path = append(path, r.b.hist[k])
	}
	slices.Reverse(path)
	return path
}

// advanceGold moves the gold parse by its best-scoring least costly move.
func (r *searcher) advanceGold(gb *item) {
	sc, p := r.sc, r.p
	v := sc.viewer(&gb.st)
	sc.feats = parseFeatures(sc.feats[:0], &v)
	scores := r.b.scores
	p.Move.score(sc.feats, scores)
	move, least := -1, 1<<30
	for m := range nMoves {
		if !gb.st.valid(m) {
			continue
		}
		c := gb.st.cost(m, r.g)
		if c < least || c == least && scores[m] > scores[move] {
			move, least = m, c
		}
	}
	label := r.label(&gb.st, move, sc.feats)
	r.b.hist = append(r.b.hist, step{parent: gb.node, move: int8(move), label: int16(label)})
	gb.node = int32(len(r.b.hist) - 1)
	gb.score += scores[move]
	gb.cost += least
	gb.st.apply(move, label)
}

// reward adds d to the weight of each move on the path ending at step
// last, for the features of the configuration it was made in.
func (r *searcher) reward(last int32, d float32) {
	sc := r.sc
	s := &sc.st
	s.reset(len(sc.lex))
	v := sc.viewer(s)
	for _, st := range r.path(last) {
		sc.feats = parseFeatures(sc.feats[:0], &v)
		r.p.Move.add(sc.feats, int(st.move), d)
		s.apply(int(st.move), int(st.label))
	}
}

// trainBeam trains p's move weights globally for opt.BeamEpochs, keeping
// the best epoch on dev (the greedy parser p itself when none is better).
func trainBeam(tr, dev []*example, m *Model, p *parser, opt TrainOptions) *parser {
	trial := &Model{tag: m.tag, parse: *p}
	trial.parse.Beam = opt.Beam
	bestP := &trial.parse
	bestLAS := trial.evaluate(dev).LAS
	fmt.Fprintf(opt.Log, "beam %d, greedy weights: dev LAS %.4f\n", opt.Beam, bestLAS)
	q := &parser{Labels: p.Labels, Move: p.Move.trainable(), Label: p.Label, Beam: opt.Beam}
	q.setIndexes()
	sc, b, gb := &scratch{}, &beam{}, &item{}
	for ep := range opt.BeamEpochs {
		for _, i := range shuffled(len(tr), opt.Seed, 2000+uint64(ep)) {
			e := tr[i]
			sc.lex, sc.xh, sc.up = e.lex, e.xh, e.utags
			q.learnBeam(sc, b, gb, opt.Beam, &e.g)
		}
		avg := &parser{Labels: q.Labels, Move: q.Move.averaged(), Label: q.Label, Beam: opt.Beam}
		avg.setIndexes()
		s := (&Model{tag: m.tag, parse: *avg}).evaluate(dev)
		fmt.Fprintf(opt.Log, "beam %d epoch %d: dev UAS %.4f LAS %.4f\n", opt.Beam, ep+1, s.UAS, s.LAS)
		if s.LAS > bestLAS {
			bestP, bestLAS = avg, s.LAS
		}
	}
	bestP.Margin = chooseMargin(dev, m, bestP, bestLAS, opt)
	return bestP
}

// margins are the score margins chooseMargin tries, narrowest first. The
// widest is the speed budget: at 75 tagging and parsing take about 1.4
// times the greedy parser's time, at 150 1.9, and whole extraction would
// fall under four times prose's speed (issue 16).
var margins = []float32{25, 50, 75}

// marginLoss is the dev LAS a narrower margin may give up for speed.
const marginLoss = 0.0015

// chooseMargin is the narrowest margin whose dev LAS is within marginLoss
// of the whole beam's, las, else the widest. Most moves are clear: a
// narrow margin leaves one parse in the beam most of the time, and the
// beam's cost is in the parses it keeps.
func chooseMargin(dev []*example, m *Model, p *parser, las float64, opt TrainOptions) float32 {
	for _, mg := range margins {
		q := *p
		q.Margin = mg
		s := (&Model{tag: m.tag, parse: q}).evaluate(dev)
		fmt.Fprintf(opt.Log, "beam %d margin %g: dev UAS %.4f LAS %.4f\n", p.Beam, mg, s.UAS, s.LAS)
		if s.LAS >= las-marginLoss {
			return mg
		}
	}
	return margins[len(margins)-1]
}
