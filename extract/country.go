package extract

import (
	"strings"

	"newsgraph"
)

// The state an actor belongs to (newsgraph.Entity.Country) comes, in order,
// from the text around its mentions (a state adjective, possessive or
// "of <state>" the guidelines strip from an agency's name, a person's title
// phrase), from a state or region inside the agency's own name ("United
// States Department of State", "Parliament of New South Wales"), and, for a
// generic government body named without any state ("the Senate", "Ministry
// of Defence"), from the article's one dominant state when it has one.

// genericBody reports whether an agency's name is that of a government body
// any state may have: a government head word and otherwise only dictionary
// words and connectors ("Supreme Court", "Ministry of Foreign Affairs",
// "Coast Guard"); no proper name, state or place ("Toronto Police",
// "European Parliament").
func genericBody(name string) bool {
	// "House" is a chamber alone or before "of" ("House of Commons"), not
	// in "White House".
	head := name == "House" || strings.HasPrefix(name, "House of ")
	for _, w := range strings.Fields(name) {
		switch {
		case connectors[w]:
		case supranational[w]:
			return false
		case govHeads[w]:
			head = true
		case !bodyWords[w] && !dictWord(w):
			return false
		}
	}
	return head
}

// dictWord reports whether a capitalised word is an English dictionary word
// ("Foreign", "Affairs"), not a name.
func dictWord(w string) bool {
	if allCaps(w) {
		return false
	}
	l := lemmatizer()
	if l == nil {
		return false
	}
	lw := strings.ToLower(w)
	return len(lw) > 1 && l.InDict(lw)
}

// nameState returns the state a name itself places its actor in: a state's
// name, demonym or capital in it ("United States Department of State",
// "Moscow State Medical University"), or a region or US state whose state
// the gazetteer knows ("Parliament of New South Wales"). Two
// different states, or none, give "".
func (g *gazetteer) nameState(name string) string {
	words := strings.Fields(name)
	found := ""
	for i := 0; i < len(words); i++ {
		best, iso := 0, ""
		var key strings.Builder
		for j := i; j < len(words) && j-i < g.maxLen; j++ {
			key.WriteString(phraseKey(words[j]))
			k := strings.TrimSuffix(strings.TrimSuffix(key.String(), "'s"), "’s")
			if e, ok := g.phrases[k]; ok && e.typ == newsgraph.State {
				best, iso = j-i+1, e.iso
			} else if c, ok := g.placeISO[k]; ok && c != "" {
				best, iso = j-i+1, c
			}
		}
		if best == 0 {
			continue
		}
		if found != "" && found != iso {
			return ""
		}
		found = iso
		i += best - 1
	}
	return found
}

// spellingState returns the one state the other spellings of an agency
// place it in ("U.S. Congress", "United States Congress" of "Congress"),
// as the context of a mention would; "" for none or several.
func spellingState(g *gazetteer, spellings []string) string {
	found := ""
	for _, a := range spellings {
		switch iso := g.nameState(a); {
		case iso == "":
		case found != "" && found != iso:
			return ""
		default:
			found = iso
		}
	}
	return found
}

// dominantState returns the article's dominant state: the one most
// mentioned, at least three times and twice as often as any other; "" when
// the article has no clear one.
func dominantState(counts map[string]int) string {
	best, top, second := "", 0, 0
	for iso, n := range counts {
		switch {
		case n > top:
			best, top, second = iso, n, top
		case n > second:
			second = n
		}
	}
	if top < 3 || top < 2*second {
		return ""
	}
	return best
}

// scopedID is an actor's id with its country when its name is a generic
// body's: "agency:gb:ministry-of-defence" beside "agency:ru:ministry-of-defence".
func scopedID(typ newsgraph.EntityType, name, country string) string {
	id := strings.ToLower(string(typ)) + ":" + slug(name)
	if country != "" && typ == newsgraph.Agency && genericBody(name) {
		id = strings.ToLower(string(typ)) + ":" + country + ":" + slug(name)
	}
	return id
}
