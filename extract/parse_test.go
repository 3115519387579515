package extract

import (
	"context"
	"testing"

	"newsgraph/extract/internal/cputime"
	"newsgraph/extract/syntax"
)

// TestParseStage checks the hook: every sentence of the document gives a
// tree over its words, whose offsets are inside the sentence and whose words
// are the text at those offsets.
func TestParseStage(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Russia's foreign ministry didn't comment. The well-known talks, held in Geneva, were attended by Sergei Lavrov and Antony Blinken."
	doc, _, err := x.read(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.sents) != 2 {
		t.Fatalf("read(%q): %d sentences; want 2", text, len(doc.sents))
	}
	for _, s := range doc.sents {
		tr, err := s.tree()
		if err != nil {
			t.Fatal(err)
		}
		if len(tr.Words) < len(s.toks) || len(tr.Spans) != len(tr.Words) {
			t.Fatalf("sentence %q: %d words, %d spans for %d tokens", text[s.start:s.end], len(tr.Words), len(tr.Spans), len(s.toks))
		}
		if err := syntax.CheckTree(tr.Head); err != nil {
			t.Errorf("sentence %q: %v", text[s.start:s.end], err)
		}
		for i, sp := range tr.Spans {
			if sp[0] < s.start || sp[1] > s.end || text[sp[0]:sp[1]] != tr.Words[i] {
				t.Errorf("word %q has span %v in sentence %d:%d", tr.Words[i], sp, s.start, s.end)
			}
		}
	}
}

// BenchmarkExtractEveryTree is BenchmarkExtract with every sentence's tree
// made, as relation finding on trees will ask for them; compare its
// tokens/s with BenchmarkProseOnly and BenchmarkExtract in the same run:
//
//	go test -run '^$' -bench 'ProseOnly|Extract$|ExtractEveryTree' -benchtime 3x -cpu 1 ./extract
func BenchmarkExtractEveryTree(b *testing.B) {
	x := mustNew(b)
	if _, err := syntax.Default(); err != nil { // loaded once per process, not timed
		b.Fatal(err)
	}
	stages := append(x.stages(), everyTree)
	text := benchText(b)
	tokens := 0
	b.ResetTimer()
	cpu := cputime.Since()
	for b.Loop() {
		doc := &document{text: text}
		if err := x.run(context.Background(), doc, stages); err != nil {
			b.Fatal(err)
		}
		tokens += doc.words
	}
	reportSpeed(b, tokens, cpu)
}

// everyTree is a stage that parses every sentence.
func everyTree(_ context.Context, doc *document) error {
	for i := range doc.sents {
		if _, err := doc.sents[i].tree(); err != nil {
			return err
		}
	}
	return nil
}
