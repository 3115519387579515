package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TrainTagger learns a tiny corpus well enough to tag it back, and writes
// a model loadTagger reads.
func TestTrainTagger(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; i < 20; i++ {
		b.WriteString("-DOCSTART- O\n\nAngela B-PER\nMerkel I-PER\nvisited O\nBerlin B-LOC\n. O\n\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "tiny.iob2"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "model.gob.gz")
	if err := TrainTagger(TrainConfig{Data: dir, Out: out, Epochs: 3, MinCount: 1}); err != nil {
		t.Fatalf("TrainTagger() = %v", err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := loadTagger(data)
	if err != nil {
		t.Fatalf("loadTagger(written model) = %v", err)
	}
	x := &Extractor{gaz: mustNew(t).gaz, ner: tg, nerOn: true}
	toks := []token{{text: "Angela"}, {text: "Merkel"}, {text: "visited"}, {text: "Berlin"}, {text: "."}}
	got := x.nerTags(toks)
	want := []string{"B-PERSON", "I-PERSON", "O", "B-GPE", "O"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("nerTags after training = %v; want %v", got, want)
			break
		}
	}
	if err := TrainTagger(TrainConfig{Data: t.TempDir()}); err == nil {
		t.Error("TrainTagger(empty dir) = nil; want an error")
	}
}

// trainingSplit trains on .iob2 files, weighed by corpus, and holds .test
// files out for scoring only.
func TestTrainingSplit(t *testing.T) {
	dir := t.TempDir()
	doc := "-DOCSTART- O\n\nAngela B-PER\nMerkel I-PER\nspoke O\n\n"
	for name, body := range map[string]string{"btc.iob2": doc, "news.iob2": doc + doc[len("-DOCSTART- O\n\n"):], "wiki.test": doc} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	train, tests, err := trainingSplit(TrainConfig{Data: dir, Weights: map[string]float32{"news": 3}})
	if err != nil {
		t.Fatal(err)
	}
	if len(train) != 2 || len(tests) != 1 || len(tests["wiki"]) != 1 {
		t.Fatalf("trainingSplit = %d training documents, tests %v; want 2 and wiki", len(train), tests)
	}
	weights := map[float32]int{}
	for _, d := range train {
		for _, s := range d {
			weights[s.weight]++
		}
	}
	if weights[0.5] != 1 || weights[3] != 2 {
		t.Errorf("sentence weights = %v; want btc's one at 0.5 (corpusWeights) and news's two at 3 (cfg.Weights)", weights)
	}
	uniform, _, _ := trainingSplit(TrainConfig{Data: dir, Uniform: true})
	for _, d := range uniform {
		for _, s := range d {
			if s.weight != 1 {
				t.Errorf("Uniform: weight %v; want 1", s.weight)
			}
		}
	}
	if err := ScoreTagger(nil, filepath.Join(dir, "missing.gob.gz"), dir); err == nil {
		t.Error("ScoreTagger(missing model) = nil; want an error")
	}
}
