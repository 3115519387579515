package extract

import (
	"strings"

	"newsgraph"
)

// Verbal relations found on the dependency parse (dep.go): an actor that is
// a verb's subject, own or inherited, acts on the actors that are its
// objects or its prepositional objects. Each construction is one pattern in
// the registry (patterns.go), so that evaluation counts each apart:
//
//   - dep-svo: "Germany banned Mahan Air", "Russia's invasion" as object
//     ("condemned Russia's invasion" -> condemn Russia), a light verb's noun
//     ("made a plea to X" -> make plea to);
//   - dep-obl: "X fought for Moscow", "X met with Y" (verb + preposition);
//   - dep-passive: "X was elected by Y" -> Y -[elect]-> X; the actors of
//     the passive's noun ("the sanctions against X were criticised by
//     Y") and its "as" phrase;
//   - dep-conj: a subject shared by coordinated verbs ("X met Y and
//     criticised Z");
//   - dep-control: an infinitive's controller ("X agreed to meet Y" -> X
//     meet Y; "X allowed Y to halt Z" -> Y halt Z);
//   - dep-relcl: relative clauses ("the ministry, which accused Russia");
//   - dep-participle: participle and purpose clauses ("..., accusing Y of",
//     "issued a statement condemning Y");
//   - dep-speech: the speaker of a say-verb -> the subject of what it
//     reports ("Reuters claimed Cubans fought" -> Reuters -[claim]-> Cuba),
//     unless that subject is a body of the speaker's own;
//   - dep-according: "according to A, X did ..." -> A -[according to]-> X,
//     unless X is itself the speaker ("according to A, P said": P speaks).
//
// Coordinated subjects and objects ("A and B", "including A and B") come
// from depTree.actors in every pattern. A negated verb marks the edge
// negated; a hedged one ("could", "may") lowers its confidence; a
// hypothetical ("if elected") or requested act ("demanded that O publish")
// is not stated as a fact and gives no edge.

// depView returns the dependency tree of v's sentence with v's mentions,
// parsed on first use, or nil when the sentence names fewer than two
// actors (no relation to find) or cannot be parsed.
func (f *relationFinder) depView(v *sentView) *depTree {
	if v.dep != nil || v.noDep {
		return v.dep
	}
	v.noDep = true
	if len(v.ms) < 2 {
		return nil
	}
	t, err := v.s.tree()
	if err != nil || len(t.Words) == 0 {
		return nil
	}
	v.dep, v.noDep = newDepTree(t, v.toks, v.ms), false
	return v.dep
}

// depClause is one clause as the patterns read it: its verb, the actors
// of its subject and how the subject was found, and the evidence flags.
type depClause struct {
	verb     int
	subj     depSubject
	subjects []int // actor mentions of the subject
	negated  bool
	hedged   bool
}

// depClauses returns the clauses of d whose verb takes a subject by one of
// vias ("" for the verb's own), leaving out hypothetical and requested
// acts.
func depClauses(d *depTree, vias ...string) []depClause {
	var out []depClause
	for w := range d.Words {
		if !d.isVerb(w) {
			continue
		}
		s := d.subject(w)
		if s.word < 0 || !depHasVia(s.via, vias) {
			continue
		}
		m := d.moodOf(w)
		if m == hypothetical || m == requested {
			continue
		}
		c := depClause{verb: w, subj: s, subjects: d.actors(s.word), negated: d.negated(w), hedged: m == hedged}
		if len(c.subjects) > 0 {
			out = append(out, c)
		}
	}
	return out
}

func depHasVia(via string, vias []string) bool {
	for _, x := range vias {
		if x == via {
			return true
		}
	}
	return false
}

// depAdd records subj -[pred]-> obj for every pair of actors, with the
// confidence of pattern p lowered for a hedge and for a resolved pronoun.
func (f *relationFinder) depAdd(p patternID, v *sentView, c depClause, subjs, objs []int, label, lem string) {
	for _, s := range subjs {
		for _, o := range objs {
			conf := patternConf[p]
			if c.hedged {
				conf *= confHedged
			}
			if v.ms[s].resolved || v.ms[o].resolved {
				conf *= confPronoun
			}
			f.add(p, v, v.ms[s].ent, v.ms[o].ent, label, lem, conf, c.negated, v.ms[o].first)
		}
	}
}

// depPredicate returns the label (the words as written, lower case) and
// the lemma of verb w with its particle ("signed up") and the extra words
// after it (a light verb's noun, a preposition).
func depPredicate(d *depTree, w int, extra ...int) (string, string) {
	words := []int{w}
	words = append(words, d.children(w, "compound:prt")...)
	words = append(words, extra...)
	var label, lem []string
	for _, x := range words {
		if x < 0 {
			continue
		}
		label = append(label, strings.ToLower(d.Words[x]))
		lem = append(lem, d.lemmas[x])
	}
	return strings.Join(label, " "), strings.Join(lem, " ")
}

// depCase returns the preposition word of nominal w, or -1.
func depCase(d *depTree, w int) int { return d.child(w, "case") }

// objectsOf emits the relations from clause c's subjects to its direct
// objects: the object's own actors, or those of the thing it acts on
// (nounObjects).
func (f *relationFinder) objectsOf(p patternID, v *sentView, d *depTree, c depClause) {
	for _, o := range d.children(c.verb, "obj", "iobj") {
		if d.isRelativePronoun(o) || d.prepositional(o) {
			continue
		}
		if objs := f.depObjects(v, d, c.verb, o); len(objs) > 0 {
			label, lem := depPredicate(d, c.verb)
			f.depAdd(p, v, c, c.subjects, objs, label, lem)
			continue
		}
		f.nounObjects(p, v, d, c, o, -1)
	}
}

// prepositional reports whether nominal o, which the parser made a direct
// object, has a preposition in front of it, on itself or on the title
// words before its name ("has died, according to current president X"):
// then it is no direct object.
func (d *depTree) prepositional(o int) bool {
	if d.child(o, "case") >= 0 {
		return true
	}
	for _, c := range d.children(o, "nmod:desc", "compound", "amod") {
		if c < o && d.child(c, "case") >= 0 {
			return true
		}
	}
	return false
}

// nounObjects emits the relations from clause c's subjects to the actors
// named with noun o, the thing the verb acts on: its owner ("condemned
// Russia's invasion" -> condemn Russia), its state or maker before it
// ("changed Russian law" -> change law; not in a phrase of time or
// concession, "despite Iran's objections"), or the actor after it ("made a
// plea to X" -> make plea to X). prep is the preposition before o, or -1.
func (f *relationFinder) nounObjects(p patternID, v *sentView, d *depTree, c depClause, o, prep int) {
	if d.UPOS[o] != "NOUN" || relPlaceNouns[d.lemmas[o]] || relTimeWords[d.lemmas[o]] {
		return
	}
	for _, n := range d.kids[o] {
		objs := d.actors(n)
		if len(objs) == 0 {
			continue
		}
		var label, lem string
		switch {
		case d.Rel[n] == "nmod:poss" && p == patDepPassive:
			// "Rouhani's plan would be led by Iran": the passive's
			// agent does not act on the noun's owner.
			continue
		case d.Rel[n] == "nmod:poss" && prep < 0:
			label, lem = depPredicate(d, c.verb)
		case d.Rel[n] == "nmod:poss" || d.hasRel(n, "compound", "amod"):
			if prep >= 0 && depCircumstancePreps[d.caseOf(o)] {
				continue
			}
			label, lem = depPredicate(d, c.verb, prep, o)
		case d.rel(n) == "nmod" && d.caseOf(n) != "" && !depPlacePreps[d.caseOf(n)] && d.caseOf(n) != "by":
			// "died from his injuries at the hospital": a place, not
			// what the act was done to; "announced an order by X": its
			// maker; a name hung on the noun with no preposition is a
			// misparse ("met for a summit where P signed": P the subject
			// of a clause on the noun), not what the act was done to
			label, lem = depPredicate(d, c.verb, prep, o, depCase(d, n))
		default:
			continue
		}
		f.depAdd(p, v, c, c.subjects, objs, label, lem)
	}
}

// depObjects returns the actors of object o of verb w, leaving out a state
// a verb of motion only goes to or from ("returned to Thailand", "left the
// country").
func (f *relationFinder) depObjects(v *sentView, d *depTree, w, o int) []int {
	objs := d.actors(o)
	if !depMotionVerbs[d.lemmas[w]] {
		return objs
	}
	var out []int
	for _, k := range objs {
		if f.doc.ents[v.ms[k].ent].Type != newsgraph.State {
			out = append(out, k)
		}
	}
	return out
}

// obliquesOf emits the relations from clause c's subjects to the actors
// of its prepositional objects, the preposition in the predicate ("fought
// for"), or named with the noun of one ("flies cargo in support of X");
// place and time phrases ("in Russia") and the agent and source phrases
// other patterns read are left out. A clause headed by "be", whose
// predicate went elsewhere ("what he was to us"), states no act.
func (f *relationFinder) obliquesOf(p patternID, v *sentView, d *depTree, c depClause) {
	if d.lemmas[c.verb] == "be" {
		return
	}
	for _, o := range d.children(c.verb, "obl") {
		prep := d.caseOf(o)
		if prep == "" || prep == "by" || prep == "according to" {
			continue
		}
		objs := f.depObjects(v, d, c.verb, o)
		if len(objs) == 0 {
			f.nounObjects(p, v, d, c, o, depCase(d, o))
			continue
		}
		if depPlacePreps[prep] {
			continue
		}
		label, lem := depPredicate(d, c.verb, depCase(d, o))
		f.depAdd(p, v, c, c.subjects, objs, label, lem)
	}
}

// depSVO: "Germany banned Mahan Air".
func (f *relationFinder) depSVO(v *sentView) {
	if d := f.depView(v); d != nil {
		for _, c := range depClauses(d, "") {
			if !c.subj.passive {
				f.objectsOf(patDepSVO, v, d, c)
			}
		}
	}
}

// depOblique: "X fought for Moscow".
func (f *relationFinder) depOblique(v *sentView) {
	if d := f.depView(v); d != nil {
		for _, c := range depClauses(d, "") {
			if !c.subj.passive {
				f.obliquesOf(patDepOblique, v, d, c)
			}
		}
	}
}

// depInherited runs the object and oblique readings on the clauses whose
// subject came by via.
func (f *relationFinder) depInherited(p patternID, v *sentView, vias ...string) {
	d := f.depView(v)
	if d == nil {
		return
	}
	for _, c := range depClauses(d, vias...) {
		if c.subj.passive || p == patDepParticiple && d.statementSpeech(c) {
			continue
		}
		f.objectsOf(p, v, d, c)
		f.obliquesOf(p, v, d, c)
	}
}

// depConj: "X met Y and criticised Z" -> X criticise Z.
func (f *relationFinder) depConj(v *sentView) { f.depInherited(patDepConj, v, "conj") }

// depControl: "X agreed to meet Y" -> X meet Y; "X allowed Y to halt Z" ->
// Y halt Z.
func (f *relationFinder) depControl(v *sentView) { f.depInherited(patDepControl, v, "xcomp") }

// depRelcl: "the ministry, which accused Russia" -> ministry accuse Russia;
// "the treaty Russia signed with Iran" reads as any clause with its own
// subject (dep-svo, dep-obl).
func (f *relationFinder) depRelcl(v *sentView) { f.depInherited(patDepRelcl, v, "relcl") }

// depParticiple: "X attacked Y, accusing Z of" -> X accuse Z; "X, seeking
// to", "a firm owning Y". A statement's "saying" reports (depSpeech).
func (f *relationFinder) depParticiple(v *sentView) {
	f.depInherited(patDepParticiple, v, "advcl", "acl")
}

// speechClause reports whether clause c reports speech: its verb is a
// say-verb, or the participle of one on a statement its subject issued
// ("released a statement saying"), which the lemmatiser, knowing
// "saying" as a noun, leaves unchanged.
func (d *depTree) speechClause(c depClause) bool {
	return relSpeechVerbs[d.lemmas[c.verb]] || d.statementSpeech(c)
}

// statementSpeech reports whether clause c is a say-verb's participle on
// a statement its subject issued: "released a statement saying".
func (d *depTree) statementSpeech(c depClause) bool {
	if c.subj.via != "acl" || d.XPOS[c.verb] != "VBG" || d.statementIssuer(d.head(c.verb)) < 0 {
		return false
	}
	stem, _ := strings.CutSuffix(d.lemmas[c.verb], "ing")
	return relSpeechVerbs[stem] || relSpeechVerbs[d.lemmas[c.verb]]
}

// depPassive: "X was elected by Y" -> Y -[elect]-> X, also where the
// passive hangs on its object ("Mahan Air, banned by Germany").
func (f *relationFinder) depPassive(v *sentView) {
	d := f.depView(v)
	if d == nil {
		return
	}
	for w := range d.Words {
		if d.UPOS[w] != "VERB" || d.XPOS[w] != "VBN" {
			continue
		}
		agent := d.agent(w)
		if agent < 0 {
			continue
		}
		var patient int
		if d.Rel[w] == "acl" {
			patient = d.head(w)
		} else if s := d.subject(w); s.passive || d.passiveVerb(w) {
			patient = s.word
		} else {
			continue
		}
		m := d.moodOf(w)
		if patient < 0 || m == hypothetical || m == requested {
			continue
		}
		c := depClause{verb: w, subjects: d.actors(agent), negated: d.negated(w), hedged: m == hedged}
		if len(c.subjects) == 0 {
			continue
		}
		if done := d.actors(patient); len(done) > 0 {
			label, lem := depPredicate(d, w)
			f.depAdd(patDepPassive, v, c, c.subjects, done, label, lem)
		} else if !isRoleNoun(d.lemmas[patient]) {
			// "the sanctions against Iran were criticised by China",
			// "the meeting with P was cancelled by Q": the agent acts
			// on the actors of the noun, as in the active.
			f.nounObjects(patDepPassive, v, d, c, patient, -1)
		}
		f.passiveAs(v, d, c)
	}
}

// passiveAs reads the "as" phrase of a passive verb with an agent: "the
// seaman was identified as P by the coast guard" -> coast guard -[identified
// as]-> P. Other phrases of a passive were as often the patient's (origin,
// place) as the agent's on Wikinews, and are left out.
func (f *relationFinder) passiveAs(v *sentView, d *depTree, c depClause) {
	for _, o := range d.children(c.verb, "obl") {
		if d.caseOf(o) == "as" {
			label, lem := depPredicate(d, c.verb, depCase(d, o))
			f.depAdd(patDepPassive, v, c, c.subjects, d.actors(o), label, lem)
		}
	}
}

// agent returns the "by" phrase of passive verb w, or -1.
func (d *depTree) agent(w int) int {
	for _, o := range d.children(w, "obl", "nmod") {
		if d.caseOf(o) == "by" {
			return o
		}
	}
	return -1
}

// depReported returns the clause a say-verb w reports: its ccomp, or the
// clause it is a parataxis of ("X will go, P said"), or a clause before it
// with its own subject and no subordinator, which the parser may hang on
// it as an advcl in place of either ("X had a licence, ABC reported"), or
// -1.
func (d *depTree) depReported(w int) int {
	if c := d.child(w, "ccomp"); c >= 0 {
		return c
	}
	if d.Rel[w] == "parataxis" {
		return d.head(w)
	}
	for _, c := range d.children(w, "advcl") {
		if c < w && d.child(c, "mark") < 0 && d.child(c, "nsubj") >= 0 {
			return c
		}
		if c > w && d.markedThat(c) {
			return c // "felt that X could be outdone", hung on as advcl
		}
	}
	return -1
}

// markedThat reports whether clause c opens with "that", which makes it
// what a verb reports, never an adverbial clause.
func (d *depTree) markedThat(c int) bool {
	m := d.child(c, "mark")
	return m >= 0 && strings.EqualFold(d.Words[m], "that")
}

// depSpeech: the speaker of a say-verb -[say]-> the subject of the clause
// it reports ("Reuters claimed Cubans fought for Moscow" -> Reuters
// -[claim]-> Cuba). The speaker is the verb's subject: not the interviewer
// ("in an interview with Q, P said") nor the source ("according to A, P
// said"), which are obliques. Other actors of the reported clause are left
// to the ReVerb pattern's short-clause rule: reading them from the tree
// (dep.go clauseActors) lowered relation F1 on both gold sets (0.790 ->
// 0.784 on gold, 0.446 -> 0.444 on gold-2).
func (f *relationFinder) depSpeech(v *sentView) {
	d := f.depView(v)
	if d == nil {
		return
	}
	for _, c := range depClauses(d, "", "conj", "relcl", "advcl", "acl", "xcomp") {
		if !d.speechClause(c) || c.subj.passive {
			continue
		}
		r := d.depReported(c.verb)
		if r < 0 {
			continue
		}
		if s := d.subject(r); s.word >= 0 && s.via == "" {
			label, lem := depPredicate(d, c.verb)
			about := notOwnParts(v, d, c.subjects, d.reportedAbout(s.word))
			f.depAdd(patDepSpeech, v, c, c.subjects, about, label, lem)
		}
	}
}

// notOwnParts returns the actors of about that are no body of a speaker's
// own, named with the speaker as its owner ("the aviation office of Norland
// has suspended the permit, Norland officials said": the state reports
// what its own office did, no edge between two actors).
func notOwnParts(v *sentView, d *depTree, speakers, about []int) []int {
	var out []int
	for _, q := range about {
		if !ownedBy(v, d, q, speakers) {
			out = append(out, q)
		}
	}
	return out
}

// ownedBy reports whether actor mention q names one of the speakers as its
// owner: "of S", "S's" or a compound "S" on q's head word.
func ownedBy(v *sentView, d *depTree, q int, speakers []int) bool {
	w := mentionHeadWord(d, q)
	if w < 0 {
		return false
	}
	for _, c := range d.children(w, "nmod", "nmod:poss", "compound") {
		if d.Rel[c] == "nmod" && d.caseOf(c) != "of" {
			continue
		}
		for _, o := range d.actors(c) {
			for _, s := range speakers {
				if v.ms[o].ent == v.ms[s].ent {
					return true
				}
			}
		}
	}
	return false
}

// reportedAbout returns the actors a reported clause with subject w is
// about: w's own, or, when w names none, those that own or make the thing
// it is ("claimed the Xstrata offer was aimed at", "felt that Mike
// Leigh's film was entitled to").
func (d *depTree) reportedAbout(w int) []int {
	if own := d.actors(w); len(own) > 0 || d.UPOS[w] != "NOUN" {
		return own
	}
	var out []int
	for _, c := range d.children(w, reportedOwnerRels...) {
		out = append(out, d.actors(c)...)
	}
	return out
}

// reportedOwnerRels are the relations of the owner or maker named with a
// noun: "Leigh's film", "the Xstrata offer".
var reportedOwnerRels = []string{"nmod:poss", "compound"}

// depSpokeTo: the one a speaker addressed, named in a phrase of the
// say-verb: "Cruz, in remarks to ABC, said", "in an interview with Q, P
// said", "speaking to AFP, P said", "said in a filing to the SEC" -> P
// -[say to]-> Q.
func (f *relationFinder) depSpokeTo(v *sentView) {
	d := f.depView(v)
	if d == nil {
		return
	}
	for _, c := range depClauses(d, "", "conj") {
		if !relSpeechVerbs[d.lemmas[c.verb]] || c.subj.passive {
			continue
		}
		for _, ch := range d.children(c.verb, "obl", "advcl") {
			if !relSpeechNouns[strings.ToLower(d.Words[ch])] && !relSpeechNouns[d.lemmas[ch]] {
				continue
			}
			for _, n := range d.children(ch, "nmod", "obl") {
				p := d.caseOf(n)
				if p != "to" && p != "with" {
					continue
				}
				label, lem := depPredicate(d, c.verb, depCase(d, n))
				f.depAdd(patDepSpokeTo, v, c, c.subjects, d.actors(n), label, lem)
			}
		}
	}
}

// depAccording: "according to A, X did ..." -> A -[according to]-> X. When
// X's verb is itself a say-verb, X is the speaker and A only the source:
// no edge.
func (f *relationFinder) depAccording(v *sentView) {
	d := f.depView(v)
	if d == nil {
		return
	}
	for w := range d.Words {
		if !d.hasRel(w, "obl", "nmod") || d.caseOf(w) != "according to" {
			continue
		}
		h := d.clauseOf(w)
		if h < 0 || relSpeechVerbs[d.lemmas[h]] {
			continue
		}
		h, about := d.accordingClause(h)
		if h < 0 {
			continue
		}
		c := depClause{verb: h, negated: false, hedged: d.moodOf(h) == hedged}
		f.depAdd(patDepAccording, v, c, d.actors(w), about, "according to", "according to")
	}
}

// clauseOf returns the verb whose clause phrase w qualifies: its head, or,
// where the parser hung the phrase on a noun ("died in the hall, according
// to Reuters"), the verb above that noun; -1 when there is none.
func (d *depTree) clauseOf(w int) int {
	h := d.head(w)
	for depth := 0; h >= 0 && !d.isVerb(h) && depth < maxDepPath; depth++ {
		if !d.hasRel(h, "obl", "nmod", "obj") {
			return -1
		}
		h = d.head(h)
	}
	return h
}

// accordingClause returns the clause an "according to" phrase on verb h
// reports and the actors it is about: h's subject, or, when h's subject
// names no actor and h is a clause the parser hung on another
// ("Khan started attacking people, and one of them died, according to
// The Times"), that clause's subject. It returns -1 when neither names
// an actor or the subject is itself a speaker.
func (d *depTree) accordingClause(h int) (int, []int) {
	for depth := 0; h >= 0 && depth <= maxInherit; depth++ {
		if s := d.subject(h); s.word >= 0 {
			if about := d.actors(s.word); len(about) > 0 {
				return h, about
			}
		}
		if !d.hasRel(h, "parataxis", "conj") {
			break
		}
		h = d.head(h)
		if h >= 0 && relSpeechVerbs[d.lemmas[h]] {
			break
		}
	}
	return -1, nil
}

// depMotionVerbs go to or from a place; a state they name is where the
// subject went, not an actor it acted on.
var depMotionVerbs = wordSet("motion_verbs.txt")

// depCircumstancePreps open a phrase of time or concession: the owner of
// its noun ("despite Norland's objections") is not acted on.
var depCircumstancePreps = wordSet("circumstance_preps.txt")

// depPlacePreps open a phrase of place or time, not an actor acted on.
var depPlacePreps = wordSet("place_preps.txt")

// depSpeaker reports whether the tree of v makes mention k the subject of
// a say-verb: "according to A, P said ..." names P as the speaker and A as
// the source, so A's edge to P would be wrong.
func (f *relationFinder) depSpeaker(v *sentView, k int) bool {
	d := f.depView(v)
	if d == nil {
		return false
	}
	for w := range d.Words {
		if d.mention(w) != k || !d.hasRel(w, "nsubj") {
			continue
		}
		if h := d.head(w); h >= 0 && relSpeechVerbs[d.lemmas[h]] {
			return true
		}
	}
	return false
}
