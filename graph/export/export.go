// Package export writes a citation graph in the formats of the graph tools
// researchers use: GraphML (yEd, Cytoscape, igraph, networkx), GEXF 1.3
// (Gephi, with a timeline by year), GML, Pajek, networkx node-link JSON,
// CSV node and edge lists, the CSV files of neo4j-admin import, and DOT.
//
// Every writer streams to an io.Writer and is deterministic: nodes are
// written in graph.Graph.Nodes order (sorted by symbol), edges in
// graph.Graph.Edges order (sorted by citing, then cited symbol), so the
// same graph gives the same bytes on every run.
//
// # Text
//
// Every string (symbols, titles, file names...) is first cleaned the same
// way in every format: bytes that are not valid UTF-8, the C0 control
// characters other than tab, line feed and carriage return, DEL, the C1
// controls (U+0080-U+009F) and the non-characters U+FFFE and U+FFFF are
// removed. Those are the characters XML 1.0 forbids or that only garble a
// title; removing them everywhere means every export of a graph carries the
// same text. Non-ASCII text is kept as UTF-8, except in GML, whose files
// are ASCII (networkx refuses anything else): there it is written as
// numeric character references. What remains is then escaped as each
// format requires: XML character references in GraphML and GEXF (tab, line
// feed and carriage return too, so that XML parsers do not normalise them
// away); &quot;, &amp; and numeric references in GML; JSON string escapes,
// with <, > and & escaped so that a title holding "</script>" is inert in
// a web page; RFC 4180 quoting in CSV; DOT escString escapes. Formats that
// cannot hold a line break in a value (Pajek labels, neo4j-admin fields
// without --multiline-fields) have tab, line feed and carriage return
// replaced by spaces, and Pajek, which has no escapes at all, has double
// quotes replaced by single quotes and backslashes by slashes.
//
// # Attributes
//
// Nodes carry symbol, title, date, year, body, kind, in_corpus and file;
// edges carry relations and paragraphs (joined by ';' where the format has
// no lists), count, start and end (the byte span of the first mention in
// the citing file). In GraphML, GEXF and GML an empty string or an unknown
// year (0) is left out rather than written empty: their readers cannot
// tell an empty value from a missing one, and networkx reads an empty
// GraphML <data> element as the string "None".
package export

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

// A Format is one export format.
type Format struct {
	Name    string // as given to 'citegraph export --format'
	Ext     string // file name extension, with the dot, of a single-file format
	Summary string // one line

	// Write writes a single-file format. It is nil for table formats.
	Write func(w io.Writer, g *graph.Graph) error

	// Tables are the files of a format made of several tables (csv,
	// neo4j), in the order to write them. Nil for single-file formats.
	Tables []Table
}

// A Table is one file of a multi-file format.
type Table struct {
	Name  string // "nodes" or "edges"
	File  string // default file name: nodes.csv, edges.csv
	Write func(w io.Writer, g *graph.Graph) error
}

// Formats lists every export format, sorted by name.
var Formats = []Format{
	{Name: "csv", Summary: "CSV node list and edge list (RFC 4180, header row)", Tables: []Table{
		{Name: "nodes", File: "nodes.csv", Write: CSVNodes},
		{Name: "edges", File: "edges.csv", Write: CSVEdges},
	}},
	{Name: "dot", Ext: ".dot", Summary: "Graphviz DOT, the whole graph", Write: DOT},
	{Name: "gexf", Ext: ".gexf", Summary: "GEXF 1.3 for Gephi, dynamic by year for the timeline", Write: GEXF},
	{Name: "gml", Ext: ".gml", Summary: "GML (networkx read_gml, igraph)", Write: GML},
	{Name: "graphml", Ext: ".graphml", Summary: "GraphML with typed keys (yEd, Cytoscape, igraph, networkx)", Write: GraphML},
	{Name: "json", Ext: ".json", Summary: "node-link JSON read by networkx.node_link_graph", Write: NodeLinkJSON},
	{Name: "neo4j", Summary: "CSV files for neo4j-admin database import", Tables: []Table{
		{Name: "nodes", File: "nodes.csv", Write: Neo4jNodes},
		{Name: "edges", File: "edges.csv", Write: Neo4jEdges},
	}},
	{Name: "pajek", Ext: ".net", Summary: "Pajek .net: vertices labelled by symbol, arcs weighted by mentions", Write: Pajek},
}

// Lookup returns the format called name.
func Lookup(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// Names returns the names of all formats, sorted.
func Names() []string {
	out := make([]string, len(Formats))
	for i, f := range Formats {
		out[i] = f.Name
	}
	return out
}

// WriteFile writes g to the file name with write, atomically: it writes a
// temporary file in the same directory and renames it over name only when
// everything was written, so a reader never sees a half-written export and
// a failed export leaves any previous file in place.
func WriteFile(name string, g *graph.Graph, write func(io.Writer, *graph.Graph) error) (err error) {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("export: creating %s: %w (does the directory exist and is it writable?)", name, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = write(f, g); err != nil {
		return fmt.Errorf("export: writing %s: %w", name, err)
	}
	if err = f.Chmod(0o644); err != nil {
		return fmt.Errorf("export: writing %s: %w", name, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("export: writing %s: %w", name, err)
	}
	if err = os.Rename(f.Name(), name); err != nil {
		return fmt.Errorf("export: writing %s: %w", name, err)
	}
	return nil
}

// keep reports whether r may appear in an exported string.
func keep(r rune) bool {
	switch {
	case r < 0x20:
		return r == '\t' || r == '\n' || r == '\r'
	case r < 0x7f:
		return true
	case r <= 0x9f: // DEL and the C1 controls
		return false
	case r == 0xfffe || r == 0xffff:
		return false
	}
	return true
}

// clean returns s without the characters no export writes (see the package
// documentation). It returns s itself when there is nothing to remove.
func clean(s string) string {
	i := dirty(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r != utf8.RuneError || size > 1) && keep(r) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// dirty returns the offset of the first byte of s that clean would remove,
// or len(s).
func dirty(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !keep(r) {
			return i
		}
		i += size
	}
	return len(s)
}

// flat returns clean(s) with tab, line feed and carriage return replaced by
// spaces, for fields that cannot hold a line break.
func flat(s string) string {
	s = clean(s)
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// writer is the buffered output of every format. Write errors are sticky in
// bufio.Writer and reported by flush.
type writer struct {
	*bufio.Writer
	num [24]byte
}

func newWriter(w io.Writer) *writer {
	return &writer{Writer: bufio.NewWriterSize(w, 64<<10)}
}

func (w *writer) int(n int) {
	w.Write(strconv.AppendInt(w.num[:0], int64(n), 10))
}

// flush flushes the buffer and names the package in the error.
func (w *writer) flush() error {
	if err := w.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// joined returns the cleaned values joined by ';'.
func joined(vs []string) string {
	switch len(vs) {
	case 0:
		return ""
	case 1:
		return clean(vs[0])
	}
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(clean(v))
	}
	return b.String()
}

// checkIDs reports two nodes whose symbols become the same string once
// written as name writes them (clean, or pajekText): a reader would merge
// them or, like networkx's read_gml, refuse the file. Symbols that name
// leaves unchanged are distinct already (Graph keys nodes by symbol), so
// the set is built only when name changes one.
func checkIDs(g *graph.Graph, name func(string) string) error {
	nodes := g.Nodes()
	changed := false
	for _, n := range nodes {
		if name(n.ID) != n.ID {
			changed = true
			break
		}
	}
	if !changed {
		return nil
	}
	seen := make(map[string]string, len(nodes))
	for _, n := range nodes {
		k := name(n.ID)
		if prev, dup := seen[k]; dup {
			return fmt.Errorf("export: symbols %q and %q are both written %q (control characters or invalid UTF-8 removed); correct them in the corpus", prev, n.ID, k)
		}
		seen[k] = n.ID
	}
	return nil
}
