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

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

// posTagger gives each token the Penn tag prose v2's tagger gives it. prose's
// tagger (its tag.go, a port of Honnibal's greedy averaged perceptron) builds
// a map of fourteen feature strings for every word and a map of scores over
// a map of maps of weights: it was a third of the extractor's time. This is
// the same tagger over the same weights (read from prose's own model data,
// prose.Asset), laid out flat: each feature is looked up once, by its value
// in a map of its template, and its weights are summed, in prose's feature
// order, into an array indexed by tag. Same rules before the model, same
// features, same weights, so the same tags; TestPOSTaggerMatchesProse holds
// it to prose's on a corpus.
type posTagger struct {
	tags     []string                       // the model's tags, sorted; class c is tags[c]
	known    map[string]string              // words prose tags by a table, not the model
	features [nPOSFeatures]map[string]int32 // by template, value -> row
	rows     []int32                        // row r is class[rows[r]:rows[r+1]], weight[...]
	class    []uint8
	weight   []float64
}

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

// maxPOSTags bounds the tag set, so that scores live in a fixed array.
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
	t := &posTagger{known: known, tags: posTagSet(weights)}
	if len(t.tags) > maxPOSTags {
		return nil, fmt.Errorf("extract: load prose tagger: %d tags, at most %d", len(t.tags), maxPOSTags)
	}
	for f := range t.features {
		t.features[f] = map[string]int32{}
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
		t.features[f][v] = int32(len(t.rows))
		t.rows = append(t.rows, int32(len(t.class)))
		for _, tag := range slices.Sorted(maps.Keys(weights[k])) {
			t.class = append(t.class, classOf[tag])
			t.weight = append(t.weight, weights[k][tag])
		}
	}
	t.rows = append(t.rows, int32(len(t.class)))
	return t, nil
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
	ctx := make([]string, len(words)+4)
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i, w := range words {
		ctx[i+2] = normalizePOS(w)
	}
	ctx[len(ctx)-2], ctx[len(ctx)-1] = "-END-", "-END2-"
	out := make([]string, len(words))
	p1, p2 := "-START-", "-START2-"
	var buf []byte
	var sc posScores
	for i, w := range words {
		tag, ok := ruleTag(w)
		if !ok {
			tag, ok = t.known[w]
		}
		if !ok {
			if w == "" {
				return nil, errEmptyWord
			}
			buf = t.score(&sc, buf, ctx[i:i+5], w, p1, p2)
			tag = sc.best(t.tags)
			if scored != nil {
				scored(i, &sc)
			}
		}
		out[i] = tag
		p2, p1 = p1, tag
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

// score sets sc to the model's scores for w given its context ctx (the
// normalised words from two before w to two after it) and the tags of the
// two words before it: the weights of its fourteen features. buf holds the
// values of two, and is returned for reuse.
func (t *posTagger) score(sc *posScores, buf []byte, ctx []string, w, p1, p2 string) []byte {
	*sc = posScores{}
	t.add(sc, posBias, "")
	t.add(sc, posSuffix, suffix(w, 3))
	t.add(sc, posPref1, string(rune(w[0]))) // prose reads the first byte as a rune
	t.add(sc, posTag1, p1)
	t.add(sc, posTag2, p2)
	buf = append(append(append(buf[:0], p1...), ' '), p2...)
	t.addBytes(sc, posTags12, buf)
	t.add(sc, posWord, ctx[2])
	buf = append(append(append(buf[:0], p1...), ' '), ctx[2]...)
	t.addBytes(sc, posTag1Word, buf)
	t.add(sc, posWord1, ctx[1])
	t.add(sc, posSuffix1, suffix(ctx[1], 3))
	t.add(sc, posWord2, ctx[0])
	t.add(sc, posWordNext, ctx[3])
	t.add(sc, posSuffixNext, suffix(ctx[3], 3))
	t.add(sc, posWordNext2, ctx[4])
	return buf
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

// add adds the weights of feature template f with value v, if the model
// has it.
func (t *posTagger) add(sc *posScores, f int, v string) {
	if r, ok := t.features[f][v]; ok {
		t.addRow(sc, r)
	}
}

// addBytes is add for a value in bytes.
func (t *posTagger) addBytes(sc *posScores, f int, v []byte) {
	if r, ok := t.features[f][string(v)]; ok {
		t.addRow(sc, r)
	}
}

// addRow adds row r of the weights to sc.
func (t *posTagger) addRow(sc *posScores, r int32) {
	lo, hi := t.rows[r], t.rows[r+1]
	for k, c := range t.class[lo:hi] {
		sc.sum[c] += t.weight[int(lo)+k]
		sc.seen[c] = true
	}
}

// best returns the tag of the highest score, "" when no feature was known
// (as prose does).
func (sc *posScores) best(tags []string) string {
	best, max := "", math.Inf(-1)
	for c, tag := range tags {
		if sc.seen[c] && sc.sum[c] > max {
			best, max = tag, sc.sum[c]
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
