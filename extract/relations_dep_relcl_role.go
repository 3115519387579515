package extract

// depRelclRoles reads a role stated in a relative clause on its holder:
// "Tim Cook, who is chief executive of Apple," -> Tim Cook -[chief
// executive of]-> Apple. The clause is a copula whose subject is the
// relative pronoun and whose predicate is a role noun; the holder is the
// person or agency the clause hangs on.
func (f *relationFinder) depRelclRoles(v *sentView) {
	d := f.nomView(v)
	if d == nil {
		return
	}
	for k := range v.ms {
		h := d.mhead[k]
		if h < 0 || !roleHolderType(f, v, k) {
			continue
		}
		for _, r := range d.kids[h] {
			// The parser may hang such a clause as parataxis; the
			// relative pronoun as its subject says what it is.
			if (d.Rel[r] == "acl:relcl" || d.Rel[r] == "parataxis") && d.ment[r] < 0 && d.hasChild(r, "cop") && d.relativeSubject(r) {
				f.depRole(patDepRelclRole, v, d, k, d.oneOf(r))
			}
		}
	}
}

// relativeSubject reports whether the subject of clause r is a relative
// pronoun ("who", "that"), so that the clause says what its antecedent is.
func (d *nomView) relativeSubject(r int) bool {
	for _, c := range d.kids[r] {
		if d.Rel[c] == "nsubj" && d.isRelativePronoun(c) {
			return true
		}
	}
	return false
}
