package extract

import (
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"encoding/gob"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The named-entity tagger: a greedy left-to-right averaged perceptron over
// IOB2 labels (PER, LOC, ORG, MISC), trained on free corpora (data/NOTICE.md;
// train.go trains it, run by go run ./extract/internal/nertrain). Its
// features are the word, its shape and affixes, its neighbours, the labels before it, and what the gazetteers and
// word lists of this package say about the words. It replaces prose's NER
// model, which was half of the pipeline's time and rarely typed
// organisations.

//go:embed data/ner_model.gob.gz
var nerModelData []byte

// nerLabels are the tagger's labels; index 0 is O.
var nerLabels = []string{"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

const nLabels = 9

// tagger holds the weights: for feature hash h, w[row*nLabels+label] where
// index gives h's row.
type tagger struct {
	index *rowIndex
	w     []float32
}

// taggerFile is the serialised model: keys and their weight rows, the
// weights quantised to int16 at scale.
type taggerFile struct {
	Labels []string
	Keys   []uint64
	W      []int16
	Scale  float32
}

func loadTagger(b []byte) (*tagger, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("extract: load NER model: %w", err)
	}
	var f taggerFile
	if err := gob.NewDecoder(zr).Decode(&f); err != nil {
		return nil, fmt.Errorf("extract: load NER model: %w", err)
	}
	if strings.Join(f.Labels, " ") != strings.Join(nerLabels, " ") || len(f.W) != len(f.Keys)*nLabels {
		return nil, fmt.Errorf("extract: load NER model: labels or sizes do not match")
	}
	t := &tagger{index: newRowIndex(len(f.Keys)), w: make([]float32, len(f.W))}
	for i, k := range f.Keys {
		t.index.put(k, int32(i))
	}
	for i, q := range f.W {
		t.w[i] = float32(q) / f.Scale
	}
	return t, nil
}

// nerWord is what the tagger knows of one token before it looks at labels.
type nerWord struct {
	lower, shape, short string
	gaz                 string // gazetteer reading: "B-STATE", "I-AGENCY", "B-capital"...
	flags               string // lexicon flags, one letter each
	run                 byte   // position in a run of capitalised words: B, I, E, S or O
}

// nerInput computes the label-independent facts about the words of a
// sentence.
func (x *Extractor) nerInput(toks []token) []nerWord {
	ws := make([]nerWord, len(toks))
	caps := 0
	for i, t := range toks {
		lw := strings.ToLower(t.text)
		ws[i].lower = lw
		ws[i].shape, ws[i].short = wordShape(t.text)
		if isCap(t) {
			caps++
		}
	}
	head := len(toks) >= 4 && caps*10 >= len(toks)*7
	for i := 0; i < len(toks); {
		n, e, ok := x.longest(toks, i, len(toks)-1, head && allCaps(toks[i].text))
		if !ok {
			i++
			continue
		}
		typ := string(e.typ)
		switch e.kind {
		case kindDemonym, kindCapital, kindAcronym, kindUSState:
			typ += kindReason[e.kind] + "*"
		}
		for k := i; k < i+n; k++ {
			if k == i {
				ws[k].gaz = "B-" + typ
			} else {
				ws[k].gaz = "I-" + typ
			}
		}
		i += n
	}
	for i, t := range toks {
		var fl []byte
		if x.gaz.given[t.text] {
			fl = append(fl, 'g')
		}
		if personTitles[ws[i].lower] {
			fl = append(fl, 't')
		}
		if orgHeads[t.text] {
			fl = append(fl, 'o')
		}
		if placeHeads[t.text] || placeStarts[t.text] {
			fl = append(fl, 'p')
		}
		if nonEntityHeads[t.text] {
			fl = append(fl, 'n')
		}
		if commonCaps[ws[i].lower] {
			fl = append(fl, 'c')
		}
		if calendarWords[strings.TrimSuffix(ws[i].lower, ".")] {
			fl = append(fl, 'd')
		}
		if connectors[t.text] {
			fl = append(fl, 'k')
		}
		if head {
			fl = append(fl, 'h')
		}
		// An English dictionary word capitalised is less often a name.
		if l := lemmatizer(); l != nil && len(ws[i].lower) > 1 && l.InDict(ws[i].lower) {
			fl = append(fl, 'w')
		}
		ws[i].flags = string(fl)
		capd := isCap(t) && isWord(t.text)
		if !capd {
			ws[i].run = 'O'
			continue
		}
		prev := i > 0 && isCap(toks[i-1]) && isWord(toks[i-1].text)
		next := i+1 < len(toks) && isCap(toks[i+1]) && isWord(toks[i+1].text)
		switch {
		case prev && next:
			ws[i].run = 'I'
		case prev:
			ws[i].run = 'E'
		case next:
			ws[i].run = 'B'
		default:
			ws[i].run = 'S'
		}
	}
	return ws
}

// wordShape maps letters to X and x and digits to d: the shape keeps the
// first 8 of them, the short shape collapses repeats ("McCain" -> "XxXx").
func wordShape(w string) (string, string) {
	var full, short []byte
	var last byte
	n := 0
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '?'
		}
		if n < 8 {
			full = append(full, c)
		}
		n++
		if c != last {
			short = append(short, c)
			last = c
		}
	}
	return string(full), string(short)
}

// The FNV-1a constants of fh.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fh hashes a feature: FNV-1a over a template byte and the parts.
func fh(tpl byte, parts ...string) uint64 {
	h := uint64(fnvOffset)
	h ^= uint64(tpl)
	h *= fnvPrime
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h ^= uint64(p[i])
			h *= fnvPrime
		}
		h ^= 0xff
		h *= fnvPrime
	}
	return h
}

// nerFeatures appends the hashed features of word i, given the labels of the
// two words before it, to fs.
func nerFeatures(fs []uint64, ws []nerWord, i int, prev, prev2 int) []uint64 {
	at := func(k int) *nerWord {
		if k < 0 || k >= len(ws) {
			return &boundary
		}
		return &ws[k]
	}
	w, p, n := &ws[i], at(i-1), at(i+1)
	p2, n2 := at(i-2), at(i+2)
	pl, pl2 := nerLabels[prev], nerLabels[prev2]
	first := "0"
	if i == 0 {
		first = "1"
	}
	run := string([]byte{w.run})
	fs = append(fs,
		fh(0),
		fh(1, w.lower), fh(2, p.lower), fh(3, n.lower), fh(4, p2.lower), fh(5, n2.lower),
		fh(6, w.shape), fh(7, w.short), fh(8, p.short), fh(9, n.short),
		fh(10, p.lower, w.lower), fh(11, w.lower, n.lower),
		fh(12, p.short, w.short, n.short),
		fh(13, pl), fh(14, pl2, pl), fh(15, pl, w.lower), fh(16, pl, w.short),
		fh(17, first, w.short), fh(18, first, w.lower),
		fh(19, w.gaz), fh(20, p.gaz), fh(21, n.gaz), fh(22, w.gaz, pl),
		fh(23, w.flags), fh(24, p.flags), fh(25, n.flags), fh(26, w.flags, w.short),
		fh(27, run), fh(28, run, pl), fh(29, run, n.flags), fh(30, run, p.flags),
		fh(31, p.lower, w.short), fh(32, n.lower, w.short),
	)
	lw := w.lower
	for k := 1; k <= 4 && k < len(lw); k++ {
		fs = append(fs, fh(40, lw[:k]), fh(41, lw[len(lw)-k:]))
	}
	return fs
}

var boundary = nerWord{lower: "<s>", shape: "<s>", short: "<s>", run: 'O'}

// scores adds the weights of fs into s.
func (t *tagger) scores(s *[nLabels]float32, fs []uint64) {
	*s = [nLabels]float32{}
	for _, h := range fs {
		row, ok := t.index.get(h)
		if !ok {
			continue
		}
		w := t.w[int(row)*nLabels : int(row)*nLabels+nLabels]
		for l := range nLabels {
			s[l] += w[l]
		}
	}
}

// validNext reports whether label l may follow label prev in IOB2.
func validNext(prev, l int) bool {
	if l == 0 || nerLabels[l][0] == 'B' {
		return true
	}
	return prev != 0 && nerLabels[prev][2:] == nerLabels[l][2:]
}

// tag labels the words of ws, greedily from the left.
func (t *tagger) tag(ws []nerWord) []int {
	out := make([]int, len(ws))
	fs := make([]uint64, 0, 64)
	var s [nLabels]float32
	prev, prev2 := 0, 0
	for i := range ws {
		fs = nerFeatures(fs[:0], ws, i, prev, prev2)
		t.scores(&s, fs)
		best := 0
		for l := 1; l < nLabels; l++ {
			if validNext(prev, l) && s[l] > s[best] {
				best = l
			}
		}
		out[i] = best
		prev2, prev = prev, best
	}
	return out
}

// proseLabel names the tagger's types as the recogniser reads them.
var proseLabel = map[string]string{"PER": "PERSON", "LOC": "GPE", "ORG": "ORGANIZATION", "MISC": "MISC"}

// nerTags labels the tokens of a sentence ("B-PERSON", "I-ORGANIZATION",
// "O").
func (x *Extractor) nerTags(toks []token) []string {
	labs := x.ner.tag(x.nerInput(toks))
	out := make([]string, len(labs))
	for i, l := range labs {
		if l == 0 {
			out[i] = "O"
			continue
		}
		s := nerLabels[l]
		out[i] = s[:2] + proseLabel[s[2:]]
	}
	return out
}

// tagNames sets each sentence's NER labels when the tagger is on.
func (x *Extractor) tagNames(ctx context.Context, doc *document) error {
	if !x.nerOn || x.ner == nil {
		return nil
	}
	for si := range doc.sents {
		if stopped(ctx, si) {
			return ctx.Err()
		}
		doc.sents[si].labels = x.nerTags(doc.sents[si].toks)
	}
	return nil
}
