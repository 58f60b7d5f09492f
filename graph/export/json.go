package export

import (
	"io"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

const hexDigits = "0123456789abcdef"

// jsonString writes s, cleaned, as a JSON string. Besides what JSON
// requires it escapes <, > and & (as encoding/json does, so that a title
// holding "</script>" is inert inside an HTML page) and U+2028 and U+2029
// (line terminators in JavaScript).
func (w *writer) jsonString(s string) {
	s = clean(s)
	w.WriteByte('"')
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			w.WriteString(s[last:i])
			switch c {
			case '"':
				w.WriteString(`\"`)
			case '\\':
				w.WriteString(`\\`)
			case '\n':
				w.WriteString(`\n`)
			case '\r':
				w.WriteString(`\r`)
			case '\t':
				w.WriteString(`\t`)
			default:
				w.WriteString(`\u00`)
				w.WriteByte(hexDigits[c>>4])
				w.WriteByte(hexDigits[c&0xf])
			}
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\u2028' || r == '\u2029' {
			w.WriteString(s[last:i])
			w.WriteString(`\u202`)
			w.WriteByte(hexDigits[r&0xf])
			last = i + size
		}
		i += size
	}
	w.WriteString(s[last:])
	w.WriteByte('"')
}

func (w *writer) jsonStrings(vs []string) {
	w.WriteByte('[')
	for i, v := range vs {
		if i > 0 {
			w.WriteString(", ")
		}
		w.jsonString(v)
	}
	w.WriteByte(']')
}

// NodeLinkJSON writes g as node-link JSON, the format of networkx's
// node_link_data and node_link_graph:
//
//	{"directed": true, "multigraph": false, "graph": {},
//	 "nodes": [{"id": "A/RES/79/166", "title": ..., "year": 2024, ...}],
//	 "links": [{"source": ..., "target": ..., "relations": ["recalling"], ...}]}
//
// Edges are under "links", the key networkx reads by default (Debian's
// python3-networkx is 2.8.8; tested there). networkx 3.4 announced that
// the default will become "edges"; a networkx that has made the change
// reads the file with node_link_graph(data, edges="links"). Every node has every attribute;
// "year" is null when unknown. Relations and paragraphs are JSON arrays.
// One node or link per line.
func NodeLinkJSON(w io.Writer, g *graph.Graph) error {
	if err := checkIDs(g, clean); err != nil {
		return err
	}
	o := newWriter(w)
	o.WriteString(`{"directed": true, "multigraph": false, "graph": {}, "nodes": [`)
	for i, n := range g.Nodes() {
		if i > 0 {
			o.WriteByte(',')
		}
		o.WriteString("\n{\"id\": ")
		o.jsonString(n.ID)
		o.WriteString(`, "title": `)
		o.jsonString(n.Title)
		o.WriteString(`, "date": `)
		o.jsonString(n.Date)
		o.WriteString(`, "year": `)
		if n.Year != 0 {
			o.int(n.Year)
		} else {
			o.WriteString("null")
		}
		o.WriteString(`, "body": `)
		o.jsonString(n.Body)
		o.WriteString(`, "kind": `)
		o.jsonString(n.Kind)
		if n.InCorpus {
			o.WriteString(`, "in_corpus": true, "file": `)
		} else {
			o.WriteString(`, "in_corpus": false, "file": `)
		}
		o.jsonString(n.File)
		o.WriteByte('}')
	}
	o.WriteString("\n], \"links\": [")
	for i, e := range g.Edges() {
		if i > 0 {
			o.WriteByte(',')
		}
		o.WriteString("\n{\"source\": ")
		o.jsonString(e.From)
		o.WriteString(`, "target": `)
		o.jsonString(e.To)
		o.WriteString(`, "relations": `)
		o.jsonStrings(e.Relations)
		o.WriteString(`, "count": `)
		o.int(e.Count)
		o.WriteString(`, "paragraphs": `)
		o.jsonStrings(e.Paragraphs)
		o.WriteString(`, "start": `)
		o.int(e.Start)
		o.WriteString(`, "end": `)
		o.int(e.End)
		o.WriteByte('}')
	}
	o.WriteString("\n]}\n")
	return o.flush()
}
