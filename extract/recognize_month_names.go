package extract

import (
	"strings"
	"unicode"
)

// surnameAfterGiven reports whether the month's name at token i is a
// surname: it follows a capitalised given name and no number follows it
// ("Theresa May said", "Brian May"; not "since Theresa May 5" nor "in
// May"). A month alone is still no name: its bearer is found by the full
// form.
func (x *Extractor) surnameAfterGiven(toks []token, i int) bool {
	if !relMonths[strings.ToLower(toks[i].text)] {
		return false // "Early Saturday": a weekday is no surname
	}
	if i == 0 || !isCap(toks[i]) || !isCapWord(toks[i-1].text) || !x.gaz.given[toks[i-1].text] {
		return false
	}
	if calendarWords[strings.ToLower(strings.TrimSuffix(toks[i-1].text, "."))] {
		return false // "April May": two months
	}
	if i+1 < len(toks) {
		for _, r := range toks[i+1].text {
			if unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}
