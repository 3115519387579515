package extract

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"newsgraph"
	"newsgraph/extract/internal/lexicon"
)

// maxSentence bounds a sentence in bytes: text without sentence punctuation
// (tables, junk, giant lines) is cut at a space so later stages, some of them
// quadratic in a sentence's length, stay fast.
const maxSentence = 1500

// splitSentences returns the byte spans [start, end) of the sentences of text:
// a line break ends a sentence (a headline, a dateline and every paragraph
// stand alone), and so do ".", "!" and "?" before a capital, a digit or an
// opening quote, unless the word before the stop is an abbreviation or an
// initial. Spans are trimmed of surrounding space and never empty.
func splitSentences(text string) [][2]int {
	var spans [][2]int
	add := func(s, e int) {
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:])
			if !unicode.IsSpace(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= n
		}
		for e-s > maxSentence {
			cut := s + maxSentence
			if i := strings.LastIndexAny(text[s:cut], " \t"); i > 0 {
				cut = s + i
			} else {
				for cut > s && !utf8.RuneStart(text[cut]) {
					cut--
				}
				if cut == s {
					cut = s + maxSentence
				}
			}
			spans = append(spans, [2]int{s, cut})
			s = cut
			for s < e && (text[s] == ' ' || text[s] == '\t') {
				s++
			}
		}
		if s < e {
			spans = append(spans, [2]int{s, e})
		}
	}
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' || c == '\r' {
			add(start, i)
			start = i + 1
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// Closing quotes and brackets stay with the sentence they close.
		j := i + 1
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(`"')]”’»`, r) && !(c != '.' && (r == '!' || r == '?')) {
				break
			}
			j += n
		}
		if j >= len(text) || (text[j] != ' ' && text[j] != '\t') {
			continue
		}
		k := j
		for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if k >= len(text) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune(`"'(“‘[`, r) {
			continue
		}
		if c == '.' && !stopEndsSentence(text[start:i], text[k:]) {
			continue
		}
		add(start, j)
		start = j
		i = j - 1
	}
	add(start, len(text))
	return spans
}

// stopEndsSentence reports whether a full stop after before ends the sentence,
// given the text after it. Titles ("Mr.", "Gen.") and initials ("J.") do not;
// a dotted acronym ("U.S.") does only before a word that usually starts one.
func stopEndsSentence(before, after string) bool {
	w := before
	if i := strings.LastIndexAny(w, " \t(\"“'‘"); i >= 0 {
		w = w[i+1:]
	}
	if w == "" {
		return true
	}
	if abbreviations[strings.ToLower(w)] {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return !unicode.IsUpper(r)
	}
	if strings.Contains(w, ".") {
		next := after
		if i := strings.IndexAny(next, " \t,"); i >= 0 {
			next = next[:i]
		}
		return sentenceStarters[strings.ToLower(next)]
	}
	return true
}

// proseQuotes are the replacements prose's tokenizer makes before it splits
// (curly quotes to straight ones), which change byte lengths; clean makes the
// same replacements and keeps, for every byte of the result, its offset in the
// original so tokens can be mapped back. Each replacement is one byte, so the
// offsets strictly increase.
var proseQuotes = []struct{ from, to string }{
	{"\u201c", `"`}, {"\u201d", `"`}, {"\u2018", "'"}, {"\u2019", "'"}, {"&rsquo;", "'"},
}

// clean makes proseQuotes' replacements in s and returns the result with the
// offset in s of each of its bytes (and one past the end).
func clean(s string) (string, []int) {
	var b strings.Builder
	off := make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		replaced := false
		for _, q := range proseQuotes {
			if strings.HasPrefix(s[i:], q.from) {
				b.WriteString(q.to)
				for range len(q.to) {
					off = append(off, i)
				}
				i += len(q.from)
				replaced = true
				break
			}
		}
		if !replaced {
			// prose mis-slices words with invalid UTF-8 (it lower-cases
			// them, which changes their length): such bytes become spaces.
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				b.WriteByte(' ')
				off = append(off, i)
				i++
				continue
			}
			b.WriteString(s[i : i+n])
			for k := range n {
				off = append(off, i+k)
			}
			i += n
		}
	}
	off = append(off, len(s))
	return b.String(), off
}

// readText fills doc.sents: the sentences of the text with their tokens,
// tagged as prose tags them (postag.go), and doc.words. A sentence prose
// fails on is dropped, counted in doc.dropped and logged.
func (x *Extractor) readText(ctx context.Context, doc *document) error {
	for n, sp := range splitSentences(doc.text) {
		if stopped(ctx, n) {
			return ctx.Err()
		}
		toks, err := x.tokenize(doc.text, sp[0], sp[1])
		if err != nil {
			doc.dropped++
			slog.Warn("extract: sentence dropped", "start", sp[0], "end", sp[1], "err", err)
			continue
		}
		if len(toks) == 0 {
			continue
		}
		for _, t := range toks {
			if isWord(t.text) {
				doc.words++
			}
		}
		doc.sents = append(doc.sents, sentence{start: sp[0], end: sp[1], toks: toks})
	}
	return nil
}

// errProsePanic is what tokenize returns when prose panicked on a sentence.
var errProsePanic = errors.New("extract: prose panicked")

// tokenize splits the sentence text[start:end] with prose's tokenizer, tags
// it with prose's model (postag.go) and returns its tokens with byte offsets
// in text. Tokens that cannot be found in the text again are dropped.
func (x *Extractor) tokenize(text string, start, end int) (toks []token, err error) {
	defer func() {
		// prose panics on some inputs; the sentence then has no tokens
		// rather than the process none.
		if r := recover(); r != nil {
			toks, err = nil, fmt.Errorf("%w: %v", errProsePanic, r)
		}
	}()
	s := text[start:end]
	c, off := clean(s)
	// prose splits the words; postag.go tags them as prose would.
	pd, err := prose.NewDocument(c,
		prose.WithSegmentation(false),
		prose.WithTagging(false),
		prose.WithExtraction(false))
	if err != nil {
		return nil, err
	}
	ptoks := pd.Tokens()
	tags, err := x.pos.tag(posWords(ptoks))
	if err != nil {
		return nil, err
	}
	toks = make([]token, 0, len(ptoks))
	at := 0
	tail := "" // the rest of a name prose split after its initial
	for pi, pt := range ptoks {
		if pt.Text == "" {
			continue
		}
		if tail != "" {
			if strings.HasPrefix(tail, pt.Text) {
				tail = tail[len(pt.Text):]
				continue
			}
			tail = ""
		}
		i := strings.Index(c[at:], pt.Text)
		if i < 0 {
			continue
		}
		b, e := at+i, at+i+len(pt.Text)
		at = e
		ts, te := start+off[b], start+off[e]
		if ts >= te || te > end {
			continue
		}
		// An initial and its stop are one token ("George W. Bush").
		if n := len(toks); n > 0 && pt.Text == "." && toks[n-1].end == ts && len(toks[n-1].text) == 1 && toks[n-1].text[0] >= 'A' && toks[n-1].text[0] <= 'Z' {
			toks[n-1].end = te
			toks[n-1].text = text[toks[n-1].start:te]
			toks[n-1].tag = "NNP"
			continue
		}
		// "D'Souza", "O’Leary": prose splits the initial off the name.
		if n := apostropheName(text[ts:end]); n > te-ts {
			tail = text[te : ts+n]
			for at < len(c) && start+off[at] < ts+n {
				at++
			}
			toks = append(toks, token{text: text[ts : ts+n], tag: "NNP", start: ts, end: ts + n})
			continue
		}
		if parts := x.splitCompound(text[ts:te]); parts > 0 {
			// "Trump-Ukraine", "US-China": two actors, two names.
			toks = append(toks,
				token{text: text[ts : ts+parts], tag: "NNP", start: ts, end: ts + parts},
				token{text: text[ts+parts : ts+parts+1], tag: "HYPH", start: ts + parts, end: ts + parts + 1},
				token{text: text[ts+parts+1 : te], tag: "NNP", start: ts + parts + 1, end: te})
			continue
		}
		if n := compoundAdjective(text[ts:te]); n > 0 {
			// "United States-led", "Moscow-based": the name, then an
			// adjective's ending that is no part of it.
			toks = append(toks,
				token{text: text[ts : ts+n], tag: "NNP", start: ts, end: ts + n},
				token{text: text[ts+n : te], tag: "JJ", start: ts + n, end: te})
			continue
		}
		toks = append(toks, token{text: text[ts:te], tag: tags[pi], start: ts, end: te})
	}
	// A sentence's stop left on its last word ("the Java Sea.") is no
	// part of the word.
	if n := len(toks); n > 0 {
		if t := toks[n-1]; len(t.text) > 3 && strings.HasSuffix(t.text, ".") && !strings.Contains(t.text[:len(t.text)-1], ".") && !abbreviations[strings.ToLower(t.text[:len(t.text)-1])] && !stopKept[t.text] && isCapWord(t.text) {
			toks[n-1].text, toks[n-1].end = t.text[:len(t.text)-1], t.end-1
			toks = append(toks, token{text: ".", tag: ".", start: t.end - 1, end: t.end})
		}
	}
	return toks, nil
}

// isWord reports whether a token holds a letter or a digit.
func isWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// splitCompound returns the length in bytes of the first part of a compound
// of two capitalised names joined by "-" or "/" ("Trump-Ukraine",
// "U.S.-Mexican", "Afghanistan/Pakistan") when one part is a state or agency
// of the gazetteer and the whole is not ("Guinea-Bissau"); 0 otherwise.
// Such a compound is a mention of each part, not a place of its own.
func (x *Extractor) splitCompound(w string) int {
	i := strings.IndexAny(w, "-/")
	if i <= 0 || i+1 >= len(w) || strings.LastIndexAny(w, "-/") != i || x.gaz == nil {
		return 0
	}
	a, b := w[:i], w[i+1:]
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	if !unicode.IsUpper(ra) || !unicode.IsUpper(rb) {
		return 0
	}
	if _, ok := x.gaz.lookup(phraseKey(w), false); ok {
		return 0
	}
	actor := func(s string) bool {
		e, ok := x.gaz.lookup(phraseKey(s), false)
		return ok && (e.typ == newsgraph.State || e.typ == newsgraph.Agency)
	}
	if !actor(a) && !actor(b) {
		return 0
	}
	return i
}

// compoundAdjective returns the length in bytes of the capitalised name
// before an adjective's ending ("States" in "States-led"), or 0.
func compoundAdjective(w string) int {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return 0
	}
	for _, e := range adjectiveEndings {
		if n := len(w) - len(e); n > 0 && strings.EqualFold(w[n:], e) && !strings.ContainsAny(w[:n], "-/") {
			return n
		}
	}
	return 0
}

// stopKept are abbreviations that keep their stop at a sentence's end.
var stopKept = lexicon.NewSet("Inc.", "Ltd.", "Bros.", "Ave.", "Blvd.", "Dept.", "Univ.", "Esq.")

// isCapWord reports whether w opens with a capital and has a lower-case
// letter ("Sea.", not "U.S." or "a.m.").
func isCapWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && strings.ContainsFunc(w, unicode.IsLower)
}

// apostropheName returns the length in bytes of a name made of one capital,
// an apostrophe and a capitalised word at the start of s ("D'Souza",
// "O’Leary"), or 0.
func apostropheName(s string) int {
	if len(s) < 3 || s[0] < 'A' || s[0] > 'Z' {
		return 0
	}
	n := 1
	switch {
	case s[1] == '\'':
		n = 2
	case strings.HasPrefix(s[1:], "’"):
		n = 1 + len("’")
	default:
		return 0
	}
	r, w := utf8.DecodeRuneInString(s[n:])
	if !unicode.IsUpper(r) {
		return 0
	}
	n += w
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		if !unicode.IsLetter(r) {
			break
		}
		n += w
	}
	return n
}
