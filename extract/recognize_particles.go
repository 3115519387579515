package extract

// particledName reports whether tokens [p, q] read as a person's name with a
// lower-case particle inside ("Arnel dela Vega", "Ludwig van Beethoven"):
// capitalised words at both ends, and inside only capitalised words and at
// least one particle. A name that takes "of" or "and" ("Bank of England")
// is no such name, nor one holding the head word of a body or place
// ("Brigade de Recherche").
func particledName(toks []token, p, q int) bool {
	if q-p < 2 || !isCapWord(toks[p].text) || !isCapWord(toks[q].text) {
		return false
	}
	particle := false
	for k := p; k <= q; k++ {
		switch {
		case nonActorHeads(toks[k].text):
			return false // "Brigade de Recherche": a body's name
		case k == p || k == q:
		case nameParticles[toks[k].text]:
			particle = true
		case !isCap(toks[k]):
			return false
		}
	}
	return particle
}
