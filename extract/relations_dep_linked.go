package extract

// dep-linked: a tie stated in the passive, with no agent: "the Islamic
// State, which is linked to the Abu Sayyaf Group", "a militia allied with
// Iran", "firms affiliated with the party" -> the one tied -[link to]->
// the one it is tied to. The verbs are data (association_verbs.txt); the
// tied one is the passive subject (own or through a relative pronoun) or
// the noun the participle hangs on.

// depLinked adds patient -[verb prep]-> actor for each passive verb of
// association with a "to" or "with" phrase naming an actor.
func (f *relationFinder) depLinked(v *sentView) {
	d := f.depView(v)
	if d == nil {
		return
	}
	for w := range d.Words {
		if d.XPOS[w] != "VBN" || !depAssociationVerbs[d.lemmas[w]] || d.agent(w) >= 0 {
			continue
		}
		tied := d.tiedOne(w)
		m := d.moodOf(w)
		if tied < 0 || m == hypothetical || m == requested {
			continue
		}
		c := depClause{verb: w, negated: d.negated(w), hedged: m == hedged}
		for _, o := range d.children(w, "obl") {
			if p := d.caseOf(o); p != "to" && p != "with" {
				continue
			}
			label, lem := depPredicate(d, w, depCase(d, o))
			f.depAdd(patDepLinked, v, c, d.actors(tied), d.actors(o), label, lem)
		}
	}
}

// tiedOne returns the one passive participle w says is tied: its passive
// subject, own or inherited ("which is linked to"), or the noun it
// modifies ("a militia allied with Iran") or the one that noun describes,
// or -1.
func (d *depTree) tiedOne(w int) int {
	if d.hasRel(w, "acl") && d.Rel[w] != "acl:relcl" {
		return d.describedOne(d.head(w))
	}
	if s := d.subject(w); s.passive || d.passiveVerb(w) {
		return s.word
	}
	return -1
}

// describedOne returns the actor's word a noun n describes when n names
// none itself: the subject of "X is a carrier", or the name n is in
// apposition to ("X, a carrier"); else n.
func (d *depTree) describedOne(n int) int {
	if n < 0 || len(d.actors(n)) > 0 {
		return n
	}
	if s := d.child(n, "nsubj"); s >= 0 {
		return s
	}
	if d.hasRel(n, "appos") {
		return d.head(n)
	}
	return n
}

// depAssociationVerbs tie one actor to another: "linked to", "allied
// with".
var depAssociationVerbs = wordSet("association_verbs.txt")
