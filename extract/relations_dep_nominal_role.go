package extract

import (
	"unicode"

	"newsgraph"
)

// Roles and memberships stated by a noun phrase about an actor, read on the
// dependency tree: an apposition ("David Yarnton, Nintendo Europe's general
// manager"; "the head of the NHTCU, Mick Deats") or a copula ("P is the
// chairman of C", "P is a Republican"). The role noun's possessor, its
// "of/at/for/to" phrase or an actor compounded with it is the one the role
// is held in; every conjunct of that actor gets the edge.

// depAppositionRelations reads the appositions of the sentence's actors.
func (f *relationFinder) depAppositionRelations(v *sentView) {
	d := f.nomView(v)
	for k := range v.ms {
		if d == nil || d.mhead[k] < 0 || !f.depAppositionOf(v, d, k) {
			// The parse shows no role: the token pattern may.
			f.appositionRelation(v, k)
		}
	}
}

// depAppositionOf reads the appositions of mention k and reports whether
// the parse showed it one with a role noun or a party label.
func (f *relationFinder) depAppositionOf(v *sentView, d *nomView, k int) bool {
	h := d.mhead[k]
	if !roleHolderType(f, v, k) {
		return false
	}
	read := false
	for _, c := range d.kids[h] {
		if c < h || !d.commaBetween(h, c) {
			continue
		}
		if q := d.actor(c); q >= 0 && (isAppos(d.Rel[c]) || d.hasChild(c, "det")) {
			// "X, a Republican,", which the parser may read as a conjunct.
			read = f.partyLabel(patDepApposition, v, k, q) || read
		} else if d.apposAfter(c) && d.ment[c] < 0 {
			read = f.depRole(patDepApposition, v, d, k, d.oneOf(c)) || read
		}
	}
	p := d.head(h)
	if r := f.conjApposOf(v, d, k); r >= 0 {
		return f.depRole(patDepApposition, v, d, k, r) || read
	}
	if p < 0 || !d.apposLike(h) || d.ment[p] >= 0 {
		return read
	}
	if d.commaBetween(p, h) && isRoleNoun(d.lower(p)) {
		// "the head of the NHTCU, Mick Deats": the name is the
		// apposition; or the parser hung the name before its apposition
		// on the role.
		return f.depRole(patDepApposition, v, d, k, p) || read
	}
	// "On Friday, Youssef Chahed, the Prime Minister of Tunisia,": the
	// parser may hang both on the word before.
	if r := d.nextAppos(p, h); r >= 0 {
		return f.depRole(patDepApposition, v, d, k, r) || read
	}
	return read
}

// nextAppos returns the apposition of p that follows its apposition h
// right after a comma, past only the later one's own modifiers, or -1.
func (d *nomView) nextAppos(p, h int) int {
	last := h
	for last+1 < len(d.Words) && d.ment[last+1] >= 0 && d.ment[last+1] == d.ment[h] {
		last++
	}
	if last+1 >= len(d.Words) || d.Words[last+1] != "," {
		return -1
	}
	for w := last + 2; w < len(d.Words); w++ {
		if d.head(w) == p && isAppos(d.Rel[w]) {
			return w
		}
		if d.ment[w] >= 0 || d.head(w) <= w {
			return -1
		}
	}
	return -1
}

// depCopulaRelations reads a role stated with "be": "P is the chairman of
// C", "P is a Republican", "P was Russia's ambassador".
func (f *relationFinder) depCopulaRelations(v *sentView) {
	d := f.nomView(v)
	if d == nil {
		return
	}
	for k := range v.ms {
		h := d.mhead[k]
		if h < 0 || d.Rel[h] != "nsubj" || !roleHolderType(f, v, k) {
			continue
		}
		r := d.head(h)
		if r < 0 || !d.hasChild(r, "cop") {
			continue
		}
		if q := d.actor(r); q >= 0 {
			f.partyLabel(patDepCopula, v, k, q) // "P is a Republican"
		} else if d.ment[r] < 0 {
			f.depRole(patDepCopula, v, d, k, d.oneOf(r))
		}
	}
}

// partyLabel adds the membership a party label states of person k: "X, a
// Republican,", "X is a Democrat"; it reports whether q is such a label.
func (f *relationFinder) partyLabel(p patternID, v *sentView, k, q int) bool {
	if f.typ(v, k) != newsgraph.Person || f.typ(v, q) != newsgraph.Agency || !f.isParty(v.ms[q].ent) {
		return false
	}
	conf := confApposition
	if v.ms[k].resolved || v.ms[q].resolved {
		conf *= confPronoun
	}
	f.add(p, v, v.ms[k].ent, v.ms[q].ent, "member of", "member of", conf, false, -1)
	return true
}

// oneOf returns the noun after "one of" when w is that "one" ("one of
// Zelensky's aides"), else w.
func (d *nomView) oneOf(w int) int {
	if d.lower(w) != "one" {
		return w
	}
	for _, c := range d.kids[w] {
		if d.Rel[c] == "nmod" && d.caseOf(c) == "of" {
			return c
		}
	}
	return w
}

// roleHolderType reports whether mention k can hold a role: a person or an
// agency.
func roleHolderType(f *relationFinder, v *sentView, k int) bool {
	t := f.typ(v, k)
	return t == newsgraph.Person || t == newsgraph.Agency
}

func isAppos(rel string) bool { return rel == "appos" || rel == "list" }

// apposAfter reports whether w, a dependent after a name, is its
// apposition: so labelled, or a noun phrase with a determiner the parser
// read as a clause of its own ("Tom Wills, a senior executive at Acme,").
func (d *nomView) apposAfter(w int) bool {
	return isAppos(d.Rel[w]) || d.Rel[w] == "parataxis" && d.UPOS[w] != "VERB" && d.hasChild(w, "det")
}

// conjApposOf returns the role noun whose phrase a name after a comma is
// the apposition of, when the parser read the name as a conjunct of the
// phrase's last actor ("The head of Acme, Tom Wills, said": Tom a conjunct
// of Acme); -1 when person mention k is no such conjunct.
func (f *relationFinder) conjApposOf(v *sentView, d *nomView, k int) int {
	h := d.mhead[k]
	p := d.head(h)
	if p < 0 || d.Rel[h] != "conj" || d.hasChild(h, "cc") || !d.commaBetween(p, h) || f.typ(v, k) != newsgraph.Person {
		return -1
	}
	if d.ment[p] < 0 && d.isVerb(p) {
		// A name cannot be a verb's conjunct: the parser hung it far
		// from the phrase it follows ("Speaking to AFP, the president of
		// Norland, Jane Doe, said": Doe a conjunct of Speaking).
		p = d.beforeComma(k)
	}
	if p < 0 || d.ment[p] < 0 || f.typ(v, d.ment[p]) == newsgraph.Person {
		return -1
	}
	for steps := 0; p >= 0 && steps < 4; steps++ {
		if d.ment[p] < 0 && isRoleNoun(d.lower(p)) {
			return p
		}
		switch d.Rel[p] {
		case "nmod", "nmod:poss", "compound", "flat":
			p = d.head(p)
		default:
			return -1
		}
	}
	return -1
}

// beforeComma returns the word right before the comma that mention k
// follows, or -1.
func (d *nomView) beforeComma(k int) int {
	w := d.mhead[k]
	for w >= 0 && d.ment[w] == k {
		w--
	}
	if w < 1 || d.Words[w] != "," {
		return -1
	}
	return w - 1
}

// apposLike reports whether w hangs on its head as an apposition, or as a
// possessor without "'s", which the parser makes of a name before its
// apposition ("Kurt Volker, the United States special envoy").
func (d *nomView) apposLike(w int) bool {
	return isAppos(d.Rel[w]) || d.Rel[w] == "nmod:poss" && !d.hasChild(w, "case")
}

// isRoleNoun reports whether a lower-case word names an office, a role, a
// tie or a part that a phrase can give an actor.
func isRoleNoun(w string) bool {
	return relTitleWords[w] || relRoleNouns[w] || relPartNouns[w] || kinNouns[w] || lowerTitles[w] || personTitles[w] || extraTitles[w]
}

// depRole adds the edges role noun r states of mention k, and reports
// whether r is a role of k's: r with its
// modifiers is the title ("general manager"), held in each actor that
// possesses r, follows it with "of/at/for/to" or is compounded with it.
func (f *relationFinder) depRole(p patternID, v *sentView, d *nomView, k, r int) bool {
	if !isRoleNoun(d.lower(r)) || f.otherHolder(v, d, k, r) {
		return false
	}
	words, tags := d.titleOf(r)
	for _, c := range d.roleKids(r) {
		prep, ok := d.roleLink(r, c)
		if !ok {
			continue
		}
		qs := d.listed(c)
		if len(qs) == 0 && d.ment[c] < 0 && relPartNouns[d.lower(c)] {
			// "the director of C's agency": the role is held in C.
			for _, g := range d.kids[c] {
				if d.Rel[g] == "nmod:poss" || d.Rel[g] == "compound" {
					qs = append(qs, d.listed(g)...)
				}
			}
		}
		for _, q := range qs {
			if q != k && v.ms[q].ent != v.ms[k].ent {
				f.addRole(p, v, k, q, words, tags, prep, confApposition)
			}
		}
	}
	return true
}

// roleKids returns the dependents of role noun r, and, when r is an
// apposition, the prepositional phrases right after it that the parser hung
// on the name instead ("Marc Gonsalves, an executive at Xstrata,": "at
// Xstrata" on Marc): a phrase after the apposition and before the next
// comma can only qualify the apposition.
func (d *nomView) roleKids(r int) []int {
	h := d.head(r)
	if !isAppos(d.Rel[r]) || h < 0 || h > r {
		return d.kids[r]
	}
	kids := d.kids[r]
	for _, c := range d.kids[h] {
		if c > r && d.rel(c) == "nmod" && !d.commaBetween(r, c) {
			kids = append(kids[:len(kids):len(kids)], c)
		}
	}
	return kids
}

// otherHolder reports whether role noun r is another person's title: a
// person named right after it ("Chancellor Angela Merkel's spokesperson")
// or in an apposition of its own ("Speaking to AFP, the president of the
// League, Jamel Msallem, said").
func (f *relationFinder) otherHolder(v *sentView, d *nomView, k, r int) bool {
	other := func(q int) bool {
		return q >= 0 && q != k && v.ms[q].ent != v.ms[k].ent && f.typ(v, q) == newsgraph.Person
	}
	if r+1 < len(d.Words) && other(d.ment[r+1]) {
		return true
	}
	for _, c := range d.kids[r] {
		if isAppos(d.Rel[c]) && other(d.actor(c)) {
			return true
		}
	}
	return other(f.conjOwners(v, d)[r])
}

// conjOwners returns, per word, the person mention whose apposition the
// parser read as a conjunct is that word's role phrase (conjApposOf), or -1;
// computed once per view.
func (f *relationFinder) conjOwners(v *sentView, d *nomView) []int {
	if d.owner != nil {
		return d.owner
	}
	d.owner = make([]int, len(d.Words))
	for w := range d.owner {
		d.owner[w] = -1
	}
	for q := range v.ms {
		if d.mhead[q] < 0 {
			continue
		}
		if r := f.conjApposOf(v, d, q); r >= 0 {
			d.owner[r] = q
		}
	}
	return d.owner
}

// roleLink returns the preposition by which dependent c of role noun r names
// the one the role is held in: "of" for a possessor or an actor compounded
// before r, the preposition of an "of/at/for/to" phrase ("at" read as "of").
func (d *nomView) roleLink(r, c int) (string, bool) {
	switch d.Rel[c] {
	case "nmod:poss":
		return "of", true
	case "compound", "amod":
		return "of", c < r
	case "nmod", "obl":
		switch p := d.caseOf(c); p {
		case "of", "at", "in":
			return "of", true
		case "for", "to":
			return p, true
		}
	}
	return "", false
}

// titleOf returns the words of role noun r's title: its noun modifiers
// before it written in the case r is written in, an adjective only where
// the two make a title ("prime minister"), and r itself ("foreign affairs
// spokesman"), with their Penn tags.
func (d *nomView) titleOf(r int) (words, tags []string) {
	lowerRole := d.Words[r] == d.lower(r)
	for _, c := range d.kids[r] {
		if c > r || d.ment[c] >= 0 || !titleModifierRels[d.Rel[c]] {
			continue
		}
		w := d.Words[c]
		if rs := []rune(w); len(rs) == 0 || unicode.IsLower(rs[0]) != lowerRole || relTimeWords[d.lower(c)] {
			continue
		}
		if !relIsNoun(d.XPOS[c]) && (!personTitles[d.lower(c)+" "+d.lower(r)] || relStaleTitle[d.lower(c)]) {
			continue // "former president", "special envoy"; not "prime minister"
		}
		words, tags = append(words, w), append(tags, d.XPOS[c])
	}
	return append(words, d.Words[r]), append(tags, nounTag(d.XPOS[r]))
}

// titleModifierRels are the relations of a title's words before its role
// noun: "prime minister" (amod), "Governor General" (compound, or nmod:desc
// as newer UD has it).
var titleModifierRels = map[string]bool{"amod": true, "compound": true, "nmod:desc": true}

// nounTag reads a role word the parser tagged as an adjective ("critic")
// as the noun it is.
func nounTag(x string) string {
	if relIsNoun(x) {
		return x
	}
	return "NN"
}
