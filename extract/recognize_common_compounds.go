package extract

import "strings"

// memberNouns name an organisation's people or what it stands for
// ("Labour voters", "Shell staff").
var memberNouns = wordSet("member_nouns.txt")

// commonCompound reports whether the one-word organisation's name at token
// a opens its sentence as an English word that modifies the lower-case
// noun after it ("Shell casings were found", "Labour costs rose"):
// capitalised only for the sentence's sake, it is the word, not the
// organisation it also names. A noun of the organisation's own ("Shell
// shares", "Labour leader", "Labour voters") keeps the name; a state's
// adjective ("Australian mining firm") is no organisation's name.
func (x *Extractor) commonCompound(toks []token, a, b int) bool {
	if a != b || !sentenceInitial(toks, a) || a+1 >= len(toks) || !x.commonWord(toks[a].text) {
		return false
	}
	n := toks[a+1]
	if n.tag != "NN" && n.tag != "NNS" || n.text != strings.ToLower(n.text) || !isWord(n.text) {
		return false
	}
	return !orgOwnNoun(n.text)
}

// orgOwnNoun reports whether the lower-case noun w names something an
// organisation has: its shares, its leader, its staff, its members.
func orgOwnNoun(w string) bool {
	one := strings.TrimSuffix(w, "s")
	for _, set := range []func(string) bool{companyNouns.Has, lowerTitles.Has, relRoleNouns.Has, depSpeakerNouns.Has, relPartNouns.Has, personWords.Has, memberNouns.Has} {
		if set(w) || set(one) {
			return true
		}
	}
	return false
}
