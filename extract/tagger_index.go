package extract

import "math/bits"

// rowIndex maps the NER tagger's feature hashes to their rows of weights.
// The tagger looks up some forty features a word, and the lookups were most
// of its time in a Go map; keys that are hashes already need no hashing
// again, so this is a flat open-addressing table: a key's home slot is its
// top bits after a multiplication (Fibonacci hashing, which spreads FNV's
// hashes evenly), and a key not at home is in one of the slots after it
// (linear probing), at most half of the slots being full.
type rowIndex struct {
	slots []rowSlot // a power of two of them
	shift uint      // 64 - log2(len(slots))
	n     int
}

// rowSlot is one slot: a key and its row plus one, 0 when the slot is empty.
type rowSlot struct {
	key  uint64
	row1 int32
}

// fibonacci is 2^64 divided by the golden ratio.
const fibonacci = 0x9E3779B97F4A7C15

// newRowIndex returns an empty index with room for n keys.
func newRowIndex(n int) *rowIndex {
	size := 1 << max(4, bits.Len(uint(2*n)))
	return &rowIndex{slots: make([]rowSlot, size), shift: uint(64 - bits.Len(uint(size-1)))}
}

// home is the slot key's search starts at.
func (x *rowIndex) home(key uint64) uint64 { return (key * fibonacci) >> x.shift }

// get returns key's row.
func (x *rowIndex) get(key uint64) (int32, bool) {
	mask := uint64(len(x.slots) - 1)
	for i := x.home(key); ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.row1 == 0 {
			return 0, false
		}
		if s.key == key {
			return s.row1 - 1, true
		}
	}
}

// put sets key's row; the index must have room (newRowIndex's n).
func (x *rowIndex) put(key uint64, row int32) {
	mask := uint64(len(x.slots) - 1)
	for i := x.home(key); ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.row1 == 0 {
			*s = rowSlot{key: key, row1: row + 1}
			x.n++
			return
		}
		if s.key == key {
			s.row1 = row + 1
			return
		}
	}
}

// len returns how many keys the index holds.
func (x *rowIndex) len() int { return x.n }

// all calls f with every key and its row, in slot order.
func (x *rowIndex) all(f func(key uint64, row int32)) {
	for _, s := range x.slots {
		if s.row1 != 0 {
			f(s.key, s.row1-1)
		}
	}
}
