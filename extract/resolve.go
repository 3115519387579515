package extract

import (
	"context"
	"sort"
	"strings"
	"unicode"

	"newsgraph"
	"newsgraph/extract/internal/lexicon"
)

// group is one actor being assembled from its mentions.
type group struct {
	typ     newsgraph.EntityType
	key     string
	name    string // canonical name when fixed (gazetteer), else chosen later
	iso     string
	title   string // a person's title ("president"), lower case
	stateOf string // the state a person's title or an agency belongs to
	cands   []int  // indexes into the candidates
	aliases map[string]string
	order   int  // first mention, for a stable output order
	team    bool // a sports team (recognize_teams.go): sector SPORT
	paper   bool // a press digest's paper (digest.go): sector MEDIA
}

// resolve groups doc.cands into actors, one group per actor, and fills
// doc.ents and the sentences' mentions.
func (x *Extractor) resolve(ctx context.Context, doc *document) error {
	return resolve(ctx, doc, doc.cands, x.gaz)
}

// resolve groups cands into the actors of doc: first what recognition keyed
// and full names, then the short forms, then what is left by its text.
func resolve(ctx context.Context, doc *document, cands []cand, g *gazetteer) error {
	cands = dropNonActors(doc, cands)
	stripTitles(doc, cands)
	agreeOrgTypes(doc, cands)
	possessiveStates(doc, cands)
	usContext(cands)
	usLists(doc, cands)
	for i := range cands {
		decideCapital(doc, &cands[i])
	}
	text := func(c cand) string {
		toks := doc.sents[c.sent].toks
		return doc.text[toks[c.first].start:toks[c.last].end]
	}
	var groups []*group
	byKey := map[string]*group{}
	join := func(k string, ci int, c cand) *group {
		if c.typ == newsgraph.Agency && c.stateOf != "" && strings.HasPrefix(k, "agency:") {
			// Two states' bodies of one name are two actors.
			k = "agency:" + c.stateOf + ":" + strings.TrimPrefix(k, "agency:")
		}
		gr := byKey[k]
		if gr == nil {
			gr = &group{typ: c.typ, key: k, name: c.name, aliases: map[string]string{}, order: ci}
			if strings.HasPrefix(k, "state:") {
				gr.iso = strings.TrimPrefix(k, "state:")
			}
			byKey[k] = gr
			groups = append(groups, gr)
		}
		gr.cands = append(gr.cands, ci)
		if c.title != "" && gr.title == "" {
			gr.title = c.title
		}
		// A team by a team rule or a club of the gazetteer.
		gr.team = gr.team || c.typ == newsgraph.Agency && (c.team || g != nil && c.name != "" && g.sectors[c.name] == newsgraph.Sport)
		gr.paper = gr.paper || c.paper && c.typ == newsgraph.Agency
		if c.stateOf != "" && gr.stateOf == "" && c.typ != newsgraph.State {
			gr.stateOf = c.stateOf
		}
		return gr
	}

	partOfAgency(cands, text)

	// Pass 1: what recognition already keyed, and full names of persons
	// and agencies.
	var later []int
	for ci, c := range cands {
		switch {
		case strings.HasPrefix(c.key, "place:") && c.first == c.last && !c.keepPlace:
			// A city's name may be a surname ("Bolton"): decided later.
			later = append(later, ci)
		case c.key != "":
			join(c.key, ci, c)
		case c.typ == newsgraph.Person && c.last > c.first && !surnameParticle(doc.sents[c.sent].toks[c.first].text):
			// A surname with its particle ("de Blasio") is a short form.
			join("person:"+personKey(text(c)), ci, c)
		case c.typ == newsgraph.Agency && !c.weak && !isAcronym(text(c)):
			join("agency:"+foldKey(text(c)), ci, c)
		default:
			later = append(later, ci)
		}
	}

	mergePrefixes(groups, byKey, cands, text)
	mergeMiddleNames(groups, cands, text)
	mergeEUForms(groups, cands, text)
	mergeHeadForms(groups, cands, text)

	defined := definedAcronyms(doc, groups, cands)

	// Pass 2: short forms join the one actor they can stand for.
	ix := newShortIndex(doc, groups, cands, text)
	var rest []int
	for n, ci := range later {
		if stopped(ctx, n) {
			return ctx.Err()
		}
		c := cands[ci]
		t := text(c)
		if gr := defined[t]; gr != nil {
			ix.add(gr, ci)
			ix.setAlias(gr, t, "acronym defined in text")
			continue
		}
		var amb newsgraph.EntityType
		if gr := ix.match(c, t, &amb); gr != nil {
			ix.add(gr, ci)
			continue
		}
		if amb == newsgraph.Person {
			cands[ci].typ = newsgraph.Person
			cands[ci].weak = false
			cands[ci].key = "person:" + foldKey(t)
		}
		rest = append(rest, ci)
	}
	// Pass 3: what is left stands alone when typed, grouped by its text.
	lone := loneSurnames(doc, cands, rest, text, givenNames(g))
	var untyped []int
	for _, ci := range rest {
		c := cands[ci]
		if c.typ == "" {
			untyped = append(untyped, ci)
			continue
		}
		if c.key != "" {
			join(c.key, ci, c)
			continue
		}
		if c.weak && c.typ == newsgraph.Person && c.first == c.last && !(doc.sports && playerCue(doc, doc.sents[c.sent].toks, c.first)) && !lone[text(c)] {
			// A lone capitalised word prose calls a person, never named
			// in full, is too often a place or a common word; in a
			// sports report a player's cue keeps it ("Hirst scored").
			continue
		}
		if c.first == c.last && genericWord(text(c)) {
			// "Police", "Ministry", "Authorities": a common noun that
			// joined no name is no actor.
			continue
		}
		join(strings.ToLower(string(c.typ))+":"+foldKey(text(c)), ci, c)
	}

	// An untyped word that is the whole name of a person or a team found
	// alone elsewhere ("( Holmqvist 12 )" ... "Holmqvist gave") is that
	// actor.
	for _, ci := range untyped {
		t := foldKey(text(cands[ci]))
		for _, typ := range []newsgraph.EntityType{newsgraph.Person, newsgraph.Agency} {
			if gr := byKey[strings.ToLower(string(typ))+":"+t]; gr != nil && gr.typ == typ && (typ == newsgraph.Person || gr.team) {
				cands[ci].typ = typ
				join(gr.key, ci, cands[ci])
				break
			}
		}
	}

	knownAsJoins(doc, groups, cands, text)
	cands = roleMentions(doc, groups, cands)

	// Headlines: find the article's names again in title-cased lines.
	x := headlineMentions(doc, groups, cands, text)
	cands = append(cands, x...)
	for i := range x {
		if gr := byKey[x[i].key]; gr != nil {
			gr.cands = append(gr.cands, len(cands)-len(x)+i)
		}
	}

	placeVotes(groups, cands)
	descriptorAliases(doc, groups, cands)
	build(doc, groups, cands, g, text)
	repeatedNames(doc)
	prefixStates(doc, g)
	return nil
}

// knownAsJoins joins the two names of "A, also known as B", "A (aka B)",
// "A, formerly known as B" into A's actor when both are of one type.
func knownAsJoins(doc *document, groups []*group, cands []cand, text func(cand) string) {
	owner := map[int]*group{}
	at := map[[2]int]int{} // sentence, first token -> cand
	for _, gr := range groups {
		for _, ci := range gr.cands {
			owner[ci] = gr
			at[[2]int{cands[ci].sent, cands[ci].first}] = ci
		}
	}
	for ci, a := range cands {
		ga := owner[ci]
		if ga == nil {
			continue
		}
		k := knownAsEnd(doc.sents[a.sent].toks, a.last)
		if k < 0 {
			continue
		}
		bi, ok := at[[2]int{a.sent, k}]
		gb := owner[bi]
		if !ok || gb == nil || gb == ga || gb.typ != ga.typ || gb.iso != "" || ga.iso != "" {
			continue
		}
		ga.cands = append(ga.cands, gb.cands...)
		ga.aliases[text(cands[bi])] = "also known as"
		gb.cands = nil
		for _, c := range ga.cands {
			owner[c] = ga
		}
	}
}

// knownAsEnd returns the token after "also known as" (or "aka", "a.k.a.",
// "formerly known as", "better known as") following token last, a comma or
// bracket and a "the" allowed between, or -1.
func knownAsEnd(toks []token, last int) int {
	k := last + 1
	if k < len(toks) && (toks[k].text == "," || toks[k].text == "(") {
		k++
	}
	switch {
	case k < len(toks) && (strings.EqualFold(toks[k].text, "aka") || strings.EqualFold(toks[k].text, "a.k.a.")):
		k++
	case k+2 < len(toks) && knownAsAdverbs[strings.ToLower(toks[k].text)] && toks[k+1].text == "known" && toks[k+2].text == "as":
		k += 3
	default:
		return -1
	}
	if k < len(toks) && strings.EqualFold(toks[k].text, "the") {
		k++
	}
	return k
}

var knownAsAdverbs = lexicon.NewSet("also", "formerly", "better", "otherwise", "popularly", "commonly")

// definedAcronyms returns the groups of the acronyms the text defines in
// brackets after a name: "Ministry of Defence (MoD)".
func definedAcronyms(doc *document, groups []*group, cands []cand) map[string]*group {
	defined := map[string]*group{}
	for _, gr := range groups {
		for _, ci := range gr.cands {
			c := cands[ci]
			toks := doc.sents[c.sent].toks
			if c.last+2 < len(toks) && toks[c.last+1].text == "(" &&
				(c.last+3 >= len(toks) || toks[c.last+3].text == ")") &&
				isAcronym(toks[c.last+2].text) {
				defined[toks[c.last+2].text] = gr
			}
		}
	}
	return defined
}

// descriptorAliases gives each agency the forms of its name written with a
// descriptor beside it ("Reuters news agency") as aliases.
func descriptorAliases(doc *document, groups []*group, cands []cand) {
	for _, gr := range groups {
		if gr.typ != newsgraph.Agency {
			continue
		}
		for _, ci := range gr.cands {
			if a := descriptorAlias(doc, cands[ci]); a != "" {
				if _, ok := gr.aliases[a]; !ok {
					gr.aliases[a] = "name with descriptor"
				}
			}
		}
	}
}

// descriptorAlias returns the agency's name with a descriptor phrase
// beside it, when there is one: after the name in lower case ("Reuters news
// agency"), or between an article and the name ("the Russian state media
// agency TASS" gives "Russian state media agency TASS").
func descriptorAlias(doc *document, c cand) string {
	toks := doc.sents[c.sent].toks
	// After: up to three lower-case words ending in a descriptor noun.
	for n := 1; n <= 3 && c.last+n < len(toks); n++ {
		t := toks[c.last+n]
		if !isWord(t.text) || isCap(t) || !descriptorWord(t) {
			break
		}
		if descriptorNouns[t.text] {
			if n == 1 && (t.text == "group" || t.text == "service") {
				break
			}
			return doc.text[toks[c.first].start:t.end]
		}
	}
	// Before: "the|a|an" then at most four words, lower case or a state's
	// adjective, the last a descriptor noun.
	k := c.first - 1
	if k < 1 || !descriptorNouns[toks[k].text] {
		return ""
	}
	for j := k - 1; j >= 0 && k-j <= 4; j-- {
		w := toks[j].text
		switch strings.ToLower(w) {
		case "the", "a", "an":
			if j+1 == k {
				return "" // "the agency TASS": a bare noun adds nothing
			}
			return doc.text[toks[j+1].start:toks[c.last].end]
		}
		if !isWord(w) || isCap(toks[j]) && !demonymLike(w) || !isCap(toks[j]) && !descriptorWord(toks[j]) {
			return ""
		}
	}
	return ""
}

// descriptorWord reports whether a word may be part of a descriptor
// phrase: a noun or an adjective ("state media agency"), not a preposition
// or a conjunction ("a report from investment firm X", "X and the party").
func descriptorWord(t token) bool {
	return t.tag == "" || strings.HasPrefix(t.tag, "NN") || strings.HasPrefix(t.tag, "JJ") || t.tag == "VBN" || t.tag == "VBG"
}

// demonymLike reports whether a capitalised word reads as a state's
// adjective ("Russian", "British", "Chinese").
func demonymLike(w string) bool {
	l := strings.ToLower(w)
	for _, suf := range []string{"an", "ish", "ese", "ic", "i"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

// decideCapital makes a capital the state when it acts as one: it does
// something ("Moscow has claimed"), owns something ("Moscow's"), or is fought
// for or dealt with ("fight for Moscow", "talks with Beijing").
func decideCapital(doc *document, c *cand) {
	if !c.capital && !strings.HasPrefix(c.key, "usstate:") {
		return
	}
	toks := doc.sents[c.sent].toks
	acts := false
	if c.last+1 < len(toks) {
		n := toks[c.last+1]
		if strings.HasPrefix(n.tag, "VB") || n.tag == "MD" || n.text == "'s" || n.text == "’s" {
			acts = true
		}
		if c.capital && (n.tag == "VBN" || n.tag == "VBG") {
			acts = false
		}
	}
	if c.first > 0 {
		switch strings.ToLower(toks[c.first-1].text) {
		case "for", "against", "with", "by", "sued", "sue", "sues", "suing":
			acts = true
		case "in", "at", "near", "to", "from", "into", "of", "outside", "around":
			if c.capital {
				acts = false
			}
		}
	}
	if c.capital {
		if acts {
			return
		}
		c.typ = newsgraph.Place
		c.name = doc.text[toks[c.first].start:toks[c.last].end]
		c.key = "place:" + slug(c.name)
		c.reason = ""
		c.stateOf = ""
		c.capital = false
		return
	}
	// A US state: a place, unless it acts as a government ("Montana
	// sued", "Montana also certified", "sued by Montana"); then it is the
	// state's government, an agency of the US (agency:us:montana).
	v := c.last + 1
	if v+1 < len(toks) && strings.HasPrefix(toks[v].tag, "RB") {
		v++
	}
	if v < len(toks) && govVerbs[strings.ToLower(toks[v].text)] ||
		c.first > 0 && govBefore[strings.ToLower(toks[c.first-1].text)] {
		usStateAgency(c)
	}
}

// usStateAgency makes the US state c its government: an agency of the US.
func usStateAgency(c *cand) {
	c.typ = newsgraph.Agency
	c.key = usGovKey + slug(c.name)
	c.stateOf = "us"
}

// usGovKey opens the group key of a US state's government; its entity id is
// "agency:us:" and the state's slug.
const usGovKey = "usgov:"

var govBefore = lexicon.NewSet("sued", "sue", "sues", "suing", "against", "v.", "vs.", "versus", "by")

// usLists makes every US state of a list act when one does: "California,
// Maine and Oregon sued" or "attorneys general from Maine, Oregon, ...".
func usLists(doc *document, cands []cand) {
	for i := 0; i < len(cands); {
		if !strings.HasPrefix(cands[i].key, "usstate:") {
			i++
			continue
		}
		j := i
		for j+1 < len(cands) && strings.HasPrefix(cands[j+1].key, "usstate:") && cands[j+1].sent == cands[i].sent && listGap(doc.sents[cands[i].sent].toks, cands[j].last, cands[j+1].first) {
			j++
		}
		if j > i {
			toks := doc.sents[cands[i].sent].toks
			acts := false
			f := cands[i].first
			if f >= 2 && strings.ToLower(toks[f-1].text) == "from" && strings.HasPrefix(strings.ToLower(toks[f-2].text), "general") {
				acts = true
			}
			for k := i; k <= j; k++ {
				c := cands[k]
				decideCapital(doc, &c)
				if c.typ == newsgraph.Agency {
					acts = true
				}
			}
			if acts {
				for k := i; k <= j; k++ {
					usStateAgency(&cands[k])
				}
			}
		}
		i = j + 1
	}
}

// listGap reports whether only commas and "and" lie between tokens a and b.
func listGap(toks []token, a, b int) bool {
	for k := a + 1; k < b; k++ {
		if w := toks[k].text; w != "," && w != "and" && w != "or" {
			return false
		}
	}
	return b > a+1
}

// initials are the capitals of a name's words, without function words:
// "Ministry of Defence" -> "MD", and "MoD" is compared upper-cased as "MOD";
// so the initials of all words are tried too.
func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		r := []rune(w)
		if len(r) == 0 || !unicode.IsLetter(r[0]) {
			continue
		}
		b.WriteRune(unicode.ToUpper(r[0]))
	}
	return b.String()
}

// foldKey is the comparison form of a name: accents folded, lower case,
// dots dropped, spaces single.
func foldKey(s string) string {
	s = strings.ToLower(fold(s))
	s = strings.ReplaceAll(s, ".", "")
	return strings.Join(strings.Fields(s), " ")
}

// headlineMentions finds, in headline sentences, the names and aliases of the
// persons, agencies and places the body names, and the surnames of its
// persons, where recognition found nothing.
func headlineMentions(doc *document, groups []*group, cands []cand, text func(cand) string) []cand {
	forms := map[string]string{} // folded form -> group key
	byKey := make(map[string]*group, len(groups))
	maxLen := 0
	add := func(f, key string) {
		if old, dup := forms[f]; dup && old != key {
			forms[f] = "" // ambiguous
			return
		}
		forms[f] = key
		if n := len(strings.Fields(f)); n > maxLen {
			maxLen = n
		}
	}
	surnames := map[string]string{} // a person's last name -> group key
	for _, gr := range groups {
		byKey[gr.key] = gr
		if gr.typ != newsgraph.Person && gr.typ != newsgraph.Agency {
			continue
		}
		for _, ci := range gr.cands {
			f := foldKey(text(cands[ci]))
			add(f, gr.key)
			// "SELES BEATS GRAF": a headline names a person by the
			// surname the body never writes alone, unless the surname
			// is a dictionary word ("BASEBALL"); "BULLS ROLL ON",
			// "VILLA GO TOP": a team by its nickname, the last word
			// of its name, unless two teams of the article share it
			// ("United", "City").
			last := doc.sents[cands[ci].sent].toks[cands[ci].last].text
			nickname := gr.team
			if w := strings.Fields(f); (gr.typ == newsgraph.Person && !dictWord(last) || nickname) && len(w) > 1 {
				if old, dup := surnames[w[len(w)-1]]; dup && old != gr.key {
					surnames[w[len(w)-1]] = ""
				} else {
					surnames[w[len(w)-1]] = gr.key
				}
			}
		}
		for a := range gr.aliases {
			f := foldKey(a)
			if _, dup := forms[f]; !dup {
				forms[f] = gr.key
			}
		}
	}
	for f, key := range surnames {
		if _, dup := forms[f]; !dup && key != "" {
			forms[f] = key
		}
	}
	// Places last: "LEEDS" is the team when the body names one.
	for _, gr := range groups {
		if gr.typ != newsgraph.Place {
			continue
		}
		for _, ci := range gr.cands {
			if f := foldKey(text(cands[ci])); !hasForm(forms, f) {
				forms[f] = gr.key
			}
		}
	}
	covered := map[[2]int]bool{}
	for _, c := range cands {
		for k := c.first; k <= c.last; k++ {
			covered[[2]int{c.sent, k}] = true
		}
	}
	var out []cand
	for si := range doc.sents {
		if !headline(doc, si) {
			continue
		}
		toks := doc.sents[si].toks
		for i := 0; i < len(toks); {
			best, key := 0, ""
			for j := i; j < len(toks) && j-i < maxLen; j++ {
				if covered[[2]int{si, j}] {
					break
				}
				if !isWord(toks[j].text) {
					continue // "NEWCASTLE ." is "NEWCASTLE"
				}
				if k, ok := forms[foldKey(doc.text[toks[i].start:toks[j].end])]; ok && k != "" {
					best, key = j-i+1, k
				}
			}
			if best == 0 {
				i++
				continue
			}
			var typ newsgraph.EntityType
			if gr := byKey[key]; gr != nil {
				typ = gr.typ
			}
			out = append(out, cand{sent: si, first: i, last: i + best - 1, typ: typ, key: key})
			i += best
		}
	}
	return out
}

// keepLongest returns which candidates stay mentions: mentions must not
// overlap within a sentence, and the longer one wins.
func keepLongest(cands []cand) []bool {
	taken := map[[2]int]bool{}
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ca, cb := cands[order[a]], cands[order[b]]
		return ca.last-ca.first > cb.last-cb.first
	})
	keep := make([]bool, len(cands))
	for _, ci := range order {
		c := cands[ci]
		free := true
		for k := c.first; k <= c.last; k++ {
			if taken[[2]int{c.sent, k}] {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for k := c.first; k <= c.last; k++ {
			taken[[2]int{c.sent, k}] = true
		}
		keep[ci] = true
	}
	return keep
}

// built is an actor on its way to an entity: its live mentions, name and
// country.
type built struct {
	gr            *group
	live          []int
	name, country string
}

// genericBodyStates gives the generic bodies named without a state ("the
// Senate", "Ministry of Defence") the one state the article gives that body
// elsewhere, else the article's dominant state, else none.
func genericBodyStates(bs []built, stateMentions map[string]int) {
	dominant := dominantState(stateMentions)
	for i := range bs {
		b := &bs[i]
		if b.gr.typ != newsgraph.Agency || b.country != "" || !genericBody(b.name) {
			continue
		}
		owners := map[string]bool{}
		for _, o := range bs {
			if o.gr.typ == newsgraph.Agency && o.country != "" && slug(o.name) == slug(b.name) {
				owners[o.country] = true
			}
		}
		switch {
		case len(owners) == 1:
			for c := range owners {
				b.country = c
			}
		case len(owners) > 1 && owners[dominant] || len(owners) == 0:
			b.country = dominant
		}
	}
}

// build turns the groups into entities and the sentences' mentions.
func build(doc *document, groups []*group, cands []cand, g *gazetteer, text func(cand) string) {
	keep := keepLongest(cands)
	sort.SliceStable(groups, func(a, b int) bool {
		fa, fb := firstMention(groups[a], cands), firstMention(groups[b], cands)
		return fa[0] < fb[0] || fa[0] == fb[0] && fa[1] < fb[1]
	})
	// First the name and the country each actor's own text gives.
	var bs []built
	stateMentions := map[string]int{}
	for _, gr := range groups {
		var live []int
		for _, ci := range gr.cands {
			if keep[ci] {
				live = append(live, ci)
			}
		}
		if len(live) == 0 {
			continue
		}
		if gr.iso != "" {
			stateMentions[gr.iso] += len(live)
		}
		name := gr.name
		if name == "" {
			for _, ci := range live {
				t := text(cands[ci])
				if gr.typ == newsgraph.Agency && isAcronym(t) && len(live) > 1 || cands[ci].reason == "role phrase" {
					continue
				}
				if len(t) > len(name) {
					name = t
				}
			}
		}
		for _, ci := range live {
			if c := cands[ci]; c.fullReason == usualName && len(c.full) > len(name) {
				name = c.full
			}
		}
		if name == "" {
			continue
		}
		b := built{gr: gr, live: live, name: name}
		switch gr.typ {
		case newsgraph.Person:
			b.country = gr.stateOf
		case newsgraph.Agency:
			b.country = gr.stateOf
			if b.country == "" {
				b.country = g.nameState(name)
			}
			if b.country == "" {
				var sp []string
				for _, ci := range live {
					sp = append(sp, text(cands[ci]), cands[ci].full)
				}
				for a := range gr.aliases {
					sp = append(sp, a)
				}
				b.country = spellingState(g, sp)
			}
		}
		bs = append(bs, b)
	}
	// Then generic bodies named without a state.
	genericBodyStates(bs, stateMentions)
	ids := map[string]int{}
	for _, b := range bs {
		gr, live, name := b.gr, b.live, b.name
		id := gr.key
		switch {
		case strings.HasPrefix(gr.key, usGovKey):
			id = "agency:us:" + strings.TrimPrefix(gr.key, usGovKey)
		case gr.iso == "":
			id = scopedID(gr.typ, name, b.country)
		}
		e := newsgraph.Entity{ID: id, Name: name, Type: gr.typ, Country: b.country, Aliases: []string{}, AliasReasons: map[string]string{}}
		switch {
		case gr.team && gr.typ == newsgraph.Agency:
			e.Sector = newsgraph.Sport
		case gr.paper && gr.typ == newsgraph.Agency:
			e.Sector = newsgraph.Media
		}
		idx, dup := ids[id]
		if !dup {
			idx = len(doc.ents)
			ids[id] = idx
			doc.ents = append(doc.ents, e)
		}
		ent := &doc.ents[idx]
		for _, ci := range live {
			c := cands[ci]
			t := text(c)
			ent.Mentions = append(ent.Mentions, spanMention(doc, c, t))
			if t != strings.ToLower(t) {
				// A lower-case mention ("intelligence" of "US
				// intelligence") names nothing alone: no alias.
				addAlias(ent, t, c.reason)
			}
			if c.full != "" {
				addAlias(ent, c.full, c.fullReason)
			}
			s := &doc.sents[c.sent]
			s.mentions = append(s.mentions, mention{ent: idx, first: c.first, last: c.last})
		}
		for a, r := range gr.aliases {
			addAlias(ent, a, r)
		}
	}
	for i := range doc.ents {
		e := &doc.ents[i]
		sort.Slice(e.Mentions, func(a, b int) bool { return e.Mentions[a].Start < e.Mentions[b].Start })
		sort.Strings(e.Aliases)
		if len(e.AliasReasons) == 0 {
			e.AliasReasons = nil
		}
	}
	for si := range doc.sents {
		m := doc.sents[si].mentions
		sort.Slice(m, func(a, b int) bool { return m[a].first < m[b].first })
	}
}

// spanMention is the mention of c in the text: its name's words t, and
// the state's words before them when the name was written with them
// ("German Air Force" names the air force).
func spanMention(doc *document, c cand, t string) newsgraph.Mention {
	toks := doc.sents[c.sent].toks
	m := newsgraph.Mention{Start: toks[c.first].start, End: toks[c.last].end, Text: t}
	if c.lead > 0 && c.first-c.lead >= 0 && c.typ == newsgraph.Agency {
		m.Start = toks[c.first-c.lead].start
	}
	if last := c.last + c.trail; last < len(toks) {
		m.End = mentionEnd(doc, toks, last)
	}
	if m.Start != toks[c.first].start || m.End != toks[c.last].end {
		m.Text = doc.text[m.Start:m.End]
	}
	return m
}

func firstMention(gr *group, cands []cand) [2]int {
	best := [2]int{1 << 30, 0}
	for _, ci := range gr.cands {
		c := cands[ci]
		p := [2]int{c.sent, c.first}
		if p[0] < best[0] || p[0] == best[0] && p[1] < best[1] {
			best = p
		}
	}
	return best
}

func addAlias(e *newsgraph.Entity, a, reason string) {
	if a == "" || a == e.Name || len(a) > maxNameBytes {
		// An alias beyond the bound (a descriptor phrase around a very
		// long word) would make the extraction invalid.
		return
	}
	for _, x := range e.Aliases {
		if x == a {
			if reason != "" && e.AliasReasons[a] == "" {
				e.AliasReasons[a] = reason
			}
			return
		}
	}
	e.Aliases = append(e.Aliases, a)
	if reason != "" {
		e.AliasReasons[a] = reason
	}
}

// personKey is the comparison form of a person's full name, middle initials
// left out ("John R. Bolton" is "john bolton").
func personKey(s string) string {
	f := strings.Fields(foldKey(s))
	out := f[:0]
	for i, w := range f {
		if len(w) == 1 && i > 0 && i < len(f)-1 {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// usContext reads "Georgia" as the US state when the article also names
// other US states or the United States and no Georgian capital or people.
func usContext(cands []cand) {
	us, ge := false, false
	for _, c := range cands {
		switch {
		case c.key == "state:us" || strings.HasPrefix(c.key, "usstate:"):
			us = true
		case c.key == "state:ge" && c.name != "Georgia":
			ge = true
		}
	}
	if !us || ge {
		return
	}
	for i := range cands {
		if cands[i].key == "state:ge" {
			cands[i].typ = newsgraph.Place
			cands[i].key = "usstate:georgia"
			cands[i].reason = ""
		}
	}
}

// mergePrefixes joins an agency known by one word to the one longer agency
// name that starts with it ("Ford" and "Ford Motor Company"), unless that
// name is its division in a region ("Nintendo Europe").
func mergePrefixes(groups []*group, byKey map[string]*group, cands []cand, text func(cand) string) {
	for _, short := range groups {
		if short.typ != newsgraph.Agency || len(short.cands) == 0 {
			continue
		}
		w := foldKey(text(cands[short.cands[0]]))
		if strings.Contains(w, " ") || isAcronym(text(cands[short.cands[0]])) {
			continue
		}
		var long *group
		n := 0
		for _, gr := range groups {
			if gr == short || gr.typ != newsgraph.Agency || len(gr.cands) == 0 {
				continue
			}
			if strings.HasPrefix(foldKey(text(cands[gr.cands[0]])), w+" ") && !divisionOf(text(cands[gr.cands[0]]), text(cands[short.cands[0]])) {
				long = gr
				n++
			}
		}
		if n != 1 {
			continue
		}
		long.cands = append(long.cands, short.cands...)
		long.aliases[text(cands[short.cands[0]])] = "short name of " + text(cands[long.cands[0]])
		if long.name == "" {
			long.name = text(cands[long.cands[0]])
		}
		short.cands = nil
	}
}

// agreeOrgTypes types as an agency every person mention without a person's
// title (none, or a role like "rival"), and every
// place guessed by a preposition, of a name that the article shows
// elsewhere to be an organisation's by its own words or its context
// ("investment firm Grant Samuel ... Grant Samuel said"): the tagger's, the
// given names' and the prepositions' readings are weaker.
func agreeOrgTypes(doc *document, cands []cand) {
	orgs := map[string]bool{}
	text := func(c cand) string {
		toks := doc.sents[c.sent].toks
		return foldKey(doc.text[toks[c.first].start:toks[c.last].end])
	}
	for _, c := range cands {
		if c.typ == newsgraph.Agency && c.key == "" && (!c.weak || c.byContext) {
			orgs[text(c)] = true
		}
	}
	if len(orgs) == 0 {
		return
	}
	for i := range cands {
		c := &cands[i]
		if (c.typ == newsgraph.Person && !personTitles[c.title] || c.typ == newsgraph.Place && c.weak && c.name == "") && orgs[text(*c)] {
			c.typ = newsgraph.Agency
			c.key = ""
			c.weak = true
			c.byContext = true
		}
	}
}

// mergeEUForms joins an agency named with "EU" to the one named with
// "European" ("EU Commission" and "European Commission").
func mergeEUForms(groups []*group, cands []cand, text func(cand) string) {
	form := func(gr *group) string {
		if gr.name != "" {
			return foldKey(gr.name)
		}
		return foldKey(text(cands[gr.cands[0]]))
	}
	for _, eu := range groups {
		if eu.typ != newsgraph.Agency || len(eu.cands) == 0 {
			continue
		}
		rest, ok := strings.CutPrefix(form(eu), "eu ")
		if !ok {
			continue
		}
		for _, gr := range groups {
			if gr != eu && gr.typ == newsgraph.Agency && len(gr.cands) > 0 && form(gr) == "european "+rest {
				gr.cands = append(gr.cands, eu.cands...)
				gr.aliases[text(cands[eu.cands[0]])] = "EU form of " + text(cands[gr.cands[0]])
				eu.cands = nil
				break
			}
		}
	}
}

// mergeHeadForms joins an agency named "X Department" to the one agency
// named "... Department of X" ("State Department" and "United States
// Department of State"), for every head word that takes "of".
func mergeHeadForms(groups []*group, cands []cand, text func(cand) string) {
	form := func(gr *group) string {
		if gr.name != "" {
			return foldKey(gr.name)
		}
		return foldKey(text(cands[gr.cands[0]]))
	}
	var forms map[*group]string // folded once, when a head-last name asks
	for _, short := range groups {
		if short.typ != newsgraph.Agency || len(short.cands) == 0 {
			continue
		}
		t := text(cands[short.cands[0]])
		w := strings.Fields(t)
		if len(w) < 2 || !ofHeads[w[len(w)-1]] {
			continue
		}
		if forms == nil {
			forms = map[*group]string{}
			for _, gr := range groups {
				if gr.typ == newsgraph.Agency && len(gr.cands) > 0 {
					forms[gr] = form(gr)
				}
			}
		}
		want := foldKey(w[len(w)-1] + " of " + strings.Join(w[:len(w)-1], " "))
		var long *group
		n := 0
		for _, gr := range groups {
			if gr == short || gr.typ != newsgraph.Agency || len(gr.cands) == 0 {
				continue
			}
			if f := forms[gr]; f == want || strings.HasSuffix(f, " "+want) {
				long = gr
				n++
			}
		}
		if n != 1 {
			continue
		}
		long.cands = append(long.cands, short.cands...)
		long.aliases[t] = "head-first form of " + text(cands[long.cands[0]])
		short.cands = nil
	}
}

// mergeMiddleNames joins a person named by given name and surname to the
// one person of the article whose fuller name has the same first and last
// words ("Robert Mugabe" and "Robert Gabriel Mugabe").
func mergeMiddleNames(groups []*group, cands []cand, text func(cand) string) {
	// Persons of three words or more by first and last word, folded once.
	type ends struct{ first, last string }
	longs := map[ends][]*group{}
	for _, gr := range groups {
		if gr.typ != newsgraph.Person || len(gr.cands) == 0 {
			continue
		}
		if w := strings.Fields(foldKey(text(cands[gr.cands[0]]))); len(w) > 2 {
			e := ends{w[0], w[len(w)-1]}
			longs[e] = append(longs[e], gr)
		}
	}
	if len(longs) == 0 {
		return
	}
	for _, short := range groups {
		if short.typ != newsgraph.Person || len(short.cands) == 0 {
			continue
		}
		sw := strings.Fields(foldKey(text(cands[short.cands[0]])))
		if len(sw) != 2 {
			continue
		}
		ls := longs[ends{sw[0], sw[1]}]
		if len(ls) != 1 {
			continue
		}
		long := ls[0]
		long.cands = append(long.cands, short.cands...)
		long.aliases[text(cands[short.cands[0]])] = "short form of " + text(cands[long.cands[0]])
		if long.title == "" {
			long.title, long.stateOf = short.title, short.stateOf
		}
		short.cands = nil
	}
}

// roleMentions finds role phrases that pick out a person the article names
// with that role: "the Russian president" after "Russia's President
// Vladimir Putin". A role two persons share stays unresolved.
func roleMentions(doc *document, groups []*group, cands []cand) []cand {
	type role struct{ iso, title string }
	holders := map[role][]*group{}
	for _, gr := range groups {
		if gr.typ == newsgraph.Person && gr.title != "" && gr.stateOf != "" {
			f := strings.Fields(gr.title)
			r := role{gr.stateOf, f[len(f)-1]}
			holders[r] = append(holders[r], gr)
		}
	}
	if len(holders) == 0 {
		return cands
	}
	n := len(cands)
	for ci := 0; ci < n; ci++ {
		c := cands[ci]
		if c.typ != newsgraph.State || c.reason != "demonym" {
			continue
		}
		toks := doc.sents[c.sent].toks
		k := c.last + 1
		if k >= len(toks) || isCap(toks[k]) {
			continue
		}
		hs := holders[role{strings.TrimPrefix(c.key, "state:"), toks[k].text}]
		if len(hs) != 1 || k+1 < len(toks) && isCap(toks[k+1]) {
			continue
		}
		gr := hs[0]
		phrase := doc.text[toks[c.first].start:toks[k].end]
		cands = append(cands, cand{sent: c.sent, first: c.first, last: k, typ: newsgraph.Person, key: gr.key, reason: "role phrase"})
		gr.cands = append(gr.cands, len(cands)-1)
		gr.aliases[phrase] = "role phrase"
	}
	return cands
}

// possessiveStates gives an actor the state that qualifies it: a titled
// person the state before the title ("Russia's President Vladimir Putin",
// "the Russian president Vladimir Putin") or in an appositive after the name
// ("Youssef Chahed, the Prime Minister of Tunisia"), an agency the state
// that owns it ("the UK's Ministry of Defence").
func possessiveStates(doc *document, cands []cand) {
	ends := map[[2]int]string{}   // sentence, last token -> state iso
	starts := map[[2]int]string{} // sentence, first token -> state iso
	for _, c := range cands {
		if c.typ == newsgraph.State && !c.capital {
			ends[[2]int{c.sent, c.last}] = strings.TrimPrefix(c.key, "state:")
			starts[[2]int{c.sent, c.first}] = strings.TrimPrefix(c.key, "state:")
		}
	}
	// before returns the state whose name, possessive or adjective ends
	// just before token k.
	before := func(si, k int) string {
		toks := doc.sents[si].toks
		if k >= 2 {
			if t := toks[k-1].text; t == "'s" || t == "’s" {
				return ends[[2]int{si, k - 2}]
			}
		}
		if k >= 1 {
			return ends[[2]int{si, k - 1}]
		}
		return ""
	}
	for i := range cands {
		c := &cands[i]
		if c.stateOf != "" {
			continue
		}
		toks := doc.sents[c.sent].toks
		switch c.typ {
		case newsgraph.Agency:
			if c.first >= 2 {
				if t := toks[c.first-1].text; t == "'s" || t == "’s" {
					c.stateOf = ends[[2]int{c.sent, c.first - 2}]
				}
			}
			// "the Russian state media agency TASS": a state's adjective
			// opening the descriptor before the name.
			if k := c.first - 1; c.stateOf == "" && k >= 1 && descriptorNouns[toks[k].text] {
				for j := k - 1; j >= 0 && k-j <= 4; j-- {
					if iso := ends[[2]int{c.sent, j}]; iso != "" {
						c.stateOf = iso
						break
					}
					if isCap(toks[j]) || !isWord(toks[j].text) {
						break
					}
				}
			}
		case newsgraph.Person:
			if c.title != "" {
				ts := c.titleStart
				if ts == c.first && c.first > 0 && strings.ToLower(toks[c.first-1].text) == c.title {
					ts = c.first - 1 // a lower-case title: "president Putin"
				}
				if ts < c.first {
					c.stateOf = before(c.sent, ts)
				}
			}
			if c.stateOf == "" {
				c.stateOf = appositiveState(doc, c, starts)
			}
		}
	}
}

// appositiveState reads the state of a person's role written after the
// name: "Youssef Chahed, the Prime Minister of Tunisia". starts maps a
// sentence and token to the state mention starting there.
func appositiveState(doc *document, c *cand, starts map[[2]int]string) string {
	toks := doc.sents[c.sent].toks
	k := c.last + 1
	if k >= len(toks) || toks[k].text != "," {
		return ""
	}
	k++
	if k < len(toks) && (strings.EqualFold(toks[k].text, "the") || toks[k].text == "a") {
		k++
	}
	n := 0
	for j := k; j < len(toks) && j-k < 4; j++ {
		key := strings.ToLower(joinText(doc, toks, k, j))
		if personTitles[key] || lowerTitles[key] {
			n = j - k + 1
		}
	}
	if n == 0 || k+n+1 >= len(toks) || toks[k+n].text != "of" {
		return ""
	}
	k += n + 1
	if toks[k].text == "the" {
		k++
	}
	return starts[[2]int{c.sent, k}]
}

// partOfAgency retypes a person or untyped name that the article also
// writes with an organisation's head word after it as that organisation:
// "Thai Raksa Chart party" beside "Thai Raksa Chart Party" is no person
// "Raksa Chart".
func partOfAgency(cands []cand, text func(cand) string) {
	type org struct{ key, name string }
	var orgs []org
	seen := map[string]bool{}
	// byPart files each organisation under every name it can hold before
	// its head word: "Thai Raksa Chart Party" under "Thai Raksa Chart",
	// "Raksa Chart" and "Chart".
	byPart := map[string][]int{}
	for _, c := range cands {
		if c.typ != newsgraph.Agency || c.weak || c.first == c.last {
			continue
		}
		name := text(c)
		if seen[name] {
			continue // the first organisation of a name is the one that counts
		}
		seen[name] = true
		k := c.key
		if k == "" {
			k = "agency:" + foldKey(name)
		}
		oi := len(orgs)
		orgs = append(orgs, org{k, name})
		for i := 0; i < len(name); i++ {
			if name[i] != ' ' || !orgHeads[name[i+1:]] {
				continue
			}
			part := name[:i]
			byPart[part] = append(byPart[part], oi)
			for j := 0; j < len(part); j++ {
				if part[j] == ' ' {
					byPart[part[j+1:]] = append(byPart[part[j+1:]], oi)
				}
			}
		}
	}
	for i, c := range cands {
		if c.typ != newsgraph.Person && c.typ != "" || c.title != "" || c.key != "" {
			continue
		}
		t := text(c)
		last := -1
		for _, oi := range byPart[t] {
			if oi == last {
				continue
			}
			last = oi
			o := orgs[oi]
			rest, ok := strings.CutPrefix(o.name, t+" ")
			if !ok {
				if j := strings.Index(o.name, " "+t+" "); j >= 0 {
					rest, ok = o.name[j+len(t)+2:], true
				}
			}
			if ok && orgHeads[rest] {
				cands[i].typ = newsgraph.Agency
				cands[i].weak = false
				cands[i].key = o.key
				break
			}
		}
	}
}

// namedAlone are, besides orgAlone, the bodies a text names by their head
// word alone once it has named them ("the Administration", "the House").
var namedAlone = lexicon.NewSet("Administration", "House", "Commons", "Lords")

// genericWord reports whether a one-word name is a common noun that alone
// names nothing: an organisation's or place's head word ("Police",
// "Ministry", "County") other than the chambers that are named by it alone
// ("Parliament", "Congress"), a title ("General"), or a word of
// genericWords.
func genericWord(w string) bool {
	if orgAlone[w] || namedAlone[w] {
		return false
	}
	l := strings.ToLower(w)
	return genericWords[w] || orgHeads[w] || placeHeads[w] || nonEntityHeads[w] || govHeads[w] ||
		commonCaps[l] || personTitles[l] || extraTitles[l]
}

// dropNonActors removes the names of things named like persons ("Hurricane
// Dorian", "MV Alan Kurdi") and their one-word short forms ("Dorian").
func dropNonActors(doc *document, cands []cand) []cand {
	forms := map[string]bool{}
	for _, c := range cands {
		if !c.nonActor {
			continue
		}
		toks := doc.sents[c.sent].toks
		for k := c.first + 1; k <= c.last; k++ {
			forms[foldKey(toks[k].text)] = true
		}
	}
	out := cands[:0]
	for _, c := range cands {
		if c.nonActor {
			continue
		}
		if len(forms) > 0 && c.first == c.last && c.typ != newsgraph.State && (c.key == "" || c.weak) &&
			forms[foldKey(doc.sents[c.sent].toks[c.first].text)] {
			continue
		}
		out = append(out, c)
	}
	return out
}

// stripTitles takes the role words off the front of a person's name: in
// "Emergencies Minister Yevgeny Zinichev" or "State Senator Patricia Ann
// Spearman" everything up to the last title word is the role, and the whole
// phrase is kept as an alias.
func stripTitles(doc *document, cands []cand) {
	for i := range cands {
		c := &cands[i]
		if c.typ != newsgraph.Person || c.last <= c.first || c.key != "" {
			continue
		}
		toks := doc.sents[c.sent].toks
		end := c.last
		for end > c.first && nameSuffixes[toks[end].text] {
			end--
		}
		cut := -1
		for k := c.first; k < end; k++ {
			w := strings.ToLower(toks[k].text)
			if personTitles[w] || lowerTitles[w] || extraTitles[w] {
				cut = k
			}
		}
		if cut < 0 || !isCap(toks[cut+1]) {
			continue
		}
		start := c.first
		if c.title != "" && c.titleStart < start {
			start = c.titleStart
		}
		if c.full == "" || start == c.first {
			c.full = joinText(doc, toks, start, c.last)
			c.fullReason = "title + name"
		}
		title := strings.ToLower(joinText(doc, toks, c.first, cut))
		if c.title == "" {
			c.title = title
		} else {
			c.title += " " + title
		}
		c.titleStart = start
		c.first = cut + 1
	}
}

// surnameParticle reports whether w, opening a person's mention, makes it a
// surname with its particle ("de Blasio", "De Blasio", "van Biljon").
func surnameParticle(w string) bool {
	return nameParticles[w] || startParticles[strings.ToLower(w)] || w == "Van"
}

// placeVotes makes a person a place when only guesses call it a person and
// its context calls it a place elsewhere in the article: "Punta Tombo is
// one of the breeding sites" after "penguins at Punta Tombo".
func placeVotes(groups []*group, cands []cand) {
	for _, gr := range groups {
		if gr.typ != newsgraph.Person {
			continue
		}
		strong, places := false, 0
		for _, ci := range gr.cands {
			switch c := cands[ci]; {
			case c.typ == newsgraph.Person && (!c.weak || c.title != ""):
				strong = true
			case c.typ == newsgraph.Place && c.last > c.first:
				// The whole name, not a surname the tagger guessed at.
				places++
			}
		}
		if !strong && places > 0 {
			gr.typ = newsgraph.Place
		}
	}
}

// hasForm reports whether forms holds f, even as ambiguous.
func hasForm(forms map[string]string, f string) bool {
	_, ok := forms[f]
	return ok
}

// loneSurnames returns the one-word names, among the cands rest that only
// the tagger calls persons, that an article naming no one in full uses as
// a person's surname: written at least twice, once heading its own phrase
// ("Varga met", "trusted Varga"), once with a person's sign (a given name,
// personSign, listedWithPerson), never read as a place. A name written once, or only inside phrases
// ("Buffy creator", "the role of Buffy"), or once read as a place ("in
// Atwick"), or never said to speak or act as a person ("Investors have
// backed Klarna", "Traders sold Bitcoin"), is too often a place, a work, a
// company or a common word; the surname of a listed public figure
// (publicFigures: "Clinton met Yeltsin") needs only to head its phrase once.
func loneSurnames(doc *document, cands []cand, rest []int, text func(cand) string, given map[string]bool) map[string]bool {
	count := map[string]int{}
	heads, place, signed := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, ci := range rest {
		c := cands[ci]
		if !c.weak || c.typ != newsgraph.Person || c.first != c.last {
			continue
		}
		t := text(c)
		count[t]++
		toks := doc.sents[c.sent].toks
		signed[t] = signed[t] || given[toks[c.first].text] || personSign(doc, c) || listedWithPerson(doc, cands, c)
		after := c.last + 1
		modifier := after < len(toks) && strings.HasPrefix(toks[after].tag, "NN") && !isCap(toks[after])
		if (c.first == 0 || toks[c.first-1].text != "of") && !modifier {
			heads[t] = true
		}
	}
	for _, c := range cands {
		if c.typ == newsgraph.Place {
			place[text(c)] = true // "in Atwick"
		}
	}
	lone := map[string]bool{}
	for t, n := range count {
		_, figure := publicFigures[t]
		lone[t] = (n >= 2 && signed[t] || figure) && heads[t] && !place[t]
	}
	return lone
}

// listedWithPerson reports whether c stands in a list beside another name
// read as a person's ("Cheney , Rumsfeld , or Wolfowitz", "Ludwig Tieck ,
// Novalis , and others").
func listedWithPerson(doc *document, cands []cand, c cand) bool {
	toks := doc.sents[c.sent].toks
	list := func(k int) bool {
		if k < 0 || k >= len(toks) {
			return false
		}
		w := toks[k].text
		return w == "," || w == "and" || w == "or"
	}
	before, after := c.first-1, c.last+1
	for list(before) {
		before--
	}
	for list(after) {
		after++
	}
	for _, o := range cands {
		if o.sent == c.sent && o.typ == newsgraph.Person && (o.last == before && before < c.first-1 || o.first == after && after > c.last+1) {
			return true
		}
	}
	return false
}

// givenNames returns the gazetteer's given names, or none without one.
func givenNames(g *gazetteer) map[string]bool {
	if g == nil {
		return nil
	}
	return g.given
}

// personSign reports whether the one-word name of c reads as a person's:
// a title before it, a speech verb after it ("Varga said"), "he", "she",
// "his" or "her" the first pronoun after it in its sentence or opening the
// next ("Varga left . He ..."; "its" is a body's), a line of its own, as a
// letter's greeting or signature ("Kam ,"), or a player's cue in a sports
// report.
func personSign(doc *document, c cand) bool {
	toks := doc.sents[c.sent].toks
	switch {
	case c.first == 0 && (c.last+1 == len(toks) || c.last+2 == len(toks) && !isWord(toks[c.last+1].text)):
		return true
	case c.title != "" || c.first > 0 && lowerTitles[toks[c.first-1].text]:
		return true
	case c.last+1 < len(toks) && saidVerbs[toks[c.last+1].text]:
		return true
	case personalPronouns[firstPronoun(toks, c.last+1)]:
		return true
	case c.sent+1 < len(doc.sents) && len(doc.sents[c.sent+1].toks) > 0 && personalPronouns[strings.ToLower(doc.sents[c.sent+1].toks[0].text)]:
		return true
	}
	return doc.sports && playerCue(doc, toks, c.first)
}
