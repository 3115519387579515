package extract

import (
	"slices"
	"sort"
	"strings"

	"newsgraph"
	"newsgraph/extract/internal/lexicon"
)

// verbGroup is a run of verbs with their relAuxiliaries, adverbs, particles and
// the "to" between them: "has not revealed", "planned to join", "signed up".
type verbGroup struct {
	first, last int
	// words and tags are the predicate's verbs, particles and the "to"
	// between verbs, relAuxiliaries and adverbs left out.
	words, tags []string
	main        int // the last verb
	passive     bool
	negated     bool
	copula      bool // the group is a form of "be" alone
	// hedged is set when the text does not assert the act: a modal of
	// possibility ("may have sent"), a hedging adverb ("reportedly",
	// "allegedly") in the group or its clause, or a verb of belief before
	// "to" ("is believed to have sent", "appears to").
	hedged bool
}

// verbGroups returns the verb groups of v in order.
func verbGroups(v *sentView) []verbGroup {
	var out []verbGroup
	n := len(v.toks)
	for i := 0; i < n; i++ {
		if v.at[i] >= 0 || !relIsVerb(v.toks[i].tag) || relPrepVerbs[strings.ToLower(v.toks[i].text)] {
			continue
		}
		// A participle or gerund after a determiner or adjective is a noun
		// modifier or a noun ("the declassified report", "the handling").
		if t := v.toks[i].tag; (t == "VBN" || t == "VBG") && i > 0 {
			p := v.toks[i-1].tag
			if p == "DT" || p == "PRP$" || p == "JJ" || p == "POS" || p == "CD" {
				continue
			}
		}
		j := i
		for j+1 < n && v.at[j+1] < 0 {
			t := v.toks[j+1]
			if relIsVerb(t.tag) || t.tag == "RB" || t.tag == "RBR" || t.tag == "RP" || relNegations[strings.ToLower(t.text)] {
				j++
				continue
			}
			if t.tag == "TO" && j+2 < n && v.toks[j+2].tag == "VB" && v.at[j+2] < 0 {
				j++
				continue
			}
			break
		}
		for j > i && (v.toks[j].tag == "RB" || v.toks[j].tag == "RBR") && !relNegations[strings.ToLower(v.toks[j].text)] {
			j--
		}
		out = append(out, makeVerbGroup(v, i, j))
		i = j
	}
	return out
}

func makeVerbGroup(v *sentView, first, last int) verbGroup {
	g := verbGroup{first: first, last: last, main: -1}
	lastVerb := -1
	for i := first; i <= last; i++ {
		if relIsVerb(v.toks[i].tag) {
			lastVerb = i
		}
	}
	g.main = lastVerb
	g.hedged = hedgedGroup(v, first, last)
	aux := false // a form of be or get before the last verb
	for i := first; i <= last; i++ {
		t := v.toks[i]
		lw := strings.ToLower(t.text)
		switch {
		case relNegations[lw]:
			g.negated = true
		case relIsVerb(t.tag):
			if i != lastVerb && (t.tag == "MD" || relAuxiliaries[lw]) {
				if relBeForms[lw] || strings.HasPrefix(lw, "get") || lw == "got" {
					aux = true
				}
				continue
			}
			if i != lastVerb {
				aux = false // "is believed to have sent" is active
			}
			g.words = append(g.words, t.text)
			g.tags = append(g.tags, t.tag)
		case t.tag == "RP" || t.tag == "TO" && len(g.words) > 0:
			g.words = append(g.words, t.text)
			g.tags = append(g.tags, t.tag)
		}
	}
	if lastVerb >= 0 {
		lw := strings.ToLower(v.toks[lastVerb].text)
		g.copula = relBeForms[lw] && len(g.words) == 1
		tag := v.toks[lastVerb].tag
		g.passive = tag == "VBN" && aux
		if tag == "VBN" && !aux && last+1 < len(v.toks) && strings.EqualFold(v.toks[last+1].text, "by") {
			g.passive = true // "as reported by", "sentenced by"
		}
	}
	return g
}

// confHedged is the factor a hedge puts on an edge's confidence.
const confHedged = 0.7

// relHedgeModals are the modals of possibility.
var relHedgeModals = lexicon.NewSet("may", "might", "could")

// hedgedGroup reports whether the verb group [first, last] is hedged: by a
// modal of possibility or a verb of belief before "to" in it, or by a
// hedging adverb in it or earlier in its clause.
func hedgedGroup(v *sentView, first, last int) bool {
	for i := first; i <= last; i++ {
		lw := strings.ToLower(v.toks[i].text)
		if relHedgeAdverbs[lw] || v.toks[i].tag == "MD" && relHedgeModals[lw] {
			return true
		}
		if relIsVerb(v.toks[i].tag) && i < last && v.toks[i+1].tag == "TO" && relHedgeVerbs[lemma(v.toks[i].text, v.toks[i].tag)] {
			return true
		}
	}
	for i := first - 1; i >= 0 && i >= first-8; i-- {
		t := v.toks[i]
		if t.tag == ";" || t.tag == ":" || relIsVerb(t.tag) && v.at[i] < 0 {
			break
		}
		if relHedgeAdverbs[strings.ToLower(t.text)] {
			return true
		}
	}
	return false
}

// mainLemma returns the lemma of the group's last verb.
func (g verbGroup) mainLemma(v *sentView) string {
	if g.main < 0 {
		return ""
	}
	return lemma(v.toks[g.main].text, v.toks[g.main].tag)
}

// verbObject is what follows a verb group: the actors, the nouns a light verb
// carries and the final preposition.
type verbObject struct {
	heads []int  // mention indexes
	nouns []int  // token indexes of light nouns
	prep  string // the preposition right before the object, if any
	far   bool
	// owned is set when the nouns are what the object owns ("asked for
	// Bolton's resignation"): the preposition then goes before them.
	owned bool
}

// objectOf reads the object after a verb group, ReVerb style: determiners,
// adjectives, up to two noun phrases joined by prepositions, then an actor.
// The head of the first noun phrase is the light noun the predicate keeps
// ("signed a new decree" -> decree); a proper noun that is no actor ends the
// search, since the phrase is then about that unnamed thing.
func (f *relationFinder) objectOf(v *sentView, g verbGroup) verbObject {
	var o verbObject
	n := len(v.toks)
	i := g.last + 1
	steps, nps := 0, 0
	inNP := false
	for ; i < n && steps < 10; i, steps = i+1, steps+1 {
		t := v.toks[i]
		lw := strings.ToLower(t.text)
		if h := v.headOf(i); h >= 0 {
			if relNominative[lw] && v.ms[h].resolved {
				// "a solution to the brokenness we see": a subject pronoun
				// opens a clause of its own.
				return verbObject{}
			}
			return f.objectAt(v, g, o, i, h, steps)
		}
		switch {
		case relTimeWords[lw]:
			o.prep = ""
		case t.tag == "VBN" && i > g.last+1 && (relIsNoun(v.toks[i-1].tag) || v.toks[i-1].tag == ",") && i+1 < n && strings.EqualFold(v.toks[i+1].text, "by"):
			// "a summary of a call made by Trump": a participle after its
			// noun opens a clause of its own, whose agent is no object.
			return verbObject{}
		case t.tag == "DT" || t.tag == "PDT" || t.tag == "PRP$" || relIsAdj(t.tag) || t.tag == "CD" || t.tag == "POS" || t.tag == "RB" || t.tag == "VBN" && i > g.last+1:
		case t.tag == "NN" || t.tag == "NNS":
			if !inNP {
				nps++
				inNP = true
				if nps > 2 {
					return verbObject{}
				}
			}
			if nps == 1 {
				o.nouns = []int{i} // the last noun of the first phrase
			}
			o.prep = ""
			continue
		case t.tag == "IN" || t.tag == "TO":
			if lw == "that" || lw == "if" || lw == "whether" || lw == "because" || lw == "while" || lw == "although" {
				return verbObject{}
			}
			o.prep = lw
		default:
			return verbObject{}
		}
		inNP = false
	}
	return verbObject{}
}

// objectAt completes the object o of verb group g at token i, where actor h
// stands steps tokens after the group: h with the actors listed after it,
// or h as the owner of the thing the verb acts on.
func (f *relationFinder) objectAt(v *sentView, g verbGroup, o verbObject, i, h, steps int) verbObject {
	e := v.ms[h].last + 1
	owner := v.possessive(h) && v.ms[h].first == i
	if !owner && v.chain[h] >= i && e < len(v.toks) && v.toks[e].tag == "POS" && (steps == 0 || g.copula) {
		// "asked for the president's resignation"; "were at odds
		// over the president's handling" states nothing about him.
		// After a verb's own noun ("led a movement against Smith's
		// government") the owner is the object.
		owner, e = true, e+1
	}
	if owner {
		// "passed his proposed budget": the owner is the object, and
		// the thing owned the light noun.
		if steps > 0 && len(o.nouns) > 0 {
			return verbObject{}
		}
		o.heads = []int{h}
		o.nouns = firstNounHead(v, e)
		o.owned = true
		o.far = true
		return o
	}
	o.heads = f.listAt(v, i)
	if len(o.heads) == 0 {
		o.heads = []int{h}
	}
	o.far = steps > 2 || len(o.nouns) > 0
	return o
}

// relationsVerbal finds subject -[verb phrase]-> object in v, with passives
// turned active, lists on either side, and reported speech.
func (f *relationFinder) relationsVerbal(v *sentView) {
	groups := verbGroups(v)
	var cc clauseContext
	for gi, g := range groups {
		if len(g.words) == 0 || g.main < 0 {
			cc.prevSubj, cc.prevHad = nil, false
			continue
		}
		subj, sfar, control, gerund := f.clauseSubjects(v, groups, gi, &cc)
		lem := g.mainLemma(v)
		if relRoleVerbs[lem] || relRoleVerbs[strings.TrimSuffix(lem, "ing")+"e"] || relRoleVerbs[strings.TrimSuffix(lem, "ing")] {
			f.roleAfterVerb(v, g, subj)
		}
		if g.passive {
			f.passiveRelations(v, g, subj)
			continue
		}
		o := f.objectOf(v, g)
		if gerund && (o.owned || o.prep == "in" || o.prep == "of") {
			// "for organizing the return of", "since returning home from
			// combat in Iraq": where the act took place, not to whom.
			continue
		}
		if len(subj) == 0 {
			f.invertedSpeech(v, g, o)
			continue
		}
		conf := confVerbNear
		if sfar || o.far {
			conf = confVerbFar
		}
		if control {
			conf = confControl
		}
		if g.hedged {
			conf *= confHedged
		}
		if relSpeechVerbs[lem] {
			o, conf = f.reportedObject(v, g, o, groups[gi+1:], subj, conf)
		}
		if len(o.heads) == 0 {
			if len(subj) == 2 && (relReciprocalVerbs[lem] || interactionObject(v, g) && joinedByAnd(v, subj)) && !control {
				// "Trump and Congress could not reach an agreement", "Russia
				// and China signed a treaty": each is the other's party;
				// the edge goes from the first named.
				o.nouns = firstNounHead(v, g.last+1)
				label, lemmaKey := f.predicate(v, g, o)
				f.add(patReciprocal, v, v.ms[subj[1]].ent, v.ms[subj[0]].ent, label, lemmaKey, confVerbFar, g.negated, -1)
			}
			continue
		}
		label, lemmaKey := f.predicate(v, g, o)
		if label == "" || f.verbalNotAsserted(v, g) {
			continue
		}
		if relSpeechVerbs[lem] {
			f.spokeTo(v, g, subj)
		}
		for _, s := range subj {
			for _, q := range o.heads {
				c := conf
				if v.ms[s].resolved || v.ms[q].resolved {
					c *= confPronoun
				}
				f.add(patVerbal, v, v.ms[s].ent, v.ms[q].ent, label, lemmaKey, c, g.negated, v.ms[q].first)
			}
		}
	}
}

// clauseContext is what the verb groups of a sentence tell the ones after
// them about their subjects.
type clauseContext struct {
	prevSubj, mainSubj []int // the previous group's own subjects; the first clause's
	lastSubj           []int // the subjects of the nearest group that had its own
	lastTag            string
	prevHad            bool // whether the group before had a subject
}

// clauseSubjects returns the subjects of verb group gi: its own, or those
// it shares with another clause (control: "X agreed to meet Y"; a
// participle after a comma; a coordinated verb; a gerund after a
// preposition). far and control lower the edge's confidence; gerund marks
// a gerund after a preposition.
func (f *relationFinder) clauseSubjects(v *sentView, groups []verbGroup, gi int, cc *clauseContext) (subj []int, far, control, gerund bool) {
	g := groups[gi]
	subj, far = f.subjectsOf(v, g)
	own := subj
	switch {
	case len(subj) > 0:
	case g.first > 0 && v.toks[g.first-1].tag == "TO" && gi > 0:
		subj = f.controller(v, groups[gi-1], g, cc.prevSubj)
		control = len(subj) > 0
	case g.first > 0 && v.toks[g.first-1].tag == "," && (v.toks[g.first].tag == "VBG" || v.toks[g.first].tag == "VBN"):
		// "Pelosi resumed the office, being voted into it by Congress":
		// a participle clause after a comma shares the sentence's subject.
		subj = cc.mainSubj
		control = len(subj) > 0
	case cc.prevHad && coordinatedVerb(v, g, cc.lastTag):
		// "Raab urged the embassy to reconsider and spoke with Pompeo":
		// the second verb of a coordinated predicate shares the subject
		// of the nearest clause that names one.
		subj = cc.lastSubj
		far = true
	case gerundAfterPrep(v, g):
		gerund = true
		// "The United States was forceful in blaming Iran": a gerund
		// after a preposition is done by the clause's subject.
		subj = cc.lastSubj
		control = len(subj) > 0
	}
	cc.prevSubj = own
	if cc.mainSubj == nil {
		cc.mainSubj = own
	}
	if len(own) > 0 {
		cc.lastSubj, cc.lastTag = own, v.toks[g.main].tag
	}
	cc.prevHad = len(subj) > 0
	return subj, far, control, gerund
}

// reportedObject reads what a reporting verb group g with object o reports:
// past a channel ("told the public via Twitter, ..."), the first actor of
// the reported clause, and a second one of a short clause ("said Turkey
// attacked Syria"). It returns the object and the edge's confidence.
func (f *relationFinder) reportedObject(v *sentView, g verbGroup, o verbObject, later []verbGroup, subj []int, conf float64) (verbObject, float64) {
	from := g.last + 1
	if relChannelPreps[o.prep] && len(o.heads) > 0 {
		// "told the public via Twitter, \"...\"": the medium is not what
		// was said; the statement follows it.
		from = v.ms[o.heads[len(o.heads)-1]].last + 1
		o = verbObject{}
	}
	if len(o.heads) == 0 {
		if q, end := f.reportedActor(v, g, from, later, subj); q >= 0 && !f.reportedDeep(v, g.main, q) {
			o = verbObject{heads: []int{q}}
			if r := f.secondReported(v, q, end, subj); r >= 0 {
				o.heads = append(o.heads, r)
			}
			conf = confReported
		}
	} else if len(o.heads) == 1 && o.prep == "" && len(o.nouns) == 0 && !o.owned {
		// "said Turkey attacked Syria": the object is the reported
		// clause's subject when its verb follows it; in "told NPR
		// Hamza bin Laden had appeared" it is the one addressed.
		q0 := o.heads[0]
		next := v.ms[q0].last + 1
		if next < len(v.toks) && v.toks[next].tag == "POS" {
			next = len(v.toks)
		}
		if q, end := f.reportedActor(v, g, from, later, subj); q == q0 && next < len(v.toks) && (relIsVerb(v.toks[next].tag) || v.toks[next].tag == "MD") {
			if r := f.secondReported(v, q, end, subj); r >= 0 {
				o.heads = append(o.heads, r)
			}
		}
	}
	if len(o.heads) == 0 {
		f.spokeTo(v, g, subj)
	}
	return o, conf
}

// roleAfterVerb reads the role a verb of office gives its subjects: "X
// became prime minister of Zimbabwe", "X was sworn in as Puerto Rico's
// governor", "X was considered the founding father of Zimbabwe", "X served
// as Trump's lawyer".
func (f *relationFinder) roleAfterVerb(v *sentView, g verbGroup, subj []int) {
	n := len(v.toks)
	i := g.last + 1
	if i < n && relSuccessorVerbs[g.mainLemma(v)] {
		i = pastPredecessor(v, i)
	}
	if i < n && strings.EqualFold(v.toks[i].text, "in") {
		i++
	}
	if i < n && strings.EqualFold(v.toks[i].text, "as") {
		i++
	}
	if i < n && (v.toks[i].tag == "DT" || v.toks[i].tag == "PRP$") && v.at[i] < 0 {
		i++
	}
	if i >= n || len(subj) == 0 {
		return
	}
	q, prep := -1, "of"
	var words, tags []string
	if a := v.at[i]; a >= 0 && v.ms[a].first == i {
		// "Puerto Rico's governor"
		e := v.ms[a].last + 1
		if e >= n || v.toks[e].tag != "POS" {
			return
		}
		hi := e + 1
		for hi < n && hi <= e+5 && v.at[hi] < 0 && (relIsNoun(v.toks[hi].tag) || relIsAdj(v.toks[hi].tag) || v.toks[hi].tag == "VBG") {
			hi++
		}
		q = a
		words, tags, _ = titleWords(v, e+1, hi-1)
	} else {
		// "prime minister of Zimbabwe", "the founding father of Zimbabwe"
		hi := i
		for hi < n && hi <= i+5 && v.at[hi] < 0 && (relIsNoun(v.toks[hi].tag) || relIsAdj(v.toks[hi].tag) || v.toks[hi].tag == "VBG") {
			hi++
		}
		if hi+1 >= n || !isOfToFor(v.toks[hi].text) || !f.actorAt(v, hi+1) {
			return
		}
		j := hi + 1
		if strings.EqualFold(v.toks[j].text, "the") {
			j++
		}
		q = v.headOf(j)
		prep = strings.ToLower(v.toks[hi].text)
		words, tags, _ = titleWords(v, i, hi-1)
	}
	h := relHeadWord(words)
	if q < 0 || len(words) == 0 || !relTitleWords[h] && !relRoleNouns[h] {
		return
	}
	for _, s := range subj {
		if s != q {
			f.addRole(patRoleAfterVerb, v, s, q, words, tags, prep, confApposition)
		}
	}
}

// coordinatedVerb reports whether group g opens the second predicate of a
// coordination ("... and spoke with", "..., and later wrote"): "and" or "but"
// right before it, past adverbs, and a verb of the same form as the main verb
// of the clause before (prevTag), so that "said Iran attacked and will
// retaliate" is not read as one subject's two acts.
func coordinatedVerb(v *sentView, g verbGroup, prevTag string) bool {
	if prevTag == "" {
		return false
	}
	p := g.first - 1
	for p >= 0 && v.toks[p].tag == "RB" {
		p--
	}
	if p < 1 {
		return false
	}
	if lw := strings.ToLower(v.toks[p].text); lw != "and" && lw != "but" {
		return false
	}
	t := v.toks[g.first].tag
	finite := func(t string) bool { return t == "VBD" || t == "VBZ" || t == "VBP" }
	return t == prevTag || finite(t) && finite(prevTag) || t == "MD" && finite(prevTag) || finite(t) && prevTag == "MD"
}

// gerundAfterPrep reports whether group g is a gerund right after a
// preposition that makes it an act of the clause's subject ("in blaming",
// "by sending", "after meeting").
func gerundAfterPrep(v *sentView, g verbGroup) bool {
	if g.first < 1 || v.toks[g.first].tag != "VBG" {
		return false
	}
	if n := g.last + 1; n < len(v.toks) && relTitleWords[strings.ToLower(v.toks[n].text)] {
		return false // "by sitting President Donald Trump"
	}
	switch strings.ToLower(v.toks[g.first-1].text) {
	case "in", "by", "after", "before", "while", "for", "without", "when", "since":
		return true
	}
	return false
}

// spokeTo finds whom the speakers of a reporting verb addressed, named in a
// phrase of the sentence: "Cruz, in remarks to ABC, said", "In an interview
// with Sputnik News, UNESCO said", "Speaking to Agence France-Presse, ... X
// said".
func (f *relationFinder) spokeTo(v *sentView, g verbGroup, subj []int) {
	for i := 0; i+1 < len(v.toks); i++ {
		if !relSpeechNouns[strings.ToLower(v.toks[i].text)] || i > g.first && i < g.last {
			continue
		}
		p := strings.ToLower(v.toks[i+1].text)
		if p != "to" && p != "with" {
			continue
		}
		j := i + 2
		for j < len(v.toks) && v.at[j] < 0 && (v.toks[j].tag == "DT" || relIsAdj(v.toks[j].tag)) {
			j++
		}
		if j >= len(v.toks) || v.at[j] < 0 {
			continue
		}
		q := v.headOf(j)
		if q < 0 || v.ms[q].resolved {
			continue
		}
		for _, s := range subj {
			if v.headOf(j) != s {
				f.add(patSpokeTo, v, v.ms[s].ent, v.ms[q].ent, "said to", "say to", confReported, false, -1)
			}
		}
	}
}

// firstNounHead returns the head noun of the noun phrase starting at token i
// ("an agreement about ..." -> agreement), if one does.
func firstNounHead(v *sentView, i int) []int {
	head := -1
	for ; i < len(v.toks) && v.at[i] < 0; i++ {
		t := v.toks[i].tag
		switch {
		case t == "NN" || t == "NNS":
			head = i
		case t == "DT" || t == "PRP$" || relIsAdj(t) || t == "CD" || t == "VBN" || t == "VBG":
			// "his proposed budget": a participle before the noun modifies it.
			if head >= 0 {
				return []int{head}
			}
		default:
			if head >= 0 {
				return []int{head}
			}
			return nil
		}
	}
	if head >= 0 {
		return []int{head}
	}
	return nil
}

// controller returns the subject of an infinitive group g: the actor right
// before its "to" ("asked Bolton to resign", "the request of Boris Johnson to
// suspend Parliament"), else the subject of the verb it depends on when no
// other actor stands between them ("Cubans secured bonuses ... to fight for
// Moscow").
func (f *relationFinder) controller(v *sentView, prev, g verbGroup, prevSubj []int) []int {
	to := g.first - 1
	if to > 0 && v.at[to-1] >= 0 {
		if h := v.headOf(to - 1); h >= 0 && !v.possessive(h) {
			return []int{h}
		}
	}
	for i := prev.last + 1; i < to; i++ {
		if v.at[i] >= 0 {
			return nil
		}
	}
	return prevSubj
}

// reportedActor returns the first actor of the clause a reporting verb
// introduces ("claims Cubans previously secured ...", "said, \"Nigeria is
// ...\"", "claimed that the wall was part of America's border security"),
// or -1. The clause starts right after the verb (past "that", a comma, a
// quote or a time phrase); the actor must come before the clause's second
// verb, a later comma or a dash, and must not be the agent of a passive ("—
// as reported by X"). A question word ("revealed how many ...") opens no
// statement.
func (f *relationFinder) reportedActor(v *sentView, g verbGroup, from int, later []verbGroup, not []int) (q, end int) {
	n := len(v.toks)
	i := max(g.last+1, from)
	for i < n && (v.toks[i].tag == "," || v.toks[i].tag == "QUOTE" || v.toks[i].tag == ":" || strings.EqualFold(v.toks[i].text, "that")) {
		i++
	}
	if i < n && (v.toks[i].tag == "WRB" || v.toks[i].tag == "WP" || v.toks[i].tag == "WDT" ||
		strings.EqualFold(v.toks[i].text, "if") || strings.EqualFold(v.toks[i].text, "whether")) {
		return -1, 0
	}
	end = n
	verbs := 0
	for _, l := range later {
		if l.first >= i {
			verbs++
			if verbs == 2 {
				end = l.first
				break
			}
		}
	}
	quoted := i > g.last+1 && v.toks[i-1].tag == "QUOTE"
	for j := i + 1; j < end; j++ {
		t := v.toks[j].tag
		if quoted && t == "QUOTE" || !quoted && (t == "," || t == ":" || t == ";") {
			end = j
			break
		}
	}
	for j := i; j < end; j++ {
		if v.at[j] < 0 {
			continue
		}
		if m := v.ms[v.at[j]]; m.resolved {
			for _, s := range not {
				if v.ms[s].ent == m.ent {
					// "Trump announced he had asked for Bolton's
					// resignation": the clause is the speaker's own act,
					// read as such by the verb after it.
					return -1, 0
				}
			}
			continue
		}
		q := f.firstActorAfter(v, j, end, not)
		if q < 0 {
			return -1, 0
		}
		if p := v.chain[q] - 1; p >= 0 && strings.EqualFold(v.toks[p].text, "by") {
			return -1, 0
		}
		return q, end
	}
	return -1, 0
}

// maxReportedClause is the longest reported clause, in tokens, whose second
// actor the speaker's statement is also about.
const maxReportedClause = 12

// secondReported returns the second actor of a short reported clause that
// ends before token end and whose first actor is q: "Trump said Turkey
// attacked Syria" is a statement about Syria too. A clause with a third
// actor, a pronoun standing for one, or the speaker in it, gives -1: the
// statement is then about too much to say whom.
func (f *relationFinder) secondReported(v *sentView, q, end int, speakers []int) int {
	start := v.chain[q]
	if end-start > maxReportedClause || v.ms[q].resolved {
		return -1
	}
	r := -1
	for k := q + 1; k < len(v.ms) && v.ms[k].first < end; k++ {
		m := v.ms[k]
		if m.resolved || m.ent == v.ms[q].ent || r >= 0 && m.ent == v.ms[r].ent {
			if m.resolved {
				return -1
			}
			continue
		}
		for _, s := range speakers {
			if v.ms[s].ent == m.ent {
				return -1
			}
		}
		if h := v.headOf(m.first); h >= 0 && h != k {
			continue // a modifier of another name: "the [US] [Congress]"
		}
		if e := m.last + 1; e < len(v.toks) && relIsNoun(v.toks[e].tag) {
			// "the United States Constitution", "Al-Qaeda videos", "a true
			// American hero": the actor modifies what the clause is about.
			continue
		}
		if !verbBetween(v, v.ms[q].last+1, m.first) {
			// "said Turkey and Syria ...", "told Reuters that Iran ...":
			// the clause's own verb must come between its two actors.
			return -1
		}
		if r >= 0 {
			return -1
		}
		r = k
	}
	return r
}

// verbBetween reports whether tokens [a, b) hold a verb and no "that" or
// quotation mark, which would open another clause.
func verbBetween(v *sentView, a, b int) bool {
	verb := false
	for i := max(a, 0); i < b && i < len(v.toks); i++ {
		t := v.toks[i]
		if t.tag == "QUOTE" || strings.EqualFold(t.text, "that") {
			return false
		}
		verb = verb || relIsVerb(t.tag)
	}
	return verb
}

// predicate builds the label and lemma of a verb phrase: the verbs and
// particles, the light nouns and the final preposition ("signed decree",
// "made plea to"). A copula keeps only its nouns ("is a member of" ->
// "member of"); a copula with no noun states no relation.
func (f *relationFinder) predicate(v *sentView, g verbGroup, o verbObject) (string, string) {
	var words, tags []string
	if !g.copula {
		words = append(words, g.words...)
		tags = append(tags, g.tags...)
	}
	if o.owned && o.prep != "" && !g.copula {
		words = append(words, o.prep)
		tags = append(tags, "IN")
	}
	for _, i := range o.nouns {
		words = append(words, v.toks[i].text)
		tags = append(tags, v.toks[i].tag)
	}
	if g.copula && len(o.nouns) == 0 {
		return "", ""
	}
	if o.prep != "" && !(o.owned && !g.copula) && (len(o.nouns) > 0 || !g.copula) {
		words = append(words, o.prep)
		tags = append(tags, "IN")
	}
	if len(words) == 0 {
		return "", ""
	}
	label := strings.ToLower(strings.Join(words, " "))
	return label, lemmaPhrase(words, tags)
}

// relPassivePhrasePreps open a phrase that may come between a passive verb
// and its agent: "was appointed to the court by", "was expelled from the
// party by".
var relPassivePhrasePreps = lexicon.NewSet("to", "into", "from", "as", "in", "at", "for")

// passiveRelations turns "X was elected by Y" into Y -[elected]-> X, and "Y's
// claim, as reported by Z" into Z -[reported]-> Y.
func (f *relationFinder) passiveRelations(v *sentView, g verbGroup, subj []int) {
	i := g.last + 1
	if i >= len(v.toks) {
		return
	}
	// The agent: "by" right after the verb, or after a short phrase ("voted
	// into the position by ...").
	// An actor in a phrase before it is skipped ("was nominated to the
	// Supreme Court in 1975 by President Ford").
	by := -1
	for j := i; j < len(v.toks) && j <= i+8; j++ {
		if strings.EqualFold(v.toks[j].text, "by") {
			by = j
			break
		}
		if a := v.at[j]; a >= 0 && j > i && j <= i+5 {
			p := j - 1
			if v.toks[p].tag == "DT" && p > i {
				p--
			}
			if t := v.toks[p]; (t.tag == "IN" || t.tag == "TO") && relPassivePhrasePreps[strings.ToLower(t.text)] {
				j = v.ms[a].last
				continue
			}
		}
		if v.toks[j].tag == "," || relIsVerb(v.toks[j].tag) || v.at[j] >= 0 || j > i+5 && v.toks[j].tag != "CD" && v.toks[j].tag != "IN" && !relTimeWords[strings.ToLower(v.toks[j].text)] {
			break
		}
	}
	if by < 0 || by+1 >= len(v.toks) {
		return
	}
	j := by + 1
	if v.toks[j].tag == "DT" {
		j++
	}
	if j >= len(v.toks) {
		return
	}
	agents := f.listAt(v, j)
	if len(agents) == 0 {
		if h := v.headOf(j); h >= 0 {
			agents = []int{h}
		}
	}
	if len(agents) == 0 {
		return
	}
	conf := confVerbNear
	if by > i {
		conf = confVerbFar
	}
	if g.hedged {
		conf *= confHedged
	}
	patients := subj
	if g.first > 0 && strings.EqualFold(v.toks[g.first-1].text, "as") {
		// "X said — as reported by Z": Z reported the clause's first actor.
		if q := f.firstActorAfter(v, 0, g.first, agents); q >= 0 {
			patients = []int{q}
			conf = confReported
		}
	}
	w := v.toks[g.main]
	label := strings.ToLower(w.text)
	lem := lemma(w.text, w.tag)
	for _, a := range agents {
		for _, p := range patients {
			c := conf
			if v.ms[a].resolved || v.ms[p].resolved {
				c *= confPronoun
			}
			f.add(patPassive, v, v.ms[a].ent, v.ms[p].ent, label, lem, c, g.negated, v.ms[p].first)
		}
	}
}

// invertedSpeech reads a quote followed by its speaker: `"...," said X`.
// The speaker's edge goes to the first actor of the quote.
func (f *relationFinder) invertedSpeech(v *sentView, g verbGroup, o verbObject) {
	if !relSpeechVerbs[g.mainLemma(v)] || g.first == 0 || len(o.heads) != 1 || len(o.nouns) > 0 || o.prep != "" {
		return
	}
	p := v.toks[g.first-1].tag
	if p != "," && p != "QUOTE" {
		return
	}
	sp := o.heads[0]
	if v.chain[sp] != g.last+1 && v.ms[sp].first != g.last+1 {
		return
	}
	q := f.firstActorAfter(v, 0, g.first, []int{sp})
	if q < 0 || v.ms[q].resolved {
		return
	}
	f.add(patInvertedSpeech, v, v.ms[sp].ent, v.ms[q].ent, strings.ToLower(strings.Join(g.words, " ")),
		lemmaPhrase(g.words, g.tags), confReported, g.negated, v.ms[q].first)
}

// firstActorAfter returns the head of the first actor mention in tokens [a,
// b) that is not one of not (nor the same entity), or -1.
func (f *relationFinder) firstActorAfter(v *sentView, a, b int, not []int) int {
	for i := max(a, 0); i < b && i < len(v.toks); i++ {
		h := v.at[i]
		if h < 0 {
			continue
		}
		if hh := v.headOf(i); hh >= 0 {
			h = hh
		}
		same := false
		for _, n := range not {
			same = same || n == h || v.ms[n].ent == v.ms[h].ent
		}
		if !same {
			return h
		}
		i = v.ms[h].last
	}
	return -1
}

// subjectsOf returns the subjects of a verb group: the actor right before it,
// past adverbs, time phrases, the nouns of its own phrase ("Reuters news
// agency claims"), an apposition or parenthesis between commas, or a relative
// pronoun; and the actors coordinated with it. far reports that something was
// skipped.
func (f *relationFinder) subjectsOf(v *sentView, g verbGroup) (subj []int, far bool) {
	j, nouns, far := subjectEnd(v, g)
	if j < 0 || v.at[j] < 0 {
		return nil, far
	}
	h := v.headOf(j)
	if h < 0 || v.possessive(h) || inNounPP(v, h) {
		return nil, far
	}
	// "The Federal Aviation Office of Germany has suspended": the head of
	// "A of B" is A.
	h = ofHead(v, h)
	if nouns > 0 {
		far = true
	}
	subj, viaComma := coordinatedSubjects(v, h)
	if len(subj) > maxList {
		return nil, far
	}
	// "In an interview with Sputnik News, UNESCO said": a comma list that
	// follows a preposition is its object, not a subject.
	if viaComma && len(subj) > 1 {
		first := v.chain[subj[len(subj)-1]] - 1
		if first >= 0 && (v.toks[first].tag == "IN" || v.toks[first].tag == "TO" || relIsVerb(v.toks[first].tag)) {
			subj = subj[:1]
		}
	}
	return subj, far
}

// subjectEnd walks back from verb group g past adverbs, times, relative
// pronouns, brackets, one comma phrase and up to three nouns to the token
// where its subject should end. It returns that token (-1 for none), the
// nouns passed, and whether the walk went far.
func subjectEnd(v *sentView, g verbGroup) (j, nouns int, far bool) {
	j = g.first - 1
	commas := 0
	for j >= 0 && v.at[j] < 0 {
		t := v.toks[j]
		lw := strings.ToLower(t.text)
		switch {
		case t.tag == "RB" || lw == "both" || lw == "all" || lw == "each" || lw == "also":
			j--
		case relTimeWords[lw] || t.tag == "CD":
			j--
			far = true
			if j >= 0 && (strings.EqualFold(v.toks[j].text, "on") || strings.EqualFold(v.toks[j].text, "in") ||
				strings.EqualFold(v.toks[j].text, "last") || strings.EqualFold(v.toks[j].text, "this")) {
				j--
			}
		case t.tag == "WDT" || t.tag == "WP" || lw == "that" && t.tag == "IN":
			j--
			if j >= 0 && v.toks[j].tag == "," {
				j--
			}
			far = true
		case t.tag == ")":
			o := j - 1
			for o >= 0 && v.toks[o].tag != "(" && j-o < 12 {
				o--
			}
			if o < 0 || v.toks[o].tag != "(" {
				return j, nouns, far
			}
			j = o - 1
			far = true
		case t.tag == "," && commas == 0:
			commas++
			far = true
			o, ok := beforeCommaPhrase(v, j)
			if !ok {
				return j, nouns, far
			}
			j = o
		case (t.tag == "NN" || t.tag == "NNS") && nouns < 3:
			nouns++
			j--
		default:
			return j, nouns, far
		}
	}
	return j, nouns, far
}

// beforeCommaPhrase returns the token before the comma at j that a subject
// may end at: the actor before a phrase between commas ("Cruz, in remarks to
// ABC, said"; "X, who ..., said") or right before the comma ("Mike Pence,
// said").
func beforeCommaPhrase(v *sentView, j int) (int, bool) {
	o := j - 1
	verb := false
	for o >= 0 && v.toks[o].tag != "," && j-o < 15 {
		verb = verb || relIsVerb(v.toks[o].tag) && v.at[o] < 0
		o--
	}
	relative := o >= 0 && o+1 < j && (v.toks[o+1].tag == "WP" || v.toks[o+1].tag == "WDT")
	switch {
	case o >= 1 && v.toks[o].tag == "," && o < j-1 && v.at[o-1] >= 0 && (!verb || relative):
		return o - 1, true
	case j >= 1 && v.at[j-1] >= 0:
		return j - 1, true
	}
	return j, false
}

// coordinatedSubjects returns the subject h with the actors coordinated
// before it ("Benin and Nigeria", "X, Y and Z"), and whether a comma joined
// them.
func coordinatedSubjects(v *sentView, h int) (subj []int, viaComma bool) {
	subj = []int{h}
	for {
		p := v.chain[h] - 1
		for p >= 1 && (relIsAdj(v.toks[p].tag) || v.toks[p].tag == "DT") {
			p--
		}
		if p < 1 {
			break
		}
		lw := strings.ToLower(v.toks[p].text)
		if lw != "and" && lw != "," {
			break
		}
		if lw == "," {
			viaComma = true
		}
		p--
		if p >= 1 && v.toks[p].tag == "," {
			p--
		}
		if v.at[p] < 0 {
			break
		}
		h = v.headOf(p)
		if h < 0 || slices.Contains(subj, h) {
			break
		}
		h = ofHead(v, h)
		if objectOfVerbBefore(v, h, viaComma) {
			break
		}
		subj = append(subj, h)
	}
	return subj, viaComma
}

// objectOfVerbBefore reports whether mention h is the object of a verb right
// before it: "defeated ISIS and Turkey would be moving".
func objectOfVerbBefore(v *sentView, h int, viaComma bool) bool {
	before := v.chain[h] - 1
	if before < 0 || viaComma {
		return false
	}
	b := before
	for b > 0 && (v.toks[b].tag == "DT" || relIsAdj(v.toks[b].tag)) && v.at[b] < 0 {
		b--
	}
	return v.at[b] < 0 && relIsVerb(v.toks[b].tag)
}

// inNounPP reports whether mention h is the object of a preposition that
// modifies a common noun ("the ban on Mahan Air is", "transports to Germany
// that affect"): the noun, not h, is then the subject. "of" and "for" are
// left to ofHead and to the spokesman-for reading.
func inNounPP(v *sentView, h int) bool {
	p := v.chain[h] - 1
	if p >= 0 && strings.EqualFold(v.toks[p].text, "the") {
		p--
	}
	if p < 1 || v.at[p] >= 0 || (v.toks[p].tag != "IN" && v.toks[p].tag != "TO") {
		return false
	}
	switch strings.ToLower(v.toks[p].text) {
	case "on", "against", "to", "with", "from", "over", "into", "toward", "towards", "in", "at":
	default:
		return false
	}
	q := v.toks[p-1]
	return (q.tag == "NN" || q.tag == "NNS") && v.at[p-1] < 0 && !relTimeWords[strings.ToLower(q.text)]
}

// ofHead returns the head of "A of (the) B" for mention h standing for B:
// in "The Federal Aviation Office of Germany has suspended", the subject is
// the office.
func ofHead(v *sentView, h int) int {
	p := v.chain[h] - 1
	if p >= 1 && strings.EqualFold(v.toks[p].text, "the") {
		p--
	}
	if p >= 1 && strings.EqualFold(v.toks[p].text, "of") && v.at[p-1] >= 0 {
		if a := v.headOf(p - 1); a >= 0 && !v.possessive(a) {
			return a
		}
	}
	return h
}

// relationsAccording reads "according to X('s estimates)": X's edge goes to
// the first actor of the clause the phrase qualifies: the clause after it when
// the phrase opens or interrupts the sentence, the clause before it when it
// closes it.
func (f *relationFinder) relationsAccording(v *sentView) {
	n := len(v.toks)
	for i := 0; i+2 < n; i++ {
		if !strings.EqualFold(v.toks[i].text, "according") || !strings.EqualFold(v.toks[i+1].text, "to") {
			continue
		}
		j := i + 2
		for j < n && (v.toks[j].tag == "DT" || v.toks[j].tag == "PRP$" || relIsAdj(v.toks[j].tag)) && v.at[j] < 0 {
			j++
		}
		if j >= n {
			return
		}
		src, noun := -1, ""
		if h := v.headOf(j); h >= 0 && v.chain[h] <= j {
			src = h
			e := v.ms[h].last + 1
			if e+1 < n && v.toks[e].tag == "POS" {
				noun = strings.ToLower(v.toks[e+1].text)
			}
		} else if relIsNoun(v.toks[j].tag) {
			// "according to a tweet on Monday by X", "according to a report
			// by X"
			noun = strings.ToLower(v.toks[j].text)
			for k := j + 1; k < n && k < j+6; k++ {
				if strings.EqualFold(v.toks[k].text, "by") || strings.EqualFold(v.toks[k].text, "from") {
					if k+1 < n {
						src = v.headOf(k + 1)
						if src < 0 && k+2 < n {
							src = v.headOf(k + 2)
						}
					}
					break
				}
				if v.toks[k].tag == "," {
					break
				}
			}
		}
		if src < 0 {
			continue
		}
		label, ok := relReportNouns[noun]
		if !ok && noun != "" && v.toks[v.ms[src].last+1].tag == "POS" {
			// "according to Johnson's critics": the source is the
			// critics, not Johnson; "according to X's estimates" is X's.
			continue
		}
		if !ok {
			label = "reported"
		}
		// The phrase ends at the next comma or the end of the sentence.
		end := v.ms[src].last + 1
		for end < n && v.toks[end].tag != "," && v.toks[end].tag != "." {
			end++
		}
		phraseStart := i
		if phraseStart > 0 && v.toks[phraseStart-1].tag == "," {
			phraseStart--
		}
		before := f.firstActorAfter(v, 0, phraseStart, []int{src})
		after := f.firstActorAfter(v, end, n, []int{src})
		q := after
		if end >= n-1 || after < 0 {
			q = before
		}
		if q < 0 || v.headOf(v.ms[q].first) == src || f.depSpeaker(v, q) {
			continue
		}
		conf := confReported
		if v.ms[src].resolved || v.ms[q].resolved {
			conf *= confPronoun
		}
		f.add(patAccording, v, v.ms[src].ent, v.ms[q].ent, label, lemma(label, "VBD"), conf, false, v.ms[q].first)
	}
}

// relationsEntityForms finds the agencies whose name says which state they
// belong to ("US intelligence", "United States Department of Justice",
// "Federal Aviation Office of Germany", "Russian state media agency TASS"):
// a name, alias or mention text that starts with a form of a state of the
// article, or ends with "of" and one. The evidence is the sentence where the
// text first occurs.
func (f *relationFinder) relationsEntityForms() {
	for ai, a := range f.doc.ents {
		if a.Type != newsgraph.Agency {
			continue
		}
		texts := []string{a.Name}
		texts = append(texts, a.Aliases...)
		for _, m := range a.Mentions {
			texts = append(texts, m.Text)
		}
		tried := map[string]bool{}
		for _, text := range texts {
			if tried[text] {
				continue // a name read again gives the same answer
			}
			tried[text] = true
			st := f.stateIn(text)
			if st < 0 && text != a.Name {
				// Only a state the resolver separated from the name:
				// "USA Today", "American Airlines" are names.
				st = f.gazStateIn(text)
			}
			if st < 0 || st == ai {
				continue
			}
			off := strings.Index(f.doc.text, text)
			if off < 0 {
				continue
			}
			if v := f.viewAt(off); v != nil {
				f.add(patEntityForm, v, ai, st, "part of", "part of", confEntityForm, false, -1)
				break
			}
		}
	}
}

// stateIn returns the state a name starts with ("U.S. Treasury Department")
// or ends with after "of" ("Federal Aviation Office of Germany"), or -1.
func (f *relationFinder) stateIn(text string) int {
	words := strings.Fields(relNormForm(text))
	if len(words) < 2 {
		return -1
	}
	isState := func(ws []string) int {
		if e, ok := f.forms[strings.Join(ws, " ")]; ok && f.doc.ents[e].Type == newsgraph.State {
			return e
		}
		return -1
	}
	for k := len(words) - 1; k >= 1; k-- {
		if e := isState(words[:k]); e >= 0 {
			return e
		}
	}
	for k := 1; k+1 < len(words); k++ {
		if words[k] != "of" {
			continue
		}
		rest := words[k+1:]
		if len(rest) > 1 && rest[0] == "the" {
			rest = rest[1:]
		}
		if e := isState(rest); e >= 0 {
			return e
		}
	}
	return -1
}

// viewAt returns a bare view of the sentence holding byte offset off, or nil.
func (f *relationFinder) viewAt(off int) *sentView {
	// Sentences are in text order and do not overlap.
	ss := f.doc.sents
	si := sort.Search(len(ss), func(i int) bool { return ss[i].end > off })
	if si < len(ss) && ss[si].start <= off {
		return &sentView{s: &ss[si]}
	}
	return nil
}
