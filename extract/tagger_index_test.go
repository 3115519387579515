package extract

import (
	"math/rand/v2"
	"testing"
)

// The index answers as a map does: every key put is found with its last
// row, keys never put are not found, and all visits each key once.
func TestRowIndexMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const n = 5000
	x := newRowIndex(n)
	want := map[uint64]int32{}
	keys := []uint64{0, 1, 1 << 63, ^uint64(0)}
	for len(keys) < n {
		keys = append(keys, rng.Uint64()>>uint(rng.IntN(60))) // small keys too
	}
	for i, k := range keys {
		x.put(k, int32(i))
		want[k] = int32(i)
	}
	x.put(keys[7], 99) // a key put again keeps its last row
	want[keys[7]] = 99
	if x.len() != len(want) {
		t.Errorf("len() = %d; want %d", x.len(), len(want))
	}
	for k, r := range want {
		if got, ok := x.get(k); !ok || got != r {
			t.Errorf("get(%#x) = %d, %v; want %d, true", k, got, ok, r)
		}
	}
	for range 10000 {
		k := rng.Uint64()
		if _, in := want[k]; in {
			continue
		}
		if r, ok := x.get(k); ok {
			t.Errorf("get(%#x) = %d, true for a key never put", k, r)
		}
	}
	seen := map[uint64]bool{}
	x.all(func(k uint64, r int32) {
		if seen[k] || want[k] != r {
			t.Errorf("all: %#x %d (seen before: %v; want row %d)", k, r, seen[k], want[k])
		}
		seen[k] = true
	})
	if len(seen) != len(want) {
		t.Errorf("all visited %d keys; want %d", len(seen), len(want))
	}
}

// BenchmarkRowIndex looks up the features of the seeds' words in the
// tagger's index and in a Go map of the same keys, its baseline.
func BenchmarkRowIndex(b *testing.B) {
	x := mustNew(b)
	m := make(map[uint64]int32, x.ner.index.len())
	x.ner.index.all(func(k uint64, r int32) { m[k] = r })
	var fs []uint64
	for _, s := range corpusSentences(b, x, gazTexts(b)[:500]) {
		ws := x.nerInput(s.toks)
		for i := range ws {
			fs = nerFeatures(fs, ws, i, 0, 0)
		}
	}
	b.Run("map", func(b *testing.B) {
		for b.Loop() {
			for _, h := range fs {
				_ = m[h]
			}
		}
	})
	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			for _, h := range fs {
				x.ner.index.get(h)
			}
		}
	})
}
