package extract

// Training and scoring of the NER tagger (tagger.go), run by the command in
// internal/nertrain on the files extract/data/ner_corpora.py writes from
// ../shared/data/ner and ../shared/data/ud:
//
//	python3 extract/data/ner_corpora.py ../shared/data/ner /tmp/ner
//	go run ./extract/internal/nertrain -data /tmp/ner -out extract/data/ner_model.gob.gz
//	go run ./extract/internal/nertrain -data /tmp/ner -score extract/data/ner_model.gob.gz
//
// Files ending .iob2 are trained on, each sentence weighed by its corpus
// (corpusWeights: news above tweets); files ending .test (wikigold's held-out
// fifth, Universal NER's EWT test) are only scored, per type.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// corpusWeights weigh a corpus's sentences in training, by file name:
// edited news above encyclopaedic and web text, tweets below both. A file
// not listed weighs 1.
var corpusWeights = map[string]float32{
	"gum_news": 2, // Wikinews, the closest genre to ours
	"re3d":     2, // government and defence news releases
	"btc":      0.5,
	"wnut17":   0.5,
}

// TrainConfig says how TrainTagger trains the NER tagger.
type TrainConfig struct {
	Data     string             // directory of IOB2 files: *.iob2 to train on, *.test to score
	Out      string             // write the trained model here, when set
	Epochs   int                // training epochs (8 when 0)
	MinCount int                // keep features seen at least this often (2 when 0)
	Uniform  bool               // weigh every corpus alike (to compare with corpusWeights)
	Weights  map[string]float32 // corpus weights in place of corpusWeights' (by file name)
	Skip     []string
	// Logf prints progress and scores; nil prints nothing.
	Logf func(format string, args ...any)
}

type nerSent struct {
	words  []string
	gold   []int
	weight float32 // of its corpus in training
}

func readIOB2(path string) ([][]nerSent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	labelOf := map[string]int{}
	for i, l := range nerLabels {
		labelOf[l] = i
	}
	var docs [][]nerSent
	var doc []nerSent
	var s nerSent
	flushSent := func() {
		if len(s.words) > 0 {
			doc = append(doc, s)
		}
		s = nerSent{}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "-DOCSTART-") {
			flushSent()
			if len(doc) > 0 {
				docs = append(docs, doc)
			}
			doc = nil
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			flushSent()
			continue
		}
		s.words = append(s.words, fields[0])
		s.gold = append(s.gold, labelOf[fields[len(fields)-1]])
	}
	flushSent()
	if len(doc) > 0 {
		docs = append(docs, doc)
	}
	return docs, sc.Err()
}

// trainItem is a sentence ready for training: its words as the tagger sees
// them.
type trainItem struct {
	ws     []nerWord
	gold   []int
	weight float32
}

func (x *Extractor) trainItems(docs [][]nerSent) []trainItem {
	var out []trainItem
	for _, d := range docs {
		for _, s := range d {
			toks := make([]token, len(s.words))
			for i, w := range s.words {
				toks[i] = token{text: w}
			}
			w := s.weight
			if w == 0 {
				w = 1
			}
			out = append(out, trainItem{ws: x.nerInput(toks), gold: s.gold, weight: w})
		}
	}
	return out
}

// trainTagger trains an averaged perceptron on items.
func trainTagger(logf func(string, ...any), items []trainItem, epochs, minCount int) *tagger {
	counts := map[uint64]int{}
	var fs []uint64
	for _, it := range items {
		for i := range it.ws {
			p, p2 := 0, 0
			if i > 0 {
				p = it.gold[i-1]
			}
			if i > 1 {
				p2 = it.gold[i-2]
			}
			fs = nerFeatures(fs[:0], it.ws, i, p, p2)
			for _, h := range fs {
				counts[h]++
			}
		}
	}
	var keep []uint64
	for h, c := range counts {
		if c >= minCount {
			keep = append(keep, h)
		}
	}
	tg := &tagger{index: newRowIndex(len(keep))}
	for r, h := range keep {
		tg.index.put(h, int32(r))
	}
	n := tg.index.len() * nLabels
	tg.w = make([]float32, n)
	acc := make([]float64, n)
	stamp := make([]int32, n)
	clock := int32(1)
	upd := func(j int, d float32) {
		acc[j] += float64(clock-stamp[j]) * float64(tg.w[j])
		stamp[j] = clock
		tg.w[j] += d
	}
	rng := rand.New(rand.NewPCG(1, 2))
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	var s [nLabels]float32
	for ep := range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong, total := 0, 0
		for _, k := range order {
			it := items[k]
			prev, prev2 := 0, 0
			for i := range it.ws {
				fs = nerFeatures(fs[:0], it.ws, i, prev, prev2)
				tg.scores(&s, fs)
				best := 0
				for l := 1; l < nLabels; l++ {
					if validNext(prev, l) && s[l] > s[best] {
						best = l
					}
				}
				g := it.gold[i]
				if !validNext(prev, g) {
					// After a wrong guess, an I- label cannot follow: the
					// right guess now is the span's B- label. Rewarding
					// the I- label would only grow it without bound.
					g--
				}
				if best != g {
					wrong++
					for _, h := range fs {
						if r, ok := tg.index.get(h); ok {
							upd(int(r)*nLabels+g, it.weight)
							upd(int(r)*nLabels+best, -it.weight)
						}
					}
				}
				total++
				clock++
				prev2, prev = prev, best
			}
		}
		logf("epoch %d: %.4f token errors, %d features", ep+1, float64(wrong)/float64(total), tg.index.len())
	}
	for j := range tg.w {
		acc[j] += float64(clock-stamp[j]) * float64(tg.w[j])
		tg.w[j] = float32(acc[j] / float64(clock))
	}
	return tg
}

// spans lists the labelled spans of a sentence as "start:end:TYPE".
func spans(labs []int) []string {
	var out []string
	start, typ := -1, ""
	for i := 0; i <= len(labs); i++ {
		l := "O"
		if i < len(labs) {
			l = nerLabels[labs[i]]
		}
		if start >= 0 && (l == "O" || l[0] == 'B' || l[2:] != typ) {
			out = append(out, strings.Join([]string{itoa(start), itoa(i), typ}, ":"))
			start = -1
		}
		if l != "O" && (l[0] == 'B' || start < 0) {
			start, typ = i, l[2:]
		}
	}
	return out
}

func itoa(i int) string {
	const d = "0123456789"
	if i < 10 {
		return d[i : i+1]
	}
	return itoa(i/10) + d[i%10:i%10+1]
}

// scoreTagger prints span F1 per type, MISC left out as the kit does.
func scoreTagger(logf func(string, ...any), tg *tagger, items []trainItem) {
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	for _, it := range items {
		pred := map[string]bool{}
		for _, s := range spans(tg.tag(it.ws)) {
			pred[s] = true
		}
		gold := map[string]bool{}
		for _, s := range spans(it.gold) {
			gold[s] = true
		}
		for s := range pred {
			typ := s[strings.LastIndex(s, ":")+1:]
			if typ == "MISC" {
				continue
			}
			if gold[s] {
				tp[typ]++
			} else {
				fp[typ]++
			}
		}
		for s := range gold {
			typ := s[strings.LastIndex(s, ":")+1:]
			if typ != "MISC" && !pred[s] {
				fn[typ]++
			}
		}
	}
	f1 := func(a, b, c int) float64 {
		if a == 0 {
			return 0
		}
		return 2 * float64(a) / float64(2*a+b+c)
	}
	var ta, tb, tc int
	for _, typ := range []string{"PER", "LOC", "ORG"} {
		ta, tb, tc = ta+tp[typ], tb+fp[typ], tc+fn[typ]
		logf("%s F1 %.3f (tp %d fp %d fn %d)", typ, f1(tp[typ], fp[typ], fn[typ]), tp[typ], fp[typ], fn[typ])
	}
	logf("all F1 %.3f P %.3f R %.3f", f1(ta, tb, tc), float64(ta)/float64(ta+tb), float64(ta)/float64(ta+tc))
}

// TrainTagger trains the NER tagger on the .iob2 files of cfg.Data, scores
// it on each .test file, and writes the model to cfg.Out when set.
func TrainTagger(cfg TrainConfig) error {
	logf := cfg.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if cfg.Epochs == 0 {
		cfg.Epochs = 8
	}
	if cfg.MinCount == 0 {
		cfg.MinCount = 2
	}
	g, err := loadGazetteer()
	if err != nil {
		return err
	}
	x := &Extractor{gaz: g}
	train, tests, err := trainingSplit(cfg)
	if err != nil {
		return err
	}
	if len(train) == 0 {
		return fmt.Errorf("extract.TrainTagger: no training documents in %s", cfg.Data)
	}
	tg := trainTagger(logf, x.trainItems(train), cfg.Epochs, cfg.MinCount)
	if cfg.Out == "" {
		scoreTests(logf, x, tg, tests)
		return nil
	}
	b, err := encodeTagger(tg.kept())
	if err != nil {
		return err
	}
	if err := os.WriteFile(cfg.Out, b, 0o644); err != nil {
		return err
	}
	logf("wrote %s: %d bytes", cfg.Out, len(b))
	back, err := loadTagger(b)
	if err != nil {
		return err
	}
	scoreTests(logf, x, back, tests)
	return nil
}

// ScoreTagger scores the model file at path on the .test files of dir,
// printing through logf (nil prints nothing).
func ScoreTagger(logf func(string, ...any), path, dir string) error {
	if logf == nil {
		logf = func(string, ...any) {}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	tg, err := loadTagger(b)
	if err != nil {
		return err
	}
	g, err := loadGazetteer()
	if err != nil {
		return err
	}
	_, tests, err := trainingSplit(TrainConfig{Data: dir})
	if err != nil {
		return err
	}
	if len(tests) == 0 {
		return fmt.Errorf("extract.ScoreTagger: no .test files in %s", dir)
	}
	scoreTests(logf, &Extractor{gaz: g}, tg, tests)
	return nil
}

// scoreTests prints the tagger's span F1 per type on each held-out file.
func scoreTests(logf func(string, ...any), x *Extractor, tg *tagger, tests map[string][][]nerSent) {
	names := make([]string, 0, len(tests))
	for n := range tests {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		logf("held out %s:", n)
		scoreTagger(logf, tg, x.trainItems(tests[n]))
	}
}

// trainingSplit reads the files of cfg.Data: the documents of the .iob2
// files to train on, each sentence weighed by its corpus, and those of each
// .test file, by name, to score.
func trainingSplit(cfg TrainConfig) (train [][]nerSent, tests map[string][][]nerSent, err error) {
	skip := map[string]bool{}
	for _, s := range cfg.Skip {
		skip[s] = true
	}
	tests = map[string][][]nerSent{}
	files, _ := filepath.Glob(filepath.Join(cfg.Data, "*.iob2"))
	held, _ := filepath.Glob(filepath.Join(cfg.Data, "*.test"))
	sort.Strings(files)
	for _, f := range append(files, held...) {
		base := filepath.Base(f)
		name := strings.TrimSuffix(strings.TrimSuffix(base, ".iob2"), ".test")
		if skip[name] {
			continue
		}
		docs, err := readIOB2(f)
		if err != nil {
			return nil, nil, err
		}
		if strings.HasSuffix(base, ".test") {
			tests[name] = docs
			continue
		}
		w := corpusWeights[name]
		if v, ok := cfg.Weights[name]; ok {
			w = v
		}
		if cfg.Uniform {
			w = 1
		}
		for _, d := range docs {
			for i := range d {
				d[i].weight = w
			}
		}
		train = append(train, docs...)
	}
	return train, tests, nil
}

// kept returns the feature keys and weight rows of the tagger that change
// a decision: rows whose weights are all near zero are left out.
func (t *tagger) kept() ([]uint64, []float32) {
	var keys []uint64
	var w []float32
	t.index.all(func(h uint64, r int32) {
		row := t.w[int(r)*nLabels : int(r)*nLabels+nLabels]
		keep := false
		for _, v := range row {
			if v > 0.01 || v < -0.01 {
				keep = true
			}
		}
		if keep {
			keys = append(keys, h)
			w = append(w, row...)
		}
	})
	return keys, w
}

// encodeTagger serialises weights w (rows of nLabels) for keys.
func encodeTagger(keys []uint64, w []float32) ([]byte, error) {
	maxAbs := float32(0)
	for _, v := range w {
		if v < 0 {
			v = -v
		}
		maxAbs = max(maxAbs, v)
	}
	f := taggerFile{Labels: nerLabels, Keys: keys, W: make([]int16, len(w)), Scale: 1}
	if maxAbs > 0 {
		f.Scale = 32000 / maxAbs
	}
	for i, v := range w {
		f.W[i] = int16(v * f.Scale)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err := gob.NewEncoder(zw).Encode(&f); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
