package syntax

import (
	"strings"
	"testing"
	"time"

	"github.com/jdkato/prose/v2"

	"newsgraph"
	"newsgraph/extract/internal/cputime"
)

// benchText is the embedded seed articles (Wikinews), the same text for
// both benchmarks.
func benchText(b *testing.B) string {
	b.Helper()
	arts, err := newsgraph.Seeds()
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for _, a := range arts[:min(len(arts), 40)] {
		sb.WriteString(a.Text)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// proseSentences tokenizes the text with prose (sentences and tokens only).
func proseSentences(b *testing.B, text string) [][]string {
	doc, err := prose.NewDocument(text, prose.WithExtraction(false), prose.WithTagging(false))
	if err != nil {
		b.Fatal(err)
	}
	var out [][]string
	for _, s := range doc.Sentences() {
		d, err := prose.NewDocument(s.Text, prose.WithExtraction(false), prose.WithTagging(false), prose.WithSegmentation(false))
		if err != nil {
			b.Fatal(err)
		}
		var ws []string
		for _, t := range d.Tokens() {
			ws = append(ws, t.Text)
		}
		if len(ws) > 0 {
			out = append(out, ws)
		}
	}
	return out
}

func countTokens(ss [][]string) int {
	n := 0
	for _, s := range ss {
		n += len(s)
	}
	return n
}

// BenchmarkTagParse is our UPOS tagging and parsing of prose's tokens with
// prose's Penn tags, as the extractor hands them over, one goroutine:
// /model as the model parses (its beam), /greedy the same weights without
// the beam. Compare tokens/s with BenchmarkProseTagger, run beside it:
//
//	go test -run '^$' -bench 'TagParse|ProseTagger' -cpu 1 ./extract/syntax
func BenchmarkTagParse(b *testing.B) {
	d := mustDefault(b)
	greedy := &Model{tag: d.tag, parse: d.parse}
	greedy.parse.Beam = 1
	b.Run("model", func(b *testing.B) { benchTagParse(b, d) })
	b.Run("greedy", func(b *testing.B) { benchTagParse(b, greedy) })
}

// benchTagParse times m's tagging and parsing of the benchmark text.
func benchTagParse(b *testing.B, m *Model) {
	ss := proseSentences(b, benchText(b))
	toks := make([][]Token, len(ss))
	for i, s := range ss {
		text, spans := joinWords(s)
		tags := tagSpans(text, spans)
		for j, w := range s {
			toks[i] = append(toks[i], Token{Text: w, Start: spans[j][0], End: spans[j][1], Tag: tags[j]})
		}
	}
	cpu := cputime.Since()
	for b.Loop() {
		for _, s := range toks {
			m.ParseTokens(s)
		}
	}
	reportSpeed(b, countTokens(ss), cpu)
}

// BenchmarkProseTagger is prose's tagger alone on the same sentences (its
// model loaded once; each sentence is tokenized and tagged, nothing else).
func BenchmarkProseTagger(b *testing.B) {
	text := benchText(b)
	ss := proseSentences(b, text)
	warm, err := prose.NewDocument("Warm up.", prose.WithExtraction(false))
	if err != nil {
		b.Fatal(err)
	}
	joined := make([]string, len(ss))
	for i, s := range ss {
		joined[i] = strings.Join(s, " ")
	}
	cpu := cputime.Since()
	for b.Loop() {
		for _, s := range joined {
			if _, err := prose.NewDocument(s, prose.UsingModel(warm.Model), prose.WithExtraction(false), prose.WithSegmentation(false)); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportSpeed(b, countTokens(ss), cpu)
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(strings.NewReader(string(embedded))); err != nil {
			b.Fatal(err)
		}
	}
}

// reportSpeed reports tokens per second of wall time and of CPU time.
func reportSpeed(b *testing.B, tokens int, cpu func() time.Duration) {
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(tokens*b.N)/cpu().Seconds(), "tokens/cpu-s")
}
