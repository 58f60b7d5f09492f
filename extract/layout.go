package extract

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The clean stage: the layout of a document. Raw PDF text interleaves the
// running text with page furniture (running headers repeating the
// document's own symbol and title, job numbers, barcodes, page counters)
// and page-bottom footnote blocks. layout classifies every line once, so
// that the later stages see paragraphs and footnotes, not pages.

type lineKind uint8

const (
	lineBlank    lineKind = iota
	lineText              // running text
	lineJunk              // page furniture: header, footer, job number, counter
	lineRule              // the line of underscores that opens a footnote block
	lineFootnote          // the first line of footnote n (line.fn)
	lineFootCont          // a continuation line of the current footnote
)

type line struct {
	start, end   int   // byte span of the line without its newline
	tstart, tend int32 // the line without leading and trailing spaces
	fn           int32 // footnote number for lineFootnote / lineFootCont
	kind         lineKind
}

// text returns the line without leading and trailing spaces.
func (l *line) text(src string) string { return src[l.tstart:l.tend] }

// paragraph is a span of running text with its label and clause relation.
type paragraph struct {
	start, end int
	label      string // HEAD, PP3, OP2
	opener     int    // offset of the clause's opening words, -1 if none
	operative  bool   // an operative paragraph: its opening is a verb
	inherit    int    // a sub-paragraph takes the relation of paragraph inherit, -1 if none
	relation   string // computed on demand by extraction.relation
	relDone    bool
}

// footnote is one footnote's text and the place of its marker.
type footnote struct {
	n          int
	start, end int // span of its text, number excluded
	para       int // index of the paragraph holding the marker, -1 if unknown
}

// splitLines appends to lines the spans of the lines of src, without the
// newline and without a trailing carriage return.
func splitLines(src string, lines []line) []line {
	if n := strings.Count(src, "\n") + 1; cap(lines) < n {
		lines = make([]line, 0, n)
	}
	start := 0
	for {
		end := len(src)
		i := strings.IndexByte(src[start:], '\n')
		if i >= 0 {
			end = start + i
		}
		e := end
		if e > start && src[e-1] == '\r' {
			e--
		}
		ts, te := start, e
		for ts < te && isTrimByte(src, ts, te) {
			ts++
			if src[ts-1] == 0xc2 {
				ts++
			}
		}
		for te > ts && isTrimByteEnd(src, ts, te) {
			te--
			if src[te] == 0xa0 {
				te--
			}
		}
		lines = append(lines, line{start: start, end: e, tstart: int32(ts), tend: int32(te)})
		if i < 0 {
			return lines
		}
		start = end + 1
	}
}

// isTrimByte reports a space, tab or no-break space starting at src[i].
func isTrimByte(src string, i, end int) bool {
	switch src[i] {
	case ' ', '\t', '\f', '\v':
		return true
	case 0xc2:
		return i+1 < end && src[i+1] == 0xa0
	}
	return false
}

// isTrimByteEnd reports a space, tab or no-break space ending at src[end-1].
func isTrimByteEnd(src string, start, end int) bool {
	switch src[end-1] {
	case ' ', '\t', '\f', '\v':
		return true
	case 0xa0:
		return end-2 >= start && src[end-2] == 0xc2
	}
	return false
}

// trimSpace trims spaces, tabs and no-break spaces.
func trimSpace(s string) string {
	for len(s) > 0 {
		switch {
		case s[0] == ' ' || s[0] == '\t' || s[0] == '\f' || s[0] == '\v':
			s = s[1:]
		case len(s) > 1 && s[0] == 0xc2 && s[1] == 0xa0:
			s = s[2:]
		default:
			goto right
		}
	}
right:
	for len(s) > 0 {
		n := len(s)
		switch {
		case s[n-1] == ' ' || s[n-1] == '\t' || s[n-1] == '\f' || s[n-1] == '\v':
			s = s[:n-1]
		case n > 1 && s[n-2] == 0xc2 && s[n-1] == 0xa0:
			s = s[:n-2]
		default:
			return s
		}
	}
	return s
}

// isJobNumber reports lines like "24-24160 (E)", "25-16021 (E)    211025", "24-24160".
func isJobNumber(s string) bool {
	if len(s) < 8 || !isDigits(s[:2]) || s[2] != '-' || !isDigits(s[3:8]) {
		return false
	}
	rest := trimSpace(s[8:])
	rest = strings.TrimPrefix(rest, "(E)")
	rest = trimSpace(rest)
	return rest == "" || isDigits(rest)
}

// isBarcode reports lines like "*2424160*".
func isBarcode(s string) bool {
	return len(s) > 2 && s[0] == '*' && s[len(s)-1] == '*' && isDigits(s[1:len(s)-1])
}

// isPageCounter reports lines like "2/4".
func isPageCounter(s string) bool {
	i := strings.IndexByte(s, '/')
	return i > 0 && i < len(s)-1 && len(s) <= 9 && isDigits(s[:i]) && isDigits(s[i+1:])
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isRule reports a line of underscores opening a footnote block.
func isRule(s string) bool {
	return len(s) >= 5 && strings.Trim(s, "_") == ""
}

// superscript digits as used by Markdown conversions: ¹²³⁴⁵⁶⁷⁸⁹⁰.
func superDigit(r rune) (int, bool) {
	switch r {
	case '¹':
		return 1, true
	case '²':
		return 2, true
	case '³':
		return 3, true
	case '⁰':
		return 0, true
	}
	if r >= '⁴' && r <= '⁹' {
		return int(r-'⁴') + 4, true
	}
	return 0, false
}

// leadingSuper parses superscript digits at the start of s: the number and
// its length in bytes.
func leadingSuper(s string) (n, size int) {
	if s == "" || s[0] != 0xc2 && s[0] != 0xe2 {
		return 0, 0 // the first byte of every superscript digit in UTF-8
	}
	for size < len(s) {
		r, w := utf8.DecodeRuneInString(s[size:])
		d, ok := superDigit(r)
		if !ok {
			break
		}
		n = n*10 + d
		size += w
		if n > 9999 {
			return 0, 0
		}
	}
	return n, size
}

// footnoteStart recognises the first line of a footnote: "3 See ...",
// "[^3]: See ...", "³ See ...". It returns the number and where the text
// starts within s, or ok=false.
func footnoteStart(s string) (n, text int, ok bool) {
	switch {
	case strings.HasPrefix(s, "[^"):
		j := strings.Index(s, "]:")
		if j < 3 || !isDigits(s[2:j]) {
			return 0, 0, false
		}
		n = atoi(s[2:j])
		text = j + 2
	case s != "" && s[0] >= '0' && s[0] <= '9':
		j := 0
		for j < len(s) && j < 4 && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == len(s) || (s[j] != ' ' && s[j] != '\t' && s[j] != 0xc2) {
			return 0, 0, false
		}
		n = atoi(s[:j])
		text = j
	default:
		var w int
		n, w = leadingSuper(s)
		if w == 0 {
			return 0, 0, false
		}
		text = w
	}
	for text < len(s) && (s[text] == ' ' || s[text] == '\t') {
		text++
	}
	return n, text, n > 0
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
		if n > 1<<30 {
			return 1 << 30
		}
	}
	return n
}

// layout classifies the lines of x and builds its paragraphs and footnotes.
func (x *extraction) layout() {
	src := x.text
	lines := x.lines
	ownKey := keyOf(x.ownRaw)

	// Page furniture.
	for i := range lines {
		l := &lines[i]
		t := l.text(src)
		switch {
		case t == "":
			l.kind = lineBlank
		case len(t) <= 32 && (isJobNumber(t) || isBarcode(t) || isPageCounter(t)) || (ownKey != "" && len(t) < len(ownKey)+12 && sameKey(t, ownKey)):
			l.kind = lineJunk
		default:
			l.kind = lineText
		}
	}
	// A running header is the run of lines between two pieces of furniture
	// a few lines apart ("A/RES/79/166 / title / job number / 2/4"); the
	// running title may also stand just before the first of them.
	last := -10
	for i := range lines {
		if lines[i].kind != lineJunk {
			continue
		}
		if i-last <= 7 {
			for j := last + 1; j < i; j++ {
				lines[j].kind = lineJunk
			}
		}
		last = i
	}
	if x.titleKey != "" {
		for i := range lines {
			if lines[i].kind != lineJunk || i == 0 || lines[i-1].kind == lineJunk {
				continue
			}
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				t := lines[j].text(src)
				if lines[j].kind != lineText || len(t) < 3 || !strings.Contains(x.titleKey, keyOf(t)) {
					break
				}
				lines[j].kind = lineJunk
			}
		}
	}

	// Footnotes: page-bottom blocks after a rule, [^n]: definitions and
	// superscript-numbered lines.
	lastFn := 0
	inBlock := false
	cur := -1 // index into x.footnotes of the footnote being read
	for i := range lines {
		l := &lines[i]
		tt := l.text(src)
		switch l.kind {
		case lineJunk:
			inBlock, cur = false, -1
			continue
		case lineBlank:
			if !inBlock {
				cur = -1
			}
			continue
		}
		if isRule(tt) {
			// A rule opens a footnote block only when the next footnote
			// (or the sponsors' "*" note of a draft) follows.
			if n, ok := nextFootnoteLine(src, lines, i+1); ok && (n == -1 || n > lastFn && n <= lastFn+5) {
				l.kind = lineRule
				inBlock, cur = true, -1
			}
			continue
		}
		if inBlock && (strings.HasPrefix(tt, "* ") || strings.HasPrefix(tt, "\\* ")) {
			// the unnumbered "*" note of a draft: its own footnote 0
			l.kind = lineFootnote
			x.footnotes = append(x.footnotes, footnote{n: 0, start: int(l.tstart) + 2, end: l.end, para: -1})
			cur = len(x.footnotes) - 1
			continue
		}
		n, off, ok := footnoteStart(tt)
		md := strings.HasPrefix(tt, "[^") || (ok && tt[0] >= 0x80)
		if ok && (md || (inBlock && n > lastFn && n <= lastFn+5)) {
			l.kind = lineFootnote
			l.fn = int32(n)
			x.footnotes = append(x.footnotes, footnote{n: n, start: int(l.tstart) + off, end: l.end, para: -1})
			cur = len(x.footnotes) - 1
			if n > lastFn {
				lastFn = n
			}
			continue
		}
		if cur >= 0 {
			l.kind = lineFootCont
			l.fn = int32(x.footnotes[cur].n)
			x.footnotes[cur].end = l.end
		}
	}

	if len(x.footnotes) == 0 {
		x.trailingFootnotes()
	}
	x.paragraphs()
	x.scanSupers()
	x.linkFootnotes()
}

// trailingFootnotes recognises the footnotes that older Security Council
// texts print after the voting line ("Adopted at the 1550th meeting ..."),
// with no rule before them: "7 Ibid., document S/9863."
func (x *extraction) trailingFootnotes() {
	adopted := -1
	for i := len(x.lines) - 1; i >= 0 && i >= len(x.lines)-40; i-- {
		if strings.HasPrefix(x.lines[i].text(x.text), "Adopted ") {
			adopted = i
			break
		}
	}
	if adopted < 0 {
		return
	}
	cur := -1
	for i := adopted + 1; i < len(x.lines); i++ {
		l := &x.lines[i]
		if l.kind != lineText {
			continue
		}
		tt := l.text(x.text)
		if n, off, ok := footnoteStart(tt); ok && opNumber(tt) == 0 {
			l.kind, l.fn = lineFootnote, int32(n)
			x.footnotes = append(x.footnotes, footnote{n: n, start: int(l.tstart) + off, end: l.end, para: -1})
			cur = len(x.footnotes) - 1
			continue
		}
		if cur >= 0 {
			l.kind, l.fn = lineFootCont, int32(x.footnotes[cur].n)
			x.footnotes[cur].end = l.end
		}
	}
}

// nextFootnoteLine parses the first non-blank line from i as a footnote start.
func nextFootnoteLine(src string, lines []line, i int) (int, bool) {
	for ; i < len(lines); i++ {
		t := lines[i].text(src)
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "\\* ") {
			return -1, true
		}
		n, _, ok := footnoteStart(t)
		return n, ok
	}
	return 0, false
}

// organLine reports the line that closes the heading of a resolution:
// "The General Assembly,", "The Security Council,", ...
func organLine(t string) (string, bool) {
	if len(t) < 16 || len(t) > 40 || t[0] != 'T' && t[0] != '*' && t[0] != '_' {
		return "", false
	}
	t = strings.TrimRight(t, " ,:")
	t = strings.Trim(t, "*_ ")
	switch t {
	case "The General Assembly":
		return "GA", true
	case "The Security Council":
		return "SC", true
	case "The Human Rights Council":
		return "HRC", true
	case "The Economic and Social Council":
		return "ECOSOC", true
	case "The Commission on Human Rights":
		return "CHR", true
	}
	return "", false
}

// opNumber parses an operative paragraph number at the start of t: "12. ",
// "12." alone on a line. It returns 0 when there is none.
func opNumber(t string) int {
	j := 0
	for j < len(t) && j < 3 && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	if j == 0 || j >= len(t) || t[j] != '.' {
		return 0
	}
	if j+1 < len(t) && t[j+1] != ' ' && t[j+1] != '\t' {
		return 0
	}
	return atoi(t[:j])
}

// paragraphs groups running text lines into labelled paragraphs.
func (x *extraction) paragraphs() {
	heading := x.organLineAt >= 0 // lines before "The General Assembly," are the heading
	pp, op := 0, 0
	var cur paragraph
	have := false       // cur holds a paragraph
	var prevText string // trimmed last text line
	broken := false     // furniture or footnotes since the last text line
	blank := false
	for i := range x.lines {
		l := &x.lines[i]
		switch l.kind {
		case lineBlank:
			blank = true
			continue
		case lineText:
		default:
			broken = true
			continue
		}
		t := l.text(x.text)
		n := opNumber(t)
		start := !have || n > 0
		if !start && heading {
			start = blank
		}
		if !start && !heading {
			switch {
			case broken:
				start = endsClause(prevText) && startsClause(t)
			case blank:
				start = true
			default:
				// No blank line between clauses (older Security Council
				// texts): a clause that ended, then a preambular opener.
				start = op == 0 && endsClause(prevText) && opensClause(t)
			}
		}
		if _, ok := organLine(t); ok {
			start = true
		}
		if start {
			if have {
				x.paras = append(x.paras, cur)
			}
			p := paragraph{start: l.start, end: l.end, opener: -1, inherit: -1}
			tStart := int(l.tstart)
			switch {
			case heading:
				p.label = "HEAD"
				if _, ok := organLine(t); ok {
					heading = false
				}
			case n > 0:
				op = n
				p.label = label("OP", n)
				p.opener, p.operative = tStart+strings.IndexByte(t, '.')+1, true
			case op > 0:
				p.label = label("OP", op)
				p.inherit = len(x.paras) - 1
			default:
				pp++
				p.label = label("PP", pp)
				p.opener = tStart
			}
			cur, have = p, true
		}
		cur.end = l.end
		prevText, broken, blank = t, false, false
	}
	if have {
		x.paras = append(x.paras, cur)
	}
}

// labels holds "PP1".."PP199" and "OP1".."OP199", so that labelling a
// paragraph does not allocate.
var labels = func() map[string][]string {
	m := map[string][]string{}
	for _, k := range []string{"PP", "OP", "FN"} {
		for i := 0; i < 200; i++ {
			m[k] = append(m[k], k+strconv.Itoa(i))
		}
	}
	return m
}()

func label(kind string, n int) string {
	if n >= 0 && n < 200 {
		return labels[kind][n]
	}
	return kind + strconv.Itoa(n)
}

// relation returns the clause relation of paragraph i, computed on first
// use: most paragraphs cite nothing.
func (x *extraction) relation(i int) string {
	p := &x.paras[i]
	if p.relDone {
		return p.relation
	}
	p.relDone = true
	switch {
	case p.inherit >= 0:
		p.relation = x.relation(p.inherit)
	case p.opener >= 0:
		// "1. \nReaffirms": the verb may stand on the next line.
		rest := strings.TrimLeft(x.text[p.opener:min(len(x.text), p.opener+120)], " \t\r\n")
		p.relation = relationOf(rest, p.operative)
	}
	return p.relation
}

// endsClause reports text that ends a paragraph: a final , ; . or :,
// possibly followed by a footnote marker.
func endsClause(t string) bool {
	i := len(t) - 1
	for i >= 0 && (t[i] == ' ' || t[i] >= '0' && t[i] <= '9') {
		i--
	}
	if i < 0 {
		return false
	}
	switch t[i] {
	case ',', ';', '.', ':':
		return true
	}
	return false
}

// opensClause reports a line that begins with a preambular opener:
// "Recalling", "Gravely concerned", "Mindful".
func opensClause(t string) bool {
	t = strings.TrimLeft(t, "*_")
	if t == "" || t[0] < 'A' || t[0] > 'Z' {
		return false
	}
	return relationOf(t, false) != ""
}

func startsClause(t string) bool {
	if opNumber(t) > 0 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(t, "*_"))
	return r >= 'A' && r <= 'Z'
}

// paraAt returns the index of the paragraph holding offset p, or -1.
func (x *extraction) paraAt(p int) int {
	lo, hi := 0, len(x.paras)
	for lo < hi {
		m := (lo + hi) / 2
		if x.paras[m].end < p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(x.paras) && x.paras[lo].start <= p && p <= x.paras[lo].end {
		return lo
	}
	return -1
}

// linkFootnotes finds the marker of each footnote in the running text.
func (x *extraction) linkFootnotes() {
	from := 0
	for k := range x.footnotes {
		f := &x.footnotes[k]
		// The marker stands before the footnote text (same page) and after
		// the previous marker.
		limit := f.start
		p := x.findMarker(f.n, from, limit)
		if p < 0 {
			continue
		}
		f.para = x.paraAt(p)
		from = p + 1
	}
}

// findMarker looks for the marker of footnote n in running text within
// [from, limit): the first glued to the text before it ("Agreement4"), or
// else the first that markerAt accepts at all ("Agreement4and").
func (x *extraction) findMarker(n, from, limit int) int {
	src := x.text
	if x.supers != nil {
		// Markdown conversions: superscript digits or [^n].
		for _, m := range x.supers {
			if m.pos >= from && m.pos < limit && m.n == n && x.runningAt(m.pos) {
				return m.pos
			}
		}
		return -1
	}
	num := strconv.Itoa(n)
	loose := -1
	for i := from; i < limit; {
		j := strings.Index(src[i:limit], num)
		if j < 0 {
			break
		}
		p := i + j
		i = p + 1
		if markerAt(src, p, len(num), true) && x.runningAt(p) {
			return p
		}
		if loose < 0 && markerAt(src, p, len(num), false) && x.runningAt(p) {
			loose = p
		}
	}
	return loose
}

type superMarker struct{ pos, n int }

// hasSuperscript reports whether src holds a superscript digit: ¹²³ are
// C2 B9, C2 B2, C2 B3 and ⁰⁴-⁹ are E2 81 B0-B9 in UTF-8. It looks for the
// second byte of each: C2 and E2 begin the no-break space and the curly
// quotes that fill raw text, but B2, B3, B9 and 81 are rare.
func hasSuperscript(src string) bool {
	for _, b := range [...]byte{0xb9, 0xb2, 0xb3, 0x81} {
		for i := 1; i < len(src); i++ {
			k := strings.IndexByte(src[i:], b)
			if k < 0 {
				break
			}
			i += k
			switch {
			case b != 0x81 && src[i-1] == 0xc2:
				return true
			case b == 0x81 && src[i-1] == 0xe2 && i+1 < len(src) && 0xb0 <= src[i+1] && src[i+1] <= 0xb9:
				return true
			}
		}
	}
	return false
}

// scanSupers lists the superscript and [^n] footnote markers of a
// Markdown text, in order; it leaves x.supers nil when there are none.
func (x *extraction) scanSupers() {
	src := x.text
	if !hasSuperscript(src) && !strings.Contains(src, "[^") {
		return
	}
	x.supers = []superMarker{}
	for i := 0; i < len(src); {
		c := src[i]
		if c == '[' && strings.HasPrefix(src[i:], "[^") {
			d := digitsAt(src, i+2)
			if d > 0 && i+2+d < len(src) && src[i+2+d] == ']' && (i+3+d >= len(src) || src[i+3+d] != ':') {
				x.supers = append(x.supers, superMarker{i, atoi(src[i+2 : i+2+d])})
			}
			i += 2 + d
			continue
		}
		if c == 0xc2 || c == 0xe2 {
			if n, w := leadingSuper(src[i:]); w > 0 {
				x.supers = append(x.supers, superMarker{i, n})
				i += w
				continue
			}
		}
		i++
	}
}

// runningAt reports whether offset p lies in running text.
func (x *extraction) runningAt(p int) bool {
	i := x.lineAt(p)
	return x.lines[i].kind == lineText
}

// markerAt reports whether the digits src[p:p+w] can be a footnote marker.
func markerAt(src string, p, w int, strict bool) bool {
	if p == 0 {
		return false
	}
	nextLower := false // a lower-case letter glued after: "Agreement4and"
	if e := p + w; e < len(src) {
		c := src[e]
		if c >= '0' && c <= '9' || c == '/' || c == '-' || (c == '.' && e+1 < len(src) && src[e+1] >= '0' && src[e+1] <= '9') || c == ')' {
			return false
		}
		if c == '(' || c == '%' {
			return false
		}
		if c >= 'a' && c <= 'z' {
			if strict {
				return false
			}
			nextLower = true
		}
	}
	c := src[p-1]
	switch {
	case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		return true
	case nextLower:
		return false
	case c == '.':
		return !abbrevBefore(src, p-1)
	case c == ',' || c == ';' || c == ':' || c == ')' || c == '"' || c == '\'':
		return true
	case c >= 0x80:
		// closing quotes ” ’ (UTF-8 ends in 0x9d / 0x99)
		r, _ := utf8.DecodeLastRuneInString(src[:p])
		return r == '”' || r == '’' || r == '»'
	case c >= '0' && c <= '9':
		// glued to a year: "10 July 20243", "2014–20242"
		k := p
		for k > 0 && src[k-1] >= '0' && src[k-1] <= '9' {
			k--
		}
		if p-k != 4 || k == 0 {
			return false
		}
		y := atoi(src[k:p])
		before := src[k-1]
		return y >= 1900 && y <= 2099 && (before == ' ' || before == '\n' || before == '-' || strings.HasSuffix(src[:k], "–"))
	case c == ' ' && !strict:
		if p < 2 {
			return false
		}
		switch b := src[p-2]; {
		case b == ',' || b == '.' || b == ';' || b == ':':
			// "8 September 2000, 2  its": spaced marker after punctuation.
			return true
		case b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z':
			// "Western Sahara 1 and": spaced marker after a word, unless
			// the word takes a number ("Article 1 and", "Goal 16 and").
			k := p - 2
			for k > 0 && isAlnum(src[k-1]) {
				k--
			}
			return !numberedWords[strings.ToLower(src[k:p-1])]
		}
	}
	return false
}

// numberedWords take a number after them: "Article 1", "Goal 16".
var numberedWords = map[string]bool{
	"article": true, "articles": true, "paragraph": true, "paragraphs": true, "goal": true, "goals": true,
	"target": true, "targets": true, "item": true, "items": true, "chapter": true, "section": true,
	"part": true, "protocol": true, "annex": true, "rule": true, "rules": true, "principle": true,
	"principles": true, "recommendation": true, "recommendations": true, "resolution": true,
	"resolutions": true, "decision": true, "decisions": true, "session": true, "number": true,
	"volume": true, "phase": true, "step": true, "level": true, "category": true, "grade": true,
	"page": true, "pages": true, "table": true, "figure": true, "box": true, "option": true,
	"indicator": true, "indicators": true, "no": true, "of": true, "and": true, "to": true,
	"from": true, "between": true, "in": true, "by": true, "than": true, "over": true, "under": true,
	"about": true, "approximately": true, "some": true, "least": true, "most": true, "year": true,
	"years": true, "age": true, "aged": true, "covid": true, "group": true, "chapters": true,
}

// lineAt returns the index of the line holding offset p. Lookups come in
// runs near each other, so the last answer is tried first.
func (x *extraction) lineAt(p int) int {
	if h := x.lastLine; h < len(x.lines) && x.lines[h].start <= p {
		if p <= x.lines[h].end {
			return h
		}
		if h+1 < len(x.lines) && x.lines[h+1].start <= p && p <= x.lines[h+1].end {
			x.lastLine = h + 1
			return h + 1
		}
	}
	// The first line that ends at or after p, by a binary search whose
	// steps take no branch: the text decides each step at random, and a
	// mispredicted branch costs more than the step.
	lines := x.lines
	base := 0
	for n := len(lines); n > 1; {
		half := n / 2
		base += half & ((lines[base+half-1].end - p) >> 63) // half when that line ends before p
		n -= half
	}
	if base < len(lines)-1 && lines[base].end < p {
		base++
	}
	x.lastLine = base
	return base
}

// abbrevBefore reports whether the '.' at src[dot] ends an abbreviation
// that takes a number (Add.2, Corr.1, No.5), so the digits are no marker.
func abbrevBefore(src string, dot int) bool {
	k := dot
	for k > 0 && (src[k-1] >= 'a' && src[k-1] <= 'z' || src[k-1] >= 'A' && src[k-1] <= 'Z') {
		k--
	}
	switch src[k:dot] {
	case "Add", "Corr", "Rev", "Amend", "Sub", "No", "Nos", "para", "paras", "chap", "sect", "art", "vol", "vols", "p", "pp", "CN", "C", "Res", "CONF", "Ser", "Suppl", "annex":
		return true
	}
	return false
}
