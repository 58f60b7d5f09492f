package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// hostile is a title holding everything an export must escape.
const hostile = "Enhancement of \"international\" cooperation & <script>alert('x')</script>\n" +
	"in the field of human rights \\ back\\slash\ttab\r\n" +
	"ctl\x01\x1f\x7f\u0085 bad\xff\xfeutf8 \ufffe\uffff nonchar, ok \ufffd, " +
	"Coopération — 国際協力 ✓ 𝄞 line\u2028sep"

// testGraph builds a small graph by hand: hostile titles, a hostile symbol,
// a node of unknown year and title, merged mentions with several relations
// and paragraphs, a self-citation (dropped).
func testGraph(t testing.TB) *graph.Graph {
	t.Helper()
	b := graph.NewBuilder()
	b.Add(&extract.Document{
		File:   "ga/A_RES_79_166.txt",
		Symbol: "A/RES/79/166",
		Title:  hostile,
		Date:   "2024-12-17",
		Body:   "GA",
		References: []extract.Reference{
			{Target: "A/RES/78/199", Start: 1200, End: 1212, Kind: extract.KindResolution, Body: "GA", Relation: "recalling", Paragraph: "PP2"},
			{Target: "A/RES/78/199", Start: 3400, End: 3412, Kind: extract.KindResolution, Body: "GA", Relation: "reaffirming", Paragraph: "OP1"},
			{Target: "A/RES/78/199", Start: 3500, End: 3512, Kind: extract.KindResolution, Body: "GA", Relation: "recalling", Paragraph: "PP2"},
			{Target: "A/RES/70/1", Start: 900, End: 910, Kind: extract.KindResolution, Body: "GA", Relation: "reaffirming", Paragraph: "PP1"},
			{Target: "A/RES/79/166", Start: 10, End: 22, Kind: extract.KindResolution, Body: "GA", Relation: "recalling", Paragraph: "HEAD"},
			{Target: "E/CN.4/\"1993\"/<L.&2>\\x", Start: 5000, End: 5020, Kind: extract.KindSymbol, Body: "ECOSOC", Relation: "taking note", Paragraph: "FN3"},
			{Target: "S/RES/242(1967)", Start: 6000, End: 6015, Kind: extract.KindResolution, Body: "SC"},
		},
	})
	b.Add(&extract.Document{
		File:   "ga/A_RES_78_199.txt",
		Symbol: "A/RES/78/199",
		Title:  "Enhancement of international cooperation in the field of human rights",
		Date:   "2023-12-19",
		Body:   "GA",
		References: []extract.Reference{
			{Target: "A/RES/70/1", Start: 700, End: 710, Kind: extract.KindResolution, Body: "GA", Relation: "recalling", Paragraph: "PP3"},
			{Target: "A/CONF.157/23", Start: 800, End: 813, Kind: extract.KindOfficialRecords, Body: "GA", Relation: "welcoming", Paragraph: "OP2"},
		},
	})
	b.Label("A/RES/70/1", "Transforming our world: the 2030 Agenda for Sustainable Development", "2015-09-25")
	b.Label("S/RES/242(1967)", "Résolution \"242\" & <b>", "")
	g, err := b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// outputs writes g in every format: one entry per file, named like the
// golden files (graphml, csv-nodes, ...).
func outputs(t testing.TB, g *graph.Graph) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, f := range Formats {
		if f.Write != nil {
			var buf bytes.Buffer
			if err := f.Write(&buf, g); err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			out[f.Name] = buf.Bytes()
			continue
		}
		for _, tb := range f.Tables {
			var buf bytes.Buffer
			if err := tb.Write(&buf, g); err != nil {
				t.Fatalf("%s %s: %v", f.Name, tb.Name, err)
			}
			out[f.Name+"-"+tb.Name] = buf.Bytes()
		}
	}
	return out
}

func TestGolden(t *testing.T) {
	g := testGraph(t)
	for name, got := range outputs(t, g) {
		path := filepath.Join("testdata", name+".golden")
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run go test -update after checking the diff):\n%s", name, path, firstDiff(got, want))
		}
	}
}

func firstDiff(got, want []byte) string {
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(gl), len(wl)) {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			return "line " + itoa(i+1) + ":\n got: " + g + "\nwant: " + w
		}
	}
	return "(same lines)"
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestDeterministic builds the same graph twice (the builder holds maps,
// so its insertion order differs) and writes every format twice.
func TestDeterministic(t *testing.T) {
	a, b := outputs(t, testGraph(t)), outputs(t, testGraph(t))
	c := outputs(t, testGraph(t))
	for name := range a {
		if !bytes.Equal(a[name], b[name]) || !bytes.Equal(a[name], c[name]) {
			t.Errorf("%s: two runs wrote different bytes", name)
		}
	}
}

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain ASCII", "plain ASCII"},
		{"tab\tlf\ncr\r", "tab\tlf\ncr\r"},
		{"nul\x00bel\x07esc\x1b", "nulbelesc"},
		{"del\x7f c1\u0080\u009f", "del c1"},
		{"bad\xffutf8\xc3", "badutf8"},
		{"surrogate\xed\xa0\x80", "surrogate"},
		{"nonchar\ufffe\uffff", "nonchar"},
		{"kept \ufffd é 国 𝄞 \u2028", "kept \ufffd é 国 𝄞 \u2028"},
		{`<script>&"'\`, `<script>&"'\`},
	} {
		if got := clean(tc.in); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// xmlDoc is what the XML tests read back from GraphML and GEXF.
type xmlDoc struct {
	XMLName xml.Name
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		Default string `xml:"edgedefault,attr"`
		Nodes   []struct {
			ID   string `xml:"id,attr"`
			Data []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
		} `xml:"edge"`
	} `xml:"graph"`
}

// TestGraphMLParses reads the GraphML back with encoding/xml (which rejects
// characters XML forbids) and checks every value comes back as written.
func TestGraphMLParses(t *testing.T) {
	g := testGraph(t)
	var buf bytes.Buffer
	if err := GraphML(&buf, g); err != nil {
		t.Fatal(err)
	}
	var doc xmlDoc
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("GraphML is not well-formed XML: %v", err)
	}
	if doc.XMLName.Space != "http://graphml.graphdrawing.org/xmlns" || doc.XMLName.Local != "graphml" {
		t.Errorf("root element %v, want graphml in the GraphML namespace", doc.XMLName)
	}
	if doc.Graph.Default != "directed" {
		t.Errorf("edgedefault %q, want directed", doc.Graph.Default)
	}
	types := map[string]string{}
	for _, k := range doc.Keys {
		types[k.For+"."+k.Name] = k.Type
	}
	for k, want := range map[string]string{"node.year": "int", "node.in_corpus": "boolean", "node.title": "string", "edge.count": "int", "edge.relations": "string", "edge.start": "int"} {
		if types[k] != want {
			t.Errorf("key %s has attr.type %q, want %q", k, types[k], want)
		}
	}
	if len(doc.Graph.Nodes) != g.Len() || len(doc.Graph.Edges) != len(g.Edges()) {
		t.Fatalf("read %d nodes, %d edges; wrote %d, %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), g.Len(), len(g.Edges()))
	}
	for i, n := range doc.Graph.Nodes {
		want := g.NodeAt(i)
		if n.ID != clean(want.ID) {
			t.Errorf("node %d id %q, want %q", i, n.ID, clean(want.ID))
		}
		got := map[string]string{}
		for _, d := range n.Data {
			got[d.Key] = d.Value
		}
		if got["title"] != clean(want.Title) {
			t.Errorf("node %s title\n got %q\nwant %q", want.ID, got["title"], clean(want.Title))
		}
		if got["symbol"] != clean(want.ID) {
			t.Errorf("node %s symbol %q", want.ID, got["symbol"])
		}
	}
	for i, e := range doc.Graph.Edges {
		want := g.Edges()[i]
		if e.Source != clean(want.From) || e.Target != clean(want.To) {
			t.Errorf("edge %d: %q -> %q, want %q -> %q", i, e.Source, e.Target, want.From, want.To)
		}
	}
}

func TestGEXFParses(t *testing.T) {
	g := testGraph(t)
	var buf bytes.Buffer
	if err := GEXF(&buf, g); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name
		Version string `xml:"version,attr"`
		Graph   struct {
			Mode       string `xml:"mode,attr"`
			TimeFormat string `xml:"timeformat,attr"`
			Nodes      []struct {
				ID     string `xml:"id,attr"`
				Label  string `xml:"label,attr"`
				Start  string `xml:"start,attr"`
				Values []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
				} `xml:"attvalues>attvalue"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Weight string `xml:"weight,attr"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("GEXF is not well-formed XML: %v", err)
	}
	if doc.XMLName.Space != "http://gexf.net/1.3" || doc.Version != "1.3" {
		t.Errorf("root %v version %q, want GEXF 1.3", doc.XMLName, doc.Version)
	}
	if doc.Graph.Mode != "dynamic" || doc.Graph.TimeFormat != "double" {
		t.Errorf("graph mode %q timeformat %q, want dynamic double (Gephi's timeline)", doc.Graph.Mode, doc.Graph.TimeFormat)
	}
	if len(doc.Graph.Nodes) != g.Len() || len(doc.Graph.Edges) != len(g.Edges()) {
		t.Fatalf("read %d nodes, %d edges; wrote %d, %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), g.Len(), len(g.Edges()))
	}
	for i, n := range doc.Graph.Nodes {
		want := g.NodeAt(i)
		wantStart := ""
		if want.Year != 0 {
			wantStart = itoa(want.Year)
		}
		if n.ID != clean(want.ID) || n.Label != clean(want.ID) || n.Start != wantStart {
			t.Errorf("node %d: id %q label %q start %q, want %q %q %q", i, n.ID, n.Label, n.Start, want.ID, want.ID, wantStart)
		}
		vals := map[string]string{}
		for _, v := range n.Values {
			vals[v.For] = v.Value
		}
		if vals["title"] != clean(want.Title) {
			t.Errorf("node %s title\n got %q\nwant %q", want.ID, vals["title"], clean(want.Title))
		}
		if vals["year"] != wantStart {
			t.Errorf("node %s year %q, want %q", want.ID, vals["year"], wantStart)
		}
	}
	for i, e := range doc.Graph.Edges {
		if want := g.Edges()[i]; e.Weight != itoa(want.Count) {
			t.Errorf("edge %s -> %s weight %q, want %d", want.From, want.To, e.Weight, want.Count)
		}
	}
}

func TestNodeLinkJSONParses(t *testing.T) {
	g := testGraph(t)
	var buf bytes.Buffer
	if err := NodeLinkJSON(&buf, g); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("<script>")) || bytes.Contains(buf.Bytes(), []byte("</")) {
		t.Errorf("node-link JSON holds a raw <script> or </: not safe to inline in HTML")
	}
	var doc struct {
		Directed   *bool          `json:"directed"`
		Multigraph *bool          `json:"multigraph"`
		Graph      map[string]any `json:"graph"`
		Nodes      []struct {
			graph.Node
			Year *int `json:"year"`
		} `json:"nodes"`
		Links []struct {
			Source, Target string
			graph.Edge
		} `json:"links"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("node-link JSON does not parse: %v", err)
	}
	if doc.Directed == nil || !*doc.Directed || doc.Multigraph == nil || *doc.Multigraph || doc.Graph == nil {
		t.Errorf("directed %v multigraph %v graph %v, want true false {}", doc.Directed, doc.Multigraph, doc.Graph)
	}
	if len(doc.Nodes) != g.Len() || len(doc.Links) != len(g.Edges()) {
		t.Fatalf("read %d nodes, %d links; wrote %d, %d", len(doc.Nodes), len(doc.Links), g.Len(), len(g.Edges()))
	}
	for i, n := range doc.Nodes {
		want := g.NodeAt(i)
		if n.ID != clean(want.ID) || n.Title != clean(want.Title) || n.InCorpus != want.InCorpus || n.File != want.File {
			t.Errorf("node %d: %+v, want %+v", i, n.Node, want)
		}
		if (n.Year == nil) != (want.Year == 0) || n.Year != nil && *n.Year != want.Year {
			t.Errorf("node %s: year %v, want %d (null when 0)", want.ID, n.Year, want.Year)
		}
	}
	for i, l := range doc.Links {
		want := g.Edges()[i]
		if l.Source != clean(want.From) || l.Target != clean(want.To) || l.Count != want.Count ||
			strings.Join(l.Relations, ";") != strings.Join(want.Relations, ";") ||
			strings.Join(l.Paragraphs, ";") != strings.Join(want.Paragraphs, ";") || l.Start != want.Start || l.End != want.End {
			t.Errorf("link %d: %+v, want %+v", i, l, want)
		}
	}
}

func readCSV(t *testing.T, write func(io.Writer, *graph.Graph) error, g *graph.Graph) [][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, g); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&buf)
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	return recs
}

func TestCSVParses(t *testing.T) {
	g := testGraph(t)
	nodes := readCSV(t, CSVNodes, g)
	if got := strings.Join(nodes[0], ","); got != "id,title,date,year,body,kind,in_corpus,file" {
		t.Errorf("node header %q", got)
	}
	if len(nodes) != g.Len()+1 {
		t.Fatalf("%d node rows, want %d", len(nodes)-1, g.Len())
	}
	for i, rec := range nodes[1:] {
		n := g.NodeAt(i)
		// encoding/csv reads \r\n inside a quoted field as \n.
		if rec[0] != clean(n.ID) || rec[1] != strings.ReplaceAll(clean(n.Title), "\r\n", "\n") || rec[3] != year(n) {
			t.Errorf("node row %d: %q, want id %q title %q year %q", i, rec, n.ID, clean(n.Title), year(n))
		}
	}
	edges := readCSV(t, CSVEdges, g)
	if got := strings.Join(edges[0], ","); got != "source,target,relations,count,paragraphs,start,end" {
		t.Errorf("edge header %q", got)
	}
	if len(edges) != len(g.Edges())+1 {
		t.Fatalf("%d edge rows, want %d", len(edges)-1, len(g.Edges()))
	}
	for i, rec := range edges[1:] {
		e := g.Edges()[i]
		if rec[0] != clean(e.From) || rec[1] != clean(e.To) || rec[2] != strings.Join(e.Relations, ";") || rec[3] != itoa(e.Count) {
			t.Errorf("edge row %d: %q, want %+v", i, rec, e)
		}
	}
}

func TestNeo4j(t *testing.T) {
	g := testGraph(t)
	nodes := readCSV(t, Neo4jNodes, g)
	if got := strings.Join(nodes[0], ","); got != "id:ID,title,date,year:int,body,kind,in_corpus:boolean,file,:LABEL" {
		t.Errorf("node header %q", got)
	}
	labels := map[string]string{}
	for _, rec := range nodes[1:] {
		labels[rec[0]] = rec[8]
		for _, f := range rec {
			if strings.ContainsAny(f, "\n\r\t") {
				t.Errorf("field %q holds a line break or tab (neo4j-admin would need --multiline-fields)", f)
			}
		}
	}
	for id, want := range map[string]string{
		"A/RES/79/166":  "Document;Resolution",
		"A/CONF.157/23": "Document;OfficialRecords",
	} {
		if labels[id] != want {
			t.Errorf("labels of %s = %q, want %q", id, labels[id], want)
		}
	}
	edges := readCSV(t, Neo4jEdges, g)
	if got := strings.Join(edges[0], ","); got != ":START_ID,:END_ID,:TYPE,relations:string[],count:int,paragraphs:string[],start:int,end:int" {
		t.Errorf("relationship header %q", got)
	}
	ids := map[string]bool{}
	for _, rec := range nodes[1:] {
		ids[rec[0]] = true
	}
	for _, rec := range edges[1:] {
		if !ids[rec[0]] || !ids[rec[1]] || rec[2] != Neo4jRelType {
			t.Errorf("relationship %q: ends must be node ids, type %s", rec, Neo4jRelType)
		}
	}
	if len(edges) != len(g.Edges())+1 {
		t.Errorf("%d relationships, want %d", len(edges)-1, len(g.Edges()))
	}
}

func TestNeo4jLabels(t *testing.T) {
	for kind, want := range map[string]string{
		"":                 "Document",
		"resolution":       "Document;Resolution",
		"official-records": "Document;OfficialRecords",
		"treaty-series":    "Document;TreatySeries",
		"x;y":              "Document;XY",
	} {
		if got := neo4jLabels(kind); got != want {
			t.Errorf("neo4jLabels(%q) = %q, want %q", kind, got, want)
		}
	}
}

func TestPajek(t *testing.T) {
	g := testGraph(t)
	var buf bytes.Buffer
	if err := Pajek(&buf, g); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if lines[1] != "*Vertices "+itoa(g.Len()) {
		t.Errorf("vertices line %q", lines[1])
	}
	if want := 2 + g.Len() + 1 + len(g.Edges()); len(lines) != want {
		t.Errorf("%d lines, want %d (one per vertex and arc)", len(lines), want)
	}
	if want := "\n5 \"E/CN.4/'1993'/<L.&2>/x\"\n"; !strings.Contains(buf.String(), want) {
		t.Errorf("hostile symbol not written as %q", want)
	}
}

func TestDOTEscapes(t *testing.T) {
	g := testGraph(t)
	var buf bytes.Buffer
	if err := DOT(&buf, g); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	for _, want := range []string{
		`"E/CN.4/\"1993\"/<L.&2>\\x"`,
		`cooperation & <script>alert('x')</script>\nin the field of human rights \\ back\\slash tab \n`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("DOT lacks %s", want)
		}
	}
	// Every double quote not escaped opens or closes a string: an odd
	// count on a line means an escape went wrong.
	for i, line := range strings.Split(s, "\n") {
		n := 0
		for j := 0; j < len(line); j++ {
			switch line[j] {
			case '\\':
				j++
			case '"':
				n++
			}
		}
		if n%2 != 0 {
			t.Errorf("line %d has an unbalanced quote: %s", i+1, line)
		}
	}
}

func TestGMLEscapes(t *testing.T) {
	g := testGraph(t)
	var buf bytes.Buffer
	if err := GML(&buf, g); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(buf.String(), "\n") {
		if strings.Count(line, `"`)%2 != 0 {
			t.Errorf("line %d: a GML string holds a raw quote: %s", i+1, line)
		}
	}
	if want := `label "E/CN.4/&quot;1993&quot;/<L.&amp;2>\x"`; !strings.Contains(buf.String(), want) {
		t.Errorf("GML lacks %s", want)
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

// TestWriteErrors checks every format reports a failing writer.
func TestWriteErrors(t *testing.T) {
	g := testGraph(t)
	for _, f := range Formats {
		writes := []func(io.Writer, *graph.Graph) error{f.Write}
		if f.Write == nil {
			writes = writes[:0]
			for _, tb := range f.Tables {
				writes = append(writes, tb.Write)
			}
		}
		for _, w := range writes {
			err := w(&failWriter{n: 100}, g)
			if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.HasPrefix(err.Error(), "export: ") {
				t.Errorf("%s: error %v, want export: ... disk full", f.Name, err)
			}
		}
	}
}

func TestWriteFileAtomic(t *testing.T) {
	g := testGraph(t)
	dir := t.TempDir()
	name := filepath.Join(dir, "g.graphml")
	if err := os.WriteFile(name, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	failing := func(w io.Writer, g *graph.Graph) error {
		io.WriteString(w, "partial")
		return errors.New("export: interrupted")
	}
	if err := WriteFile(name, g, failing); err == nil {
		t.Fatal("WriteFile succeeded with a failing writer")
	}
	if b, _ := os.ReadFile(name); string(b) != "previous" {
		t.Errorf("a failed export changed the file: %q", b)
	}
	if err := WriteFile(name, g, GraphML); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	GraphML(&want, g)
	if b, _ := os.ReadFile(name); !bytes.Equal(b, want.Bytes()) {
		t.Errorf("WriteFile wrote %d bytes, want the %d GraphML writes", len(b), want.Len())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if fi, err := os.Stat(name); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode())
	}
	if err := WriteFile(filepath.Join(dir, "missing", "g.gml"), g, GML); err == nil || !strings.HasPrefix(err.Error(), "export: ") {
		t.Errorf("writing into a missing directory: %v", err)
	}
}

func TestLookup(t *testing.T) {
	for _, name := range []string{"graphml", "gexf", "gml", "pajek", "csv", "neo4j", "json", "dot"} {
		f, ok := Lookup(name)
		if !ok || f.Name != name || (f.Write == nil) == (f.Tables == nil) {
			t.Errorf("Lookup(%q) = %+v, %v", name, f.Name, ok)
		}
	}
	if _, ok := Lookup("xlsx"); ok {
		t.Error("Lookup(xlsx) found a format")
	}
	names := Names()
	for i := 1; i < len(names); i++ {
		if names[i-1] >= names[i] {
			t.Errorf("Formats not sorted: %v", names)
		}
	}
}

// FuzzEscape checks that any title and symbol survive the formats that
// have a standard parser in Go: XML, JSON and CSV give back the cleaned
// text, exactly.
func FuzzEscape(f *testing.F) {
	f.Add("A/RES/79/166", hostile)
	f.Add("S/RES/242(1967)", "]]><!-- --></data>&#0;")
	f.Add("x\"y", "\\u2028\"\\")
	f.Fuzz(func(t *testing.T, symbol, title string) {
		if clean(symbol) == "" || clean(symbol) == "OTHER" || graph.Key(symbol) == graph.Key("OTHER") {
			return
		}
		b := graph.NewBuilder()
		b.Add(&extract.Document{Symbol: symbol, Title: title, References: []extract.Reference{{Target: "OTHER", Relation: title, Paragraph: "OP1"}}})
		g, err := b.Graph()
		if err != nil {
			return
		}
		n := g.NodeAt(g.Index(symbol))
		var buf bytes.Buffer
		if err := GraphML(&buf, g); err != nil {
			t.Fatal(err)
		}
		var doc xmlDoc
		if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("GraphML does not parse: %v\n%s", err, buf.Bytes())
		}
		found := false
		for _, xn := range doc.Graph.Nodes {
			if xn.ID == clean(n.ID) {
				found = true
				for _, d := range xn.Data {
					if d.Key == "title" && d.Value != clean(title) {
						t.Errorf("GraphML title %q, want %q", d.Value, clean(title))
					}
				}
			}
		}
		if !found {
			t.Errorf("GraphML lost node %q", clean(n.ID))
		}
		buf.Reset()
		if err := NodeLinkJSON(&buf, g); err != nil {
			t.Fatal(err)
		}
		var js struct {
			Nodes []graph.Node `json:"nodes"`
		}
		if err := json.Unmarshal(buf.Bytes(), &js); err != nil {
			t.Fatalf("JSON does not parse: %v\n%s", err, buf.Bytes())
		}
		for _, jn := range js.Nodes {
			if jn.ID == clean(n.ID) && jn.Title != clean(title) {
				t.Errorf("JSON title %q, want %q", jn.Title, clean(title))
			}
		}
		buf.Reset()
		if err := CSVNodes(&buf, g); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("CSV does not parse: %v", err)
		}
		for _, rec := range recs[1:] {
			// encoding/csv reads \r\n inside a quoted field as \n.
			if rec[0] == clean(n.ID) && rec[1] != strings.ReplaceAll(clean(title), "\r\n", "\n") {
				t.Errorf("CSV title %q, want %q", rec[1], clean(title))
			}
		}
	})
}

// TestEmptyGraph: every format writes a graph with no nodes, and the
// formats with a Go parser read it back.
func TestEmptyGraph(t *testing.T) {
	g, err := graph.NewBuilder().Graph()
	if err != nil {
		t.Fatal(err)
	}
	out := outputs(t, g)
	for _, name := range []string{"graphml", "gexf"} {
		if err := xml.Unmarshal(out[name], new(xmlDoc)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	var js map[string]any
	if err := json.Unmarshal(out["json"], &js); err != nil || len(js["nodes"].([]any)) != 0 || len(js["links"].([]any)) != 0 {
		t.Errorf("json: %v %v", err, js)
	}
	if got := string(out["csv-edges"]); got != "source,target,relations,count,paragraphs,start,end\n" {
		t.Errorf("csv edges %q, want the header alone", got)
	}
	if got := string(out["pajek"]); got != "*Network citegraph\n*Vertices 0\n*Arcs\n" {
		t.Errorf("pajek %q", got)
	}
}

// TestCollidingSymbols: two symbols that differ only by characters the
// exports remove cannot both be written.
func TestCollidingSymbols(t *testing.T) {
	b := graph.NewBuilder()
	b.Add(&extract.Document{Symbol: "A/RES/1/1", References: []extract.Reference{{Target: "A/RES/2/2"}, {Target: "A/RES/2/2\x01"}}})
	g, err := b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 3 {
		t.Fatalf("%d nodes, want 3 (the builder keeps the control character)", g.Len())
	}
	for _, f := range Formats {
		writes := []func(io.Writer, *graph.Graph) error{f.Write}
		if f.Write == nil {
			writes = writes[:0]
			for _, tb := range f.Tables {
				writes = append(writes, tb.Write)
			}
		}
		for _, w := range writes {
			err := w(io.Discard, g)
			if err == nil || !strings.Contains(err.Error(), `"A/RES/2/2" and "A/RES/2/2\x01"`) {
				t.Errorf("%s: error %v, want the two colliding symbols named", f.Name, err)
			}
		}
	}
	// Pajek also turns quotes into apostrophes.
	b = graph.NewBuilder()
	b.Add(&extract.Document{Symbol: `A/"X"`, References: []extract.Reference{{Target: "A/'X'"}}})
	g, _ = b.Graph()
	if err := Pajek(io.Discard, g); err == nil {
		t.Error("Pajek wrote two vertices with the same label")
	}
	if err := GML(io.Discard, g); err != nil {
		t.Errorf("GML: %v (its labels keep the quotes apart)", err)
	}
}
