package extract

import (
	"slices"
	"strings"
	"unicode"

	"newsgraph"
	"newsgraph/extract/internal/lexicon"
)

// partyListRelations reads a party label that sums up the persons before
// it: "Marco Rubio of Florida, Mike Lee of Utah, and David Perdue, all
// Republicans", "Schumer and Pelosi, both Democrats", "Ted Cruz and fellow
// Republican Francis Rooney". Each person of the list, up to maxList, is a
// member of the party.
func (f *relationFinder) partyListRelations(v *sentView, k int) {
	m := v.ms[k]
	if f.typ(v, k) != newsgraph.Agency || !f.isParty(m.ent) || m.resolved {
		return
	}
	i := m.first - 1
	if i < 1 {
		return
	}
	lw := strings.ToLower(v.toks[i].text)
	switch {
	case (lw == "all" || lw == "both") && v.toks[i-1].tag == ",":
		i -= 2
	case lw == "fellow" && (strings.EqualFold(v.toks[i-1].text, "and") || v.toks[i-1].tag == ","):
		i -= 2
	default:
		return
	}
	var persons []int
	for ; i >= 0; i-- {
		t := v.toks[i]
		if q := v.at[i]; q >= 0 {
			if f.typ(v, q) == newsgraph.Person && !slices.Contains(persons, q) {
				persons = append(persons, q)
			}
			i = v.chain[q]
			continue
		}
		lw := strings.ToLower(t.text)
		if relIsVerb(t.tag) || t.tag == ":" || t.tag == ";" || t.tag == "QUOTE" || t.tag == "(" ||
			(t.tag == "IN" || t.tag == "TO") && lw != "of" && lw != "from" {
			break
		}
		if lw == "fellow" {
			break
		}
	}
	if len(persons) == 0 || len(persons) > maxList {
		return
	}
	for _, q := range persons {
		conf := confApposition
		if v.ms[q].resolved {
			conf *= confPronoun
		}
		f.add(patPartyList, v, v.ms[q].ent, m.ent, "member of", "member of", conf, false, -1)
	}
}

// relActEndings are the endings that make an actor's name an adjective
// stating what the actor does to the one the phrase names ("US-backed",
// "Saudi-led"), with the verb's lemma; the tokeniser splits them off the name.
var relActEndings = map[string]string{
	"-led": "lead", "-backed": "back", "-funded": "fund", "-sponsored": "sponsor",
	"-supported": "support", "-controlled": "control", "-owned": "own", "-run": "run",
	"-allied": "ally",
}

// backedRelation reads an actor named as the doer of an adjective before
// another actor: "the US-backed Syrian Democratic Forces" -> United States
// -[back]-> SDF. Only adjectives and capitalised words may come between the
// two names, and a common noun after the second ("US-backed Kurdish
// fighters") makes the phrase about an unnamed group, so it states nothing.
func (f *relationFinder) backedRelation(v *sentView, k int) {
	m := v.ms[k]
	n := len(v.toks)
	e := m.last + 1
	if e >= n || m.resolved {
		return
	}
	lem := relActEndings[strings.ToLower(v.toks[e].text)]
	if lem == "" {
		return
	}
	i := e + 1
	for steps := 0; i < n && v.at[i] < 0 && steps < 3; i, steps = i+1, steps+1 {
		if t := v.toks[i].tag; !relIsAdj(t) && t != "NNP" && t != "NNPS" {
			return
		}
	}
	if i >= n || v.at[i] < 0 {
		return
	}
	q := v.at[i]
	for q+1 < len(v.ms) && v.ms[q+1].first == v.ms[q].last+1 {
		q++ // "US-backed [Syrian] [Democratic Forces]": the last name heads
	}
	if q == k || v.ms[q].resolved {
		return
	}
	if lw := v.ms[q].last + 1; lw < n && v.at[lw] < 0 && (relIsNoun(v.toks[lw].tag) || v.toks[lw].tag == "NNP" || v.toks[lw].tag == "NNPS") {
		// "US-backed [Kurdish] fighters", "the United States-led [Iraq]
		// War": the actor is a modifier of the unnamed thing the adjective
		// is about.
		return
	}
	pred := strings.TrimPrefix(strings.ToLower(v.toks[e].text), "-")
	f.add(patBacked, v, m.ent, v.ms[q].ent, pred, lem, confVerbNear, false, -1)
}

// relActPreps join an act noun to the actor it is done to.
var relActPreps = lexicon.NewSet("of", "on", "against", "with", "over", "toward", "towards", "into", "to", "for")

// isParty reports whether an agency is a political party, whose adjective
// before a name says membership ("Republican Kevin McCarthy").
func (f *relationFinder) isParty(e int) bool {
	n := strings.ToLower(f.doc.ents[e].Name)
	return strings.HasSuffix(n, " party") || strings.HasPrefix(n, "party ")
}

// titleWords returns the nouns of tokens [a, b] that make a title, with
// "and" kept between nouns ("trade and industry commissioner"). A trailing
// run of capitalised words after lower-case ones is the honorific of the name
// that follows ("chairperson President"), returned apart.
func titleWords(v *sentView, a, b int) (words, tags, honorific []string) {
	for i := max(a, 0); i <= b && i < len(v.toks); i++ {
		t := v.toks[i]
		lw := strings.ToLower(t.text)
		switch {
		case v.at[i] >= 0 || relTimeWords[lw]:
		case relIsNoun(t.tag) || isRoleNoun(lw):
			// The tagger reads some role nouns as adjectives ("film
			// critic").
			words = append(words, t.text)
			tags = append(tags, nounTag(t.tag))
		case lw == "and" && len(words) > 0 && i+1 <= b && relIsNoun(v.toks[i+1].tag):
			words = append(words, "and")
			tags = append(tags, "CC")
		}
	}
	lower := -1
	for i, w := range words {
		if r := []rune(w); len(r) > 0 && unicode.IsLower(r[0]) {
			lower = i
		}
	}
	if lower >= 0 && lower+1 < len(words) {
		honorific = words[lower+1:]
		words, tags = words[:lower+1], tags[:lower+1]
	}
	return words, tags, honorific
}

// titlePredicate returns the label and lemma of a title with its
// preposition: "Presidents" + "of" -> "president of".
func titlePredicate(words, tags []string, prep string) (string, string) {
	if len(words) == 0 {
		return "", ""
	}
	l := lemmaPhrase(words, tags)
	return l + " " + prep, l + " " + prep
}

// relHeadWord returns the last word of a title, lower-cased.
func relHeadWord(words []string) string {
	if len(words) == 0 {
		return ""
	}
	return strings.ToLower(words[len(words)-1])
}

// titleRelations reads the title phrase before mention k: each actor in it
// gets an edge from k's actor ("US Ambassador to Germany Richard Grenell":
// ambassador of US, ambassador to Germany; "the UK's Ministry of Defence":
// part of UK).
func (f *relationFinder) titleRelations(v *sentView, k int) {
	m := v.ms[k]
	cs := v.chain[k]
	if cs >= m.first {
		return
	}
	mt := f.typ(v, k)
	if mt == newsgraph.State {
		return
	}
	end := m.first - 1
	if v.toks[end].tag == "," {
		end--
	}
	inner := titleActors(v, k, cs, end)
	for n, q := range inner {
		qm := v.ms[q]
		if e := qm.last + 1; e < len(v.toks) && relActEndings[strings.ToLower(v.toks[e].text)] != "" {
			// "the US-backed SDF" is backed by the US, no part of it
			// (backedRelation).
			continue
		}
		// The title before q, when a preposition joins them ("Ambassador to
		// Germany"), else the title after q ("Russia's President").
		lo := cs
		if n > 0 {
			lo = v.ms[inner[n-1]].last + 1
		}
		prep, p := prepBefore(v, qm, lo)
		hi := end
		if n+1 < len(inner) {
			hi = v.ms[inner[n+1]].first - 1
		}
		for i := qm.last + 1; i <= hi; i++ {
			if relIsPrep(v.toks[i].text) {
				hi = i - 1
				break
			}
		}
		words, tags, hon := titleWords(v, qm.last+1, hi)
		if prep != "" {
			// "chair of the House Intelligence Committee Representative
			// Adam Schiff" is his title; in "a former advisor for U.S.
			// President Donald Trump" the article shows the title before
			// "for" heads another noun phrase, and his own is the one after
			// the state.
			d := cs - 1
			for d >= 0 && relIsAdj(v.toks[d].tag) {
				d--
			}
			if len(words)+len(hon) == 0 || d < 0 || v.toks[d].tag != "DT" {
				words, tags, hon = titleWords(v, lo, p-1)
			} else {
				prep = "of"
			}
		} else {
			prep = "of"
		}
		if len(words) == 0 && len(hon) > 0 {
			words, tags = hon, make([]string, len(hon))
			for i := range tags {
				tags[i] = "NNP"
			}
		}
		f.addTitle(v, k, q, n == len(inner)-1, words, tags, hon, prep)
	}
}

// titleActors returns the actors in the title phrase [cs, end] before
// mention k, heads only: in "the president of the [Tunisian] [League ...]"
// the state is the league's modifier, and the title goes to the league.
func titleActors(v *sentView, k, cs, end int) []int {
	var inner []int
	for q := range v.ms {
		if v.ms[q].first < cs || v.ms[q].last > end {
			continue
		}
		modifier := false
		for q2 := range v.ms {
			modifier = modifier || q2 != q && q2 != k && v.ms[q2].last <= end && v.chain[q2] <= v.ms[q].first &&
				v.ms[q].last < v.ms[q2].first && !hasPrepBetween(v, v.ms[q].last+1, v.ms[q2].first-1)
		}
		if !modifier {
			inner = append(inner, q)
		}
	}
	return inner
}

// prepBefore returns the preposition ("of", "to", "for") that joins a title
// to the actor qm, past the actor's modifiers and "the", or ""; and the
// token where the walk back from qm stopped, no further back than lo.
func prepBefore(v *sentView, qm mention, lo int) (string, int) {
	p := qm.first - 1 // before the noun phrase q heads: "of the [Tunisian] [League]"
	for p >= lo {
		if a := v.at[p]; a >= 0 {
			p = v.ms[a].first - 1 // a modifier: "the [Tunisian] [League]"
			continue
		}
		if (v.toks[p].tag != "NNP" && !relIsAdj(v.toks[p].tag)) || relTitleWords[strings.ToLower(v.toks[p].text)] {
			break
		}
		p--
	}
	if p >= lo && strings.EqualFold(v.toks[p].text, "the") {
		p--
	}
	if p >= lo {
		if w := strings.ToLower(v.toks[p].text); w == "of" || w == "to" || w == "for" {
			return w, p
		}
	}
	return "", p
}

// addTitle adds the edge the title words of actor q in the title phrase of
// mention k state: an agency is part of a state or agency before it (when q
// is the phrase's last actor); a person a member of a party; otherwise the
// title with its preposition ("president of").
func (f *relationFinder) addTitle(v *sentView, k, q int, lastActor bool, words, tags, hon []string, prep string) {
	m, qm := v.ms[k], v.ms[q]
	qt := f.typ(v, q)
	conf := confTitle
	if m.resolved || qm.resolved {
		conf *= confPronoun
	}
	switch {
	case f.typ(v, k) == newsgraph.Agency:
		// "the UK's Ministry of Defence", "Russian state media agency
		// TASS"; not "the US ambassador to the United Nations".
		if (qt == newsgraph.State || qt == newsgraph.Agency) && lastActor && !personTitle(words, hon) && !hasPrepBetween(v, qm.last+1, m.first-1) &&
			!f.namedAfter(v, k, q) {
			f.add(patTitle, v, m.ent, qm.ent, "part of", "part of", conf, false, -1)
		}
	case qt == newsgraph.Agency && f.isParty(qm.ent) && !relLeaderTitles[relHeadWord(words)]:
		f.add(patTitle, v, m.ent, qm.ent, "member of", "member of", conf, false, -1)
	case len(words) > 0:
		label, lem := titlePredicate(words, tags, prep)
		f.add(patTitle, v, m.ent, qm.ent, label, lem, conf, false, -1)
	}
}

// namedAfter reports whether agency mention k and the state or agency q
// right before it together spell k's own name, and that name is not a
// government body's: a party, a union or a forum named after its country
// ("Zimbabwe African National Union") is no part of the state, while
// "Tunisian Parliament" and "US Air Force" are.
func (f *relationFinder) namedAfter(v *sentView, k, q int) bool {
	m, qm := v.ms[k], v.ms[q]
	if qm.last+1 != m.first || m.resolved || qm.resolved {
		return false
	}
	if e, ok := f.formOf(v, qm.first, m.last); !ok || e != m.ent {
		return false
	}
	name := strings.Fields(f.doc.ents[m.ent].Name)
	return len(name) > 0 && !govHeads[name[len(name)-1]]
}

// personTitle reports whether title words hold a person's office
// ("ambassador"), which an agency after them cannot be part of.
func personTitle(words, hon []string) bool {
	for _, w := range append(append([]string{}, words...), hon...) {
		if relTitleWords[strings.ToLower(w)] && !relPartNouns[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// hasPrepBetween reports whether tokens [a, b] hold a preposition.
func hasPrepBetween(v *sentView, a, b int) bool {
	for i := max(a, 0); i <= b && i < len(v.toks); i++ {
		if v.toks[i].tag == "IN" || v.toks[i].tag == "TO" {
			return true
		}
	}
	return false
}

// ofRelation reads "Name of Actor" after mention k: a person's title before
// the name goes with the "of" ("Presidents Muhammadu Buhari of Nigeria and
// Patrice Talon of Benin"); without one, a person of an agency is a member of
// it; an agency of a state or agency is part of it. It returns the title a
// following list item inherits.
func (f *relationFinder) ofRelation(v *sentView, k int, inherited string) string {
	m := v.ms[k]
	i := m.last + 1
	if a := i + 1; a < len(v.toks) && v.toks[i].text == "(" && v.at[a] >= 0 && v.ms[v.at[a]].ent == m.ent {
		// "the National Disaster Risk Reduction and Management Council
		// (NDRRMC) of the Philippines": the acronym in brackets is the
		// same actor.
		if e := v.ms[v.at[a]].last + 1; e+1 < len(v.toks) && v.toks[e].text == ")" && strings.EqualFold(v.toks[e+1].text, "of") {
			i = e + 1
		}
	}
	if i+1 >= len(v.toks) || !strings.EqualFold(v.toks[i].text, "of") || !f.actorAt(v, i+1) {
		if m.last+1 < len(v.toks) && v.toks[m.last+1].tag != "," && v.toks[m.last+1].tag != "CC" {
			return ""
		}
		return inherited
	}
	j := i + 1
	if strings.EqualFold(v.toks[j].text, "the") {
		j++
	}
	q := v.headOf(j)
	if q < 0 {
		return ""
	}
	qt := f.typ(v, q)
	conf := confTitle
	if m.resolved || v.ms[q].resolved {
		conf *= confPronoun
	}
	switch f.typ(v, k) {
	case newsgraph.Agency:
		if qt == newsgraph.State || qt == newsgraph.Agency {
			f.add(patOf, v, m.ent, v.ms[q].ent, "part of", "part of", conf, false, -1)
		}
		return ""
	case newsgraph.Person:
		// The title directly before the name.
		lo := v.chain[k]
		for _, p := range v.ms {
			if p.last < m.first && p.last >= lo {
				lo = p.last + 1
			}
		}
		words, tags, hon := titleWords(v, lo, m.first-1)
		if len(hon) > 0 {
			words, tags = hon, make([]string, len(hon))
			for i := range tags {
				tags[i] = "NNP"
			}
		}
		title := ""
		if len(words) > 0 {
			title = lemmaPhrase(words, tags)
		} else if lo == m.first && m.first > 0 && (v.toks[m.first-1].tag == "," || v.toks[m.first-1].tag == "CC") {
			title = inherited
		}
		switch {
		case title != "" && !(qt == newsgraph.Agency && f.isParty(v.ms[q].ent) && !relLeaderTitles[relHeadWord(strings.Fields(title))]):
			f.add(patOf, v, m.ent, v.ms[q].ent, title+" of", title+" of", conf, false, -1)
		case qt == newsgraph.Agency || qt == newsgraph.State:
			// "Lucy Fischer of The Times", "Nicolas Sarkozy of France":
			// the "of" says whom the person belongs to or speaks for.
			f.add(patOf, v, m.ent, v.ms[q].ent, "member of", "member of", conf, false, -1)
		}
		return title
	}
	return ""
}

// appositionRelation reads an apposition after mention k: "Youssef Chahed,
// the Prime Minister of Tunisia", "Souhail Alouini, a member of Parliament",
// "UNESCO, a specialized agency of the United Nations", "X, Russia's foreign
// minister".
func (f *relationFinder) appositionRelation(v *sentView, k int) {
	if f.typ(v, k) == newsgraph.State {
		return
	}
	i, ok := appositionStart(v, v.ms[k])
	if !ok {
		return
	}
	// "X, Russia's foreign minister"
	q := -1
	if i < len(v.toks) {
		if q = v.at[i]; q < 0 || v.ms[q].first != i {
			q = v.headOf(i)
		}
	}
	possessed := q >= 0 && v.ms[q].last+1 < len(v.toks) && v.toks[v.ms[q].last+1].tag == "POS"
	if q >= 0 && q != k && (v.ms[q].first == i || v.chain[q] == i && possessed) {
		f.actorApposition(v, k, q)
		return
	}
	f.titleOfApposition(v, k, i)
}

// appositionStart returns the first token of an apposition after mention m:
// past the comma, a determiner, and "one of" ("Andriy Yermak, one of
// President Zelensky's aides"); ok is false when no comma follows m.
func appositionStart(v *sentView, m mention) (i int, ok bool) {
	i = m.last + 1
	if i >= len(v.toks) || v.toks[i].tag != "," {
		return 0, false
	}
	i++
	if i < len(v.toks) && (v.toks[i].tag == "DT" || v.toks[i].tag == "PRP$") {
		i++
	}
	if i+1 < len(v.toks) && strings.EqualFold(v.toks[i].text, "one") && strings.EqualFold(v.toks[i+1].text, "of") {
		i += 2
		if i < len(v.toks) && (v.toks[i].tag == "DT" || v.toks[i].tag == "PRP$") {
			i++
		}
	}
	return i, true
}

// actorApposition reads an apposition that opens with actor q: its
// possessive and the title after it ("X, Russia's foreign minister"), or
// the title q modifies (modifierApposition).
func (f *relationFinder) actorApposition(v *sentView, k, q int) {
	e := v.ms[q].last + 1
	if e >= len(v.toks) || v.toks[e].tag != "POS" {
		f.modifierApposition(v, k, q, e, confApposition)
		return
	}
	hi := e + 1
	for hi < len(v.toks) && hi <= e+5 && (relIsNoun(v.toks[hi].tag) || relIsAdj(v.toks[hi].tag)) && v.at[hi] < 0 {
		hi++
	}
	if hi < len(v.toks) && v.toks[hi].tag != "," && v.toks[hi].tag != "." && !relIsVerb(v.toks[hi].tag) {
		return
	}
	words, tags, hon := titleWords(v, e+1, hi-1)
	words, tags = append(words, hon...), append(tags, hon...)
	if !isRoleNoun(relHeadWord(words)) {
		return // "X, the country's richest man": no office
	}
	f.addRole(patApposition, v, k, q, words, tags, "of", confApposition)
}

// titleOfApposition reads an apposition that is a title with a preposition
// and an actor from token i: "X, the Prime Minister of Tunisia".
func (f *relationFinder) titleOfApposition(v *sentView, k, i int) {
	start := i
	for i < len(v.toks) && i < start+6 && v.at[i] < 0 && (relIsNoun(v.toks[i].tag) || relIsAdj(v.toks[i].tag) || v.toks[i].tag == "CC" || v.toks[i].tag == "VBN") {
		i++
	}
	if i == start || i+1 >= len(v.toks) {
		return
	}
	prep := strings.ToLower(v.toks[i].text)
	if prep != "of" && prep != "to" && prep != "for" && prep != "at" {
		return
	}
	if !f.actorAt(v, i+1) {
		return
	}
	j := i + 1
	if strings.EqualFold(v.toks[j].text, "the") {
		j++
	}
	words, tags, hon := titleWords(v, start, i-1)
	words, tags = append(words, hon...), append(tags, hon...)
	if prep == "at" {
		prep = "of"
	}
	if q := v.headOf(j); q >= 0 {
		f.addRole(patApposition, v, k, q, words, tags, prep, confApposition)
	}
}

// modifierApposition reads an apposition whose title an actor modifies,
// "X, the United States special envoy for Ukraine", "X, a UN rapporteur",
// or which is a party label, "X, a Republican,": tokens from e on hold the
// title's nouns, closed by a comma, the sentence's end, a preposition or a
// verb.
func (f *relationFinder) modifierApposition(v *sentView, k, q, e int, conf float64) {
	qt := f.typ(v, q)
	if qt == newsgraph.Person || v.ms[q].resolved {
		return
	}
	hi := e
	for hi < len(v.toks) && hi <= e+5 && (relIsNoun(v.toks[hi].tag) || relIsAdj(v.toks[hi].tag)) && v.at[hi] < 0 {
		hi++
	}
	if hi < len(v.toks) {
		t := v.toks[hi]
		if t.tag != "," && t.tag != "." && t.tag != "IN" && t.tag != "TO" && t.tag != "CC" && !relIsVerb(t.tag) {
			return
		}
	}
	words, tags, hon := titleWords(v, e, hi-1)
	words, tags = append(words, hon...), append(tags, hon...)
	if len(words) == 0 {
		if qt == newsgraph.Agency && f.isParty(v.ms[q].ent) && f.typ(v, k) == newsgraph.Person {
			f.add(patApposition, v, v.ms[k].ent, v.ms[q].ent, "member of", "member of", conf, false, -1)
		}
		return
	}
	if !relTitleWords[relHeadWord(words)] && !relPartNouns[relHeadWord(words)] && !relRoleNouns[relHeadWord(words)] {
		return
	}
	f.addRole(patApposition, v, k, q, words, tags, "of", conf)
}

// addRole adds the edge a title of mention k in mention q states.
func (f *relationFinder) addRole(p patternID, v *sentView, k, q int, words, tags []string, prep string, conf float64) {
	if len(words) == 0 {
		return
	}
	m, qm := v.ms[k], v.ms[q]
	if m.resolved || qm.resolved {
		conf *= confPronoun
	}
	qt := f.typ(v, q)
	switch f.typ(v, k) {
	case newsgraph.Agency:
		if qt == newsgraph.Person {
			return
		}
		if relPartNouns[relHeadWord(words)] {
			f.add(p, v, m.ent, qm.ent, "part of", "part of", conf, false, -1)
			return
		}
	case newsgraph.Person:
		if qt == newsgraph.Agency && f.isParty(qm.ent) && !relLeaderTitles[relHeadWord(words)] {
			f.add(p, v, m.ent, qm.ent, "member of", "member of", conf, false, -1)
			return
		}
	default:
		return
	}
	label, lem := titlePredicate(words, tags, prep)
	f.add(p, v, m.ent, qm.ent, label, lem, conf, false, -1)
}

// suchAsRelations reads "Agency(,) such as / including Name, Name and Name":
// the named persons or states are members of the agency.
func (f *relationFinder) suchAsRelations(v *sentView, k int) {
	if f.typ(v, k) != newsgraph.Agency {
		return
	}
	i := v.ms[k].last + 1
	if i < len(v.toks) && v.toks[i].tag == "," {
		i++
	}
	switch {
	case i+1 < len(v.toks) && strings.EqualFold(v.toks[i].text, "such") && strings.EqualFold(v.toks[i+1].text, "as"):
		i += 2
	case i < len(v.toks) && strings.EqualFold(v.toks[i].text, "including"):
		i++
	default:
		return
	}
	for _, q := range f.listAt(v, i) {
		if t := f.typ(v, q); t == newsgraph.Person || t == newsgraph.State {
			f.add(patSuchAs, v, v.ms[q].ent, v.ms[k].ent, "member of", "member of", confApposition, false, -1)
		}
	}
}

// opensClause reports whether a finite verb or a modal follows mention q,
// past adverbs: q is then a subject, not part of a list before it.
func opensClause(v *sentView, q int) bool {
	j := v.ms[q].last + 1
	if j < len(v.toks) && v.toks[j].tag == "POS" {
		return false
	}
	for j < len(v.toks) && v.toks[j].tag == "RB" {
		j++
	}
	if j >= len(v.toks) || v.at[j] >= 0 {
		return false
	}
	switch v.toks[j].tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// listAt returns the heads of the list of actors whose first noun phrase
// starts at token i ("A, B and C"), at most maxList of them; none when the
// list is longer.
func (f *relationFinder) listAt(v *sentView, i int) []int {
	var out []int
	for i < len(v.toks) {
		for i < len(v.toks) && v.at[i] < 0 && (v.toks[i].tag == "DT" || relIsAdj(v.toks[i].tag)) {
			i++
		}
		q := -1
		if i < len(v.toks) {
			q = v.headOf(i)
		}
		if q < 0 || v.chain[q] > i {
			break
		}
		if len(out) > 0 && opensClause(v, q) {
			// "defeated ISIS and Turkey would be moving": the actor after
			// "and" is the subject of a clause of its own.
			break
		}
		out = append(out, q)
		j := v.ms[q].last + 1
		if j < len(v.toks) && v.toks[j].tag == "," {
			j++
		}
		if j < len(v.toks) && (strings.EqualFold(v.toks[j].text, "and") || strings.EqualFold(v.toks[j].text, "or")) {
			j++
		} else if j == v.ms[q].last+1 {
			break
		}
		i = j
	}
	if len(out) > maxList {
		return nil
	}
	return out
}
