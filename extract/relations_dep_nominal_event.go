package extract

import "strings"

// Acts stated by a noun with its arguments, read on the dependency tree:
// the doer is the noun's possessor, an actor compounded with it or its "by"
// phrase, the one acted on its "of/on/against/with/to/..." phrase: "Russia's
// killing of Litvinenko", "the purchase of WMC by Xstrata", "sanctions by
// the EU against Iran". An interaction noun with "between" names its parties
// as a list: "talks between Iran, Russia and China". Every conjunct on either
// side gets the edge.

// depEventNounRelations reads the act nouns of the sentence.
func (f *relationFinder) depEventNounRelations(v *sentView) {
	d := newDepView(v)
	if d == nil {
		return
	}
	for n := range d.t.Words {
		if d.t.UPOS[n] != "NOUN" || d.ment[n] >= 0 || !isActNoun(d.lower(n)) {
			continue
		}
		var doers []int
		type patient struct {
			q    int
			prep string
		}
		var done []patient
		for _, c := range d.children[n] {
			switch rel := d.rel(c); {
			case rel == "nmod:poss" || rel == "compound" && c < n:
				doers = append(doers, d.actorsAt(c)...)
			case rel == "nmod":
				p := d.caseOf(c)
				if p == "by" {
					doers = append(doers, d.actorsAt(c)...)
				} else if relActPreps[p] {
					for _, q := range d.actorsAt(c) {
						done = append(done, patient{q, p})
					}
				}
			}
		}
		if len(doers) == 0 || len(done) == 0 {
			continue
		}
		l := lemma(d.t.Words[n], d.t.XPOS[n])
		for _, a := range doers {
			for _, b := range done {
				conf := confVerbFar
				if v.ms[a].resolved || v.ms[b.q].resolved {
					conf *= confPronoun
				}
				f.add(patDepEventNoun, v, v.ms[a].ent, v.ms[b.q].ent, l+" "+b.prep, l+" "+b.prep, conf, false, v.ms[b.q].first)
			}
		}
	}
}

// isActNoun reports whether a lower-case noun can state an act between two
// actors: not a role, a part, a time or a place ("Russia's president",
// "the UK's ministry", "Russia's border with").
func isActNoun(w string) bool {
	return !isRoleNoun(w) && !relTimeWords[w] && !relPlaceNouns[w]
}

// depBetweenRelations reads an interaction noun with its parties after
// "between" or "among": the first party gets an edge to each of the others,
// labelled with the noun ("talk with").
func (f *relationFinder) depBetweenRelations(v *sentView) {
	d := newDepView(v)
	if d == nil {
		return
	}
	for n := range d.t.Words {
		if d.ment[n] >= 0 || !relInteractionNouns[lemma(d.t.Words[n], d.t.XPOS[n])] {
			continue
		}
		for _, c := range d.children[n] {
			if p := d.caseOf(c); d.rel(c) != "nmod" || (p != "between" && p != "among") {
				continue
			}
			parties := d.actorsAt(c)
			if len(parties) < 2 {
				continue
			}
			l := strings.ToLower(lemma(d.t.Words[n], d.t.XPOS[n]))
			a := parties[0]
			for _, b := range parties[1:] {
				conf := confVerbFar
				if v.ms[a].resolved || v.ms[b].resolved {
					conf *= confPronoun
				}
				f.add(patDepBetween, v, v.ms[a].ent, v.ms[b].ent, l+" with", l+" with", conf, false, -1)
			}
		}
	}
}
