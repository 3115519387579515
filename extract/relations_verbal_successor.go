package extract

import "strings"

// pastPredecessor returns the token after the object of a successor verb
// when an "as" follows it ("succeeded [Steve Ballmer] as chief executive"):
// the role after "as" is then the subject's. Otherwise it returns i.
func pastPredecessor(v *sentView, i int) int {
	a := v.at[i]
	if a < 0 || v.ms[a].first != i {
		return i
	}
	e := v.ms[a].last + 1
	if e < len(v.toks) && strings.EqualFold(v.toks[e].text, "as") {
		return e
	}
	return i
}
