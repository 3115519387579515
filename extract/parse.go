package extract

import (
	"context"

	"newsgraph/extract/syntax"
)

// parse is the stage that gives each sentence its dependency tree (package
// syntax: UD part-of-speech tags, heads and relations over UD words, each
// word's byte offsets in Spans), for relation finding and coreference to
// read.
func (x *Extractor) parse(ctx context.Context, doc *document) error {
	m, err := syntax.Default()
	if err != nil {
		return err
	}
	var toks []syntax.Token
	for i := range doc.sents {
		if stopped(ctx, i) {
			return ctx.Err()
		}
		s := &doc.sents[i]
		toks = toks[:0]
		for _, t := range s.toks {
			toks = append(toks, syntax.Token{Text: t.text, Start: t.start, End: t.end})
		}
		s.tree = m.ParseTokens(toks)
	}
	return nil
}

// Parse splits text into sentences and tokens as Extract does and returns
// each sentence's dependency tree; Spans are byte offsets into text.
func (x *Extractor) Parse(ctx context.Context, text string) ([]syntax.Tree, error) {
	doc := &document{text: text}
	if err := x.run(ctx, doc, []stage{x.readText, x.parse}); err != nil {
		return nil, err
	}
	trees := make([]syntax.Tree, len(doc.sents))
	for i, s := range doc.sents {
		trees[i] = s.tree
	}
	return trees, nil
}

// Lemma is the base form the extractor gives a word with a Penn tag
// (lower case; inflected nouns and verbs looked up, other words as they are).
func Lemma(word, xpos string) string { return lemma(word, xpos) }
