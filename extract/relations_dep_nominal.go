package extract

import (
	"slices"
	"strings"
)

// The dependency patterns for nominal constructions read a sentence's tree
// (dep.go) together with its actor mentions: roles and memberships stated
// by appositions and copulas (relations_dep_nominal_role.go), and acts
// stated by nouns with their arguments (relations_dep_nominal_event.go).
// This file adds to dep.go's tree what they ask of it besides: the word
// that heads each mention, and where the commas are.

// nomView is a sentence's dependency tree (dep.go) with each mention's head
// word and the commas counted.
type nomView struct {
	*depTree
	mhead  []int // mention -> its head word, or -1
	commas []int // word -> the number of commas before it
	owner  []int // word -> mention whose role it names (conjOwners), once asked
}

// nomView returns v's tree for the nominal patterns, or nil when v has none
// (fewer than two actors, or no parse).
func (f *relationFinder) nomView(v *sentView) *nomView {
	t := f.depView(v)
	if t == nil {
		return nil
	}
	n := len(t.Words)
	d := &nomView{depTree: t, mhead: make([]int, len(v.ms)), commas: make([]int, n+1)}
	for k := range d.mhead {
		d.mhead[k] = -1
	}
	for w := range n {
		d.commas[w+1] = d.commas[w] + relBoolInt(t.Words[w] == ",")
		k := t.ment[w]
		if k < 0 || k >= len(d.mhead) || d.mhead[k] >= 0 {
			continue
		}
		if h := t.head(w); h < 0 || t.ment[h] != k {
			d.mhead[k] = w
		}
	}
	return d
}

// lower returns word w in lower case.
func (d *nomView) lower(w int) string { return strings.ToLower(d.Words[w]) }

// actor returns the mention w heads, or -1 when w is no mention's head.
func (d *nomView) actor(w int) int {
	if k := d.ment[w]; k >= 0 && d.mhead[k] == w {
		return k
	}
	return -1
}

// hasChild reports whether w has a dependent with relation rel (as
// depTree.hasRel matches it).
func (d *nomView) hasChild(w int, rel string) bool { return d.child(w, rel) >= 0 }

// commaBetween reports whether a comma stands between words a and b.
func (d *nomView) commaBetween(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	return d.commas[b] > d.commas[a+1]
}

// listed returns the actor mentions noun phrase w names with its conjuncts
// ("between Iran and the United States") when w is itself an actor's, as
// depTree.actors does, except
// that a last conjunct right before the sentence's verb still counts
// ("Talks between Iran and the United States stalled"); a conjunct with a
// verb of its own heads a clause and does not. A list longer than maxList
// gives nothing.
func (d *nomView) listed(w int) []int {
	if d.mention(w) < 0 {
		return nil // "plots against dissidents in nations including Denmark"
	}
	out := d.actors(w)
	for _, c := range d.kids[w] {
		if d.rel(c) != "conj" || d.mention(c) < 0 || slices.Contains(out, d.mention(c)) || d.ownVerb(c) {
			continue
		}
		out = append(out, d.mention(c))
	}
	if len(out) > maxList {
		return nil
	}
	return out
}

// ownVerb reports whether w has a verb or an auxiliary among its dependents.
func (d *nomView) ownVerb(w int) bool {
	for _, c := range d.kids[w] {
		if d.UPOS[c] == "VERB" || d.UPOS[c] == "AUX" {
			return true
		}
	}
	return false
}
