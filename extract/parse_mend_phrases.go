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

// mendListedApposition reads a noun phrase with a determiner set off by
// commas right after a name, which the parser made a conjunct of the name
// with no conjunction, as the name's apposition ("Tom Wills, a senior
// executive at Acme Mining, resigned": executive a conj of Tom): a list
// needs its "and" or "or", and "NAME, a/the NOUN," renames the name. A
// phrase of the noun the parser hung on the name moves in with it
// (mendPhraseAfterApposition, which runs after).
func mendListedApposition(t *syntax.Tree) {
	for c := range t.Words {
		w := t.Head[c] - 1
		if t.Rel[c] != "conj" || w < 0 || w > c || t.UPOS[w] != "PROPN" || !apposNounTags[t.UPOS[c]] || coordinated(t, w) {
			continue
		}
		d := firstChild(t, c, "det")
		if d < 2 || d > c || t.Words[d-1] != "," || !nameEndsAt(t, w, d-2) || !commaAfter(t, c) {
			continue
		}
		t.Rel[c] = "appos"
	}
}

// apposNounTags are the tags of an apposition's head noun; the tagger may
// take a role noun with a determiner for an adjective ("a senior
// executive").
var apposNounTags = map[string]bool{"NOUN": true, "ADJ": true}

// coordinated reports whether one of w's conjuncts has a conjunction.
func coordinated(t *syntax.Tree, w int) bool {
	for c := range t.Words {
		if t.Head[c] == w+1 && t.Rel[c] == "conj" && firstChild(t, c, "cc") >= 0 {
			return true
		}
	}
	return false
}

// nameEndsAt reports whether name w ends at word e: e is w or one of its
// flat words, and every word between them too.
func nameEndsAt(t *syntax.Tree, w, e int) bool {
	for k := w + 1; k <= e; k++ {
		if t.Head[k] != w+1 || t.Rel[k] != "flat" {
			return false
		}
	}
	return e >= w
}

// commaAfter reports whether a comma stands after word c in its sentence.
func commaAfter(t *syntax.Tree, c int) bool {
	return commaBetween(t, c, len(t.Words))
}

// mendNameAfterFrontedPhrase hangs a name that comes right after a fronted
// time phrase and its comma, which the parser hung on the phrase's noun
// ("In early September, Jane Doe, the Governor General of Norland,
// dissolved the parliament": Jane an apposition of September), back on the
// clause's verb as its subject: a name does not rename a time. The phrase
// must run from the sentence's start to the comma, and the verb come after
// the name. A subject the parser gave the verb, set off by a comma after
// the name, becomes the name's apposition; a verb with another subject
// keeps it, and the name stays.
func mendNameAfterFrontedPhrase(t *syntax.Tree) {
	for w := 2; w < len(t.Words); w++ {
		h := t.Head[w] - 1
		if t.UPOS[w] != "PROPN" || t.Words[w-1] != "," || h < 0 || h >= w || !relTimeWords[strings.ToLower(t.Words[h])] || !frontedPhrase(t, h, w-1) {
			continue
		}
		v := t.Head[h] - 1
		if v <= w || t.UPOS[v] != "VERB" {
			continue
		}
		s := firstChild(t, v, "nsubj", "nsubj:pass", "csubj", "expl")
		if s >= 0 && (s < w || !commaBetween(t, w, s)) {
			continue
		}
		t.Head[w], t.Rel[w] = v+1, "nsubj"
		if s >= 0 {
			t.Head[s], t.Rel[s] = w+1, "appos"
		}
	}
}

// frontedPhrase reports whether every word before the comma at k hangs
// within h's phrase, h itself an obl: the phrase opens the sentence.
func frontedPhrase(t *syntax.Tree, h, k int) bool {
	if !strings.HasPrefix(t.Rel[h], "obl") {
		return false
	}
	for i := 0; i < k; i++ {
		if !dominates(t, h, i) {
			return false
		}
	}
	return true
}

// mendNameCoordinatedWithNoun undoes a name the parser made a compound of
// a noun after it across "and" ("Senator Ann Lee and incoming chair of the
// committee Bob Marsh questioned": Ann a compound of chair, with "incoming"
// its conjunct): a compound cannot hold a conjunct that stands between it
// and its noun, so the name heads the phrase where the noun stood, the noun
// is its conjunct, and the conjunct's word ("incoming") modifies the noun.
func mendNameCoordinatedWithNoun(t *syntax.Tree) {
	for c := range t.Words {
		n := t.Head[c] - 1
		if t.Rel[c] != "compound" || t.UPOS[c] != "PROPN" || n <= c || t.UPOS[n] != "NOUN" {
			continue
		}
		k := conjunctBetween(t, c, n)
		if k < 0 {
			continue
		}
		t.Head[c], t.Rel[c] = t.Head[n], t.Rel[n]
		t.Head[n], t.Rel[n] = c+1, "conj"
		t.Head[k], t.Rel[k] = n+1, "amod"
		for w := c + 1; w < k; w++ {
			if t.Head[w] == k+1 && t.Rel[w] == "cc" {
				t.Head[w] = n + 1
			}
		}
	}
}

// conjunctBetween returns the conjunct of c, with its "and" or "or", that
// stands between c and n and is a modifier (an adjective or participle), or
// -1.
func conjunctBetween(t *syntax.Tree, c, n int) int {
	for k := c + 1; k < n; k++ {
		if t.Head[k] != c+1 || t.Rel[k] != "conj" || (t.UPOS[k] != "ADJ" && t.UPOS[k] != "VERB") {
			continue
		}
		for w := c + 1; w < k; w++ {
			if t.Head[w] == k+1 && t.Rel[w] == "cc" {
				return k
			}
		}
	}
	return -1
}

// mendTimeWordSubjects makes a bare time word ("yesterday", "today") that
// the parser took as a second subject of a verb a time oblique ("Ann Lee
// and Bob Marsh both yesterday questioned"): a verb has one subject, and a
// time word names when, not who.
func mendTimeWordSubjects(t *syntax.Tree) {
	for w := range t.Words {
		v := t.Head[w] - 1
		if t.Rel[w] != "nsubj" || v < 0 || !relTimeWords[strings.ToLower(t.Words[w])] || firstChild(t, w, "case") >= 0 {
			continue
		}
		for s := range t.Words {
			if s != w && t.Head[s] == v+1 && t.Rel[s] == "nsubj" {
				t.Rel[w] = "obl:tmod"
				break
			}
		}
	}
}

// mendWhoClauseOnThing hangs a relative clause opened by "who" or "whom"
// that the parser put on a noun of a thing ("criticism by the minister and
// the agency who questioned it": the clause on criticism) on the name or
// role noun right before it, within that noun's phrase: "who" stands for a
// person or a body, never for a thing, and follows what it stands for.
func mendWhoClauseOnThing(t *syntax.Tree) {
	for v := range t.Words {
		h := t.Head[v] - 1
		if t.Rel[v] != "acl:relcl" || h < 0 || t.UPOS[h] != "NOUN" || isRoleNoun(strings.ToLower(t.Words[h])) {
			continue
		}
		n := whoAntecedent(t, v)
		if n < 0 || n == h || !dominates(t, h, n) || dominates(t, v, n) {
			continue
		}
		if t.UPOS[n] == "PROPN" || t.UPOS[n] == "NOUN" && isRoleNoun(strings.ToLower(t.Words[n])) {
			t.Head[v] = n + 1
		}
	}
}

// whoAntecedent returns the head of the phrase right before the "who" or
// "whom" that opens relative clause v, climbing from the word before it
// over the names, appositions and conjuncts that make one phrase
// ("the minister and Acme (AC) who": minister), or -1.
func whoAntecedent(t *syntax.Tree, v int) int {
	r := -1
	for c := 0; c < v; c++ {
		if t.Head[c] == v+1 {
			r = c
			break
		}
	}
	if r < 1 || t.Words[r] != "who" && t.Words[r] != "whom" {
		return -1
	}
	p := r - 1
	for p >= 0 && t.UPOS[p] == "PUNCT" {
		p--
	}
	for steps := 0; p >= 0 && steps < len(t.Words) && phraseRels[t.Rel[p]] && t.Head[p] > 0; steps++ {
		p = t.Head[p] - 1
	}
	return p
}

// phraseRels join a word to the phrase of the word it hangs on.
var phraseRels = map[string]bool{"flat": true, "appos": true, "compound": true, "conj": true}

// mendSplitNames joins to a name the proper noun right after its last
// word that the parser made an object of the verb ("served under President
// Jean Paul Dufresne in 1990": Dufresne an obj of served): a name after a
// preposition's object, with nothing between, is not a second object of
// the verb, but the rest of the name.
func mendSplitNames(t *syntax.Tree) {
	for w := 1; w < len(t.Words); w++ {
		p := w - 1
		if t.UPOS[w] != "PROPN" || t.Rel[w] != "obj" || t.UPOS[p] != "PROPN" {
			continue
		}
		n := p
		if t.Rel[p] == "flat" {
			n = t.Head[p] - 1
		}
		if n < 0 || firstChild(t, n, "case") < 0 || dominates(t, w, n) {
			continue
		}
		t.Head[w], t.Rel[w] = n+1, "flat"
	}
}

// mendObliqueOnAdverb hangs a prepositional phrase the parser put on an
// adverb of a verb ("served first under President Doe": Doe an obl of
// first) on the verb: an adverb of time or order takes no phrase of its
// own, save through the prepositions adverbObliqueCases lists ("ahead
// of", "prior to", "along with").
func mendObliqueOnAdverb(t *syntax.Tree) {
	for w := range t.Words {
		a := t.Head[w] - 1
		if t.Rel[w] != "obl" || a < 0 || t.UPOS[a] != "ADV" || t.Rel[a] != "advmod" || t.Head[a] == 0 || t.UPOS[t.Head[a]-1] != "VERB" {
			continue
		}
		c := firstChild(t, w, "case")
		if c < 0 || adverbObliqueCases[strings.ToLower(t.Words[c])] {
			continue
		}
		t.Head[w] = t.Head[a]
	}
}

// adverbObliqueCases are the prepositions an adverb takes a phrase with.
var adverbObliqueCases = map[string]bool{"of": true, "to": true, "from": true, "with": true, "than": true, "as": true}

// mendAsPhraseOnName hangs an "as" phrase the parser put on a name in a
// verb's prepositional phrase on the verb ("ran for Congress as a
// Democrat": Democrat an nmod of Congress): a name needs no "as" to say
// what it is, the verb's subject does.
func mendAsPhraseOnName(t *syntax.Tree) {
	for w := range t.Words {
		n := t.Head[w] - 1
		if t.Rel[w] != "nmod" || n < 0 || t.UPOS[n] != "PROPN" || t.Rel[n] != "obl" || caseWord(t, w) != "as" {
			continue
		}
		t.Head[w], t.Rel[w] = t.Head[n], "obl"
	}
}

// mendConjunctOfOtherPreposition hangs a conjunct led by a preposition on
// the verb's earlier phrase led by the same preposition, where the parser
// joined it to a phrase of another one ("ran for Congress in Ohio and for
// the Senate": Senate a conjunct of Ohio): coordinated phrases repeat
// their preposition.
func mendConjunctOfOtherPreposition(t *syntax.Tree) {
	for c := range t.Words {
		h := t.Head[c] - 1
		if t.Rel[c] != "conj" || h < 0 || t.Rel[h] != "obl" {
			continue
		}
		p := caseWord(t, c)
		if p == "" || caseWord(t, h) == "" || caseWord(t, h) == p {
			continue
		}
		for e := h - 1; e >= 0; e-- {
			if t.Rel[e] == "obl" && t.Head[e] == t.Head[h] && caseWord(t, e) == p {
				t.Head[c] = e + 1
				break
			}
		}
	}
}

// caseWord returns the preposition of w, lower-cased, or "".
func caseWord(t *syntax.Tree, w int) string {
	if c := firstChild(t, w, "case"); c >= 0 {
		return strings.ToLower(t.Words[c])
	}
	return ""
}
