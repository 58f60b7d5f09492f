package instrument

import (
	"slices"
	"strings"
)

// Gap is a half-open byte range of a text that is not running text: the
// page furniture (running header, job number, page counter) and the
// page-bottom footnote block that a page break puts between two lines of a
// sentence.
type Gap struct{ Start, End int }

// FindAcross is FindAsOf for raw PDF text whose page furniture and footnote
// blocks the caller has found: a name broken by a page break ("the Durban
// Declaration and Programme" ... footnotes, running header ... "of Action")
// is found whole, its span running from its first to its last byte and so
// enclosing the gap. Without gaps FindAcross is FindAsOf.
//
// gaps must be sorted and must not overlap. Names inside a gap (in a
// footnote) are found as usual; they are the only matches that may lie
// inside another match, and only inside one of its gaps. Matches that a
// name across a gap replaces (a shorter alias before the gap, or a name
// that only its second half contains) are dropped.
func FindAcross(text []byte, date string, gaps []Gap) []Match {
	keep := asOf(date)
	ms := defaultMatcher.find(text, keep)
	if len(gaps) == 0 {
		return ms
	}
	var across []Match
	buf := make([]byte, 0, 4096)
	for gi := 0; gi < len(gaps); {
		// Gaps separated only by white space form one break.
		gj := gi + 1
		for gj < len(gaps) && onlySpace(text, gaps[gj-1].End, gaps[gj].Start) {
			gj++
		}
		start, end := clamp(gaps[gi].Start, len(text)), clamp(gaps[gj-1].End, len(text))
		gi = gj
		if start >= end || !defaultMatcher.cross.mayCross(text, start) {
			continue
		}
		// A window around the break with the gaps blanked out; its start
		// is moved back to white space so no word is cut.
		lo := max(0, start-acrossReach)
		for lo > 0 && !isSpaceByte(text[lo-1]) {
			lo--
		}
		hi := min(len(text), end+acrossReach)
		buf = append(buf[:0], text[lo:hi]...)
		for _, g := range gaps {
			if g.End <= lo || g.Start >= hi {
				continue
			}
			a, b := max(g.Start, lo), min(g.End, hi)
			for k := a; k < b; k++ {
				buf[k-lo] = ' '
			}
		}
		// Only a name that begins before the break can cross it.
		for _, m := range defaultMatcher.findBefore(buf, keep, start-lo) {
			m.Start += lo
			m.End += lo
			if m.Start < start && m.End > end {
				across = append(across, m)
			}
		}
	}
	if len(across) == 0 {
		return ms
	}
	slices.SortFunc(across, func(a, b Match) int { return a.Start - b.Start })
	across = slices.CompactFunc(across, func(a, b Match) bool { return a.Start == b.Start && a.End == b.End })
	out := make([]Match, 0, len(ms)+len(across))
	for _, m := range ms {
		if !replaced(m, across, gaps) {
			out = append(out, m)
		}
	}
	out = append(out, across...)
	slices.SortStableFunc(out, func(a, b Match) int { return a.Start - b.Start })
	return out
}

// acrossReach is how far before and after a break a name may begin or end:
// more than the longest catalogued name with generous white space.
const acrossReach = 600

// replaced reports whether m overlaps a match across a break other than
// inside one of that match's gaps.
func replaced(m Match, across []Match, gaps []Gap) bool {
	for _, a := range across {
		if m.End <= a.Start || m.Start >= a.End {
			continue
		}
		inGap := false
		for _, g := range gaps {
			if g.Start >= a.Start && g.End <= a.End && m.Start >= g.Start && m.End <= g.End {
				inGap = true
				break
			}
		}
		if !inGap {
			return true
		}
	}
	return false
}

func clamp(i, n int) int { return max(0, min(i, n)) }

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func onlySpace(text []byte, i, j int) bool {
	i, j = clamp(i, len(text)), clamp(j, len(text))
	for ; i < j; i++ {
		if !isSpaceByte(text[i]) {
			return false
		}
	}
	return true
}

// crossWords knows the words a name can have right before a page break
// that it runs on across, so that FindAcross scans again only around the
// breaks a name may cross.
type crossWords struct {
	// first holds the first words of the names of two words or more, and
	// pairs each two words in a row of a name ("w0 w1") of which the second
	// is not its last; all in lower case, since a name may be capitalised
	// in a heading.
	first, pairs map[string]bool
	maxWord      int // the longest word of a name, in bytes
}

func (c *crossWords) add(name string) {
	if c.first == nil {
		c.first, c.pairs = map[string]bool{}, map[string]bool{}
	}
	words := strings.Split(strings.ToLower(name), " ")
	for k, w := range words {
		c.maxWord = max(c.maxWord, len(w))
		if k == len(words)-1 {
			break
		}
		if k == 0 {
			c.first[w] = true
		} else {
			c.pairs[words[k-1]+" "+w] = true
		}
	}
}

// mayCross reports whether a name could run on across the white space that
// ends at start. A name that does takes in the word before it, t1, and so
// either begins there (t1 is the first word of a name) or takes in the
// word before t1 as well (the two are words of a name in a row). A name
// begins at a word start inside a word ("(Protocol"), so each such tail
// of a word counts. mayCross answers true when it cannot tell: at a hyphen
// (which may break a word or a name across lines) and at bytes that are
// not ASCII (which the matcher reads as quotes, dashes and spaces).
func (c *crossWords) mayCross(text []byte, start int) bool {
	e1 := spaceRunBefore(text, start)
	s1, ok := asciiTokenBefore(text, e1)
	if !ok || s1 == e1 || text[e1-1] == '-' {
		return true
	}
	var buf [128]byte
	t1 := text[s1:e1]
	// The name begins in t1...
	for p := range t1 {
		if wordStartAt(t1, p) && c.has(c.first, &buf, nil, t1[p:]) {
			return true
		}
	}
	// ... or before it, and takes in all of t1 and the word before, or
	// the tail of that word where it begins.
	e0 := spaceRunBefore(text, s1)
	s0, ok := asciiTokenBefore(text, e0)
	if !ok || s0 < e0 && text[e0-1] == '-' {
		return true
	}
	t0 := text[s0:e0]
	for q := range t0 {
		if (q == 0 || wordStartAt(t0, q)) && c.has(c.pairs, &buf, t0[q:], t1) {
			return true
		}
	}
	return false
}

// has reports whether set holds w (or "w0 w" when w0 is not nil) in lower
// case.
func (c *crossWords) has(set map[string]bool, buf *[128]byte, w0, w []byte) bool {
	if len(w0) > c.maxWord || len(w) > c.maxWord || len(w0)+1+len(w) > len(buf) {
		return false
	}
	k := 0
	if w0 != nil {
		k = lowerInto(buf[:], w0)
		buf[k] = ' '
		k++
	}
	k += lowerInto(buf[k:], w)
	return set[string(buf[:k])]
}

func lowerInto(dst, src []byte) int {
	for i, ch := range src {
		if 'A' <= ch && ch <= 'Z' {
			ch += 'a' - 'A'
		}
		dst[i] = ch
	}
	return len(src)
}

// wordStartAt reports whether a name may begin at t[p]: a byte a name
// begins with, after the start of t or a byte that is no letter or digit.
func wordStartAt(t []byte, p int) bool {
	return mayStart(t[p]) && (p == 0 || !plain(t[p-1]))
}

// asciiTokenBefore returns the start of the run of bytes other than ASCII
// white space that ends at i, and false when the run holds a byte that is
// not ASCII.
func asciiTokenBefore(text []byte, i int) (int, bool) {
	j := i
	for j > 0 && !isSpaceByte(text[j-1]) {
		if text[j-1] >= 0x80 {
			return j, false
		}
		j--
	}
	return j, true
}
