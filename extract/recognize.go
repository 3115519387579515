package extract

import (
	"context"
	"golang.org/x/text/unicode/norm"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsgraph"
	"newsgraph/extract/internal/lexicon"
)

// cand is a recognised mention before resolution: tokens [first, last] of
// sentence sent name an actor of type typ.
type cand struct {
	sent, first, last int
	typ               newsgraph.EntityType
	// key groups mentions of one actor when recognition already knows it
	// (a gazetteer phrase: "state:ru"); empty otherwise.
	key string
	// name is the canonical name when known (gazetteer), else empty.
	name   string
	reason string // alias reason, for gazetteer alternatives
	// full is a longer form to keep as an alias: the title and name
	// ("President Donald Trump"), the agency with its state adjective
	// ("Turkish Ministry of Foreign Affairs").
	full, fullReason string
	// lead counts the words before first that the mention's span holds but
	// the name does not: the state of "German Air Force", whose name is
	// "Air Force" and whose mention is all three words.
	lead int
	// trail counts the words after last that the mention's span holds but
	// the name does not: the legal form of "Google, Inc." (recognize_edges.go).
	trail int
	// title is the role word before a person ("president"), lower case.
	title string
	// stateOf is the ISO code of a state that qualifies the mention
	// ("Russia's President ...", "Turkish Ministry ..."), or empty.
	stateOf    string
	titleStart int  // first token of the title before a person
	capital    bool // a capital: the state when it acts, else a place
	weak       bool // typed by a weak signal only (prose's label, a guess)
	byContext  bool // typed by the words around it (recognize_context.go)
	team       bool // a sports team or club (recognize_teams.go)
	paper      bool // a paper that opens a press digest's line (digest.go)
	// partyOf is the state of a party named by its acronym, or empty.
	partyOf string
	// keepPlace marks a place whose name names a team elsewhere in the
	// article: it stays the place and joins no team.
	keepPlace bool
	// nonActor marks the name of a thing that is no actor but is named
	// like one ("Hurricane Dorian"): resolution drops it and its short
	// forms.
	nonActor bool
}

// A run of capitalised words longer than maxNameTokens words or
// maxNameBytes bytes (a title-cased line, a table, a list of names without
// commas) is no one name: recognition drops it rather than make an entity
// whose name, id or aliases Validate refuses. The byte bound leaves room
// for the id's prefix and for case folding that grows a name.
const (
	maxNameTokens = 12
	maxNameBytes  = newsgraph.MaxNameBytes / 5
)

// recognize fills doc.cands with the mentions of actors the sentences name,
// from the gazetteers, name and title patterns and the tagger's labels.
func (x *Extractor) recognize(ctx context.Context, doc *document) error {
	var cands []cand
	doc.sports = sportsDoc(doc)
	doc.digest = pressDigest(doc)
	if doc.sports {
		doc.scorers = scorerNames(doc)
	}
	for si := range doc.sents {
		if stopped(ctx, si) {
			return ctx.Err()
		}
		for _, c := range x.sentenceCands(doc, si, doc.sents[si].labels) {
			if c.last-c.first >= maxNameTokens || len(joinText(doc, doc.sents[si].toks, c.first, c.last)) > maxNameBytes {
				continue
			}
			if len(c.full) > maxNameBytes {
				c.full, c.fullReason = "", ""
			}
			cands = append(cands, c)
		}
	}
	cands = regionalDivisions(doc, cands)
	markTeams(doc, cands, x.gaz)
	x.strayPartyAcronyms(doc, cands)
	markEdges(doc, cands)
	doc.cands = cands
	return nil
}

// headline reports whether the sentence is a headline or other title-cased
// or all-caps line, where capitals do not mark names.
func headline(doc *document, si int) bool {
	s := doc.sents[si]
	if s.end < len(doc.text) && doc.text[s.end] != '\n' && doc.text[s.end] != '\r' {
		return false
	}
	if si > 0 && doc.sents[si-1].end < s.start && !strings.ContainsAny(doc.text[doc.sents[si-1].end:s.start], "\n\r") {
		return false
	}
	// A headline is a short line of its own without a final stop, or
	// any line in capitals ("SOCCER - JAPAN GET LUCKY WIN .").
	if s.end >= len(doc.text) && si == 0 || s.end-s.start > 300 {
		return false
	}
	if tableRow(s.toks) || fixtureLine(s.toks) && !allCaps(doc.text[s.start:s.end]) {
		return false // "Arsenal 2 Sheffield Wednesday 0", "CHICAGO WHITE SOX 60 70", "Edmonton at Los Angeles"
	}
	if capitalsLine(s.toks) {
		return true
	}
	if doc.sports && resultLine(s.toks) {
		return false // "Magnus Larsson ( Sweden ) beat Marcelo Rios ( Chile ) 7-6 6-4"
	}
	if n := len(s.toks); n > 0 && strings.ContainsAny(s.toks[n-1].text, ".!?") && !strings.HasSuffix(s.toks[n-1].text, "..") {
		if n < 2 || !isAcronym(s.toks[n-1].text) {
			return false
		}
	}
	words, capd := 0, 0
	for _, t := range s.toks {
		r, _ := utf8.DecodeRuneInString(t.text)
		if !unicode.IsLetter(r) || minorWords[t.text] {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			capd++
		}
	}
	return words >= 3 && capd*10 >= words*8
}

// resultLine reports whether a line holds a score or two numbers, as the
// lines of results and leaderboards do ("134 Robert Allenby ( Australia )
// 69 65"): in a sports report its capitals mark names, as in running text.
func resultLine(toks []token) bool {
	nums := 0
	for _, t := range toks {
		switch {
		case isScore(t.text):
			return true
		case isDigits(t.text):
			nums++
		}
	}
	return nums >= 2
}

// capitalsLine reports whether at least three words of toks and nine in
// ten of them are written in capitals.
func capitalsLine(toks []token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.text)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if allCaps(t.text) {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*9
}

func isCap(t token) bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// sentenceCands finds the mentions of one sentence.
func (x *Extractor) sentenceCands(doc *document, si int, lab []string) []cand {
	toks := doc.sents[si].toks
	head := headline(doc, si)
	var out []cand
	i := 0
	if k := datelineEnd(doc, si); k >= 0 {
		// "LONDON 1996-08-30", "AL-AIN , United Arab Emirates": the
		// dateline's city is a place (a state when the gazetteer says so).
		if n, e, ok := x.longest(toks, 0, k, true); ok && n == k+1 {
			out = append(out, gazCand(e, 0, k))
		} else {
			out = append(out, cand{first: 0, last: k, typ: newsgraph.Place})
		}
		out[0].sent = si
		i = k + 1
	} else if k := digestSourceEnd(doc, si); k >= 0 {
		// "KATHIMERINI : The government ...": a press digest's paper.
		out = append(out, x.digestSourceCand(toks, si, k))
		i = k + 1
	}
	for i < len(toks) {
		if !x.chunkStart(toks, i) {
			i++
			continue
		}
		j := i
		joined := false // an of-head took a connector: more may follow
		for j+1 < len(toks) {
			if x.chunkWord(toks, j+1) {
				j++
				continue
			}
			// Connectors ("of", "of the", "and") join only when a name
			// word follows them, and "of" only after a word that takes it
			// ("Ministry of Defence", not "Marco Rubio of Florida").
			k := j + 1
			for k < len(toks) && k-j <= 2 && connectors[toks[k].text] {
				k++
			}
			if k == j+1 || k >= len(toks) || !x.chunkWord(toks, k) {
				break
			}
			c := toks[j+1].text
			if c == "the" || (c == "and" || c == "&") && k > j+2 {
				break
			}
			// A particle inside a person's name: "Bill de Blasio",
			// "Ludwig van Beethoven", "Osama bin Laden".
			if nameParticles[c] && !ofHeads[toks[j].text] && (k == j+2 || nameParticles[toks[j+2].text]) {
				j = k
				continue
			}
			if c != "and" && c != "&" && !joined && !ofHeads[toks[j].text] {
				break
			}
			if c != "and" && c != "&" {
				joined = true
			}
			j = k
		}
		// A gazetteer phrase may run over punctuation ("United Nations
		// Educational, Scientific and Cultural Organization").
		// "The" may open the chunk before the phrase.
		if g := gazStart(toks, i, j); g <= j {
			if n, _, ok := x.longest(toks, g, len(toks)-1, false); ok && g+n-1 > j {
				j = g + n - 1
			}
		}
		n0 := len(out)
		out = append(out, x.parseChunk(doc, si, i, j, lab, head)...)
		for k := n0; k < len(out); k++ {
			switch {
			case out[k].typ == newsgraph.Person:
				out[k] = x.checkPerson(doc, si, out[k])
			case out[k].typ == newsgraph.Agency && out[k].key == "":
				out[k] = x.checkAgency(doc, si, out[k])
			}
		}
		if n := len(out); n > 0 && out[n-1].typ == newsgraph.Place && out[n-1].last == j && j+1 < len(toks) && localForces[toks[j+1].text] {
			// "Northamptonshire police": a place's police force, with the
			// words of the place's name before it ("Greater Manchester
			// police").
			first := out[n-1].first
			if a := x.skipOpeners(toks, i, j, head); a < first {
				first = a
				out = out[:n0+1]
			}
			out[len(out)-1] = cand{sent: si, first: first, last: j + 1, typ: newsgraph.Agency}
			j++
		}
		if n := len(out); n > 0 && out[n-1].typ == newsgraph.State && !out[n-1].capital && out[n-1].last == j {
			if c, ok := x.stateService(doc, si, out[n-1]); ok {
				out = append(out, c)
				j = c.last
			}
		}
		i = j + 1
	}
	return out
}

// chunkStart reports whether token i may start a name.
func (x *Extractor) chunkStart(toks []token, i int) bool {
	if startParticles[toks[i].text] && i+1 < len(toks) && x.chunkWord(toks, i+1) && (i == 0 || !x.chunkWord(toks, i-1)) {
		// "de Blasio": a surname with its particle.
		return true
	}
	return x.chunkWord(toks, i)
}

// nameParticles join the parts of a person's name in lower case;
// startParticles may also open a surname ("de Blasio said").
var (
	nameParticles  = wordSet("name_particles.txt")
	startParticles = lexicon.NewSet("de", "di", "da", "du", "von", "bin", "ibn")
)

// usualName marks a cand's full form as the actor's name: the state is part
// of it. The mention stays the short form, so the body joins its mentions
// without the state.
const usualName = "usual name with state"

// placePreps put the name after them in a place ("in Rapa Nui", "at
// Punta Tombo").
var placePreps = lexicon.NewSet("in", "near", "outside", "at")

// fromBefore reports whether "from" comes a few tokens before token i ("from
// Jakarta to Pangkal Pinang").
func fromBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if toks[k].text == "from" {
			return true
		}
	}
	return false
}

// checkPerson takes back a person reading of c that the name's form or its
// context contradicts: a work's or product's head word at the end, "the"
// before a name without a given name, a dictionary word capitalised only
// because it opens the sentence, a place preposition before it, a party
// adjective before the name.
func (x *Extractor) checkPerson(doc *document, si int, c cand) cand {
	toks := doc.sents[si].toks
	p, q := c.first, c.last
	given := x.gaz.given[toks[p].text]
	if nonPersonHeads[toks[q].text] && q > p || nonActorHeads(toks[q].text) {
		c.typ = ""
		return c
	}
	notPoss := q+1 >= len(toks) || !possessive(toks[q+1].text)
	if c.title != "" {
		// "in Sultan Kudarat": a place named after a title.
		if t := c.titleStart; t > 0 && t < p && isCap(toks[t]) && placePreps[toks[t-1].text] && notPoss {
			c.typ = newsgraph.Place
			c.weak = true
		}
		return c
	}
	// "the Grateful Dead", "the Crew Dragon", "The Puerto Rican
	// constitution"; but "the Vasko government" is led by Vasko.
	if p > 0 && strings.EqualFold(toks[p-1].text, "the") && !given && !(q+1 < len(toks) && ledBodies[toks[q+1].text]) {
		c.typ = ""
		return c
	}
	// "the talk show Morning Joe", "the film Love Me or Leave Me".
	if p > 0 && workNouns[toks[p-1].text] && !given {
		c.typ = ""
		return c
	}
	// "Reports indicate", "Neighbors told": capitalised for the sentence;
	// a scorer after a parenthesis is a name ("( Baker 12 )").
	if p == q && sentenceInitial(toks, p) && !given && x.commonWord(toks[p].text) && !(doc.sports && scorer(toks, p)) {
		c.typ = ""
		return c
	}
	// "in Rapa Nui", "the island of Rapa Nui": a place.
	if p > 0 && !given && notPoss {
		prev := toks[p-1].text
		if placePreps[prev] || prev == "of" && p > 1 && placeWords[strings.ToLower(toks[p-2].text)] || prev == "to" && fromBefore(toks, p-1) {
			c.typ = newsgraph.Place
			c.weak = true
			return c
		}
	}
	// "Hong Kongers", "New Yorkers": people of a place, not a person.
	if q > p && !given && (strings.HasSuffix(toks[q].text, "ers") || strings.HasSuffix(toks[q].text, "ites")) {
		c.typ = ""
		return c
	}
	// "Democratic Dean", "Roman Catholic": an adjective and a dictionary
	// word are a role or a kind, not a name.
	if q > p && !given && adjectiveLike(toks[p].text) && (x.commonWords(toks, p+1, q) || q+1 < len(toks) && toks[q+1].text == "of") {
		c.typ = ""
		return c
	}
	return c
}

// marketIndex reports whether tokens [a, b] name a stock-market index
// ("Nasdaq", "FTSE 100", "Nikkei 225 Index"): one of marketIndices, less
// trailing numbers and index words.
func marketIndex(toks []token, a, b int) bool {
	for b > a && (isDigits(toks[b].text) || indexWords[toks[b].text]) {
		b--
	}
	words := make([]string, 0, b-a+1)
	for k := a; k <= b; k++ {
		words = append(words, toks[k].text)
	}
	return marketIndices[strings.Join(words, " ")]
}

// nonActorHeads reports whether w ends the name of an event, law or thing
// rather than a person's.
func nonActorHeads(w string) bool {
	return nonEntityHeads[w] || placeHeads[w] || orgHeads[w]
}

// chunkWord reports whether token i may be part of a name: a capitalised
// word that is not a calendar word or a pronoun.
func (x *Extractor) chunkWord(toks []token, i int) bool {
	t := toks[i]
	if !isWord(t.text) {
		return false
	}
	if !isCap(t) && !particleName(t.text) && !camelName(t.text) {
		return false
	}
	if calendarWords[strings.ToLower(strings.TrimSuffix(t.text, "."))] && !x.surnameAfterGiven(toks, i) {
		return false
	}
	if t.text == "I" || (t.tag == "PRP" || t.tag == "PRP$") && !allCaps(t.text) {
		return false
	}
	return true
}

// skipOpeners returns the first token of the chunk [a, b] past the words
// capitalised only for opening a sentence or a title: function words and
// common openers, an adverb opening the sentence ("Early on Monday ...").
func (x *Extractor) skipOpeners(toks []token, a, b int, head bool) int {
	for a <= b && commonCaps[strings.ToLower(toks[a].text)] && !(allCaps(toks[a].text) && len(toks[a].text) > 1 && !head) {
		if n, _, ok := x.longest(toks, a, b, false); ok && n > 1 {
			break
		}
		// "New" before a name is the name's ("New South Wales").
		if a < b && nameOpeners[toks[a].text] {
			break
		}
		a++
	}
	if a <= b && sentenceInitial(toks, a) && openerWord(toks[a]) && (!x.gaz.given[toks[a].text] || a == b && !strings.HasPrefix(toks[a].tag, "NNP")) {
		if _, _, ok := x.longest(toks, a, b, false); !ok {
			a++
		}
	}
	return a
}

// conjunctionAt returns the token of the "and" that joins two names in the
// chunk [a, b], or -1: "Russia and Ukraine" is two names; "Securities and
// Exchange Commission" and "Pacific Gas and Electric Company" are one;
// "Orvex Corp and Talbot Co" and "Commerzbank and Deutsche Bank" are two,
// for a company's legal form or a known name ends the first.
func (x *Extractor) conjunctionAt(toks []token, a, b int, caps bool) int {
	for k := a + 1; k < b; k++ {
		w := toks[k].text
		if w != "and" && w != "&" {
			continue
		}
		if x.wholeCompany(toks, a, k-1, caps) && (orgName(toks, k+1, b) || x.wholeCompany(toks, k+1, b, caps)) || !companyHeads[toks[b].text] && (!orgName(toks, a, b) || orgName(toks, a, k-1) && orgName(toks, k+1, b)) {
			// "U.S. Securities and Exchange Commission": a known
			// phrase that ends the chunk holds the "and".
			for s := a; s < k; s++ {
				if n, _, ok := x.longest(toks, s, b, caps); ok && s+n-1 == b {
					return -1
				}
			}
			return k
		}
	}
	return -1
}

// wholeCompany reports whether tokens [a, b] are one organisation's whole
// name: ended by a legal form ("Orvex Corp") or a known agency's name.
func (x *Extractor) wholeCompany(toks []token, a, b int, caps bool) bool {
	if a > b {
		return false
	}
	if b > a && companyHeads[toks[b].text] {
		return true
	}
	n, e, ok := x.longest(toks, a, b, caps)
	return ok && a+n-1 == b && e.typ == newsgraph.Agency
}

// legalTail reports whether tokens [p, b] are all a company's legal form
// ("Corp", "Co", "AG"), or none.
func legalTail(toks []token, p, b int) bool {
	for ; p <= b; p++ {
		if !companyHeads[toks[p].text] {
			return false
		}
	}
	return true
}

// gazStart returns where a gazetteer phrase may start in the chunk [i, j]:
// after an opening "The".
func gazStart(toks []token, i, j int) int {
	if i < j && toks[i].text == "The" {
		return i + 1
	}
	return i
}

// parseChunk turns a run of capitalised words, tokens [a, b] of sentence si,
// into mentions: gazetteer phrases, organisations by their head words,
// persons by their titles and given names, and what prose's NER labels.
func (x *Extractor) parseChunk(doc *document, si, a, b int, lab []string, head bool) []cand {
	toks := doc.sents[si].toks
	g := x.gaz
	a = x.skipOpeners(toks, a, b, head)
	if a > b {
		return nil
	}
	// Storms and ships are named like persons ("Hurricane Dorian", "MV
	// Alan Kurdi"); they are no actors, and neither are their short names.
	if a < b && nonActorStarts[strings.TrimSuffix(toks[a].text, ".")] {
		return []cand{{sent: si, first: a, last: b, nonActor: true}}
	}
	if marketIndex(toks, a, b) {
		return []cand{{sent: si, first: a, last: b, nonActor: true}}
	}
	for b > a && connectors[toks[b].text] {
		b--
	}
	caps := allCaps(doc.text[toks[a].start:toks[b].end])
	if k := x.conjunctionAt(toks, a, b, caps); k > 0 {
		return append(x.parseChunk(doc, si, a, k-1, lab, head), x.parseChunk(doc, si, k+1, b, lab, head)...)
	}
	// A title alone ("Prime Minister", "Vice President") names no one.
	if n := x.titleAt(toks, a, b); n == b-a+1 {
		return nil
	}
	// A known name that opens with a title's word ("Major League
	// Baseball"), maybe with its legal form ("General Motors Corp"), is
	// that name.
	if n, e, ok := x.longest(toks, a, b, caps); ok && legalTail(toks, a+n, b) && !head && x.titleAt(toks, a, b) > 0 && e.typ == newsgraph.Agency {
		c := gazCand(e, a, b)
		c.sent = si
		return []cand{c}
	}
	var out []cand
	emit := func(c cand) {
		c.sent = si
		out = append(out, c)
	}
	// A title before the name, in the chunk ("President Vladimir Putin",
	// "Mr Smith") or just before it in lower case ("spokesman John Kirby").
	title := ""
	titleStart := a
	if n := x.titleAt(toks, a, b); n > 0 && a+n <= b {
		title = strings.ToLower(joinText(doc, toks, a, a+n-1))
		a += n
		if toks[a].text == "of" || toks[a].text == "for" {
			// "Secretary of Defense", "President of Russia": a role of an
			// actor, not a person's title.
			title = ""
			a++
			if a <= b && toks[a].text == "the" {
				a++
			}
			if a > b {
				return nil
			}
			// "Speaker of the House Nancy Pelosi", "Minister of
			// Information Moammar al-Eryani": the portfolio, then the
			// person who holds it.
			if k := x.holderStart(toks, a, b); k > a {
				t := strings.ToLower(joinText(doc, toks, titleStart, k-1))
				out := x.parseChunk(doc, si, a, k-1, lab, head)
				return append(out, cand{sent: si, first: k, last: b, typ: newsgraph.Person, title: t, titleStart: titleStart,
					full: joinText(doc, toks, titleStart, b), fullReason: "title + name"})
			}
		}
	} else if a > 0 && roleBefore(toks[a-1].text) != "" {
		// "spokesman John Kirby", "then-prime-minister Thaksin Shinawatra".
		title = roleBefore(toks[a-1].text)
	} else if a > 1 && toks[a-1].text == "," && (roleBefore(toks[a-2].text) != "" || kinNouns[toks[a-2].text]) && b > a && !orgName(toks, a, b) {
		// An appositive after a role: "its director, Hamid Khanooki,",
		// "his son-in-law, Frédéric Salat-Baroux".
		title = toks[a-2].text
		if t := roleBefore(title); t != "" {
			title = t
		}
	}

	if head {
		// Capitals mean nothing in a headline: only gazetteer phrases
		// count here; resolution later finds the article's own names.
		return append(out, x.gazetteerCands(si, toks, a, b, caps)...)
	}

	// A whole organisation name, maybe behind a state's name or adjective
	// ("Turkish Ministry of Foreign Affairs").
	if n, e, ok := x.longest(toks, a, b, caps); ok && a+n-1 == b {
		if title == "" && e.typ == newsgraph.Agency && x.commonCompound(toks, a, b) {
			return nil
		}
		emit(gazCand(e, a, b))
		return out
	}
	if c, ok := x.clubName(doc, si, a, b, caps); ok && title == "" {
		return append(out, c)
	}
	if orgName(toks, a, b) || title == "" && x.describedOrg(toks, a, b) {
		// "law firm Sidley Austin": a descriptor noun before the chunk
		// makes all of it the organisation's name, places and given
		// names in it too.
		return append(out, x.orgCands(doc, si, a, b, caps)...)
	}
	// Given name first: a person, even when a later word is also a place
	// ("George Washington").
	if b > a && b-a <= 3 && g.given[toks[a].text] && (!x.anyGaz(toks, a, b, caps) || x.agencyAsSurname(toks, a, b)) && !placeHeads[toks[b].text] && !nonEntityHeads[toks[b].text] && !labelledOther(lab, a, b) && !(title == "" && teamScore(toks, b) && !labelledPerson(lab, a, b)) {
		emit(personCand(doc, toks, a, b, title, titleStart))
		return out
	}

	if c, ok := x.orgWithPlace(doc, si, a, b, caps); ok && title == "" {
		return append(out, c)
	}
	if c, ok := x.cityOrg(doc, si, a, b, caps); ok && title == "" {
		return append(out, c)
	}
	return append(out, x.splitAtGazetteer(doc, si, a, b, lab, title, titleStart, caps)...)
}

// agencyAsSurname reports whether [a, b] is a given name and one word that
// names an organisation or a state, read as the person's surname ("James
// Ford", "Tom Shell", "Michael Jordan"); acronyms ("John BBC") and
// demonyms are no surnames.
func (x *Extractor) agencyAsSurname(toks []token, a, b int) bool {
	if b != a+1 || allCaps(toks[b].text) {
		return false
	}
	_, e, ok := x.longest(toks, b, b, false)
	return ok && (e.typ == newsgraph.Agency || e.typ == newsgraph.State) && e.kind == kindName
}

// orgWithPlace reads "Youth Forum Zimbabwe", "Amnesty International
// Australia": an organisation's name, by its head word, then a state's or
// place's name closing the chunk, is one organisation, the state's when it
// is one.
func (x *Extractor) orgWithPlace(doc *document, si, a, b int, caps bool) (cand, bool) {
	toks := doc.sents[si].toks
	for k := a + 2; k <= b; k++ {
		n, e, ok := x.longest(toks, k, b, caps)
		if !ok || k+n-1 != b || e.typ != newsgraph.State && e.typ != newsgraph.Place || e.kind == kindDemonym {
			continue
		}
		if !orgHeads[toks[k-1].text] || !orgName(toks, a, k-1) {
			return cand{}, false
		}
		c := cand{sent: si, first: a, last: b, typ: newsgraph.Agency}
		if e.typ == newsgraph.State {
			c.stateOf = e.iso
		}
		return c, true
	}
	return cand{}, false
}

// splitAtGazetteer splits the name chunk [a, b] at gazetteer phrases; what
// lies between is a name to type by its own evidence. title, begun at token
// titleStart, is the title before the chunk's first name.
func (x *Extractor) splitAtGazetteer(doc *document, si, a, b int, lab []string, title string, titleStart int, caps bool) []cand {
	toks := doc.sents[si].toks
	var out []cand
	emit := func(c cand) {
		c.sent = si
		out = append(out, c)
	}
	i := a
	rest := a
	flush := func(p, q int) {
		for p < q && connectors[toks[p].text] && !startParticles[toks[p].text] || p == q && connectors[toks[p].text] {
			p++
		}
		for q >= p && connectors[toks[q].text] {
			q--
		}
		if p > q {
			return
		}
		for _, c := range x.nameCand(doc, si, p, q, lab, title, titleStart, a) {
			emit(c)
		}
		title = ""
	}
	for i <= b {
		n, e, ok := x.longest(toks, i, b, caps)
		if !ok {
			i++
			continue
		}
		flush(rest, i-1)
		c := gazCand(e, i, i+n-1)
		// "Russian President Vladimir Putin": the state qualifies the title
		// and person after it.
		if e.kind != kindCapital && e.kind != kindPlace && i+n <= b {
			if t := x.titleAt(toks, i+n, b); t > 0 && i+n+t <= b {
				emit(c)
				ts := i + n
				tt := strings.ToLower(joinText(doc, toks, ts, ts+t-1))
				p := personCand(doc, toks, ts+t, b, tt, ts)
				if e.typ == newsgraph.State {
					p.stateOf = e.iso
				}
				emit(p)
				return out
			}
		}
		emit(c)
		i += n
		rest = i
	}
	flush(rest, b)
	return out
}

// gazetteerCands returns the gazetteer phrases of tokens [a, b] that name
// no place: all a headline's capitals can be trusted with.
func (x *Extractor) gazetteerCands(si int, toks []token, a, b int, caps bool) []cand {
	var out []cand
	for i := a; i <= b; {
		if n, e, ok := x.longest(toks, i, b, caps); ok && e.typ != newsgraph.Place {
			c := gazCand(e, i, i+n-1)
			c.sent = si
			out = append(out, c)
			i += n
			continue
		}
		i++
	}
	return out
}

// orgCands reads the organisation name of tokens [a, b], maybe behind a
// state's name or adjective ("Turkish Ministry of Foreign Affairs") or
// before the state it belongs to ("Ministry of Defence of Russia").
func (x *Extractor) orgCands(doc *document, si, a, b int, caps bool) []cand {
	toks := doc.sents[si].toks
	c := cand{sent: si, first: a, last: b, typ: newsgraph.Agency}
	if n, e, ok := x.longest(toks, a, b, caps); ok && e.typ == newsgraph.State && e.kind != kindCapital && a+n <= b && orgName(toks, a+n, b) {
		c.stateOf = e.iso
		// The state's own name is part of the usual name ("United
		// States Department of State"); an adjective or a short form
		// is not ("Turkish Ministry of ...", "US Department of ...").
		c.full = joinText(doc, toks, a, b)
		c.fullReason = "with state adjective"
		if e.kind == kindName {
			c.fullReason = usualName
		}
		c.first = a + n
		c.lead = n
	}
	// "Ministry of Defence of Russia": the state the body belongs to
	// closes its name; the body is named without it, the state is a
	// mention of its own.
	if k, n, e, ok := x.ownerState(toks, c.first, b, caps); ok {
		if c.full == "" {
			c.full = joinText(doc, toks, a, b)
			c.fullReason = "with state"
		}
		c.stateOf = e.iso
		c.last = k - 1
		st := gazCand(e, b-n+1, b)
		st.sent = si
		return []cand{c, st}
	}
	return []cand{c}
}

// nameCand types tokens [p, q] that no gazetteer phrase covers.
func (x *Extractor) nameCand(doc *document, si, p, q int, lab []string, title string, titleStart, chunkStart int) []cand {
	c := x.nameCand1(doc, si, p, q, lab, title, titleStart, chunkStart)
	if c.typ == newsgraph.Person && c.first > p && orgName(doc.sents[si].toks, p, c.first-1) {
		return []cand{{sent: si, first: p, last: c.first - 1, typ: newsgraph.Agency}, c}
	}
	return []cand{c}
}

// nameCand1 types tokens [p, q]: a person after a title or role inside
// them, a place or an organisation by its head word, a person by a title
// before the chunk or a given name, an acronym; then by the words around
// them, and last by the tagger's labels.
func (x *Extractor) nameCand1(doc *document, si, p, q int, lab []string, title string, titleStart, chunkStart int) cand {
	toks := doc.sents[si].toks
	c := cand{first: p, last: q}
	if per, ok := x.personInside(doc, si, p, q, lab); ok {
		return per
	}
	if x.describedOrg(toks, p, q) {
		// "Empire magazine", "investment firm Grant Samuel": the
		// descriptor outweighs the name's own head word.
		c.typ = newsgraph.Agency
		return c
	}
	if nonEntityHeads[toks[q].text] {
		return c
	}
	if placeHeads[toks[q].text] || placeStarts[toks[p].text] {
		c.typ = newsgraph.Place
		return c
	}
	switch {
	case title != "" && p == chunkStart:
		return personCand(doc, toks, p, q, title, titleStart)
	case orgName(toks, p, q):
		c.typ = newsgraph.Agency
		return c
	case q > p && x.gaz.given[toks[p].text] && !labelledOther(lab, p, q):
		return personCand(doc, toks, p, q, "", p)
	case particledName(toks, p, q) && !labelledOther(lab, p, q):
		return personCand(doc, toks, p, q, "", p)
	case p == q && isAcronym(toks[p].text) && !notAcronyms[toks[p].text] && utf8.RuneCountInString(toks[p].text) <= 7:
		c.typ = newsgraph.Agency
		c.weak = true
		return c
	}
	if doc.sports && p == q && scorer(toks, p) {
		c.typ = newsgraph.Person
		return c
	}
	if typ, rule := x.typeByContext(toks, lab, p, q); rule != "" {
		c.typ = typ
		c.weak = typ == newsgraph.Agency
		c.byContext = true
		return c
	}
	// A role ("Minority Leader") is no actor, whatever the tagger says.
	if w := strings.ToLower(toks[q].text); lowerTitles[w] || personTitles[w] {
		return c
	}
	if doc.sports && p == q && x.playerActs(doc, toks, lab, p) {
		c.typ = newsgraph.Person
		c.weak = true
		return c
	}
	return x.typeByLabels(toks, lab, c)
}

// personInside finds a person named after other words inside tokens [p, q]:
// a title ("President X", "NYC Mayor de Blasio"), an organisation ("House
// Intelligence Committee Representative Adam Schiff"), or a role before a
// given name ("Minority Whip Dick Durbin").
func (x *Extractor) personInside(doc *document, si, p, q int, lab []string) (cand, bool) {
	toks := doc.sents[si].toks
	if n := x.titleAt(toks, p, q); n > 0 && p+n <= q {
		return personCand(doc, toks, p+n, q, strings.ToLower(joinText(doc, toks, p, p+n-1)), p), true
	}
	// Unknown words, a title, then the person: "NYC Mayor de Blasio".
	for k := p + 1; k < q; k++ {
		if n := x.titleAt(toks, k, q); n > 0 && k+n <= q && !orgName(toks, p, k-1) && !orgName(toks, p, q) {
			return personCand(doc, toks, k+n, q, strings.ToLower(joinText(doc, toks, k, k+n-1)), k), true
		}
	}
	// An organisation, then a person: "House Intelligence Committee
	// Representative Adam Schiff".
	for k := p + 1; k < q; k++ {
		if orgHeads[toks[k].text] && (x.gaz.given[toks[k+1].text] || k+2 <= q && x.gaz.given[toks[k+2].text] && q-k <= 4) {
			per := x.nameCand1(doc, si, k+1, q, lab, "", k+1, k+1)
			if per.typ == newsgraph.Person {
				return per, true
			}
		}
	}
	// A given name and a surname after unknown words: the words are a role
	// ("Minority Whip Dick Durbin") or a misspelt title.
	for k := p + 1; k < q && q-k <= 2; k++ {
		if x.gaz.given[toks[k].text] && !x.gaz.given[toks[p].text] && !orgName(toks, k, q) && !labelledOther(lab, p, q) && !nonEntityHeads[toks[q].text] && !placeHeads[toks[q].text] {
			if p > 0 && toks[p-1].text == "of" {
				// "Undersecretary of State John Sullivan": the words
				// are the portfolio of a title before them, no title.
				return personCand(doc, toks, k, q, "", k), true
			}
			return personCand(doc, toks, k, q, strings.ToLower(joinText(doc, toks, p, k-1)), p), true
		}
	}
	return cand{}, false
}

// typeByLabels types the unknown name c by the tagger's labels, a weak
// signal: the label most of its words have, unless the words are common
// ones; two or three untagged title-cased words that act are a person.
func (x *Extractor) typeByLabels(toks []token, lab []string, c cand) cand {
	p, q := c.first, c.last
	per, loc, org := 0, 0, 0
	if untagged(lab, p, q) && q > p && q-p <= 2 && q+1 < len(toks) && (strings.HasPrefix(toks[q+1].tag, "VB") || toks[q+1].tag == "MD") && titleCased(toks, p, q) {
		// Two or three unknown title-cased words that act ("Recep Tayyip
		// Erdoğan won") are most often a person.
		if x.commonWords(toks, p, q) {
			return c
		}
		c.typ = newsgraph.Person
		c.weak = true
		return c
	}
	for k := p; k <= q && k < len(lab); k++ {
		switch strings.TrimLeft(lab[k], "BI-") {
		case "PERSON":
			per++
		case "GPE":
			loc++
		case "ORGANIZATION":
			org++
		}
	}
	c.weak = true
	switch {
	case p == q && org > 0 && adjectiveLike(toks[p].text):
		// "Federal", "African": an adjective the tagger took for a name.
	case org > 0 && adjectiveLike(toks[q].text) && q+1 < len(toks) && strings.HasPrefix(toks[q+1].tag, "NN") && !isCap(toks[q+1]):
		// "the Middle Eastern nation", "a Roman Catholic church": words
		// ending in an adjective before a noun qualify it.
	case per > 0 && per >= loc && per >= org && q > p && x.commonWords(toks, p, q):
		// "Grateful Dead", "Crew Dragon": capitalised common words with no
		// given name are a title or a thing's name more often than a
		// person's.
	case per > 0 && per >= loc && per >= org:
		c.typ = newsgraph.Person
	case org > 0 && org >= loc:
		c.typ = newsgraph.Agency
	case loc > 0:
		c.typ = newsgraph.Place
	}
	return c
}

func personCand(doc *document, toks []token, p, q int, title string, titleStart int) cand {
	c := cand{first: p, last: q, typ: newsgraph.Person, title: title, titleStart: titleStart}
	if title != "" && titleStart < p {
		c.full = joinText(doc, toks, titleStart, q)
		c.fullReason = "title + name"
	}
	return c
}

func gazCand(e entry, first, last int) cand {
	c := cand{first: first, last: last, typ: e.typ, name: e.name, reason: kindReason[e.kind]}
	switch {
	case e.typ == newsgraph.State:
		c.key = "state:" + e.iso
		c.capital = e.kind == kindCapital
		if c.capital {
			c.stateOf = e.iso
		}
	case e.kind == kindUSState:
		c.key = "usstate:" + slug(e.name)
	default:
		c.key = strings.ToLower(string(e.typ)) + ":" + slug(e.name)
		if e.typ == newsgraph.Agency && e.kind == kindAcronym {
			c.partyOf = e.iso
		}
	}
	return c
}

// longest finds the longest gazetteer phrase that starts at token i and ends
// by token b; it returns its length in tokens. It stops at the first run of
// tokens no phrase starts with: a token's key is never empty (tokens hold
// no space), so no longer run can match.
func (x *Extractor) longest(toks []token, i, b int, caps bool) (int, entry, bool) {
	g := x.gaz
	var arr [64]byte
	key := arr[:0]
	best, bestE := 0, entry{}
	for j := i; j <= b && j-i < g.maxLen; j++ {
		key = appendPhraseKey(key, toks[j].text)
		found, more := g.keys[string(key)].match(caps)
		if found {
			best, bestE = j-i+1, g.at(key, caps)
		}
		if !more {
			break
		}
	}
	return best, bestE, best > 0
}

// ownerState finds a state closing an organisation's name, tokens [a, b],
// after "of" ("Ministry of Defence of Russia", "Parliament of the United
// Kingdom"): it returns the index of "of", the state's length in tokens and
// its entry. The rest before "of" must still read as a state's own body; a
// bank's, a party's or an association's state is part of its name
// ("Reserve Bank of Australia", "National Party of Australia").
func (x *Extractor) ownerState(toks []token, a, b int, caps bool) (int, int, entry, bool) {
	for k := a + 1; k < b; k++ {
		if toks[k].text != "of" {
			continue
		}
		s := k + 1
		if toks[s].text == "the" {
			s++
		}
		if s > b {
			return 0, 0, entry{}, false
		}
		n, e, ok := x.longest(toks, s, b, caps)
		if ok && s+n-1 == b && e.typ == newsgraph.State && e.kind != kindCapital && e.kind != kindDemonym && orgName(toks, a, k-1) && govBody(toks, a, k-1) {
			return k, n, e, true
		}
	}
	return 0, 0, entry{}, false
}

// stateBodies are head words of a state's own services that, unlike
// govHeads, other bodies also have ("Central Intelligence Agency of the
// United States").
var stateBodies = lexicon.NewSet("Agency", "Bureau", "Service", "Office", "Directorate", "Administration")

// govBody reports whether a head word of a state's own body is among
// tokens [a, b] ("Ministry", "Parliament", "Agency").
func govBody(toks []token, a, b int) bool {
	for k := a; k <= b; k++ {
		if govHeads[toks[k].text] || stateBodies[toks[k].text] {
			return true
		}
	}
	return false
}

// anyGaz reports whether a gazetteer phrase other than a place starts within
// tokens [a+1, b].
func (x *Extractor) anyGaz(toks []token, a, b int, caps bool) bool {
	for i := a + 1; i <= b; i++ {
		if _, e, ok := x.longest(toks, i, b, caps); ok && e.typ != newsgraph.Place && e.kind != kindCapital {
			return true
		}
	}
	return false
}

// titleAt returns how many tokens a title of a person takes at token i
// ("Prime Minister", "Mr."), or 0.
func (x *Extractor) titleAt(toks []token, i, b int) int {
	best := 0
	var key strings.Builder
	for j := i; j <= b && j-i < 4; j++ {
		if j > i {
			key.WriteByte(' ')
		}
		key.WriteString(strings.ToLower(toks[j].text))
		k := key.String()
		if personTitles[k] || strings.HasSuffix(k, "s") && personTitles[k[:len(k)-1]] {
			best = j - i + 1
		}
	}
	// "Broadcaster Piers Morgan", "Striker Tom Harris": a role word
	// capitalised before a given name is a title too.
	if best == 0 && i < b && isCap(toks[i]) && lowerTitles[strings.ToLower(toks[i].text)] && x.gaz.given[toks[i+1].text] {
		best = 1
	}
	return best
}

// orgName reports whether tokens [a, b] name an organisation by their form:
// a head word at the end ("Defence Ministry", "Labour Party") or before "of"
// ("Ministry of Defence", "Bank of England"), or a word of another language
// that opens one ("Banco Bilbao Vizcaya", orgOpeners).
func orgName(toks []token, a, b int) bool {
	if a > b {
		return false
	}
	if orgHeads[toks[b].text] && (b > a || orgAlone[toks[b].text]) || b > a && orgOpeners[toks[a].text] {
		return true
	}
	for k := a; k < b; k++ {
		if w := toks[k+1].text; orgHeads[toks[k].text] && (w == "of" || w == "for" || w == "on") {
			return true
		}
	}
	return false
}

func joinText(doc *document, toks []token, a, b int) string {
	return doc.text[toks[a].start:toks[b].end]
}

// slug lower-cases s, folds accents to ASCII and joins the words with "-".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		} else if r != '\'' && r != '.' {
			dash = true
		}
	}
	return b.String()
}

// fold maps accented Latin letters to their base letters ("Erdoğan" ->
// "Erdogan") and curly apostrophes to straight ones: it decomposes the text
// (NFD), drops the combining marks of Latin letters and composes what is
// left again, so other scripts' letters ("й", Hangul) stay as they are.
func fold(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	latin := false // whether the last base letter is Latin
	for _, r := range norm.NFD.String(s) {
		switch f, ok := foldLetters[r]; {
		case unicode.Is(unicode.Mn, r) && latin:
		case ok:
			b.WriteString(f)
			latin = true
		default:
			b.WriteRune(r)
			if !unicode.Is(unicode.Mn, r) {
				latin = unicode.Is(unicode.Latin, r)
			}
		}
	}
	return norm.NFC.String(b.String())
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// foldLetters are the letters folding maps that Unicode does not decompose
// into a base letter and marks, and curly apostrophes.
var foldLetters = map[rune]string{'’': "'", '‘': "'", 'ß': "ss", 'Æ': "AE", 'æ': "ae",
	'Ø': "O", 'ø': "o", 'Ł': "L", 'ł': "l", 'đ': "d", 'Đ': "D", 'ı': "i"}

// camelName reports whether a word that opens in lower case has a capital
// inside, as brands and platforms are written ("iTunes", "eBay",
// "easyJet").
func camelName(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) || len(w) < 3 {
		return false
	}
	upper := false
	for _, r := range w[n:] {
		switch {
		case unicode.IsUpper(r):
			upper = true
		case !unicode.IsLetter(r):
			return false
		}
	}
	return upper
}

// particleName reports whether a lower-case word is a name with a particle
// ("al-Assad", "el-Sisi", "bin-Salman", "d'Estaing").
func particleName(w string) bool {
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "bin-", "ibn-", "abu-", "d'", "d’"} {
		if len(w) > len(p) && strings.HasPrefix(w, p) {
			r, _ := utf8.DecodeRuneInString(w[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// stateService finds a state's service named by a common noun after the
// state ("US intelligence", "the Russian military"): an agency whose mention
// is the noun and whose name keeps the state's word.
func (x *Extractor) stateService(doc *document, si int, st cand) (cand, bool) {
	toks := doc.sents[si].toks
	k := st.last + 1
	for n := 2; n >= 1; n-- {
		if k+n > len(toks) {
			continue
		}
		if st.reason == "demonym" {
			break
		}
		w := strings.ToLower(joinText(doc, toks, k, k+n-1))
		if !serviceNouns[w] || !strings.HasPrefix(toks[k].text, strings.ToLower(toks[k].text[:1])) {
			continue
		}
		name := joinText(doc, toks, st.first, k+n-1)
		return cand{sent: si, first: k, last: k + n - 1, typ: newsgraph.Agency,
			key: "agency:" + slug(name), name: name, stateOf: st.key[len("state:"):]}, true
	}
	return cand{}, false
}

// roleBefore returns the role a lower-case word before a name gives its
// person: a role noun ("spokesman"), or a title written with hyphens, maybe
// after "then-", "ex-" or "former-" ("then-prime-minister" is "prime
// minister"); else "".
func roleBefore(w string) string {
	if lowerTitles[w] {
		return w
	}
	if !strings.Contains(w, "-") || w != strings.ToLower(w) {
		return ""
	}
	for _, p := range []string{"then-", "ex-", "former-", "now-"} {
		w = strings.TrimPrefix(w, p)
	}
	t := strings.ReplaceAll(w, "-", " ")
	if personTitles[t] || lowerTitles[t] {
		return t
	}
	return ""
}

// localForces after a place's name, in lower case, make the place's force
// an organisation: "Northamptonshire police".
var localForces = lexicon.NewSet("police", "constabulary")

// nameOpeners are words of commonCaps that, capitalised inside a sentence
// before another capitalised word, begin a name ("New South Wales",
// "Greater Manchester").
var nameOpeners = lexicon.NewSet("New", "Greater")

// sentenceInitial reports whether token i opens its sentence or a quotation
// or clause within it, where any word is capitalised.
func sentenceInitial(toks []token, i int) bool {
	if i == 0 {
		return true
	}
	switch toks[i-1].text {
	case `"`, "“", "‘", "'", "(", ":", "-", "–", "—", "[":
		return true
	}
	return false
}

// openerWord reports whether a capitalised word is an adverb or function
// word by its tag or its "-ly" ending ("Early", "Only", "Nearly").
func openerWord(t token) bool {
	switch t.tag {
	case "RB", "RBR", "RBS", "WRB", "IN", "DT", "CC", "UH", "MD", "PDT", "WDT":
		return !allCaps(t.text) || len(t.text) == 1
	}
	w := strings.ToLower(t.text)
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !allCaps(t.text)
}

// labelledOther reports whether the tagger labels tokens [a, b] as one span
// of a place or an organisation: a given name then opens a place's name
// ("Lincoln Park") or a company's ("Ford Motor").
func labelledOther(lab []string, a, b int) bool {
	if b >= len(lab) {
		return false
	}
	typ := strings.TrimPrefix(lab[a], "B-")
	if typ != "GPE" && typ != "ORGANIZATION" || !strings.HasPrefix(lab[a], "B-") {
		return false
	}
	for k := a + 1; k <= b; k++ {
		if lab[k] != "I-"+typ {
			return false
		}
	}
	return true
}

// adjectiveLike reports whether a single capitalised word has the ending
// of an adjective of nationality or kind ("African", "Federal", "Islamic").
func adjectiveLike(w string) bool {
	if allCaps(w) {
		return false
	}
	w = strings.ToLower(w)
	for _, suf := range []string{"ian", "ean", "ese", "ish", "ic", "al", "ern", "ary", "ive", "ous"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// commonWords reports whether tokens [p, q] are all English dictionary
// words and none a given name ("Neurosurgery Olympiad", "Star Trek").
func (x *Extractor) commonWords(toks []token, p, q int) bool {
	for k := p; k <= q; k++ {
		if x.gaz.given[toks[k].text] || !x.commonWord(toks[k].text) {
			return false
		}
	}
	return true
}

// commonWord reports whether w is an English word rather than a name:
// golem's dictionary knows inflected words ("Dragon", "Reports"); function
// words and adjectives by their endings ("Grateful", "Supreme",
// "Democratic") it often does not.
func (x *Extractor) commonWord(w string) bool {
	if allCaps(w) || x.gaz.given[w] {
		return false
	}
	if dictWord(w) || commonCaps[strings.ToLower(w)] {
		return true
	}
	lw := strings.ToLower(w)
	for _, suf := range adjectiveSuffixes {
		if len(lw) > len(suf)+3 && strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// untagged reports whether the tagger gave tokens [p, q] no label.
func untagged(lab []string, p, q int) bool {
	for k := p; k <= q && k < len(lab); k++ {
		if lab[k] != "O" && lab[k] != "" {
			return false
		}
	}
	return true
}

// titleCased reports whether tokens [p, q] are all words with a capital and
// then lower-case letters.
func titleCased(toks []token, p, q int) bool {
	for k := p; k <= q; k++ {
		w := toks[k].text
		if !isCap(toks[k]) || allCaps(w) || !isWord(w) || strings.ContainsAny(w, "0123456789") {
			return false
		}
	}
	return true
}

// checkAgency takes back an agency reading of a two-word name that is a
// verdict ("Great Service") or of a one-word name that its form
// contradicts: a plural of people ("Kurds", "Europeans"), a dictionary word
// the tagger guessed at ("Fashion", "Voice"), a word in capitals that is an
// English word ("ZERO"), a model or an amount ("XC90", "GBP738").
func (x *Extractor) checkAgency(doc *document, si int, c cand) cand {
	toks := doc.sents[si].toks
	if c.last == c.first+1 && praiseWords[toks[c.first].text] && orgHeads[toks[c.last].text] {
		// "Great Service", "Poor School": a review's verdict.
		c.typ = ""
		return c
	}
	if c.first != c.last {
		return c
	}
	w := strings.TrimSuffix(toks[c.first].text, ".")
	lw := strings.ToLower(w)
	// "the Observer", "the Greens": a name the article writes with "the".
	the := c.first > 0 && strings.EqualFold(toks[c.first-1].text, "the") && !sentenceInitial(toks, c.first)
	switch {
	case modelOrAmount(w) && !c.byContext:
		// "U2 frontman": the words around make even a model's shape
		// a name.
		c.typ = ""
	case orgAlone[w] || orgHeads[w] || w == "House" || the:
	case (c.team || c.byContext && teamRuleFor(toks, c.first, c.last) != "") && !(x.commonWord(w) && !x.gaz.sportsClubs[foldKey(w)]):
		// "Arsenal 2 Rangers 1": a team, whatever its word, but
		// "Halftime 1-0" and "Attendance 30,000" of a results line
		// are no clubs.
	case !allCaps(w) && (strings.HasSuffix(lw, "ans") || strings.HasSuffix(lw, "ers") || strings.HasSuffix(lw, "ists") ||
		strings.HasSuffix(lw, "ites") || strings.HasSuffix(lw, "is") && strings.HasSuffix(lw, "dis") || len(lw) > 3 && strings.HasSuffix(lw, "s") && x.commonWord(w[:len(w)-1])):
		// "Europeans", "Kurds", "Egyptologists": people, not a body.
		c.typ = ""
	case c.weak && !allCaps(w) && x.commonWord(w):
		c.typ = ""
	case allCaps(w) && len(w) >= 4 && strings.ContainsAny(w, "AEIOU") && lemmaDict(lw) && !strings.ContainsAny(w, ".-&"):
		c.typ = ""
	case allCaps(w) && (minorWords[lw] || commonCaps[lw]):
		// "AND", "THE", "GO": a function word shouted, no acronym.
		c.typ = ""
	}
	return c
}

// lemmaDict reports whether golem's dictionary knows the lower-case word w.
func lemmaDict(w string) bool {
	l := lemmatizer()
	return l != nil && l.InDict(w)
}

// modelOrAmount reports whether w, one token with digits, is a model
// number, a measure or an amount ("XC90", "A300s", "AR-15", "PM2.5",
// "GBP738") rather than an acronym ("G20", "TVN24").
func modelOrAmount(w string) bool {
	if !strings.ContainsAny(w, "0123456789") {
		return false
	}
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	for code := range currencyCodes {
		if strings.HasPrefix(w, code) {
			return true
		}
	}
	if w[0] == 'G' && letters == 1 {
		return false
	}
	return letters <= 2 || strings.ContainsAny(w, "-.") || strings.HasSuffix(w, "s")
}

// holderStart finds where a person's name begins after a portfolio, tokens
// [a, b] after "Minister of": a given name that opens the last two to four
// words, or the words after one dictionary word that are none. It returns a
// when there is no name.
func (x *Extractor) holderStart(toks []token, a, b int) int {
	for k := a + 1; k <= b-1; k++ {
		if x.gaz.given[toks[k].text] && b-k <= 3 && !x.anyGaz(toks, k, b, false) {
			return k
		}
	}
	// "Mayor of London Sadiq Khan": a place or state, then the name.
	if n, _, ok := x.longest(toks, a, b, false); ok && a+n < b && b-(a+n) <= 2 && !x.anyGaz(toks, a+n-1, b, false) {
		return a + n
	}
	if b-a >= 2 && b-a <= 3 && x.commonWord(toks[a].text) {
		for k := a + 1; k <= b; k++ {
			if x.commonWord(toks[k].text) || x.gaz.given[toks[k].text] {
				return a
			}
		}
		return a + 1
	}
	return a
}

// possessive reports whether w is the possessive ending "'s".
func possessive(w string) bool {
	return w == "'s" || w == "’s" || w == "'" || w == "’"
}
