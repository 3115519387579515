package extract

import (
	"strings"

	"newsgraph"
)

// The edges of an organisation's mention: words the text writes as part of
// the name that the name's canonical form leaves out. (A capitalised "The"
// inside a sentence, "a band called The Triffids", is left out of the
// mention too: with it, Universal NER's EWT test and GUM's news scored
// lower, wikigold's held-out fifth no higher.)
//
//   - A legal form after a possessive ("McDonald 's Corp", "Nicholson 's
//     Limited") or after a comma ("Google, Inc.", "CCNG, Inc.") closes a
//     company's name: the words before it are the company, whatever else
//     they looked like ("at Brantwell, Inc." is no place), unless a
//     gazetteer knows them as something else; the mention runs to the
//     legal form.
//   - A legal form alone ("John Smith 's Limited company") names no
//     company: the name before it, when it is a company's, takes it in.
//   - An abbreviation's stop ("Enron Corp.", "Martin Luther King Jr.") is
//     part of the abbreviation when the sentence goes on after it
//     (mentionEnd).

// markEdges widens the mentions of cands by the words around them that
// their names are written with.
func markEdges(doc *document, cands []cand) {
	for i := range cands {
		c := &cands[i]
		toks := doc.sents[c.sent].toks
		if loneLegal(toks, *c) {
			c.typ = ""
			continue
		}
		comma := legalAfter(toks, c.last) && (c.key == "" && c.typ != newsgraph.State || c.typ == newsgraph.Agency)
		owned := ownedLegal(toks, c.last) && (c.typ == newsgraph.Agency || c.typ == "")
		if (comma || owned) && !c.nonActor {
			c.typ = newsgraph.Agency
			c.trail = 2
			if i > 0 && c.full == "" {
				stateBefore(doc, cands[i-1], c)
			}
		}
		if c.typ != newsgraph.Agency {
			continue
		}
		if c.trail == 0 && legalNext(toks, c.last) {
			c.trail = 1
		}
	}
}

// stateBefore gives the company c the state adjective or name p written
// just before it as its full form ("Hungarian National Asset Management,
// Inc."), the way orgCands does for a name with an organisation's head word.
func stateBefore(doc *document, p cand, c *cand) {
	if p.sent != c.sent || p.last != c.first-1 || p.typ != newsgraph.State || p.capital {
		return
	}
	toks := doc.sents[c.sent].toks
	c.full = doc.text[toks[p.first].start:mentionEnd(doc, toks, c.last+c.trail)]
	c.fullReason = "with state adjective"
	c.stateOf = strings.TrimPrefix(p.key, "state:")
}

// legalAfter reports whether a comma and a company's legal form follow
// token q, and the legal form ends the name ("Google, Inc. of Mountain
// View"), not opens another ("Acme, Inc. Ltd").
func legalAfter(toks []token, q int) bool {
	if q+2 >= len(toks) || toks[q+1].text != "," || !companyHeads[toks[q+2].text] || companyHeads[toks[q].text] {
		return false
	}
	return q+3 >= len(toks) || !isCap(toks[q+3]) || !isWord(toks[q+3].text)
}

// ownedLegal reports whether a possessive and a company's legal form
// follow token q ("Nicholson 's Limited"): the founder's name with its
// possessive is the company's, when nothing read it as a person's or a
// place's ("Putin 's Corp" is no company of Putin's name).
func ownedLegal(toks []token, q int) bool {
	return q+2 < len(toks) && possessive(toks[q+1].text) && companyHeads[toks[q+2].text] && !companyHeads[toks[q].text]
}

// loneLegal reports whether c is a company's legal form and nothing else
// ("Limited", "Corp"), which no gazetteer knows as a name of its own.
func loneLegal(toks []token, c cand) bool {
	return c.first == c.last && c.key == "" && companyHeads[strings.TrimSuffix(toks[c.first].text, ".")]
}

// legalNext reports whether a company's legal form follows token q with no
// comma, outside the name's chunk: after a possessive ("McDonald 's Corp").
func legalNext(toks []token, q int) bool {
	return q+1 < len(toks) && companyHeads[toks[q+1].text] && !companyHeads[toks[q].text] && possessive(toks[q].text)
}

// mentionEnd is the byte offset where a mention whose last token is t ends:
// after the token, and after an abbreviation's stop that the tokenizer
// split from it ("Corp" "."), unless that stop ends the sentence (toks[k]
// is t).
func mentionEnd(doc *document, toks []token, k int) int {
	t := toks[k]
	if k+2 < len(toks) && toks[k+1].text == "." && toks[k+1].start == t.end && abbreviations[strings.ToLower(t.text)] {
		return toks[k+1].end
	}
	return t.end
}
