package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a token of our tokenizer (prose) with its byte offsets in the
// text. The parser takes tokens as they are, after the splits below.
//
// Tag is the token's Penn tag from prose, as the extractor has it. It is
// optional: when a sentence has a token without one, the sentence is tagged
// again with prose (see prosetags.go).
type Token struct {
	Text       string
	Start, End int
	Tag        string
}

// UDWords is the one place where our tokens become UD words. prose already
// splits the possessive 's and n't; UD also splits
//
//   - hyphenated words: "well-known" is well, -, known; "3-4" is 3, -, 4;
//   - a possessive or contraction left on a word: "John's", "parents'", "can't";
//   - a period stuck to the last word of a sentence: "May." is May, . .
//
// Every word keeps the offsets of its bytes in the text, so a tree over the
// words maps back onto the tokens, and a tag: the token's, except that a
// hyphen is HYPH, 's POS, n't RB and a final period ".".
func UDWords(toks []Token) []Token {
	out := make([]Token, 0, len(toks))
	for i, t := range toks {
		start := len(out)
		out = splitClitic(out, t)
		if i == len(toks)-1 {
			out = splitFinalPeriod(out, start)
		}
	}
	return out
}

// clitics are the endings UD makes words of; "s'" keeps its s ("parents'").
var clitics = [...]struct{ end, keep, tag string }{
	{"n't", "", "RB"}, {"n’t", "", "RB"}, {"N'T", "", "RB"}, {"N’T", "", "RB"},
	{"'s", "", "POS"}, {"’s", "", "POS"}, {"'S", "", "POS"}, {"’S", "", "POS"},
	{"s'", "s", "POS"}, {"s’", "s", "POS"}, {"S'", "S", "POS"}, {"S’", "S", "POS"},
}

// splitClitic appends t, split before a clitic ending, each part split at
// hyphens.
func splitClitic(out []Token, t Token) []Token {
	for _, c := range clitics {
		if strings.HasSuffix(t.Text, c.end) && len(t.Text) > len(c.end) {
			cut := len(t.Text) - len(c.end) + len(c.keep)
			out = splitHyphens(out, Token{t.Text[:cut], t.Start, t.Start + cut, t.Tag})
			return append(out, Token{t.Text[cut:], t.Start + cut, t.End, c.tag})
		}
	}
	return splitHyphens(out, t)
}

// splitHyphens splits t at each hyphen that has a letter or digit on both sides.
func splitHyphens(out []Token, t Token) []Token {
	from := 0
	for i := 1; i < len(t.Text)-1; i++ {
		if t.Text[i] != '-' || !alnumBefore(t.Text[:i]) || !alnumAfter(t.Text[i+1:]) {
			continue
		}
		out = append(out, Token{t.Text[from:i], t.Start + from, t.Start + i, t.Tag},
			Token{"-", t.Start + i, t.Start + i + 1, "HYPH"})
		from = i + 1
	}
	return append(out, Token{t.Text[from:], t.Start + from, t.End, t.Tag})
}

func alnumBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func alnumAfter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// splitFinalPeriod splits "word." at the end of a sentence when the word
// has no other period (so "U.S." stays whole).
func splitFinalPeriod(out []Token, from int) []Token {
	if len(out) == from {
		return out
	}
	last := out[len(out)-1]
	w, ok := strings.CutSuffix(last.Text, ".")
	if !ok || w == "" || strings.Contains(w, ".") || !alnumBefore(w) {
		return out
	}
	out[len(out)-1] = Token{w, last.Start, last.End - 1, last.Tag}
	return append(out, Token{".", last.End - 1, last.End, "."})
}

// ParseTokens parses tokens of our tokenizer: they become UD words (see
// UDWords), and the tree's Spans give each word's offsets. When every token
// has its Penn tag the words keep them; otherwise the tokens' text is tagged
// again with prose.
func (m *Model) ParseTokens(toks []Token) Tree {
	ws := UDWords(toks)
	forms := make([]string, len(ws))
	tags := make([]string, len(ws))
	spans := make([][2]int, len(ws))
	tagged := true
	for i, w := range ws {
		forms[i], tags[i], spans[i] = w.Text, w.Tag, [2]int{w.Start, w.End}
		tagged = tagged && w.Tag != ""
	}
	if !tagged {
		tags = retag(ws)
	}
	t := m.parseTagged(forms, tags)
	t.Spans = spans
	return t
}

// retag tags words with prose in their text, rebuilt from their offsets
// (gaps as spaces).
func retag(ws []Token) []string {
	if len(ws) == 0 {
		return nil
	}
	base := ws[0].Start
	var b strings.Builder
	spans := make([][2]int, len(ws))
	for i, w := range ws {
		for b.Len() < w.Start-base {
			b.WriteByte(' ')
		}
		spans[i][0] = b.Len()
		b.WriteString(w.Text)
		spans[i][1] = b.Len()
	}
	return tagSpans(b.String(), spans)
}
