//go:build amd64 && !purego

#include "textflag.h"

// func sumRowsAVX2(words *uint64, feats *uint64, n int, shift uint, mask uint64, chunks int, out *uint32)
//
// For each of the n features, the row's byte offset is (feature >> shift)
// & mask; its uint16 weights are zero-extended to uint32 (VPMOVZXWD) and
// added to accumulators kept in registers: 8 chunks of 8 weights in Y0-Y7,
// 4 chunks in Y0-Y3, or (chunks 0) 4 weights in X0. The accumulators are
// stored to out at the end.
TEXT ·sumRowsAVX2(SB), NOSPLIT, $0-56
	MOVQ words+0(FP), SI
	MOVQ feats+8(FP), DI
	MOVQ n+16(FP), BX
	MOVQ shift+24(FP), CX
	MOVQ mask+32(FP), R8
	MOVQ chunks+40(FP), DX
	MOVQ out+48(FP), R10
	VPXOR Y0, Y0, Y0
	VPXOR Y1, Y1, Y1
	VPXOR Y2, Y2, Y2
	VPXOR Y3, Y3, Y3
	VPXOR Y4, Y4, Y4
	VPXOR Y5, Y5, Y5
	VPXOR Y6, Y6, Y6
	VPXOR Y7, Y7, Y7
	CMPQ DX, $8
	JEQ  rows8
	CMPQ DX, $4
	JEQ  rows4

rows1:
	MOVQ      (DI), AX
	SHRQ      CX, AX
	ANDQ      R8, AX
	VPMOVZXWD (SI)(AX*1), X8
	VPADDD    X8, X0, X0
	ADDQ      $8, DI
	DECQ      BX
	JNZ       rows1
	VMOVDQU   X0, (R10)
	VZEROUPPER
	RET

rows4:
	MOVQ      (DI), AX
	SHRQ      CX, AX
	ANDQ      R8, AX
	VPMOVZXWD (SI)(AX*1), Y8
	VPMOVZXWD 16(SI)(AX*1), Y9
	VPMOVZXWD 32(SI)(AX*1), Y10
	VPMOVZXWD 48(SI)(AX*1), Y11
	VPADDD    Y8, Y0, Y0
	VPADDD    Y9, Y1, Y1
	VPADDD    Y10, Y2, Y2
	VPADDD    Y11, Y3, Y3
	ADDQ      $8, DI
	DECQ      BX
	JNZ       rows4
	VMOVDQU   Y0, (R10)
	VMOVDQU   Y1, 32(R10)
	VMOVDQU   Y2, 64(R10)
	VMOVDQU   Y3, 96(R10)
	VZEROUPPER
	RET

rows8:
	MOVQ      (DI), AX
	SHRQ      CX, AX
	ANDQ      R8, AX
	VPMOVZXWD (SI)(AX*1), Y8
	VPMOVZXWD 16(SI)(AX*1), Y9
	VPMOVZXWD 32(SI)(AX*1), Y10
	VPMOVZXWD 48(SI)(AX*1), Y11
	VPMOVZXWD 64(SI)(AX*1), Y12
	VPMOVZXWD 80(SI)(AX*1), Y13
	VPMOVZXWD 96(SI)(AX*1), Y14
	VPMOVZXWD 112(SI)(AX*1), Y15
	VPADDD    Y8, Y0, Y0
	VPADDD    Y9, Y1, Y1
	VPADDD    Y10, Y2, Y2
	VPADDD    Y11, Y3, Y3
	VPADDD    Y12, Y4, Y4
	VPADDD    Y13, Y5, Y5
	VPADDD    Y14, Y6, Y6
	VPADDD    Y15, Y7, Y7
	ADDQ      $8, DI
	DECQ      BX
	JNZ       rows8
	VMOVDQU   Y0, (R10)
	VMOVDQU   Y1, 32(R10)
	VMOVDQU   Y2, 64(R10)
	VMOVDQU   Y3, 96(R10)
	VMOVDQU   Y4, 128(R10)
	VMOVDQU   Y5, 160(R10)
	VMOVDQU   Y6, 192(R10)
	VMOVDQU   Y7, 224(R10)
	VZEROUPPER
	RET
