package extract

// interactionObject reports whether the verb group g takes as object a noun
// of what two parties do with each other ("held talks", "signed an
// agreement", "ended their dispute"; data/words/interaction_nouns.txt), so
// that its coordinated subjects are each other's party.
func interactionObject(v *sentView, g verbGroup) bool {
	n := firstNounHead(v, g.last+1)
	if len(n) != 1 {
		return false
	}
	t := v.toks[n[0]]
	return relInteractionNouns[lemma(t.text, t.tag)]
}

// joinedByAnd reports whether the two subject mentions are joined by "and"
// ("Russia and China"), not merely found before one verb ("According to
// AP, Iran has increased cooperation").
func joinedByAnd(v *sentView, subj []int) bool {
	a, b := v.ms[subj[0]], v.ms[subj[1]]
	if a.first > b.first {
		a, b = b, a
	}
	for i := a.last + 1; i < b.first; i++ {
		if w := v.toks[i].text; w == "and" || w == "&" {
			return true
		}
	}
	return false
}
