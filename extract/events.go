package extract

import (
	"context"
	"strings"

	"newsgraph"
	"newsgraph/extract/syntax"
)

// Events of one actor are read on the dependency parse (sentence.tree) of
// the sentences that mention an actor and whose tags show a verb after it
// that no relation reads (hasEventVerb; parsing is the costly part): a verb whose subject is an actor
// (its nsubj, or the subject it shares through conj or xcomp) and whose
// object is not one gives an ACTION event, "Putin has just signed a new
// decree" -> Vladimir Putin -[signed decree]-> "a new decree ..."; a verb of
// speech whose reported clause names no actor gives a STATEMENT event with
// the clause as its object. An object or a clause that is an actor is the
// relation patterns' to read (relations*.go), and a verb a relation already
// reads for the same subject gives no event.
//
// Each event carries what keeps it from being a fact (eventCues: "could",
// "reportedly", "if", "urged X to", "plans to"; "refused to" negates it), a
// negation on its verb ("not", "never"), the count in its object
// (quantity.go), and a confidence lowered for each of these and for a
// subject reached through a pronoun or another verb.
//
// The work is linear in the sentence's words: one pass builds the children
// and the byte span of each word's subtree, one more looks at each verb's
// children.

// Confidences of events: a verb and its object stated by an actor; a
// statement, whose clause the reader must interpret; and the factors for
// what weakens them.
const (
	confEvent          = 0.7
	confEventStatement = 0.6
	confInherited      = 0.85 // the subject is another verb's (conj, xcomp)
	confConditional    = 0.5
	confRequested      = 0.5
)

// eventRule is one way a verb makes an event: its name (Event.Pattern) and
// the function that reads the event's object off verb w, reporting false
// when the rule does not apply.
type eventRule struct {
	name string
	read func(p *parsedView, w int) (eventObject, bool)
}

// eventObject is what a rule found: the object's head word (-1 for none),
// its byte span, and whether it is a reported clause.
type eventObject struct {
	head       int
	start, end int
	statement  bool
}

// eventRules are tried in order on each verb; the first that applies makes
// the verb's event.
var eventRules = []eventRule{
	// "Putin signed a new decree"
	{"event-object", (*parsedView).directObject},
	// "The ministry said the talks had failed"
	{"event-statement", (*parsedView).reportedClause},
	// `"The talks have failed," the ministry said`
	{"event-quote", (*parsedView).quoteBefore},
}

// findEvents fills doc.events from the sentences the relation finder read.
func (x *Extractor) findEvents(ctx context.Context, doc *document) error {
	covered := coveredVerbs(doc.rels)
	for i, v := range doc.views {
		if stopped(ctx, i) {
			return ctx.Err()
		}
		if len(v.ms) == 0 || isQuestion(doc.text[v.s.start:v.s.end]) || !hasEventVerb(v, covered) {
			continue // parse only sentences that may hold an event; a question states none
		}
		t, err := v.s.tree()
		if err != nil {
			return err
		}
		p := newParsedView(doc, v, t)
		doc.events = append(doc.events, p.events(covered)...)
	}
	return nil
}

// hasEventVerb reports, from the tagger's tags alone, whether sentence v
// may hold an event, so that the others are not parsed: a verb after an
// actor's mention, or a verb of speech anywhere (`"...," said X`), that is
// no auxiliary and whose lemma no relation of the sentence already reads.
func hasEventVerb(v *sentView, covered map[coverKey]bool) bool {
	for i, t := range v.toks {
		if !strings.HasPrefix(t.tag, "VB") || relAuxiliaries[strings.ToLower(t.text)] {
			continue
		}
		l := lemma(t.text, t.tag)
		if (v.ms[0].first < i || relSpeechVerbs[l]) && !covered[coverKey{v.s.start, "", l}] {
			return true
		}
	}
	return false
}

// isQuestion reports whether a sentence ends in a question mark, inside
// closing quotes or brackets or not.
func isQuestion(sentence string) bool {
	return strings.HasSuffix(strings.TrimRight(sentence, " \t\n\"'”’)]"), "?")
}

// coverKey names a verb a relation reads: its sentence, subject ("" for
// any) and lemma.
type coverKey struct {
	start   int
	subject string
	verb    string
}

// coveredVerbs are the verbs relations were read from, by the first word of
// their lemma.
func coveredVerbs(rels []newsgraph.Relation) map[coverKey]bool {
	m := make(map[coverKey]bool, len(rels))
	for _, r := range rels {
		l := r.Lemma
		if l == "" {
			l = r.Predicate
		}
		if f := strings.Fields(l); len(f) > 0 {
			m[coverKey{r.Evidence.Start, r.Subject, f[0]}] = true
			m[coverKey{r.Evidence.Start, "", f[0]}] = true // by any subject
		}
	}
	return m
}

// parsedView is a sentence view with its dependency tree, and what the
// rules ask of each word.
type parsedView struct {
	doc  *document
	v    *sentView
	t    syntax.Tree
	kids [][]int // children of each word
	// firstKid holds, per relation of childRels, each word's first child
	// with it (-1 for none): a verb's subject or object in constant time,
	// however many children a flat parse hangs on it.
	firstKid [len(childRels)][]int
	tok      []int // token of v holding each word
	// heads is v.headOf of each token, computed once.
	heads []int
	// lo, hi are the byte span of each word's subtree; actors counts the
	// words in it that belong to an actor mention.
	lo, hi, actors []int
	first          []int // the first word of each word's subtree
	subj           []int // memo of subjectOf: actor mention, -1 none, -2 unknown
	inherit        []bool
	mods           []*verbModality // memo of modality
}

// verbModality is what keeps a verb's event from being a fact.
type verbModality struct {
	mod     newsgraph.Modality
	negated bool
}

func newParsedView(doc *document, v *sentView, t syntax.Tree) *parsedView {
	n := len(t.Words)
	p := &parsedView{doc: doc, v: v, t: t, kids: make([][]int, n), tok: make([]int, n),
		lo: make([]int, n), hi: make([]int, n), first: make([]int, n), actors: make([]int, n), subj: make([]int, n), inherit: make([]bool, n), mods: make([]*verbModality, n)}
	p.heads = headsOf(v)
	k := 0
	for w := range n {
		for k+1 < len(v.toks) && v.toks[k].end <= t.Spans[w][0] {
			k++
		}
		p.tok[w] = k
		p.lo[w], p.hi[w], p.first[w] = t.Spans[w][0], t.Spans[w][1], w
		if v.at[k] >= 0 {
			p.actors[w] = 1
		}
		p.subj[w] = -2
		if h := t.Head[w] - 1; h >= 0 {
			p.kids[h] = append(p.kids[h], w)
		}
	}
	for r := range childRels {
		p.firstKid[r] = make([]int, n)
		for w := range n {
			p.firstKid[r][w] = -1
		}
	}
	for w := n - 1; w >= 0; w-- {
		if h, r := t.Head[w]-1, childRel(t.Rel[w]); h >= 0 && r >= 0 {
			p.firstKid[r][h] = w
		}
	}
	p.spans()
	return p
}

// spans fills lo, hi, first and actors with each subtree's, children before
// parents, in one walk.
func (p *parsedView) spans() {
	var order []int // post-order
	var stack []int
	for w := range p.t.Words {
		if p.t.Head[w] == 0 {
			stack = append(stack, w)
		}
	}
	seen := make([]bool, len(p.t.Words))
	for len(stack) > 0 {
		w := stack[len(stack)-1]
		if !seen[w] {
			seen[w] = true
			stack = append(stack, p.kids[w]...)
			continue
		}
		stack = stack[:len(stack)-1]
		order = append(order, w)
	}
	for _, w := range order {
		if h := p.t.Head[w] - 1; h >= 0 {
			if p.lo[w] < p.lo[h] {
				p.first[h] = p.first[w]
			}
			p.lo[h] = min(p.lo[h], p.lo[w])
			p.hi[h] = max(p.hi[h], p.hi[w])
			p.actors[h] += p.actors[w]
		}
	}
}

// childRels are the relations the rules ask a word's child by.
var childRels = [...]string{"nsubj", "nsubj:pass", "csubj", "obj", "iobj", "ccomp", "compound:prt", "mark"}

// childRel is the index of rel in childRels, or -1.
func childRel(rel string) int {
	for i, r := range childRels {
		if r == rel {
			return i
		}
	}
	return -1
}

// child returns w's first child with relation rel (one of childRels), or
// -1.
func (p *parsedView) child(w int, rel string) int {
	r := childRel(rel)
	if r < 0 {
		return -1
	}
	return p.firstKid[r][w]
}

// actorOf returns the actor mention of v whose name or title phrase holds
// word w, or -1.
func (p *parsedView) actorOf(w int) int {
	return p.heads[p.tok[w]]
}

// headsOf is v.headOf for every token of v, in one pass over the
// mentions' title phrases and names.
func headsOf(v *sentView) []int {
	heads := make([]int, len(v.toks))
	for i := range heads {
		heads[i] = -1
	}
	for k, m := range v.ms {
		for i := v.chain[k]; i <= m.last; i++ {
			if b := heads[i]; b < 0 || m.last > v.ms[b].last {
				heads[i] = k
			}
		}
	}
	return heads
}

// subjectOf returns the actor mention that is the subject of verb w, or -1:
// its own nsubj, or, without one, the subject of the verb it is coordinated
// with (conj) or, as an xcomp, its controller (the head verb's object when
// it has one, else its subject). inherit[w] says it came from another verb.
func (p *parsedView) subjectOf(w int) int {
	if p.subj[w] != -2 {
		return p.subj[w]
	}
	p.subj[w] = -1 // also guards against a cycle
	if s := p.child(w, "nsubj"); s >= 0 {
		p.subj[w] = p.actorOf(s)
		return p.subj[w]
	}
	if p.child(w, "nsubj:pass") >= 0 || p.child(w, "csubj") >= 0 {
		return -1
	}
	h := p.t.Head[w] - 1
	if h < 0 || p.t.UPOS[h] != "VERB" {
		return -1
	}
	defer func() { p.inherit[w] = p.subj[w] >= 0 }()
	switch p.t.Rel[w] {
	case "conj":
		p.subj[w] = p.subjectOf(h)
	case "xcomp":
		if o := p.controller(h); o >= 0 {
			p.subj[w] = p.actorOf(o) // "urged Germany to close"
		} else if s := p.child(h, "nsubj:pass"); s >= 0 {
			p.subj[w] = p.actorOf(s) // "X was expected to leave"
		} else {
			p.subj[w] = p.subjectOf(h)
		}
	}
	return p.subj[w]
}

// controller returns the object of verb h that controls its xcomp: its
// obj, or the iobj a parser may read it as ("urged Germany to close" has
// either shape), or -1.
func (p *parsedView) controller(h int) int {
	if o := p.child(h, "obj"); o >= 0 {
		return o
	}
	return p.child(h, "iobj")
}

// directObject reads the object of a transitive verb: a noun phrase that
// is no actor and that no other actor modifies ("any young Russian man",
// "a deal with Moscow" are the relation patterns').
func (p *parsedView) directObject(w int) (eventObject, bool) {
	o := p.child(w, "obj")
	if o < 0 || !eventObjectTags[p.t.UPOS[o]] || relativeTags[p.t.XPOS[o]] || p.t.UPOS[p.first[o]] == "ADP" || p.actorOf(o) >= 0 || p.v.at[p.tok[o]] >= 0 {
		return eventObject{}, false
	}
	subject := p.v.ms[p.subj[w]].ent
	for _, c := range p.kids[o] {
		if k := p.v.at[p.tok[c]]; k >= 0 && p.v.ms[k].ent != subject {
			return eventObject{}, false
		}
	}
	return eventObject{head: o, start: p.lo[o], end: p.hi[o]}, true
}

// eventObjectTags are the parts of speech of an object's head: a verb or
// a preposition there is a parse error ("did call up", "stay in").
var eventObjectTags = map[string]bool{"NOUN": true, "PROPN": true, "PRON": true, "NUM": true}

// relativeTags are the Penn tags of a relative or interrogative pronoun,
// an object that stands for a noun elsewhere ("the plan, which he
// presented").
var relativeTags = map[string]bool{"WDT": true, "WP": true, "WP$": true}

// reportedClause reads the clause a verb of speech reports, when it names
// no actor.
func (p *parsedView) reportedClause(w int) (eventObject, bool) {
	if !relSpeechVerbs[p.lemmaOf(w)] {
		return eventObject{}, false
	}
	c := p.child(w, "ccomp")
	if c < 0 || p.actors[c] > 0 {
		return eventObject{}, false
	}
	return eventObject{head: -1, start: p.lo[c], end: p.hi[c], statement: true}, true
}

// quoteBefore reads the quotation a verb of speech closes, parsed as the
// head the speech verb hangs on (parataxis): the head's words before the
// speech verb's, without the closing punctuation and quotes.
func (p *parsedView) quoteBefore(w int) (eventObject, bool) {
	h := p.t.Head[w] - 1
	if h < 0 || p.t.Rel[w] != "parataxis" || !relSpeechVerbs[p.lemmaOf(w)] || p.lo[h] >= p.lo[w] {
		return eventObject{}, false
	}
	if p.actors[h]-p.actors[w] > 0 {
		return eventObject{}, false
	}
	return eventObject{head: -1, start: p.lo[h], end: p.lo[w], statement: true}, true
}

// spanPunct is what an object's text does not start or end with: the
// quotes, commas and stops around a clause.
const spanPunct = " \t\n,.;:!?\"'“”‘’[]()–—-"

// trimSpan narrows [start, end) of text to leave out spanPunct at both
// ends, but for the stop of an abbreviation ("the U.S.").
func trimSpan(text string, start, end int) (int, int) {
	s := text[start:end]
	t := strings.TrimLeft(s, spanPunct)
	start += len(s) - len(t)
	t = strings.TrimRight(t, spanPunct)
	if n := len(t); n > 0 && t[n-1] >= 'A' && t[n-1] <= 'Z' && strings.HasPrefix(text[start+n:], ".") && strings.Contains(t, ".") {
		return start, start + n + 1
	}
	return start, start + len(t)
}

// lemmaOf is the extractor's lemma of word w.
func (p *parsedView) lemmaOf(w int) string { return lemma(p.t.Words[w], p.t.XPOS[w]) }

// events returns the events of the sentence's verbs.
func (p *parsedView) events(covered map[coverKey]bool) []newsgraph.Event {
	var out []newsgraph.Event
	for w := range p.t.Words {
		if p.t.UPOS[w] != "VERB" || !strings.HasPrefix(p.t.XPOS[w], "VB") || relBeForms[strings.ToLower(p.t.Words[w])] {
			continue
		}
		k := p.subjectOf(w)
		if k < 0 {
			continue
		}
		subject := p.doc.ents[p.v.ms[k].ent].ID
		if covered[coverKey{p.v.s.start, subject, p.lemmaOf(w)}] {
			continue
		}
		for _, r := range eventRules {
			if o, ok := r.read(p, w); ok {
				if e, ok := p.event(r.name, w, k, o); ok {
					out = append(out, e)
				}
				break
			}
		}
	}
	return out
}

// event makes the event of verb w with subject mention k and object o.
func (p *parsedView) event(rule string, w, k int, o eventObject) (newsgraph.Event, bool) {
	s := p.v.s
	o.start, o.end = trimSpan(p.doc.text, o.start, o.end)
	if o.start < s.start || o.end > s.end || o.start >= o.end {
		return newsgraph.Event{}, false
	}
	pred, lem := p.predicate(w, o)
	kind := relationKind(lem)
	if o.statement {
		kind = newsgraph.Statement
	}
	if kind == newsgraph.Role {
		return newsgraph.Event{}, false // "became president": an office, not an act
	}
	conf := confEvent
	if kind == newsgraph.Statement {
		conf = confEventStatement
	}
	if p.inherit[w] {
		conf *= confInherited
	}
	if p.v.ms[k].resolved {
		conf *= confPronoun
	}
	mod, negated := p.modality(w)
	conf *= modalityFactor(mod)
	e := newsgraph.Event{
		Subject: p.doc.ents[p.v.ms[k].ent].ID, Predicate: pred, Lemma: lem, Kind: kind,
		ObjectText: p.doc.text[o.start:o.end], ObjectStart: o.start, ObjectEnd: o.end,
		Modality: mod, Pattern: rule,
		Evidence: newsgraph.Evidence{Sentence: p.doc.text[s.start:s.end], Start: s.start, End: s.end,
			Negated: negated, Confidence: conf},
	}
	if o.head >= 0 {
		e.Evidence.Quantity = p.quantityIn(o)
	}
	return e, true
}

// predicate is the verb with its particle and, for an object that is a
// noun, the noun: "signed decree", "called off talks"; and its lemma.
func (p *parsedView) predicate(w int, o eventObject) (string, string) {
	pred := []string{strings.ToLower(p.t.Words[w])}
	lem := []string{p.lemmaOf(w)}
	if prt := p.child(w, "compound:prt"); prt >= 0 {
		pred = append(pred, strings.ToLower(p.t.Words[prt]))
		lem = append(lem, strings.ToLower(p.t.Words[prt]))
	}
	if h := o.head; h >= 0 && (p.t.UPOS[h] == "NOUN" || p.t.UPOS[h] == "PROPN") {
		word := p.t.Words[h]
		if p.t.UPOS[h] == "NOUN" {
			word = strings.ToLower(word)
		}
		pred = append(pred, word)
		lem = append(lem, lemma(word, p.t.XPOS[h]))
	}
	return strings.Join(pred, " "), strings.Join(lem, " ")
}

// modality returns what keeps verb w's event from being a fact, and
// whether it is negated: a cue among its children (a modal, an adverb,
// "if" on its clause), the verb it depends on ("urged X to", "refused
// to"), or that of the verb it is coordinated with.
func (p *parsedView) modality(w int) (newsgraph.Modality, bool) {
	if m := p.mods[w]; m != nil {
		return m.mod, m.negated
	}
	p.mods[w] = &verbModality{} // also guards against a cycle
	mod, negated := p.modalityOf(w)
	p.mods[w] = &verbModality{mod, negated}
	return mod, negated
}

func (p *parsedView) modalityOf(w int) (newsgraph.Modality, bool) {
	mod, negated := newsgraph.Asserted, false
	for _, c := range p.kids[w] {
		lw := strings.ToLower(p.t.Words[c])
		switch p.t.Rel[c] {
		case "advmod":
			if lw == "not" || lw == "n't" || lw == "never" {
				negated = true
			}
		case "aux", "mark":
		case "advcl": // "if elected, X would build"
			if m := p.child(c, "mark"); m >= 0 && eventCues[strings.ToLower(p.t.Words[m])] == "conditional" {
				mod = stronger(mod, newsgraph.Conditional)
			}
			continue
		default:
			continue
		}
		mod = stronger(mod, cueModality(eventCues[lw]))
	}
	if h := p.t.Head[w] - 1; h >= 0 {
		if p.t.Rel[w] == "advcl" {
			if m := p.child(w, "mark"); m >= 0 && eventCues[strings.ToLower(p.t.Words[m])] == "conditional" {
				mod = stronger(mod, newsgraph.Conditional)
			}
		}
		mod, negated = p.governed(w, h, mod, negated)
	}
	return mod, negated
}

// governed adds to verb w's modality what its head verb h says of it.
func (p *parsedView) governed(w, h int, mod newsgraph.Modality, negated bool) (newsgraph.Modality, bool) {
	switch p.t.Rel[w] {
	case "xcomp", "ccomp":
		cue := eventCues[p.lemmaOf(h)]
		if cue == "requested" && p.t.Rel[w] == "ccomp" && p.t.XPOS[w] != "VB" {
			cue = "" // "told reporters that he signed": a report, not a request
		}
		if cue == "negated" {
			return mod, !negated
		}
		return stronger(mod, cueModality(cue)), negated
	case "conj":
		hm, hn := p.modality(h)
		return stronger(mod, hm), negated || hn
	}
	return mod, negated
}

// cueModality is the modality an eventCues value gives ("negated" gives
// none: it negates).
func cueModality(cue string) newsgraph.Modality {
	switch m := newsgraph.Modality(cue); m {
	case newsgraph.Possible, newsgraph.Conditional, newsgraph.Requested:
		return m
	}
	return newsgraph.Asserted
}

// modalityOrder ranks the modalities by how little they say is a fact.
var modalityOrder = []newsgraph.Modality{newsgraph.Asserted, newsgraph.Possible, newsgraph.Conditional, newsgraph.Requested}

// stronger returns the modality that says less is a fact: requested over
// conditional over possible over asserted.
func stronger(a, b newsgraph.Modality) newsgraph.Modality {
	if ordinalOf(b) > ordinalOf(a) {
		return b
	}
	return a
}

func ordinalOf(m newsgraph.Modality) int {
	for i, o := range modalityOrder {
		if o == m {
			return i
		}
	}
	return 0
}

// modalityFactor is the factor a modality puts on an event's confidence.
func modalityFactor(m newsgraph.Modality) float64 {
	switch m {
	case newsgraph.Possible:
		return confHedged
	case newsgraph.Conditional:
		return confConditional
	case newsgraph.Requested:
		return confRequested
	}
	return 1
}

// quantityIn returns the count the sentence gives inside object o, or "".
func (p *parsedView) quantityIn(o eventObject) string {
	var in []quantity
	for _, q := range p.v.quants {
		if p.v.toks[q.first].start >= o.start && p.v.toks[q.last].end <= o.end {
			in = append(in, q)
		}
	}
	return nearestQuantity(p.doc, p.v.s, in, p.tok[o.head])
}
