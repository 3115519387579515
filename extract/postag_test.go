package extract

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"

	"newsgraph"
)

// proseTagModel is prose's own tagger, the reference posTagger must match.
var proseTagModel = sync.OnceValue(func() *prose.Model {
	doc, err := prose.NewDocument("Warm up.", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		panic(err)
	}
	return doc.Model
})

// proseTagged tokenizes and tags s as one sentence with prose's own tagger.
func proseTagged(tb testing.TB, s string) (words, tags []string) {
	doc, err := prose.NewDocument(s, prose.UsingModel(proseTagModel()), prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		tb.Fatal(err)
	}
	for _, tk := range doc.Tokens() {
		words = append(words, tk.Text)
		tags = append(tags, tk.Tag)
	}
	return words, tags
}

// tagSentences are the sentences of the embedded seeds and, when the team's
// data is beside the repository and the tests are not -short, of 100
// Wikinews articles.
func tagSentences(tb testing.TB) []string {
	arts, err := newsgraph.Seeds()
	if err != nil {
		tb.Fatal(err)
	}
	texts := make([]string, 0, len(arts))
	for _, a := range arts {
		texts = append(texts, a.Text)
	}
	files, _ := filepath.Glob(filepath.Join(sharedDir, "corpus/wikinews/*.txt"))
	if testing.Short() {
		files = nil
	}
	for _, f := range files[:min(len(files), 100)] {
		if data, err := os.ReadFile(f); err == nil {
			texts = append(texts, string(data))
		}
	}
	var out []string
	for _, text := range texts {
		for _, sp := range splitSentences(text) {
			c, _ := clean(text[sp[0]:sp[1]])
			out = append(out, c)
		}
	}
	return out
}

// The flat tagger gives every word of the corpus the tag prose's tagger
// gives it, and a few words of the kinds its rules catch. Where two tags
// tie but for rounding, prose itself answers one way or the other from run
// to run (posScores); a sentence with such a tie may differ, and only such
// a sentence.
func TestPOSTaggerMatchesProse(t *testing.T) {
	x := mustNew(t)
	sents := append(tagSentences(t),
		`Mail bob@example.org or see www.example.com/news (-LRB- *-1 0 * :-) - @user) now.`,
		`The 1990s-era "well-known" ¯\(ツ)/¯ 2019 4x4 +123 -12 résumé Élysée 3rd.`,
		`Russia said Russia would talk, and 'sanctions' would 'really' stay as long as Russia said.`)
	words, tied, repeated := 0, 0, 0
	for _, s := range sents {
		ws, want := proseTagged(t, s)
		tie := false
		got, err := x.pos.tagScored(ws, func(_ int, sc *posScores) { tie = tie || sc.tied() })
		if err != nil {
			t.Fatalf("tag(%q): %v", ws, err)
		}
		words += len(ws)
		seen := map[string]int{}
		for _, w := range ws {
			seen[w]++
		}
		for i := range ws {
			if got[i] == want[i] {
				continue
			}
			if seen[ws[i]] > 1 {
				// prose hands out one token for a chunk that comes back
				// in the sentence, so its later tag overwrites the
				// earlier; the flat tagger tags each word where it is.
				repeated++
				continue
			}
			if tie {
				tied++
				continue
			}
			t.Errorf("tag(%q)[%d] %q = %q; prose says %q", s, i, ws[i], got[i], want[i])
		}
	}
	t.Logf("%d sentences, %d words, %d tagged otherwise than prose this run in sentences with a tie, %d repeated words tagged where they stand", len(sents), words, tied, repeated)
}

// tied reports whether the two best tags of sc score the same but for
// rounding.
func (sc *posScores) tied() bool {
	a, b := math.Inf(-1), math.Inf(-1)
	for c, ok := range sc.seen {
		switch v := sc.sum[c]; {
		case !ok:
		case v > a:
			a, b = v, a
		case v > b:
			b = v
		}
	}
	return a-b <= 1e-9*max(1, math.Abs(a))
}

// Every emoticon of the list is one token to prose and tagged SYM by it, so
// the list holds nothing prose does not treat as an emoticon.
func TestProseEmoticons(t *testing.T) {
	for e := range proseEmoticons {
		ws, tags := proseTagged(t, e)
		if len(ws) != 1 || tags[0] != "SYM" {
			t.Errorf("prose tags %q as %q %q; want one SYM token", e, ws, tags)
		}
	}
}

// An empty word is an error, where prose panics.
func TestPOSTaggerEmptyWord(t *testing.T) {
	x := mustNew(t)
	if _, err := x.pos.tag([]string{"a", ""}); err == nil {
		t.Errorf(`tag(["a" ""]) = nil error; want one`)
	}
}

// BenchmarkPOSTagger tags the same sentences with prose's tagger (its
// tokenizer included, as the extractor ran it) and with the flat one
// behind prose's tokenizer.
func BenchmarkPOSTagger(b *testing.B) {
	x := mustNew(b)
	sents := tagSentences(b)[:2000]
	words := 0
	for _, s := range sents {
		words += len(strings.Fields(s))
	}
	b.Run("prose", func(b *testing.B) {
		m := proseTagModel()
		for b.Loop() {
			for _, s := range sents {
				if _, err := prose.NewDocument(s, prose.UsingModel(m), prose.WithSegmentation(false), prose.WithExtraction(false)); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	})
	b.Run("flat", func(b *testing.B) {
		for b.Loop() {
			for _, s := range sents {
				doc, err := prose.NewDocument(s, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := x.pos.tag(posWords(doc.Tokens())); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	})
}
