package extract

import (
	"strings"

	"newsgraph"
)

// The token-level verbal pattern takes the first actor after a verb as its
// object; the parse often shows that actor is no object at all but a word
// that only describes the object or names it:
//
//   - a state named as a compound of the noun that is the object:
//     "proposes an amendment to the U.S. Constitution", "has been the
//     subject of United States sanctions" (verbalObjectIsModifier);
//   - a demonym describing a thing in a phrase of place, manner or amount,
//     or standing as a predicate: "boost holdings of the Australian
//     dollar", "construction along the U.S.-Mexican border", "believed to
//     be a Russian" (demonymOnlyDescribes);
//   - a name given to the object: "a colony called Southern Rhodesia", "a
//     chef named Lukasz" (givenName);
//   - the maker of the object: "announced an order by Commandant X"
//     (nounAgent).
//
// Such an edge is dropped (verbalObjectRejected, checked in
// relationFinder.add). Agencies named as compounds are kept ("banned Mahan
// Air flights" is about Mahan Air), and so are demonyms of the verb's
// subject or object and of a body of the state ("believes 315,000 Russian
// troops are dead" is about Russia, "changed Russian law" too).

// verbalObjectRejected reports whether the parse shows that actor obj,
// whose mention starts at token near, is not what the verbal pattern's verb
// acts on.
func (f *relationFinder) verbalObjectRejected(v *sentView, obj, near int) bool {
	if f.verbalObjectIsModifier(v, obj) {
		return true
	}
	d := f.depView(v)
	if d == nil {
		return false
	}
	w := mentionHeadWord(d, mentionAt(v, near))
	return w >= 0 && (demonymOnlyDescribes(d, w) || givenName(d, w) || nounAgent(d, w))
}

// motionToState reports whether a predicate with lemma lem is a verb of
// motion, obj a state and subj no state: "she left the country", "he
// returned to Rhodesia" say where a person or a body went, not an act on
// the state (as depObjects reads the parse); a state that moves into
// another ("Turkey would be moving into Syria") acts on it.
func (f *relationFinder) motionToState(lem string, subj, obj int) bool {
	verb, _, _ := strings.Cut(lem, " ")
	return depMotionVerbs[verb] && f.doc.ents[obj].Type == newsgraph.State && f.doc.ents[subj].Type != newsgraph.State
}

// nounAgent reports whether word w is, or is inside, the "by" phrase of a
// noun: the one who made the thing the verb acts on ("announced an order
// by Commandant X"), not the one it is done to.
func nounAgent(d *depTree, w int) bool {
	for x, steps := w, 0; x >= 0 && steps < maxDepPath && !d.isVerb(x); x, steps = d.head(x), steps+1 {
		if h := d.head(x); h >= 0 && d.hasRel(x, "nmod") && d.caseOf(x) == "by" && d.UPOS[h] == "NOUN" {
			return true
		}
	}
	return false
}

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

// argumentRels are the relations of a clause's own participants.
var argumentRels = []string{"nsubj", "obj", "iobj"}

// demonymOnlyDescribes reports whether word w is an adjective (a demonym:
// "Australian"), or a name compounded with one ("U.S.-Mexican"), that
// describes a noun which is neither a clause's subject or object nor a body
// of the state ("the Russian government"), or that stands alone as a
// predicate, a copula's ("was believed to be a Russian").
func demonymOnlyDescribes(d *depTree, w int) bool {
	if d.hasRel(w, "compound") && d.head(w) >= 0 && d.UPOS[d.head(w)] == "ADJ" {
		w = d.head(w) // "U.S.-Mexican": the adjective decides
	}
	for n := 0; d.hasRel(w, "conj") && d.head(w) >= 0 && n < maxDepPath; n++ {
		w = d.head(w) // "the Australian and Canadian dollar"
	}
	if d.child(w, "cop") >= 0 {
		return true // a predicate, adjective or noun ("a Russian": PROPN in UD)
	}
	if d.UPOS[w] != "ADJ" && !d.hasRel(w, "amod") {
		return false
	}
	if d.hasRel(w, argumentRels...) {
		return false
	}
	n := d.head(w)
	if n < 0 || !d.hasRel(w, "amod", "compound") {
		return true
	}
	return !d.hasRel(n, argumentRels...) && !stateNouns[d.lemmas[n]] && !stateNouns[strings.ToLower(d.Words[n])]
}

// givenName reports whether word w is the name a participle of naming
// gives the noun it hangs on: "a colony called Southern Rhodesia".
func givenName(d *depTree, w int) bool {
	h := d.head(w)
	return h >= 0 && d.hasRel(w, "xcomp") && d.hasRel(h, "acl") && (d.XPOS[h] == "VBN" || d.XPOS[h] == "VBD")
}

// verbalNotAsserted reports whether the parse puts verb group g in a
// clause that states no fact: a condition ("if elected, X would appoint
// Y") or a request ("asking the United States to waive immunity for X"),
// as depTree.moodOf reads it for the dependency patterns. The group's
// first verb decides, so a request the group itself makes ("proposed to
// set limits") is stated.
func (f *relationFinder) verbalNotAsserted(v *sentView, g verbGroup) bool {
	d := f.depView(v)
	if d == nil {
		return false
	}
	for w := range d.Words {
		if d.tok[w] >= g.first && d.tok[w] <= g.last && d.UPOS[w] == "VERB" {
			m := d.clauseMood(w)
			return m == hypothetical || m == requested
		}
	}
	return false
}

// clauseMood is moodOf without passing through coordination: the token
// pattern finds a coordinated verb's subject itself, and the parser often
// hangs a second act of the requester on the act requested ("urged the
// embassy to reconsider and spoke with Pompeo").
func (d *depTree) clauseMood(v int) mood {
	return d.moodThrough(v, "xcomp", "ccomp", "advcl")
}

// modifiedNounTags are the parts of speech of a noun a state's compound
// can modify.
var modifiedNounTags = map[string]bool{"NOUN": true, "PROPN": true}
