// Package extract turns the text of a news article into actors (persons,
// states, agencies and places), their mentions with byte offsets, and the
// relations the text states between them.
//
// An Extractor loads its models once and is safe for concurrent use:
//
//	x, err := extract.New()
//	if err != nil {
//		return err
//	}
//	ex, err := x.Extract(ctx, &newsgraph.Article{Text: text})
//	for _, e := range ex.Entities {
//		fmt.Println(e.ID, e.Name, e.Type, e.Aliases)
//	}
//
// The pipeline: sentences and tokens with byte offsets (prose's tokenizer and
// tagger, aligned back to the text), recognition (gazetteers embedded in the
// binary, organisation and title patterns, and an averaged-perceptron NER
// tagger trained on free corpora, see tagger.go and data/NOTICE.md), resolution
// of the mentions into one entity per actor (surnames, acronyms defined in the
// text, demonyms and capitals of states), relation finding over the result,
// and last the names made safe to be canonical (names_unicode.go: NFC, no
// invisible characters, mixed-script look-alikes folded).
package extract
