package extract

import (
	"context"
	"sort"
	"strings"

	"newsgraph"
)

// Coreference is the stage between resolution and relation finding: it
// finds the words that stand for an actor named elsewhere and hands them to
// the relation patterns as mentions of that actor (mention.resolved set).
// It is an ordered list of sieves (corefSieves), each one small rule for one
// kind of referring word, tried in order at each free token of a sentence;
// the first that links wins:
//
//   - quote-speaker: "I", "me", "my" inside a quotation for the one who
//     speaks it, also when the quotation opens the sentence after `P said:`
//     (coref_quotes.go); quote-we: "we", "us", "our" likewise, for the side
//     the speaker speaks for;
//   - role-holder: "the president", "the Greek foreign minister" for the one
//     person the article titles so (coref_roles.go);
//   - main-state: "the country" for the state the article names most;
//   - description: "the company", "the ministry", "the network" for the
//     most recent agency whose name has that head word or whose sector the
//     noun names (coref_descriptions.go, data/words/coref_descriptions.tsv);
//   - pronoun-person: he, she, his, her, him for the one person named before
//     them in the sentence, or else the subject of the nearest sentence that
//     names persons (the person it opens with, or the subject of its main
//     verb), never a person an honorific ("Mr.", "Mrs"), a given name
//     ("Angela", "Tim") or an earlier pronoun gives the other gender
//     (coref_pronouns.go, coref_gender.go);
//   - pronoun-in-quote: he, she, his, her, him inside a quotation for the
//     one person the same quotation names before it in its sentence (other
//     third persons in a quotation are the speaker's to resolve);
//   - pronoun-it: subject "it" and "its" for a state or an agency, never the
//     empty "it" of "it is thought" (the parse's expl).
//
// A quotation may run on over several sentences of a paragraph; a new
// paragraph (a blank line) closes any quotation left open.
//
// "they" is left alone: on GUM, linking it to the agency before it was
// right in one case out of four.
//
// A sieve that cannot tell leaves the word alone: a wrong link makes a
// wrong edge, a missing one only misses it. The links are kept per sentence
// in document.corefs; Coreference (coref_links.go) returns them with byte
// offsets for evaluation against GUM (newsgraph eval-coref).

// corefLink is a mention the coreference stage added: tokens [first, last]
// of its sentence stand for actor ent; sieve names the rule that linked it.
type corefLink struct {
	mention
	sieve string
}

// corefSieve is one rule of coreference: link returns the actor the
// referring phrase at token i of v stands for and the phrase's tokens, or
// ent < 0. inQuote says whether it applies inside a quotation, where third
// persons are the speaker's and not the narrator's.
type corefSieve struct {
	name    string
	inQuote bool
	link    func(c *corefPass, v *sentView, i int, taken []bool) (ent, first, last int)
}

// corefSieves run in order at each token; leaving one out switches it off.
var corefSieves = []corefSieve{
	{"quote-speaker", true, (*corefPass).quoteSpeaker},
	{"quote-we", true, (*corefPass).quoteWe},
	{"role-holder", true, (*corefPass).roleMention},
	{"main-state", false, (*corefPass).theCountry},
	{"description", false, (*corefPass).description},
	{"pronoun-person", false, (*corefPass).personPronoun},
	{"pronoun-in-quote", true, (*corefPass).quotedPronoun},
	{"pronoun-it", false, (*corefPass).itPronoun},
}

// corefWindow is how many sentences back a pronoun or description looks
// for its actor.
const corefWindow = 4

// corefPass holds the state of one document's coreference.
type corefPass struct {
	doc *document
	gaz *gazetteer
	rf  *relationFinder // builds the sentence views
	// bare are the sentences' views before coreference.
	bare []*sentView
	// speakers maps a sentence and token index of "I" or "we" in a
	// quotation to the actor who speaks it.
	speakers map[[2]int]int
	// roles holds the role holders by the head word of their title, the
	// word a role phrase must end with to stand for them.
	roles map[string][]roleHolder
	// stateCount counts the mentions of each state read so far, for "the
	// country".
	stateCount map[int]int
	// seen are the views of the sentences before the current one, the
	// nearest last, with their links.
	seen []*sentView
	// gender is "m" or "f" for the persons a title gives one to
	// (coref_gender.go) or a he or she stood for.
	gender map[int]string
	// sector caches each agency's sector.
	sector map[int]newsgraph.Sector
	// quoted says whether the token the sieves look at lies inside a
	// quotation.
	quoted bool
	// off are sieves switched off by name (for tests and measurement).
	off map[string]bool
}

// corefer fills doc.corefs: per sentence, the links of its referring words.
func (x *Extractor) corefer(ctx context.Context, doc *document) error {
	c := newCorefPass(doc, x.gaz)
	c.off = x.corefOff
	doc.corefs = c.run(ctx)
	return ctx.Err()
}

func newCorefPass(doc *document, g *gazetteer) *corefPass {
	return &corefPass{doc: doc, gaz: g, rf: newRelationFinder(doc),
		stateCount: map[int]int{}, sector: map[int]newsgraph.Sector{}, gender: map[int]string{}}
}

// run links the referring words of each sentence, in text order, so that a
// pronoun may stand for an actor an earlier pronoun stood for.
func (c *corefPass) run(ctx context.Context) [][]corefLink {
	n := len(c.doc.sents)
	c.bare = make([]*sentView, n)
	for si := range c.doc.sents {
		if stopped(ctx, si) {
			return nil
		}
		c.bare[si] = c.rf.newView(si, nil)
	}
	c.speakers = c.quoteSpeakers(c.bare)
	c.gender = c.titleGenders(c.bare)
	c.nameGenders(c.gender)
	c.roles = map[string][]roleHolder{}
	for _, h := range c.roleHolders(c.bare) {
		if k := len(h.words); k > 0 {
			c.roles[h.words[k-1]] = append(c.roles[h.words[k-1]], h)
		}
	}
	out := make([][]corefLink, n)
	linked := make([]*sentView, n)
	quoted := false // whether the text so far leaves a quotation open
	for si := range c.doc.sents {
		if stopped(ctx, si) {
			return nil
		}
		if c.bare[si] == nil {
			continue
		}
		if c.newParagraph(si) {
			quoted = false
		}
		v := c.bare[si].clone()
		out[si], quoted = c.linkSentence(v, quoted)
		for _, m := range v.ms {
			if !m.resolved && c.doc.ents[m.ent].Type == newsgraph.State {
				c.stateCount[m.ent]++
			}
		}
		c.seen = append(c.seen, v)
		linked[si] = v
	}
	c.linkLateSpeakers(linked, out)
	c.doc.quotes = c.quoteSpans(linked)
	return out
}

// linkLateSpeakers links "I" and "we" in the quotations whose speaker is a
// pronoun the sieves linked (`He said, "I think ..."`): the speakers found
// again on the linked sentences, where the first pass had none.
func (c *corefPass) linkLateSpeakers(linked []*sentView, out [][]corefLink) {
	for k, e := range c.quoteSpeakers(linked) {
		if _, ok := c.speakers[k]; ok {
			continue
		}
		v := linked[k[0]]
		if v == nil || v.at[k[1]] >= 0 {
			continue
		}
		name := "quote-speaker"
		if firstPlurals[strings.ToLower(v.toks[k[1]].text)] {
			name = "quote-we"
		}
		if c.off[name] {
			continue
		}
		out[k[0]] = append(out[k[0]], corefLink{mention{ent: e, first: k[1], last: k[1], resolved: true}, name})
	}
}

// newParagraph reports whether sentence si opens a paragraph: a blank line
// lies between it and the sentence before.
func (c *corefPass) newParagraph(si int) bool {
	if si == 0 {
		return true
	}
	gap := c.doc.text[c.doc.sents[si-1].end:c.doc.sents[si].start]
	return strings.Count(gap, "\n") >= 2
}

// quoteMark tells what a token does to a quotation: opens it (“ or a
// straight double quote outside one), closes it (” or a straight double
// quote inside one), or nothing (any other token, single quotes).
func quoteMark(t token, quoted bool) (isMark, opens bool) {
	switch t.text {
	case "“", "``":
		return true, true
	case "”", "''":
		return true, false
	case `"`:
		return true, !quoted
	}
	return false, false
}

// linkSentence runs the sieves over the free tokens of v, adds the mentions
// they link to v and returns them. quoted says whether v opens inside a
// quotation (one that runs on from the sentence before in its paragraph);
// it returns whether v leaves one open.
func (c *corefPass) linkSentence(v *sentView, quoted bool) ([]corefLink, bool) {
	taken := make([]bool, len(v.toks))
	for _, m := range v.ms {
		for i := m.first; i <= m.last; i++ {
			taken[i] = true
		}
	}
	var links []corefLink
	for i := 0; i < len(v.toks); i++ {
		if mark, opens := quoteMark(v.toks[i], quoted); mark {
			quoted = opens
		}
		if taken[i] {
			continue
		}
		c.quoted = quoted
		for _, s := range corefSieves {
			if quoted && !s.inQuote || c.off[s.name] {
				continue
			}
			e, first, last := s.link(c, v, i, taken)
			if e < 0 {
				continue
			}
			l := corefLink{mention{ent: e, first: first, last: last, resolved: true}, s.name}
			links = append(links, l)
			v.ms = append(v.ms, l.mention)
			for k := first; k <= last; k++ {
				taken[k] = true
			}
			i = last
			break
		}
	}
	if len(links) > 0 {
		c.rf.reindex(v)
	}
	return links, quoted
}

// clone returns a copy of v whose mentions may grow without changing v.
func (v *sentView) clone() *sentView {
	w := *v
	w.ms = append([]mention(nil), v.ms...)
	w.at = append([]int(nil), v.at...)
	w.chain = append([]int(nil), v.chain...)
	return &w
}

// reindex sorts v's mentions and fills the token index and title phrases.
func (f *relationFinder) reindex(v *sentView) {
	v.sortMentions()
	f.chains(v)
}

// sortMentions sorts v's mentions by position and fills v.at.
func (v *sentView) sortMentions() {
	sort.Slice(v.ms, func(a, b int) bool { return v.ms[a].first < v.ms[b].first })
	for i := range v.at {
		v.at[i] = -1
	}
	for k, m := range v.ms {
		for i := m.first; i <= m.last; i++ {
			v.at[i] = k
		}
	}
}

// chains fills the title phrase before each mention of v.
func (f *relationFinder) chains(v *sentView) {
	v.chain = make([]int, len(v.ms))
	for k := range v.ms {
		v.chain[k] = f.chainStart(v, k)
	}
}

// recent returns the views of the corefWindow sentences before the current
// one, the nearest last.
func (c *corefPass) recent() []*sentView {
	return c.seen[max(0, len(c.seen)-corefWindow):]
}

// possessive reports whether mention k is a possessive pronoun ("his"), which
// may own an object but is never a subject.
func (v *sentView) possessive(k int) bool {
	m := v.ms[k]
	if !m.resolved || m.first != m.last {
		return false
	}
	return v.toks[m.first].tag == "PRP$"
}

// quoteSpeaker links "I", "me" or "my" in a quotation to its speaker.
func (c *corefPass) quoteSpeaker(v *sentView, i int, _ []bool) (int, int, int) {
	if e, ok := c.speakers[[2]int{v.si, i}]; ok && !firstPlurals[strings.ToLower(v.toks[i].text)] {
		return e, i, i
	}
	return -1, -1, -1
}

// quoteWe links "we", "us" or "our" in a quotation to its speaker, for the
// side the speaker speaks for.
func (c *corefPass) quoteWe(v *sentView, i int, _ []bool) (int, int, int) {
	if e, ok := c.speakers[[2]int{v.si, i}]; ok && firstPlurals[strings.ToLower(v.toks[i].text)] {
		return e, i, i
	}
	return -1, -1, -1
}
