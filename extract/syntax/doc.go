// Package syntax is newsgraph's part-of-speech tagger and dependency parser,
// trained on Universal Dependencies (English EWT and the CC BY genres of GUM).
// It needs nothing of the extractor: words in, a labelled tree out.
//
//	m, err := syntax.Default() // the embedded model, loaded once, shared
//	if err != nil {
//		return err
//	}
//	t := m.Parse([]string{"Russia", "signed", "the", "treaty", "."})
//	// t.UPOS[1] == "VERB", t.Head[0] == 2, t.Rel[0] == "nsubj"
//
// ParseTokens takes tokens with byte offsets (prose's, as the extractor has
// them), makes UD words of them (UDWords) and gives each word's offsets in
// Tree.Spans. `newsgraph parse` and `newsgraph eval-parse` are the commands.
//
// Where things are:
//
//   - conllu.go: the CoNLL-U reader (errors name the line) and writer.
//   - words.go: the one place where our tokens become UD words (hyphens, a
//     sentence-final period stuck to a word).
//   - hash.go, perceptron.go: feature hashing into flat []float32 weights and
//     the averaged perceptron both models use.
//   - tagger.go: UPOS and Penn XPOS, greedy left to right.
//   - transition.go: the arc-eager system (root at the end of the buffer) and
//     Goldberg & Nivre's dynamic oracle; features.go: Zhang & Nivre 2011
//     feature templates; parser.go: greedy parsing.
//   - model.go: the embedded model (model.gob.gz, see NOTICE.md), Load, Save.
//   - train.go: training (tagger, jackknifed tags, parser with exploration);
//     eval.go: UPOS, UAS and LAS against gold trees.
//   - cmd/train: the reproducible command that writes model.gob.gz.
package syntax
