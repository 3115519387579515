package extract

import (
	"strings"

	"newsgraph"
)

// Parties' acronyms: the gazetteer knows thousands of parties' acronyms
// (parties.tsv), and many are also words or other abbreviations in
// capitals ("AND", "CPI", "NOW"). An acronym counts as its party only in an
// article that names the party's state (by name, demonym, capital, or a
// region or US state inside it) or the party in full.

// strayPartyAcronyms takes the party reading from the acronyms of cands
// whose party the article gives no other sign of.
func (x *Extractor) strayPartyAcronyms(doc *document, cands []cand) {
	states := map[string]bool{}
	keys := map[string]bool{}
	for _, c := range cands {
		switch {
		case strings.HasPrefix(c.key, "state:"):
			states[strings.TrimPrefix(c.key, "state:")] = true
		case c.typ == newsgraph.Place && c.name != "":
			states[x.gaz.placeISO[phraseKey(c.name)]] = true
		}
		if c.partyOf == "" && c.key != "" {
			keys[c.key] = true
		}
		if c.stateOf != "" {
			states[c.stateOf] = true
		}
	}
	for i := range cands {
		c := &cands[i]
		if c.partyOf != "" && !states[c.partyOf] && !keys[c.key] {
			c.typ = ""
			c.key = ""
		}
	}
}
