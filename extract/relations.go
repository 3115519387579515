package extract

import (
	"context"
	"strings"

	"newsgraph"
)

// Relation finding reads each sentence as a string of tagged tokens in which
// some spans are actor mentions, and looks for the few shapes in which news
// prose states who did what to whom:
//
//   - titles and possessives before a name: "Russia's President Vladimir
//     Putin", "US Ambassador to Germany Richard Grenell", "the UK's Ministry of
//     Defence", "Republican Kevin McCarthy"; appositions and "of" after it:
//     "Youssef Chahed, the Prime Minister of Tunisia", "Presidents Muhammadu
//     Buhari of Nigeria and Patrice Talon of Benin" (relations_nominal.go);
//   - a verb phrase between a subject and an object, ReVerb style: a verb
//     group (relAuxiliaries, adverbs, particles, "to" between verbs), then the
//     nouns a light verb carries and a final preposition ("signed a new
//     decree" -> "signed decree", "made a plea to"), with passives turned
//     active and lists of up to five actors on either side
//     (relations_verbal.go);
//   - attribution: "X said/claimed/believes (that) ..." and "according to X"
//     give X an edge to the first actor of the reported clause.
//
// Pronouns ("he", "she", subject "it") and "the country" stand for the actor
// they clearly point back to (the coreference stage, coref.go); the recogniser may also
// hand over role mentions it resolved. Each edge carries its sentence, the
// count the sentence gives nearest its object, whether the verb is negated,
// and a confidence that falls with the distance the pattern had to bridge.

// findRelations fills doc.rels with the relations doc states between its
// actors.
func (x *Extractor) findRelations(ctx context.Context, doc *document) error {
	f := newRelationFinder(doc)
	f.ctx = ctx
	f.gaz = x.gaz
	doc.rels = f.run()
	return ctx.Err()
}

// Confidences of the patterns: a title or an apposition is rarely wrong; a
// verb with its subject and object next to it is usually right; the farther a
// pattern reaches, the less sure it is.
const (
	confTitle      = 0.9
	confApposition = 0.85
	confEntityForm = 0.8
	confVerbNear   = 0.8
	confVerbFar    = 0.65
	confReported   = 0.6
	confControl    = 0.5
	confPronoun    = 0.8 // factor when an end is a resolved pronoun or role noun
)

// maxList is the longest list of actors that gives one edge per actor (the
// annotation guidelines leave longer lists out).
const maxList = 5

// relationFinder holds the state of one document's relation finding.
type relationFinder struct {
	doc   *document
	forms map[string]int // normalised name, alias or mention text -> actor, when unique
	out   []newsgraph.Relation
	pats  []patternID    // per edge of out: the pattern that made it
	index map[relKey]int // into out
	// ctx is done when the caller no longer wants the result.
	ctx context.Context
	// gaz, when not nil, is the gazetteer whose state forms name the
	// state an agency's name opens with (relations_entity_form.go).
	gaz *gazetteer
	// only, when not nil, names the patterns that run (to test or count
	// one pattern alone); nil runs them all.
	only map[patternID]bool
}

type relKey struct {
	subj, obj int
	lemma     string
}

func newRelationFinder(doc *document) *relationFinder {
	f := &relationFinder{doc: doc, index: map[relKey]int{}}
	f.forms = map[string]int{}
	ambiguous := map[string]bool{}
	for i, e := range doc.ents {
		if !isActorType(e.Type) {
			continue
		}
		add := func(s string) {
			k := relNormForm(s)
			if k == "" || ambiguous[k] {
				return
			}
			if j, ok := f.forms[k]; ok && j != i {
				delete(f.forms, k)
				ambiguous[k] = true
				return
			}
			f.forms[k] = i
		}
		add(e.Name)
		for _, a := range e.Aliases {
			add(a)
		}
		for _, m := range e.Mentions {
			add(m.Text)
		}
	}
	return f
}

func isActorType(t newsgraph.EntityType) bool {
	return t == newsgraph.Person || t == newsgraph.State || t == newsgraph.Agency
}

// relNormForm is the key actor forms are compared on: lower case, straight
// apostrophes, no leading "the", no final possessive.
func relNormForm(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.ReplaceAll(s, "’", "'")))
	s = strings.TrimPrefix(s, "the ")
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimSuffix(s, "'")
	return strings.Join(strings.Fields(s), " ")
}

func (f *relationFinder) run() []newsgraph.Relation {
	for si := range f.doc.sents {
		if stopped(f.ctx, si) {
			return nil
		}
		var links []corefLink
		if si < len(f.doc.corefs) {
			links = f.doc.corefs[si]
		}
		v := f.newView(si, links)
		if v == nil {
			continue
		}
		f.runSentencePatterns(v)
		f.doc.views = append(f.doc.views, v)
	}
	f.runDocumentPatterns()
	f.markPatterns()
	return f.out
}

// add records the edge subj -[pred]-> obj stated by the sentence of v,
// keeping the surer evidence when the same edge (by lemma) is stated twice.
// near is the token the count on the evidence should be nearest, or -1 for
// none.
func (f *relationFinder) add(p patternID, v *sentView, subj, obj int, pred, lem string, conf float64, negated bool, near int) {
	if subj == obj || subj < 0 || obj < 0 || subj >= len(f.doc.ents) || obj >= len(f.doc.ents) {
		return
	}
	if f.doc.ents[subj].ID == f.doc.ents[obj].ID {
		return
	}
	pred = strings.TrimSpace(pred)
	lem = strings.TrimSpace(lem)
	if pred == "" || lem == "" {
		return
	}
	s := v.s
	if s.start < 0 || s.end > len(f.doc.text) || s.start > s.end {
		return
	}
	if p == patVerbal && (f.motionToState(lem, subj, obj) || f.verbalObjectRejected(v, obj, near)) {
		return
	}
	ev := newsgraph.Evidence{
		Sentence:   f.doc.text[s.start:s.end],
		Start:      s.start,
		End:        s.end,
		Negated:    negated,
		Confidence: conf,
	}
	if near >= 0 {
		ev.Quantity = nearestQuantity(f.doc, s, v.quants, near)
	}
	r := newsgraph.Relation{
		Subject:   f.doc.ents[subj].ID,
		Predicate: pred,
		Lemma:     lem,
		Object:    f.doc.ents[obj].ID,
		Evidence:  ev,
	}
	k := relKey{subj, obj, lem}
	if i, ok := f.index[k]; ok {
		if conf > f.out[i].Evidence.Confidence {
			f.out[i], f.pats[i] = r, p
		}
		return
	}
	f.index[k] = len(f.out)
	f.out = append(f.out, r)
	f.pats = append(f.pats, p)
}

// sentView is one sentence prepared for the patterns: tags made consistent, the
// actor mentions (with resolved pronouns, and states split off mentions that
// swallowed them), the title phrase before each mention, and the counts the
// sentence gives.
type sentView struct {
	s      *sentence
	si     int // index of s in the document
	toks   []token
	ms     []mention // actor mentions in token order, not overlapping
	at     []int     // token -> index into ms, or -1
	chain  []int     // per mention: first token of the title phrase before it
	quants []quantity
	// inherited is the title a list of "X of Y" names shares, passed from
	// one mention to the next by the "of" pattern.
	inherited string
	// dep is the sentence's dependency tree over ms (dep.go), made on first
	// use by depView; noDep is set when there is none to make.
	dep   *depTree
	noDep bool
}

func (f *relationFinder) typ(v *sentView, k int) newsgraph.EntityType {
	return f.doc.ents[v.ms[k].ent].Type
}

// newView prepares sentence si for the patterns, with the mentions the
// coreference stage linked in it (none while that stage reads the
// sentences).
func (f *relationFinder) newView(si int, links []corefLink) *sentView {
	s := &f.doc.sents[si]
	n := len(s.toks)
	if n == 0 {
		return nil
	}
	v := &sentView{s: s, si: si, toks: make([]token, n), at: make([]int, n)}
	copy(v.toks, s.toks)
	for i := range v.toks {
		v.toks[i].text = strings.ReplaceAll(v.toks[i].text, "’", "'")
		v.toks[i].tag = normTag(v.toks[i])
		v.at[i] = -1
	}
	taken := make([]bool, n)
	for _, m := range s.mentions {
		if m.ent < 0 || m.ent >= len(f.doc.ents) || !isActorType(f.doc.ents[m.ent].Type) {
			continue
		}
		if m.first < 0 || m.last >= n || m.first > m.last {
			continue
		}
		free := true
		for i := m.first; i <= m.last; i++ {
			free = free && !taken[i]
		}
		if !free {
			continue
		}
		for i := m.first; i <= m.last; i++ {
			taken[i] = true
		}
		v.ms = append(v.ms, f.splitMention(v, m)...)
	}
	f.findStateForms(v, taken)
	for _, l := range links {
		v.ms = append(v.ms, l.mention)
	}
	v.sortMentions()
	f.retagVerbs(v)
	f.chains(v)
	v.quants = findQuantities(v.toks)
	return v
}

// findStateForms adds a mention for a state the recogniser left unmarked
// where it modifies a name: "the U.S. [Treasury Department]". Only a form
// the article already uses for the state counts, capitalised, right before
// another mention.
func (f *relationFinder) findStateForms(v *sentView, taken []bool) {
	starts := map[int]bool{}
	for _, m := range v.ms {
		starts[m.first] = true
	}
	for i := 0; i+1 < len(v.toks); i++ {
		if taken[i] || !starts[i+1] {
			continue
		}
		w := v.toks[i].text
		if w == "" || strings.ToLower(w[:1]) == w[:1] {
			continue
		}
		e, ok := f.formOf(v, i, i)
		if !ok || f.doc.ents[e].Type != newsgraph.State {
			continue
		}
		v.ms = append(v.ms, mention{ent: e, first: i, last: i})
		taken[i] = true
	}
}

// normTag corrects the tags the patterns rely on where prose's tagger is
// unreliable: quotes and brackets by their text, and the possessive "'s".
func normTag(t token) string {
	switch t.text {
	case `"`, "“", "”", "'", "‘", "``", "''":
		return "QUOTE"
	case "'s":
		if t.tag == "VBZ" {
			return t.tag
		}
		return "POS"
	case "(", "[", "{":
		return "("
	case ")", "]", "}":
		return ")"
	case "–", "—", "--":
		return ":"
	}
	if r := []rune(t.text); len(r) > 1 && r[0] >= 'A' && r[0] <= 'Z' && relTitleWords[strings.ToLower(t.text)] {
		return "NNP" // prose tags "US Ambassador to" as a verb
	}
	return t.tag
}

// splitMention splits off the actor a mention swallowed: a state or agency
// named at its start ("United States President Donald Trump", "the UK's
// Ministry of Defence") or after a final "of" ("Federal Aviation Office of
// Germany"), so that the title patterns see both.
func (f *relationFinder) splitMention(v *sentView, m mention) []mention {
	if m.last-m.first < 1 {
		return []mention{m}
	}
	self := m.ent
	// The longest prefix that names another state or agency.
	for k := m.last - 1; k >= m.first; k-- {
		e, ok := f.formOf(v, m.first, k)
		if !ok || e == self || f.doc.ents[e].Type == newsgraph.Person {
			continue
		}
		rest := k + 1
		if rest <= m.last && v.toks[rest].tag == "POS" {
			rest++
		}
		if rest > m.last {
			break
		}
		inner := mention{ent: e, first: m.first, last: k, resolved: m.resolved}
		outer := mention{ent: self, first: rest, last: m.last, resolved: m.resolved}
		return append([]mention{inner}, f.splitMention(v, outer)...)
	}
	// "... of [the] X" at the end.
	for k := m.first + 1; k < m.last; k++ {
		if !strings.EqualFold(v.toks[k].text, "of") {
			continue
		}
		start := k + 1
		if start < m.last && strings.EqualFold(v.toks[start].text, "the") {
			start++
		}
		e, ok := f.formOf(v, start, m.last)
		if !ok || e == self || f.doc.ents[e].Type != newsgraph.State {
			continue
		}
		return []mention{
			{ent: self, first: m.first, last: k - 1, resolved: m.resolved},
			{ent: e, first: start, last: m.last, resolved: m.resolved},
		}
	}
	return []mention{m}
}

// formOf reports the actor whose name, alias or mention text tokens [a, b]
// spell.
func (f *relationFinder) formOf(v *sentView, a, b int) (int, bool) {
	var sb strings.Builder
	for i := a; i <= b; i++ {
		if i > a && v.toks[i].tag != "POS" && v.toks[i].text != "-" && v.toks[i-1].text != "-" {
			sb.WriteByte(' ')
		}
		sb.WriteString(v.toks[i].text)
	}
	e, ok := f.forms[relNormForm(sb.String())]
	return e, ok
}

// retagVerbs repairs a reporting verb prose tagged as a plural noun when it
// stands between a subject and a clause: "Reuters news agency claims Cubans".
func (f *relationFinder) retagVerbs(v *sentView) {
	verbless := true
	for _, t := range v.toks {
		verbless = verbless && !relIsVerb(t.tag)
	}
	for i := 1; i+1 < len(v.toks); i++ {
		if t := &v.toks[i]; t.tag == "VB" && v.at[i] < 0 && (strings.EqualFold(v.toks[i-1].text, "and") || strings.EqualFold(v.toks[i-1].text, "but")) &&
			lemma(t.text, "VBD") != strings.ToLower(t.text) {
			// "urged the embassy to reconsider and spoke with": prose tags
			// a past form after "and" as a base form.
			t.tag = "VBD"
		}
		next := v.toks[i+1].tag
		if t := &v.toks[i]; verbless && (t.tag == "NN" || t.tag == "NNS") && v.at[i] < 0 && v.at[i-1] >= 0 &&
			(f.actorAt(v, i+1) || next == "DT" || next == "PRP$") &&
			!relTitleWords[t.text] && !relPartNouns[t.text] && t.text == strings.ToLower(t.text) {
			// A headline's verb: "Benin, Nigeria join African Union",
			// "Putin signs a decree".
			if t.tag == "NNS" {
				t.tag = "VBZ"
			} else {
				t.tag = "VBP"
			}
			continue
		}
		t := &v.toks[i]
		if t.tag != "NNS" || v.at[i] >= 0 || !strings.HasSuffix(strings.ToLower(t.text), "s") {
			continue
		}
		left, right := v.toks[i-1], v.toks[i+1]
		if v.at[i-1] >= 0 && f.actorAt(v, i+1) && !relTitleWords[strings.ToLower(t.text)] {
			// "Germany bans Mahan Air": a plural noun between two actors.
			t.tag = "VBZ"
			continue
		}
		if !relSpeechVerbs[lemma(t.text, "VBZ")] {
			continue
		}
		subj := v.at[i-1] >= 0 || relIsNoun(left.tag)
		obj := v.at[i+1] >= 0 || strings.EqualFold(right.text, "that") ||
			right.tag == "DT" || right.tag == "PRP" || right.tag == "CD" || right.tag == "NNP" || right.tag == "NNPS"
		if subj && obj {
			t.tag = "VBZ"
		}
	}
}

func relIsNoun(t string) bool {
	return t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS"
}

func relIsAdj(t string) bool {
	return t == "JJ" || t == "JJR" || t == "JJS"
}

func relIsVerb(t string) bool {
	return strings.HasPrefix(t, "VB") || t == "MD"
}

func relIsPrep(text string) bool {
	switch strings.ToLower(text) {
	case "of", "to", "for", "at", "in", "on", "with", "from", "by", "against",
		"into", "over", "about", "under", "as", "toward", "towards", "across",
		"between", "among", "through", "behind", "after", "before", "within", "without":
		return true
	}
	return false
}

// chainStart returns the first token of the title phrase before mention k:
// nouns, adjectives, other actors with their possessive, and "of/to/for"
// before an actor, as in "US Ambassador to Germany [Richard Grenell]" or "the
// President of the United States [Donald Trump]". A comma may close the
// phrase when it holds a title ("Former Trump advisor, [Paul Manafort]"). An
// inner person ends the phrase. It returns the mention's own first token when
// there is no such phrase.
func (f *relationFinder) chainStart(v *sentView, k int) int {
	m := v.ms[k]
	if m.resolved && m.first == m.last && (v.toks[m.first].tag == "PRP" || v.toks[m.first].tag == "PRP$") {
		return m.first // a pronoun takes no title
	}
	j := m.first - 1
	comma := false
	if j >= 1 && v.toks[j].tag == "," {
		comma = true
		j--
	}
	w := &chainWalk{f: f, v: v, cstart: j + 1}
	for j >= 0 {
		if q := v.at[j]; q >= 0 {
			w.inner = true
			w.cstart = v.ms[q].first
			j = w.cstart - 1
			if f.typ(v, q) == newsgraph.Person || v.ms[q].resolved {
				break
			}
			continue
		}
		n := w.takes(j)
		if n == 0 {
			break
		}
		w.cstart = j - n + 1
		j -= n
	}
	cstart := w.cstart
	// Adjectives, prepositions and articles at the front are not the title.
	for cstart < m.first && v.at[cstart] < 0 && !relIsNoun(v.toks[cstart].tag) {
		cstart++
	}
	if cstart >= m.first-relBoolInt(comma) || comma && !w.title {
		return m.first
	}
	return cstart
}

// chainWalk is the state of chainStart's walk back over a title phrase.
type chainWalk struct {
	f      *relationFinder
	v      *sentView
	cstart int  // the phrase's first token so far
	inner  bool // whether the phrase holds an actor
	title  bool // whether it holds a word of office
}

// takes returns how many tokens ending at j the first rule of chainRules
// that applies adds to the title phrase, or 0.
func (w *chainWalk) takes(j int) int {
	t := w.v.toks[j]
	c := chainToken{j: j, lw: strings.ToLower(t.text), tag: t.tag}
	if j+1 < len(w.v.toks) {
		c.next = w.v.toks[j+1].tag
	}
	for _, r := range chainRules {
		if n := r.takes(w, c); n > 0 {
			return n
		}
	}
	return 0
}

// chainToken is the token a chain rule looks at: its index, lower-case
// text and tag, and the tag of the token after it.
type chainToken struct {
	j             int
	lw, tag, next string
}

// chainRules are the words a title phrase before a name is made of, tried
// in order; each returns how many tokens ending at the token it takes.
var chainRules = []struct {
	name  string
	takes func(w *chainWalk, c chainToken) int
}{
	{"possessive", func(w *chainWalk, c chainToken) int {
		return relBoolInt(c.tag == "POS" && c.j > 0 && w.v.at[c.j-1] >= 0)
	}},
	// "Empire magazine's reviews editor", "the Acme group's chairman": the
	// possessive of an actor with its descriptor noun.
	{"descriptor-possessive", func(w *chainWalk, c chainToken) int {
		v, j := w.v, c.j
		return 2 * relBoolInt(c.tag == "POS" && j > 1 && v.at[j-1] < 0 && descriptorNouns[strings.ToLower(v.toks[j-1].text)] && v.at[j-2] >= 0)
	}},
	{"noun", func(w *chainWalk, c chainToken) int {
		if !relIsNoun(c.tag) || relTimeWords[c.lw] {
			return 0
		}
		w.title = w.title || relTitleWords[c.lw]
		return 1
	}},
	{"adjective", func(w *chainWalk, c chainToken) int { return relBoolInt(relIsAdj(c.tag)) }},
	// "Defence and Foreign Affairs Minister"
	{"nouns-and", func(w *chainWalk, c chainToken) int {
		v, j := w.v, c.j
		return relBoolInt((c.lw == "and" || c.lw == "&") && j > 0 && relIsNoun(v.toks[j-1].tag) && v.at[j-1] < 0 && relIsNoun(c.next) && v.at[j+1] < 0)
	}},
	// "the president of the Tunisian League ...", "Ambassador to Germany"
	{"title-of-actor", func(w *chainWalk, c chainToken) int {
		v, j := w.v, c.j
		return relBoolInt((c.lw == "of" || c.lw == "to" || c.lw == "for") && j > 0 && v.at[j-1] < 0 && (w.f.actorAt(v, j+1) || w.inner && j+1 == w.cstart) &&
			(relTitleWords[strings.ToLower(v.toks[j-1].text)] || v.toks[j-1].tag == "NNP"))
	}},
	// "Secretary of State", "Minister of Foreign Affairs"
	{"title-of-portfolio", func(w *chainWalk, c chainToken) int {
		v, j := w.v, c.j
		return relBoolInt(c.lw == "of" && j > 0 && relTitleWords[strings.ToLower(v.toks[j-1].text)] && c.next == "NNP" && v.at[j+1] < 0)
	}},
	// "Member of Parliament (MP) Yvette Cooper"
	{"bracketed", func(w *chainWalk, c chainToken) int {
		return 3 * relBoolInt(c.tag == ")" && c.j >= 2 && w.v.toks[c.j-2].tag == "(")
	}},
	// "the president of the Tunisian League"
	{"article-after-of", func(w *chainWalk, c chainToken) int {
		v, j := w.v, c.j
		return relBoolInt(c.lw == "the" && j > 0 && j+1 < len(v.toks) && (v.at[j+1] >= 0 || w.inner && j+1 == w.cstart) && isOfToFor(v.toks[j-1].text))
	}},
}

func isOfToFor(w string) bool {
	w = strings.ToLower(w)
	return w == "of" || w == "to" || w == "for"
}

// actorAt reports whether an actor mention starts at token i, or after "the".
func (f *relationFinder) actorAt(v *sentView, i int) bool {
	starts := func(i int) bool { return i < len(v.toks) && v.at[i] >= 0 && v.ms[v.at[i]].first == i }
	if starts(i) {
		return true // "The Times" holds its article
	}
	return i < len(v.toks) && strings.EqualFold(v.toks[i].text, "the") && starts(i+1)
}

func relBoolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// headOf returns the mention whose title phrase or span holds token i, the
// outermost when phrases nest: the head of the noun phrase i is in ("Iranian
// airline [Mahan Air]"), or -1.
func (v *sentView) headOf(i int) int {
	best := -1
	for k, m := range v.ms {
		if v.chain[k] <= i && i <= m.last && (best < 0 || m.last > v.ms[best].last) {
			best = k
		}
	}
	return best
}
