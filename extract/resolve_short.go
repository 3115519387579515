package extract

import (
	"strings"

	"newsgraph"
)

// maxShortGroups bounds how many groups one index key remembers. A short
// form that more groups share is ambiguous anyway; the bound keeps a text
// with thousands of namesakes ("Smith") from costing groups times mentions.
const maxShortGroups = 64

// How a short form matches a mention of a group, in the order matching
// tries them on each mention.
const (
	matchExact    = iota // the same folded form
	matchSurname         // the end of a person's name ("Bolton")
	matchShort           // the start of an agency's name ("Ford")
	matchAcronym         // the initials of an agency's name ("MoD")
	matchNickname        // the last word of a team's name in a sports report ("Villa")
	matchKinds
)

// shortHit is a group with the first of its mentions (by position in
// gr.cands) that a key matches.
type shortHit struct {
	gr  *group
	pos int
	ci  int
}

// shortIndex finds the group a short or untyped mention stands for by
// looking its folded form up, instead of comparing it with every mention of
// every group: each mention is folded once, when it joins a group, and
// filed under its whole form, the word suffixes of a person's name, the word
// prefixes and the initials of an agency's name, and a person's given name.
type shortIndex struct {
	doc    *document
	cands  []cand
	text   func(cand) string
	byKind [matchKinds]map[string][]shortHit
	given  map[string][]*group // first word of a person's longer mention
	filed  map[shortFiled]bool
	// owners are the groups that were given an alias while short forms
	// were matched, so an ambiguous one can be taken back from all.
	owners map[string][]*group
}

type shortFiled struct {
	kind int
	key  string
	gr   *group
}

func newShortIndex(doc *document, groups []*group, cands []cand, text func(cand) string) *shortIndex {
	ix := &shortIndex{doc: doc, cands: cands, text: text, given: map[string][]*group{},
		filed: map[shortFiled]bool{}, owners: map[string][]*group{}}
	for k := range ix.byKind {
		ix.byKind[k] = map[string][]shortHit{}
	}
	for _, gr := range groups {
		for pos, ci := range gr.cands {
			ix.file(gr, pos, ci)
		}
		for a := range gr.aliases {
			ix.owners[a] = append(ix.owners[a], gr)
		}
	}
	return ix
}

// add joins mention ci to gr and files it.
func (ix *shortIndex) add(gr *group, ci int) {
	gr.cands = append(gr.cands, ci)
	ix.file(gr, len(gr.cands)-1, ci)
}

func (ix *shortIndex) setAlias(gr *group, a, reason string) {
	gr.aliases[a] = reason
	ix.owners[a] = append(ix.owners[a], gr)
}

func (ix *shortIndex) put(kind int, key string, h shortHit) {
	f := shortFiled{kind, key, h.gr}
	if ix.filed[f] {
		return // a group's first matching mention is the one that counts
	}
	ix.filed[f] = true
	if b := ix.byKind[kind][key]; len(b) <= maxShortGroups {
		ix.byKind[kind][key] = append(b, h)
	}
}

// file records the mention at gr.cands[pos].
func (ix *shortIndex) file(gr *group, pos, ci int) {
	o := ix.cands[ci]
	t := ix.text(o)
	ot := foldKey(t)
	h := shortHit{gr: gr, pos: pos, ci: ci}
	ix.put(matchExact, ot, h)
	switch gr.typ {
	case newsgraph.Person:
		for i := 0; i < len(ot); i++ {
			if ot[i] == ' ' {
				ix.put(matchSurname, ot[i+1:], h)
			}
			// "Bashar al-Assad" ... "Assad": a surname after its
			// particle and a hyphen.
			if ot[i] == '-' && i > 0 && nameParticles[ot[strings.LastIndexByte(ot[:i], ' ')+1:i]] && strings.LastIndexByte(ot, ' ') < i {
				ix.put(matchSurname, ot[i+1:], h)
			}
		}
		if o.last > o.first {
			g := foldKey(ix.doc.sents[o.sent].toks[o.first].text)
			if gs := ix.given[g]; len(gs) < 2 && (len(gs) == 0 || gs[0] != gr) {
				ix.given[g] = append(gs, gr)
			}
		}
	case newsgraph.Agency:
		for i := 0; i < len(ot); i++ {
			if ot[i] == ' ' {
				ix.put(matchShort, ot[:i], h)
			}
		}
		if a := initials(t); len(a) >= 2 {
			ix.put(matchAcronym, a, h)
		}
		if i := strings.LastIndexByte(ot, ' '); i > 0 && gr.team && ix.doc.sports {
			ix.put(matchNickname, ot[i+1:], h)
		}
		var content []string
		for _, w := range strings.Fields(t) {
			if !connectors[w] {
				content = append(content, w)
			}
		}
		if a := initials(strings.Join(content, " ")); len(a) >= 2 {
			ix.put(matchAcronym, a, h)
		}
	}
}

// match finds the one group a short or untyped mention c with text t
// stands for: a person's surname or the end of a longer name, an agency's
// acronym, or a form the group already has. It returns nil when none or
// several fit, and then sets *ambiguous to the type several persons' surname
// gives it.
func (ix *shortIndex) match(c cand, t string, ambiguous *newsgraph.EntityType) *group {
	ft := foldKey(t)
	var use [matchKinds]string
	var on [matchKinds]bool
	use[matchExact], on[matchExact] = ft, true
	if c.typ == "" || c.typ == newsgraph.Person || c.weak || c.typ == newsgraph.Place {
		use[matchSurname], on[matchSurname] = ft, true
	}
	acr := isAcronym(t)
	if c.first == c.last && (c.typ == "" || c.weak) {
		// An acronym is the short name only of an agency whose name starts
		// with that very acronym ("WMC" for "WMC Resources"), checked below.
		use[matchShort], on[matchShort] = ft, true
	}
	if c.first == c.last && c.typ != newsgraph.State && c.typ != newsgraph.Place && !acr {
		use[matchNickname], on[matchNickname] = ft, true
	}
	if acr {
		if a := strings.ToUpper(strings.ReplaceAll(t, ".", "")); len(a) >= 2 {
			use[matchAcronym], on[matchAcronym] = a, true
		}
	}
	// Each group's first matching mention decides how it matches; at one
	// mention the kinds are tried in order.
	type best struct {
		pos, kind, ci int
	}
	found := map[*group]best{}
	var order []*group
	over := false
	for kind := range matchKinds {
		if !on[kind] {
			continue
		}
		b := ix.byKind[kind][use[kind]]
		if len(b) > maxShortGroups {
			over = true
		}
		for _, h := range b {
			if kind == matchShort && acr && !strings.HasPrefix(ix.text(ix.cands[h.ci]), t+" ") {
				continue
			}
			cur, seen := found[h.gr]
			if !seen {
				order = append(order, h.gr)
			}
			if !seen || h.pos < cur.pos {
				found[h.gr] = best{h.pos, kind, h.ci}
			}
		}
	}
	for _, gr := range order {
		b := found[gr]
		o := ix.text(ix.cands[b.ci])
		switch b.kind {
		case matchSurname:
			ix.setAlias(gr, t, "surname of "+o)
		case matchShort:
			ix.setAlias(gr, t, "short name of "+o)
		case matchAcronym:
			ix.setAlias(gr, t, "acronym of "+o)
		case matchNickname:
			ix.setAlias(gr, t, "nickname of "+o)
		}
	}
	if len(order) == 1 && !over {
		return order[0]
	}
	kinds := make([]int, len(order))
	names := make([]string, len(order))
	for i, gr := range order {
		kinds[i] = found[gr].kind
		names[i] = foldKey(ix.text(ix.cands[found[gr].ci]))
	}
	if gr := sameNamedAgency(order, kinds, names); gr != nil && !over {
		for _, o := range order[1:] {
			delete(o.aliases, t)
		}
		return gr
	}
	if gr := ix.dominantNamed(c, order, kinds); gr != nil && !over {
		// The other holders' aliases set above go; the chosen keeps its own.
		for _, o := range order {
			if o != gr {
				delete(o.aliases, t)
			}
		}
		return gr
	}
	if len(order) > 1 || over {
		// Ambiguous: joined to none, and the reasons set for it go. A
		// surname of several persons is still a person's.
		for _, gr := range ix.owners[t] {
			if _, ok := gr.aliases[t]; ok && gr.typ == newsgraph.Person {
				c.typ = newsgraph.Person
			}
			delete(gr.aliases, t)
		}
		if over && on[matchSurname] && len(ix.byKind[matchSurname][ft]) > 0 {
			c.typ = newsgraph.Person
		}
		delete(ix.owners, t)
		*ambiguous = c.typ
		return nil
	}
	// A given name alone stands for the one person of the article who has it.
	if c.first == c.last && (c.typ == "" || c.weak || c.typ == newsgraph.Place || c.typ == newsgraph.Person) {
		if gs := ix.given[ft]; len(gs) == 1 {
			hit := gs[0]
			if hit.name == "" {
				ix.setAlias(hit, t, "given name")
			} else {
				ix.setAlias(hit, t, "given name of "+hit.name)
			}
			return hit
		}
	}
	return nil
}

// dominantNamed picks, among the persons a surname c fits, the one the
// article names in full at least twice as often as any other, when it was
// named before c ("Robert Mugabe" five times, "Grace Mugabe" once: "Mugabe"
// is Robert). Two persons named alike often stay apart ("Boris Johnson met
// Dustin Johnson. Johnson said"). Persons only, and only surname matches.
func (ix *shortIndex) dominantNamed(c cand, groups []*group, kinds []int) *group {
	if len(groups) < 2 {
		return nil
	}
	var top *group
	most, next := 0, 0
	for i, gr := range groups {
		if gr.typ != newsgraph.Person || kinds[i] != matchSurname {
			return nil
		}
		n := 0
		for _, ci := range gr.cands {
			if o := ix.cands[ci]; o.last > o.first {
				n++
			}
		}
		switch {
		case n > most:
			top, most, next = gr, n, most
		case n > next:
			next = n
		}
	}
	if most < 2*next || most < 2 {
		return nil
	}
	if p := firstMention(top, ix.cands); p[0] > c.sent || p[0] == c.sent && p[1] > c.first {
		return nil
	}
	return top
}

// sameNamedAgency returns the first of groups when all are agencies whose
// matching mentions have one name: a firm named once with its state and once
// without ("Australian mining firm WMC Resources", "WMC Resources is") is
// two groups until the states are settled, yet its short form ("WMC") is
// no less its own.
func sameNamedAgency(groups []*group, kinds []int, names []string) *group {
	if len(groups) < 2 {
		return nil
	}
	for i, gr := range groups {
		if gr.typ != newsgraph.Agency || kinds[i] == matchExact || names[i] != names[0] {
			return nil
		}
	}
	return groups[0]
}
