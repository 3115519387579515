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
