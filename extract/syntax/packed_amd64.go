//go:build amd64 && !purego

package syntax

import (
	"math/bits"

	"golang.org/x/sys/cpu"
)

// sumRowsAVX2 adds the n rows at byte offsets (feats[i] >> shift) & mask
// from words, each chunks*16 bytes of uint16 (8 bytes when chunks is 0),
// zero-extended into out's uint32 lanes; out must hold 64 lanes. See
// packed_amd64.s.
//
//go:noescape
func sumRowsAVX2(words *uint64, feats *uint64, n int, shift uint, mask uint64, chunks int, out *uint32)

// haveAVX2 is whether sumVector may use sumRowsAVX2.
var haveAVX2 = cpu.X86.HasAVX2

// sumVector is sum's vector form, for rows of 1, 8 or 16 words (the
// models' 4, 17, 49 and 51 classes); it reports whether it summed.
func (p *packedRows) sumVector(feats []uint64, rowBits uint, out *[maxClasses]uint32) bool {
	var chunks int
	switch p.stride {
	case 1:
		chunks = 0
	case 8:
		chunks = 4
	case 16:
		chunks = 8
	default:
		return false
	}
	// The assembly trusts the offsets: every row number must be a row.
	if !haveAVX2 || len(feats) == 0 || len(p.words) != p.stride<<rowBits {
		return false
	}
	rowShift := uint(bits.TrailingZeros(uint(p.stride * 8)))
	sumRowsAVX2(&p.words[0], &feats[0], len(feats), 64-rowBits-rowShift, ^uint64(p.stride*8-1), chunks, &out[0])
	return true
}
