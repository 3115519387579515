package extract

import (
	"strings"

	"newsgraph/extract/syntax"
)

// Mends of phrases whose attachment English fixes whatever the parser says:
// a source ("according to X") qualifies a clause, examples ("such as X")
// a noun; a compound or a subject never reaches across a comma or into a
// noun phrase; a name set off by commas after a noun is its apposition.
// They run with the other tree mends (parse_mend.go).

// mendAccordingTo hangs a phrase led by "according to" on the verb of the
// clause it qualifies, as obl, where the parser hung it on a noun
// ("people died in the hall, according to Reuters": Reuters an apposition
// of hall).
func mendAccordingTo(t *syntax.Tree) {
	for w := range t.Words {
		c := firstChild(t, w, "case")
		if c < 0 || !strings.EqualFold(t.Words[c], "according") || t.Head[w] == 0 || !nominalTags[t.UPOS[t.Head[w]-1]] {
			continue
		}
		if v := verbAbove(t, t.Head[w]-1); v >= 0 {
			t.Head[w], t.Rel[w] = v+1, "obl"
		}
	}
}

// verbAbove is the nearest verb among w and its heads, or -1.
func verbAbove(t *syntax.Tree, w int) int {
	for steps := 0; w >= 0 && steps <= len(t.Words); steps++ {
		if t.UPOS[w] == "VERB" {
			return w
		}
		w = t.Head[w] - 1
	}
	return -1
}

// mendSuchAs hangs a phrase led by "such as" on the noun before it, whose
// examples it gives, as nmod, where the parser hung it on a verb ("boost
// holdings of currencies such as the Canadian dollar": dollar an obl of
// boost).
func mendSuchAs(t *syntax.Tree) {
	for w := range t.Words {
		c := firstChild(t, w, "case")
		if c < 0 || !strings.EqualFold(t.Words[c], "such") || t.Head[w] == 0 || t.UPOS[t.Head[w]-1] != "VERB" {
			continue
		}
		for n := c - 1; n >= 0 && t.UPOS[n] != "VERB"; n-- {
			if nominalTags[t.UPOS[n]] && !dominates(t, w, n) {
				t.Head[w], t.Rel[w] = n+1, "nmod"
				break
			}
		}
	}
}

// mendCompoundAcrossComma makes a name that the parser made a compound of
// a noun after a comma the head of the phrase, the noun its apposition
// ("Jane Doe, the party's spokeswoman, spoke": Jane a compound of
// spokeswoman).
func mendCompoundAcrossComma(t *syntax.Tree) {
	for w := range t.Words {
		h := t.Head[w] - 1
		if t.Rel[w] != "compound" || t.UPOS[w] != "PROPN" || h <= w || !commaBetween(t, w, h) {
			continue
		}
		t.Head[w], t.Rel[w] = t.Head[h], t.Rel[h]
		t.Head[h], t.Rel[h] = w+1, "appos"
	}
}

// commaBetween reports whether a comma stands between words a and b (a < b).
func commaBetween(t *syntax.Tree, a, b int) bool {
	for k := a + 1; k < b; k++ {
		if t.Words[k] == "," {
			return true
		}
	}
	return false
}

// mendNameAfterComma reads a name right after a comma that the parser hung
// on a noun before it as parataxis as that noun's apposition ("the
// president of Norland, Jane Doe, said").
func mendNameAfterComma(t *syntax.Tree) {
	for w := 1; w < len(t.Words); w++ {
		h := t.Head[w] - 1
		if t.Rel[w] == "parataxis" && t.UPOS[w] == "PROPN" && h >= 0 && h < w && nominalTags[t.UPOS[h]] && t.Words[w-1] == "," {
			t.Rel[w] = "appos"
		}
	}
}

// mendSubjectInNounPhrase makes a noun the parser read as the subject of a
// noun after it, with no copula and only the noun's own modifiers between
// them, a compound ("the United States special envoy": States the subject
// of envoy).
func mendSubjectInNounPhrase(t *syntax.Tree) {
	for w := range t.Words {
		h := t.Head[w] - 1
		if t.Rel[w] != "nsubj" || h <= w || t.UPOS[h] != "NOUN" || !nominalTags[t.UPOS[w]] || firstChild(t, h, "cop") >= 0 {
			continue
		}
		inside := true
		for k := w + 1; k < h; k++ {
			inside = inside && t.Head[k] == h+1 && (t.Rel[k] == "amod" || t.Rel[k] == "compound")
		}
		if inside {
			t.Rel[w] = "compound"
		}
	}
}

// mendPhraseAfterApposition hangs a prepositional phrase that follows an
// apposition set off by a comma on the apposition, where the parser hung it
// on the name before ("Tom Wills, a senior executive at Acme Mining,
// resigned": Mining an nmod of Tom): the phrase closes the nearer one.
func mendPhraseAfterApposition(t *syntax.Tree) {
	for z := range t.Words {
		w := t.Head[z] - 1
		if w < 0 || w > z || (t.Rel[z] != "nmod" && t.Rel[z] != "obl") || firstChild(t, z, "case") < 0 {
			continue
		}
		for c := z - 1; c > w; c-- {
			if t.Head[c] == w+1 && (t.Rel[c] == "appos" || t.Rel[c] == "parataxis") && commaBetween(t, w, c) && !commaBetween(t, c, z) {
				t.Head[z], t.Rel[z] = c+1, "nmod"
				break
			}
		}
	}
}

// mendApposOfPlace moves a name in apposition to the name that completes
// an "of" phrase up to the noun that phrase qualifies ("The head of Acme
// Mining, Tom Wills, said": Tom an apposition of Mining): a name does not
// rename the organisation or place after a role, the role itself.
func mendApposOfPlace(t *syntax.Tree) {
	for w := range t.Words {
		h := t.Head[w] - 1
		if t.Rel[w] != "appos" || t.UPOS[w] != "PROPN" || h < 0 || t.UPOS[h] != "PROPN" || !strings.HasPrefix(t.Rel[h], "nmod") {
			continue
		}
		g := t.Head[h] - 1
		if c := firstChild(t, h, "case"); c >= 0 && strings.EqualFold(t.Words[c], "of") && g >= 0 && t.UPOS[g] == "NOUN" && g < h {
			t.Head[w] = g + 1
		}
	}
}

// mendParticipleAfterPreposition makes a past participle right after a
// preposition an adjective of the noun after it, which the parser made its
// object ("sanctioned X over alleged smuggling plots": alleged a verb with
// plots its object, so the sanctioner "alleged" the plots). The noun takes
// the participle's place in the tree, the preposition as its case.
func mendParticipleAfterPreposition(t *syntax.Tree) {
	for p := 1; p < len(t.Words); p++ {
		if (t.XPOS[p] != "VBN" && t.XPOS[p] != "VBD") || t.XPOS[p-1] != "IN" || t.Head[p-1] != p+1 {
			continue
		}
		o := firstChild(t, p, "obj")
		if o < p {
			continue
		}
		t.Head[o], t.Rel[o] = t.Head[p], nominalRel(t, t.Head[p]-1, t.Rel[p])
		for c := range t.Words {
			if t.Head[c] == p+1 && c != o {
				t.Head[c] = o + 1
			}
		}
		t.Head[p], t.Rel[p] = o+1, "amod"
		t.Rel[p-1] = "case"
	}
}

// nominalRel is the relation a noun takes in place of a clause hung on h
// with rel: obl on a verb, nmod on a noun, the root stays the root.
func nominalRel(t *syntax.Tree, h int, rel string) string {
	switch {
	case h < 0:
		return rel
	case t.UPOS[h] == "VERB":
		return "obl"
	}
	return "nmod"
}
