package syntax

import "math"

// perceptron is a multi-class averaged perceptron over hashed features: the
// weights of feature h are the row w[row(h) : row(h)+classes].
type perceptron struct {
	Classes int
	Bits    uint      // the array has 1<<Bits rows
	W       []float32 // while training; nil in a loaded model
	Q       []int16   // W quantised, W = Q*Scale, as a model file keeps it
	Scale   float32
	packed  packedRows // a loaded model's weights, Q laid out for scoring (packed.go)

	// Training only (the averaging trick: averaged = W - U/n, where U
	// accumulates n*delta and n counts examples).
	u []float32
	n float32
}

func newPerceptron(classes int, bits uint) *perceptron {
	size := classes << bits
	return &perceptron{Classes: classes, Bits: bits, W: make([]float32, size), u: make([]float32, size)}
}

func (p *perceptron) row(h uint64) int { return int(h>>(64-p.Bits)) * p.Classes }

// score sets out[c] to the sum of the features' weights for class c.
func (p *perceptron) score(feats []uint64, out []float32) {
	out = out[:p.Classes]
	if p.loaded() {
		p.scoreQ(feats, out)
		return
	}
	clear(out)
	for _, h := range feats {
		r := p.W[p.row(h):][:len(out)]
		for c := range out {
			out[c] += r[c]
		}
	}
}

// best is the highest-scoring class among those allowed (all when allowed is
// nil), or -1 when none is allowed.
func best(scores []float32, allowed []bool) int {
	b := -1
	for c, s := range scores {
		if (allowed == nil || allowed[c]) && (b < 0 || s > scores[b]) {
			b = c
		}
	}
	return b
}

// tick counts one training example.
func (p *perceptron) tick() { p.n++ }

// update moves the weights toward truth and away from guess.
func (p *perceptron) update(feats []uint64, truth, guess int) {
	if truth == guess {
		return
	}
	for _, h := range feats {
		r := p.row(h)
		p.W[r+truth]++
		p.u[r+truth] += p.n
		p.W[r+guess]--
		p.u[r+guess] -= p.n
	}
}

// add adds d to the weight of class for each feature (a structured
// update: one side of a perceptron update at a time).
func (p *perceptron) add(feats []uint64, class int, d float32) {
	for _, h := range feats {
		r := p.row(h) + class
		p.W[r] += d
		p.u[r] += d * p.n
	}
}

// trainable returns a copy of p's weights (W, or a loaded model's Q*Scale)
// that training can go on from, counting examples from zero.
func (p *perceptron) trainable() *perceptron {
	t := newPerceptron(p.Classes, p.Bits)
	if !p.loaded() {
		copy(t.W, p.W)
		return t
	}
	for r := range 1 << p.Bits {
		for c := range p.Classes {
			t.W[r*p.Classes+c] = float32(p.packed.weight(r, c)) * p.Scale
		}
	}
	return t
}

// averaged returns a copy with the averaged weights, for use and saving.
func (p *perceptron) averaged() *perceptron {
	a := &perceptron{Classes: p.Classes, Bits: p.Bits, W: make([]float32, len(p.W))}
	if p.n == 0 {
		copy(a.W, p.W)
		return a
	}
	for i, w := range p.W {
		a.W[i] = w - p.u[i]/p.n
	}
	return a
}

// scoreQ sums a loaded model's int16 weights as integers (exact, and
// cheaper than converting each weight) and scales once.
func (p *perceptron) scoreQ(feats []uint64, out []float32) {
	var acc, part [maxClasses]int32
	sum := acc[:len(out)]
	for len(feats) > 0 { // in parts that packedRows.sum takes (always one)
		n := min(len(feats), maxFeatures)
		p.packed.sum(feats[:n], p.Bits, part[:len(sum)])
		for c := range sum {
			sum[c] += part[c]
		}
		feats = feats[n:]
	}
	for c, s := range sum {
		out[c] = float32(s) * p.Scale
	}
}

// loaded reports whether p is a loaded model's, its weights fixed.
func (p *perceptron) loaded() bool { return p.packed.words != nil }

// maxClasses is the most classes a model file's array may have.
const maxClasses = 128

// quantised is p with its int16 weights in Q, as a model file keeps them:
// a loaded model's as they were read, a trained one's quantised.
func (p *perceptron) quantised() *perceptron {
	if p.loaded() {
		return &perceptron{Classes: p.Classes, Bits: p.Bits, Q: p.packed.int16s(p.Classes), Scale: p.Scale}
	}
	return p.quantise()
}

// quantise returns a copy with int16 weights, the form models are saved and
// used in: half the memory, and scores that differ from W's by rounding only.
func (p *perceptron) quantise() *perceptron {
	var top float32
	for _, w := range p.W {
		top = max(top, w, -w)
	}
	q := &perceptron{Classes: p.Classes, Bits: p.Bits, Q: make([]int16, len(p.W)), Scale: 1}
	if top > 0 {
		q.Scale = top / 32767
	}
	for i, w := range p.W {
		q.Q[i] = int16(math.Round(float64(w / q.Scale)))
	}
	return q
}
