package extract

import (
	"sort"
	"strings"

	"newsgraph"
)

// repeatedNames marks again the name of an agency or the full name of a
// person wherever the article writes it and recognition left it unmarked:
// the tagger may miss a company's name beside a common noun ("the Xstrata
// offer", "In 2003 Xstrata acquired"). Only the exact text of a name the
// article already gives the actor counts, with no proper noun right
// before or after it, which would make it part of another name ("Harrison
// Ford" is no mention of Ford), and not a one-word name that is an English
// word where a sentence opens with it (commonOpener).
func repeatedNames(doc *document) {
	forms := repeatForms(doc)
	if len(forms) == 0 {
		return
	}
	for si := range doc.sents {
		s := &doc.sents[si]
		taken := make([]bool, len(s.toks))
		for _, m := range s.mentions {
			for i := max(m.first, 0); i <= m.last && i < len(taken); i++ {
				taken[i] = true
			}
		}
		added := false
		for i := range s.toks {
			for _, rf := range forms[s.toks[i].text] {
				last, ok := spells(doc, s.toks, taken, i, rf.text)
				if !ok || capitalisedAt(s.toks, i-1) || capitalisedAt(s.toks, last+1) || commonOpener(s.toks, i, last) {
					continue
				}
				for j := i; j <= last; j++ {
					taken[j] = true
				}
				s.mentions = append(s.mentions, mention{ent: rf.ent, first: i, last: last})
				e := &doc.ents[rf.ent]
				e.Mentions = append(e.Mentions, newsgraph.Mention{Start: s.toks[i].start, End: s.toks[last].end, Text: rf.text})
				added = true
				break
			}
		}
		if added {
			sort.Slice(s.mentions, func(a, b int) bool { return s.mentions[a].first < s.mentions[b].first })
		}
	}
	for i := range doc.ents {
		e := &doc.ents[i]
		sort.Slice(e.Mentions, func(a, b int) bool { return e.Mentions[a].Start < e.Mentions[b].Start })
	}
}

// repeatForm is a name to mark again and its actor.
type repeatForm struct {
	text string
	ent  int
}

// repeatForms returns, by their first word, the names repeatedNames
// marks: each agency's name and mention texts that start with a capital
// and are at least three bytes long, each person's of two words or more.
// A text two actors share is left out.
func repeatForms(doc *document) map[string][]repeatForm {
	owner := map[string]int{}
	for i, e := range doc.ents {
		if e.Type != newsgraph.Agency && e.Type != newsgraph.Person {
			continue
		}
		texts := []string{e.Name}
		for _, m := range e.Mentions {
			texts = append(texts, m.Text)
		}
		for _, t := range texts {
			if !repeatable(e.Type, t) {
				continue
			}
			if o, ok := owner[t]; ok && o != i {
				owner[t] = -1
				continue
			}
			owner[t] = i
		}
	}
	out := map[string][]repeatForm{}
	for t, i := range owner {
		if i < 0 {
			continue
		}
		first, _, _ := strings.Cut(t, " ")
		out[first] = append(out[first], repeatForm{t, i})
	}
	for _, fs := range out {
		// The longest first, so that "Xstrata Plc" wins over "Xstrata".
		sort.Slice(fs, func(a, b int) bool { return len(fs[a].text) > len(fs[b].text) })
	}
	return out
}

// repeatable reports whether name t of an actor of type typ is marked
// again: capitalised, three bytes or more, and for a person two words or
// more (a surname alone is resolve_short.go's to judge).
func repeatable(typ newsgraph.EntityType, t string) bool {
	if len(t) < 3 || t[0] < 'A' || t[0] > 'Z' || strings.ToLower(t) == t {
		return false
	}
	return typ == newsgraph.Agency || strings.Contains(t, " ")
}

// spells reports whether the free tokens from i on spell text, and the
// last of them.
func spells(doc *document, toks []token, taken []bool, i int, text string) (int, bool) {
	for j := i; j < len(toks) && !taken[j]; j++ {
		got := doc.text[toks[i].start:toks[j].end]
		if got == text {
			return j, true
		}
		if len(got) >= len(text) || !strings.HasPrefix(text, got) {
			return 0, false
		}
	}
	return 0, false
}

// capitalisedAt reports whether token i exists and is a proper noun
// ("Harrison"; not the capitalised "The" that opens a sentence).
func capitalisedAt(toks []token, i int) bool {
	return i >= 0 && i < len(toks) && (toks[i].tag == "NNP" || toks[i].tag == "NNPS")
}

// commonOpener reports whether the one token i..last opens its sentence
// and is an English word: there the capital is the sentence's, and
// "Shell casings were found" or "Next, the minister" names no company.
func commonOpener(toks []token, i, last int) bool {
	return i == last && sentenceInitial(toks, i) && dictWord(toks[i].text)
}
