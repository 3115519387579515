package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a token of our tokenizer (prose) with its byte offsets in the
// text. The parser takes tokens as they are, after the splits below.
type Token struct {
	Text       string
	Start, End int
}

// UDWords is the one place where our tokens become UD words. prose already
// splits the possessive 's and n't; UD also splits
//
//   - hyphenated words: "well-known" is well, -, known; "3-4" is 3, -, 4;
//   - a possessive or contraction left on a word: "John's", "parents'", "can't";
//   - a period stuck to the last word of a sentence: "May." is May, . .
//
// Every word keeps the offsets of its bytes in the text, so a tree over the
// words maps back onto the tokens.
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
var clitics = [...]struct{ end, keep string }{
	{"n't", ""}, {"n’t", ""}, {"N'T", ""}, {"N’T", ""},
	{"'s", ""}, {"’s", ""}, {"'S", ""}, {"’S", ""},
	{"s'", "s"}, {"s’", "s"}, {"S'", "S"}, {"S’", "S"},
}

// splitClitic appends t, split before a clitic ending, each part split at
// hyphens.
func splitClitic(out []Token, t Token) []Token {
	for _, c := range clitics {
		if strings.HasSuffix(t.Text, c.end) && len(t.Text) > len(c.end) {
			cut := len(t.Text) - len(c.end) + len(c.keep)
			out = splitHyphens(out, Token{t.Text[:cut], t.Start, t.Start + cut})
			return append(out, Token{t.Text[cut:], t.Start + cut, t.End})
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
		out = append(out, Token{t.Text[from:i], t.Start + from, t.Start + i},
			Token{"-", t.Start + i, t.Start + i + 1})
		from = i + 1
	}
	return append(out, Token{t.Text[from:], t.Start + from, t.End})
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
	out[len(out)-1] = Token{w, last.Start, last.End - 1}
	return append(out, Token{".", last.End - 1, last.End})
}

// ParseTokens parses tokens of our tokenizer: they become UD words (see
// UDWords), and the tree's Spans give each word's offsets.
func (m *Model) ParseTokens(toks []Token) Tree {
	ws := UDWords(toks)
	forms := make([]string, len(ws))
	spans := make([][2]int, len(ws))
	for i, w := range ws {
		forms[i], spans[i] = w.Text, [2]int{w.Start, w.End}
	}
	t := m.Parse(forms)
	t.Spans = spans
	return t
}
