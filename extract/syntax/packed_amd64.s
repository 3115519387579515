//go:build amd64 && !purego

#include "textflag.h"

// ROW sets AX to the byte offset of the row of feature (DI): (feature >>
// CX) & R8.
#define ROW \
	MOVQ (DI), AX; \
	SHRQ CX, AX; \
	ANDQ R8, AX

// ADD8 widens the 8 uint16 at off in the row to uint32 in tmp and adds them
// to acc.
#define ADD8(off, tmp, acc) \
	VPMOVZXWD off(SI)(AX*1), tmp; \
	VPADDD    tmp, acc, acc

// NEXT moves to the next feature and loops to label while any is left.
#define NEXT(label) \
	ADDQ $8, DI; \
	DECQ BX; \
	JNZ  label

// func sumRowsAVX2(words *uint64, feats *uint64, n int, shift uint, mask uint64, chunks int, out *uint32)
//
// For each of the n features (n > 0), the row's byte offset is (feature >>
// shift) & mask; its uint16 weights are zero-extended to uint32 (VPMOVZXWD)
// and added to accumulators kept in registers: chunks (4 or 8) of 8
// weights in Y0-Y7, or (chunks 0) 4 weights in X0. The accumulators are
// stored to out at the end.
TEXT ·sumRowsAVX2(SB), NOSPLIT, $0-56
	MOVQ  words+0(FP), SI
	MOVQ  feats+8(FP), DI
	MOVQ  n+16(FP), BX
	MOVQ  shift+24(FP), CX
	MOVQ  mask+32(FP), R8
	MOVQ  chunks+40(FP), DX
	MOVQ  out+48(FP), R10
	VPXOR Y0, Y0, Y0
	VPXOR Y1, Y1, Y1
	VPXOR Y2, Y2, Y2
	VPXOR Y3, Y3, Y3
	VPXOR Y4, Y4, Y4
	VPXOR Y5, Y5, Y5
	VPXOR Y6, Y6, Y6
	VPXOR Y7, Y7, Y7
	TESTQ DX, DX
	JNZ   rows

rows1:
	ROW
	VPMOVZXWD (SI)(AX*1), X8
	VPADDD    X8, X0, X0
	NEXT(rows1)
	VMOVDQU   X0, (R10)
	VZEROUPPER
	RET

rows:
	ROW
	ADD8(0, Y8, Y0)
	ADD8(16, Y9, Y1)
	ADD8(32, Y10, Y2)
	ADD8(48, Y11, Y3)
	CMPQ DX, $8
	JNE  next
	ADD8(64, Y12, Y4)
	ADD8(80, Y13, Y5)
	ADD8(96, Y14, Y6)
	ADD8(112, Y15, Y7)

next:
	NEXT(rows)
	VMOVDQU Y0, (R10)
	VMOVDQU Y1, 32(R10)
	VMOVDQU Y2, 64(R10)
	VMOVDQU Y3, 96(R10)
	CMPQ    DX, $8
	JNE     done
	VMOVDQU Y4, 128(R10)
	VMOVDQU Y5, 160(R10)
	VMOVDQU Y6, 192(R10)
	VMOVDQU Y7, 224(R10)

done:
	VZEROUPPER
	RET
