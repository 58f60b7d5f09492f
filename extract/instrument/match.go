package instrument

import (
	"bytes"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Match is one mention of a catalogued instrument.
type Match struct {
	Start, End int         // half-open byte span of the name as written, line breaks included
	Instrument *Instrument // points into the catalogue; do not modify
	// Bare is set for "the Charter" standing alone, which means the Charter
	// of the United Nations in General Assembly and Security Council texts
	// (the only kind this project reads) but could mean another charter in
	// a text that named one shortly before. Callers that know better may
	// drop bare matches.
	Bare bool
}

// Find returns every non-overlapping mention of a catalogued instrument in
// text, leftmost first and, at one start, the longest.
//
// Names are matched on raw PDF text: any run of white space (line breaks,
// blank lines, no-break and thin spaces) matches a space of the name; a
// hyphen at a line end inside a word is skipped ("Pro-\ngramme"); curly and
// straight apostrophes and quotes, and the hyphen and dash family, are
// equal. Capitalised words match exactly; a lower-case word of a name also
// matches with a capital first letter ("Convention on the Rights Of the
// Child" in a heading). A name must stand as a word: no letter may touch it
// on either side (digits after it are footnote markers and allowed).
//
// A mention that is part of a longer proper name is not a mention: a name
// followed on its line by a capitalised word ("Convention against Torture
// Initiative"), a short name followed by "on", "of", "for", ... and then a
// capitalised word or "the" ("Universal Declaration on Cultural Diversity",
// "Vienna Programme of Action on Science ..."), and the names listed in
// not-instruments.txt ("Vienna Convention on the Law of Treaties between
// States and International Organizations ...", "American Declaration on
// the Rights of Indigenous Peoples").
//
// (A capitalised word that goes on as a document symbol, a running header
// such as "A/RES/80/199" on the next line, does not count.)
//
// "the Charter" alone matches the Charter of the United Nations (Bare set)
// unless "of", or "on"/"for" and a capitalised word, follows it ("the
// Charter of Paris", "the Charter of the Organization of American States")
// or another named charter stands in the two paragraphs before it ("the
// Charter of the Nuremberg Tribunal ... the Charter and the Judgment");
// "African Charter", "Olympic Charter" and the like never match, for "the"
// must come right before. "the Covenants", "the Convention", "the Declaration" and other
// bare generic words are ambiguous and never match. Titles beginning "The"
// ("The future we want") match only right after an opening quote.
// Acronyms (UDHR, ICCPR, NPT, UNFCCC, ...) match as whole words and never
// inside a document symbol (NPT/CONF.2020/1). A name that begins in lower
// case ("outcome document of the Durban Review Conference") is found from
// its first capitalised word and then takes in the words before it.
func Find(text []byte) []Match {
	return defaultMatcher.find(text, nil)
}

// FindAsOf is Find without the instruments whose target document is
// later than date (YYYY-MM-DD, or YYYY to compare years), the citing
// document's date: a 1992 text that says "Paris Agreement" does not mean
// the one of 2015, and a text of 19 December 2024 "looking forward to the
// adoption" of a programme that a resolution adopted on 24 December cannot
// cite that resolution. An empty date drops nothing.
func FindAsOf(text []byte, date string) []Match {
	return defaultMatcher.find(text, asOf(date))
}

// asOf returns the filter of FindAsOf, nil when date is empty.
func asOf(date string) func(*Instrument) bool {
	switch {
	case len(date) >= 10:
		date = date[:10]
		return func(in *Instrument) bool { return in.Date <= date }
	case len(date) >= 4:
		year := date[:4]
		return func(in *Instrument) bool { return in.Date[:4] <= year }
	}
	return nil
}

var defaultMatcher *matcher

// form is one matchable spelling: an instrument's name or alias, the bare
// "Charter", or a blocker from not-instruments.txt (inst == nil).
type form struct {
	inst    *Instrument
	text    string // normalised (see norm)
	short   bool   // an alias: the continuation rule for short names applies
	acronym bool   // all capitals: whole word, not in a symbol
	bare    bool   // "Charter": needs "the" before, no of/on/for after
	quoted  bool   // begins "The ": needs an opening quote before
	// prefix holds the lower-case words a name begins with ("outcome
	// document of the" Durban Review Conference): the trie holds the name
	// from its first capitalised word, and the prefix must stand before it.
	prefix string
}

type edge struct {
	b  byte
	to int32
}

type node struct {
	edges     []edge
	form      int32 // 1 + index into forms of the form ending here, 0 none
	wordStart bool  // reached by a space: a lower-case letter here may be written capitalised
}

type matcher struct {
	forms []form
	nodes []node
	// pair maps the first two bytes of a form to the trie node after them
	// (0: no form begins so). Forms begin with two plain ASCII characters,
	// which raw text spells the same way.
	pair []int32
	// pairBits has bit pairIndex set where pair is not 0: a table small
	// enough to stay in the fastest cache, asked first.
	pairBits [1 << 14 / 64]uint64
	// cross knows the words a name can have before a page break it runs
	// on across.
	cross crossWords
}

func newMatcher(insts []Instrument, block []string) *matcher {
	m := &matcher{nodes: []node{{}}, pair: make([]int32, 1<<14)}
	for i := range insts {
		in := &insts[i]
		m.add(form{inst: in, text: norm(in.Name)})
		for _, a := range in.Aliases {
			m.add(form{inst: in, text: norm(a), short: true})
		}
		if in.Target == charterTarget {
			m.add(form{inst: in, text: "Charter", short: true, bare: true})
		}
	}
	for _, b := range block {
		m.add(form{text: norm(b)})
	}
	return m
}

const charterTarget = "UNTS/1/XVI"

func (m *matcher) add(f form) {
	if len(f.text) < 3 || !plain(f.text[0]) || !plain(f.text[1]) {
		panic("instrument: name " + f.text + " must begin with two letters or digits")
	}
	f.acronym = isAcronym(f.text)
	f.quoted = strings.HasPrefix(f.text, "The ")
	if c := f.text[0]; 'a' <= c && c <= 'z' {
		k := strings.IndexFunc(f.text, func(r rune) bool { return 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' })
		if k <= 0 || f.text[k-1] != ' ' {
			panic("instrument: name " + f.text + " has no capitalised word to anchor it")
		}
		f.prefix, f.text = f.text[:k-1], f.text[k:]
	}
	if !mayStart(f.text[0]) {
		panic("instrument: name " + f.text + " must begin with a capital letter or a year (see mayStart)")
	}
	n := int32(0)
	for i := 0; i < len(f.text); i++ {
		c := f.text[i]
		next := int32(-1)
		for _, e := range m.nodes[n].edges {
			if e.b == c {
				next = e.to
				break
			}
		}
		if next < 0 {
			next = int32(len(m.nodes))
			m.nodes = append(m.nodes, node{wordStart: c == ' '})
			m.nodes[n].edges = append(m.nodes[n].edges, edge{c, next})
		}
		n = next
	}
	if m.nodes[n].form != 0 {
		// The same spelling twice: the first row wins (a name that is also
		// another row's alias keeps its own row).
		return
	}
	m.forms = append(m.forms, f)
	m.nodes[n].form = int32(len(m.forms))
	m.cross.add(f.text)
	p := pairIndex(f.text[0], f.text[1])
	m.pair[p] = m.child(m.child(0, f.text[0]), f.text[1])
	m.pairBits[p>>6] |= 1 << (p & 63)
}

func plain(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' }

func isAcronym(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// norm is the normalised spelling of a catalogue name: white space runs
// become one space, curly quotes straight ones, dashes a hyphen.
func norm(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '\u2018' || r == '\u2019' || r == '\u02BC':
			r = '\''
		case r == '\u201C' || r == '\u201D':
			r = '"'
		case r == '\u2010' || r == '\u2011' || r == '\u2013' || r == '\u2014' || r == '\u2212':
			r = '-'
		case r == '\u00AD':
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Kinds of character at a text position, as the matcher sees them.
const (
	chSpace  = ' '
	chSoft   = 0x80 // soft hyphen: skipped
	chLetter = 0x81 // a non-ASCII letter (only for boundary tests)
	chOther  = 0x82 // a non-ASCII non-letter
	// Names are ASCII after norm, so no trie edge carries these three.
)

// at reads the text at i and returns the normalised byte and its width:
// white space → ' ', apostrophes → '\”, quotes → '"', dashes → '-', soft
// hyphen → chSoft; other non-ASCII runes → chLetter or chOther.
func at(text []byte, i int) (byte, int) {
	c := text[i]
	if c < 0x80 {
		switch c {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			return chSpace, 1
		}
		return c, 1
	}
	if c == 0xC2 && i+1 < len(text) {
		switch text[i+1] {
		case 0xA0:
			return chSpace, 2
		case 0xAD:
			return chSoft, 2
		}
	}
	if c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 {
		switch d := text[i+2]; {
		case d <= 0x8A || d == 0xAF:
			return chSpace, 3
		case d == 0x90 || d == 0x91 || d == 0x93 || d == 0x94:
			return '-', 3
		case d == 0x98 || d == 0x99:
			return '\'', 3
		case d == 0x9C || d == 0x9D:
			return '"', 3
		}
	}
	if c == 0xE2 && i+2 < len(text) && text[i+1] == 0x88 && text[i+2] == 0x92 {
		return '-', 3
	}
	r, w := utf8.DecodeRune(text[i:])
	if unicode.IsSpace(r) {
		return chSpace, w
	}
	if unicode.IsLetter(r) {
		return chLetter, w
	}
	return chOther, w
}

// before reads the rune ending at i (exclusive), normalised like at.
func before(text []byte, i int) (byte, int) {
	if i <= 0 {
		return chSpace, 0
	}
	if text[i-1] < 0x80 {
		return at(text, i-1)
	}
	_, w := utf8.DecodeLastRune(text[:i])
	return at(text, i-w)
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == chLetter
}

func isLetterByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == chLetter
}

// spaceRun returns the end of the white space starting at i and how many
// line breaks it holds.
func spaceRun(text []byte, i int) (int, int) {
	nl := 0
	for i < len(text) {
		switch text[i] {
		case '\n':
			nl++
			fallthrough
		case ' ', '\t', '\r', '\f', '\v':
			i++
			continue
		}
		if text[i] < 0x80 {
			break // at is not inlined: call it only for other runes
		}
		c, w := at(text, i)
		if c != chSpace {
			break
		}
		i += w
	}
	return i, nl
}

// spaceRunBefore returns the start of the white space that ends at i.
func spaceRunBefore(text []byte, i int) int {
	for i > 0 {
		c, w := before(text, i)
		if c != chSpace {
			break
		}
		i -= w
	}
	return i
}

func (m *matcher) child(n int32, c byte) int32 {
	for _, e := range m.nodes[n].edges {
		if e.b == c {
			return e.to
		}
	}
	if 'A' <= c && c <= 'Z' && m.nodes[n].wordStart {
		c += 'a' - 'A'
		for _, e := range m.nodes[n].edges {
			if e.b == c {
				return e.to
			}
		}
	}
	return -1
}

func (m *matcher) find(text []byte, keep func(*Instrument) bool) []Match {
	return m.findBefore(text, keep, len(text))
}

// findBefore is find for the names that begin before stop.
func (m *matcher) findBefore(text []byte, keep func(*Instrument) bool, stop int) []Match {
	var out []Match
	stop = min(stop, len(text)-1) // a name has at least two bytes
	i := 0
scan:
	for i < stop {
		base, mask := nextStarts(text, i)
		if mask == 0 {
			break
		}
		for ; mask != 0; mask &= mask - 1 {
			j := base + bits.TrailingZeros32(mask)
			if j >= stop {
				break scan
			}
			if end, ok := m.matchAt(text, j, keep, &out); ok {
				i = end
				continue scan
			}
		}
		i = base + 16
	}
	return out
}

// matchAt tries a name starting at text[i]. It reports whether one was
// found (and appended to out unless it is a blocker) and where it ends.
func (m *matcher) matchAt(text []byte, i int, keep func(*Instrument) bool, out *[]Match) (int, bool) {
	c, c1 := text[i], text[i+1]
	if c1 >= 0x80 {
		return 0, false
	}
	p := pairIndex(c, c1)
	if m.pairBits[p>>6]&(1<<(p&63)) == 0 {
		return 0, false
	}
	nd := m.pair[p]
	// Most candidates fail within the first word ("December" against
	// "Declaration", "2024" against "2030 Agenda"): walk its plain letters
	// and digits before the full, normalising walk.
	for k, next := i+2, nd; k < i+6 && k < len(text) && plainByte(text[k]) && m.nodes[next].form == 0; k++ {
		if next = m.child(next, text[k]); next < 0 {
			return 0, false
		}
	}
	if b, _ := before(text, i); isWordByte(b) {
		return 0, false
	}
	f, end := m.longestFrom(text, i, i+2, nd, keep)
	if end < 0 || f.bare && m.otherCharterBefore(text, i) {
		return 0, false
	}
	at := i
	if f.prefix != "" {
		at = prefixStart(text, i, f.prefix)
		if len(*out) > 0 && at < (*out)[len(*out)-1].End {
			return 0, false
		}
	}
	if f.inst != nil {
		*out = append(*out, Match{Start: at, End: end, Instrument: f.inst, Bare: f.bare})
	}
	return end, true
}

// plainByte reports a lower-case letter or a digit: bytes the trie walk
// takes as they are, with no folding or white-space handling.
func plainByte(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

// pairIndex is the index in matcher.pair of a form's first two bytes, both
// ASCII.
func pairIndex(c0, c1 byte) int { return int(c0&0x7f)<<7 | int(c1&0x7f) }

// longest walks the trie from text[start] and returns the longest form that
// matches there and passes its context rules, with its end; end < 0 when
// none does.
func (m *matcher) longest(text []byte, start int, keep func(*Instrument) bool) (*form, int) {
	return m.longestFrom(text, start, start, 0, keep)
}

// longestFrom is longest with the walk already at node nd and text[i].
func (m *matcher) longestFrom(text []byte, start, i int, nd int32, keep func(*Instrument) bool) (*form, int) {
	var best *form
	bestEnd := -1
	for {
		if fi := m.nodes[nd].form; fi != 0 {
			f := &m.forms[fi-1]
			if (f.inst == nil || keep == nil || keep(f.inst)) && m.accept(text, start, i, f) {
				best, bestEnd = f, i
			}
		}
		if i >= len(text) {
			break
		}
		c, w := text[i], 1
		if c <= ' ' || c >= 0x80 {
			c, w = at(text, i) // at is not inlined: call it only where it matters
		}
		switch c {
		case chSpace:
			next := m.child(nd, ' ')
			if next < 0 {
				return best, bestEnd
			}
			i, _ = spaceRun(text, i)
			nd = next
			continue
		case chSoft:
			// A soft hyphen, maybe at a line end: skip it and the break.
			j, nl := spaceRun(text, i+w)
			if nl > 0 {
				i = j
			} else {
				i += w
			}
			continue
		case '-':
			if next := m.child(nd, '-'); next >= 0 {
				nd, i = next, i+w
				// "Non-\nProliferation", "2015–\n2030": the line break
				// after a hyphen of the name is not a space of the name.
				if j, _ := spaceRun(text, i); j > i && m.child(nd, ' ') < 0 {
					i = j
				}
				continue
			}
			// A hyphen that breaks a word at a line end: "Pro-\ngramme".
			j, nl := spaceRun(text, i+w)
			if nl > 0 && j < len(text) && 'a' <= text[j] && text[j] <= 'z' && i > start && isLetterByte(text[i-1]) && m.child(nd, text[j]) >= 0 {
				i = j
				continue
			}
			return best, bestEnd
		}
		next := m.child(nd, c)
		if next < 0 {
			return best, bestEnd
		}
		nd, i = next, i+w
	}
	return best, bestEnd
}

// Words that, after a short name, begin a longer name: "Universal
// Declaration on Cultural Diversity", "the Charter of Paris".
var continuations = map[string]bool{
	"on": true, "of": true, "for": true, "between": true, "concerning": true,
	"relating": true, "against": true, "regarding": true,
}

// accept applies the boundary and context rules to form f matched at
// text[start:end].
func (m *matcher) accept(text []byte, start, end int, f *form) bool {
	// No letter may follow the name.
	if end < len(text) {
		c, _ := at(text, end)
		if isLetterByte(c) {
			return false
		}
		if f.acronym && (c == '/' || '0' <= c && c <= '9' || c == '-' || c == '.' && end+1 < len(text) && isWordByte(text[end+1])) {
			return false
		}
	}
	if f.acronym {
		if b, _ := before(text, start); b == '/' || b == '-' || b == '.' {
			return false
		}
	}
	if f.prefix != "" && prefixStart(text, start, f.prefix) < 0 {
		return false
	}
	if f.quoted {
		if b, _ := before(text, start); b != '"' && b != '\'' {
			return false
		}
	}
	if f.inst == nil {
		return true
	}
	w1, w1start, nl := nextWord(text, end)
	// A capitalised word on the same or the next line continues a longer
	// proper name ("Convention against Torture Initiative"); after a blank
	// line it is more likely a page header.
	if !f.acronym && w1 != "" && nl <= 1 && w1start > end && 'A' <= w1[0] && w1[0] <= 'Z' && !symbolAt(text, w1start+len(w1)) {
		return false
	}
	if f.bare {
		if !precededByThe(text, start) || w1 == "of" {
			return false // "the Charter of Paris", "the Charter of the Organization of American States"
		}
		if continuations[w1] {
			// "the Charter for a New Europe", but "the Charter for the
			// maintenance of ..." and "the Charter on efforts to ..."
			w2, _, _ := nextWord(text, w1start+len(w1))
			return w2 != "a" && w2 != "an" && (w2 == "" || w2[0] < 'A' || w2[0] > 'Z')
		}
		return true
	}
	if f.short && continuations[w1] {
		w2, _, _ := nextWord(text, w1start+len(w1))
		if w2 == "the" || w2 == "a" || w2 == "an" || w2 != "" && 'A' <= w2[0] && w2[0] <= 'Z' {
			return false
		}
	}
	return true
}

// nextWord returns the ASCII word after the white space at i, where it
// starts, and how many line breaks come before it. The word is "" when
// anything but white space and letters comes first.
func nextWord(text []byte, i int) (string, int, int) {
	j, nl := spaceRun(text, i)
	if j == i {
		return "", i, 0
	}
	k := j
	for k < len(text) && isLetterByte(text[k]) && text[k] < 0x80 {
		k++
	}
	return string(text[j:k]), j, nl
}

// prefixStart returns where the words of prefix begin when they stand, in
// order and separated by white space, right before text[start], or -1.
// The first letter of each word may be written capitalised.
func prefixStart(text []byte, start int, prefix string) int {
	i := start
	words := strings.Split(prefix, " ")
	for w := len(words) - 1; w >= 0; w-- {
		j := spaceRunBefore(text, i)
		if j == i {
			return -1
		}
		word := words[w]
		if j < len(word) {
			return -1
		}
		got := text[j-len(word) : j]
		if string(got[1:]) != word[1:] || got[0] != word[0] && got[0]+'a'-'A' != word[0] {
			return -1
		}
		i = j - len(word)
	}
	if b, _ := before(text, i); isWordByte(b) {
		return -1
	}
	return i
}

// symbolAt reports whether the word that ends at i goes on as a document
// symbol or number ("A/RES/78/67", "E.96.IV.13") rather than as a word:
// a running header after a name is not part of the name.
func symbolAt(text []byte, i int) bool {
	if i >= len(text) {
		return false
	}
	switch c := text[i]; {
	case c == '/' || '0' <= c && c <= '9':
		return true
	case c == '.':
		return i+1 < len(text) && isWordByte(text[i+1])
	}
	return false
}

// precededByThe reports whether "the" or "The" stands right before
// text[start], separated by white space.
func precededByThe(text []byte, start int) bool {
	i := spaceRunBefore(text, start)
	if i == start || i < 3 {
		return false
	}
	w := string(text[i-3 : i])
	if w != "the" && w != "The" {
		return false
	}
	b, _ := before(text, i-3)
	return !isWordByte(b)
}

// charterWindow is how far back, in bytes, a charter other than the UN
// Charter makes a later bare "the Charter" ambiguous: about two paragraphs.
const charterWindow = 1500

var charterWord = []byte("Charter")

// otherCharterBefore reports whether, within charterWindow bytes before
// start, the text names a charter that is not the UN Charter ("the Charter
// of the Nuremberg Tribunal, ... provisions of the Charter and the
// Judgment"): a bare "the Charter" at start may then mean that one. A
// charter is named by a capitalised word before it ("African Charter",
// "Community Charter") or by "of", or "on"/"for" and a capitalised word,
// after it; the UN Charter's own names do not count.
func (m *matcher) otherCharterBefore(text []byte, start int) bool {
	lo := max(0, start-charterWindow)
	for hi := start; ; {
		j := bytes.LastIndex(text[lo:hi], charterWord)
		if j < 0 {
			return false
		}
		p := lo + j
		hi = p
		e := p + len(charterWord)
		if e < len(text) {
			if c, _ := at(text, e); isLetterByte(c) {
				continue // Chartered
			}
		}
		if b, _ := before(text, p); isWordByte(b) {
			continue
		}
		if f, end := m.longest(text, p, nil); end > 0 && f.inst != nil && f.inst.Target == charterTarget {
			continue // "Charter of the United Nations", a UN bare "the Charter"
		}
		if w := wordBefore(text, p); w != "" && 'A' <= w[0] && w[0] <= 'Z' && w != "The" && w != "Nations" {
			return true
		}
		w1, w1start, _ := nextWord(text, e)
		if w1 == "of" {
			return true
		}
		if w1 == "on" || w1 == "for" {
			if w2, _, _ := nextWord(text, w1start+len(w1)); w2 != "" && 'A' <= w2[0] && w2[0] <= 'Z' {
				return true
			}
		}
	}
}

// wordBefore returns the ASCII word before the white space that ends at i.
func wordBefore(text []byte, i int) string {
	k := spaceRunBefore(text, i)
	if k == i {
		return ""
	}
	j := k
	for j > 0 && text[j-1] < 0x80 && isLetterByte(text[j-1]) {
		j--
	}
	return string(text[j:k])
}

// blockers reads not-instruments.txt: one name a line, # comments.
func blockers(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}
