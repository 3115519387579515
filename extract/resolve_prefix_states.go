package extract

import (
	"strings"

	"newsgraph"
)

// prefixStates adds the state an agency's name is written with when the
// article names that state nowhere else: "the U.S. Securities and
// Exchange Commission" names the United States, which the annotation
// guidelines list as an actor (its name or an alternative name, "U.S.",
// "UK", "United States"; a demonym is left out: "American Airlines" is a
// company's name). Only a mention the resolver wrote the state's words
// off the agency's name in counts ("USA Today" names a newspaper). The state's one mention is its words in the agency's
// first mention written with them; it has no sentence mention, since the
// agency's holds those tokens (relation patterns find it by its form,
// relations_entity_form.go).
func prefixStates(doc *document, g *gazetteer) {
	if g == nil {
		return
	}
	have := map[string]bool{}
	for _, e := range doc.ents {
		if e.Type == newsgraph.State {
			have[e.ID] = true
		}
	}
	n := len(doc.ents)
	for i := 0; i < n; i++ {
		if doc.ents[i].Type != newsgraph.Agency {
			continue
		}
		for _, m := range doc.ents[i].Mentions {
			if m.Text == doc.ents[i].Name {
				continue // "USA Today": the state is part of the name
			}
			st, form, ok := statePrefix(g, m.Text)
			id := "state:" + st.iso
			if !ok || have[id] {
				continue
			}
			have[id] = true
			e := newsgraph.Entity{ID: id, Name: st.name, Type: newsgraph.State, Aliases: []string{}, Country: st.iso,
				Mentions: []newsgraph.Mention{{Start: m.Start, End: m.Start + len(form), Text: form}}}
			if form != st.name {
				e.Aliases = append(e.Aliases, form)
				e.AliasReasons = map[string]string{form: "state of an agency's name"}
			}
			doc.ents = append(doc.ents, e)
			break
		}
	}
}

// statePrefix returns the state whose name, alternative name or acronym
// opens text with more words after it, and the words that name it.
func statePrefix(g *gazetteer, text string) (entry, string, bool) {
	words := strings.Fields(text)
	for k := len(words) - 1; k >= 1; k-- {
		form := strings.Join(words[:k], " ")
		e, ok := g.phrases[phraseKey(form)]
		if _, place := g.placeISO[phraseKey(form)]; place {
			continue // "Georgia Institute of Technology": a US state's
		}
		if ok && e.typ == newsgraph.State && e.iso != "" && (e.kind == kindName || e.kind == kindAlt || e.kind == kindAcronym) {
			return e, form, true
		}
	}
	return entry{}, "", false
}
