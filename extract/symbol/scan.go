package symbol

// The scanner: hand-written byte scanning, no regexp, no allocation. Match
// and Parse share it, so whatever Match finds in running text Parse accepts.

// failure codes, turned into messages only by Parse.
const (
	okScan = iota
	errNoSeries
	errNoSlash
	errUnknownSeries
	errNoComponent
	errNoNumber
	errPlaceholder
	errYearLast
)

type scanFail struct {
	code int
	at   int // byte offset the failure refers to
	end  int // for errUnknownSeries: end of the series
}

const maxSeries = 8 // longest first component we look at ("UNCTAD", "ECOSOC")

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isLetter(c byte) bool {
	return isUpper(c) || isLower(c)
}
func isAlnum(c byte) bool { return isLetter(c) || isDigit(c) }
func isRoman(c byte) bool {
	return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C'
}
func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// seriesAt reads the upper-case run at s[i:] followed by '/'. It returns
// the end of the run (index of the '/') and whether the run is a known UN
// series. end is i when there is no upper-case run followed by '/'.
func seriesAt(s string, i int) (end int, known bool) {
	j := i
	for j < len(s) && j-i <= maxSeries && isUpper(s[j]) {
		j++
	}
	if j == i || j-i > maxSeries || j >= len(s) {
		return i, false
	}
	_, known = seriesBody(s[i:j])
	if s[j] == '(' && known {
		// A division in parentheses: "UNEP(DTIE)/Hg/CONF/4".
		k := j + 1
		for k < len(s) && k-j <= maxSeries && isUpper(s[k]) {
			k++
		}
		if k > j+1 && k+1 < len(s) && s[k] == ')' && s[k+1] == '/' {
			return k + 1, true
		}
	}
	if s[j] != '/' {
		return i, false
	}
	return j, known
}

// startsSymbol reports whether a known series followed by '/' and a
// component start (as afterSlash allows it) begins at s[i:]; it keeps a hyphen
// from joining two symbols ("E/CN.4/2001/2-E/CN.4/Sub.2/2000/46").
func startsSymbol(s string, i int) bool {
	j, known := seriesAt(s, i)
	return known && afterSlash(s, j) >= 0
}

// afterSlash returns where the component after the '/' at s[i] starts,
// skipping one line break ("A/79/\n458", also "A/79/ \r\n  458"), or -1
// when the '/' is not followed by a component start.
func afterSlash(s string, i int) int {
	j := i + 1
	if j < len(s) && isAlnum(s[j]) {
		return j
	}
	// "S/ 13646": one stray space before a number, as in older texts.
	if j+1 < len(s) && s[j] == ' ' && isDigit(s[j+1]) {
		return j + 1
	}
	k := j
	for k < len(s) && isBlank(s[k]) && k-j < 4 {
		k++
	}
	if k < len(s) && s[k] == '\r' {
		k++
	}
	if k >= len(s) || s[k] != '\n' {
		return -1
	}
	k++
	m := k
	for k < len(s) && isBlank(s[k]) && k-m < 8 {
		k++
	}
	if k < len(s) && isAlnum(s[k]) {
		return k
	}
	return -1
}

// romanAt reads a run of Roman-numeral letters, at most 8.
func romanAt(s string, i int) int {
	j := i
	for j < len(s) && isRoman(s[j]) && j-i < 9 {
		j++
	}
	if j-i > 8 {
		return i
	}
	return j
}

// sessionParen reads a session or year in parentheses at s[i] == '(':
// "(III)", "(S-VII)", "(ES-I)" when roman, "(2000)" when year, any digits
// (1-4) when digits ("COP(15)"). It returns the length, 0 if none.
func sessionParen(s string, i int, roman, year, digits bool) int {
	if i >= len(s) || s[i] != '(' {
		return 0
	}
	j := i + 1
	if roman {
		k := j
		if k+1 < len(s) && s[k] == 'S' && s[k+1] == '-' {
			k += 2
		} else if k+2 < len(s) && s[k] == 'E' && s[k+1] == 'S' && s[k+2] == '-' {
			k += 3
		}
		if e := romanAt(s, k); e > k && e < len(s) && s[e] == ')' {
			return e + 1 - i
		}
	}
	if year || digits {
		k := j
		for k < len(s) && isDigit(s[k]) && k-j < 5 {
			k++
		}
		n := k - j
		if k < len(s) && s[k] == ')' {
			if year && n == 4 && (s[j] == '1' && s[j+1] == '9' || s[j] == '2' && s[j+1] == '0') {
				return k + 1 - i
			}
			if digits && n >= 1 && n <= 4 {
				return k + 1 - i
			}
		}
	}
	return 0
}

// qualifierKeyword returns the length of "Parts", "Part", "Vols.", "Vol." or
// "Sect." at s[i:], 0 if none.
func qualifierKeyword(s string, i int) int {
	for _, kw := range qualifierKeywords {
		if len(s)-i >= len(kw) && s[i:i+len(kw)] == kw {
			return len(kw)
		}
	}
	return 0
}

var qualifierKeywords = [...]string{"Parts", "Part", "Vols.", "Vol.", "Sect."}

// qualifierAt reads "(Part I)", "(Parts I and II)", "(Vol. I)", "(Sect. 3)"
// and their forms without spaces at s[i] == '('. It returns the length, 0
// if none.
func qualifierAt(s string, i int) int {
	if i >= len(s) || s[i] != '(' {
		return 0
	}
	j := i + 1
	kw := qualifierKeyword(s, j)
	if kw == 0 {
		return 0
	}
	j += kw
	values := 0
	for j < len(s) && j-i < 48 {
		for j < len(s) && isBlank(s[j]) {
			j++
		}
		if j >= len(s) {
			return 0
		}
		switch c := s[j]; {
		case c == ')':
			if values == 0 {
				return 0
			}
			return j + 1 - i
		case isRoman(c):
			e := romanAt(s, j)
			if e == j {
				return 0
			}
			j = e
			values++
		case isDigit(c):
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			// A lettered section: "(Sect. 29A)".
			if j < len(s) && isUpper(s[j]) {
				j++
			}
			values++
		case values > 0 && (c == ',' || c == '-'):
			j++
		case values > 0 && c == 'a' && j+2 < len(s) && s[j+1] == 'n' && s[j+2] == 'd':
			j += 3
		default:
			return 0
		}
		if j < len(s) && (isLetter(s[j]) && s[j] != 'a' && !isRoman(s[j])) {
			return 0
		}
	}
	return 0
}

// componentAt reads one component starting at s[i] (an alphanumeric). It
// returns its end. A component is letters, digits, '.' when followed by a
// digit (or by an upper-case letter after a letter: "OzL.Pro", "C.I") in a
// component that does not start with a digit, '-'
// after a letter unless another symbol starts there ("S-26", "COP-MOP"),
// and one glued session paren ("217(III)", "1325(2000)", "COP(15)") after
// which the component ends. A glued qualifier "(Part I)" ends it too.
func componentAt(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		switch {
		case isAlnum(c):
			// Two symbols glued in raw PDF text ("A/RES/78/18A/RES/78/18",
			// a doubled page header) split where the second starts.
			if isUpper(c) && j > i && isDigit(s[j-1]) && startsSymbol(s, j) {
				return j
			}
			j++
			continue
		case c == '.':
			// Not in a number: "S/20976.57" is S/20976 and footnote 57.
			if j > i && !isDigit(s[i]) && j+1 < len(s) && (isDigit(s[j+1]) || isUpper(s[j+1]) && isLetter(s[j-1])) {
				j++
				continue
			}
		case c == '-':
			if j > i && isLetter(s[j-1]) && j+1 < len(s) && isAlnum(s[j+1]) && !startsSymbol(s, j+1) {
				j++
				continue
			}
		case c == '(':
			if j > i && qualifierAt(s, j) == 0 {
				if n := sessionParen(s, j, true, false, true); n > 0 {
					return j + n
				}
			}
		}
		return j
	}
	return j
}

// modifierAt reads a modifier component at s[i:]: "Add.2", "Corr.1",
// "Rev.1", "Amend.1" in any case, also with one space after the dot as
// older texts have it ("Add. 1"). It returns the end, or i if none.
func modifierAt(s string, i int) int {
	j := i
	for j < len(s) && isLetter(s[j]) && j-i < 6 {
		j++
	}
	if j+1 >= len(s) || s[j] != '.' || modifierName(s[i:j]) == "" {
		return i
	}
	j++
	if s[j] == ' ' {
		j++
	}
	d := j
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j == d || j < len(s) && (isLetter(s[j]) || s[j] == '.' && j+1 < len(s) && isAlnum(s[j+1])) {
		return i
	}
	return j
}

func modifierName(word string) string {
	switch {
	case equalFold(word, "add"):
		return "Add"
	case equalFold(word, "corr"):
		return "Corr"
	case equalFold(word, "rev"):
		return "Rev"
	case equalFold(word, "amend"):
		return "Amend"
	}
	return ""
}

// modifierKind returns the canonical kind when comp is "Add.n", "Corr.n",
// "Rev.n" or "Amend.n" (any case), else "".
func modifierKind(comp string) string {
	dot := -1
	for k := 0; k < len(comp) && k < 6; k++ {
		if comp[k] == '.' {
			dot = k
			break
		}
	}
	if dot <= 0 || dot == len(comp)-1 {
		return ""
	}
	for k := dot + 1; k < len(comp); k++ {
		if !isDigit(comp[k]) {
			return ""
		}
	}
	return modifierName(comp[:dot])
}

// equalFold compares ASCII strings case-insensitively; b is lower case.
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for k := 0; k < len(a); k++ {
		c := a[k]
		if isUpper(c) {
			c += 'a' - 'A'
		}
		if c != b[k] {
			return false
		}
	}
	return true
}

// typePrefixes are the document types written as a prefix glued to a number
// with a dot: "L.2", "PV.53", "Res.14", "SR.5"; a symbol may end in one.
var typePrefixes = [...]string{"l", "pv", "sr", "res", "dec", "crp", "inf", "wp", "hls", "misc", "ngo", "r", "tp", "prst"}

// typedNumber reports whether comp is a type prefix, a dot and digits
// ("L.2", "PV.53", "Res.14"), and returns the prefix length.
func typedNumber(comp string) (int, bool) {
	dot := -1
	for k := 0; k < len(comp); k++ {
		if comp[k] == '.' {
			dot = k
			break
		}
		if !isLetter(comp[k]) {
			return 0, false
		}
	}
	if dot <= 0 || dot == len(comp)-1 || !isDigit(comp[dot+1]) {
		return 0, false
	}
	for _, p := range typePrefixes {
		if equalFold(comp[:dot], p) {
			return dot, true
		}
	}
	return 0, false
}

// canEnd reports whether a main component can be the last one of a symbol:
// it starts with a digit ("458", "217(III)", "2023") or is a typed number
// ("L.2", "PV.9876", "Res.14"). Series components ("HRC", "CN.4",
// "CONF.157", "C.3") cannot end a symbol.
func canEnd(comp string) bool {
	if comp == "" {
		return false
	}
	if isDigit(comp[0]) {
		return true
	}
	_, ok := typedNumber(comp)
	return ok
}

// isResDec reports whether comp is the RES or DEC type component.
func isResDec(comp string) bool {
	return equalFold(comp, "res") || equalFold(comp, "dec")
}

func allDigits(comp string) bool {
	if comp == "" {
		return false
	}
	for k := 0; k < len(comp); k++ {
		if !isDigit(comp[k]) {
			return false
		}
	}
	return true
}

// spacesAt skips the white space between a symbol and a parenthesised
// suffix: up to 3 blanks with at most one line break. It returns the new
// index, or i when there is no white space.
func spacesAt(s string, i int) int {
	j := i
	nl := false
	for j < len(s) && j-i < 4 {
		switch s[j] {
		case ' ', '\t':
			j++
			continue
		case '\r':
			if !nl && j+1 < len(s) && s[j+1] == '\n' {
				nl = true
				j += 2
				continue
			}
		case '\n':
			if !nl {
				nl = true
				j++
				continue
			}
		}
		break
	}
	return j
}

// scan reads the longest UN document symbol at the start of s and returns
// its length, or 0 and why not.
func scan(s string) (int, scanFail) {
	series, known := seriesAt(s, 0)
	if series == 0 {
		switch {
		case len(s) == 0 || !isUpper(s[0]):
			return 0, scanFail{code: errNoSeries}
		default:
			j := 0
			for j < len(s) && isUpper(s[j]) {
				j++
			}
			if j > maxSeries {
				return 0, scanFail{code: errUnknownSeries, end: j}
			}
			return 0, scanFail{code: errNoSlash, at: j}
		}
	}
	if !known {
		return 0, scanFail{code: errUnknownSeries, end: series}
	}
	isS := series == 1 && s[0] == 'S'
	isUNTS := s[:series] == "UNTS"

	good := 0       // end of the longest valid symbol so far
	mains := 1      // main components read
	mainOK := false // the last main component can end a symbol
	prevResDec := false
	inMods := false // a modifier or qualifier has been read
	qualified := false
	i := series
	fail := scanFail{code: errNoComponent, at: series}
	for i < len(s) && s[i] == '/' {
		j := afterSlash(s, i)
		if j < 0 {
			break
		}
		k := modifierAt(s, j)
		isMod := k > j
		if !isMod {
			k = componentAt(s, j)
		}
		comp := s[j:k]
		if isMod {
			if mains < 2 || !mainOK {
				break
			}
			inMods = true
		} else {
			if inMods {
				break
			}
			// A session paren written with a space after a resolution
			// number: "A/RES/217 (III)", "A/RES/217 A (III)",
			// "S/RES/1325 (2000)". Glued, componentAt has read it.
			if prevResDec && allDigits(comp) {
				if w := spacesAt(s, k); w > k {
					if n := sessionParen(s, w, !isS, isS, false); n > 0 {
						k = w + n
					} else if !isS && w+1 < len(s) && isUpper(s[w]) && (s[w+1] == '(' || isBlank(s[w+1])) {
						if w2 := spacesAt(s, w+1); w2 < len(s) && s[w2] == '(' {
							if n := sessionParen(s, w2, true, false, false); n > 0 {
								k = w2 + n
							}
						}
					}
				}
			}
			mains++
			// Treaty Series targets: UNTS/1015/14860, and UNTS/1/XVI
			// for the Charter, registered under a Roman number.
			mainOK = canEnd(comp) || isUNTS && romanAt(comp, 0) == len(comp)
			prevResDec = isResDec(comp)
		}
		if mains < 2 || !mainOK {
			fail = scanFail{code: errNoNumber, at: k}
			i = k
			continue
		}
		good = k
		i = k
		// A qualifier, glued or after a space, may follow any component
		// once; only modifiers may follow it.
		if !qualified {
			w := spacesAt(s, k)
			if n := qualifierAt(s, w); n > 0 {
				qualified, inMods = true, true
				good = w + n
				i = good
			}
		}
	}
	// A placeholder such as "A/C.5/80/___" in a draft is not a reference.
	if good > 0 && good+1 < len(s) && s[good] == '/' && s[good+1] == '_' {
		return 0, scanFail{code: errPlaceholder, at: good}
	}
	// Security Council documents are S/yyyy/n (from 1994) or S/n: a year
	// after the number ("S/1906/2020", a note of the OPCW's Technical
	// Secretariat) is another organisation's symbol.
	if isS && good > 0 && yearLast(s[:good]) {
		return 0, scanFail{code: errYearLast, at: series}
	}
	if good == 0 {
		if fail.code == errNoComponent && i > series {
			fail.at = i
		}
		return 0, fail
	}
	return good, scanFail{}
}

// yearLast reports "S/<number>/<year>" where the number is not itself a year.
func yearLast(sym string) bool {
	i := 2 // after "S/"
	j := i
	for j < len(sym) && isDigit(sym[j]) {
		j++
	}
	if j == i || j+5 != len(sym) || sym[j] != '/' || !allDigits(sym[j+1:]) {
		return false
	}
	isYear := func(p string) bool { return len(p) == 4 && p >= "1946" && p <= "2099" }
	return isYear(sym[j+1:]) && !isYear(sym[i:j])
}
