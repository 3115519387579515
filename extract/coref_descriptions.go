package extract

import (
	"slices"
	"strings"

	"newsgraph"
)

// Description sieves: "the country" for the state the article is about;
// "the company", "the ministry", "the network" for the most recent agency
// the noun fits (data/words/coref_descriptions.tsv).

// theCountry links "the country" to the one state its sentence names
// before it ("In Venezuela, millions have fled the country"), else to the
// state the article has named most. "A Month in the Country" is a title.
func (c *corefPass) theCountry(v *sentView, i int, taken []bool) (int, int, int) {
	if v.toks[i].text != "country" || i == 0 || !strings.EqualFold(v.toks[i-1].text, "the") || taken[i-1] {
		return -1, -1, -1
	}
	here := -1
	for _, m := range v.ms {
		if m.last >= i || m.resolved || c.doc.ents[m.ent].Type != newsgraph.State || m.ent == here {
			continue
		}
		if here >= 0 {
			return -1, -1, -1 // two states before it: which is unclear
		}
		here = m.ent
	}
	if here >= 0 {
		return here, i, i
	}
	return c.linkTo(c.mainState(v, i), i)
}

// description links "the [adjectives and nouns] N" at token i, N a noun of
// corefDescriptions, to the nearest agency N fits: in the nearest sentence
// (its own first, before i) that names a fitting agency, the one it names.
// In an apposition it stands for the agency it follows. A phrase that
// introduces an actor rather than pointing back ("the
// company Apple", "the company that makes...", "is the company", "the
// ministry of ...") links nowhere.
func (c *corefPass) description(v *sentView, i int, taken []bool) (int, int, int) {
	head, ok := descriptionHead(v, i, taken)
	if !ok {
		return -1, -1, -1
	}
	noun := strings.ToLower(v.toks[head].text)
	if i >= 2 && v.toks[i-1].tag == "," {
		// An apposition names the actor before it: "StreamCast Networks,
		// the company behind Morpheus".
		if k := v.at[i-2]; k >= 0 && v.ms[k].last == i-2 && c.doc.ents[v.ms[k].ent].Type == newsgraph.Agency {
			return v.ms[k].ent, i + 1, head
		}
		return -1, -1, -1
	}
	fits := func(e int) bool { return c.descriptionFits(e, noun) }
	views := append(slices.Clone(c.seen), v)
	for p := len(views) - 1; p >= 0; p-- {
		w := views[p]
		var found []int
		for _, m := range w.ms {
			if w == v && m.last >= i {
				continue
			}
			if fits(m.ent) && !slices.Contains(found, m.ent) {
				found = append(found, m.ent)
			}
		}
		switch {
		case len(found) == 1:
			return found[0], i + 1, head
		case len(found) > 1:
			return -1, -1, -1
		}
	}
	return -1, -1, -1
}

// descriptionHead returns the head noun of a definite description opening
// at token i, when the phrase may point back.
func descriptionHead(v *sentView, i int, taken []bool) (int, bool) {
	n := len(v.toks)
	if !strings.EqualFold(v.toks[i].text, "the") || i+1 >= n {
		return -1, false
	}
	if i > 0 {
		p := strings.ToLower(v.toks[i-1].text)
		if p == "as" || relBeForms[p] || lemma(p, v.toks[i-1].tag) == "become" {
			return -1, false
		}
	}
	j := i + 1
	for j < n && !taken[j] && (relIsAdj(v.toks[j].tag) || v.toks[j].tag == "NN" || v.toks[j].tag == "VBN") {
		j++
	}
	head := j - 1
	if head <= i || v.toks[head].tag != "NN" {
		return -1, false
	}
	if _, ok := corefDescriptions[strings.ToLower(v.toks[head].text)]; !ok {
		return -1, false
	}
	if j < n {
		next := strings.ToLower(v.toks[j].text)
		if taken[j] || relIsNoun(v.toks[j].tag) || v.toks[j].tag == "POS" && j+1 < n && taken[j+1] ||
			descriptionIntroducers[next] || next == "," && j+1 < n && (taken[j+1] || v.toks[j+1].tag == "NNP") {
			return -1, false
		}
	}
	return head, true
}

// descriptionIntroducers follow a description that introduces a new actor:
// "the ministry of health", "the company that owns ...".
var descriptionIntroducers = map[string]bool{"of": true, "that": true, "which": true, "who": true, "whose": true, "for": true}

// descriptionFits reports whether agency e may be "the <noun>": its name
// has the noun, or its sector is the one the noun names.
func (c *corefPass) descriptionFits(e int, noun string) bool {
	ent := &c.doc.ents[e]
	if ent.Type != newsgraph.Agency {
		return false
	}
	if slices.Contains(nameWords(ent.Name), noun) {
		return true
	}
	want := corefDescriptions[noun]
	if want == "-" {
		return false
	}
	s, ok := c.sector[e]
	if !ok {
		s, _ = sectorOf(c.gaz, ent)
		c.sector[e] = s
	}
	return string(s) == want
}

// mainState returns the state the article has named most before token i of
// v, when one leads, or -1.
func (f *corefPass) mainState(v *sentView, i int) int {
	count := map[int]int{}
	for e, c := range f.stateCount {
		count[e] = c
	}
	for _, m := range v.ms {
		if m.last < i && !m.resolved && f.doc.ents[m.ent].Type == newsgraph.State {
			count[m.ent]++
		}
	}
	best, bestN := -1, 0
	for e, c := range count {
		if c > bestN || c == bestN && e < best {
			best, bestN = e, c
		}
	}
	second := 0
	for e, c := range count {
		if e != best && c > second {
			second = c
		}
	}
	if bestN < 2 || bestN == second {
		return -1
	}
	return best
}
