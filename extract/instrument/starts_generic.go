//go:build !amd64

package instrument

import "encoding/binary"

// nextStarts steps sixteen bytes at a time from text[i] to the first
// sixteen that hold a byte where a name may begin, and returns where they
// start and a mask with bit k set for each such byte text[base+k]. The
// mask is 0 only at the end of the text.
func nextStarts(text []byte, i int) (int, uint32) {
	for ; i+16 <= len(text); i += 16 {
		w := text[i : i+16 : i+16]
		lo := startMask(binary.LittleEndian.Uint64(w))
		hi := startMask(binary.LittleEndian.Uint64(w[8:]))
		if lo|hi != 0 {
			return i, uint32(laneBits(lo)) | uint32(laneBits(hi))<<8
		}
	}
	return tailStarts(text, i)
}

// startMask marks, with the high bit of its byte, each of the eight bytes
// in x (little-endian) where a name may begin (see mayStart).
func startMask(x uint64) uint64 {
	const lo7, hi = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	const ones = 0x0101010101010101
	y := x & lo7
	year := (y + (0x80-'1')*ones) &^ (y + (0x80-'3')*ones)      // '1' or '2'
	capital := (y + (0x80-'A')*ones) &^ (y + (0x80-'Z'-1)*ones) // 'A' to 'Z'
	return (year | capital) &^ x & hi
}

// laneBits gathers the high bit of each byte of m into one byte, the
// first byte's in bit 0.
func laneBits(m uint64) uint8 { return uint8((m >> 7) * 0x0102040810204080 >> 56) }
