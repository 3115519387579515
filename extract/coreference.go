package extract

import (
	"slices"
	"strings"

	"newsgraph"
	"newsgraph/extract/internal/lexicon"
)

// possessive reports whether mention k is a possessive pronoun ("his"), which
// may own an object but is never a subject.
func (v *sentView) possessive(k int) bool {
	m := v.ms[k]
	if !m.resolved || m.first != m.last {
		return false
	}
	return v.toks[m.first].tag == "PRP$"
}

// resolvePronouns adds to v a mention for each pronoun or "the country" whose
// actor is clear: he, she and his or her stand for the one person named
// before them in the sentence, or else in the nearest of the previous
// sentences that names persons, when that sentence names one or opens with
// one; a subject "it" likewise for a state or an agency; "the country" for the
// state the article has named most so far. taken marks the tokens of
// mentions already in v.
func (f *relationFinder) resolvePronouns(v *sentView, prev []*sentView, taken []bool) {
	n := len(v.toks)
	quoted := false
	for i := 0; i < n; i++ {
		if v.toks[i].tag == "QUOTE" {
			quoted = !quoted
		}
		if taken[i] {
			continue
		}
		if e, ok := f.firstPerson[[2]int{v.si, i}]; ok {
			// "I" and "we" in a quote are its speaker.
			v.ms = append(v.ms, mention{ent: e, first: i, last: i, resolved: true})
			taken[i] = true
			continue
		}
		if e, first, last := f.roleMention(v, i, taken); e >= 0 {
			// "the president" for the one person titled so.
			v.ms = append(v.ms, mention{ent: e, first: first, last: last, resolved: true})
			for k := first; k <= last; k++ {
				taken[k] = true
			}
			i = last
			continue
		}
		if quoted {
			// Other pronouns in a quote are the speaker's, not the narrator's.
			continue
		}
		t := v.toks[i]
		lw := strings.ToLower(t.text)
		kind, ok := relPronouns[lw]
		if !ok || (t.tag != "PRP" && t.tag != "PRP$") {
			if lw == "country" && i > 0 && strings.EqualFold(v.toks[i-1].text, "the") && !taken[i-1] {
				if e := f.mainState(v, i); e >= 0 {
					v.ms = append(v.ms, mention{ent: e, first: i, last: i, resolved: true})
					taken[i] = true
				}
			}
			continue
		}
		if kind == "ORG" && !subjectIt(v, i) {
			continue
		}
		e := f.antecedent(v, prev, i, kind == "PERSON")
		if e < 0 {
			continue
		}
		v.ms = append(v.ms, mention{ent: e, first: i, last: i, resolved: true})
		taken[i] = true
	}
}

// subjectIt reports whether "it" at i is the subject of a verb and not the
// empty "it" of "it is thought", "it's not known".
func subjectIt(v *sentView, i int) bool {
	if i > 0 && (relIsVerb(v.toks[i-1].tag) || v.toks[i-1].tag == "IN" || v.toks[i-1].tag == "TO") {
		return false
	}
	j := i + 1
	for j < len(v.toks) && v.toks[j].tag == "RB" {
		j++
	}
	if j >= len(v.toks) || !relIsVerb(v.toks[j].tag) {
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
// when that is not clear.
func (f *relationFinder) antecedent(v *sentView, prev []*sentView, i int, person bool) int {
	fits := func(e int) bool {
		t := f.doc.ents[e].Type
		if person {
			return t == newsgraph.Person
		}
		return t == newsgraph.State || t == newsgraph.Agency
	}
	// In the sentence, before the pronoun.
	var here []int
	for _, m := range v.ms {
		if m.last < i && fits(m.ent) && !m.resolved && !slices.Contains(here, m.ent) {
			here = append(here, m.ent)
		}
	}
	switch {
	case len(here) == 1:
		return here[0]
	case len(here) > 1:
		return -1
	}
	if !person {
		// "it" reaches back only to an actor that opens the sentence before.
		if len(prev) == 0 {
			return -1
		}
		pv := prev[len(prev)-1]
		if len(pv.ms) > 0 && pv.chain[0] <= 1 && fits(pv.ms[0].ent) {
			return pv.ms[0].ent
		}
		return -1
	}
	for p := len(prev) - 1; p >= 0; p-- {
		var ents []int
		first := -1
		for _, m := range prev[p].ms {
			if !fits(m.ent) {
				continue
			}
			if first < 0 && len(ents) == 0 {
				first = m.first
			}
			if !slices.Contains(ents, m.ent) {
				ents = append(ents, m.ent)
			}
		}
		switch {
		case len(ents) == 0:
			continue
		case len(ents) == 1:
			return ents[0]
		case first <= 3:
			// The sentence opens with it: its subject.
			return ents[0]
		}
		return -1
	}
	return -1
}

// mainState returns the state the article has named most before token i of
// v, when one leads, or -1.
func (f *relationFinder) mainState(v *sentView, i int) int {
	count := map[int]int{}
	for e, c := range f.stateCount {
		count[e] = c
	}
	for _, m := range v.ms {
		if m.last < i && !m.resolved && f.doc.ents[m.ent].Type == newsgraph.State {
			count[m.ent]++
		}
	}
	best, bestN := -1, 0
	for e, c := range count {
		if c > bestN || c == bestN && e < best {
			best, bestN = e, c
		}
	}
	second := 0
	for e, c := range count {
		if e != best && c > second {
			second = c
		}
	}
	if bestN < 2 || bestN == second {
		return -1
	}
	return best
}

// firstPersons are the pronouns a speaker uses for himself or his side.
var firstPersons = lexicon.NewSet("i", "we", "me", "my", "our", "us")

// quoteSpeakers maps each first-person pronoun inside a quotation to the
// actor the text says spoke it: `"I informed John Bolton ...," wrote Trump`,
// `Bolton ... speaking via Twitter: "I offered to resign"`, `"... Ambassador
// Bolton and I disagreed," Pompeo told the press`. Curly quotes open and
// close; a straight double quote toggles.
func (f *relationFinder) quoteSpeakers(views []*sentView) map[[2]int]int {
	type pos struct{ si, ti int }
	open := false
	var spans [][2]pos
	var start pos
	for si, v := range views {
		if v == nil {
			continue
		}
		for ti, t := range v.toks {
			if t.tag != "QUOTE" || t.text == "'" || t.text == "‘" || t.text == "’" {
				continue
			}
			opening := t.text == "“" || t.text == "``" || (t.text == `"` && !open)
			switch {
			case opening && !open:
				open, start = true, pos{si, ti}
			case !opening && open:
				open = false
				spans = append(spans, [2]pos{start, {si, ti}})
			}
		}
	}
	out := map[[2]int]int{}
	for _, sp := range spans {
		e := f.speakerAfter(views[sp[1].si], sp[1].ti)
		if e < 0 {
			e = f.speakerBefore(views[sp[0].si], sp[0].ti)
		}
		if e < 0 {
			continue
		}
		for si := sp[0].si; si <= sp[1].si; si++ {
			v := views[si]
			if v == nil {
				continue
			}
			a, b := 0, len(v.toks)
			if si == sp[0].si {
				a = sp[0].ti + 1
			}
			if si == sp[1].si {
				b = sp[1].ti
			}
			for ti := a; ti < b && ti < len(v.toks); ti++ {
				t := v.toks[ti]
				if (t.tag == "PRP" || t.tag == "PRP$") && firstPersons[strings.ToLower(t.text)] {
					out[[2]int{si, ti}] = e
				}
			}
		}
	}
	return out
}

// speakerAfter reads `"...," wrote Trump` or `"...", Pompeo told` after the
// closing quote at token c.
func (f *relationFinder) speakerAfter(v *sentView, c int) int {
	i := c + 1
	if i < len(v.toks) && v.toks[i].tag == "," {
		i++
	}
	if i+1 >= len(v.toks) {
		return -1
	}
	if relIsVerb(v.toks[i].tag) && relSpeechVerbs[lemma(v.toks[i].text, v.toks[i].tag)] && v.at[i+1] >= 0 {
		return v.ms[v.headOf(i+1)].ent
	}
	if h := v.at[i]; h >= 0 && v.chain[h] == i {
		j := v.ms[h].last + 1
		if j < len(v.toks) && relIsVerb(v.toks[j].tag) && relSpeechVerbs[lemma(v.toks[j].text, v.toks[j].tag)] {
			return v.ms[h].ent
		}
	}
	return -1
}

// speakerBefore reads `X said: "...` or `wrote Trump on Twitter, "...`
// before the opening quote at token o: the actor after the nearest reporting
// verb, else the one opening the sentence.
func (f *relationFinder) speakerBefore(v *sentView, o int) int {
	for i := o - 1; i >= 0 && i >= o-10; i-- {
		t := v.toks[i]
		l := lemma(t.text, t.tag)
		if !relIsVerb(t.tag) || !relSpeechVerbs[l] && l != "speak" {
			continue
		}
		// The subject before the verb, a person if one is named ("The
		// Senate Minority Leader, Chuck Schumer, said"), else the actor
		// after it ("wrote Trump on Twitter").
		inverted := i > 0 && (v.toks[i-1].tag == "QUOTE" || v.toks[i-1].tag == ",")
		if inverted && i+1 < o && v.at[i+1] >= 0 {
			return v.ms[v.headOf(i+1)].ent
		}
		best := -1
		for k := range v.ms {
			m := v.ms[k]
			if m.last >= i || m.resolved || f.doc.ents[m.ent].Type == newsgraph.State {
				continue
			}
			if best < 0 || f.doc.ents[m.ent].Type == newsgraph.Person {
				best = k
			}
		}
		if best >= 0 {
			return v.ms[best].ent
		}
		if i+1 < o && v.at[i+1] >= 0 {
			return v.ms[v.headOf(i+1)].ent
		}
		return -1
	}
	return -1
}

// roleHolder is a person the article names with a title before the name
// ("United States President Donald Trump", "Senate Minority Leader Chuck
// Schumer"), for the bare role nouns that later stand for them ("the
// president").
type roleHolder struct {
	ent    int
	words  []string // the title's nouns and adjectives, lower-cased and lemmatised
	former bool     // "former US President Barack Obama"
}

// relStaleTitle marks a title its holder no longer (or not yet) holds.
var relStaleTitle = lexicon.NewSet("former", "late", "then", "ex", "ex-", "outgoing", "incoming", "previous")

// roleHolders collects the titles before the person mentions of the bare
// views, and those a mention's own text opens with ("President Trump").
func (f *relationFinder) roleHolders(views []*sentView) []roleHolder {
	var out []roleHolder
	for _, v := range views {
		if v == nil {
			continue
		}
		for k, m := range v.ms {
			if m.resolved || f.doc.ents[m.ent].Type != newsgraph.Person {
				continue
			}
			var words []string
			former := false
			for i := v.chain[k]; i < m.first; i++ {
				t := v.toks[i]
				lw := strings.ToLower(t.text)
				if relStaleTitle[lw] {
					former = true
				}
				if v.at[i] >= 0 || relStaleTitle[lw] || relTimeWords[lw] {
					continue
				}
				if relIsNoun(t.tag) || relIsAdj(t.tag) {
					words = append(words, lemma(t.text, t.tag))
				}
			}
			for i := v.chain[k] - 1; i >= 0 && i >= v.chain[k]-3 && v.at[i] < 0; i-- {
				// "former president George W. Bush", "the former US President"
				if relStaleTitle[strings.ToLower(v.toks[i].text)] {
					former = true
				}
				if !relIsAdj(v.toks[i].tag) && v.toks[i].tag != "DT" {
					break
				}
			}
			for i := m.first; i < m.last && relTitleWords[strings.ToLower(v.toks[i].text)]; i++ {
				words = append(words, lemma(v.toks[i].text, v.toks[i].tag))
			}
			if len(words) == 0 || !relTitleWords[words[len(words)-1]] {
				continue
			}
			out = append(out, roleHolder{ent: m.ent, words: words, former: former})
		}
	}
	return out
}

// roleMention returns the person a bare role noun phrase starting at token i
// ("the president", "the Greek foreign minister", "the President's") stands
// for, and the phrase's last token: the one person the article titles so,
// current holders before former ones. A role phrase that is the title of a
// name ("the president of the League, Jamel Msallem") stands for nobody.
func (f *relationFinder) roleMention(v *sentView, i int, taken []bool) (ent, first, last int) {
	n := len(v.toks)
	if f.bare == nil || !strings.EqualFold(v.toks[i].text, "the") || taken[i] {
		return -1, -1, -1
	}
	if i > 0 {
		// "served as the ambassador", "is the president": a role the
		// sentence gives, not one that points back.
		p := strings.ToLower(v.toks[i-1].text)
		if p == "as" || relBeForms[p] || lemma(p, v.toks[i-1].tag) == "become" || lemma(p, v.toks[i-1].tag) == "remain" {
			return -1, -1, -1
		}
	}
	var words []string
	j := i + 1
	first = j
	for ; j < n && (relIsNoun(v.toks[j].tag) || relIsAdj(v.toks[j].tag) || taken[j]); j++ {
		if taken[j] {
			// A state's demonym in the phrase: "the Greek foreign minister".
			k := mentionAt(v, j)
			if k < 0 || f.doc.ents[v.ms[k].ent].Type != newsgraph.State || len(words) > 0 {
				break
			}
			j = v.ms[k].last
			first = j + 1
			continue
		}
		lw := strings.ToLower(v.toks[j].text)
		if relStaleTitle[lw] {
			return -1, -1, -1
		}
		words = append(words, lemma(v.toks[j].text, v.toks[j].tag))
	}
	last = j - 1
	if len(words) == 0 || !relTitleWords[words[len(words)-1]] || v.toks[last].tag == "NNP" && j < n && v.toks[j].tag == "NNP" {
		return -1, -1, -1
	}
	if j < n && (taken[j] || v.toks[j].tag == "NNP" || v.toks[j].tag == ",") {
		// "the president, Jamel Msallem" / "the president Donald Trump"
		return -1, -1, -1
	}
	if bv := f.bare[v.si]; bv != nil {
		if h := bv.headOf(last); h >= 0 && f.doc.ents[bv.ms[h].ent].Type == newsgraph.Person {
			return -1, -1, -1
		}
	}
	if j < n && strings.EqualFold(v.toks[j].text, "of") {
		// "the president of X, Y" titles Y.
		for k := j + 1; k < n && k < j+12; k++ {
			if v.toks[k].tag == "," && k+1 < n && taken[k+1] {
				return -1, -1, -1
			}
		}
	}
	if ent = f.holderOf(words); ent < 0 {
		return -1, -1, -1
	}
	return ent, first, last
}

// holderOf returns the one actor the article gives the role words, or -1:
// the one current holder, else the one former holder.
func (f *relationFinder) holderOf(words []string) int {
	var current, former []int
	for _, h := range f.roles[words[len(words)-1]] {
		if !titleCovers(h.words, words) {
			continue
		}
		if h.former {
			if !slices.Contains(former, h.ent) {
				former = append(former, h.ent)
			}
		} else if !slices.Contains(current, h.ent) {
			current = append(current, h.ent)
		}
	}
	switch {
	case len(current) == 1:
		return current[0]
	case len(current) == 0 && len(former) == 1:
		return former[0]
	}
	return -1
}

// mentionAt returns the index in v.ms of the mention holding token i, or -1;
// it does not need v.at, which is filled later.
func mentionAt(v *sentView, i int) int {
	for k, m := range v.ms {
		if m.first <= i && i <= m.last {
			return k
		}
	}
	return -1
}

// relSubordinateTitle are the words that make a title another office than
// its head noun names.
var relSubordinateTitle = lexicon.NewSet("vice", "deputy", "assistant", "associate", "under", "lieutenant", "junior", "co")

// titleCovers reports whether a holder's title has the role's head and every
// other word of it that is no demonym: "Senate Minority Leader" covers
// "leader" and "minority leader".
func titleCovers(title, role []string) bool {
	if len(title) == 0 || len(role) == 0 || title[len(title)-1] != role[len(role)-1] {
		return false
	}
	for _, t := range title {
		if relSubordinateTitle[t] && !slices.Contains(role, t) {
			return false // a vice president is not "the president"
		}
	}
	for _, w := range role[:len(role)-1] {
		found := false
		for _, t := range title {
			found = found || t == w
		}
		if !found {
			return false
		}
	}
	return true
}
