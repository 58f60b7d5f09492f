package instrument

// nextStarts steps sixteen bytes at a time from text[i] to the first
// sixteen that hold a byte where a name may begin, and returns where they
// start and a mask with bit k set for each such byte text[base+k]. The
// mask is 0 only at the end of the text.
func nextStarts(text []byte, i int) (int, uint32) {
	if n := len(text) - i; n >= 16 {
		off, mask := scanStarts(&text[i], n)
		i += off
		if mask != 0 {
			return i, mask
		}
	}
	return tailStarts(text, i)
}

// scanStarts reads the n bytes at p sixteen at a time and returns the
// offset of the first sixteen that hold a byte where a name may begin,
// with their mask; when none does, it returns the offset of the last
// bytes, fewer than sixteen, and 0.
//
//go:noescape
func scanStarts(p *byte, n int) (off int, mask uint32)
