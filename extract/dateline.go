package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Datelines: news wires open a story with its place in capitals, then a
// date or the region ("LONDON 1996-08-30", "AL-AIN , United Arab Emirates
// 1996-12-06", "MOSCOW, Aug 30 (Reuters) -"). The place is a place, never
// an organisation, whatever its capitals suggest to the tagger.

// maxDatelineWords bounds the words of a dateline's place ("RIO DE
// JANEIRO").
const maxDatelineWords = 4

// datelineEnd returns the last token of the place that opens sentence si
// as a dateline, or -1: up to maxDatelineWords words in capitals at the
// start of a line, then a comma or a date.
func datelineEnd(doc *document, si int) int {
	s := doc.sents[si]
	if len(s.toks) < 2 || !lineStart(doc.text, s.toks[0].start) {
		return -1
	}
	k := 0
	for k < len(s.toks) && k < maxDatelineWords && capsWord(s.toks[k].text) {
		k++
	}
	if k == 0 || k >= len(s.toks) {
		return -1
	}
	next := s.toks[k].text
	if next == "," || isDate(next) {
		if capitalsLine(s.toks) {
			return -1 // a headline in capitals, not a dateline
		}
		return k - 1
	}
	return -1
}

// lineStart reports whether only spaces lie between the last line break
// (or the text's start) and offset at.
func lineStart(text string, at int) bool {
	for i := at - 1; i >= 0; i-- {
		switch text[i] {
		case '\n', '\r':
			return true
		case ' ', '\t':
		default:
			return false
		}
	}
	return true
}

// capsWord reports whether w is a word of two letters or more written in
// capitals, maybe hyphenated ("AL-AIN").
func capsWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r) && utf8.RuneCountInString(w) >= 2 && allCaps(w)
}

// isDate reports whether w reads as a numeric date: "1996-08-30",
// "30/08/1996", "2019-09-06".
func isDate(w string) bool {
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		if !isDigits(p) {
			return false
		}
	}
	return true
}
