package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

// edgesByIndex calls f for every edge of g in Edges order with the dense
// indexes of its ends, without a symbol lookup per edge: Edges is sorted by
// (From, To) and nodes by ID, so the edges leaving node i are the next
// len(Successors(i)) edges, in the order of Successors(i).
func edgesByIndex(g *graph.Graph, f func(e *graph.Edge, from, to int)) error {
	edges := g.Edges()
	pos := 0
	for i := range g.Len() {
		succ := g.Successors(i)
		for k, t := range succ {
			e := &edges[pos+k]
			if e.From != g.NodeAt(i).ID {
				return fmt.Errorf("export: edge %s -> %s out of order (graph index corrupt); rebuild the graph", e.From, e.To)
			}
			f(e, i, int(t))
		}
		pos += len(succ)
	}
	if pos != len(edges) {
		return fmt.Errorf("export: %d edges but %d reached from the nodes (graph index corrupt); rebuild the graph", len(edges), pos)
	}
	return nil
}

// gmlString writes s as a GML string. GML files are 7-bit ASCII (networkx
// refuses anything else), so the cleaned string is written with '"', '&',
// tab, line feed, carriage return and every non-ASCII character as XML
// character references (&quot;, &amp;, &#10;, &#233;...), the escapes
// networkx and igraph decode.
func (w *writer) gmlString(s string) {
	w.WriteByte('"')
	s = clean(s)
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		size := 1
		switch {
		case c == '"':
			esc = "&quot;"
		case c == '&':
			esc = "&amp;"
		case c < 0x20 || c >= utf8.RuneSelf:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			esc = "&#" + strconv.Itoa(int(r)) + ";"
		default:
			i++
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		i += size
		last = i
	}
	w.WriteString(s[last:])
	w.WriteByte('"')
}

func (w *writer) gmlAttr(key, value string) {
	if clean(value) == "" {
		return
	}
	w.WriteString("    ")
	w.WriteString(key)
	w.WriteByte(' ')
	w.gmlString(value)
	w.WriteByte('\n')
}

func (w *writer) gmlInt(key string, n int) {
	w.WriteString("    ")
	w.WriteString(key)
	w.WriteByte(' ')
	w.int(n)
	w.WriteByte('\n')
}

// GML writes g as GML, as networkx.read_gml and igraph read it: node ids
// are dense integers in symbol order, the label is the symbol (unique, so
// read_gml's default label="label" works), in_corpus is 1 or 0 (GML has no
// booleans), relations and paragraphs are joined by ';'. Empty strings and
// unknown years are left out. The file is ASCII: other characters are
// written as character references (see gmlString), which networkx decodes;
// igraph 0.10.2 (Debian 12) decodes only &quot; &amp; &lt; &gt; &apos; and
// leaves the numeric ones in the text, so read GraphML into igraph.
func GML(w io.Writer, g *graph.Graph) error {
	if err := checkIDs(g, clean); err != nil {
		return err
	}
	o := newWriter(w)
	o.WriteString("Creator \"citegraph\"\ngraph [\n  directed 1\n")
	for i, n := range g.Nodes() {
		o.WriteString("  node [\n")
		o.gmlInt("id", i)
		o.WriteString("    label ")
		o.gmlString(n.ID)
		o.WriteByte('\n')
		o.gmlAttr("title", n.Title)
		o.gmlAttr("date", n.Date)
		if n.Year != 0 {
			o.gmlInt("year", n.Year)
		}
		o.gmlAttr("body", n.Body)
		o.gmlAttr("kind", n.Kind)
		if n.InCorpus {
			o.gmlInt("in_corpus", 1)
		} else {
			o.gmlInt("in_corpus", 0)
		}
		o.gmlAttr("file", n.File)
		o.WriteString("  ]\n")
	}
	err := edgesByIndex(g, func(e *graph.Edge, from, to int) {
		o.WriteString("  edge [\n")
		o.gmlInt("source", from)
		o.gmlInt("target", to)
		o.gmlAttr("relations", joined(e.Relations))
		o.gmlInt("count", e.Count)
		o.gmlAttr("paragraphs", joined(e.Paragraphs))
		o.gmlInt("start", e.Start)
		o.gmlInt("end", e.End)
		o.WriteString("  ]\n")
	})
	if err != nil {
		return err
	}
	o.WriteString("]\n")
	return o.flush()
}

// pajekText returns s as a Pajek label holds it. Pajek labels have no
// escapes (igraph reads a backslash literally, networkx as shlex does), so
// the label is flattened to one line and its double quotes become single
// quotes and its backslashes slashes: the same text for every reader. UN
// symbols hold neither.
func pajekText(s string) string {
	s = flat(s)
	if strings.ContainsAny(s, `"\`) {
		s = strings.NewReplacer(`"`, `'`, `\`, `/`).Replace(s)
	}
	return s
}

func (w *writer) pajekLabel(s string) {
	w.WriteByte('"')
	w.WriteString(pajekText(s))
	w.WriteByte('"')
}

// Pajek writes g as a Pajek .net file: *Vertices numbered from 1 in symbol
// order and labelled by symbol (see pajekText), *Arcs "from to weight"
// with the number of mentions as weight. Pajek has no other attributes; use GraphML or GEXF
// for titles and years.
func Pajek(w io.Writer, g *graph.Graph) error {
	if err := checkIDs(g, pajekText); err != nil {
		return err
	}
	o := newWriter(w)
	o.WriteString("*Network citegraph\n*Vertices ")
	o.int(g.Len())
	o.WriteByte('\n')
	for i, n := range g.Nodes() {
		o.int(i + 1)
		o.WriteByte(' ')
		o.pajekLabel(n.ID)
		o.WriteByte('\n')
	}
	o.WriteString("*Arcs\n")
	err := edgesByIndex(g, func(e *graph.Edge, from, to int) {
		o.int(from + 1)
		o.WriteByte(' ')
		o.int(to + 1)
		o.WriteByte(' ')
		o.int(e.Count)
		o.WriteByte('\n')
	})
	if err != nil {
		return err
	}
	return o.flush()
}

// dotString writes s as a DOT double-quoted string that is also a correct
// escString (the syntax of label and tooltip): cleaned, '\' and '"'
// escaped by a backslash, line feed as \n, carriage return and tab as
// spaces. Unicode is kept as UTF-8 (DOT files are UTF-8 by default).
func (w *writer) dotString(s string) {
	s = clean(s)
	w.WriteByte('"')
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '\\':
			esc = `\\`
		case '"':
			esc = `\"`
		case '\n':
			esc = `\n`
		case '\r', '\t':
			esc = " "
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		last = i + 1
	}
	w.WriteString(s[last:])
	w.WriteByte('"')
}

// DOT writes the whole of g as a Graphviz digraph: one node per symbol,
// labelled by the symbol with the title as tooltip, and one edge per
// citation weighted by its number of mentions, with the relations as
// tooltip. It is plain and minimal: the lineage diagrams are drawn by
// package render.
func DOT(w io.Writer, g *graph.Graph) error {
	if err := checkIDs(g, clean); err != nil {
		return err
	}
	o := newWriter(w)
	o.WriteString("digraph citegraph {\n  node [shape=box];\n")
	for _, n := range g.Nodes() {
		o.WriteString("  ")
		o.dotString(n.ID)
		if t := clean(n.Title); t != "" {
			o.WriteString(" [tooltip=")
			o.dotString(t)
			o.WriteString("]")
		}
		o.WriteString(";\n")
	}
	for _, e := range g.Edges() {
		o.WriteString("  ")
		o.dotString(e.From)
		o.WriteString(" -> ")
		o.dotString(e.To)
		o.WriteString(" [weight=")
		o.int(e.Count)
		if r := joined(e.Relations); r != "" {
			o.WriteString(", tooltip=")
			o.dotString(r)
		}
		o.WriteString("];\n")
	}
	o.WriteString("}\n")
	return o.flush()
}
