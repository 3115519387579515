package extract

import (
	"context"

	"newsgraph/extract/syntax"
)

// tree returns the sentence's dependency tree (package syntax: UD
// part-of-speech tags, heads and relations over UD words, each word's byte
// offsets in Spans), parsing and mending (parse_mend.go) the sentence the
// first time a stage asks. The
// parser reads the Penn tags readText already has from prose, so nothing is
// tagged twice.
// Parsing costs about as much as all the other stages together, so a
// document pays for it only in the sentences a stage reads the tree of;
// the model itself is loaded once per process, on first use.
func (s *sentence) tree() (syntax.Tree, error) {
	if s.parsed == nil {
		m, err := syntax.Default()
		if err != nil {
			return syntax.Tree{}, err
		}
		toks := make([]syntax.Token, len(s.toks))
		for i, t := range s.toks {
			toks[i] = syntax.Token{Text: t.text, Start: t.start, End: t.end, Tag: t.tag}
		}
		t := m.ParseTokens(toks)
		mendTree(&t)
		s.parsed = &t
	}
	return *s.parsed, nil
}

// Parse splits text into sentences and tokens as Extract does and returns
// each sentence's dependency tree as the stages read it, mended
// (parse_mend.go); Spans are byte offsets into text.
func (x *Extractor) Parse(ctx context.Context, text string) ([]syntax.Tree, error) {
	doc := &document{text: text}
	if err := x.readText(ctx, doc); err != nil {
		return nil, err
	}
	trees := make([]syntax.Tree, len(doc.sents))
	for i := range doc.sents {
		if stopped(ctx, i) {
			return nil, ctx.Err()
		}
		t, err := doc.sents[i].tree()
		if err != nil {
			return nil, err
		}
		trees[i] = t
	}
	return trees, nil
}

// Lemma is the base form the extractor gives a word with a Penn tag
// (lower case; inflected nouns and verbs looked up, other words as they are).
func Lemma(word, xpos string) string { return lemma(word, xpos) }
