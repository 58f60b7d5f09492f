package instrument

// Where a name may begin: an ASCII capital letter, or the digit 1 or 2
// that begins a year ("2030 Agenda", "1951 Refugee Convention"); add checks
// that no catalogue name begins otherwise. The scan for these bytes reads
// every byte of the text, so it is the matcher's floor: nextStarts reads
// sixteen bytes at a time, with SSE2 on amd64 (starts_amd64.s) and with
// arithmetic on 64-bit words elsewhere (starts_generic.go).

// mayStart reports whether a name may begin at byte c.
func mayStart(c byte) bool { return 'A' <= c && c <= 'Z' || c == '1' || c == '2' }

// tailStarts is nextStarts for the last bytes of text, fewer than sixteen
// from i: the mask has bit k set where text[i+k] may begin a name.
func tailStarts(text []byte, i int) (int, uint32) {
	var mask uint32
	for k := 0; k < 16 && i+k < len(text); k++ {
		if mayStart(text[i+k]) {
			mask |= 1 << k
		}
	}
	return i, mask
}
