package extract

import (
	"context"
)

// CorefLink is one word or phrase the coreference stage linked to an actor
// (coref.go): its byte span in the text, the sieve that linked it, the
// actor's ID, and the byte spans of the actor's own mentions (not links)
// before it, the nearest last.
type CorefLink struct {
	Start, End  int
	Sieve       string
	Entity      string
	Antecedents [][2]int
}

// Coreference runs the stages up to coreference on text and returns the
// links it made, in text order. It is for evaluation (newsgraph
// eval-coref); Extract uses the same links to find relations.
func (x *Extractor) Coreference(ctx context.Context, text string) ([]CorefLink, error) {
	doc := &document{text: text}
	st := x.stages()
	if err := x.run(ctx, doc, st[:corefStage+1]); err != nil {
		return nil, err
	}
	var out []CorefLink
	for si, links := range doc.corefs {
		toks := doc.sents[si].toks
		for _, l := range links {
			start := toks[l.first].start
			out = append(out, CorefLink{Start: start, End: toks[l.last].end, Sieve: l.sieve,
				Entity: doc.ents[l.ent].ID, Antecedents: mentionSpans(doc, l.ent, start)})
		}
	}
	return out, nil
}

// mentionSpans returns the byte spans of the mentions of actor e that end
// before offset before.
func mentionSpans(doc *document, e, before int) [][2]int {
	var out [][2]int
	for _, s := range doc.sents {
		for _, m := range s.mentions {
			if m.ent != e || m.resolved {
				continue
			}
			if end := s.toks[m.last].end; end <= before {
				out = append(out, [2]int{s.toks[m.first].start, end})
			}
		}
	}
	return out
}
