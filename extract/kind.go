package extract

import (
	"context"
	"strings"

	"newsgraph"
)

// relationKind classifies an edge from its lemma: a reporting verb ("say",
// "estimate", "claim") makes a statement, so that who-said-what can be asked
// of the graph; a noun of office, membership or kinship before "of", "to",
// "for" or "in" ("president of", "member of", "part of", "ambassador to")
// makes a role; everything else is an action.
func relationKind(lemma string) newsgraph.RelationKind {
	words := strings.Fields(strings.ToLower(lemma))
	if len(words) == 0 {
		return newsgraph.Action
	}
	head := words[0]
	if relSpeechVerbs[head] || relSpeechNouns[head] || head == "according" {
		return newsgraph.Statement
	}
	last := words[len(words)-1]
	if len(words) > 1 && last != "of" && last != "to" && last != "for" && last != "in" && last != "at" {
		return newsgraph.Action
	}
	nouns := words
	if len(words) > 1 {
		nouns = words[:len(words)-1]
	}
	for _, w := range nouns {
		if relTitleWords[w] || relPartNouns[w] || relLeaderTitles[w] || kinNouns[w] {
			return newsgraph.Role
		}
	}
	if len(words) == 2 && last == "of" && roleSuffix(head) {
		return newsgraph.Role
	}
	return newsgraph.Action
}

// roleSuffix reports whether a noun ends like an agent or office noun
// ("scientist", "professor", "resident"), for "<noun> of" lemmas the word
// lists do not name. Not "-er": too many verbs end so ("refer", "offer").
func roleSuffix(w string) bool {
	for _, suf := range []string{"ist", "or", "ian", "ent", "ant"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// relationKinds sets the kind of every relation of doc that a pattern left
// without one.
func (x *Extractor) relationKinds(_ context.Context, doc *document) error {
	rels := doc.rels
	for i := range rels {
		if rels[i].Kind == "" {
			l := rels[i].Lemma
			if l == "" {
				l = rels[i].Predicate
			}
			rels[i].Kind = relationKind(l)
		}
	}
	return nil
}
