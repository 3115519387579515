package extract

import (
	"context"
	"strings"
	"testing"
)

// longestByMap is longest as it was first written: the key of every run of
// up to maxLen tokens built and looked up, with no early stop. It is the
// reference the indexed search must agree with, and its baseline.
func (x *Extractor) longestByMap(toks []token, i, b int, caps bool) (int, entry, bool) {
	g := x.gaz
	var key strings.Builder
	best, bestE := 0, entry{}
	for j := i; j <= b && j-i < g.maxLen; j++ {
		key.WriteString(phraseKey(toks[j].text))
		if e, ok := g.lookup(key.String(), caps); ok {
			best, bestE = j-i+1, e
		}
	}
	return best, bestE, best > 0
}

// corpusSentences reads texts into sentences of tokens.
func corpusSentences(tb testing.TB, x *Extractor, texts []string) []sentence {
	var out []sentence
	for _, text := range texts {
		doc := &document{text: text}
		if err := x.readText(context.Background(), doc); err != nil {
			tb.Fatal(err)
		}
		out = append(out, doc.sents...)
	}
	return out
}

// gazTexts are the seeds and, with the team's data, Wikinews, and a few
// lines of the gazetteer's hard cases: all-caps headlines, curly
// apostrophes, names cut short by the end of a sentence.
func gazTexts(tb testing.TB) []string {
	texts := []string{
		"UNITED STATES AND UNITED KINGDOM SIGN DEAL WITH NEW SOUTH WALES",
		"Côte d’Ivoire and Cote d'Ivoire met the People’s Republic of China in Guinea-Bissau.",
		"Officials of the United Nations Security Council flew to New York and the United",
	}
	return append(texts, tagSentences(tb)...)
}

// The indexed search finds the same phrase as the plain one at every token
// of the corpus, to every end, in mixed case and in capitals.
func TestLongestMatchesPlainSearch(t *testing.T) {
	x := mustNew(t)
	calls, found := 0, 0
	for _, s := range corpusSentences(t, x, gazTexts(t)) {
		toks := s.toks
		for i := range toks {
			for _, b := range []int{i, min(i+2, len(toks)-1), len(toks) - 1} {
				for _, caps := range []bool{false, true} {
					n, e, ok := x.longest(toks, i, b, caps)
					wn, we, wok := x.longestByMap(toks, i, b, caps)
					calls++
					if ok {
						found++
					}
					if n != wn || e != we || ok != wok {
						t.Fatalf("longest(%q, %d, %d, %v) = %d %v %v; want %d %v %v", toks[i].text, i, b, caps, n, e, ok, wn, we, wok)
					}
				}
			}
		}
	}
	if found == 0 {
		t.Fatalf("no phrase found in %d searches", calls)
	}
	t.Logf("%d searches, %d found a phrase", calls, found)
}

// BenchmarkLongest searches the longest phrase at every token of the seeds,
// with the index and without.
func BenchmarkLongest(b *testing.B) {
	x := mustNew(b)
	sents := corpusSentences(b, x, gazTexts(b)[:2000])
	for _, bc := range []struct {
		name string
		f    func([]token, int, int, bool) (int, entry, bool)
	}{{"map", x.longestByMap}, {"indexed", x.longest}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				for _, s := range sents {
					for i := range s.toks {
						bc.f(s.toks, i, len(s.toks)-1, false)
					}
				}
			}
		})
	}
}
