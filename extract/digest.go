package extract

import (
	"strings"

	"newsgraph"
)

// Press digests: a wire's digest of a country's newspapers ("GREECE : PRESS
// DIGEST", "Jordan - press digest") opens each story with the paper's name
// and a colon ("KATHIMERINI : The government will ..."). That name is a
// newspaper, an agency, whatever its capitals suggest to the tagger.

// maxDigestSourceWords bounds the words of a paper's name before its colon
// ("AL RAI", "THE JORDAN TIMES").
const maxDigestSourceWords = 4

// pressDigest reports whether one of the article's first lines calls it a
// press digest.
func pressDigest(doc *document) bool {
	for si := 0; si < len(doc.sents) && si < 3; si++ {
		s := doc.sents[si]
		if strings.Contains(strings.ToLower(doc.text[s.start:s.end]), "press digest") {
			return true
		}
	}
	return false
}

// digestSourceEnd returns the last token of the paper's name that opens
// sentence si of a press digest, or -1: up to maxDigestSourceWords
// capitalised words at the start of a line, then a colon.
func digestSourceEnd(doc *document, si int) int {
	s := doc.sents[si]
	if !doc.digest || len(s.toks) < 3 || !lineStart(doc.text, s.toks[0].start) || headline(doc, si) {
		return -1
	}
	k := 0
	for k < len(s.toks) && k < maxDigestSourceWords && isWord(s.toks[k].text) && isCap(s.toks[k]) {
		k++
	}
	if k == 0 || k >= len(s.toks) || s.toks[k].text != ":" {
		return -1
	}
	return k - 1
}

// digestSourceCand is the paper that opens sentence si, ending at token k:
// the gazetteer's agency when it knows the name, else an agency of its own;
// either way a paper, of the MEDIA sector.
func (x *Extractor) digestSourceCand(toks []token, si, k int) cand {
	if n, e, ok := x.longest(toks, 0, k, true); ok && n == k+1 && e.typ == newsgraph.Agency {
		c := gazCand(e, 0, k)
		c.sent, c.paper = si, true
		return c
	}
	return cand{sent: si, first: 0, last: k, typ: newsgraph.Agency, paper: true}
}
