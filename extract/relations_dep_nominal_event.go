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
	d := f.nomView(v)
	if d == nil {
		return
	}
	for n := range d.Words {
		if !d.nominal(n) || d.ment[n] >= 0 || !isActNoun(d.lower(n)) {
			continue
		}
		doers, done := d.eventArgs(n)
		for _, a := range doers {
			for _, b := range done {
				conf := confVerbFar
				if v.ms[a].resolved || v.ms[b.q].resolved {
					conf *= confPronoun
				}
				f.add(patDepEventNoun, v, v.ms[a].ent, v.ms[b.q].ent, b.label, b.label, conf, false, v.ms[b.q].first)
			}
		}
	}
}

// patient is an actor an act noun is done to, with the predicate that says
// so ("invasion of").
type patient struct {
	q     int
	label string
}

// eventArgs returns the doers of act noun n and the actors it is done to:
// "Russia's killing of X", "the Xstrata offer for WMC", "the purchase of WMC
// by Xstrata"; through one "of" noun, "the president's handling of issues
// with North Korea".
func (d *nomView) eventArgs(n int) (doers []int, done []patient) {
	l := lemma(d.Words[n], nounTag(d.XPOS[n]))
	for _, c := range d.kids[n] {
		switch rel, p := d.Rel[c], d.caseOf(c); {
		case rel == "nmod:poss" || rel == "compound" && c < n:
			doers = append(doers, d.listed(c)...)
		case rel != "nmod" && rel != "obl": // obl: of an adjective read of it
		case p == "by":
			doers = append(doers, d.listed(c)...)
		case relActPreps[p]:
			for _, q := range d.listed(c) {
				done = append(done, patient{q, l + " " + p})
			}
			if p == "of" && d.ment[c] < 0 && d.UPOS[c] == "NOUN" {
				done = append(done, d.throughOf(c, l)...)
			}
		}
	}
	return doers, done
}

// throughOf returns the actors noun c, the "of" phrase of act noun l, joins
// with a preposition: "handling of [issues] with North Korea".
func (d *nomView) throughOf(c int, l string) []patient {
	var out []patient
	for _, g := range d.kids[c] {
		if p := d.caseOf(g); d.Rel[g] == "nmod" && relActPreps[p] && p != "of" {
			for _, q := range d.listed(g) {
				out = append(out, patient{q, l + " of " + lemma(d.Words[c], d.XPOS[c]) + " " + p})
			}
		}
	}
	return out
}

// nominal reports whether w is a noun, or an adjective the tagger made of
// one, which its possessor shows ("Turkey's offensive against").
func (d *nomView) nominal(w int) bool {
	return d.UPOS[w] == "NOUN" || d.UPOS[w] == "ADJ" && d.hasChild(w, "nmod:poss")
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
	d := f.nomView(v)
	if d == nil {
		return
	}
	for n := range d.Words {
		if d.ment[n] >= 0 || !relInteractionNouns[lemma(d.Words[n], d.XPOS[n])] {
			continue
		}
		for _, c := range d.kids[n] {
			if p := d.caseOf(c); d.Rel[c] != "nmod" || (p != "between" && p != "among") {
				continue
			}
			parties := d.listed(c)
			if len(parties) < 2 {
				continue
			}
			l := strings.ToLower(lemma(d.Words[n], d.XPOS[n]))
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
