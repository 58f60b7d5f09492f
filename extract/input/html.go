package input

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// HTML becomes plain text with one line per paragraph and a blank line
// between paragraphs. Footnotes become Markdown footnotes: a marker
// (<sup>3</sup>, <a href="#fn3">3</a>, Word's <a href="#_ftn3">[3]</a>)
// is written "[^3]", and a footnote (an element whose id is fn3, ftn3,
// footnote-3 ..., or an item of a list of footnotes) is written on its own
// line as "[^3]: text".

var (
	noteIDRe     = regexp.MustCompile(`(?i)^_?(?:fn|ftn|footnote|foot|note|endnote|edn)[-_:]?(\d{1,4})$`)
	noteRefRe    = regexp.MustCompile(`(?i)^#_?(?:fn|ftn|footnote|foot|note|endnote|edn)[-_:]?(\d{1,4})$`)
	backRefRe    = regexp.MustCompile(`(?i)^#_?(?:fnref|ftnref|footnote-ref|footnoteref|noteref|ednref|ref)[-_:]?\d*`)
	markerTextRe = regexp.MustCompile(`^[\[(]?(\d{1,4})[\])]?$`)
	spaceRe      = regexp.MustCompile(`[ \t\r\n\f\v\x{00A0}]+`)
)

func decodeHTML(name string, src []byte) ([]byte, error) {
	r, err := charset.NewReader(bytes.NewReader(src), "text/html")
	if err != nil {
		return nil, fmt.Errorf("input: %s: reading the HTML character set: %w", name, err)
	}
	doc, err := html.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("input: %s: parsing HTML: %w", name, err)
	}
	w := &htmlWriter{}
	w.node(doc, false)
	w.block()
	for _, n := range w.notes {
		w.b.WriteString(n)
	}
	out := bytes.TrimSpace([]byte(w.b.String()))
	if len(out) == 0 {
		return nil, fmt.Errorf("input: %s: %w: the HTML page has no text", name, ErrEmpty)
	}
	return append(out, '\n'), nil
}

type htmlWriter struct {
	b     strings.Builder
	line  strings.Builder // the paragraph being written
	notes []string        // footnote definitions, written at the end
	label string          // list item number for the next paragraph
	pre   int
}

// block ends the current paragraph.
func (w *htmlWriter) block() {
	s := strings.TrimSpace(w.line.String())
	w.line.Reset()
	if s == "" {
		return
	}
	w.b.WriteString(w.label)
	w.label = ""
	w.b.WriteString(s)
	w.b.WriteString("\n\n")
}

func (w *htmlWriter) text(s string) {
	if w.pre == 0 {
		s = spaceRe.ReplaceAllString(s, " ")
		if strings.HasSuffix(w.line.String(), " ") || w.line.Len() == 0 {
			s = strings.TrimLeft(s, " ")
		}
	}
	w.line.WriteString(s)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(spaceRe.ReplaceAllString(b.String(), " "))
}

// marker returns the footnote number n is a marker of, or 0.
func marker(n *html.Node) int {
	if n.Type != html.ElementNode {
		return 0
	}
	switch n.DataAtom {
	case atom.Sup, atom.A:
	default:
		return 0
	}
	m := markerTextRe.FindStringSubmatch(textOf(n))
	if m == nil {
		return 0
	}
	num, _ := strconv.Atoi(m[1])
	if n.DataAtom == atom.A {
		href := attr(n, "href")
		if backRefRe.MatchString(href) {
			return 0 // a link back from a footnote to its marker
		}
		if !noteRefRe.MatchString(href) && !strings.Contains(strings.ToLower(attr(n, "class")), "footnote") {
			return 0
		}
	}
	return num
}

// isBackLink reports whether n is the label or return link inside a
// footnote ("1", "[1]", "↩").
func isBackLink(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if n.DataAtom == atom.A && backRefRe.MatchString(attr(n, "href")) {
		return true
	}
	return false
}

// noteNumber returns the number of the footnote n holds, or 0.
func noteNumber(n *html.Node, index int) int {
	if n.Type != html.ElementNode {
		return 0
	}
	if m := noteIDRe.FindStringSubmatch(attr(n, "id")); m != nil {
		num, _ := strconv.Atoi(m[1])
		return num
	}
	if n.DataAtom == atom.Li && index > 0 {
		return index
	}
	return 0
}

// inNotes reports whether n is a list of footnotes.
func inNotes(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		s := strings.ToLower(attr(p, "class") + " " + attr(p, "id") + " " + attr(p, "role"))
		if strings.Contains(s, "footnote") || strings.Contains(s, "endnote") || strings.Contains(s, "doc-endnotes") {
			return true
		}
	}
	return false
}

var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Tr: true,
	atom.Table: true, atom.Section: true, atom.Article: true, atom.Blockquote: true,
	atom.Pre: true, atom.Hr: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Figure: true, atom.Figcaption: true, atom.Main: true, atom.Address: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Nav: true, atom.Body: true,
}

func (w *htmlWriter) node(n *html.Node, inNote bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		w.children(n, inNote)
		return
	default:
		return
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Head, atom.Noscript, atom.Template, atom.Svg, atom.Math:
		return
	case atom.Br:
		if w.pre > 0 {
			w.line.WriteString("\n")
		} else {
			w.block()
		}
		return
	case atom.Td, atom.Th:
		w.text(" ")
		w.children(n, inNote)
		w.text(" ")
		return
	}
	if !inNote {
		if num := marker(n); num > 0 {
			w.line.WriteString("[^" + strconv.Itoa(num) + "]")
			return
		}
		if num := noteNumber(n, listIndex(n)); num > 0 && (n.DataAtom != atom.Li || inNotes(n)) {
			w.note(n, num)
			return
		}
	}
	block := blockAtoms[n.DataAtom]
	if block {
		w.block()
	}
	if n.DataAtom == atom.Li && n.Parent != nil && n.Parent.DataAtom == atom.Ol && !inNote {
		// numbered items keep their numbers: operative paragraphs "1.", "2."
		format := map[string]string{"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}[attr(n.Parent, "type")]
		if v, err := strconv.Atoi(attr(n, "value")); err == nil {
			w.label = formatNumber(v, format) + ". "
		} else {
			w.label = formatNumber(listIndex(n), format) + ". "
		}
	}
	if n.DataAtom == atom.Pre {
		w.pre++
		defer func() { w.pre-- }()
	}
	w.children(n, inNote)
	if block {
		w.block()
	}
}

func (w *htmlWriter) children(n *html.Node, inNote bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c, inNote)
	}
}

// note writes footnote num held by n as a Markdown definition.
func (w *htmlWriter) note(n *html.Node, num int) {
	sub := &htmlWriter{}
	first := true
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for ; c != nil; c = c.NextSibling {
			if isBackLink(c) || (first && c.Type == html.ElementNode && markerTextRe.MatchString(textOf(c)) && (c.DataAtom == atom.Sup || c.DataAtom == atom.A || c.DataAtom == atom.Span)) {
				first = false
				continue
			}
			if c.Type == html.TextNode && strings.TrimSpace(c.Data) == "↩" {
				continue
			}
			if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
				first = false
			}
			if c.Type == html.ElementNode && (c.DataAtom == atom.P || c.DataAtom == atom.Div) {
				walk(c.FirstChild)
				sub.text(" ")
				continue
			}
			sub.node(c, true)
		}
	}
	walk(n.FirstChild)
	s := strings.TrimSpace(sub.line.String() + " " + strings.ReplaceAll(sub.b.String(), "\n", " "))
	s = strings.TrimSpace(spaceRe.ReplaceAllString(strings.TrimSuffix(s, "↩"), " "))
	w.block()
	w.notes = append(w.notes, "[^"+strconv.Itoa(num)+"]: "+s+"\n")
}

// listIndex is the 1-based position of an <li> among its siblings.
func listIndex(n *html.Node) int {
	if n.DataAtom != atom.Li {
		return 0
	}
	i := 0
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Li {
			i++
		}
		if c == n {
			break
		}
	}
	if start, err := strconv.Atoi(attr(n.Parent, "start")); err == nil && start > 0 {
		i += start - 1
	}
	return i
}
