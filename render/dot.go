package render

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

// Label layout: titles are wrapped to titleWidth characters on at most
// titleLines lines; the full title is in the tooltip.
const (
	titleWidth   = 28
	titleLines   = 3
	tooltipRunes = 2000
	moreListed   = 25 // symbols named in the tooltip of a "+N more" node
	docsBaseURL  = "https://undocs.org/"
)

// DOT returns the lineage as Graphviz DOT; see WriteDOT.
func DOT(l *Lineage) []byte {
	var buf bytes.Buffer
	_ = WriteDOT(&buf, l) // a bytes.Buffer does not fail
	return buf.Bytes()
}

// DocURL returns the address of a document's official text.
func DocURL(symbol string) string {
	parts := strings.Split(symbol, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return docsBaseURL + strings.Join(parts, "/")
}

// WriteDOT writes the lineage as Graphviz DOT: time runs down the page, one
// row per year with the year on an axis at the left, each document labelled
// with its symbol, short title and year and linked to its text, coloured
// and shaped by issuing body, citations styled by relation, the focus
// outlined twice, and a legend listing only what the drawing shows.
//
// The output depends only on the lineage: the same lineage gives the same
// bytes.
func WriteDOT(w io.Writer, l *Lineage) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	what := "what it cites"
	if l.Down {
		what = "what cites it"
	}
	steps := "all citation steps"
	if l.Depth > 0 {
		steps = plural(l.Depth, "citation step", "citation steps")
	}
	caption := fmt.Sprintf("Lineage of %s: %s, %s — %s", l.Focus, what, steps, plural(len(l.Nodes), "document", "documents"))
	if n := hiddenCount(l); n > 0 {
		caption += fmt.Sprintf(" (%d more not drawn)", n)
	}
	if l.Reduced > 0 {
		caption += fmt.Sprintf("; %s implied by others not drawn", plural(l.Reduced, "citation", "citations"))
	}

	p("digraph lineage {\n")
	p("\tgraph [rankdir=TB, newrank=true, ranksep=0.45, nodesep=0.3, fontname=\"Helvetica\", fontsize=12, labelloc=t, label=%s, tooltip=%s];\n",
		quote(caption), quoteTip(caption))
	p("\tnode [fontname=\"Helvetica\", fontsize=10, margin=\"0.12,0.06\", penwidth=1.2];\n")
	p("\tedge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n")

	// The year axis: one plain label per year, chained by invisible edges
	// so that the rows keep their order.
	type row struct {
		key   string
		label string
		docs  []Doc
	}
	var rows []row
	for _, d := range l.Nodes {
		key, label := "undated", "undated"
		if d.TimeYear != 0 {
			key, label = strconv.Itoa(d.TimeYear), strconv.Itoa(d.TimeYear)
		}
		if len(rows) == 0 || rows[len(rows)-1].key != key {
			rows = append(rows, row{key: key, label: label})
		}
		rows[len(rows)-1].docs = append(rows[len(rows)-1].docs, d)
	}
	p("\n\t// Timeline: one row per year, oldest at the top.\n")
	p("\tsubgraph axis {\n\t\tnode [shape=plaintext, fontsize=11, fontcolor=\"#555555\", margin=\"0,0\"];\n\t\tedge [style=invis];\n")
	for _, r := range rows {
		p("\t\t%s [label=%s, tooltip=%s];\n", quote("year:"+r.key), quote(r.label), quote(r.label))
	}
	if len(rows) > 1 {
		p("\t\t")
		for i, r := range rows {
			if i > 0 {
				p(" -> ")
			}
			p("%s", quote("year:"+r.key))
		}
		p(";\n")
	}
	p("\t}\n")

	// A "+N more" box (documents left out by MaxNodes) is declared right
	// after its parent and hangs below it, outside the rows of years (in
	// the parent's row, Graphviz puts it at the far end of the row).
	moreOf := map[string]More{}
	for _, m := range l.More {
		moreOf[m.Parent] = m
	}
	p("\n\t// Documents.\n")
	for _, d := range l.Nodes {
		writeDoc(p, d)
		if m, ok := moreOf[d.ID]; ok {
			writeMore(p, m, l.Down)
		}
	}
	for _, r := range rows {
		p("\t{rank=same; %s;", quote("year:"+r.key))
		for _, d := range r.docs {
			p(" %s;", quote(d.ID))
		}
		p("}\n")
	}

	p("\n\t// Citations: an arrow from the citing document to the cited one.\n")
	for _, e := range l.Edges {
		s := relationOf(e.Relations)
		rel := "cites"
		if len(e.Relations) > 0 {
			rel = strings.Join(e.Relations, ", ")
		}
		tip := fmt.Sprintf("%s → %s: %s (%s)", e.From, e.To, rel, plural(e.Count, "mention", "mentions"))
		p("\t%s -> %s [style=%s, color=%s, penwidth=%s, tooltip=%s];\n",
			quote(e.From), quote(e.To), s.style, quote(s.color), s.width, quoteTip(tip))
	}

	writeLegend(p, l)
	p("}\n")
	return bw.Flush()
}

// isDocument tells documents that are not resolutions or decisions
// (reports, records, letters: kinds symbol and official-records); they are
// drawn as notes in their body's colours.
func isDocument(d Doc) bool {
	return d.Kind == string(extract.KindSymbol) || d.Kind == string(extract.KindOfficialRecords)
}

// docShape returns the shape and style of a document.
func docShape(d Doc, s *bodyStyle) (shape, style string) {
	if isDocument(d) && s.shape == "box" {
		return "note", strings.ReplaceAll(strings.ReplaceAll(s.style, "rounded,", ""), ",dashed", "")
	}
	return s.shape, s.style
}

// writeMore writes a "+N more" box and its link to its parent.
func writeMore(p func(string, ...any), m More, down bool) {
	id := quote("more:" + m.Parent)
	list := m.Hidden
	tail := ""
	if len(list) > moreListed {
		list, tail = list[:moreListed], ", …"
	}
	tip := fmt.Sprintf("%s not drawn: %s%s", plural(len(m.Hidden), "document", "documents"), strings.Join(list, ", "), tail)
	p("\t%s [label=%s, tooltip=%s, shape=box, style=\"rounded,dashed\", color=\"#777777\", fontcolor=\"#444444\"];\n",
		id, quote(fmt.Sprintf("+%d more", len(m.Hidden))), quoteTip(tip))
	if down {
		p("\t%s -> %s [style=dashed, color=\"#777777\", arrowhead=none];\n", id, quote(m.Parent))
	} else {
		p("\t%s -> %s [style=dashed, color=\"#777777\", arrowhead=none];\n", quote(m.Parent), id)
	}
}

func writeDoc(p func(string, ...any), d Doc) {
	s := styleOf(d.Body)
	shape, style := docShape(d, s)
	lines := []string{esc(d.ID)}
	for _, t := range wrap(d.Title, titleWidth, titleLines) {
		lines = append(lines, esc(t))
	}
	if d.TimeYear != 0 {
		y := strconv.Itoa(d.TimeYear)
		if d.YearInferred {
			y = "c. " + y
		}
		lines = append(lines, y)
	}
	tip := d.ID
	if t := clean(d.Title); t != "" {
		tip += ": " + truncate(t, tooltipRunes)
	}
	if d.Date != "" {
		tip += " (" + d.Date + ")"
	}
	extra := ""
	if d.Focus {
		extra = ", peripheries=2, penwidth=2.4, color=\"#000000\""
	} else {
		extra = fmt.Sprintf(", color=%s", quote(s.line))
	}
	p("\t%s [label=\"%s\", tooltip=%s, URL=%s, target=\"_blank\", shape=%s, style=%s, fillcolor=%s%s];\n",
		quote(d.ID), strings.Join(lines, `\n`), quoteTip(tip), quote(DocURL(d.ID)), shape, quote(style), quote(s.fill), extra)
}

// writeLegend draws a cluster listing the bodies and relations the drawing
// actually shows, and nothing else.
func writeLegend(p func(string, ...any), l *Lineage) {
	// Bodies, grouped by style, in the order of bodyStyleList.
	codes := map[*bodyStyle][]string{}
	resolutions := map[*bodyStyle]bool{} // some are drawn in the body's own shape
	for _, d := range l.Nodes {
		s := styleOf(d.Body)
		if !isDocument(d) {
			resolutions[s] = true
		}
		code := strings.ToUpper(d.Body)
		if code == "" {
			code = "unknown"
		}
		if !slices.Contains(codes[s], code) {
			codes[s] = append(codes[s], code)
		}
	}
	// Relations, grouped by appearance.
	type relEntry struct {
		s     relStyle
		names []string
	}
	var rels []relEntry
	for _, e := range l.Edges {
		s := relationOf(e.Relations)
		names := []string{s.name}
		if s == otherRel {
			names = nil
			for _, r := range e.Relations {
				names = append(names, normRelation(r))
			}
			if len(names) == 0 {
				names = []string{"unspecified"}
			}
		}
		k := slices.IndexFunc(rels, func(r relEntry) bool {
			return r.s.style == s.style && r.s.color == s.color && r.s.width == s.width
		})
		if k < 0 {
			rels = append(rels, relEntry{s: s})
			k = len(rels) - 1
		}
		for _, n := range names {
			if !slices.Contains(rels[k].names, n) {
				rels[k].names = append(rels[k].names, n)
			}
		}
	}
	slices.SortStableFunc(rels, func(a, b relEntry) int { return cmp.Compare(relRank(a.s), relRank(b.s)) })
	circa := slices.IndexFunc(l.Nodes, func(d Doc) bool { return d.YearInferred })

	p("\n\t// Legend: only what is drawn above.\n")
	p("\tsubgraph cluster_legend {\n")
	p("\t\tgraph [label=\"Legend\", fontsize=11, style=\"rounded\", color=\"#999999\", tooltip=\"Legend\"];\n")
	p("\t\tnode [fontsize=9, margin=\"0.08,0.03\"];\n")
	var chain []string
	for _, s := range bodyStyleList {
		cs := codes[s]
		if len(cs) == 0 {
			continue
		}
		slices.Sort(cs)
		id := quote("legend:" + s.group)
		label := s.group + " (" + strings.Join(cs, ", ") + ")"
		shape, style := s.shape, s.style
		if !resolutions[s] { // only its reports are drawn: show them
			shape, style = docShape(Doc{Node: graph.Node{Kind: string(extract.KindSymbol)}}, s)
		}
		p("\t\t%s [label=%s, tooltip=%s, shape=%s, style=%s, fillcolor=%s, color=%s];\n",
			id, quote(label), quote(label), shape, quote(style), quote(s.fill), quote(s.line))
		chain = append(chain, id)
	}
	if slices.ContainsFunc(l.Nodes, func(d Doc) bool { return isDocument(d) && styleOf(d.Body).shape == "box" }) {
		id := quote("legend:document")
		p("\t\t%s [label=\"report or other document\", tooltip=\"a document that is not a resolution or decision, in its body's colours\", shape=note, style=filled, fillcolor=\"#ffffff\", color=\"#555555\"];\n", id)
		chain = append(chain, id)
	}
	focus := quote("legend:focus")
	p("\t\t%s [label=\"focus document\", tooltip=\"focus document\", shape=box, style=\"rounded\", peripheries=2, penwidth=2.4];\n", focus)
	chain = append(chain, focus)
	if len(l.More) > 0 {
		id := quote("legend:more")
		p("\t\t%s [label=\"+N more: documents not drawn\", tooltip=\"documents left out to keep the drawing readable\", shape=box, style=\"rounded,dashed\", color=\"#777777\", fontcolor=\"#444444\"];\n", id)
		chain = append(chain, id)
	}
	if circa >= 0 {
		id := quote("legend:circa")
		p("\t\t%s [label=\"c. %d: year estimated from the session\", tooltip=\"year estimated from the session in the symbol\", shape=plaintext];\n", id, l.Nodes[circa].TimeYear)
		chain = append(chain, id)
	}
	for k, r := range rels {
		a, b := quote(fmt.Sprintf("legend:rel%d:a", k)), quote(fmt.Sprintf("legend:rel%d:b", k))
		name := strings.Join(r.names, ", ")
		p("\t\t%s [label=%s, tooltip=%s, shape=plaintext, fontsize=9];\n", a, quote(name), quote(name))
		p("\t\t%s [label=\"\", shape=point, width=0.05, color=%s];\n", b, quote(r.s.color))
		p("\t\t{rank=same; %s; %s;}\n", a, b)
		p("\t\t%s -> %s [style=%s, color=%s, penwidth=%s, minlen=2, tooltip=%s];\n", a, b, r.s.style, quote(r.s.color), r.s.width, quote(name))
		chain = append(chain, a)
	}
	for i := 1; i < len(chain); i++ {
		p("\t\t%s -> %s [style=invis];\n", chain[i-1], chain[i])
	}
	p("\t}\n")
}

func relRank(s relStyle) int {
	if k := slices.Index(relStyles, s); k >= 0 {
		return k
	}
	return len(relStyles)
}

func hiddenCount(l *Lineage) int {
	seen := map[string]bool{}
	for _, m := range l.More {
		for _, h := range m.Hidden {
			seen[h] = true
		}
	}
	return len(seen)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// quote returns s as a DOT quoted string, escaped (see esc).
func quote(s string) string { return `"` + esc(s) + `"` }

// quoteTip quotes a tooltip. Graphviz unescapes tooltips twice (and
// replaces \N, \G ... in between), so a backslash is written as four.
func quoteTip(s string) string {
	return `"` + strings.ReplaceAll(esc(s), `\\`, `\\\\`) + `"`
}

// esc escapes s for the inside of a DOT quoted string that Graphviz also
// reads as an escString and through HTML entities: quotes and backslashes
// are escaped, '&' is written as an entity so that it shows as itself,
// white space runs (newlines included) become one space, and control
// characters and invalid UTF-8 are dropped. '<' and '>' need no escaping in
// a quoted string: Graphviz escapes them in the SVG.
func esc(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				continue
			}
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// clean folds white space and drops control characters and invalid UTF-8.
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToValidUTF8(s, ""), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}

// truncate cuts s to at most n runes, ending in "…" when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRightFunc(string(r[:n-1]), unicode.IsSpace) + "…"
}

// wrap breaks s into lines of at most width runes, at spaces where it can,
// and keeps at most lines of them, the last ending in "…" when s is longer.
func wrap(s string, width, lines int) []string {
	words := strings.Fields(clean(s))
	var out []string
	cur := []rune{}
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	cut := false
	for _, w := range words {
		rw := []rune(w)
		for len(rw) > width { // a word longer than a line is split
			if len(cur) > 0 {
				flush()
			}
			out = append(out, string(rw[:width]))
			rw = rw[width:]
		}
		if len(cur) > 0 && len(cur)+1+len(rw) > width {
			flush()
		}
		if len(cur) > 0 {
			cur = append(cur, ' ')
		}
		cur = append(cur, rw...)
		if len(out) > lines {
			cut = true
			break
		}
	}
	flush()
	if len(out) > lines {
		out, cut = out[:lines], true
	}
	if cut {
		last := []rune(out[lines-1])
		if len(last) >= width {
			last = last[:width-1]
		}
		out[lines-1] = strings.TrimRightFunc(string(last), unicode.IsSpace) + "…"
	}
	return out
}
