package extract

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

// posTagger gives each token the Penn tag prose v2's tagger gives it. prose's
// tagger (its tag.go, a port of Honnibal's greedy averaged perceptron) builds
// a map of fourteen feature strings for every word and a map of scores over
// a map of maps of weights: it was a third of the extractor's time. This is
// the same tagger over the same weights (read from prose's own model data,
// prose.Asset), laid out flat: its weights are summed, in prose's feature
// order, into an array indexed by tag. Same rules before the model, same
// features, same weights, so the same tags; TestPOSTaggerMatchesProse holds
// it to prose's on a corpus.
//
// Most features are a word (or suffix, or tag) at some place around the
// word being tagged, so one value is read by up to five templates as the
// sentence goes by. Each value is therefore looked up once a sentence, in
// values, and its entry holds its row for every template; the features of
// two values (a tag and a tag, a tag and a word) are keyed by the entries
// of both, and a first letter indexes its row directly.
type posTagger struct {
	tags    []string              // the model's tags, sorted; class c is tags[c]
	known   map[string]string     // words prose tags by a table, not the model
	values  map[string]int32      // feature value -> its entry
	entries [][nPOSFeatures]int32 // entry -> row by one-value template, -1 none
	pairs   map[uint64]int32      // two-value features (pairKey) -> row
	tagIDs  []int32               // class -> the entry of its tag
	edges   [2][4]int32           // entries of the places around a sentence, of their suffixes
	pref1   [256]int32            // first byte of a word -> row of "i pref1", -1 none
	bias    int32                 // row of the bias, -1 none
	rows    []int32               // row r is class[rows[r]:rows[r+1]], weight[...]
	class   []uint8
	weight  []float64
}

// pairKey keys a feature of two values by its template and their entries.
func pairKey(f int, a, b int32) uint64 {
	return uint64(f)<<56 | uint64(uint32(a))<<28 | uint64(uint32(b))
}

// maxPOSEntries bounds the entries, so that two fit in a pairKey.
const maxPOSEntries = 1 << 28

// posEdges are the values of the two places before a sentence and the two
// after it, as prose names them.
var posEdges = [4]string{"-START-", "-START2-", "-END-", "-END2-"}

// noPOSRow marks a template a value has no row for, and a value that is no
// entry.
const noPOSRow int32 = -1

// prose's feature templates, in its order. A feature's key in prose's model
// is its template's name, a space and its value, two values for the
// templates of two ("i tag+i-2 tag NNP DT"); bias has no value. The flat
// tagger keeps a map a template, keyed by the value alone, so that a word's
// own features are looked up without building a key.
const (
	posBias = iota
	posSuffix
	posPref1
	posTag1
	posTag2
	posTags12
	posWord
	posTag1Word
	posWord1
	posSuffix1
	posWord2
	posWordNext
	posSuffixNext
	posWordNext2
	nPOSFeatures
)

var posTemplates = [nPOSFeatures]string{
	posBias: "bias", posSuffix: "i suffix", posPref1: "i pref1",
	posTag1: "i-1 tag", posTag2: "i-2 tag", posTags12: "i tag+i-2 tag",
	posWord: "i word", posTag1Word: "i-1 tag+i word", posWord1: "i-1 word",
	posSuffix1: "i-1 suffix", posWord2: "i-2 word", posWordNext: "i+1 word",
	posSuffixNext: "i+1 suffix", posWordNext2: "i+2 word",
}

// splitPOSKey returns the template and value of a key of prose's model.
func splitPOSKey(k string) (int, string, error) {
	if k == posTemplates[posBias] {
		return posBias, "", nil
	}
	tpl, val, n := 0, "", 0
	for f, name := range posTemplates {
		if v, ok := strings.CutPrefix(k, name+" "); ok && f != posBias {
			tpl, val, n = f, v, n+1
		}
	}
	if n != 1 {
		return 0, "", fmt.Errorf("extract: load prose tagger: feature %q fits %d templates", k, n)
	}
	return tpl, val, nil
}

// maxPOSTags bounds the tag set, so that scores live in a fixed array; a
// power of two (addRow).
const maxPOSTags = 64

// proseAsset is where prose keeps its tagger's model.
const proseAsset = "model/AveragedPerceptron/"

// loadPOSTagger reads prose's tagging model from the data compiled into
// prose and lays its weights out flat.
func loadPOSTagger() (*posTagger, error) {
	var known map[string]string
	var weights map[string]map[string]float64
	if err := decodeProseAsset("tags.gob", &known); err != nil {
		return nil, err
	}
	if err := decodeProseAsset("weights.gob", &weights); err != nil {
		return nil, err
	}
	return newPOSTagger(known, weights)
}

// newPOSTagger lays out prose's weights (feature key -> tag -> weight)
// flat, in sorted order so that the layout does not depend on map order.
func newPOSTagger(known map[string]string, weights map[string]map[string]float64) (*posTagger, error) {
	t := &posTagger{known: known, tags: posTagSet(weights), values: map[string]int32{}, pairs: map[uint64]int32{}, bias: noPOSRow}
	if len(t.tags) > maxPOSTags {
		return nil, fmt.Errorf("extract: load prose tagger: %d tags, at most %d", len(t.tags), maxPOSTags)
	}
	for b := range t.pref1 {
		t.pref1[b] = noPOSRow
	}
	classOf := make(map[string]uint8, len(t.tags))
	for c, tag := range t.tags {
		classOf[tag] = uint8(c)
	}
	t.rows = make([]int32, 0, len(weights)+1)
	for _, k := range slices.Sorted(maps.Keys(weights)) {
		f, v, err := splitPOSKey(k)
		if err != nil {
			return nil, err
		}
		if err := t.place(f, v, int32(len(t.rows))); err != nil {
			return nil, err
		}
		t.rows = append(t.rows, int32(len(t.class)))
		for _, tag := range slices.Sorted(maps.Keys(weights[k])) {
			t.class = append(t.class, classOf[tag])
			t.weight = append(t.weight, weights[k][tag])
		}
	}
	t.rows = append(t.rows, int32(len(t.class)))
	if len(t.entries) > maxPOSEntries {
		return nil, fmt.Errorf("extract: load prose tagger: %d feature values, at most %d", len(t.entries), maxPOSEntries)
	}
	for k, v := range posEdges {
		t.edges[0][k], t.edges[1][k] = t.lookup(v), t.lookup(suffix(v, 3))
	}
	t.tagIDs = make([]int32, len(t.tags))
	for c, tag := range t.tags {
		t.tagIDs[c] = t.lookup(tag)
	}
	return t, nil
}

// place files row under template f with value v.
func (t *posTagger) place(f int, v string, row int32) error {
	switch f {
	case posBias:
		t.bias = row
	case posPref1:
		// prose reads a word's first byte as a rune: the value is that
		// rune, one byte of the 256 (as UTF-8, U+0080 to U+00FF take two).
		r, n := utf8.DecodeRuneInString(v)
		if n != len(v) || r > 0xFF {
			return nil // no word's first byte gives this value
		}
		t.pref1[r] = row
	case posTags12, posTag1Word:
		// The first value is a tag, which has no space.
		a, b, ok := strings.Cut(v, " ")
		if !ok {
			return fmt.Errorf("extract: load prose tagger: feature %q of %q has one value", v, posTemplates[f])
		}
		t.pairs[pairKey(f, t.entry(a), t.entry(b))] = row
	default:
		t.entries[t.entry(v)][f] = row
	}
	return nil
}

// entry returns v's entry, adding one with no rows if there is none.
func (t *posTagger) entry(v string) int32 {
	if e, ok := t.values[v]; ok {
		return e
	}
	e := int32(len(t.entries))
	var rows [nPOSFeatures]int32
	for f := range rows {
		rows[f] = noPOSRow
	}
	t.entries = append(t.entries, rows)
	t.values[v] = e
	return e
}

// lookup returns v's entry, or noPOSRow when the model has no feature of v.
func (t *posTagger) lookup(v string) int32 {
	if e, ok := t.values[v]; ok {
		return e
	}
	return noPOSRow
}

// posTagSet returns the tags the weights name, sorted.
func posTagSet(weights map[string]map[string]float64) []string {
	seen := map[string]bool{}
	for _, ws := range weights {
		for tag := range ws {
			seen[tag] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// decodeProseAsset gob-decodes prose's model file name into v.
func decodeProseAsset(name string, v any) error {
	b, err := prose.Asset(proseAsset + name)
	if err == nil {
		err = gob.NewDecoder(bytes.NewReader(b)).Decode(v)
	}
	if err != nil {
		return fmt.Errorf("extract: load prose tagger %s: %w", name, err)
	}
	return nil
}

// errEmptyWord is what tag returns for an empty word, on which prose's
// tagger panics.
var errEmptyWord = fmt.Errorf("%w: empty word", errProsePanic)

// tag returns the tag of each word of a sentence, as prose's tagger tags
// them: a few kinds of words by rule (ruleTag), words the model's table
// knows by the table, the rest by the perceptron, left to right, each word
// seeing the tags of the two before it.
func (t *posTagger) tag(words []string) ([]string, error) {
	return t.tagScored(words, nil)
}

// tagScored is tag that also hands the scores of each word the model tags
// to scored, for tests to see how close a choice was.
func (t *posTagger) tagScored(words []string, scored func(i int, sc *posScores)) ([]string, error) {
	// The entries of the normalised words and of their suffixes, with the
	// two places before the sentence and the two after it, and of the
	// words' own suffixes.
	ctx := make([]int32, 3*len(words)+8)
	ctx, sufs, own := ctx[:len(words)+4], ctx[len(words)+4:2*len(words)+8], ctx[2*len(words)+8:]
	end := len(ctx) - 2
	ctx[0], ctx[1], ctx[end], ctx[end+1] = t.edges[0][0], t.edges[0][1], t.edges[0][2], t.edges[0][3]
	sufs[0], sufs[1], sufs[end], sufs[end+1] = t.edges[1][0], t.edges[1][1], t.edges[1][2], t.edges[1][3]
	for i, w := range words {
		n := normalizePOS(w)
		ctx[i+2], sufs[i+2] = t.lookup(n), t.lookup(suffix(n, 3))
		// Most words end as their normalised form does.
		own[i] = sufs[i+2]
		if suffix(w, 3) != suffix(n, 3) {
			own[i] = t.lookup(suffix(w, 3))
		}
	}
	out := make([]string, len(words))
	p1, p2 := ctx[0], ctx[1]
	var sc posScores
	for i, w := range words {
		tag, ok := ruleTag(w)
		if !ok {
			tag, ok = t.known[w]
		}
		id := noPOSRow
		switch {
		case ok:
			id = t.lookup(tag)
		case w == "":
			return nil, errEmptyWord
		default:
			t.score(&sc, ctx[i:i+5], sufs[i:i+5], w, own[i], p1, p2)
			if c := sc.best(); c >= 0 {
				tag, id = t.tags[c], t.tagIDs[c]
			} else {
				tag, id = "", t.lookup("")
			}
			if scored != nil {
				scored(i, &sc)
			}
		}
		out[i] = tag
		p2, p1 = p1, id
	}
	return out, nil
}

// The patterns prose's tagger tests words against before its model: a
// trace of the treebank ("*", "*-1", "0") has no tag, a bracket code
// ("-LRB-") is its own tag.
var (
	posNone = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	posKeep = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// proseEmoticons are the emoticons prose's tokenizer keeps whole and its
// tagger tags SYM.
var proseEmoticons = wordSet("prose_emoticons.txt")

// ruleTag returns the tag prose's tagger gives w by rule, before its model,
// in prose's order. Each pattern is tried only on words that hold what any
// match must hold (a link a ".", an e-mail an "@", a trace "0" or "*", a
// code "-"), which keeps the regular expressions off most words.
func ruleTag(w string) (string, bool) {
	switch {
	case w == "-":
		return "-", true
	case proseEmoticons[w]:
		return "SYM", true
	case strings.HasPrefix(w, "@"):
		return "NN", true
	case strings.ContainsAny(w, ".@") && (commonregex.LinkRegex.MatchString(w) || commonregex.EmailRegex.MatchString(w)):
		return "NN", true
	case (w == "0" || strings.HasPrefix(w, "*")) && posNone.MatchString(w):
		return "-NONE-", true
	case strings.HasPrefix(w, "-") && posKeep.MatchString(w):
		return w, true
	}
	return "", false
}

// normalizePOS is the form of a word the tagger's word features see: a
// hyphenated word is "!HYPHEN", a four-digit number "!YEAR", a word opening
// with a digit "!DIGITS", the rest lower case.
func normalizePOS(w string) string {
	switch {
	case w == "":
		return w
	case strings.Contains(w, "-") && w[0] != '-':
		return "!HYPHEN"
	case len(w) == 4 && isAtoi(w):
		return "!YEAR"
	case w[0] >= '0' && w[0] <= '9':
		return "!DIGITS"
	}
	return strings.ToLower(w)
}

// isAtoi reports whether strconv.Atoi accepts s, as prose asks it.
func isAtoi(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// score sets sc to the model's scores for w given the entries of its
// context ctx (the normalised words from two before w to two after it) and
// of their suffixes, of w's own suffix (suf), and of the tags of the two
// words before it: the weights of its fourteen features, added in prose's
// order.
func (t *posTagger) score(sc *posScores, ctx, sufs []int32, w string, suf, p1, p2 int32) {
	*sc = posScores{}
	t.addRow(sc, t.bias)
	t.addRow(sc, t.row(suf, posSuffix))
	t.addRow(sc, t.pref1[w[0]])
	t.addRow(sc, t.row(p1, posTag1))
	t.addRow(sc, t.row(p2, posTag2))
	t.addRow(sc, t.pair(posTags12, p1, p2))
	t.addRow(sc, t.row(ctx[2], posWord))
	t.addRow(sc, t.pair(posTag1Word, p1, ctx[2]))
	t.addRow(sc, t.row(ctx[1], posWord1))
	t.addRow(sc, t.row(sufs[1], posSuffix1))
	t.addRow(sc, t.row(ctx[0], posWord2))
	t.addRow(sc, t.row(ctx[3], posWordNext))
	t.addRow(sc, t.row(sufs[3], posSuffixNext))
	t.addRow(sc, t.row(ctx[4], posWordNext2))
}

// row returns the row of template f for the value of entry e.
func (t *posTagger) row(e int32, f int) int32 {
	if e == noPOSRow {
		return noPOSRow
	}
	return t.entries[e][f]
}

// pair returns the row of two-value template f for the values of entries
// a and b.
func (t *posTagger) pair(f int, a, b int32) int32 {
	if a == noPOSRow || b == noPOSRow {
		return noPOSRow
	}
	if r, ok := t.pairs[pairKey(f, a, b)]; ok {
		return r
	}
	return noPOSRow
}

// suffix returns the last n bytes of s, or s.
func suffix(s string, n int) string {
	return s[len(s)-min(len(s), n):]
}

// posScores sums the weights of a word's features by tag; seen marks the
// tags some feature has a weight for, the only ones prose chooses among.
// prose adds the weights in map order, which changes from run to run: where
// two tags score the same but for rounding, prose's choice between them
// changes too (3 words in 157,000 of news), and this tagger makes one of
// the choices prose makes.
type posScores struct {
	sum  [maxPOSTags]float64
	seen [maxPOSTags]bool
}

// addRow adds row r of the weights to sc, none for noPOSRow.
func (t *posTagger) addRow(sc *posScores, r int32) {
	if r == noPOSRow {
		return
	}
	lo, hi := t.rows[r], t.rows[r+1]
	cls, ws := t.class[lo:hi], t.weight[lo:hi]
	ws = ws[:len(cls)]
	for k, c := range cls {
		// c is below maxPOSTags (newPOSTagger), a power of two: the
		// mask changes no class and spares the bounds checks.
		c &= maxPOSTags - 1
		sc.sum[c] += ws[k]
		sc.seen[c] = true
	}
}

// best returns the class of the highest score, -1 when no feature was
// known (prose then gives the tag "").
func (sc *posScores) best() int {
	best, max := -1, math.Inf(-1)
	for c := range sc.sum {
		if sc.seen[c] && sc.sum[c] > max {
			best, max = c, sc.sum[c]
		}
	}
	return best
}

// posWords is the texts of prose's tokens, what the tagger reads.
func posWords(ptoks []prose.Token) []string {
	words := make([]string, len(ptoks))
	for i, pt := range ptoks {
		words[i] = pt.Text
	}
	return words
}
