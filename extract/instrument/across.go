package instrument

import (
	"slices"
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
		if start >= end || !defaultMatcher.mayCross(text, start) {
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
