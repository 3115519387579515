package extract

import (
	"strings"
	"unicode"
)

// quantity is a number in a sentence with what it counts: tokens [first,
// last] read "302,000 Russian military personnel killed or wounded".
type quantity struct {
	first, last int
}

// findQuantities returns the counts of tokens: a number (not a year or the
// day of a date) followed by the noun phrase it counts and the participles
// that say what happened to them ("killed or wounded"). A bare number with no
// noun after it counts nothing and is left out, unless it is money or a share.
func findQuantities(toks []token) []quantity {
	var out []quantity
	for i := 0; i < len(toks); i++ {
		if !isCountToken(toks, i) {
			continue
		}
		first := i
		if i > 0 && isCurrencyToken(toks[i-1].text) {
			first = i - 1
		}
		j := i
		for j+1 < len(toks) && (toks[j+1].tag == "CD" || relNumberWords[strings.ToLower(toks[j+1].text)]) {
			j++
		}
		money := first < i || strings.ContainsAny(toks[i].text, "$€£")
		if j+1 < len(toks) && (toks[j+1].text == "%" || strings.EqualFold(toks[j+1].text, "percent")) {
			out = append(out, quantity{first, j + 1})
			i = j + 1
			continue
		}
		// The counted noun phrase: adjectives and nouns up to the last noun.
		k, head := j, -1
		for k+1 < len(toks) && k+1 <= j+6 {
			t := toks[k+1].tag
			if relIsNoun(t) {
				head = k + 1
			} else if !relIsAdj(t) && t != "HYPH" && toks[k+1].text != "-" {
				break
			}
			k++
		}
		if head < 0 {
			if money {
				out = append(out, quantity{first, j})
			}
			i = j
			continue
		}
		last := head
		// What happened to them: "killed or wounded".
		m := head + 1
		if m < len(toks) && (toks[m].tag == "VBN" || toks[m].tag == "VBD") {
			last = m
			if m+2 < len(toks) && toks[m+1].tag == "CC" && (toks[m+2].tag == "VBN" || toks[m+2].tag == "VBD") {
				last = m + 2
			}
		}
		out = append(out, quantity{first, last})
		i = last
	}
	return out
}

// isCountToken reports whether toks[i] is a number that counts something:
// digits that are not a year nor the day of a date.
func isCountToken(toks []token, i int) bool {
	t := toks[i]
	if t.tag != "CD" {
		return false
	}
	w := strings.TrimLeft(t.text, "$€£US")
	if w == "" || !unicode.IsDigit(rune(w[0])) {
		return false
	}
	if len(w) == 4 && !strings.ContainsAny(w, ",.") && (w[:2] == "19" || w[:2] == "20") {
		return false // a year
	}
	if i > 0 && relMonths[strings.ToLower(toks[i-1].text)] {
		return false // "February 18"
	}
	if i+1 < len(toks) && relMonths[strings.ToLower(toks[i+1].text)] {
		return false // "18 February"
	}
	return true
}

func isCurrencyToken(s string) bool {
	switch s {
	case "$", "US$", "€", "£", "USD", "EUR", "GBP":
		return true
	}
	return false
}

// nearestQuantity returns the text of the count among qs closest to token i
// of s, or "" when there is none.
func nearestQuantity(doc *document, s *sentence, qs []quantity, i int) string {
	best, bestDist := -1, 1<<30
	for k, q := range qs {
		d := 0
		switch {
		case i < q.first:
			d = q.first - i
		case i > q.last:
			d = i - q.last
		}
		if d < bestDist {
			best, bestDist = k, d
		}
	}
	if best < 0 {
		return ""
	}
	q := qs[best]
	if q.first < 0 || q.last >= len(s.toks) {
		return ""
	}
	a, b := s.toks[q.first].start, s.toks[q.last].end
	if a < 0 || b > len(doc.text) || a >= b {
		return ""
	}
	return doc.text[a:b]
}
