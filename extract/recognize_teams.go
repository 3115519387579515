package extract

import (
	"strings"

	"newsgraph"
)

// Sports teams named after their city: "Leeds 1 Newcastle 1", "Newcastle
// manager Kevin Keegan", "Everton beat Leeds", "Manchester United", "Real
// Madrid". A city's name is a place in the gazetteer; beside a score, a
// team's role or a result verb it names the city's team, an agency of the
// SPORT sector, and so does every other mention of that name in the article
// but those a place preposition or the dateline governs ("in Leeds").
// A country's name stays a state: its national side is named like it.

// teamRule says that the place's name of tokens [p, q] names a team.
type teamRule struct {
	name string
	when func(toks []token, p, q int) bool
}

// teamRules run in order; the first that holds decides.
var teamRules = []teamRule{
	// "Leeds 2-1", "Leeds 1 Newcastle 1", "beat Leeds 3-0"; "Liverpool 6
	// 4 2 0 12 4 14", "CLEVELAND 5 Baltimore 3": a name before a score,
	// or before a number on a row of a results or standings table.
	{"score", func(toks []token, p, q int) bool { return teamScore(toks, q) }},
	// "Newcastle manager Kevin Keegan", "Leeds beat Chelsea", "Atlanta 's
	// pitcher".
	{"cue-after", func(toks []token, p, q int) bool {
		k := q + 1
		if k < len(toks) && possessive(toks[k].text) {
			k++
		}
		return k < len(toks) && teamCuesAfter[toks[k].text]
	}},
	// "Zwolle lost 3-1", "Leeds won 2-0 at Derby": a result verb and its
	// score after the name.
	{"result-score", func(toks []token, p, q int) bool {
		k := q + 1
		return k+1 < len(toks) && resultVerbs[toks[k].text] && (isScore(toks[k+1].text) || k+2 < len(toks) && isDigits(toks[k+1].text) && toks[k+2].text == "-")
	}},
	// "Boston at Chicago", "Leeds v Everton": a fixture line names two
	// teams.
	{"fixture", func(toks []token, p, q int) bool { return fixtureLine(toks) }},
	// "beat Chelsea", "drew with Everton", "lost to Southampton".
	{"cue-before", func(toks []token, p, q int) bool {
		if p >= 1 && teamCuesBefore[toks[p-1].text] {
			return true
		}
		return p >= 2 && teamCuesBefore[toks[p-2].text+" "+toks[p-1].text]
	}},
}

var (
	teamCuesAfter  = wordColumn("team_cues.tsv", "after")
	teamCuesBefore = wordColumn("team_cues.tsv", "before")
	clubClosers    = wordColumn("club_words.tsv", "closes")
	clubOpeners    = wordColumn("club_words.tsv", "opens")
	nationalSides  = wordSet("national_sides.txt")
	sportNames     = wordSet("sport_names.txt")
	sportWords     = wordSet("sport_words.txt")
	resultVerbs    = wordSet("result_verbs.txt")
	fixtureWords   = wordSet("fixture_words.txt")
	resultNouns    = wordSet("result_nouns.txt")
	playVerbs      = wordSet("play_verbs.txt")
	playWords      = wordSet("play_words.txt")
	civicWords     = wordSet("civic_words.txt")
	notScoreBefore = wordColumn("score_vetoes.tsv", "before")
	notScoreAfter  = wordColumn("score_vetoes.tsv", "after")
)

// fixtureLine reports whether the sentence is a fixture of a schedule: two
// names with one fixture word between them and nothing else ("Boston at
// Chicago", "NEW YORK AT TORONTO", "Leeds v Everton").
func fixtureLine(toks []token) bool {
	at := -1
	for k, t := range toks {
		switch {
		case fixtureWords[t.text]:
			if at >= 0 {
				return false
			}
			at = k
		case !isWord(t.text) || !isCap(t):
			return false
		}
	}
	return at > 0 && at < len(toks)-1
}

// teamScore reports whether a score, or a number on a table's row, follows
// the name ending at token q, outside parentheses: "Leeds 1 ( Deane 30 )"
// gives a scorer and his minute.
func teamScore(toks []token, q int) bool {
	return (scoreAfter(toks, q) || rowName(toks, q)) && !inParens(toks, q)
}

// rowName reports whether a number follows token q on a table's row.
func rowName(toks []token, q int) bool {
	return q+1 < len(toks) && isDigits(toks[q+1].text) && tableRow(toks)
}

// inParens reports whether token q lies inside an open parenthesis.
func inParens(toks []token, q int) bool {
	depth := 0
	for k := 0; k < q; k++ {
		switch toks[k].text {
		case "(":
			depth++
		case ")":
			if depth > 0 {
				depth--
			}
		}
	}
	return depth > 0
}

// tableRow reports whether a sentence reads as a row of a results or
// standings table: a capitalised name first and two numbers before any
// lower-case word ("Arsenal 2 Sheffield Wednesday 0", "Liverpool 6 4 2 0
// 12 4 14", "Houston 6 ST LOUIS 5 ( 10 innings )"); a dash before the
// numbers makes it a headline, a month or weekday before them a date, a
// number of four digits or more before the first lower-case word a year, a
// code, a phone number or an amount (unless a name follows: "1860
// Munich").
func tableRow(toks []token) bool {
	if len(toks) < 3 || !isCap(toks[0]) {
		return false
	}
	nums := 0
	for k, t := range toks {
		switch {
		case t.text == "-" && nums == 0:
			return false // "SOCCER - ARSENAL 2 CHELSEA 0": a headline
		case calendarWords[strings.ToLower(strings.TrimSuffix(t.text, "."))]:
			return false // "On August 31, 2006": a date's numbers
		case isDigits(t.text) && len(t.text) > 3 && !(k+1 < len(toks) && isCap(toks[k+1])):
			return false // "Cleveland , Ohio 44122", "$ 60000 - 70000", not "1860 Munich"
		case isDigits(t.text) || isScore(t.text):
			nums++
		case isWord(t.text) && !isCap(t):
			return nums >= 2
		}
	}
	return nums >= 2
}

// teamPlace reports whether the cand, written raw, names a place that may
// also name a team: a city, a region or a US state from the gazetteer, or
// a capital; not a home nation's name ("England", "West Indies").
func teamPlace(c cand, raw string) bool {
	switch {
	case c.typ == newsgraph.Place:
		return !nationalSides[c.name] && !nationalSides[raw]
	case c.typ == newsgraph.State:
		return c.capital
	}
	return false
}

// teamRuleFor returns the name of the first team rule that holds for the
// tokens [p, q], or "".
func teamRuleFor(toks []token, p, q int) string {
	for _, r := range teamRules {
		if r.when(toks, p, q) {
			return r.name
		}
	}
	return ""
}

// markTeams retypes the places of cands that name a team: first the names
// a team rule finds and, in a sports report, the names of clubs (clubs,
// clubs.tsv), then their other mentions outside a place's context.
func markTeams(doc *document, cands []cand, g *gazetteer) {
	clubs := g.sportsClubs
	raw := func(c cand) string {
		toks := doc.sents[c.sent].toks
		return doc.text[toks[c.first].start:toks[c.last].end]
	}
	text := func(c cand) string { return foldKey(raw(c)) }
	teams := map[string]bool{}
	played := playedNames(doc, cands, text, g)
	for i := range cands {
		c := &cands[i]
		toks := doc.sents[c.sent].toks
		if !doc.sports {
			townOfClub(doc, c, g)
		}
		if c.typ == newsgraph.Agency && c.key == "" && teamScore(toks, c.last) {
			// "Everton 0 Southampton 2": an unknown name the score
			// made an agency is a team, no guess.
			c.team = true
			c.weak = false
		}
		if clubs[text(*c)] && clubReading(*c) && !placeContext(doc, *c) && (doc.sports && played[text(*c)] || teamRuleFor(toks, c.first, c.last) != "") {
			// "Essex 532-8 declared", "for Baltimore": a club's name
			// in a sports report, where the article plays it
			// somewhere ("Snow fell across Colorado" is the state), or
			// anywhere a team rule holds ("Leeds v Everton").
			*c = teamCand(*c)
		}
		if c.team || teamPlace(*c, raw(*c)) && teamRuleFor(toks, c.first, c.last) != "" {
			teams[text(*c)] = true
		}
	}
	if len(teams) == 0 {
		return
	}
	for i := range cands {
		c := &cands[i]
		if c.team || !teamPlace(*c, raw(*c)) || !teams[text(*c)] {
			continue
		}
		if placeContext(doc, *c) {
			c.keepPlace = true
			continue
		}
		*c = teamCand(*c)
	}
}

// townOfClub makes a listed club's name outside a sports report the place
// it is when a town's context governs it: "Police in Sheffield Wednesday
// arrested a man" name Sheffield, on a Wednesday; "Residents of West Ham"
// the district. "At Manchester United" stays the club: people work there.
func townOfClub(doc *document, c *cand, g *gazetteer) {
	if c.first == c.last || c.typ != newsgraph.Agency || g.sectors[c.name] != newsgraph.Sport || !townContext(doc.sents[c.sent].toks, c.first) {
		return
	}
	t := doc.sents[c.sent].toks[c.first]
	if e, ok := g.lookup(phraseKey(doc.text[t.start:t.end]), false); ok && e.typ == newsgraph.Place {
		town := gazCand(e, c.first, c.first)
		town.sent = c.sent
		*c = town
		return
	}
	*c = cand{sent: c.sent, first: c.first, last: c.last, typ: newsgraph.Place}
}

// townContext reports whether the name at token p is read as a town: after
// "in" ("in Anderlecht"), or after "of" and a word of a town's government
// or people ("residents of West Ham", "the mayor of Besiktas",
// civic_words.txt).
func townContext(toks []token, p int) bool {
	if p < 1 {
		return false
	}
	switch strings.ToLower(toks[p-1].text) {
	case "in":
		return true
	case "of":
		return p >= 2 && civicWords[strings.ToLower(toks[p-2].text)]
	}
	return false
}

// playedNames returns the texts of cands the article shows at play in one
// mention at least: a team rule holds for it, a result's verb or a tally
// follows it ("Seattle lost", "Surrey 221 all out"), its sentence holds a
// game's score or a word only sports or play use ("Kent took four
// wickets"), or it opens a team's name ("the Seattle Mariners").
func playedNames(doc *document, cands []cand, text func(cand) string, g *gazetteer) map[string]bool {
	played := map[string]bool{}
	for _, c := range cands {
		toks := doc.sents[c.sent].toks
		next := ""
		if c.last+1 < len(toks) {
			next = toks[c.last+1].text
		}
		if teamRuleFor(toks, c.first, c.last) != "" || resultVerbs[next] || isDigits(next) && len(next) <= 3 || playSentence(toks) {
			played[text(c)] = true
		}
		if c.first < c.last && (c.team || c.typ == newsgraph.Agency && g.sectors[c.name] == newsgraph.Sport) {
			first := doc.text[toks[c.first].start:toks[c.first].end]
			played[foldKey(first)] = true
		}
	}
	return played
}

// playSentence reports whether a sentence holds a game's score or a word
// only sports or play use.
func playSentence(toks []token) bool {
	for k, t := range toks {
		if gameScore(toks, k) || sportWords[strings.ToLower(t.text)] || playWords[t.text] {
			return true
		}
	}
	return false
}

// clubReading reports whether a cand whose words name a club may be read
// as the club: a place, a name nothing typed, a guess, a one-word name
// without a title; not a state (its national side is named like it).
func clubReading(c cand) bool {
	switch c.typ {
	case newsgraph.State:
		return c.capital
	case newsgraph.Person:
		return c.first == c.last && c.title == ""
	case newsgraph.Agency:
		return c.key == ""
	}
	return true
}

// teamCand makes c a team: an agency of the SPORT sector grouped by its
// text.
func teamCand(c cand) cand {
	return cand{sent: c.sent, first: c.first, last: c.last, typ: newsgraph.Agency, team: true}
}

// placeContext reports whether c is read as the place itself: a dateline's
// city, a name after a place preposition ("in Leeds", "at Newcastle"), or
// the state or county after such a place ("in Miami , Florida"), a US
// state after a city ("Bakersfield , California"), a name before a word of
// its government or people or after such a word and "of" ("Boston Mayor",
// "the governor of Texas", civic_words.txt); not the
// club a score was made at ("won 3-1 at Hearts").
func placeContext(doc *document, c cand) bool {
	if c.first == 0 && datelineEnd(doc, c.sent) >= 0 {
		return true
	}
	toks := doc.sents[c.sent].toks
	if fixtureLine(toks) || c.first >= 2 && isScore(toks[c.first-2].text) {
		return false // "Boston at Chicago", "lost 20-15 at Saracens"
	}
	if c.last+1 < len(toks) && civicWords[strings.ToLower(toks[c.last+1].text)] || townContext(toks, c.first) {
		return true // "Boston Mayor Thomas Menino", "Denver officials", "the governor of Texas"
	}
	k := c.first // where the place's name starts
	if k > 1 && toks[k-1].text == "," && isCap(toks[k-2]) && strings.HasPrefix(c.key, "usstate:") {
		return true // "Bakersfield , California"
	}
	if k > 2 && toks[k-1].text == "," && isCap(toks[k-2]) {
		// Back over the place's name before the comma.
		for k -= 2; k > 0 && isCap(toks[k-1]) && isWord(toks[k-1].text); k-- {
		}
	}
	return k > 0 && placePreps[strings.ToLower(toks[k-1].text)]
}

// clubName reads the chunk [a, b] as a club's name: a city with the words
// that make it a club's ("Manchester United", "Real Madrid", "Bayern
// Munich"), or, in a sports article, a city then a plural nickname
// ("Seattle Mariners", "Toronto Blue Jays").
func (x *Extractor) clubName(doc *document, si, a, b int, caps bool) (cand, bool) {
	toks := doc.sents[si].toks
	// Beside a score any words with the city make the club ("Ajax
	// Amsterdam 3", "Preston North End 1"), and so do a listed club's
	// name and any words after it.
	scored := teamScore(toks, b)
	for k := a; k <= b; k++ {
		n, e, ok := x.longest(toks, k, b, caps)
		if !ok {
			if !clubOpeners[toks[k].text] && !(scored && k-a < 2) {
				return cand{}, false
			}
			continue
		}
		if scored && k == a && k+n-1 < b && x.gaz.sectors[e.name] == newsgraph.Sport {
			// "Roda JC Kerkrade 2": a listed club and its town.
			return cand{sent: si, first: a, last: b, typ: newsgraph.Agency, team: true}, true
		}
		if e.typ != newsgraph.Place && !(e.typ == newsgraph.State && e.kind == kindCapital) {
			return cand{}, false
		}
		end := k + n - 1
		if end == b && k == a {
			return cand{}, false // the city alone
		}
		if !scored && !clubRest(doc, toks, end+1, b) {
			return cand{}, false
		}
		return cand{sent: si, first: a, last: b, typ: newsgraph.Agency, team: true}, true
	}
	return cand{}, false
}

// clubRest reports whether the words [k, b] after a city close a club's
// name: club words, or one or two words ending in a plural nickname in an
// article with scores.
func clubRest(doc *document, toks []token, k, b int) bool {
	if k > b {
		return true
	}
	// Closers that are also places' head words ("Leicester City", "Luton
	// Town") make a club only in a sports report: elsewhere "Texas City"
	// and "Quezon City" are cities.
	all := true
	for i := k; i <= b; i++ {
		all = all && clubClosers[toks[i].text] && (doc.sports || !placeHeads[toks[i].text])
	}
	if all {
		return true
	}
	w := toks[b].text
	return b-k <= 1 && !allCaps(w) && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!nonActorHeads(w) && !placeWords[strings.ToLower(w)] && doc.sports
}

// sportsDoc reports whether the article is a sports report: it holds a
// results table, three scores, a score with a result's word beside it
// ("beat Celtic 2-0") or a word only sports use ("inning"), or two such
// words; or its first line opens with a sport's name, in a wire's slug of
// capitals ("CRICKET - ESSEX IN CONTROL"), or otherwise with one more such
// sign in the article: "Cycling: Boston to build bike lanes" is a city's
// news.
// Only a game's score counts (gameScore): "ruled 5-4", "a 52-48 vote", "2-3
// percent" are none.
func sportsDoc(doc *document) bool {
	scores, cues, words := 0, 0, 0
	for _, s := range doc.sents {
		if tableRow(s.toks) {
			return true
		}
		for k, t := range s.toks {
			switch {
			case gameScore(s.toks, k):
				scores++
				if scoreCued(s.toks, k) {
					cues++
				}
			case sportWords[strings.ToLower(t.text)]:
				words++
			}
		}
	}
	if scores >= 3 || scores > 0 && (cues > 0 || words > 0) || words >= 2 {
		return true
	}
	if len(doc.sents) == 0 || !sportHeadline(doc.sents[0].toks) {
		return false
	}
	s := doc.sents[0]
	return scores+words > 0 || allCaps(doc.text[s.start:s.end])
}

// gameScore reports whether token k is a game's score: two numbers with a
// dash after a capitalised name, another score, or a result's word within
// two words ("Leeds 2-1", "6-3 6-4", "beat Celtic 2-0", "won 3-1"); never
// after a word of a vote or a ruling nor before a unit ("ruled 5-4", "2-3
// percent", "a 68-32 vote", score_vetoes.tsv).
func gameScore(toks []token, k int) bool {
	if !isScore(toks[k].text) {
		return false
	}
	if k > 0 && notScoreBefore[strings.ToLower(toks[k-1].text)] {
		return false
	}
	if k+1 < len(toks) && notScoreAfter[strings.ToLower(toks[k+1].text)] {
		return false
	}
	if k > 0 && (isCap(toks[k-1]) && isWord(toks[k-1].text) || isScore(toks[k-1].text)) {
		return true
	}
	return scoreCued(toks, k)
}

// scoreCued reports whether a result's word comes within two words before
// the score at token k ("beat Celtic 2-0", "won 3-1") or a result's noun
// right after it ("a 2-1 win").
func scoreCued(toks []token, k int) bool {
	if k+1 < len(toks) && resultNouns[toks[k+1].text] {
		return true
	}
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		w := toks[j].text
		if teamCuesBefore[w] || resultVerbs[w] || j > 0 && teamCuesBefore[toks[j-1].text+" "+w] {
			return true
		}
	}
	return false
}

// sportHeadline reports whether a line opens with a sport's name, one or
// two words, then a dash or a colon.
func sportHeadline(toks []token) bool {
	for n := 1; n <= 2 && n < len(toks); n++ {
		if d := toks[n].text; d != "-" && d != ":" && d != "–" {
			continue
		}
		words := make([]string, n)
		for k := range words {
			words[k] = strings.ToLower(toks[k].text)
		}
		return sportNames[strings.Join(words, " ")]
	}
	return false
}

// scorer reports whether the one-word name at token p is a scorer or a
// batsman in a sports report's results: inside parentheses, before a
// number ("Leeds 1 ( Dantell 30 )", "Essex 300 ( Marsh 85 , Tovey 40 )").
func scorer(toks []token, p int) bool {
	return p+1 < len(toks) && isDigits(toks[p+1].text) && inParens(toks, p)
}

// scorerNames returns the folded one-word names the article's results
// make scorers (scorer).
func scorerNames(doc *document) map[string]bool {
	names := map[string]bool{}
	for _, s := range doc.sents {
		for p := range s.toks {
			if scorer(s.toks, p) && isCap(s.toks[p]) {
				names[foldKey(s.toks[p].text)] = true
			}
		}
	}
	return names
}

// playerActs reports whether the one-word name at token p of a sports
// report, which the tagger leaves unlabelled, is a player's surname that
// acts ("Laudrup scored twice"): a title-cased word, no English word and
// no club's name, before a verb in the past or present tense, with a
// player's cue (playerCue); "Heathrow reopened", "Ocado fell" name no
// player.
func (x *Extractor) playerActs(doc *document, toks []token, lab []string, p int) bool {
	if p+1 >= len(toks) || !untagged(lab, p, p) || !titleCased(toks, p, p) {
		return false
	}
	if t := toks[p+1].tag; t != "VBD" && t != "VBZ" {
		return false
	}
	w := toks[p].text
	if x.commonWord(w) || x.gaz.sportsClubs[foldKey(w)] {
		return false
	}
	return playerCue(doc, toks, p)
}

// playerCue reports whether the one-word name at token p of a sports
// report has a player's cue: the results name it a scorer, a verb of play
// follows it (play_verbs.txt: "Kostadinov scored"), or its sentence
// speaks of play (play_words.txt: "Litmanen opened the scoring").
func playerCue(doc *document, toks []token, p int) bool {
	if doc.scorers[foldKey(toks[p].text)] || p+1 < len(toks) && playVerbs[toks[p+1].text] {
		return true
	}
	for _, t := range toks {
		if playWords[t.text] {
			return true
		}
	}
	return false
}
