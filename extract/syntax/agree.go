package syntax

import "strings"

// The XPOS pass chooses each Penn tag from prose's tag and a narrow window;
// the UPOS pass, run after it, sees more of the sentence and overrules it
// now and then: prose's "fought" stays NN in XPOS but becomes VERB in UPOS.
// A verb with a noun's Penn tag would be lemmatised as a noun by the
// extractor ("fought against" for "fight against"), so once the sentence is
// parsed agree makes the XPOS of such a word the best-scoring verb tag of
// the XPOS model. UPOS wins because its pass reads more context; only verbs
// are mended, the one disagreement that changes a lemma. The parser itself
// reads the tags as they were chosen, as it did in training: mending them
// before parsing lowered UAS on EWT and GUM test (0.8496 to 0.8490, 0.8403
// to 0.8392).

// verbTag reports whether a Penn tag is a verb's.
func verbTag(xpos string) bool { return strings.HasPrefix(xpos, "VB") }

// verbTags marks the verb tags among the tagger's XPOS classes.
func (t *tagger) verbTags() []bool {
	m := make([]bool, len(t.XPOS))
	for c, x := range t.XPOS {
		m[c] = verbTag(x)
	}
	return m
}

// agree re-chooses, among verb tags, the XPOS of each word tagged VERB in
// UPOS but not as a verb in XPOS.
func (t *tagger) agree(ls []lex, pr []uint64, xp, up []int, sc *tagScratch) {
	var verbs []bool // made on the first disagreement: most sentences have none
	for i := range ls {
		if t.UPOS[up[i]] != "VERB" || verbTag(t.XPOS[xp[i]]) {
			continue
		}
		sc.feats = xposFeatures(sc.feats[:0], ls, pr, xp, i)
		if cap(sc.scores) < t.X.Classes {
			sc.scores = make([]float32, t.X.Classes)
		}
		s := sc.scores[:t.X.Classes]
		t.X.score(sc.feats, s)
		if verbs == nil {
			verbs = t.verbTags()
		}
		if c := best(s, verbs); c >= 0 {
			xp[i] = c
		}
	}
}
