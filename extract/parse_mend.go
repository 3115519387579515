package extract

import "newsgraph/extract/syntax"

// Mends of parser errors that English grammar rules out, made once on each
// tree as it is parsed, so every stage reads the same tree. Each mend is a
// named rule, run in order; it changes heads and relations only where the
// tree cannot be right, and never makes a cycle.

// treeMend is one rule: it mends t in place.
type treeMend struct {
	name string
	mend func(t *syntax.Tree)
}

// treeMends are the rules, in the order they run.
var treeMends = []treeMend{
	{"possessor", mendPossessors},
}

// mendTree runs every rule of treeMends on t.
func mendTree(t *syntax.Tree) {
	for _, m := range treeMends {
		m.mend(t)
	}
}

// mendPossessors hangs each possessor ("Acme Mining's", "the UK's") on the
// noun right after its "'s", as nmod:poss, and the "'s" on the possessor: a
// possessor always qualifies the noun phrase that follows it, which the
// parser sometimes forgets ("Tom Wills, Acme Mining's general manager":
// both names hung on Tom as a list; "Russia's invasion of Ukraine and the
// UK's sanctions": UK a conjunct of Ukraine).
func mendPossessors(t *syntax.Tree) {
	for s := range t.Words {
		if t.XPOS[s] != "POS" || s == 0 || s+1 >= len(t.Words) {
			continue
		}
		w, n := possessorBefore(t, s), possessedAfter(t, s)
		if w < 0 || n < 0 || t.Head[s] == w+1 && t.Head[w] == n+1 || t.Head[w] == 0 || dominates(t, w, n) {
			continue
		}
		t.Head[s], t.Rel[s] = w+1, "case"
		t.Head[w], t.Rel[w] = n+1, "nmod:poss"
	}
}

// possessorBefore returns the head of the name or noun that ends right
// before "'s" at s ("Tom Wills's": Tom, the head of its flat name), or -1.
func possessorBefore(t *syntax.Tree, s int) int {
	w := s - 1
	for t.Rel[w] == "flat" && t.Head[w] > 0 && t.Head[w]-1 < w {
		w = t.Head[w] - 1
	}
	if !possessorTags[t.UPOS[w]] {
		return -1
	}
	return w
}

// possessedAfter returns the head of the noun phrase that starts right
// after "'s" at s, following its modifiers rightwards ("general manager":
// manager), or -1.
func possessedAfter(t *syntax.Tree, s int) int {
	n := s + 1
	for possessedModifiers[t.Rel[n]] && t.Head[n]-1 > n {
		n = t.Head[n] - 1
	}
	if !possessedTags[t.UPOS[n]] {
		return -1
	}
	return n
}

// dominates reports whether w is n or one of its heads.
func dominates(t *syntax.Tree, w, n int) bool {
	for steps := 0; n >= 0 && steps <= len(t.Words); steps++ {
		if n == w {
			return true
		}
		n = t.Head[n] - 1
	}
	return false
}

var (
	possessorTags      = map[string]bool{"NOUN": true, "PROPN": true}
	possessedTags      = map[string]bool{"NOUN": true, "PROPN": true, "ADJ": true}
	possessedModifiers = map[string]bool{"amod": true, "compound": true, "nummod": true, "det": true, "advmod": true}
)
