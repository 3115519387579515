package extract

import (
	"slices"
	"strings"

	"newsgraph"
)

// Pronoun sieves: he, she, it, they and their possessives for the actor they
// clearly point back to. Each looks first in its own sentence, before the
// pronoun, then in the nearest earlier sentences (corefPass.recent).

// personPronoun links he, she, him, his and her to a person.
func (c *corefPass) personPronoun(v *sentView, i int, _ []bool) (int, int, int) {
	if !pronounOf(v, i, relPronounsPerson) {
		return -1, -1, -1
	}
	g := pronounGender[strings.ToLower(v.toks[i].text)]
	bound := c.clauseSubject(v, i)
	agrees := func(e int) bool { return (c.gender[e] == "" || c.gender[e] == g) && e != bound }
	e := c.cataphor(v, i)
	if e < 0 || !agrees(e) {
		e = c.antecedent(v, i, isPerson, agrees)
	}

	if e >= 0 {
		c.gender[e] = g
	}
	return c.linkTo(e, i)
}

// quotedPronoun links he, she, him, his or her inside a quotation to the
// one person of that gender the same quotation names before it in its
// sentence: `"I asked John Bolton for his resignation," Trump wrote`.
// Further back, a third person in a quotation is the speaker's and was as
// often someone else on GUM.
func (c *corefPass) quotedPronoun(v *sentView, i int, _ []bool) (int, int, int) {
	if !c.quoted || !pronounOf(v, i, relPronounsPerson) {
		return -1, -1, -1
	}
	g := pronounGender[strings.ToLower(v.toks[i].text)]
	bound := c.clauseSubject(v, i)
	e := -1
	for _, m := range v.ms {
		if m.last >= i || m.resolved || !isPerson(c.doc.ents[m.ent].Type) || acrossQuote(v, m.last, i) ||
			m.ent == bound || c.gender[m.ent] != "" && c.gender[m.ent] != g {
			continue
		}
		if e >= 0 && e != m.ent {
			return -1, -1, -1
		}
		e = m.ent
	}
	return c.linkTo(e, i)
}

// clauseSubject returns the actor that is the subject of the verb whose
// object the pronoun "him" or "her" at token i is, or -1: "Poisson asked
// him" is not Poisson (a "himself" would be). It parses the sentence only
// for an object pronoun.
func (c *corefPass) clauseSubject(v *sentView, i int) int {
	if v.toks[i].tag != "PRP" || !objectPronouns[strings.ToLower(v.toks[i].text)] {
		return -1
	}
	t, err := v.s.tree()
	if err != nil || len(t.Words) == 0 {
		return -1
	}
	d := newDepTree(t, v.toks, v.ms)
	for w := range d.Words {
		if d.tok[w] != i || !d.hasRel(w, "obj", "iobj") {
			continue
		}
		if k := d.mention(d.subject(d.head(w)).word); k >= 0 {
			return v.ms[k].ent
		}
	}
	return -1
}

// objectPronouns are the person pronouns of an object.
var objectPronouns = map[string]bool{"him": true, "her": true}

// cataphor returns the person a pronoun in a fronted phrase points
// forward to: "In his speech on Monday, Barack Obama said", "Discussing his
// concern, Malaysia's Prime Minister, Najib Razak said". The pronoun comes
// before the sentence's first comma and its first finite verb, no person is
// named before it, and a person's phrase opens right after the comma.
func (c *corefPass) cataphor(v *sentView, i int) int {
	k := -1
	for j := 0; j < len(v.toks) && k < 0; j++ {
		t := v.toks[j]
		switch {
		case t.tag == "VBD" || t.tag == "VBZ" || t.tag == "VBP" || t.tag == "MD":
			return -1
		case j < i && (t.tag == "," || v.at[j] >= 0 && isPerson(c.doc.ents[v.ms[v.at[j]].ent].Type)):
			return -1
		case j > i && t.tag == ",":
			k = j
		}
	}
	if k < 0 || k+1 >= len(v.toks) {
		return -1
	}
	// The mentions the sentence had before coreference, whose title
	// phrases v.chain holds.
	for h := range v.chain {
		m := v.ms[h]
		if (v.chain[h] == k+1 || m.first == k+1) && !m.resolved && isPerson(c.doc.ents[m.ent].Type) {
			return m.ent
		}
	}
	return -1
}

// pronounGender is the gender of the person pronouns.
var pronounGender = map[string]string{"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}

// itPronoun links a subject "it" and a possessive "its" to an agency, and a
// subject "it" to a state its own sentence names; the empty "it" of "it is thought" stands
// for nothing.
func (c *corefPass) itPronoun(v *sentView, i int, _ []bool) (int, int, int) {
	if !pronounOf(v, i, relPronounsIt) {
		return -1, -1, -1
	}
	if v.toks[i].tag == "PRP" && !subjectIt(v, i) {
		return -1, -1, -1
	}
	e := c.antecedent(v, i, isStateOrAgency, nil)
	if appositionAfter(v, i, e) {
		return -1, -1, -1
	}
	if e >= 0 && c.doc.ents[e].Type == newsgraph.State && (v.toks[i].tag == "PRP$" || !namedBefore(v, i, e)) {
		// A state only for a subject "it" of its own sentence ("Russia
		// said it would"): "its" and "it" across sentences were mostly
		// something else on GUM.
		e = -1
	}
	// The parse is asked last, only for an "it" that would be linked: an
	// empty "it" ("it is thought that") is no actor.
	if e >= 0 && v.toks[i].tag == "PRP" && c.deprel(v, i) == "expl" {
		return -1, -1, -1
	}
	return c.linkTo(e, i)
}

func (c *corefPass) linkTo(e, i int) (int, int, int) {
	if e < 0 {
		return -1, -1, -1
	}
	return e, i, i
}

func isPerson(t newsgraph.EntityType) bool { return t == newsgraph.Person }

func isStateOrAgency(t newsgraph.EntityType) bool {
	return t == newsgraph.State || t == newsgraph.Agency
}

// appositionAfter reports whether the pronoun at token i opens an
// apposition to a mention of actor e, which then names something else by
// its tie to e: "Mozilla Firefox, its main rival". (For persons, "X, his
// ..." was as often X himself on GUM.)
func appositionAfter(v *sentView, i, e int) bool {
	if e < 0 || i < 2 || v.toks[i-1].tag != "," {
		return false
	}
	k := v.at[i-2]
	return k >= 0 && v.ms[k].ent == e && v.ms[k].last == i-2
}

// acrossQuote reports whether tokens a < b stand on the two sides of a
// quotation mark, one inside a quotation and the other outside: a person
// named in a quotation is not the "he" of `"...," he said`.
func acrossQuote(v *sentView, a, b int) bool {
	n := 0
	for i := a + 1; i < b; i++ {
		if v.toks[i].tag == "QUOTE" && v.toks[i].text != "'" && v.toks[i].text != "‘" && v.toks[i].text != "’" {
			n++
		}
	}
	return n%2 == 1
}

// namedBefore reports whether v names actor e before token i.
func namedBefore(v *sentView, i, e int) bool {
	for _, m := range v.ms {
		if m.ent == e && m.last < i && !m.resolved {
			return true
		}
	}
	return false
}

// pronounOf reports whether token i is a pronoun of the set (by its text),
// tagged as one.
func pronounOf(v *sentView, i int, set map[string]bool) bool {
	t := v.toks[i]
	return (t.tag == "PRP" || t.tag == "PRP$") && set[strings.ToLower(t.text)]
}

// deprel returns the dependency relation of the parse word that starts at
// token i, or "" when the sentence cannot be parsed or no word starts there.
func (c *corefPass) deprel(v *sentView, i int) string {
	t, err := v.s.tree()
	if err != nil {
		return ""
	}
	for w, sp := range t.Spans {
		if sp[0] == v.toks[i].start {
			return t.Rel[w]
		}
	}
	return ""
}

// finiteVerbTags are the tags of a verb that takes its own subject: a
// modal or a verb in the past or present tense.
var finiteVerbTags = map[string]bool{"MD": true, "VBD": true, "VBZ": true, "VBP": true}

// subjectIt reports whether "it" at i is the subject of a verb and not the
// empty "it" of "it is thought", "it's not known".
func subjectIt(v *sentView, i int) bool {
	if i > 0 && (v.toks[i-1].tag == "IN" && !strings.EqualFold(v.toks[i-1].text, "that") || v.toks[i-1].tag == "TO") {
		return false
	}
	j := i + 1
	for j < len(v.toks) && v.toks[j].tag == "RB" {
		j++
	}
	if j >= len(v.toks) || !relIsVerb(v.toks[j].tag) {
		return false
	}
	if i > 0 && (relIsVerb(v.toks[i-1].tag) || v.toks[i-1].tag == "IN") && !finiteVerbTags[v.toks[j].tag] {
		// After a verb, "it" is its object ("expected it", "let it go")
		// unless a finite verb follows, whose subject it is: "said it
		// would", "announced it planned", "denied that it had".
		return false
	}
	if relBeForms[strings.ToLower(v.toks[j].text)] {
		k := j + 1
		for k < len(v.toks) && (v.toks[k].tag == "RB" || relNegations[strings.ToLower(v.toks[k].text)]) {
			k++
		}
		if k >= len(v.toks) || relIsAdj(v.toks[k].tag) || v.toks[k].tag == "VBN" || v.toks[k].tag == "TO" || v.toks[k].tag == "IN" {
			return false
		}
	}
	return true
}

// antecedent returns the actor a pronoun at token i points back to, or -1
// when that is not clear; agrees, when not nil, rules candidates out: the one actor of a fitting type named before it in
// its sentence; else, for a person, the one person of the nearest earlier
// sentence that names persons, or the person that sentence opens with, or
// else the person that is the subject of its main verb; for other actors
// only the actor the sentence before opens with.
func (c *corefPass) antecedent(v *sentView, i int, fits func(newsgraph.EntityType) bool, agrees func(int) bool) int {
	ok := func(e int) bool { return fits(c.doc.ents[e].Type) && (agrees == nil || agrees(e)) }
	var here []int
	for _, m := range v.ms {
		if m.last < i && ok(m.ent) && !m.resolved && !slices.Contains(here, m.ent) && !(fits(newsgraph.Person) && acrossQuote(v, m.last, i)) {
			here = append(here, m.ent)
		}
	}
	switch {
	case len(here) == 1:
		return here[0]
	case len(here) > 1:
		return -1
	}
	prev := c.recent()
	if !fits(newsgraph.Person) {
		// "it" reaches back only to an actor named at the opening of the
		// sentence before, not to a pronoun there.
		if len(prev) == 0 {
			return -1
		}
		pv := prev[len(prev)-1]
		if len(pv.ms) > 0 && pv.chain[0] <= 1 && ok(pv.ms[0].ent) && !pv.ms[0].resolved {
			return pv.ms[0].ent
		}
		return -1
	}
	for p := len(prev) - 1; p >= 0; p-- {
		var ents []int
		opener := -1 // the first actor of a fitting type, agreeing or not
		for _, m := range prev[p].ms {
			if !fits(c.doc.ents[m.ent].Type) {
				continue
			}
			if opener < 0 && m.first <= 3 {
				opener = m.ent
			}
			if ok(m.ent) && !slices.Contains(ents, m.ent) {
				ents = append(ents, m.ent)
			}
		}
		switch {
		case len(ents) == 0:
			continue
		case len(ents) == 1:
			return ents[0]
		case opener == ents[0]:
			// The sentence opens with it: its subject.
			return opener
		}
		// Several persons, none opening the sentence: the subject of
		// its main verb, when it is one of them.
		if e := c.mainSubject(prev[p]); slices.Contains(ents, e) {
			return e
		}
		return -1
	}
	return -1
}

// mainSubject returns the actor that is the subject of v's main verb (its
// own or inherited, depTree.subject), or -1. It parses v's sentence.
func (c *corefPass) mainSubject(v *sentView) int {
	t, err := v.s.tree()
	if err != nil || len(t.Words) == 0 {
		return -1
	}
	// A tree of its own: v's mentions still grow as its words are linked.
	d := newDepTree(t, v.toks, v.ms)
	for w := range d.Words {
		if d.head(w) >= 0 {
			continue
		}
		if k := d.mention(d.subject(w).word); k >= 0 {
			return v.ms[k].ent
		}
	}
	return -1
}
