package extract

import (
	"strings"

	"newsgraph"
)

// gazStateIn returns the state of the article that an agency's name opens
// with by a form the gazetteer knows but the article never uses alone:
// "the Japanese Finance Ministry" in an article that names Japan only as
// "Japan", "the French Parliament" beside "France". The state must be an
// actor of the article: a name alone makes no new actor. Capitals do not
// count, and the caller passes only texts other than the agency's own
// name. It returns -1 when there is none.
func (f *relationFinder) gazStateIn(text string) int {
	if f.gaz == nil {
		return -1
	}
	words := strings.Fields(strings.TrimPrefix(text, "the "))
	for k := len(words) - 1; k >= 1; k-- {
		e, ok := f.gaz.phrases[phraseKey(strings.Join(words[:k], " "))]
		if !ok || e.typ != newsgraph.State || e.iso == "" || e.kind == kindCapital {
			// A capital opens the names of the city's own bodies
			// ("Moscow State University", "The Washington Post").
			continue
		}
		if st := f.stateByISO(e.iso); st >= 0 {
			return st
		}
	}
	return -1
}

// stateByISO returns the state actor of the article with ISO code iso, or
// -1.
func (f *relationFinder) stateByISO(iso string) int {
	for i, e := range f.doc.ents {
		if e.Type == newsgraph.State && e.ID == "state:"+iso {
			return i
		}
	}
	return -1
}
