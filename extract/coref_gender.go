package extract

import (
	"strings"

	"newsgraph"
	"newsgraph/extract/internal/lexicon"
)

// genderedTitles gives the gender of honorifics and royal titles
// (data/words/gendered_titles.tsv).
var genderedTitles = wordTable("gendered_titles.tsv")

// givenNameGenders gives the gender of given names nearly always given to
// one sex (data/given_name_genders.tsv, from the US Social Security
// Administration's baby names): "Angela" f, "Tim" m.
var givenNameGenders = lexicon.Table(data, "data/given_name_genders.tsv")

// nameGenders adds to genders the gender the given name of each person
// gives it ("Angela Merkel" f, "Tim Cook" m), for persons no title gave
// one. Only a name of two words or more counts: a lone "Jordan" or
// "Marbles" is a surname, and the gender of a first word is the given
// name's only when more follows.
func (c *corefPass) nameGenders(genders map[int]string) {
	for e, ent := range c.doc.ents {
		if ent.Type != newsgraph.Person || genders[e] != "" {
			continue
		}
		if g := givenNameGender(ent.Name); g != "" {
			genders[e] = g
		}
	}
}

// givenNameGender returns the gender the first word of a person's name of
// two words or more gives it, or "".
func givenNameGender(name string) string {
	first, rest, ok := strings.Cut(name, " ")
	if !ok || strings.TrimSpace(rest) == "" {
		return ""
	}
	return givenNameGenders[first]
}

// titleGenders returns the gender the title right before or opening a
// person's mention gives it ("Mrs Theresa May", "Mr. Tedeschi", "King
// Harald"); a person given both is left out.
func (c *corefPass) titleGenders(views []*sentView) map[int]string {
	out := map[int]string{}
	mixed := map[int]bool{}
	for _, v := range views {
		if v == nil {
			continue
		}
		for _, m := range v.ms {
			if m.resolved || c.doc.ents[m.ent].Type != newsgraph.Person {
				continue
			}
			for i := max(0, m.first-1); i <= m.first; i++ {
				g := genderedTitles[strings.ToLower(strings.TrimSuffix(v.toks[i].text, "."))]
				switch {
				case g == "":
				case out[m.ent] == "" || out[m.ent] == g:
					out[m.ent] = g
				default:
					mixed[m.ent] = true
				}
			}
		}
	}
	for e := range mixed {
		delete(out, e)
	}
	return out
}
