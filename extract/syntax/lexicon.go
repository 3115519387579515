package syntax

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The lexicon is what the training treebanks say of their frequent word
// forms (lower case): the Penn tags each took (its ambiguity class, "NN|VB")
// and how often it was capitalised away from a sentence's start (l: rarely,
// m: sometimes, u: mostly; NOUN or PROPN, and a capitalised word that is
// usually lower case). Words seen rarely have no entry: their suffixes
// speak for them. The model file keeps it as form → "TAGS/c".

const (
	lexiconMin = 5    // fewest occurrences of a form in the lexicon
	tagShare   = 0.05 // least share of a form's occurrences for a tag to be in its class
)

// wordClass is a form's lexicon entry, hashed for features.
type wordClass struct{ tags, caps uint64 }

// buildLexicon counts the forms of the training sentences and their gold tags.
func buildLexicon(tr []*example, xpos []string) map[string]string {
	type count struct {
		n, inner, caps int
		tags           map[int]int
	}
	counts := map[string]*count{}
	for _, e := range tr {
		for i, f := range e.forms {
			low := strings.ToLower(f)
			c := counts[low]
			if c == nil {
				c = &count{tags: map[int]int{}}
				counts[low] = c
			}
			c.n++
			c.tags[e.xpos[i]]++
			if i > 0 {
				c.inner++
				r, _ := utf8.DecodeRuneInString(f)
				c.caps += boolInt(unicode.IsUpper(r))
			}
		}
	}
	out := map[string]string{}
	for low, c := range counts {
		if c.n < lexiconMin {
			continue
		}
		var tags []string
		for t, k := range c.tags {
			if float64(k) >= tagShare*float64(c.n) {
				tags = append(tags, xpos[t])
			}
		}
		slices.Sort(tags)
		out[low] = strings.Join(tags, "|") + "/" + capsClass(c.inner, c.caps)
	}
	return out
}

// capsClass is how often a form was capitalised in inner positions.
func capsClass(inner, caps int) string {
	switch share := float64(caps) / float64(max(inner, 1)); {
	case inner == 0:
		return "?"
	case share < 0.1:
		return "l"
	case share < 0.9:
		return "m"
	}
	return "u"
}

// lexiconIndex keys the lexicon by the forms' lower-case hashes.
func lexiconIndex(lexicon map[string]string) map[uint64]wordClass {
	idx := make(map[uint64]wordClass, len(lexicon))
	var lx lexer
	for form, class := range lexicon {
		tags, caps, _ := strings.Cut(class, "/")
		idx[lx.lex(form).lower] = wordClass{tags: hashString(tags) | 2, caps: hashString(caps) | 2}
	}
	return idx
}

// classify fills each word's lexicon class (none for forms not in it).
func (t *tagger) classify(ls []lex) {
	for i := range ls {
		c, ok := t.classes[ls[i].lower]
		if !ok {
			c = wordClass{none, none}
		}
		ls[i].amb, ls[i].caps = c.tags, c.caps
	}
}
