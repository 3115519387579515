package lexicon

// Set is a set of words or phrases, compared exactly (case included).
type Set map[string]bool

// NewSet returns the set of words.
func NewSet(words ...string) Set {
	s := make(Set, len(words))
	for _, w := range words {
		s[w] = true
	}
	return s
}

// Has reports whether w is in s.
func (s Set) Has(w string) bool { return s[w] }
