package extract

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/citegraph/citegraph/extract/instrument"
	"github.com/citegraph/citegraph/extract/symbol"
)

// MaxSize is the largest input Extract accepts, in bytes.
const MaxSize = 256 << 20

// Errors Extract wraps, for errors.Is.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary input")
	ErrUTF8     = errors.New("invalid UTF-8")
	ErrTooLarge = errors.New("input too large")
)

// Extract reads one document and returns it with every reference it makes.
// name is the file name, used in errors and, last, for the document's own
// symbol (A_RES_79_166.txt is A/RES/79/166). src is UTF-8 text: raw PDF
// text, Markdown or plain text (other formats go through extract/input).
func Extract(name string, src []byte) (*Document, error) {
	if err := check(src); err != nil {
		return nil, fmt.Errorf("extract: %s: %w", name, err)
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	// text shares src's bytes, which Extract does not modify: document()
	// copies out every string that points into them.
	text := unsafe.String(unsafe.SliceData(src), len(src))
	x := &extraction{name: name, src: src, text: text, refs: s.refs[:0], words: s.words[:0]}
	x.lines = splitLines(x.text, s.lines[:0])
	x.paras = s.paras[:0]
	x.meta()
	x.layout()
	x.find()
	d := x.document()
	// Keep the grown buffers for the next document; the Document holds
	// copies, never these slices.
	s.lines, s.paras, s.refs, s.words = x.lines, x.paras, x.refs, x.words
	return d, nil
}

// scratch holds the buffers one extraction needs and throws away: the
// lines, paragraphs and references found before sorting. Reusing them
// across documents spares the allocator and the garbage collector most of
// the work of a corpus.
type scratch struct {
	lines []line
	paras []paragraph
	refs  []Reference
	words []string
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func check(src []byte) error {
	switch {
	case len(src) == 0:
		return fmt.Errorf("%w: nothing to read", ErrEmpty)
	case len(src) > MaxSize:
		return fmt.Errorf("%w: %d MB is over the %d MB limit; split the file", ErrTooLarge, len(src)>>20, MaxSize>>20)
	}
	head := src[:min(len(src), 8000)]
	if bytes.IndexByte(head, 0) >= 0 {
		return fmt.Errorf("%w: it holds NUL bytes; give a text, Markdown, HTML, DOCX or PDF file", ErrBinary)
	}
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, w := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && w <= 1 {
				break
			}
			off += w
		}
		return fmt.Errorf("%w at byte %d; convert the file to UTF-8 (e.g. iconv -f windows-1252 -t utf-8)", ErrUTF8, off)
	}
	return nil
}

// extraction is the state of one Extract call.
type extraction struct {
	name     string
	src      []byte // the input
	text     string // the input as a string, sharing its bytes, for the string scanners
	lines    []line
	lastLine int // the last answer of lineAt

	organLineAt int // index of the "The General Assembly," line, -1 if none

	ownRaw   string // the document's own symbol as written, "" when unknown
	own      string // canonical
	ownKey   string
	aliasKey string // another symbol of the document itself: "[S/3509]" under an old SC title
	organ    string // issuing body of the document
	title    string
	titleKey string
	date     string

	session   int     // General Assembly session of the document, 0 when unknown
	lastList  listEnd // the last list of numbers read, for rule 4
	nSymbols  int     // x.refs[:nSymbols] are the written symbols, in text order
	paras     []paragraph
	supers    []superMarker // Markdown footnote markers, nil in raw text
	footnotes []footnote
	refs      []Reference
	words     []string // the buffer of fields
}

func (x *extraction) document() *Document {
	d := &Document{File: x.name, Symbol: x.detach(x.own), Title: x.detach(x.title), Date: x.detach(x.date), Body: x.detach(x.organ)}
	// Sort an index, not the references themselves: they are large, and
	// each stage appended its own in text order already.
	order := make([]int32, len(x.refs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(i, j int32) int {
		a, b := &x.refs[i], &x.refs[j]
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		if a.End != b.End {
			return a.End - b.End
		}
		return strings.Compare(a.Target, b.Target)
	})
	d.References = make([]Reference, 0, len(order))
	for _, i := range order {
		r := &x.refs[i]
		if n := len(d.References); n > 0 {
			if p := &d.References[n-1]; p.Start == r.Start && p.End == r.End && p.Target == r.Target {
				continue
			}
		}
		d.References = append(d.References, *r)
		c := &d.References[len(d.References)-1]
		c.Target, c.Raw, c.Kind = x.detach(c.Target), x.detach(c.Raw), Kind(x.detach(string(c.Kind)))
		c.Body, c.Relation, c.Paragraph, c.Pinpoint = x.detach(c.Body), x.detach(c.Relation), x.detach(c.Paragraph), x.detach(c.Pinpoint)
	}
	if d.References == nil {
		d.References = []Reference{}
	}
	return d
}

// detach returns s, copied when it points into the input: the Document
// must not hold on to the caller's buffer, which it may reuse.
func (x *extraction) detach(s string) string {
	if s == "" {
		return s
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	lo := uintptr(unsafe.Pointer(unsafe.SliceData(x.src)))
	if p-lo < uintptr(len(x.src)) {
		return strings.Clone(s)
	}
	return s
}

// sameKey reports keyOf(s) == key without allocating.
func sameKey(s, key string) bool {
	k := 0
	for i := 0; i < len(s); i++ {
		if w := keySkip(s, i); w > 0 {
			i += w - 1
			continue
		}
		if k >= len(key) || key[k] != upperASCII(s[i]) {
			return false
		}
		k++
	}
	return k == len(key)
}

// keyOf is the comparison key of a symbol: upper case, no white space.
func keyOf(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if w := keySkip(s, i); w > 0 {
			i += w - 1
			continue
		}
		b = append(b, upperASCII(s[i]))
	}
	return string(b)
}

// keySkip returns how many bytes at s[i] a comparison key leaves out (white
// space, a no-break space, a Markdown escape), or 0.
func keySkip(s string, i int) int {
	switch c := s[i]; {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\\':
		return 1
	case c == 0xc2 && i+1 < len(s) && s[i+1] == 0xa0:
		return 2
	}
	return 0
}

func upperASCII(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

var (
	reAdopted  = regexp.MustCompile(`(?:[Aa]dopted|ADOPTED)\s+(?:by|BY)\s+(?:the|THE)\s+([A-Z][A-Za-z ]+?)\s+(?:at\s+its\s+[^,\n]+,\s+)?[Oo]n\s+(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})`)
	reDateLine = regexp.MustCompile(`^(?:of\s+)?(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})$`)
	reSCTitle  = regexp.MustCompile(`^(?i:resolution)\s+(\d{1,4})\s*\((\d{4})\)$`)
	// "10 (1946). Resolution of 4 November 1946 [S/3128]" in older texts.
	reSCOld      = regexp.MustCompile(`^(\d{1,4})\s*\((\d{4})\)\.?\s*Resolution\s+of\s+(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})\s*(?:[\[(](S/[^\])]+)[\])])?`)
	reOwnSession = regexp.MustCompile(`^A/(?:RES/|DEC/|C\.\d/)?(\d{2,3})/`)
	reOfDate     = regexp.MustCompile(`\bof\s+(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})\b`)
	reSCHead     = regexp.MustCompile(`^(?i:resolution\s+\d{1,4}\s*\(\d{4}\)|\d{1,4}\s*\(\d{4}\)\.?\s*Resolution\s+of|adopted\s+by\s+the)`)
)

var months = map[string]string{
	"January": "01", "February": "02", "March": "03", "April": "04", "May": "05", "June": "06",
	"July": "07", "August": "08", "September": "09", "October": "10", "November": "11", "December": "12",
}

func isoDate(day, month, year string) string {
	m, ok := months[month]
	if !ok {
		return ""
	}
	if len(day) == 1 {
		day = "0" + day
	}
	return year + "-" + m + "-" + day
}

// meta finds the document's own symbol, title, date and issuing body: from
// Markdown front matter, the header, the title line or, last, the file name.
func (x *extraction) meta() {
	src := x.text
	head := len(x.lines)
	organLineAt := -1
	defer func() { x.organLineAt = organLineAt }()
	for i, l := range x.lines {
		if i > 400 {
			break
		}
		if o, ok := organLine(l.text(src)); ok {
			organLineAt = i
			head = i
			if x.organ == "" {
				x.organ = o
			}
			break
		}
	}
	if head > 80 {
		head = 80
	}
	// Front matter.
	if strings.HasPrefix(src, "---\n") {
		if end := strings.Index(src[4:], "\n---"); end >= 0 {
			for _, fl := range strings.Split(src[4:4+end], "\n") {
				k, v, ok := strings.Cut(fl, ":")
				if !ok {
					continue
				}
				v = strings.Trim(trimSpace(v), `"'`)
				switch strings.ToLower(trimSpace(k)) {
				case "symbol":
					x.ownRaw = v
				case "title":
					x.title = v
				case "date":
					x.date = v
				case "body":
					x.organ = v
				}
			}
		}
	}
	var ownNum string
	for i := 0; i < head && i < len(x.lines); i++ {
		t := x.lines[i].text(x.text)
		if t == "" {
			continue
		}
		if x.ownRaw == "" && symbol.Match(t) == len(t) {
			if _, err := symbol.Parse(t); err == nil {
				x.ownRaw = t
				continue
			}
		}
		if i < 6 && len(t) > 4 && (t[0] == '[' || t[0] == '(') && (t[len(t)-1] == ']' || t[len(t)-1] == ')') && symbol.Match(t[1:len(t)-1]) == len(t)-2 {
			// Old Security Council texts give, under the title, the
			// symbol the resolution was issued under: "[S/3509]".
			x.aliasKey = keyOf(t[1 : len(t)-1])
			continue
		}
		if x.ownRaw == "" && t[0] >= '0' && t[0] <= '9' && x.scHeading(t) {
			continue
		}
		if x.ownRaw == "" && (strings.HasPrefix(t, "Resolution ") || strings.HasPrefix(t, "RESOLUTION ")) {
			m := reSCTitle.FindStringSubmatch(t)
			if m == nil {
				continue
			}
			x.ownRaw = "S/RES/" + m[1] + "(" + m[2] + ")"
			if x.organ == "" {
				x.organ = symbol.SC
			}
			if i+1 < len(x.lines) && x.date == "" {
				n := x.lines[i+1].text(x.text)
				if d := reDateLine.FindStringSubmatch(n); d != nil {
					x.date = isoDate(d[1], d[2], d[3])
				}
			}
			continue
		}
		if ownNum == "" { // the title line "79/166. Title"
			if num, _, ok := ownNumber(t); ok {
				ownNum = num
			}
		}
		if x.date == "" && strings.HasPrefix(t, "Distr.") {
			for j := i + 1; j < i+4 && j < len(x.lines); j++ {
				n := x.lines[j].text(x.text)
				if d := reDateLine.FindStringSubmatch(n); d != nil {
					x.date = isoDate(d[1], d[2], d[3])
					break
				}
			}
		}
	}
	headText := src[:min(len(src), x.lineEnd(head))]
	if i := strings.Index(headText, "dopted by"); i >= 0 {
		headText = headText[max(0, i-1):min(len(headText), i+200)]
	} else {
		headText = ""
	}
	if m := reAdopted.FindStringSubmatch(headText); m != nil {
		x.date = isoDate(m[2], m[3], m[4])
		if o, ok := bodyPhrases[strings.TrimSpace(m[1])]; ok && o != foreign && x.organ == "" {
			x.organ = o
		}
	}
	// Security Council resolutions carry no title line: their title comes
	// from a catalogue. Older texts give the date in the heading.
	if x.organ == symbol.SC && x.date == "" {
		for i := 0; i < head && i < 8; i++ {
			if m := reOfDate.FindStringSubmatch(x.lines[i].text(x.text)); m != nil {
				x.date = isoDate(m[1], m[2], m[3])
				break
			}
		}
	}
	// Title: the last block of text before "The General Assembly,".
	if x.title == "" && organLineAt > 0 && x.organ != symbol.SC {
		end := organLineAt - 1
		for end >= 0 && x.lines[end].text(x.text) == "" {
			end--
		}
		start := end
		for start > 0 && x.lines[start-1].text(x.text) != "" {
			start--
		}
		if end >= 0 && end-start < 8 {
			var parts []string
			for i := start; i <= end; i++ {
				parts = append(parts, x.lines[i].text(x.text))
			}
			t := strings.Join(parts, " ")
			if _, rest, ok := ownNumber(t); ok {
				t = rest
			}
			t = strings.Trim(t, "*_ ")
			if !strings.HasPrefix(t, "[") && !strings.Contains(t, "adopted by") && !strings.HasSuffix(t, ":") && !scHeading(t) {
				x.title = strings.Join(strings.Fields(t), " ")
			}
		}
	}
	if x.ownRaw == "" && ownNum != "" {
		switch x.organ {
		case symbol.HRC:
			x.ownRaw = "A/HRC/RES/" + ownNum
		case "", symbol.GA:
			x.ownRaw = "A/RES/" + ownNum
		}
	}
	if x.ownRaw == "" {
		base := filepath.Base(x.name)
		base = strings.TrimSuffix(base, filepath.Ext(base))
		cand := strings.ReplaceAll(base, "_", "/")
		if symbol.Match(cand) == len(cand) {
			x.ownRaw = cand
		}
	}
	if x.ownRaw != "" {
		if s, err := symbol.Parse(x.ownRaw); err == nil {
			x.own = s.String()
			if x.organ == "" {
				x.organ = s.Body()
			}
		} else {
			x.own = strings.Join(strings.Fields(x.ownRaw), "")
		}
		x.ownKey = keyOf(x.own)
		if m := reOwnSession.FindStringSubmatch(x.ownKey); m != nil {
			x.session = atoi(m[1])
		}
	}
	x.titleKey = keyOf(x.title)
}

// scHeading reads an older Security Council heading, "10 (1946).
// Resolution of 4 November 1946 [S/3128]": the symbol, date and the
// document symbol the resolution was issued under.
func (x *extraction) scHeading(t string) bool {
	m := reSCOld.FindStringSubmatch(t)
	if m == nil {
		return false
	}
	x.ownRaw = "S/RES/" + m[1] + "(" + m[2] + ")"
	if x.organ == "" {
		x.organ = symbol.SC
	}
	if x.date == "" {
		x.date = isoDate(m[3], m[4], m[5])
	}
	if m[6] != "" {
		x.aliasKey = keyOf(m[6])
	}
	return true
}

// ownNumber reads the number that opens a resolution's title line, "79/166.
// Title" (also "**79/166.** Title", "S-26/2. Title", "ES-11/1. Title"): the
// number and the title after it.
func ownNumber(t string) (num, rest string, ok bool) {
	i := skipRESpace(t, 0)
	for i < len(t) && t[i] == '*' {
		i++
	}
	s := i
	if strings.HasPrefix(t[i:], "ES-") {
		i += 3
	} else if strings.HasPrefix(t[i:], "S-") {
		i += 2
	}
	for k := 0; k < 2; k++ { // session/number
		d := digitsAt(t, i)
		if d < 1 || d > 4 {
			return "", "", false
		}
		i += d
		if k == 0 {
			if i >= len(t) || t[i] != '/' {
				return "", "", false
			}
			i++
		}
	}
	num = t[s:i]
	if i >= len(t) || t[i] != '.' {
		return "", "", false
	}
	i++
	for i < len(t) && t[i] == '*' {
		i++
	}
	j := skipRESpace(t, i)
	if j == i || strings.IndexByte(t[j:], '\n') >= 0 {
		return "", "", false
	}
	return num, t[j:], true
}

// skipRESpace skips what \s matches in a regular expression: tab, line
// feed, form feed, carriage return and space.
func skipRESpace(t string, i int) int {
	for i < len(t) && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\f' || t[i] == '\r') {
		i++
	}
	return i
}

// scHeading is reSCHead.MatchString, asked only of text that begins as
// the pattern does: a regular expression costs more than the title test.
func scHeading(t string) bool {
	if t == "" {
		return false
	}
	if c := t[0]; c != 'r' && c != 'R' && c != 'a' && (c < '0' || c > '9') {
		return false
	}
	return reSCHead.MatchString(t)
}

func (x *extraction) lineEnd(i int) int {
	if i >= len(x.lines) {
		return len(x.text)
	}
	return x.lines[i].end
}

// add records a reference found at [start, end).
func (x *extraction) add(r Reference) {
	if r.Target == "" || sameKey(r.Target, x.ownKey) || x.aliasKey != "" && sameKey(r.Target, x.aliasKey) {
		return
	}
	r.Raw = x.text[r.Start:r.End]
	li := x.lineAt(r.Start)
	r.Line = li + 1
	switch x.lines[li].kind {
	case lineFootnote, lineFootCont:
		n := int(x.lines[li].fn)
		r.Footnote = n
		r.Paragraph = label("FN", n)
		for _, f := range x.footnotes {
			if f.n == n && f.para >= 0 {
				r.Relation = x.relation(f.para)
				break
			}
		}
	case lineText:
		if p := x.paraAt(r.Start); p >= 0 {
			r.Paragraph = x.paras[p].label
			r.Relation = x.relation(p)
		}
	default:
		return // page furniture
	}
	x.refs = append(x.refs, r)
}

// clauseStart returns where the paragraph or footnote holding p starts.
func (x *extraction) clauseStart(p int) int {
	li := x.lineAt(p)
	switch x.lines[li].kind {
	case lineFootnote, lineFootCont:
		for li > 0 && x.lines[li].kind == lineFootCont {
			li--
		}
		return x.lines[li].start
	}
	if i := x.paraAt(p); i >= 0 {
		return x.paras[i].start
	}
	return max(0, p-300)
}

// pageBreaks returns the spans of page furniture and footnote blocks that
// stand between two lines of running text, for names broken across a page.
func (x *extraction) pageBreaks() []instrument.Gap {
	var gaps []instrument.Gap
	start := -1
	seenText := false
	for i := range x.lines {
		l := &x.lines[i]
		switch l.kind {
		case lineText:
			if start >= 0 && seenText {
				gaps = append(gaps, instrument.Gap{Start: start, End: l.start})
			}
			start, seenText = -1, true
		case lineBlank:
		default:
			if start < 0 {
				start = l.start
			}
		}
	}
	return gaps
}

// find runs the find and resolve stages over the whole text.
func (x *extraction) find() {
	x.findSymbols()
	x.nSymbols = len(x.refs)
	x.findNumbers()
	x.findTreaties()
	x.findIbid()
	for _, m := range instrument.FindAcross(x.src, x.date, x.pageBreaks()) {
		x.add(Reference{Target: m.Instrument.Target, Start: m.Start, End: m.End, Kind: KindInstrument, Body: m.Instrument.Body})
	}
}
