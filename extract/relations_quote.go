package extract

import "newsgraph"

// Statements made in a quotation: the speaker the text names for it
// (`P said: "..."`, `"...," P said`, or `P said:` ending the sentence
// before) says something about each person the quotation names (states and
// bodies named in a quotation are most often only its setting):
// `Putin said in a statement: "... the name of Robert Mugabe"` gives
// Putin -[say]-> Robert Mugabe. The quotations and their speakers come
// from the coreference stage (document.quotes, coref_quotes.go).

// quoteRelations adds speaker -[said]-> actor for each actor named inside
// a quotation in sentence v.
func (f *relationFinder) quoteRelations(v *sentView) {
	for _, q := range f.doc.quotes {
		a, b := q.covers(v.si, len(v.toks))
		for _, m := range v.ms {
			if m.first < a || m.last >= b || m.resolved || m.ent == q.speaker || f.doc.ents[m.ent].Type != newsgraph.Person {
				continue
			}
			if speaksNext(v, m) || f.statedIn(v, q.speaker, m.ent) {
				continue // the quotation's own verb links them: "I informed X"
			}
			f.add(patQuote, v, q.speaker, m.ent, "said", "say", patternConf[patQuote], false, -1)
		}
	}
}

// statedIn reports whether an edge between actors a and b, either way, was
// already read in sentence v.
func (f *relationFinder) statedIn(v *sentView, a, b int) bool {
	ida, idb := f.doc.ents[a].ID, f.doc.ents[b].ID
	for _, r := range f.out {
		if r.Evidence.Start == v.s.start && (r.Subject == ida && r.Object == idb || r.Subject == idb && r.Object == ida) {
			return true
		}
	}
	return false
}

// speaksNext reports whether mention m is the subject of a reporting verb
// right after it (`and President Trump said, '...'`): a quotation inside
// the quotation, whose speaker is its own.
func speaksNext(v *sentView, m mention) bool {
	i := m.last + 1
	return i < len(v.toks) && relIsVerb(v.toks[i].tag) && relSpeechVerbs[lemma(v.toks[i].text, v.toks[i].tag)]
}
