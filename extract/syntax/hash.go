package syntax

import (
	"unicode"
	"unicode/utf8"
)

// Features are hashed, never looked up: a feature is its template number and
// up to three values (word hashes, tag ids, labels, distances) mixed into one
// uint64, whose top bits pick a row of a perceptron's flat weight array. No
// map is touched and nothing is allocated per feature.

// none stands for a missing position (no word on the stack, no child).
const none = 0x5eed

func mix(x uint64) uint64 { // splitmix64's finaliser
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func f1(t, a uint64) uint64       { return mix(t<<56 ^ a) }
func f2(t, a, b uint64) uint64    { return mix(f1(t, a) ^ b*0x9e3779b97f4a7c15) }
func f3(t, a, b, c uint64) uint64 { return mix(f2(t, a, b) ^ c*0xc2b2ae3d27d4eb4f) }

// hashBytes is FNV-1a over b.
func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// lex is what the models know of one word, computed once per word.
type lex struct {
	lower, cased, shape, pre1, pre2 uint64
	suf                             [4]uint64 // last 1..4 characters, lower case
	amb, caps                       uint64    // the form's lexicon class (see lexicon.go)
}

// lexer computes lex values with a reusable buffer for the lower-cased form.
type lexer struct{ buf []byte }

func (lx *lexer) lex(w string) lex {
	var l lex
	l.cased = hashString(w)
	lx.buf = lx.buf[:0]
	for _, r := range w {
		lx.buf = utf8.AppendRune(lx.buf, unicode.ToLower(r))
	}
	b := lx.buf
	l.lower = hashBytes(b)
	_, size := utf8.DecodeRune(b)
	l.pre1 = hashBytes(b[:size])
	_, size2 := utf8.DecodeRune(b[size:])
	l.pre2 = hashBytes(b[:size+size2]) + 1
	k := len(b)
	for i := range l.suf { // a word shorter than four runes repeats its last suffix
		if k > 0 {
			_, size := utf8.DecodeLastRune(b[:k])
			k -= size
		}
		l.suf[i] = hashBytes(b[k:]) + uint64(i)
	}
	l.shape = shapeHash(w)
	return l
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// shapeHash hashes the word's shape: X for upper case, x lower, d digit, l a
// letter without case, other characters as they are; a run longer than two
// of one class counts as two ("Xxx" for "London", "dd" for "1990").
func shapeHash(w string) uint64 {
	h := uint64(14695981039346656037)
	var last rune
	run := 0
	for _, r := range w {
		c := shapeClass(r)
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			last, run = c, 1
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func shapeClass(r rune) rune {
	switch {
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLower(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	case unicode.IsLetter(r):
		return 'l'
	}
	return r
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
