package syntax

import (
	"encoding/binary"
	"io"
)

// A loaded model's weights are int16 (see perceptron.quantise), laid out for
// summing rather than as the file keeps them: each weight stored as q+32768
// (offset binary, an unsigned uint16), four a uint64 word in class order,
// each row padded to a power of two words (a row of 49 or 51 classes is 128
// bytes, two whole cache lines; 17 classes one line). Summing unsigned
// values needs no sign handling: with AVX2, eight weights are widened and
// added per instruction pair (packed_amd64.s); in plain Go, masking a word
// gives the even classes in two 32-bit lanes and shifting it by 16 the odd
// ones, two adds per four weights (sumWords). The 32-bit sums cannot
// overflow: each feature adds at most 65535, and scoring takes fewer than
// 1<<16 features. Subtracting 32768 per feature gives the signed sums
// exactly, the same numbers as summing the int16 weights one by one, so the
// scores are those of the file's weights.

const (
	laneMask    = 0x0000_ffff_0000_ffff
	offset      = 1 << 15 // added to each weight: int16 to uint16
	maxRowWords = maxClasses / 4
	maxFeatures = 1<<16 - 1 // the most features one score may sum (no lane carries)
)

// packedRows is a loaded model's weight array.
type packedRows struct {
	words  []uint64
	stride int // words per row
}

// rowWords is the number of words a row of that many classes takes.
func rowWords(classes int) int {
	n := 1
	for n*4 < classes {
		n *= 2
	}
	return n
}

// readPacked reads rows rows of classes little-endian int16 weights, the
// layout of a model file's arrays, for owner (see allocWords).
func readPacked(r io.Reader, classes, rows int, owner *perceptron) (packedRows, error) {
	p := packedRows{stride: rowWords(classes)}
	p.words = allocWords(owner, p.stride*rows)
	buf := make([]byte, 2*classes)
	for i := range rows {
		if _, err := io.ReadFull(r, buf); err != nil {
			return packedRows{}, err
		}
		row := p.words[i*p.stride:][:p.stride]
		for k := range row {
			var w uint64
			for j := range 4 {
				v := uint64(offset) // padding: weight 0
				if c := 4*k + j; c < classes {
					v = uint64(binary.LittleEndian.Uint16(buf[2*c:]) ^ offset)
				}
				w |= v << (16 * j)
			}
			row[k] = w
		}
	}
	return p, nil
}

// weight is the weight of class c in row r.
func (p *packedRows) weight(r, c int) int16 {
	return int16(uint16(p.words[r*p.stride+c/4]>>(uint(c%4)*16)) ^ offset)
}

// int16s is the weights as a model file keeps them, row by row.
func (p *packedRows) int16s(classes int) []int16 {
	rows := len(p.words) / max(p.stride, 1)
	q := make([]int16, 0, rows*classes)
	for r := range rows {
		for c := range classes {
			q = append(q, p.weight(r, c))
		}
	}
	return q
}

// sum sets out[c] to the sum of class c's weights in the features' rows
// (the top bits bits of each feature number its row), len(feats) <=
// maxFeatures: with vector instructions where the processor has them
// (packed_amd64.s), else four weights a word (sumWords).
func (p *packedRows) sum(feats []uint64, bits uint, out []int32) {
	var lanes [maxClasses]uint32 // class c's sum of q+offset
	if !p.sumVector(feats, bits, &lanes) {
		p.sumWords(feats, bits, &lanes)
	}
	bias := int64(len(feats)) * offset
	for c := range out {
		out[c] = int32(int64(lanes[c]) - bias)
	}
}

// sumWords is sum in plain Go. Every row's first word is read before the
// rest, so that the processor asks for all the rows at once instead of
// waiting for each in turn (the rows are anywhere in megabytes of weights).
func (p *packedRows) sumWords(feats []uint64, bits uint, out *[maxClasses]uint32) {
	var even, odd [maxRowWords]uint64
	shift := 64 - bits
	for _, h := range feats {
		w := p.words[int(h>>shift)*p.stride]
		even[0] += w & laneMask
		odd[0] += w >> 16 & laneMask
	}
	if p.stride > 1 {
		for _, h := range feats {
			row := p.words[int(h>>shift)*p.stride:][1:p.stride]
			ev, od := even[1:][:len(row)], odd[1:][:len(row)]
			for k, w := range row {
				ev[k] += w & laneMask
				od[k] += w >> 16 & laneMask
			}
		}
	}
	for k := range p.stride {
		out[4*k], out[4*k+2] = uint32(even[k]), uint32(even[k]>>32)
		out[4*k+1], out[4*k+3] = uint32(odd[k]), uint32(odd[k]>>32)
	}
}
