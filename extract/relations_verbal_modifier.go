package extract

import "newsgraph"

// The token-level verbal pattern takes the first actor after a verb as its
// object; the parse often shows that actor is no object at all but a state
// named as a compound of the noun that is: "proposes an amendment to the
// U.S. Constitution", "has been the subject of United States sanctions".
// Such an edge is dropped (verbalObjectIsModifier, checked in
// relationFinder.add). Agencies are kept ("banned Mahan Air flights" is
// about Mahan Air), and so are demonyms (amod), which stand for their state
// ("believes 315,000 Russian troops are dead" is about Russia; dropping
// them lost more right edges than wrong ones).

// verbalObjectIsModifier reports whether every mention of state obj in v
// is, on the parse, a compound modifying a noun that is no actor's (a
// common noun, or a proper one the tagger may make of a capitalised noun:
// "the U.S. Constitution"): then the verbal pattern's edge to obj is
// dropped.
func (f *relationFinder) verbalObjectIsModifier(v *sentView, obj int) bool {
	if f.doc.ents[obj].Type != newsgraph.State {
		return false
	}
	d := f.depView(v)
	if d == nil {
		return false
	}
	seen := false
	for w := range d.Words {
		k := d.ment[w]
		if k < 0 || v.ms[k].ent != obj {
			continue
		}
		h := d.head(w)
		if h >= 0 && d.ment[h] == k {
			continue // inside the mention: its head word decides
		}
		seen = true
		if h < 0 || d.ment[h] >= 0 || !modifiedNounTags[d.UPOS[h]] || !d.hasRel(w, "compound") {
			return false
		}
	}
	return seen
}

// modifiedNounTags are the parts of speech of a noun a state's compound
// can modify.
var modifiedNounTags = map[string]bool{"NOUN": true, "PROPN": true}
