#include "textflag.h"

// func scanStarts(p *byte, n int) (off int, mask uint32)
//
// SSE2, which every amd64 processor has. A byte b may begin a name when
// 'A' <= b <= 'Z' or '1' <= b <= '2'; the comparisons are signed, so bytes
// from 0x80 up (negative) are never taken.
TEXT ·scanStarts(SB), NOSPLIT, $0-28
	MOVQ p+0(FP), SI
	MOVQ n+8(FP), CX
	XORQ AX, AX
	MOVQ $0x4040404040404040, DX // 'A'-1
	MOVQ DX, X1
	PUNPCKLQDQ X1, X1
	MOVQ $0x5b5b5b5b5b5b5b5b, DX // 'Z'+1
	MOVQ DX, X2
	PUNPCKLQDQ X2, X2
	MOVQ $0x3030303030303030, DX // '1'-1
	MOVQ DX, X3
	PUNPCKLQDQ X3, X3
	MOVQ $0x3333333333333333, DX // '2'+1
	MOVQ DX, X4
	PUNPCKLQDQ X4, X4

loop:
	LEAQ 16(AX), DX
	CMPQ DX, CX
	JGT  none
	MOVOU (SI)(AX*1), X0
	MOVO X0, X5
	PCMPGTB X1, X5 // b > 'A'-1
	MOVO X2, X6
	PCMPGTB X0, X6 // 'Z'+1 > b
	PAND X6, X5
	MOVO X0, X7
	PCMPGTB X3, X7 // b > '1'-1
	MOVO X4, X8
	PCMPGTB X0, X8 // '2'+1 > b
	PAND X8, X7
	POR  X7, X5
	PMOVMSKB X5, BX
	TESTL BX, BX
	JNZ  found
	MOVQ DX, AX
	JMP  loop

found:
	MOVQ AX, off+16(FP)
	MOVL BX, mask+24(FP)
	RET

none:
	MOVQ AX, off+16(FP)
	MOVL $0, mask+24(FP)
	RET
