package syntax

import (
	"errors"
	"fmt"
	"strings"
)

// Scores are accuracies over words, punctuation included (as in the CoNLL
// 2018 shared task). LAS compares universal relations (the part before
// ':'), like the shared task; LASFull compares whole labels (nsubj:pass).
type Scores struct {
	Words                         int
	UPOS, XPOS, UAS, LAS, LASFull float64
}

func (s Scores) String() string {
	return fmt.Sprintf("words %d  UPOS %.4f  XPOS %.4f  UAS %.4f  LAS %.4f  (LAS with subtypes %.4f)",
		s.Words, s.UPOS, s.XPOS, s.UAS, s.LAS, s.LASFull)
}

// Evaluate tags and parses the gold sentences' words (ParseSentence) and
// scores the result; XPOS is prose's accuracy.
func (m *Model) Evaluate(gold []Sentence) Scores {
	tags := make([][]string, len(gold))
	for i := range gold {
		tags[i] = goldTags(&gold[i])
	}
	return m.evaluateTagged(gold, tags)
}

func (m *Model) evaluateTagged(gold []Sentence, tags [][]string) Scores {
	var c [5]int
	n := 0
	for k, s := range gold {
		t := m.parseTagged(s.Forms(), tags[k])
		for i, w := range s.Words {
			n++
			c[0] += boolInt(t.UPOS[i] == w.UPOS)
			c[1] += boolInt(t.XPOS[i] == w.XPOS)
			uas := t.Head[i] == w.Head
			c[2] += boolInt(uas)
			c[3] += boolInt(uas && universal(t.Rel[i]) == universal(w.Rel))
			c[4] += boolInt(uas && t.Rel[i] == w.Rel)
		}
	}
	d := float64(max(n, 1))
	return Scores{Words: n, UPOS: float64(c[0]) / d, XPOS: float64(c[1]) / d,
		UAS: float64(c[2]) / d, LAS: float64(c[3]) / d, LASFull: float64(c[4]) / d}
}

func universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

// evaluate scores examples (training's form of sentences).
func (m *Model) evaluate(es []*example) Scores {
	ss := make([]Sentence, len(es))
	tags := make([][]string, len(es))
	for i, e := range es {
		ws := make([]Word, len(e.forms))
		for j, f := range e.forms {
			ws[j] = Word{Form: f, UPOS: m.tag.UPOS[e.upos[j]], XPOS: m.tag.XPOS[e.xpos[j]],
				Head: int(e.g.head[j+1]), Rel: m.parse.Labels[e.g.rel[j+1]]}
		}
		ss[i], tags[i] = Sentence{Words: ws}, e.tags
	}
	return m.evaluateTagged(ss, tags)
}

// ErrNotTree is returned (wrapped) by CheckTree.
var ErrNotTree = errors.New("syntax: heads do not form a tree")

// CheckTree checks that heads (1-based, 0 the root, one per word) form a
// tree: every head in range, exactly one word on the root, no cycle.
func CheckTree(heads []int) error {
	roots := 0
	for i, h := range heads {
		if h < 0 || h > len(heads) || h == i+1 {
			return fmt.Errorf("%w: word %d has head %d", ErrNotTree, i+1, h)
		}
		roots += boolInt(h == 0)
	}
	if len(heads) > 0 && roots != 1 {
		return fmt.Errorf("%w: %d words on the root", ErrNotTree, roots)
	}
	for i := range heads { // follow heads up: reaching the root within n steps
		w, steps := i+1, 0
		for w != 0 {
			w = heads[w-1]
			if steps++; steps > len(heads) {
				return fmt.Errorf("%w: word %d is on a cycle", ErrNotTree, i+1)
			}
		}
	}
	return nil
}
