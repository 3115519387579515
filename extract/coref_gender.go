package extract

import (
	"strings"

	"newsgraph"
)

// genderedTitles gives the gender of honorifics and royal titles
// (data/words/gendered_titles.tsv).
var genderedTitles = wordTable("gendered_titles.tsv")

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
