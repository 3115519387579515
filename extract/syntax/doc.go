// Package syntax is newsgraph's part-of-speech tagger and dependency parser,
// trained on Universal Dependencies (English EWT and the CC BY genres of GUM).
// It needs nothing of the extractor: words in, a labelled tree out.
//
//	m, err := syntax.Default() // the embedded model, loaded once, shared
//	if err != nil {
//		return err
//	}
//	t := m.Parse([]string{"Russia", "signed", "the", "treaty", "."}) // tagged with prose
//	// t.UPOS[1] == "VERB", t.Head[0] == 2, t.Rel[0] == "nsubj"
//
// ParseTokens takes tokens with byte offsets and Penn tags (prose's, as the
// extractor has them), makes UD words of them (UDWords) and gives each
// word's offsets in Tree.Spans. The parser reads prose's Penn tags (XPOS in
// the tree) rather than tagging again; words without tags are tagged with
// prose first. `newsgraph parse` and `newsgraph eval-parse` are the commands.
//
// Where things are:
//
//   - conllu.go: the CoNLL-U reader (errors name the line) and writer.
//   - words.go: the one place where our tokens become UD words (hyphens, a
//     sentence-final period stuck to a word).
//   - hash.go, perceptron.go: feature hashing into flat []float32 weights and
//     the averaged perceptron both models use; packed.go: a loaded model's
//     int16 weights laid out for summing, with AVX2 where the processor has
//     it (packed_amd64.s) and in plain Go elsewhere; hugepages_linux.go:
//     the arrays in memory the kernel may back with huge pages.
//   - prosetags.go: prose's Penn tags for words that come without them, in
//     their sentence's text, the same way in training, evaluation and use.
//   - tagger.go: XPOS from prose's Penn tags and the words, then UPOS,
//     greedy left to right; lexicon.go: the tags and capitalisation of the
//     training treebanks' frequent forms, which both passes read;
//     agree.go: after parsing, a word the UPOS pass made a verb gets a
//     verb's Penn tag (prose's "fought" as NN).
//   - transition.go: the arc-eager system (root at the end of the buffer) and
//     Goldberg & Nivre's dynamic oracle; features.go: Zhang & Nivre 2011
//     feature templates; parser.go: greedy parsing and the label model;
//     labelcache.go: labels remembered by their features.
//   - beam.go: beam search over the moves (the model's width, and a margin
//     past which a move is not kept); beamtrain.go: its global training
//     (max-violation structured perceptron), started from the greedy
//     parser's weights.
//   - model.go: the embedded model (model.bin.gz, see NOTICE.md), Load, Save.
//   - train.go: training (UPOS tagger, jackknifed UPOS, greedy parser with
//     exploration, then the beam);
//     eval.go: UPOS, UAS and LAS against gold trees.
//   - cmd/train: the reproducible command that writes model.bin.gz.
package syntax
