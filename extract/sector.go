package extract

import (
	"context"
	"strings"
	"unicode"

	"newsgraph"
)

// sectorRule is one rule of the decision list that gives an agency its
// sector: the first rule that names one wins.
type sectorRule struct {
	name   string
	decide func(g *gazetteer, e *newsgraph.Entity, words []string) newsgraph.Sector
}

// sectorRules run in order; each is switched off by leaving it out.
var sectorRules = []sectorRule{
	{name: "gazetteer", decide: knownSector},  // the name or an alias is in agency_sectors.tsv or parties.tsv
	{name: "us-state", decide: usStateSector}, // a US state acting as a government (agency:us:montana)
	{name: "phrase", decide: phraseSector},    // a two- or three-word cue ("air force", "health service")
	{name: "head", decide: headSector},        // the name's head word ("Ministry of ...", "... Party")
	{name: "word", decide: wordSector},        // any cue word, from the last
	{name: "other", decide: otherSector},      // nothing says
}

// sectorCues maps the words and phrases of names to the sector they say
// (data/words/sector_cues.tsv).
var sectorCues = wordTable("sector_cues.tsv")

// sectors gives every agency of doc its sector, unless resolution already
// gave it one; other entities get none.
func (x *Extractor) sectors(ctx context.Context, doc *document) error {
	for i := range doc.ents {
		if stopped(ctx, i) {
			return ctx.Err()
		}
		// A team's sector comes from the words around it (recognize_teams.go).
		if e := &doc.ents[i]; e.Type == newsgraph.Agency && e.Sector == "" {
			e.Sector, _ = sectorOf(x.gaz, e)
		}
	}
	return nil
}

// sectorOf returns the sector of the agency e and the name of the rule that
// decided it.
func sectorOf(g *gazetteer, e *newsgraph.Entity) (newsgraph.Sector, string) {
	words := nameWords(e.Name)
	for _, r := range sectorRules {
		if s := r.decide(g, e, words); s != "" {
			return s, r.name
		}
	}
	return newsgraph.OtherSector, "other"
}

// nameWords splits a name into lower-case words, punctuation dropped
// ("Corp." is "corp", "Co-operation" is "co", "operation").
func nameWords(name string) []string {
	return strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '&'
	})
}

// knownSector looks the name and then each alias up in the gazetteer.
func knownSector(g *gazetteer, e *newsgraph.Entity, _ []string) newsgraph.Sector {
	if g == nil {
		return ""
	}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if en, ok := g.phrases[phraseKey(n)]; ok && en.typ == newsgraph.Agency {
			if s := g.sectors[en.name]; s != "" {
				return s
			}
		}
	}
	return ""
}

// usStateSector gives a US state's government, an agency named after the
// state, the GOVERNMENT sector.
func usStateSector(g *gazetteer, e *newsgraph.Entity, _ []string) newsgraph.Sector {
	if g == nil || !strings.HasPrefix(e.ID, "agency:us:") {
		return ""
	}
	if en, ok := g.phrases[phraseKey(e.Name)]; ok && en.kind == kindUSState {
		return newsgraph.Government
	}
	return ""
}

// phraseSector finds a cue of two or three words in the name.
func phraseSector(_ *gazetteer, _ *newsgraph.Entity, words []string) newsgraph.Sector {
	for n := 3; n >= 2; n-- {
		for i := len(words) - n; i >= 0; i-- {
			if s := cueSector(strings.Join(words[i:i+n], " ")); s != "" {
				return s
			}
		}
	}
	return ""
}

// headSector reads the head word: the word before the first "of", "for" or
// "on" ("Ministry of Defence"), else the last word ("Defence Ministry").
func headSector(_ *gazetteer, _ *newsgraph.Entity, words []string) newsgraph.Sector {
	if len(words) == 0 {
		return ""
	}
	head := words[len(words)-1]
	for i, w := range words {
		if i > 0 && (w == "of" || w == "for" || w == "on") {
			head = words[i-1]
			break
		}
	}
	return cueSector(head)
}

// wordSector takes the last word of the name that is a cue ("Central
// Intelligence Agency").
func wordSector(_ *gazetteer, _ *newsgraph.Entity, words []string) newsgraph.Sector {
	for i := len(words) - 1; i >= 0; i-- {
		if s := cueSector(words[i]); s != "" {
			return s
		}
	}
	return ""
}

func otherSector(*gazetteer, *newsgraph.Entity, []string) newsgraph.Sector {
	return newsgraph.OtherSector
}

// cueSector returns the sector the cue names, or "".
func cueSector(cue string) newsgraph.Sector {
	return newsgraph.Sector(sectorCues[cue])
}
