package render

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// The first General Assembly session opened in 1946; session n opens in
// September of 1945+n. The Human Rights Council holds three regular
// sessions a year since 2006.
var (
	reGASession  = regexp.MustCompile(`^A/(?:RES/|DEC/|C\.\d/)?(\d{1,3})/`)
	reHRCSession = regexp.MustCompile(`^A/HRC/(?:RES/|DEC/)?(\d{1,3})/`)
	reRoman      = regexp.MustCompile(`\(([IVXLC]+)\)$`)
)

// yearOf returns the year a node is placed at on the timeline, and whether
// it was inferred from the session in the symbol rather than known from a
// date or a year written in the symbol. It returns 0 when no year is known.
func yearOf(n graph.Node) (year int, inferred bool) {
	if n.Year != 0 {
		return n.Year, false
	}
	k := graph.Key(n.ID)
	if m := reHRCSession.FindStringSubmatch(k); m != nil {
		if s, _ := strconv.Atoi(m[1]); s >= 1 && s <= 200 {
			return 2006 + (s-1)/3, true
		}
	}
	if m := reGASession.FindStringSubmatch(k); m != nil && !strings.HasPrefix(k, "A/HRC/") {
		if s, _ := strconv.Atoi(m[1]); s >= 1 && s <= 150 {
			return 1945 + s, true
		}
	}
	if strings.HasPrefix(k, "A/RES/") {
		if m := reRoman.FindStringSubmatch(k); m != nil {
			if s := roman(m[1]); s >= 1 && s <= 30 {
				return 1945 + s, true
			}
		}
	}
	return 0, false
}

// roman returns the value of a Roman numeral, or 0 when s is not one.
func roman(s string) int {
	val := func(c byte) int {
		switch c {
		case 'I':
			return 1
		case 'V':
			return 5
		case 'X':
			return 10
		case 'L':
			return 50
		case 'C':
			return 100
		}
		return 0
	}
	total := 0
	for i := 0; i < len(s); i++ {
		v := val(s[i])
		if v == 0 {
			return 0
		}
		if i+1 < len(s) && val(s[i+1]) > v {
			total -= v
		} else {
			total += v
		}
	}
	return total
}
