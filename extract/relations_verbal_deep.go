package extract

// relations_verbal_deep.go checks the shallow verbal pattern's reported
// object against the dependency parse. The shallow pattern takes the first
// actor after a reporting verb as what the statement is about; when the
// parse hangs that actor deeper in the reported clause, as a noun's
// adjective ("said the guy is a Polish chef": the chef, not Poland, is
// spoken of) or in an adverbial clause nested in it ("said the bill would
// fail if Congress blocked it"), or as the place another verb's act
// happened ("said two men had been arrested in France"), the statement is
// not about it.

// reportedDeepRels are the relations that put a word below the reported
// clause's arguments: an adjective of a noun (amod) or an adverbial clause
// (advcl). An oblique ("arrested in Argentina") is left out: on the gold
// sets it dropped more right objects ("required approval from the
// committee") than wrong ones, except for an actor that is itself the
// place an act of the reported clause happened (placeOblique); so is a
// noun's clause (acl), which lowered gold-2.
var reportedDeepRels = []string{"amod", "advcl"}

// maxDepPath bounds the walk up the tree, so a malformed tree with a cycle
// cannot loop.
const maxDepPath = 64

// reportedDeep reports whether the parse puts actor mention q, on its way
// up to the reporting verb at token verbTok, under one of reportedDeepRels
// of a word other than the reporting verb, or is itself the place phrase
// of another verb. A parse whose path from q does not reach
// the reporting verb says nothing, and q is kept.
func (f *relationFinder) reportedDeep(v *sentView, verbTok, q int) bool {
	d := f.depView(v)
	if d == nil {
		return false
	}
	w := mentionHeadWord(d, q)
	if w < 0 {
		return false
	}
	deep := false
	for x, steps := w, 0; x >= 0 && steps < maxDepPath; x, steps = d.head(x), steps+1 {
		if d.tok[x] == verbTok {
			return deep
		}
		if h := d.head(x); h >= 0 && d.tok[h] != verbTok && (d.hasRel(x, reportedDeepRels...) || x == w && placeOblique(d, x)) {
			deep = true
		}
	}
	return false
}

// placeOblique reports whether word w is an oblique "in" phrase: the
// place an act happened ("had been arrested in Argentina").
func placeOblique(d *depTree, w int) bool {
	return d.hasRel(w, "obl") && d.caseOf(w) == "in"
}

// mentionHeadWord returns the word of mention q whose head lies outside
// the mention, or -1.
func mentionHeadWord(d *depTree, q int) int {
	for x := range d.Words {
		if d.mention(x) == q && d.mention(d.head(x)) != q {
			return x
		}
	}
	return -1
}
