package syntax

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// randomQ is rows of classes int16 weights, the extremes among them.
func randomQ(rng *rand.Rand, classes, rows int) []int16 {
	q := make([]int16, classes*rows)
	for i := range q {
		switch rng.IntN(8) {
		case 0:
			q[i] = 32767
		case 1:
			q[i] = -32767
		default:
			q[i] = int16(rng.IntN(65535) - 32767)
		}
	}
	return q
}

func TestPackedSumIsTheInt16Sum(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const bits = 6
	for _, classes := range []int{1, 3, 4, 5, 17, 49, 51, maxClasses} {
		q := randomQ(rng, classes, 1<<bits)
		var le bytes.Buffer
		binary.Write(&le, binary.LittleEndian, q)
		p, err := readPacked(&le, classes, 1<<bits, &perceptron{})
		if err != nil {
			t.Fatal(err)
		}
		if got := p.int16s(classes); !slices.Equal(got, q) {
			t.Fatalf("%d classes: int16s() differs from the weights read", classes)
		}
		pc := &perceptron{Classes: classes, Bits: bits, Scale: 1, packed: p}
		for _, n := range []int{0, 1, 37, 300, maxFeatures, maxFeatures + 5} {
			feats := make([]uint64, n)
			want := make([]int32, classes)
			for i := range feats {
				feats[i] = rng.Uint64()
				if i%5 == 0 { // the same row often, all weights at one extreme
					feats[i] = 3 << (64 - bits)
				}
				r := int(feats[i] >> (64 - bits))
				for c := range want {
					want[c] += int32(q[r*classes+c])
				}
			}
			scores := make([]float32, classes)
			pc.score(feats, scores)
			for c, w := range want {
				if scores[c] != float32(w) {
					t.Fatalf("%d classes, %d features: score[%d] = %v; want %v", classes, n, c, scores[c], w)
				}
			}
			if n > maxFeatures {
				continue // more than sum takes at once
			}
			got := make([]int32, classes)
			p.sum(feats, bits, got)
			if !slices.Equal(got, want) {
				t.Errorf("%d classes, %d features: sum = %v; want %v", classes, n, got[:min(classes, 6)], want[:min(classes, 6)])
			}
			// Both ways of summing, whichever sum took.
			var words, vector [maxClasses]uint32
			p.sumWords(feats, bits, &words)
			did := p.sumVector(feats, bits, &vector)
			if did && words != vector {
				t.Errorf("%d classes, %d features: sumVector = %v; sumWords %v", classes, n, vector[:min(classes, 6)], words[:min(classes, 6)])
			}
			if models := []int{4, 17, 49, 51}; !did && haveAVX2 && n > 0 && slices.Contains(models, classes) {
				t.Errorf("%d classes, %d features: sumVector did not sum, the processor has AVX2", classes, n)
			}
		}
	}
}

func TestReadPackedShortInput(t *testing.T) {
	if _, err := readPacked(bytes.NewReader(make([]byte, 9)), 5, 1, &perceptron{}); err == nil {
		t.Error("readPacked of 9 bytes for a row of 5 weights: no error")
	}
}

// Saving the loaded model writes the file it was loaded from (before
// compression): the weights
// survive their layout in memory unchanged.
func TestSaveLoadedModelKeepsItsWeights(t *testing.T) {
	m := mustDefault(t)
	var saved bytes.Buffer
	if err := m.write(&saved); err != nil {
		t.Fatal(err)
	}
	got, want := saved.Bytes(), gunzip(t, embedded)
	if !bytes.Equal(got, want) {
		t.Fatalf("Save after Load: %d bytes, differing from the embedded model's %d", len(got), len(want))
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Weight arrays of a huge page or more are mapped apart from the heap on
// Linux; they must read as zeros, hold what is written, and go with their
// owner.
func TestAllocWords(t *testing.T) {
	for _, n := range []int{1, 1000, 3 << 18} { // 8 bytes to 6 MB
		owner := &perceptron{}
		w := allocWords(owner, n)
		if len(w) != n {
			t.Fatalf("allocWords(%d): %d words", n, len(w))
		}
		for i := range w {
			if w[i] != 0 {
				t.Fatalf("allocWords(%d)[%d] = %d; want 0", n, i, w[i])
			}
			w[i] = uint64(i) * 0x9e3779b97f4a7c15
		}
		for i := range w {
			if w[i] != uint64(i)*0x9e3779b97f4a7c15 {
				t.Fatalf("allocWords(%d)[%d] lost what was written", n, i)
			}
		}
		runtime.KeepAlive(owner)
	}
	runtime.GC() // the owners' cleanups unmap their words
}
