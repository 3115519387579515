package extract

import (
	"strings"
	"unicode"

	"newsgraph/extract/syntax"
)

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
	{"hyphen verb", mendHyphenVerbs},
	{"possessor", mendPossessors},
	{"modifier before a possessor", mendModifiersBeforePossessor},
	{"name coordinated with a noun", mendNameCoordinatedWithNoun},
	{"time word as a second subject", mendTimeWordSubjects},
	{"titled name", mendTitledNames},
	{"name split off its object", mendSplitNames},
	{"oblique on an adverb", mendObliqueOnAdverb},
	{"as-phrase on a name", mendAsPhraseOnName},
	{"conjunct of another preposition", mendConjunctOfOtherPreposition},
	{"name under a noun", mendNamesUnderNouns},
	{"punctuation head", mendPunctHeads},
	{"subject before marker", mendSubjectBeforeMarker},
	{"bare subject", mendBareSubjects},
	{"subject of a relative clause", mendSubjectOfRelative},
	{"who-clause on a thing", mendWhoClauseOnThing},
	{"according to", mendAccordingTo},
	{"such as", mendSuchAs},
	{"participle after a preposition", mendParticipleAfterPreposition},
	{"compound across a comma", mendCompoundAcrossComma},
	{"name after a fronted phrase", mendNameAfterFrontedPhrase},
	{"name after a comma", mendNameAfterComma},
	{"subject in a noun phrase", mendSubjectInNounPhrase},
	{"apposition of an of-phrase's name", mendApposOfPlace},
	{"apposition read as a list", mendListedApposition},
	{"phrase after an apposition", mendPhraseAfterApposition},
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
		if w < 0 || n < 0 || t.Head[s] == w+1 && t.Head[w] == n+1 || t.Head[w] == 0 || dominates(t, w, n) || dominates(t, s, w) {
			continue
		}
		t.Head[s], t.Rel[s] = w+1, "case"
		t.Head[w], t.Rel[w] = n+1, "nmod:poss"
	}
}

// mendModifiersBeforePossessor hangs a modifier the parser put on a noun
// but that stands before the noun's possessor on the possessor ("German
// Chancellor Jane Doe's spokesman": German and Chancellor hung on
// spokesman): a possessor's "'s" closes its own noun phrase, so what comes
// before it qualifies the possessor. A bare possessor (no "'s") so moved
// becomes a compound.
func mendModifiersBeforePossessor(t *syntax.Tree) {
	for p := range t.Words {
		n := t.Head[p] - 1
		if t.Rel[p] != "nmod:poss" || n <= p || firstChild(t, p, "case") < 0 {
			continue
		}
		for c := 0; c < p; c++ {
			if t.Head[c] != n+1 || dominates(t, c, p) {
				continue
			}
			switch {
			case t.Rel[c] == "amod" || t.Rel[c] == "compound":
				t.Head[c] = p + 1
			case t.Rel[c] == "nmod:poss" && firstChild(t, c, "case") < 0:
				t.Head[c], t.Rel[c] = p+1, "compound"
			}
		}
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
	nominalTags        = map[string]bool{"NOUN": true, "PROPN": true}
	possessorTags      = nominalTags
	possessedTags      = map[string]bool{"NOUN": true, "PROPN": true, "ADJ": true}
	possessedModifiers = map[string]bool{"amod": true, "compound": true, "nummod": true, "det": true, "advmod": true}
)

// mendHyphenVerbs makes the verb the head of a verb written with a prefix
// and a hyphen ("co-founded", "re-elected"): such a word is one verb, which
// the tokens split into three, and the parser may hang the verb on its
// prefix ("co" the root, "founded" its ccomp) or make the prefix a subject.
// The verb takes the prefix's place and dependents; the prefix becomes its
// compound.
func mendHyphenVerbs(t *syntax.Tree) {
	if len(t.Spans) != len(t.Words) {
		return
	}
	for h := 1; h+1 < len(t.Words); h++ {
		p, v := h-1, h+1
		if t.XPOS[h] != "HYPH" || t.UPOS[v] != "VERB" || t.Spans[p][1] != t.Spans[h][0] || t.Spans[h][1] != t.Spans[v][0] {
			continue
		}
		if t.Head[v] == p+1 {
			t.Head[v], t.Rel[v] = t.Head[p], t.Rel[p]
			for w := range t.Words {
				if t.Head[w] == p+1 && w != h {
					t.Head[w] = v + 1
				}
			}
		} else if t.Head[p] != v+1 {
			continue
		}
		t.Head[p], t.Rel[p] = v+1, "compound"
	}
}

// mendPunctHeads re-hangs each word the parser hung on punctuation, which
// heads nothing, on the punctuation's own head. A name or noun after a
// comma so re-hung on a noun before it is that noun's apposition ("A
// member of the parliament, Vladimir Putin, said": Putin hung on the
// comma). The punctuation may come before or after the word.
func mendPunctHeads(t *syntax.Tree) {
	for w := range t.Words {
		p := t.Head[w] - 1
		if p < 0 || t.UPOS[p] != "PUNCT" || t.Head[p] == 0 || t.UPOS[w] == "PUNCT" {
			continue
		}
		h := t.Head[p] - 1
		if dominates(t, w, h) {
			continue
		}
		t.Head[w] = h + 1
		if h < w && nominalTags[t.UPOS[w]] && nominalTags[t.UPOS[h]] && t.Words[w-1] == "," {
			t.Rel[w] = "appos"
		}
	}
}

// mendSubjectBeforeMarker reads a clause whose subject comes before its
// own preposition or subordinator, which English does not allow ("accused
// Iran of lying": Iran made the subject of "lying"): the noun is the object
// of the verb above, when that verb has none, and a ccomp so marked is an
// adverbial clause (advcl).
func mendSubjectBeforeMarker(t *syntax.Tree) {
	for v := range t.Words {
		h := t.Head[v] - 1
		if h < 0 || t.UPOS[v] != "VERB" || t.UPOS[h] != "VERB" {
			continue
		}
		m, s := firstChild(t, v, "case", "mark"), firstChild(t, v, "nsubj")
		if m < 0 || s < 0 || s > m || m > v || s < h || firstChild(t, h, "obj") >= 0 {
			continue
		}
		t.Head[s], t.Rel[s] = h+1, "obj"
		if t.Rel[v] == "ccomp" {
			t.Rel[v] = "advcl"
		}
	}
}

// firstChild returns the first dependent of w with one of rels, or -1.
func firstChild(t *syntax.Tree, w int, rels ...string) int {
	for c := range t.Words {
		if t.Head[c] != w+1 {
			continue
		}
		for _, r := range rels {
			if t.Rel[c] == r {
				return c
			}
		}
	}
	return -1
}

// mendTitledNames makes a name the head of the title written before it
// without a comma, which the parser may read as a list or an apposition
// headed by the title's first word ("Senate Minority Whip Dick Durbin":
// Dick a list item of Senate): the phrase is the person, the title its
// modifier. Only a title with a role word is read so ("Francis D'Souza
// former Deputy Chief Minister" is a name and its apposition).
func mendTitledNames(t *syntax.Tree) {
	for w := range t.Words {
		h := t.Head[w] - 1
		if h < 0 || h > w || t.Rel[w] != "list" && t.Rel[w] != "appos" || t.UPOS[w] != "PROPN" || !titleBefore(t, h, w) {
			continue
		}
		t.Head[w], t.Rel[w] = t.Head[h], t.Rel[h]
		for c := w + 1; c < len(t.Words); c++ {
			if t.Head[c] == h+1 {
				t.Head[c] = w + 1
			}
		}
		t.Head[h], t.Rel[h] = w+1, "compound"
	}
}

// titleBefore reports whether the words from h up to name w are a title:
// no punctuation among them, and a role word.
func titleBefore(t *syntax.Tree, h, w int) bool {
	role := false
	for i := h; i < w; i++ {
		if t.UPOS[i] == "PUNCT" {
			return false
		}
		role = role || isRoleNoun(strings.ToLower(t.Words[i]))
	}
	return role
}

// mendNamesUnderNouns makes a name the parser hung word by word on the
// common noun before it (flat: "banned Iranian airline Mahan Air", Mahan
// and Air both flat of airline) one name, headed by its first word, in
// apposition to the noun: flat joins the words of one name, and a common
// noun is none.
func mendNamesUnderNouns(t *syntax.Tree) {
	for h := range t.Words {
		if t.UPOS[h] != "NOUN" {
			continue
		}
		first := -1
		for w := h + 1; w < len(t.Words); w++ {
			if t.Head[w] != h+1 || t.Rel[w] != "flat" || t.UPOS[w] != "PROPN" {
				continue
			}
			if first < 0 {
				first = w
				t.Rel[w] = "appos"
			} else {
				t.Head[w] = first + 1
			}
		}
	}
}

// mendBareSubjects makes the subject of a finite verb that has none the
// name right before it that the parser hung on the verb as a bare oblique
// or a compound ("In 1971, Conyers co-founded the caucus": Conyers, tagged
// a plural noun, an obl without a preposition). A name before its verb
// with no preposition is its subject; a name of a time ("Monday") is left
// alone.
func mendBareSubjects(t *syntax.Tree) {
	for v := range t.Words {
		if !finiteTags[t.XPOS[v]] || firstChild(t, v, "nsubj", "nsubj:pass", "csubj", "expl") >= 0 {
			continue
		}
		w := bareNameBefore(t, v)
		if w >= 0 {
			t.Rel[w] = "nsubj"
		}
	}
}

// bareNameBefore returns the capitalised word without a preposition right
// before verb v (or before its prefix, "co-"), hung on v as obl or
// compound, or -1.
func bareNameBefore(t *syntax.Tree, v int) int {
	w := v - 1
	if w >= 1 && t.XPOS[w] == "HYPH" {
		w -= 2 // past the verb's prefix: "co-"
	}
	if w < 0 || t.Head[w] != v+1 || t.Rel[w] != "obl" && t.Rel[w] != "compound" || firstChild(t, w, "case") >= 0 {
		return -1
	}
	if r := []rune(t.Words[w]); len(r) == 0 || !unicode.IsUpper(r[0]) || relTimeWords[strings.ToLower(t.Words[w])] {
		return -1
	}
	return w
}

// finiteTags are the Penn tags of a verb that takes a subject.
var finiteTags = map[string]bool{"VBD": true, "VBZ": true, "VBP": true}

// mendSubjectOfRelative makes a name the subject of the relative clause it
// opens where the parser hung it on the clause's noun as a bare nmod ("a
// summit where on Monday President Doe signed the accord": Doe an nmod of
// summit, signed a subjectless acl of it). A "where" or "when" before the
// name marks the clause; a time phrase the parser hung on the name ("on
// Monday") moves to the verb with it.
func mendSubjectOfRelative(t *syntax.Tree) {
	for v := range t.Words {
		h := t.Head[v] - 1
		if !finiteTags[t.XPOS[v]] || !strings.HasPrefix(t.Rel[v], "acl") || h < 0 || h > v || firstChild(t, v, "nsubj", "nsubj:pass", "csubj", "expl") >= 0 {
			continue
		}
		for w := h + 1; w < v; w++ {
			if t.Head[w] != h+1 || t.Rel[w] != "nmod" || t.UPOS[w] != "PROPN" || !relativeOpened(t, w, v) {
				continue
			}
			t.Head[w], t.Rel[w] = v+1, "nsubj"
			for c := h + 1; c < w; c++ {
				switch {
				case t.Head[c] == w+1 && t.XPOS[c] == "WRB":
					t.Head[c] = v + 1
				case t.Head[c] == w+1 && t.Rel[c] == "case":
					t.Head[c] = c + 2 // "on Monday": the time word takes its preposition
					t.Head[c+1], t.Rel[c+1] = v+1, "obl"
				}
			}
			break
		}
	}
}

// relativeOpened reports whether name w, hung on a noun, opens a relative
// clause of verb v: "where" or "when" stands before it, on w or v, and any
// preposition on w leads a time word ("where on Monday Doe"), not w.
func relativeOpened(t *syntax.Tree, w, v int) bool {
	opened := false
	for c := 0; c < w; c++ {
		if t.Head[c] != w+1 && t.Head[c] != v+1 {
			continue
		}
		switch {
		case t.XPOS[c] == "WRB" && (strings.EqualFold(t.Words[c], "where") || strings.EqualFold(t.Words[c], "when")):
			opened = true
		case t.Rel[c] == "case" && t.Head[c] == w+1 && !relTimeWords[strings.ToLower(t.Words[c+1])]:
			return false
		}
	}
	return opened
}
