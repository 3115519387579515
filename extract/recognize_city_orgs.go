package extract

import (
	"strings"

	"newsgraph"
)

// cityOrg reads the chunk [a, b] as an organisation named after its city:
// a city's name, then one or two capitalised words that are English words
// or a plural nickname and that no list knows ("Perth Glory", "Oslo
// Bourse", "Boston Globe", "Rochester Jeffersons"). A city is no actor; a
// city with a word of its own is the name of a club, a paper, an exchange
// or a company. Words that make a place ("Sydney Harbour"), an event
// ("Beijing Olympics"), a person's role ("London Mayor") or a person's
// name ("Paris Hilton": a given name that is no English word) are no such
// word, and a place's name after "in" or "at" or before a lower-case
// place noun ("the Tokyo Metropolitan area") stays a place.
func (x *Extractor) cityOrg(doc *document, si, a, b int, caps bool) (cand, bool) {
	toks := doc.sents[si].toks
	n, e, ok := x.longest(toks, a, b, caps)
	if !ok || e.typ != newsgraph.Place && !(e.typ == newsgraph.State && e.kind == kindCapital) {
		return cand{}, false
	}
	k := a + n
	if k > b || b-k > 1 || a > 0 && placePreps[strings.ToLower(toks[a-1].text)] {
		return cand{}, false
	}
	// "Male Magellanic penguins": a city that is also an English word
	// opens the sentence for the word's sake.
	if n == 1 && sentenceInitial(toks, a) && x.commonWord(toks[a].text) {
		return cand{}, false
	}
	// "the London Critics' Circle", "Windsor Locks' selectman": a plural's
	// possessive says the words are a longer name or a place's.
	if b+1 < len(toks) && toks[b+1].text == "'" {
		return cand{}, false
	}
	// "the Tokyo Metropolitan area", "the Osaka Bay region": a common
	// place noun after the words makes them a place's name.
	if b+1 < len(toks) && placeWords[toks[b+1].text] {
		return cand{}, false
	}
	if x.anyGaz(toks, k, b, caps) || x.titleAt(toks, k, b) > 0 || x.gaz.given[toks[k].text] && !dictWord(toks[k].text) {
		return cand{}, false
	}
	for i := k; i <= b; i++ {
		if !x.cityOrgWord(toks[i].text) {
			return cand{}, false
		}
	}
	return cand{sent: si, first: a, last: b, typ: newsgraph.Agency}, true
}

// cityOrgWord reports whether w may follow a city's name in the name of an
// organisation: a title-cased English word or plural, no head word of a
// place, an event or a role, nor a direction ("Belfast East", "Davao
// Oriental" are places).
func (x *Extractor) cityOrgWord(w string) bool {
	lw := strings.ToLower(w)
	if allCaps(w) || !isCapWord(w) || nonActorHeads(w) || genericWords[w] || placeWords[lw] || lowerTitles[lw] || personTitles[lw] || extraTitles[lw] || calendarWords[lw] {
		return false
	}
	plural := strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
	// Dictionary words that are also given names ("Glory", "Hope") count
	// as words here: after a city they are no one's first name.
	return plural || dictWord(w) || x.commonWord(w)
}
