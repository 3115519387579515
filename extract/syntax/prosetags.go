package syntax

import (
	"fmt"
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"
)

// The parser reads Penn tags from prose's tagger, the one the extractor
// already runs on every sentence, rather than tagging again: the extractor
// hands them over in Token.Tag. Where words come without tags (Parse, the
// evaluation on treebanks, training), the same tagger is run here on the
// sentence's text, so training, evaluation and the extractor all see
// prose's tags, errors included.

// proseModel is prose's tagging model, loaded once.
var proseModel = sync.OnceValues(func() (*prose.Model, error) {
	d, err := prose.NewDocument("Warm up.", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil, err
	}
	return d.Model, nil
})

// proseTokens tokenizes and tags text as one sentence with prose, giving
// each token its byte offsets in text. A token that cannot be found in the
// text again is dropped.
func proseTokens(text string) (toks []Token, err error) {
	defer func() { // prose panics on some inputs
		if r := recover(); r != nil {
			toks, err = nil, fmt.Errorf("syntax: prose panicked: %v", r)
		}
	}()
	pm, err := proseModel()
	if err != nil {
		return nil, err
	}
	d, err := prose.NewDocument(text, prose.UsingModel(pm), prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil, err
	}
	at := 0
	for _, t := range d.Tokens() {
		i := strings.Index(text[at:], t.Text)
		if t.Text == "" || i < 0 {
			continue
		}
		toks = append(toks, Token{Text: t.Text, Start: at + i, End: at + i + len(t.Text), Tag: t.Tag})
		at += i + len(t.Text)
	}
	return toks, nil
}

// tagSpans gives the words at spans (byte offsets in text) the Penn tags
// the extractor's path would give them: prose's tokens of text, made UD
// words by UDWords, matched to the spans by offset. A word no tagged word
// starts at takes the tag of the one it begins inside, else unknownTag.
func tagSpans(text string, spans [][2]int) []string {
	tags := make([]string, len(spans))
	toks, err := proseTokens(text)
	var ws []Token
	if err == nil {
		ws = UDWords(toks)
	}
	j := 0
	for i, sp := range spans {
		for j < len(ws) && ws[j].End <= sp[0] {
			j++
		}
		tags[i] = unknownTag
		if j < len(ws) && ws[j].Start <= sp[0] && ws[j].Tag != "" {
			tags[i] = ws[j].Tag
		}
	}
	return tags
}

// unknownTag is the tag of a word prose gave none.
const unknownTag = "XX"

// joinWords is the words separated by spaces, with each word's offsets.
func joinWords(words []string) (string, [][2]int) {
	var b strings.Builder
	spans := make([][2]int, len(words))
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		spans[i][0] = b.Len()
		b.WriteString(w)
		spans[i][1] = b.Len()
	}
	return b.String(), spans
}

// sentenceSpans is the sentence's text ("# text", else the words joined by
// spaces) and the offsets of its words in it, found left to right. Words of
// a multiword token ("gonna": gon, na) are found inside it; a word that is
// not in the text makes the joined words the text instead.
func sentenceSpans(s *Sentence) (string, [][2]int) {
	text := s.Text()
	spans := make([][2]int, len(s.Words))
	at := 0
	for i, w := range s.Words {
		k := strings.Index(text[at:], w.Form)
		if k < 0 {
			return joinWords(s.Forms())
		}
		spans[i] = [2]int{at + k, at + k + len(w.Form)}
		at += k + len(w.Form)
	}
	return text, spans
}

// goldTags is the Penn tags prose gives the sentence's words in its text.
func goldTags(s *Sentence) []string {
	text, spans := sentenceSpans(s)
	return tagSpans(text, spans)
}
