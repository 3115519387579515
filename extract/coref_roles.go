package extract

import (
	"slices"
	"strings"

	"newsgraph"
	"newsgraph/extract/internal/lexicon"
)

// roleHolder is a person the article names with a title before the name
// ("United States President Donald Trump", "Senate Minority Leader Chuck
// Schumer"), for the bare role nouns that later stand for them ("the
// president").
type roleHolder struct {
	ent    int
	words  []string // the title's nouns and adjectives, lower-cased and lemmatised
	former bool     // "former US President Barack Obama"
}

// relStaleTitle marks a title its holder no longer (or not yet) holds.
var relStaleTitle = lexicon.NewSet("former", "late", "then", "ex", "ex-", "outgoing", "incoming", "previous")

// roleHolders collects the titles before the person mentions of the bare
// views, and those a mention's own text opens with ("President Trump").
func (f *corefPass) roleHolders(views []*sentView) []roleHolder {
	var out []roleHolder
	for _, v := range views {
		if v == nil {
			continue
		}
		for k, m := range v.ms {
			if m.resolved || f.doc.ents[m.ent].Type != newsgraph.Person {
				continue
			}
			var words []string
			former := false
			for i := v.chain[k]; i < m.first; i++ {
				t := v.toks[i]
				lw := strings.ToLower(t.text)
				if relStaleTitle[lw] {
					former = true
				}
				if v.at[i] >= 0 || relStaleTitle[lw] || relTimeWords[lw] {
					continue
				}
				if relIsNoun(t.tag) || relIsAdj(t.tag) {
					words = append(words, lemma(t.text, t.tag))
				}
			}
			for i := v.chain[k] - 1; i >= 0 && i >= v.chain[k]-3 && v.at[i] < 0; i-- {
				// "former president George W. Bush", "the former US President"
				if relStaleTitle[strings.ToLower(v.toks[i].text)] {
					former = true
				}
				if !relIsAdj(v.toks[i].tag) && v.toks[i].tag != "DT" {
					break
				}
			}
			for i := m.first; i < m.last && relTitleWords[strings.ToLower(v.toks[i].text)]; i++ {
				words = append(words, lemma(v.toks[i].text, v.toks[i].tag))
			}
			if len(words) == 0 || !relTitleWords[words[len(words)-1]] {
				continue
			}
			out = append(out, roleHolder{ent: m.ent, words: words, former: former})
		}
	}
	return out
}

// roleMention returns the person a bare role noun phrase starting at token i
// ("the president", "the Greek foreign minister", "the President's") stands
// for, and the phrase's last token: the one person the article titles so,
// current holders before former ones. A role phrase that is the title of a
// name ("the president of the League, Jamel Msallem") stands for nobody.
func (f *corefPass) roleMention(v *sentView, i int, taken []bool) (ent, first, last int) {
	n := len(v.toks)
	if f.bare == nil || !strings.EqualFold(v.toks[i].text, "the") || taken[i] {
		return -1, -1, -1
	}
	if i > 0 {
		// "served as the ambassador", "is the president": a role the
		// sentence gives, not one that points back.
		p := strings.ToLower(v.toks[i-1].text)
		if p == "as" || relBeForms[p] || lemma(p, v.toks[i-1].tag) == "become" || lemma(p, v.toks[i-1].tag) == "remain" {
			return -1, -1, -1
		}
	}
	var words []string
	j := i + 1
	first = j
	for ; j < n && (relIsNoun(v.toks[j].tag) || relIsAdj(v.toks[j].tag) || taken[j]); j++ {
		if taken[j] {
			// A state's demonym in the phrase: "the Greek foreign minister".
			k := mentionAt(v, j)
			if k < 0 || f.doc.ents[v.ms[k].ent].Type != newsgraph.State || len(words) > 0 {
				break
			}
			j = v.ms[k].last
			first = j + 1
			continue
		}
		lw := strings.ToLower(v.toks[j].text)
		if relStaleTitle[lw] {
			return -1, -1, -1
		}
		words = append(words, lemma(v.toks[j].text, v.toks[j].tag))
	}
	last = j - 1
	if len(words) == 0 || !relTitleWords[words[len(words)-1]] || v.toks[last].tag == "NNP" && j < n && v.toks[j].tag == "NNP" ||
		v.toks[last].tag == "NNS" || v.toks[last].tag == "NNPS" {
		// "the owners" are several: no one person.
		return -1, -1, -1
	}
	if j < n && (taken[j] || v.toks[j].tag == "NNP" || v.toks[j].tag == "," && !ageApposition(v, j)) {
		// "the president, Jamel Msallem" / "the president Donald Trump"
		return -1, -1, -1
	}
	if bv := f.bare[v.si]; bv != nil {
		if h := bv.headOf(last); h >= 0 && f.doc.ents[bv.ms[h].ent].Type == newsgraph.Person {
			return -1, -1, -1
		}
	}
	if j < n && strings.EqualFold(v.toks[j].text, "of") {
		// "the president of X, Y" titles Y.
		for k := j + 1; k < n && k < j+12; k++ {
			if v.toks[k].tag == "," && k+1 < n && taken[k+1] {
				return -1, -1, -1
			}
		}
	}
	if ent = f.holderOf(words); ent < 0 {
		return -1, -1, -1
	}
	return ent, first, last
}

// holderOf returns the one actor the article gives the role words, or -1:
// the one current holder, else the one former holder.
func (f *corefPass) holderOf(words []string) int {
	var current, former []int
	for _, h := range f.roles[words[len(words)-1]] {
		if !titleCovers(h.words, words) {
			continue
		}
		if h.former {
			if !slices.Contains(former, h.ent) {
				former = append(former, h.ent)
			}
		} else if !slices.Contains(current, h.ent) {
			current = append(current, h.ent)
		}
	}
	switch {
	case len(current) == 1:
		return current[0]
	case len(current) == 0 && len(former) == 1:
		return former[0]
	}
	return -1
}

// mentionAt returns the index in v.ms of the mention holding token i, or -1;
// it does not need v.at, which is filled later.
func mentionAt(v *sentView, i int) int {
	for k, m := range v.ms {
		if m.first <= i && i <= m.last {
			return k
		}
	}
	return -1
}

// relSubordinateTitle are the words that make a title another office than
// its head noun names.
var relSubordinateTitle = lexicon.NewSet("vice", "deputy", "assistant", "associate", "under", "lieutenant", "junior", "co")

// titleCovers reports whether a holder's title has the role's head and every
// other word of it that is no demonym: "Senate Minority Leader" covers
// "leader" and "minority leader".
func titleCovers(title, role []string) bool {
	if len(title) == 0 || len(role) == 0 || title[len(title)-1] != role[len(role)-1] {
		return false
	}
	for _, t := range title {
		if relSubordinateTitle[t] && !slices.Contains(role, t) {
			return false // a vice president is not "the president"
		}
	}
	for _, w := range role[:len(role)-1] {
		found := false
		for _, t := range title {
			found = found || t == w
		}
		if !found {
			return false
		}
	}
	return true
}

// ageApposition reports whether the comma at token j opens an age between
// commas, "the princess, 67, announced", which names nobody.
func ageApposition(v *sentView, j int) bool {
	return j+2 < len(v.toks) && v.toks[j+1].tag == "CD" && v.toks[j+2].tag == ","
}
