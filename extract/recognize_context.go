package extract

import (
	"strings"

	"newsgraph"
	"newsgraph/extract/internal/lexicon"
)

// Typing an unknown name by the words around it: a table of named rules run
// in order, the first that fires decides. nameCand1 (recognize.go) asks
// them once the name's own words (gazetteers, head words, titles, given
// names) have said nothing.

// contextRule types the unknown name of tokens [p, q] when its condition
// holds.
type contextRule struct {
	name string
	typ  newsgraph.EntityType
	when func(x *Extractor, toks []token, lab []string, p, q int) bool
}

var contextRules = []contextRule{
	// "Grateful Dead drummer Mickey Hart", "Apple CEO Tim Cook": an
	// unknown name before a role and a person is the person's organisation.
	{"org-before-role", newsgraph.Agency, func(x *Extractor, toks []token, lab []string, p, q int) bool {
		if q+2 >= len(toks) || !lowerTitles[toks[q+1].text] && x.titleAt(toks, q+1, len(toks)-1) == 0 {
			return false
		}
		// "Opera spokeswoman, Berit Hanson": a comma may come between.
		k := q + 2
		if toks[k].text == "," && k+1 < len(toks) {
			k++
		}
		return isCap(toks[k])
	}},
	// "a Brivo spokeswoman said", "Kelmar officials": who speaks for a
	// body is named after it.
	{"body-spokesman", newsgraph.Agency, func(x *Extractor, toks []token, lab []string, p, q int) bool {
		return q+1 < len(toks) && bodySpeakers[toks[q+1].text]
	}},
	// "London-based Xstrata", "state-owned Gazprom": a company's
	// compound adjective before the name.
	{"based-before", newsgraph.Agency, func(x *Extractor, toks []token, lab []string, p, q int) bool {
		return orgCompoundBefore(toks, p)
	}},
	// "a chef named Łukasz", "a company called Zentra": the noun before
	// "named" or "called" says what the name is.
	{"named-org", newsgraph.Agency, func(x *Extractor, toks []token, lab []string, p, q int) bool {
		return p >= 2 && namedWords[toks[p-1].text] && descriptorNouns[singular(toks[p-2].text)]
	}},
	{"named-person", newsgraph.Person, func(x *Extractor, toks []token, lab []string, p, q int) bool {
		return p >= 2 && q-p <= 2 && namedWords[toks[p-1].text] && personNoun(toks[p-2])
	}},
	// "the Zephyr frontman said", "Velvet Revolver guitarist": a band.
	{"band-role-after", newsgraph.Agency, func(x *Extractor, toks []token, lab []string, p, q int) bool {
		return q+1 < len(toks) && bandRoles[toks[q+1].text]
	}},
	// "Daiwa shares fell", "a Fiat subsidiary": what only a company has.
	{"company-noun-after", newsgraph.Agency, func(x *Extractor, toks []token, lab []string, p, q int) bool {
		return q+1 < len(toks) && companyNouns[toks[q+1].text] && !labelledPerson(lab, p, q)
	}},
	// "a stake in Railtrack", "shares in Zentra": what one holds a part
	// of is a company.
	{"stake-in", newsgraph.Agency, func(x *Extractor, toks []token, lab []string, p, q int) bool {
		return p >= 2 && toks[p-1].text == "in" && stakeNouns[strings.ToLower(toks[p-2].text)]
	}},
	// "Zentrix said its sales rose", "Zentrix said on Monday that its
	// sales rose", "Dravik Holm said its ...": an unknown name, without a
	// given name first, whose reported clause opens with "its" is a
	// company or another body, not a person; not "Jafari said the
	// country would defend its borders".
	{"speaks-its", newsgraph.Agency, func(x *Extractor, toks []token, lab []string, p, q int) bool {
		return (p == q || !x.gaz.given[toks[p].text]) && q+1 < len(toks) && saidVerbs[toks[q+1].text] && clauseOpener(toks, q+2) == "its"
	}},
	// "Dravik Holm said it would cut jobs", "Kestrel Orvik said on
	// Friday it expected ...": a name of two or more words, neither
	// opening with a given name ("Jean-Luc") nor read as a person's by
	// the tagger ("Shinzo Abe"), whose reported clause opens with "it"
	// speaks of itself as a thing, a body; one word alone may be a
	// surname ("Varga said it was late").
	{"speaks-it", newsgraph.Agency, func(x *Extractor, toks []token, lab []string, p, q int) bool {
		given, _, _ := strings.Cut(toks[p].text, "-")
		return q > p && !x.gaz.given[given] && !labelledPerson(lab, p, q) && q+1 < len(toks) && saidVerbs[toks[q+1].text] && clauseOpener(toks, q+2) == "it"
	}},
	// "Quenby, the country's largest retailer", "Fenwick Ostrand is a
	// unit of Sallow Group": the phrase after the name says what kind of
	// body it is.
	{"apposed-descriptor", newsgraph.Agency, func(x *Extractor, toks []token, lab []string, p, q int) bool {
		return apposedDescriptor(toks, q)
	}},
	// "the Vasko government", "the Brandell camp": one unknown name
	// before the body it leads is the leader's surname. ("the X
	// administration" is left to the name written in full elsewhere: a
	// president's name alone there is often no actor of the article.)
	{"leader-of-body", newsgraph.Person, func(x *Extractor, toks []token, lab []string, p, q int) bool {
		return p == q && q+1 < len(toks) && ledBodies[toks[q+1].text] && !isAcronym(toks[p].text)
	}},
	// "Jafari said": a single unknown name that says something, unless
	// the tagger reads a company ("Daiwa said").
	{"speaks", newsgraph.Person, func(x *Extractor, toks []token, lab []string, p, q int) bool {
		return p == q && q+1 < len(toks) && saidVerbs[toks[q+1].text] && !isAcronym(toks[p].text) && !labelled(lab, p, q, "ORGANIZATION")
	}},
	// "the Administration", "the Court": an organisation's head word alone,
	// capitalised inside a sentence, names the one the text means.
	{"the-org-head", newsgraph.Agency, func(x *Extractor, toks []token, lab []string, p, q int) bool {
		return p == q && p > 0 && strings.EqualFold(toks[p-1].text, "the") && !sentenceInitial(toks, p-1) && (orgHeads[toks[p].text] || toks[p].text == "House")
	}},
	// "beat Celtic 2-0", "Arsenal 2 Chelsea 1": a name before a score or
	// a number on a table's row is a team, unless the tagger reads a player's name ("beat Steffi Graf
	// 6-3 6-4").
	{"score", newsgraph.Agency, func(x *Extractor, toks []token, lab []string, p, q int) bool {
		return teamScore(toks, q) && !(q > p && labelledPerson(lab, p, q))
	}},
}

// labelledPerson reports whether the tagger labels every token of [p, q]
// a person's.
func labelledPerson(lab []string, p, q int) bool { return labelled(lab, p, q, "PERSON") }

// labelled reports whether the tagger labels every token of [p, q] with
// the type typ.
func labelled(lab []string, p, q int, typ string) bool {
	if q >= len(lab) {
		return false
	}
	for k := p; k <= q; k++ {
		if strings.TrimLeft(lab[k], "BI-") != typ {
			return false
		}
	}
	return true
}

// bandRoles after a name make it a band's (band_roles.txt).
var bandRoles = wordSet("band_roles.txt")

// companyNouns after a name make it a company's (company_nouns.txt).
var companyNouns = wordSet("company_nouns.txt")

// stakeNouns are parts one holds of a company: "a stake in X".
var stakeNouns = lexicon.NewSet("stake", "stakes", "shares", "holding", "holdings", "interest", "investment", "investments", "share")

// bodySpeakers after a name speak for it as a body: "a Brivo spokeswoman".
var bodySpeakers = lexicon.NewSet("spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokespeople", "official", "officials", "statement")

// ledBodies are what a leader named before them leads: "the Vasko
// government".
var ledBodies = lexicon.NewSet("government", "regime", "cabinet", "camp", "aides", "campaign")

// namedWords introduce a name after a noun that says what it names.
var namedWords = lexicon.NewSet("named", "called", "nicknamed")

// personNoun reports whether t is a lower-case noun for a person: a role,
// a kin word, or a word the lemmatiser knows ending like an agent noun
// ("chef", "man", "woman", "boy", "teacher").
func personNoun(t token) bool {
	w := strings.ToLower(t.text)
	if w != t.text || !strings.HasPrefix(t.tag, "NN") {
		return false
	}
	return lowerTitles[w] || kinNouns[w] || personWords[w]
}

// personWords are common nouns for a person that no role list holds.
var personWords = wordSet("person_nouns.txt")

// orgCompoundEnds end the compound adjectives written before a company's
// name: "London-based", "state-owned", "Nasdaq-listed".
var orgCompoundEnds = []string{"based", "owned", "listed", "headquartered", "registered"}

// orgCompoundBefore reports whether such a compound ends just before token
// p, as one token or split at its hyphen.
func orgCompoundBefore(toks []token, p int) bool {
	if p == 0 {
		return false
	}
	w := strings.ToLower(toks[p-1].text)
	for _, e := range orgCompoundEnds {
		if strings.HasSuffix(w, "-"+e) || w == e && p >= 2 && toks[p-2].text == "-" {
			return true
		}
	}
	return false
}

// typeByContext types an unknown name [p, q] by the first context rule that
// holds and returns its name, or "" when none holds; an organisation found
// so is a weak guess.
func (x *Extractor) typeByContext(toks []token, lab []string, p, q int) (newsgraph.EntityType, string) {
	for _, r := range contextRules {
		if r.when(x, toks, lab, p, q) {
			return r.typ, r.name
		}
	}
	return "", ""
}

// describedOrg reports whether a descriptor noun in lower case comes right
// before the name ("investment firm Grant Samuel", "the band Velvet
// Revolver", "Norwegian telecoms company Telenor") or after it ("Empire
// magazine", "Reuters news agency"). It outweighs a given name at the start
// of the name and the name's own head word.
func (x *Extractor) describedOrg(toks []token, p, q int) bool {
	if p == q && notAcronyms[toks[p].text] {
		return false // "CBS TV network": "TV" is a common noun
	}
	if descriptorAfter(toks, q) && !indefiniteBefore(toks, p) {
		return true
	}
	if p == 0 {
		return false
	}
	d := toks[p-1].text
	if !descriptorNouns[d] {
		// "start-up companies Gizmondo and Tapwave": a plural descriptor
		// ("services" name programmes as often: "medical services
		// Medicare").
		d = singular(d)
		if d == "service" {
			return false
		}
	}
	// "broadcaster Piers Morgan": a word that is a person's role as well
	// describes a person before a given name.
	return descriptorNouns[d] && !(lowerTitles[d] && x.gaz.given[toks[p].text])
}

// indefiniteBefore reports whether an indefinite article comes before token
// p: in "a Frankfurt bank", "an Oslo firm" the name says where the
// organisation is, not what it is called.
func indefiniteBefore(toks []token, p int) bool {
	return p > 0 && indefinites[strings.ToLower(toks[p-1].text)]
}

var indefinites = lexicon.NewSet("a", "an", "another", "one")

// singular returns the singular of a regular plural noun ("companies",
// "firms"), or w.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// descriptorAfter reports whether one or two lower-case words after token q
// end in a descriptor noun that ends the phrase: "Empire magazine",
// "Reuters news agency", but not "Reuters group chairman". "group" and
// "service" alone after a name are too often part of a longer phrase.
func descriptorAfter(toks []token, q int) bool {
	for k := q + 1; k < len(toks) && k <= q+2; k++ {
		w := toks[k].text
		if !isWord(w) || isCap(toks[k]) {
			return false
		}
		if descriptorNouns[w] && (k > q+1 || w != "group" && w != "service") {
			return k+1 >= len(toks) || !strings.HasPrefix(toks[k+1].tag, "NN")
		}
	}
	return false
}

// apposedDescriptor reports whether a comma or a form of "be", then an
// article, then a few words headed by a descriptor noun follow token q
// (", the country's largest retailer", "is a unit of").
func apposedDescriptor(toks []token, q int) bool {
	k := q + 1
	if k+2 >= len(toks) || toks[k].text != "," && (toks[k].text == "'s" || !relBeForms[toks[k].text]) {
		return false
	}
	k++
	if w := strings.ToLower(toks[k].text); w != "the" && w != "a" && w != "an" {
		return false
	}
	for k++; k < len(toks) && k <= q+8; k++ {
		w := toks[k].text
		if !isWord(w) && w != "'s" && !strings.Contains(w, "-") {
			return false
		}
		if stopTag(toks[k].tag) {
			return false // "a member of the party": the head came first
		}
		if descriptorNouns[w] && (k+1 >= len(toks) || toks[k+1].text != "'s") {
			return k+1 >= len(toks) || !strings.HasPrefix(toks[k+1].tag, "NN")
		}
	}
	return false
}

// stopTag reports whether a part-of-speech tag ends a noun phrase's
// modifiers: a preposition, determiner, conjunction, verb or pronoun.
func stopTag(tag string) bool {
	for _, p := range []string{"IN", "DT", "CC", "VB", "W", "TO", "PRP", "MD"} {
		if strings.HasPrefix(tag, p) {
			return true
		}
	}
	return false
}

// scoreAfter reports whether a score follows token q: "2-0", "2 - 0", or
// a number then a capitalised name and a number ("Arsenal 2 Chelsea 1").
func scoreAfter(toks []token, q int) bool {
	if q+1 >= len(toks) {
		return false
	}
	t := toks[q+1].text
	if isScore(t) {
		return true
	}
	if !isDigits(t) || q+3 >= len(toks) {
		return false
	}
	if toks[q+2].text == "-" && isDigits(toks[q+3].text) {
		return true
	}
	// "Arsenal 2 Chelsea 1"
	k := q + 2
	for k < len(toks) && isCap(toks[k]) {
		k++
	}
	return k > q+2 && k < len(toks) && isDigits(toks[k].text)
}

// isScore reports whether s reads as a score: digits, a dash, digits.
func isScore(s string) bool {
	a, b, ok := strings.Cut(s, "-")
	return ok && isDigits(a) && isDigits(b) && len(a) <= 3 && len(b) <= 3
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// firstPronoun returns the first personal or possessive pronoun from token
// k to the end of the sentence, in lower case, or "".
func firstPronoun(toks []token, k int) string {
	for ; k < len(toks); k++ {
		if w := strings.ToLower(toks[k].text); pronouns[w] {
			return w
		}
	}
	return ""
}

// pronouns are the personal and possessive pronouns firstPronoun finds;
// personalPronouns stand for a person only.
var (
	pronouns         = wordColumn("pronouns.tsv", "any")
	personalPronouns = wordColumn("pronouns.tsv", "person")
)

// clauseOpener returns the first word, in lower case, of the reported
// clause that starts at token k, past a "that" and a phrase of time ("on
// Monday", "last week"), or "".
func clauseOpener(toks []token, k int) string {
	skip := func(ok func(w string) bool) {
		for k < len(toks) && ok(strings.ToLower(toks[k].text)) {
			k++
		}
	}
	that := func(w string) bool { return w == "that" || w == "," }
	skip(that)
	skip(func(w string) bool { return timePreps[w] || calendarWords[w] || relTimeWords[w] })
	skip(that)
	if k >= len(toks) {
		return ""
	}
	return strings.ToLower(toks[k].text)
}

// timePreps open a phrase of time between a speech verb and its clause.
var timePreps = wordSet("time_preps.txt")
