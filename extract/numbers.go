package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/extract/symbol"
)

// Bare numbers: "resolution 70/1", "its resolutions 66/3 and 76/1",
// "resolution 217 A (III)", "Security Council resolution 1325 (2000)".
// They are found from the keywords "resolution(s)" and "decision(s)" and
// resolved to an issuing body from the words around them.

type shape uint8

const (
	shapeSlash     shape = iota + 1 // 70/1, 2000/22, S-26/2, ES-10/19
	shapeRoman                      // 217 A (III), 1514 (XV), 3362 (S-VII)
	shapeYearParen                  // 1325 (2000)
)

type item struct {
	start, end int // the number as written, parts included
	shape      shape
	a, b       string // 70/1: a=70 b=1; 217 (III): a=217 b=III; 1325 (2000): a=1325 b=2000
	parts      string // "A to E", "B"
}

// yearLike reports a session written as a year (ECOSOC and commissions).
func (it item) yearLike() bool { return len(it.a) == 4 && isDigits(it.a) && it.a >= "1946" }

func (x *extraction) findNumbers() {
	// Candidates are numbers of a shape a resolution can take: digits
	// before a '/' ("70/1") or before a parenthesised session or year
	// ("217 A (III)", "1325 (2000)"). Only then is a keyword looked for,
	// right before the number; the list it opens is read forward.
	src := x.text
	consumed := 0
	try := func(numStart int) {
		if numStart < consumed {
			return
		}
		kwStart, kwEnd, dec, ok := keywordBefore(src, numStart)
		if !ok {
			// A damaged first number ("resolutions 387 1976), 418 (1977)"):
			// the keyword stands a little further back.
			w := src[max(0, numStart-24):numStart]
			i := strings.LastIndex(w, "esolutions ")
			if i < 1 || (w[i-1] != 'r' && w[i-1] != 'R') {
				return
			}
			kwStart, kwEnd = numStart-len(w)+i-1, numStart-len(w)+i+len("esolutions")
		}
		if end := x.numberList(kwStart, kwEnd, dec); end > consumed {
			consumed = end
		}
	}
	nextSlash, nextParen := -1, -1 // next '/' and '(' at or after i; -2 when none is left
	for i := 0; i < len(src); {
		if nextSlash != -2 && nextSlash < i {
			nextSlash = indexFrom(src, i, '/')
		}
		if nextParen != -2 && nextParen < i {
			nextParen = indexFrom(src, i, '(')
		}
		p := nextSlash
		if p == -2 || nextParen != -2 && nextParen < p {
			p = nextParen
		}
		if p == -2 {
			break
		}
		i = p + 1
		if p < consumed || p == 0 {
			continue
		}
		if src[p] == '/' {
			if c := src[p-1]; c < '0' || c > '9' {
				continue
			}
			s := p - 1
			for s > 0 && src[s-1] >= '0' && src[s-1] <= '9' {
				s--
			}
			if s >= 2 && src[s-1] == '-' && src[s-2] == 'S' {
				s -= 2 // S-26/2
				if s >= 1 && src[s-1] == 'E' {
					s-- // ES-10/19
				}
			}
			try(s)
			continue
		}
		// "(": only a year or a session can follow ("(2000)", "(III)",
		// "(S-VII)", "(ES-V)"); then walk back over " A " and digits.
		if p+1 >= len(src) {
			break
		}
		switch c := src[p+1]; {
		case c >= '0' && c <= '9', c == 'I', c == 'V', c == 'X', c == 'L', c == 'S', c == 'E':
		default:
			continue
		}
		j := p
		for j > 0 && (src[j-1] == ' ' || src[j-1] == '\n') {
			j--
		}
		if j >= 2 && isUpperASCII(src[j-1]) && src[j-2] == ' ' {
			j -= 2
			for j > 0 && (src[j-1] == ' ' || src[j-1] == '\n') {
				j--
			}
		}
		e := j
		for j > 0 && src[j-1] >= '0' && src[j-1] <= '9' {
			j--
		}
		if j == e {
			continue
		}
		try(j)
	}
}

// indexFrom is strings.IndexByte from i, returning -2 when c is absent.
func indexFrom(s string, i int, c byte) int {
	if k := strings.IndexByte(s[i:], c); k >= 0 {
		return i + k
	}
	return -2
}

// keywordBefore finds "resolution(s)" or "decision(s)" standing right
// before the number at num (white space or "[" between).
func keywordBefore(src string, num int) (start, end int, dec, ok bool) {
	j := num
	if j > 0 && src[j-1] == '[' {
		j--
	}
	for j > 0 && (src[j-1] == ' ' || src[j-1] == '\n' || src[j-1] == '\r' || src[j-1] == '\t') {
		j--
	}
	if j == num {
		return 0, 0, false, false
	}
	end = j
	if j > 0 && src[j-1] == 's' {
		j--
	}
	for _, kw := range [...]struct {
		word string
		dec  bool
	}{{"resolution", false}, {"decision", true}} {
		s := j - len(kw.word)
		if s < 0 || src[s+1:j] != kw.word[1:] || src[s]|0x20 != kw.word[0] {
			continue
		}
		if s > 0 && (isAlnum(src[s-1]) || src[s-1] == '-') {
			continue
		}
		return s, end, kw.dec, true
	}
	return 0, 0, false, false
}

// numberList reads the numbers after the keyword at [kwStart, kwEnd); it
// returns the end of the list.
func (x *extraction) numberList(kwStart, kwEnd int, dec bool) (end int) {
	src := x.text
	j := x.gap(kwEnd)
	if j < len(src) && src[j] == '[' {
		j++
	}
	first, ok := parseItem(src, j)
	if !ok {
		first, ok = repairItem(src, j)
	}
	if !ok {
		return kwEnd
	}
	var buf [8]item
	items := append(buf[:0], first)
	end = first.end
	for {
		k := x.skipListFiller(end)
		it, ok := x.itemAfter(k)
		if !ok {
			// "76/1 of 2 March 2022 on the aggression against Ukraine, 76/2"
			it, ok = x.itemAfterSubject(k)
		}
		if !ok {
			break
		}
		items = append(items, it)
		end = it.end
	}
	body, explicit := x.bodyBefore(kwStart)
	if !explicit {
		if b := x.bodyAfter(end); b != "" {
			body, explicit = b, true
		}
	}
	if !explicit && x.lastList.body != "" && x.continuesList(x.lastList.end, kwStart) {
		// Rule 4 across keywords: "Human Rights Council resolution 23/13
		// ..., as well as resolutions 28/6 and 37/5".
		body, explicit = x.lastList.body, true
	}
	defer func() { x.lastList = listEnd{end: end, body: body} }()
	if body == foreign {
		return end
	}
	pin := x.pinpointBefore(kwStart)
	for n, it := range items {
		b := body
		if !explicit {
			b = x.bodyByShape(it)
		}
		target, tbody, ok := numberTarget(b, dec, it)
		if ok && !x.plausibleSession(tbody, it) {
			continue
		}
		if !ok && !explicit {
			continue
		}
		if !ok {
			// An explicit body whose numbers do not take this shape:
			// shape decides ("Council resolution 1325 (2000)").
			if target, tbody, ok = numberTarget(x.bodyByShape(it), dec, it); !ok || !x.plausibleSession(tbody, it) {
				continue
			}
		}
		start := it.start
		if n == 0 && x.gap(kwEnd) == it.start {
			start = kwStart
		}
		kind := KindResolution
		if dec {
			kind = KindDecision
		}
		r := Reference{Target: target, Start: start, End: it.end, Kind: kind, Body: tbody}
		var pins []string
		if n == 0 && pin != "" {
			pins = append(pins, pin)
		}
		if it.parts != "" {
			pins = append(pins, it.parts)
		}
		if p := x.pinpointAfter(it.end); p != "" {
			pins = append(pins, p)
		}
		r.Pinpoint = strings.Join(pins, ", ")
		x.add(r)
	}
	return end
}

// listEnd remembers the last list of numbers and its body, for rule 4.
type listEnd struct {
	end  int
	body string
}

// continuesList reports whether the keyword at kw continues the list that
// ended at end: only list words stand between ("13 as well as", ", and").
func (x *extraction) continuesList(end, kw int) bool {
	if end <= 0 || kw <= end {
		return false
	}
	f := x.skipListFiller(end)
	if kw < f || kw-f > 40 {
		return false
	}
	gap := x.text[f:kw]
	gap = strings.TrimLeft(gap, "0123456789,; \n")
	switch strings.TrimSpace(gap) {
	case "", "and", "as well as", "and in", "or":
		return true
	}
	return false
}

// plausibleSession rejects numbers no body of that shape has issued: a
// General Assembly "n/m" before session 31 or after the citing document's
// session, a Human Rights Council session past 62. What fails is usually
// another body's number ("decision 15/4" of the CBD, "resolution 14/221"
// of the OAU) whose body is not named where the rules look.
func (x *extraction) plausibleSession(body string, it item) bool {
	if it.shape != shapeSlash || strings.HasPrefix(it.a, "S-") || strings.HasPrefix(it.a, "ES-") {
		return true
	}
	n := atoi(it.a)
	switch body {
	case symbol.GA:
		return n >= 31 && (x.session == 0 || n <= x.session)
	case symbol.HRC:
		return n >= 1 && n <= 62
	}
	return true
}

// itemAfter reads a list separator at k and the number after it.
func (x *extraction) itemAfter(k int) (item, bool) {
	src := x.text
	sep := x.listSeparator(k)
	if sep == 0 {
		return item{}, false
	}
	k = x.gap(k + sep)
	if k < len(src) && src[k] == '[' {
		k++
	}
	it, ok := parseItem(src, k)
	if !ok {
		// a footnote marker after the separator: "2008,3 22/22", ", 4  28/34"
		if d := digitsAt(src, k); d > 0 && d <= 3 && k+d < len(src) && isSpace(src[k+d]) {
			it, ok = parseItem(src, x.gap(k+d))
		}
	}
	if !ok {
		it, ok = repairItem(src, k)
	}
	return it, ok
}

// repairItem reads a list item that scanning damaged, in the shape of a
// Security Council number: "387 1976)" (lost parenthesis), "S71 (1985)"
// (S for 5), "I11 (1956)" (I for 1). The raw text stays as written.
func repairItem(src string, k int) (item, bool) {
	e := k
	var b strings.Builder
	for e < len(src) && e-k < 4 {
		c := src[e]
		switch {
		case c >= '0' && c <= '9':
		case c == 'S':
			c = '5'
		case c == 'I' || c == 'l':
			c = '1'
		case c == 'O':
			c = '0'
		default:
			goto done
		}
		b.WriteByte(c)
		e++
	}
done:
	if e == k || e < len(src) && isAlnum(src[e]) {
		return item{}, false
	}
	a := b.String()
	if !isDigits(a) || a[0] == '0' {
		return item{}, false
	}
	j := e
	if j < len(src) && src[j] == ' ' {
		j++
	}
	if j < len(src) && src[j] == '(' {
		j++
	}
	if digitsAt(src, j) != 4 || j+4 >= len(src) || src[j+4] != ')' || src[j:j+2] != "19" && src[j:j+2] != "20" {
		return item{}, false
	}
	return item{start: k, end: j + 5, shape: shapeYearParen, a: a, b: src[j : j+4]}, true
}

// itemAfterSubject steps over the subject of a listed number ("on the
// aggression against Ukraine") to the next number of the list.
func (x *extraction) itemAfterSubject(k int) (item, bool) {
	src := x.text
	k = x.gap(k)
	if !strings.HasPrefix(src[k:], "on ") && !strings.HasPrefix(src[k:], "concerning ") {
		return item{}, false
	}
	limit := min(len(src), k+300)
	if p := x.paraAt(k); p >= 0 {
		limit = min(limit, x.paras[p].end)
	}
	if i := strings.Index(src[k:limit], "esolution"); i >= 0 {
		limit = k + i // another keyword opens its own list
	}
	if b := blankLine(src[k:limit]); b >= 0 {
		limit = k + b
	}
	for i := k; i < limit; i++ {
		switch src[i] {
		case ';', '"', 0xe2: // 0xe2 starts “ (a title: not a subject)
			if src[i] == 0xe2 && !strings.HasPrefix(src[i:], "“") {
				continue
			}
			return item{}, false
		case '.':
			if i+1 < len(src) && isSpace(src[i+1]) {
				return item{}, false
			}
		case ',', ' ':
			if src[i] == ' ' && !strings.HasPrefix(src[i:], " and ") {
				continue
			}
			if it, ok := x.itemAfter(i); ok {
				return it, true
			}
		}
	}
	return item{}, false
}

// parseItem parses one number at src[i:].
func parseItem(src string, i int) (item, bool) {
	it := item{start: i}
	j := i
	prefix := ""
	if strings.HasPrefix(src[j:], "ES-") {
		prefix, j = "ES-", j+3
	} else if strings.HasPrefix(src[j:], "S-") {
		prefix, j = "S-", j+2
	}
	d := digitsAt(src, j)
	if d == 0 || d > 4 {
		return it, false
	}
	a := src[j : j+d]
	j += d
	if j < len(src) && src[j] == '/' {
		e := digitsAt(src, j+1)
		if e == 0 || e > 4 {
			return it, false
		}
		it.shape, it.a, it.b = shapeSlash, prefix+a, src[j+1:j+1+e]
		j += 1 + e
		if j < len(src) && (src[j] == '/' || isAlnum(src[j]) || src[j] == '.' && j+1 < len(src) && isAlnum(src[j+1])) {
			return it, false
		}
		it.end = j
		it.end, it.parts = partLetters(src, it.end)
		return it, true
	}
	if prefix != "" || j < len(src) && isAlnum(src[j]) {
		return it, false
	}
	// 217 A (III), 1514 (XV), 1325 (2000): the letter and the parenthesis
	// may be on the next line.
	k := skipSpace(src, j)
	part := ""
	if k+1 < len(src) && isUpperASCII(src[k]) && !isAlnum(src[k+1]) && src[k+1] != '/' {
		part = src[k : k+1]
		k = skipSpace(src, k+1)
	}
	if k >= len(src) || src[k] != '(' {
		return it, false
	}
	close := strings.IndexByte(src[k:min(len(src), k+12)], ')')
	if close < 0 {
		return it, false
	}
	inner := src[k+1 : k+close]
	switch {
	case len(inner) == 4 && digitsAt(inner, 0) == 4 && part == "":
		it.shape = shapeYearParen
	case isRomanSession(inner):
		it.shape = shapeRoman
	default:
		return it, false
	}
	it.a, it.b, it.parts = a, inner, part
	it.end = k + close + 1
	return it, true
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// gap skips white space and, where a clause runs across a page break, the
// page furniture and footnotes standing in its way.
func (x *extraction) gap(i int) int {
	if i >= len(x.text) || x.lines[x.lineAt(i)].kind != lineText {
		return skipSpace(x.text, i) // inside a footnote: plain white space
	}
	for {
		i = skipSpace(x.text, i)
		if i >= len(x.text) {
			return i
		}
		li := x.lineAt(i)
		switch x.lines[li].kind {
		case lineText, lineBlank:
			return i
		}
		// skip to the next running text line
		for li < len(x.lines) && x.lines[li].kind != lineText {
			li++
		}
		if li == len(x.lines) {
			return len(x.text)
		}
		i = x.lines[li].start
	}
}

func isRomanSession(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "ES-"), "S-")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'I', 'V', 'X', 'L':
		default:
			return false
		}
	}
	return true
}

func digitsAt(s string, i int) int {
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return j - i
}

// partLetters reads lettered parts after a number: " A", " B", " A to E",
// " A and B". It returns the new end and the parts.
func partLetters(src string, end int) (int, string) {
	letter := func(i int) bool {
		return i < len(src) && isUpperASCII(src[i]) && (i+1 == len(src) || !isAlnum(src[i+1]) && src[i+1] != '/' && src[i+1] != '.')
	}
	i := end
	if i >= len(src) || src[i] != ' ' || !letter(i+1) {
		return end, ""
	}
	parts := src[i+1 : i+2]
	e := i + 2
	for _, conj := range [...]string{" to ", " and ", "-", "–"} {
		if strings.HasPrefix(src[e:], conj) && letter(e+len(conj)) {
			parts += strings.TrimSpace(conj)
			if conj == " to " || conj == " and " {
				parts = src[i+1:i+2] + conj + src[e+len(conj):e+len(conj)+1]
			} else {
				parts = src[i+1 : e+len(conj)+1]
			}
			e += len(conj) + 1
			break
		}
	}
	return e, parts
}

// skipListFiller steps over what may stand between two numbers of a list:
// "](#)", a date ("of 25 September 2015"), a footnote marker, an
// "entitled “…”" title, a pinpoint (", annex").
func (x *extraction) skipListFiller(i int) int {
	src := x.text
	for guard := 0; guard < 6; guard++ {
		j := i
		if strings.HasPrefix(src[j:], "](#)") {
			j += 4
		}
		k := x.gap(j)
		if strings.HasPrefix(src[k:], "of") && k+2 < len(src) && isSpace(src[k+2]) {
			if e := x.dateAt(x.gap(k + 3)); e > 0 {
				j = e
			}
		}
		// footnote markers: glued digits, superscripts, [^n]
		for j < len(src) && src[j] >= '0' && src[j] <= '9' {
			j++
		}
		if _, w := leadingSuper(src[j:]); w > 0 {
			j += w
		}
		if strings.HasPrefix(src[j:], "[^") {
			if e := strings.IndexByte(src[j:min(len(src), j+8)], ']'); e > 0 {
				j += e + 1
			}
		}
		k = j
		if k < len(src) && src[k] == ',' {
			k2 := x.gap(k + 1)
			if strings.HasPrefix(src[k2:], "entitled ") {
				q := x.gap(k2 + len("entitled "))
				if strings.HasPrefix(src[q:], "“") {
					if e := strings.Index(src[q:min(len(src), q+800)], "”"); e > 0 {
						j = q + e + len("”")
					}
				} else if q < len(src) && src[q] == '"' {
					if e := strings.IndexByte(src[q+1:min(len(src), q+800)], '"'); e > 0 {
						j = q + e + 2
					}
				}
			} else if strings.HasPrefix(src[k2:], "annex") || strings.HasPrefix(src[k2:], "para") || strings.HasPrefix(src[k2:], "sect") {
				e := k2
				for e < len(src) && src[e] != ',' && src[e] != ';' && src[e] != '\n' && src[e] != ' ' {
					e++
				}
				// the word and its value: "annex I", "para. 5"
				v := x.gap(e)
				ve := v
				for ve < len(src) && (isAlnum(src[ve]) || src[ve] == '.') {
					ve++
				}
				if ve-v <= 6 && ve > v && (src[v] >= '0' && src[v] <= '9' || isUpperASCII(src[v])) && (ve >= len(src) || src[ve] != ' ' || !isAlnum(src[ve+1])) {
					e = ve
				}
				j = e
			}
		}
		if j == i {
			return i
		}
		i = j
	}
	return i
}

// dateAt parses "25 September 2015", "24 and 29 September 1993",
// "20 to 24 April 2009" at i; it returns the end or 0.
func (x *extraction) dateAt(i int) int {
	src := x.text
	d := digitsAt(src, i)
	if d == 0 || d > 2 {
		return 0
	}
	j := x.gap(i + d)
	for _, conj := range [...]string{"and ", "to ", "-", "–", "and\n", "to\n"} {
		if strings.HasPrefix(src[j:], conj) {
			k := x.gap(j + len(conj))
			if e := digitsAt(src, k); e > 0 && e <= 2 {
				j = x.gap(k + e)
			}
			break
		}
	}
	m := j
	for m < len(src) && (src[m] >= 'a' && src[m] <= 'z' || src[m] >= 'A' && src[m] <= 'Z') {
		m++
	}
	if _, ok := months[src[j:m]]; !ok {
		return 0
	}
	y := x.gap(m)
	if digitsAt(src, y) < 4 {
		// "of 20 July," in a list of the same year: no year given.
		if m < len(src) && (src[m] == ',' || src[m] == ';' || strings.HasPrefix(src[m:], " and")) {
			return m
		}
		return 0
	}
	return y + 4
}

// listSeparator returns the length of a list separator at i (", ", " and ",
// ", and ", " as well as "), or 0.
func (x *extraction) listSeparator(i int) int {
	src := x.text
	j := i
	if j < len(src) && src[j] == ',' {
		j++
	}
	k := x.gap(j)
	for _, w := range [...]string{"and", "as well as", "or"} {
		if strings.HasPrefix(src[k:], w) && k+len(w) < len(src) && isSpace(src[k+len(w)]) {
			return k + len(w) + 1 - i
		}
	}
	if j > i {
		return j - i
	}
	return 0
}

// bodyBefore reads the words before a keyword: the body named there
// ("Human Rights Council resolution", "the Assembly, in its resolution"),
// the document's own organ for "its", or "" when none is named. explicit
// says a body (or "its") was named.
func (x *extraction) bodyBefore(kw int) (string, bool) {
	from := x.clauseStart(kw)
	run := x.runningText(max(from, kw-2000), kw)
	words := x.fields(run[max(0, len(run)-160):], len(run))
	words = words[max(0, len(words)-14):]
	for i, w := range words {
		words[i] = trimWord(w)
	}
	// "section VII of its resolution", "paragraph 5 of resolution".
	if n := len(words); n >= 1 && words[n-1] == "of" {
		for k := n - 2; k >= 0 && k >= n-6; k-- {
			switch strings.ToLower(words[k]) {
			case "section", "sections", "paragraph", "paragraphs", "part", "parts", "annex", "annexes", "chapter":
				words = words[:k]
				k = -1
			}
		}
	}
	// "the adoption by the Security Council of resolutions".
	if n := len(words); n >= 3 && words[n-1] == "of" {
		if b, k := bodySuffix(words[:n-1]); b != "" && b != foreign && k > 0 && n-1-k >= 2 && words[n-2-k] == "the" && words[n-3-k] == "by" {
			return b, true
		}
	}
	n := len(words)
	if n == 0 {
		return "", false
	}
	last := words[n-1]
	if last == "its" || last == "their" {
		// "the Council, in its resolution": the body named before "in its".
		k := n - 2
		if k >= 0 {
			switch words[k] {
			case "in", "by", "under", "through", "with", "and":
				if b, _ := bodySuffix(words[:k]); b != "" {
					return x.resolveGeneric(b, kw), true
				}
				if k > 0 && (words[k-1] == "Council" || words[k-1] == "Commission") {
					return x.resolveGeneric(words[k-1], kw), true
				}
			}
		}
		if x.organ == "" {
			return symbol.GA, true
		}
		return x.organ, true
	}
	if b, _ := bodySuffix(words); b != "" {
		return b, true
	}
	if b := x.reportBody(kw); b != "" {
		return b, true
	}
	switch last {
	case "including", "particular", "notably", "especially", "namely":
		// "Human Rights Council resolutions on the subject, including
		// resolution 60/5": the body of the resolutions just named.
		if b := lastNamedResolutions(x.text[from:kw]); b != "" {
			return b, true
		}
	}
	if last == "Council" || last == "Commission" {
		return x.resolveGeneric(last, kw), true
	}
	if bodyHeads[last] {
		return foreign, true
	}
	return "", false
}

// trimWord strips the emphasis, brackets, quotes and punctuation around a word.
func trimWord(w string) string {
	for len(w) > 0 {
		switch {
		case w[0] == '*' || w[0] == '_' || w[0] == '[' || w[0] == '"' || w[0] == '(':
			w = w[1:]
		case strings.HasPrefix(w, "“"):
			w = w[len("“"):]
		default:
			goto right
		}
	}
right:
	for len(w) > 0 {
		switch c := w[len(w)-1]; c {
		case '*', '_', '"', ',', ';', ':', ')', ']':
			w = w[:len(w)-1]
		default:
			if strings.HasSuffix(w, "”") {
				w = w[:len(w)-len("”")]
				continue
			}
			return w
		}
	}
	return w
}

// runningText returns the running text of [from, to), leaving out the
// footnotes and page furniture a page break puts inside a clause.
func (x *extraction) runningText(from, to int) string {
	first, last := x.lineAt(from), x.lineAt(to)
	clean := true
	for i := first; i <= last; i++ {
		if k := x.lines[i].kind; k != lineText && k != lineBlank {
			clean = false
			break
		}
	}
	if clean || x.lines[last].kind != lineText {
		return x.text[from:to]
	}
	var b strings.Builder
	for i := first; i <= last; i++ {
		l := x.lines[i]
		if l.kind != lineText {
			continue
		}
		b.WriteString(x.text[max(l.start, from):min(l.end, to)])
		b.WriteByte(' ')
	}
	return b.String()
}

// lastNamedResolutions finds the body of the last "<Body> resolutions" in s.
func lastNamedResolutions(s string) string {
	for end := len(s); end > 0; {
		i := strings.LastIndex(s[:end], " resolutions")
		if i < 0 {
			return ""
		}
		if b, _ := bodySuffix(strings.Fields(s[:i])); b != "" && b != foreign {
			return b
		}
		end = i
	}
	return ""
}

// reportBody: a number cited inside a body's report ("Supplement No. 7
// (E/2015/27), chap. I, sect. C, resolution 59/1") belongs to the body whose
// report it is. The Official Records supplement of each body has a fixed
// number: A/n/53 is the Human Rights Council's report, E/yyyy/27 the
// Commission on the Status of Women's, and so on.
func (x *extraction) reportBody(kw int) string {
	syms := x.refs[:x.nSymbols]
	i := sort.Search(len(syms), func(i int) bool { return syms[i].End > kw }) - 1
	if i < 0 {
		return ""
	}
	last := &syms[i]
	organ, num, ok := reportOf(last.Target)
	if !ok || kw-last.End > 60 || !rePinpointGap.MatchString(x.text[last.End:kw]) {
		return ""
	}
	if organ == "A/" {
		if num == "53" {
			return symbol.HRC
		}
		return ""
	}
	return ecosocReports[num]
}

// reportOf reads a report symbol of the General Assembly or the Economic
// and Social Council, A/79/53 or E/2015/27 (and what may follow a slash or
// a parenthesis): its organ, "A/" or "E/", and its number, "53".
func reportOf(target string) (organ, num string, ok bool) {
	if len(target) < 2 || target[0] != 'A' && target[0] != 'E' || target[1] != '/' {
		return "", "", false
	}
	d := digitsAt(target, 2)
	k := 3 + d
	if d < 2 || d > 4 || k > len(target) || target[k-1] != '/' || digitsAt(target, k) != 2 {
		return "", "", false
	}
	if e := k + 2; e < len(target) && target[e] != '/' && target[e] != '(' {
		return "", "", false
	}
	return target[:2], target[k : k+2], true
}

// rePinpointGap is what may stand between a report's symbol and a number
// in it: "), chap. I, sect. C, ".
var rePinpointGap = regexp.MustCompile(`^[)\]#( ]*(?:,\s*(?:chap|sect|para|annex|part|vol)\.?\s*[A-Z0-9.]*\s*)*,?\s*$`)

// ecosocReports maps the number of a commission's annual report to
// the Economic and Social Council (E/yyyy/n, Supplement No. n-20) to it.
var ecosocReports = map[string]string{
	"23": symbol.CHR, "24": symbol.STATCOM, "25": symbol.CPD, "26": symbol.CSOCD, "27": symbol.CSW,
	"28": symbol.CND, "29": symbol.CSD, "30": symbol.CCPCJ, "31": symbol.CSTD, "42": symbol.UNFF,
}

// resolveGeneric applies rule 3: "Council" alone means the council last
// named in the same paragraph, or in a council's own text that council.
func (x *extraction) resolveGeneric(b string, kw int) string {
	if b != "Council" && b != "Commission" {
		return b
	}
	clause := strings.Join(strings.Fields(x.text[x.clauseStart(kw):kw]), " ")
	if b == "Council" {
		if c := lastCouncil(clause); c != "" {
			return c
		}
		switch x.organ {
		case symbol.SC, symbol.HRC, symbol.ECOSOC:
			return x.organ
		}
		return ""
	}
	if c := lastCommission(clause); c != "" {
		return c
	}
	switch x.organ {
	case symbol.CHR, symbol.SUBCOM, symbol.CSW, symbol.CND, symbol.CPD, symbol.CCPCJ, symbol.CSOCD, symbol.STATCOM, symbol.CSTD, symbol.CSD:
		return x.organ
	}
	return ""
}

// bodyAfter applies the second half of rule 1: a body named after the
// number in the same clause ("resolution 2000/22 of 18 August 2000, on
// ..., by the Subcommission on ..."; "resolution 2005/69 of the Commission
// on Human Rights").
func (x *extraction) bodyAfter(end int) string {
	src := x.text
	limit := min(len(src), end+260)
	window := src[end:limit]
	if i := strings.IndexAny(window, ";"); i >= 0 {
		window = window[:i]
	}
	for _, kw := range [...]string{"esolution", "ecision", ". "} {
		if i := strings.Index(window, kw); i >= 0 {
			window = window[:i]
		}
	}
	if b := blankLine(window); b >= 0 {
		window = window[:b]
	}
	best, at := "", len(window)+1
	for _, lead := range [...]string{"by the ", "of the ", "by the\n", "of the\n"} {
		i := strings.Index(window, lead)
		if i < 0 || i > at {
			continue
		}
		if lead[0] == 'o' {
			// "of the X" only right after the number or its date.
			gap := strings.TrimSpace(window[:i])
			if gap != "" && gap != "," && !(strings.HasPrefix(gap, "of ") && x.dateAt(x.gap(end+strings.Index(window, "of ")+3)) > 0) {
				continue
			}
		}
		if lead[0] == 'b' && strings.Contains(window[:i], " and ") {
			// "..., and the statement by the President": the phrase belongs
			// to another noun, not to the number.
			continue
		}
		words := x.fields(window[i+len(lead):], max(6, maxPhraseWords)) // as many as bodyPrefix and foreignName read
		for k, w := range words {
			words[k] = strings.TrimRight(w, ",;:.0123456789")
		}
		if b, _ := bodyPrefix(words); b != "" && b != symbol.GA {
			best, at = b, i
		} else if b == "" && lead[0] == 'b' && foreignName(words) {
			best, at = foreign, i
		}
	}
	return best
}

// bodyByShape is rule 2 and rule 5: an unqualified number belongs to the
// organ that issued the citing document, unless its shape says otherwise.
func (x *extraction) bodyByShape(it item) string {
	switch it.shape {
	case shapeYearParen:
		return symbol.SC
	case shapeRoman:
		if x.organ == symbol.ECOSOC {
			return symbol.ECOSOC
		}
		return symbol.GA
	}
	if it.yearLike() {
		switch x.organ {
		case symbol.ECOSOC, symbol.CHR, symbol.SUBCOM:
			return x.organ
		}
		return "" // a bare year-form number with no body is ambiguous: skip
	}
	switch x.organ {
	case "", symbol.SC, symbol.ECOSOC:
		return symbol.GA
	}
	return x.organ
}

var commissionSeries = map[string]string{
	symbol.CHR: "E/CN.4", symbol.SUBCOM: "E/CN.4/SUB.2", symbol.STATCOM: "E/CN.3", symbol.CSOCD: "E/CN.5",
	symbol.CSW: "E/CN.6", symbol.CND: "E/CN.7", symbol.CPD: "E/CN.9", symbol.CCPCJ: "E/CN.15",
	symbol.CSTD: "E/CN.16", symbol.CSD: "E/CN.17", symbol.UNFF: "E/CN.18",
}

// numberTarget composes the canonical target of a bare number issued by
// body, following reference-forms.md.
func numberTarget(body string, dec bool, it item) (target, tbody string, ok bool) {
	typ := "RES"
	if dec {
		typ = "DEC"
	}
	switch body {
	case symbol.GA:
		switch it.shape {
		case shapeSlash:
			if it.yearLike() {
				return "", "", false
			}
			return "A/" + typ + "/" + it.a + "/" + it.b, symbol.GA, true
		case shapeRoman:
			return "A/" + typ + "/" + it.a + "(" + it.b + ")", symbol.GA, true
		}
	case symbol.SC:
		if it.shape == shapeYearParen && !dec {
			return "S/RES/" + it.a + "(" + it.b + ")", symbol.SC, true
		}
	case symbol.HRC:
		if it.shape == shapeSlash && !it.yearLike() {
			return "A/HRC/" + typ + "/" + it.a + "/" + it.b, symbol.HRC, true
		}
	case symbol.ECOSOC:
		switch it.shape {
		case shapeSlash:
			if it.yearLike() {
				return "E/" + typ + "/" + it.a + "/" + it.b, symbol.ECOSOC, true
			}
		case shapeRoman:
			return "E/" + typ + "/" + it.a + "(" + it.b + ")", symbol.ECOSOC, true
		}
	case unea:
		if it.shape == shapeSlash && !it.yearLike() {
			t := "Res."
			if dec {
				t = "Dec."
			}
			return "UNEP/EA." + it.a + "/" + t + it.b, symbol.UNEP, true
		}
	default:
		if series, ok := commissionSeries[body]; ok && it.shape == shapeSlash {
			return series + "/" + typ + "/" + it.a + "/" + it.b, body, true
		}
	}
	return "", "", false
}

// pinpointBefore reads "section VII of", "paragraph 5 of" before a keyword.
func (x *extraction) pinpointBefore(kw int) string {
	from := max(x.clauseStart(kw), kw-80)
	words := x.fields(x.text[from:kw], kw-from)
	n := len(words)
	if n < 3 {
		return ""
	}
	if words[n-1] == "its" {
		n--
	}
	if n < 3 || words[n-1] != "of" {
		return ""
	}
	v := strings.TrimRight(words[n-2], ",")
	switch strings.ToLower(words[n-3]) {
	case "section":
		return "sect. " + v
	case "paragraph":
		return "para. " + v
	case "part":
		return "part " + v
	case "annex":
		return "annex " + v
	}
	if strings.ToLower(words[n-2]) == "annex" {
		return "annex"
	}
	return ""
}

// notIssuers start names that act but issue no numbered resolutions.
var notIssuers = map[string]bool{
	"President": true, "Secretary-General": true, "Secretariat": true, "Chair": true, "Chairman": true,
	"Chairperson": true, "Special": true, "High": true, "Under-Secretary-General": true, "Bureau": true,
	"Office": true, "Government": true, "Governments": true, "Member": true, "Executive": false,
}

// blankLine returns the offset of the first blank line break in s (a line
// break, then only spaces, tabs or no-break spaces, then a line break), or -1.
func blankLine(s string) int {
	for i := 0; ; {
		k := strings.IndexByte(s[i:], '\n')
		if k < 0 {
			return -1
		}
		at := i + k
		j := at + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == 0xc2 && j+1 < len(s) && s[j+1] == 0xa0) {
			if s[j] == 0xc2 {
				j++
			}
			j++
		}
		if j < len(s) && s[j] == '\n' {
			return at
		}
		i = at + 1
	}
}

// foreignName reports a capitalised name whose head noun is a body's
// ("High-level Committee on South-South Cooperation", "Conference of the
// Food and Agriculture Organization"): a body outside our table.
func foreignName(words []string) bool {
	if len(words) > 0 && notIssuers[words[0]] {
		return false
	}
	for i, w := range words {
		if i >= 6 || !isCapitalised(w) && w != "of" && w != "on" && w != "the" && w != "and" && w != "for" {
			return false
		}
		if bodyHeads[w] {
			return true
		}
	}
	return false
}

// fields is strings.Fields into a buffer the extraction reuses, cut after
// the first n words: they are valid until the next call.
func (x *extraction) fields(s string, n int) []string {
	w := x.words[:0]
	for i := 0; len(w) < n; {
		i = wordEdge(s, i, true)
		if i >= len(s) {
			break
		}
		start := i
		i = wordEdge(s, i, false)
		w = append(w, s[start:i])
	}
	x.words = w
	return w
}

// wordEdge returns where the run of white space (space true) or of other
// runes (space false) that starts at s[i] ends.
func wordEdge(s string, i int, space bool) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] != space {
				break
			}
			i++
			continue
		}
		sp, size := spaceRune(s[i:])
		if sp != space {
			break
		}
		i += size
	}
	return i
}

// asciiSpace marks the ASCII white space strings.Fields splits at.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// spaceRune reports whether the non-ASCII rune that begins s is white
// space, as strings.Fields sees it, and its width.
func spaceRune(s string) (bool, int) {
	r, size := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r), size
}
