package extract

import (
	"strings"

	"newsgraph/extract/syntax"
)

// The dependency patterns for nominal constructions read a sentence's tree
// (parse.go) together with its actor mentions (sentView): roles and
// memberships stated by appositions and copulas
// (relations_dep_nominal_role.go), and acts stated by nouns with their
// arguments (relations_dep_nominal_event.go). This file maps the tree's
// words onto the view's tokens and mentions.

// depView is a sentence's dependency tree seen through its actor mentions:
// for each word its token, its mention, and its children.
type depView struct {
	t        syntax.Tree
	tok      []int   // word -> token of v.toks
	ment     []int   // word -> index into v.ms, or -1
	head     []int   // mention -> its head word, or -1
	children [][]int // word -> its dependents, in word order
	commas   []int   // word -> the number of commas before it
	owner    []int   // word -> mention whose role it names (conjOwners), once asked
}

// newDepView parses v's sentence (once per sentence) and maps its words
// onto v's tokens and mentions. It returns nil when the sentence names
// fewer than two actors, since no nominal pattern can then make an edge, or
// when the parser fails.
func newDepView(v *sentView) *depView {
	if len(v.ms) < 2 {
		return nil
	}
	t, err := v.s.tree()
	if err != nil || len(t.Words) == 0 || len(t.Spans) != len(t.Words) {
		return nil
	}
	n := len(t.Words)
	d := &depView{t: t, tok: make([]int, n), ment: make([]int, n), head: make([]int, len(v.ms)), children: make([][]int, n), commas: make([]int, n+1)}
	ti := 0
	for w := range n {
		for ti+1 < len(v.toks) && v.toks[ti].end <= t.Spans[w][0] {
			ti++
		}
		d.tok[w] = ti
		d.commas[w+1] = d.commas[w] + relBoolInt(t.Words[w] == ",")
		d.ment[w] = v.at[ti]
		if h := t.Head[w] - 1; h >= 0 && h < n {
			d.children[h] = append(d.children[h], w)
		}
	}
	for k := range d.head {
		d.head[k] = -1
	}
	for w := range n {
		k := d.ment[w]
		if k < 0 || d.head[k] >= 0 {
			continue
		}
		if h := t.Head[w] - 1; h < 0 || d.ment[h] != k {
			d.head[k] = w
		}
	}
	return d
}

// rel returns word w's relation to its head ("nmod:poss").
func (d *depView) rel(w int) string { return d.t.Rel[w] }

// parent returns w's head word, or -1 for the root.
func (d *depView) parent(w int) int { return d.t.Head[w] - 1 }

// lower returns word w in lower case.
func (d *depView) lower(w int) string { return strings.ToLower(d.t.Words[w]) }

// actor returns the mention w heads, or -1 when w is no mention's head.
func (d *depView) actor(w int) int {
	if k := d.ment[w]; k >= 0 && d.head[k] == w {
		return k
	}
	return -1
}

// caseOf returns the preposition ("of", "at") that marks w, lower case, or "".
func (d *depView) caseOf(w int) string {
	for _, c := range d.children[w] {
		if d.rel(c) == "case" && d.t.UPOS[c] == "ADP" {
			return d.lower(c)
		}
	}
	return ""
}

// conjuncts returns w and the words coordinated with it ("A, B and C" with
// w = A), at most maxList of them; the parser attaches each conjunct to the
// first.
func (d *depView) conjuncts(w int) []int {
	out := []int{w}
	for _, c := range d.children[w] {
		if d.rel(c) == "conj" && len(out) < maxList {
			out = append(out, c)
		}
	}
	return out
}

// actorsAt returns the mentions headed by w and its conjuncts.
func (d *depView) actorsAt(w int) []int {
	var out []int
	for _, c := range d.conjuncts(w) {
		if q := d.actor(c); q >= 0 {
			out = append(out, q)
		}
	}
	return out
}

// commaBetween reports whether a comma stands between words a and b.
func (d *depView) commaBetween(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	return d.commas[b] > d.commas[a+1]
}
