package extract

import (
	"strings"

	"newsgraph"
)

// relationsDivisions: an agency named after another of the article and a
// world region is its division there ("Nintendo Europe" -[part of]->
// "Nintendo"; recognize_divisions.go made it one actor).
func (f *relationFinder) relationsDivisions() {
	for ai, a := range f.doc.ents {
		if a.Type != newsgraph.Agency {
			continue
		}
		parent, ok := f.divisionParent(a.Name)
		if !ok || parent == ai {
			continue
		}
		if off := strings.Index(f.doc.text, a.Name); off >= 0 {
			if v := f.viewAt(off); v != nil {
				f.add(patDivision, v, ai, parent, "part of", "part of", confEntityForm, false, -1)
			}
		}
	}
}

// divisionParent returns the agency whose name opens name before a world
// region that ends it ("Nintendo" in "Nintendo Europe").
func (f *relationFinder) divisionParent(name string) (int, bool) {
	for region := range divisionRegions {
		head, ok := strings.CutSuffix(name, " "+region)
		if !ok {
			continue
		}
		if p, ok := f.forms[relNormForm(head)]; ok && f.doc.ents[p].Type == newsgraph.Agency {
			return p, true
		}
	}
	return -1, false
}
