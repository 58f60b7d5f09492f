package export

import (
	"io"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

// xmlText writes s cleaned and escaped for XML character data or a
// double-quoted attribute value. Tab, line feed and carriage return are
// written as character references: XML parsers turn them into spaces in
// attribute values and turn CR LF into LF in text.
func (w *writer) xmlText(s string) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		size := 1
		if c < utf8.RuneSelf {
			switch c {
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '"':
				esc = "&quot;"
			case '\t':
				esc = "&#9;"
			case '\n':
				esc = "&#10;"
			case '\r':
				esc = "&#13;"
			default:
				if c >= 0x20 && c != 0x7f {
					i++
					continue
				}
				// other controls: dropped (esc == "")
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if (r != utf8.RuneError || size > 1) && keep(r) {
				i += size
				continue
			}
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		i += size
		last = i
	}
	w.WriteString(s[last:])
}

// xmlKey is one typed attribute of GraphML or GEXF.
type xmlKey struct {
	id, typ string
}

var (
	graphmlNodeKeys = []xmlKey{
		{"symbol", "string"}, {"title", "string"}, {"date", "string"}, {"year", "int"},
		{"body", "string"}, {"kind", "string"}, {"in_corpus", "boolean"}, {"file", "string"},
	}
	graphmlEdgeKeys = []xmlKey{
		{"relations", "string"}, {"count", "int"}, {"paragraphs", "string"},
		{"start", "int"}, {"end", "int"},
	}
)

// GraphML writes g as GraphML (http://graphml.graphdrawing.org): typed
// <key> declarations, a directed graph whose node ids are the symbols, and
// the attributes of the package documentation. Relations and paragraphs
// are joined by ';'. Empty strings and unknown years are left out.
func GraphML(w io.Writer, g *graph.Graph) error {
	if err := checkIDs(g, clean); err != nil {
		return err
	}
	o := newWriter(w)
	o.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`)
	for _, k := range graphmlNodeKeys {
		o.WriteString(`  <key id="` + k.id + `" for="node" attr.name="` + k.id + `" attr.type="` + k.typ + "\"/>\n")
	}
	for _, k := range graphmlEdgeKeys {
		o.WriteString(`  <key id="` + k.id + `" for="edge" attr.name="` + k.id + `" attr.type="` + k.typ + "\"/>\n")
	}
	o.WriteString(`  <graph id="citegraph" edgedefault="directed">` + "\n")
	for _, n := range g.Nodes() {
		o.WriteString(`    <node id="`)
		o.xmlText(n.ID)
		o.WriteString("\">\n")
		o.graphmlData("symbol", n.ID)
		o.graphmlData("title", n.Title)
		o.graphmlData("date", n.Date)
		if n.Year != 0 {
			o.WriteString(`      <data key="year">`)
			o.int(n.Year)
			o.WriteString("</data>\n")
		}
		o.graphmlData("body", n.Body)
		o.graphmlData("kind", n.Kind)
		if n.InCorpus {
			o.WriteString(`      <data key="in_corpus">true</data>` + "\n")
		} else {
			o.WriteString(`      <data key="in_corpus">false</data>` + "\n")
		}
		o.graphmlData("file", n.File)
		o.WriteString("    </node>\n")
	}
	for _, e := range g.Edges() {
		o.WriteString(`    <edge source="`)
		o.xmlText(e.From)
		o.WriteString(`" target="`)
		o.xmlText(e.To)
		o.WriteString("\">\n")
		o.graphmlData("relations", joined(e.Relations))
		o.WriteString(`      <data key="count">`)
		o.int(e.Count)
		o.WriteString("</data>\n")
		o.graphmlData("paragraphs", joined(e.Paragraphs))
		o.WriteString(`      <data key="start">`)
		o.int(e.Start)
		o.WriteString("</data>\n")
		o.WriteString(`      <data key="end">`)
		o.int(e.End)
		o.WriteString("</data>\n")
		o.WriteString("    </edge>\n")
	}
	o.WriteString("  </graph>\n</graphml>\n")
	return o.flush()
}

// graphmlData writes a string <data> element, or nothing when the cleaned
// value is empty.
func (w *writer) graphmlData(key, value string) {
	if clean(value) == "" {
		return
	}
	w.WriteString(`      <data key="`)
	w.WriteString(key)
	w.WriteString(`">`)
	w.xmlText(value)
	w.WriteString("</data>\n")
}

var (
	gexfNodeKeys = []xmlKey{
		{"title", "string"}, {"date", "string"}, {"year", "integer"},
		{"body", "string"}, {"kind", "string"}, {"in_corpus", "boolean"}, {"file", "string"},
	}
	gexfEdgeKeys = []xmlKey{
		{"relations", "string"}, {"count", "integer"}, {"paragraphs", "string"},
		{"start", "integer"}, {"end", "integer"},
	}
)

// GEXF writes g as GEXF 1.3 (http://gexf.net/1.3), for Gephi. Node ids and
// labels are the symbols; the other attributes are declared typed
// attributes, the mention count is also the edge weight. The graph is
// dynamic with timeformat "double" (Gephi's importer reads double, date
// and dateTime, not the spec's integer): every node whose year is known
// starts in that year (start="1993") and never ends, so Gephi's timeline shows the
// graph growing year by year; nodes of unknown year are always present, and
// an edge is visible whenever both its ends are. Empty strings and unknown
// years are left out.
//
// networkx 2.8 (Debian's python3-networkx) knows only the GEXF 1.1 and 1.2
// namespaces; networkx 3.x reads 1.3.
func GEXF(w io.Writer, g *graph.Graph) error {
	if err := checkIDs(g, clean); err != nil {
		return err
	}
	o := newWriter(w)
	o.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta>
    <creator>citegraph</creator>
    <description>Citation graph of United Nations documents: an edge points from the citing document to the cited one.</description>
  </meta>
  <graph mode="dynamic" defaultedgetype="directed" timeformat="double" timerepresentation="interval">
    <attributes class="node">
`)
	for _, k := range gexfNodeKeys {
		o.WriteString(`      <attribute id="` + k.id + `" title="` + k.id + `" type="` + k.typ + "\"/>\n")
	}
	o.WriteString("    </attributes>\n    <attributes class=\"edge\">\n")
	for _, k := range gexfEdgeKeys {
		o.WriteString(`      <attribute id="` + k.id + `" title="` + k.id + `" type="` + k.typ + "\"/>\n")
	}
	o.WriteString("    </attributes>\n    <nodes>\n")
	for _, n := range g.Nodes() {
		o.WriteString(`      <node id="`)
		o.xmlText(n.ID)
		o.WriteString(`" label="`)
		o.xmlText(n.ID)
		if n.Year != 0 {
			o.WriteString(`" start="`)
			o.int(n.Year)
		}
		o.WriteString("\">\n        <attvalues>\n")
		o.gexfValue("title", n.Title)
		o.gexfValue("date", n.Date)
		if n.Year != 0 {
			o.WriteString(`          <attvalue for="year" value="`)
			o.int(n.Year)
			o.WriteString("\"/>\n")
		}
		o.gexfValue("body", n.Body)
		o.gexfValue("kind", n.Kind)
		if n.InCorpus {
			o.WriteString(`          <attvalue for="in_corpus" value="true"/>` + "\n")
		} else {
			o.WriteString(`          <attvalue for="in_corpus" value="false"/>` + "\n")
		}
		o.gexfValue("file", n.File)
		o.WriteString("        </attvalues>\n      </node>\n")
	}
	o.WriteString("    </nodes>\n    <edges>\n")
	for _, e := range g.Edges() {
		o.WriteString(`      <edge source="`)
		o.xmlText(e.From)
		o.WriteString(`" target="`)
		o.xmlText(e.To)
		o.WriteString(`" weight="`)
		o.int(e.Count)
		o.WriteString("\">\n        <attvalues>\n")
		o.gexfValue("relations", joined(e.Relations))
		o.WriteString(`          <attvalue for="count" value="`)
		o.int(e.Count)
		o.WriteString("\"/>\n")
		o.gexfValue("paragraphs", joined(e.Paragraphs))
		o.WriteString(`          <attvalue for="start" value="`)
		o.int(e.Start)
		o.WriteString("\"/>\n")
		o.WriteString(`          <attvalue for="end" value="`)
		o.int(e.End)
		o.WriteString("\"/>\n")
		o.WriteString("        </attvalues>\n      </edge>\n")
	}
	o.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return o.flush()
}

// gexfValue writes a string <attvalue>, or nothing when the cleaned value
// is empty.
func (w *writer) gexfValue(key, value string) {
	if clean(value) == "" {
		return
	}
	w.WriteString(`          <attvalue for="`)
	w.WriteString(key)
	w.WriteString(`" value="`)
	w.xmlText(value)
	w.WriteString("\"/>\n")
}
