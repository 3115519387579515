package extract

import (
	"strings"
	"sync"

	"github.com/aaaton/golem/v4"
	"github.com/aaaton/golem/v4/dicts/en"
)

// lemmasMu guards golem's Lemmas, which is not a pure read: it sorts the
// dictionary's own slice of forms in place, so two concurrent lookups of one
// word race (extractions run in parallel under ingest and the API).
var lemmasMu sync.Mutex

// lemmas returns a copy of golem's base forms of w, under lemmasMu.
func lemmas(l *golem.Lemmatizer, w string) []string {
	lemmasMu.Lock()
	defer lemmasMu.Unlock()
	return append([]string(nil), l.Lemmas(w)...)
}

// lemmatizer is golem's English dictionary, loaded on first use (about 100 ms)
// and shared by every goroutine. It is nil when the dictionary does not load,
// and lemma then falls back to the word.
var lemmatizer = sync.OnceValue(func() *golem.Lemmatizer {
	l, err := golem.New(en.New())
	if err != nil {
		return nil
	}
	return l
})

// lemma returns the base form of word, lower-cased, given its Penn Treebank
// tag. Only inflected tags are looked up: golem's dictionary knows no parts of
// speech, and a singular noun or a base verb ("media", "data", "saw") is
// already the form a predicate should carry. Where a form has several base
// forms ("found": find, found) an inflected verb takes one that differs from
// it.
func lemma(word, tag string) string {
	w := strings.ToLower(strings.ReplaceAll(word, "’", "'"))
	switch tag {
	case "VBD", "VBN", "VBZ", "VBG", "VBP", "NNS", "NNPS":
	default:
		return w
	}
	l := lemmatizer()
	if l == nil {
		return w
	}
	best := w
	for _, f := range lemmas(l, w) {
		f = strings.ToLower(f)
		if f == w || f == "" {
			continue
		}
		if strings.HasPrefix(tag, "NN") && !strings.HasPrefix(w, f[:min(len(f), 2)]) {
			// A plural noun keeps to its own stem ("bonuses" -> "bonus"), not
			// the base form of a verb spelt the same.
			continue
		}
		if best == w || len(f) < len(best) {
			best = f
		}
	}
	return best
}

// lemmaPhrase lemmatises a predicate phrase word by word, given the tag of
// each word.
func lemmaPhrase(words, tags []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		t := ""
		if i < len(tags) {
			t = tags[i]
		}
		out[i] = lemma(w, t)
	}
	return strings.Join(out, " ")
}
