package extract

import (
	"strings"

	"newsgraph"
)

// regionalDivisions joins a company the gazetteer knows and a world region
// written right after it into one agency, the company's division there
// ("Nintendo Europe's general manager": Nintendo Europe, not Nintendo and
// Europe). States' bodies keep their own readings ("EU" is no company).
func regionalDivisions(doc *document, cands []cand) []cand {
	out := cands[:0]
	for i := 0; i < len(cands); i++ {
		c := cands[i]
		if i+1 < len(cands) && divisionPair(doc, c, cands[i+1]) {
			c = cand{sent: c.sent, first: c.first, last: cands[i+1].last, typ: newsgraph.Agency}
			i++
		}
		out = append(out, c)
	}
	return out
}

// divisionPair reports whether a is a company and b a region right after it.
func divisionPair(doc *document, a, b cand) bool {
	if a.sent != b.sent || b.first != a.last+1 || a.typ != newsgraph.Agency || a.key == "" || a.stateOf != "" || a.team || a.paper {
		return false
	}
	if b.typ != newsgraph.Place && b.typ != "" {
		return false
	}
	return divisionRegions[joinText(doc, doc.sents[b.sent].toks, b.first, b.last)]
}

// divisionOf reports whether name is the division of company in a world
// region ("Nintendo Europe" of "Nintendo").
func divisionOf(name, company string) bool {
	rest, ok := strings.CutPrefix(name, company+" ")
	return ok && divisionRegions[rest]
}
