package render_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/citegraph/citegraph"
	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/extract/corpus"
	"github.com/citegraph/citegraph/extract/corpus/corpustest"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/render"
	_ "github.com/citegraph/citegraph/render/embedded" // the embedded engine, in process
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// load builds a graph as 'citegraph' does: from paths, or the embedded
// sample when there are none.
func load(t testing.TB, paths ...string) *graph.Graph {
	t.Helper()
	opts := corpus.Options{}
	if len(paths) == 0 {
		opts.FS = citegraph.Sample
		paths = []string{"."}
	}
	b := graph.NewBuilder()
	err := corpus.Walk(context.Background(), paths, opts, func(r corpus.Result) error {
		if r.Err != nil {
			return r.Err
		}
		b.Add(r.Doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	g, err := b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

var (
	corpusOnce  sync.Once
	corpusGraph *graph.Graph
)

// loadCorpus builds, once, the graph of the General Assembly texts of the
// shared corpus (../shared/corpus/ga) as 'citegraph' does.
func loadCorpus(t testing.TB) *graph.Graph {
	dir := corpustest.Dir(t, "ga")
	corpusOnce.Do(func() { corpusGraph = load(t, dir) })
	if corpusGraph == nil {
		t.Fatal("the corpus graph failed to load")
	}
	return corpusGraph
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run 'go test ./render -update' to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run 'go test ./render -run %s -update' if the change is intended.\n%s",
			path, t.Name(), firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, w, g)
		}
	}
	return ""
}

func TestGoldenSeed(t *testing.T) {
	g := load(t)
	l, err := render.Select(g, "A/RES/79/166", render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Nodes) < 5 {
		t.Fatalf("the seed cites at least 5 documents, drew %d", len(l.Nodes))
	}
	dot := render.DOT(l)
	if again := render.DOT(l); !bytes.Equal(dot, again) {
		t.Fatal("two writes of the same lineage differ")
	}
	golden(t, "seed-A_RES_79_166.dot", dot)
}

func TestGoldenCorpus80204(t *testing.T) {
	g := loadCorpus(t)
	l, err := render.Select(g, "A/RES/80/204", render.Options{Depth: 3})
	if err != nil {
		t.Fatal(err)
	}
	// The annual series runs 80/204 -> 79/166 -> 78/199 (corpus README).
	for _, s := range []string{"A/RES/80/204", "A/RES/79/166", "A/RES/78/199"} {
		if !hasNode(l, s) {
			t.Errorf("the depth-3 lineage of A/RES/80/204 does not draw %s", s)
		}
	}
	if len(l.Nodes) > render.DefaultMaxNodes {
		t.Errorf("drew %d documents, more than the default --max-nodes %d", len(l.Nodes), render.DefaultMaxNodes)
	}
	golden(t, "corpus-A_RES_80_204-depth3.dot", render.DOT(l))
}

func hasNode(l *render.Lineage, symbol string) bool {
	for _, n := range l.Nodes {
		if graph.Key(n.ID) == graph.Key(symbol) {
			return true
		}
	}
	return false
}

// svgDoc is what the tests read of an SVG written by Graphviz.
type svgNode struct {
	ID    string
	Class string
	Title string
	Href  string
	Tip   string
	Text  []string
}

// parseSVG checks that svg is well-formed XML and returns its node groups.
// It fails on any element that is not SVG drawing (script, foreignObject,
// iframe...) and on event-handler attributes.
func parseSVG(t *testing.T, svg []byte) []svgNode {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	allowed := map[string]bool{"svg": true, "g": true, "title": true, "text": true, "path": true, "polygon": true,
		"polyline": true, "ellipse": true, "a": true, "defs": true, "linearGradient": true, "radialGradient": true, "stop": true}
	var nodes []svgNode
	var cur *svgNode
	depth, curDepth := 0, -1
	var inTitle, inText bool
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			depth++
			if !allowed[x.Name.Local] {
				t.Fatalf("the SVG holds a <%s> element", x.Name.Local)
			}
			for _, a := range x.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					t.Fatalf("the SVG holds an event handler %s=%q", a.Name.Local, a.Value)
				}
			}
			if x.Name.Local == "g" && attr(x, "class") == "node" {
				nodes = append(nodes, svgNode{ID: attr(x, "id"), Class: "node"})
				cur, curDepth = &nodes[len(nodes)-1], depth
			}
			if cur != nil {
				switch x.Name.Local {
				case "a":
					cur.Href, cur.Tip = attr(x, "href"), attr(x, "title")
				case "title":
					inTitle = true
				case "text":
					inText = true
				}
			}
		case xml.EndElement:
			if depth == curDepth {
				cur, curDepth = nil, -1
			}
			depth--
			inTitle, inText = false, false
		case xml.CharData:
			if cur != nil && inTitle {
				cur.Title += string(x)
			}
			if cur != nil && inText {
				cur.Text = append(cur.Text, string(x))
			}
		}
	}
	return nodes
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// docNodes returns the SVG node groups that are documents, by symbol.
func docNodes(t *testing.T, nodes []svgNode) map[string]svgNode {
	t.Helper()
	out := map[string]svgNode{}
	for _, n := range nodes {
		if strings.Contains(n.Title, ":") { // year:, more:, legend: nodes
			continue
		}
		if _, dup := out[n.Title]; dup {
			t.Errorf("the SVG draws %s twice", n.Title)
		}
		out[n.Title] = n
	}
	return out
}

func engines(t *testing.T) []render.Engine {
	es := []render.Engine{render.EngineEmbedded}
	if _, err := exec.LookPath("dot"); err == nil {
		es = append(es, render.EngineNative)
	} else {
		t.Log("no 'dot' on PATH: the native engine is not tested")
	}
	return es
}

func checkSVG(t *testing.T, g *graph.Graph, l *render.Lineage, e render.Engine) {
	t.Helper()
	var svg bytes.Buffer
	if err := render.Render(context.Background(), render.DOT(l), render.FormatSVG, e, &svg); err != nil {
		t.Fatal(err)
	}
	docs := docNodes(t, parseSVG(t, svg.Bytes()))
	if len(docs) != len(l.Nodes) {
		t.Errorf("the SVG draws %d documents, the lineage has %d", len(docs), len(l.Nodes))
	}
	for _, n := range l.Nodes {
		d, ok := docs[n.ID]
		if !ok {
			t.Errorf("the SVG has no node for %s", n.ID)
			continue
		}
		if want := render.DocURL(n.ID); d.Href != want {
			t.Errorf("%s links to %q, want %q", n.ID, d.Href, want)
		}
		if n.Title != "" && !strings.Contains(d.Tip, strings.Join(strings.Fields(n.Title), " ")[:min(40, len(strings.Join(strings.Fields(n.Title), " ")))]) {
			t.Errorf("the tooltip of %s is %q, not its title %q", n.ID, d.Tip, n.Title)
		}
		if len(d.Text) == 0 || d.Text[0] != n.ID {
			t.Errorf("the label of %s starts %q, want the symbol", n.ID, d.Text)
		}
	}
}

func TestSVGSeed(t *testing.T) {
	g := load(t)
	l, err := render.Select(g, "A/RES/79/166", render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range engines(t) {
		t.Run(string(e), func(t *testing.T) { checkSVG(t, g, l, e) })
	}
}

func TestSVGCorpus80204(t *testing.T) {
	g := loadCorpus(t)
	l, err := render.Select(g, "A/RES/80/204", render.Options{Depth: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range engines(t) {
		t.Run(string(e), func(t *testing.T) { checkSVG(t, g, l, e) })
	}
}

func TestPNG(t *testing.T) {
	g := load(t)
	l, err := render.Select(g, "A/RES/79/166", render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range engines(t) {
		t.Run(string(e), func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.Render(context.Background(), render.DOT(l), render.FormatPNG, e, &buf); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(&buf)
			if err != nil {
				t.Fatalf("the PNG does not decode: %v", err)
			}
			b := img.Bounds()
			if b.Dx() < 300 || b.Dy() < 200 || b.Dx() > 16100 || b.Dy() > 16100 {
				t.Fatalf("the PNG is %dx%d pixels", b.Dx(), b.Dy())
			}
			// Something is drawn: count the pixels that are neither white
			// nor transparent.
			inked := 0
			for y := b.Min.Y; y < b.Max.Y; y += 2 {
				for x := b.Min.X; x < b.Max.X; x += 2 {
					r, g, bl, a := img.At(x, y).RGBA()
					if a > 0x8000 && (r < 0xe000 || g < 0xe000 || bl < 0xe000) {
						inked++
					}
				}
			}
			if total := b.Dx() * b.Dy() / 4; inked < total/100 {
				t.Errorf("only %d of %d sampled pixels are drawn", inked, total)
			}
		})
	}
}

// hostile is a set of titles meant to break DOT and SVG.
var hostile = []string{
	`He said "stop" \ and \"left\"`,
	`<script>alert("x")</script> & <b>bold</b> &amp; &lt;tag&gt;`,
	"line one\nline two\r\n\tline three\\n\\l\\N\\G",
	`ends in a backslash \`,
	`"]; evil [label="injected"]; x -> y [label="`,
	`<img src=x onerror="alert(1)"> ]]> <!-- --> <?xml ?> <![CDATA[ x ]]>`,
	"control \x00\x01\x07\x1b[31m chars and invalid \xff\xfe UTF-8 \u2028 separators",
	strings.Repeat("Long title with <script>alert('x')</script> \"quotes\" \\ and more words ", 140), // about 10 kB
}

func hostileGraph(t testing.TB) *graph.Graph {
	t.Helper()
	b := graph.NewBuilder()
	focus := &extract.Document{Symbol: "A/RES/79/1", Title: hostile[len(hostile)-1], Date: "2024-12-01", Body: "GA"}
	for k, title := range hostile {
		sym := fmt.Sprintf("A/RES/78/%d", k+1)
		focus.References = append(focus.References, extract.Reference{Target: sym, Kind: extract.KindResolution, Body: "GA", Relation: "recalling"})
		b.Add(&extract.Document{Symbol: sym, Title: title, Date: "2023-12-01", Body: "GA"})
	}
	// A symbol that is itself hostile, as a graph file could hold.
	focus.References = append(focus.References, extract.Reference{Target: `X"/<script>\`, Kind: extract.KindSymbol, Body: "OTHER", Relation: `"welcoming"<b>`})
	b.Add(focus)
	g, err := b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestHostileTitles(t *testing.T) {
	g := hostileGraph(t)
	l, err := render.Select(g, "A/RES/79/1", render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dot := render.DOT(l)
	if bytes.Contains(dot, []byte(`"injected"`)) || bytes.Contains(dot, []byte("\x00")) {
		t.Fatalf("a title escaped its string in the DOT")
	}
	if err := checkQuotedStrings(dot); err != nil {
		t.Fatal(err)
	}
	for _, e := range engines(t) {
		t.Run(string(e), func(t *testing.T) {
			var svg bytes.Buffer
			if err := render.Render(context.Background(), dot, render.FormatSVG, e, &svg); err != nil {
				t.Fatalf("Graphviz rejects the DOT: %v", err)
			}
			nodes := parseSVG(t, svg.Bytes()) // fails on <script>, <img>, on* attributes
			docs := docNodes(t, nodes)
			if len(docs) != len(l.Nodes) {
				t.Errorf("the SVG draws %d documents, the lineage has %d", len(docs), len(l.Nodes))
			}
			scriptTip := false
			for _, n := range nodes {
				if strings.Contains(n.Tip, `<script>alert("x")</script>`) {
					scriptTip = true // shown as text, escaped in the XML
				}
				if n.Title == "evil" || n.Title == "x" || n.Title == "y" {
					t.Errorf("a title injected the node %q", n.Title)
				}
				for _, s := range n.Text {
					if s == "injected" {
						t.Errorf("an injected label is drawn: %q", s)
					}
				}
			}
			if !scriptTip {
				t.Errorf("no tooltip shows the <script> title as text")
			}
			// Tooltips show the titles as written, backslash sequences
			// included (Graphviz would expand \N to the node name).
			if d := docs["A/RES/78/1"]; d.Tip != "A/RES/78/1: "+hostile[0]+" (2023-12-01)" {
				t.Errorf("the tooltip of A/RES/78/1 is %q", d.Tip)
			}
			if d := docs["A/RES/78/3"]; !strings.Contains(d.Tip, `line three\n\l\N\G (2023`) {
				t.Errorf("the tooltip of A/RES/78/3 is %q", d.Tip)
			}
			if d := docs["A/RES/78/3"]; len(d.Text) < 3 || !strings.HasSuffix(d.Text[2], `\n\l\N\G`) {
				t.Errorf("the label of A/RES/78/3 is %q", d.Text)
			}
			if d, ok := docs["A/RES/78/2"]; !ok || len(d.Text) < 2 || !strings.HasPrefix(d.Text[1], "<script>alert") {
				t.Errorf("the label of A/RES/78/2 does not show its title as written: %q", d.Text)
			}
		})
	}
}

// checkQuotedStrings scans DOT and checks that every quoted string closes
// on its line and that no raw newline or NUL sits inside one.
func checkQuotedStrings(dot []byte) error {
	in := false
	line := 1
	for i := 0; i < len(dot); i++ {
		c := dot[i]
		switch {
		case c == '\n':
			if in {
				return fmt.Errorf("line %d: a quoted string spans lines", line)
			}
			line++
		case in && c == '\\':
			i++ // the escaped character
		case c == '"':
			in = !in
		case c == 0:
			return fmt.Errorf("line %d: NUL byte", line)
		}
	}
	if in {
		return fmt.Errorf("an unclosed quoted string")
	}
	return nil
}

func FuzzDOTStrings(f *testing.F) {
	for _, h := range hostile {
		f.Add(h, "recalling")
	}
	f.Add("", "")
	f.Fuzz(func(t *testing.T, title, relation string) {
		b := graph.NewBuilder()
		b.Add(&extract.Document{Symbol: "A/RES/2/" + title, Title: title, Body: title, References: []extract.Reference{
			{Target: "A/RES/1/1", Relation: relation, Body: relation},
		}})
		b.Add(&extract.Document{Symbol: "A/RES/1/1", Title: title + title})
		g, err := b.Graph()
		if err != nil {
			t.Skip()
		}
		l, err := render.Select(g, "A/RES/2/"+title, render.Options{})
		if err != nil {
			t.Skip() // the symbol did not survive as a key
		}
		if err := checkQuotedStrings(render.DOT(l)); err != nil {
			t.Fatal(err)
		}
	})
}

func TestNativeWithoutDot(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	err := render.Render(context.Background(), []byte("digraph{a}"), render.FormatSVG, render.EngineNative, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "no 'dot' on PATH") || !strings.Contains(err.Error(), "--engine embedded") {
		t.Fatalf("got %v, want the no-dot message", err)
	}
}

func TestFormatOf(t *testing.T) {
	for _, c := range []struct {
		path string
		want render.Format
		ok   bool
	}{
		{"lineage.svg", render.FormatSVG, true},
		{"out/Lineage.PNG", render.FormatPNG, true},
		{"x.dot", render.FormatDOT, true},
		{"x.gv", render.FormatDOT, true},
		{"x.pdf", "", false},
		{"lineage", "", false},
	} {
		got, err := render.FormatOf(c.path)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("FormatOf(%q) = %q, %v; want %q, ok=%v", c.path, got, err, c.want, c.ok)
		}
	}
}

func TestDocURL(t *testing.T) {
	for in, want := range map[string]string{
		"A/RES/79/166":         "https://undocs.org/A/RES/79/166",
		"S/RES/1325(2000)":     "https://undocs.org/S/RES/1325%282000%29",
		"A/CONF.157/24(PartI)": "https://undocs.org/A/CONF.157/24%28PartI%29",
		`X"/<script>`:          "https://undocs.org/X%22/%3Cscript%3E",
		"E/CN.4/2001/2 ?#":     "https://undocs.org/E/CN.4/2001/2%20%3F%23",
	} {
		if got := render.DocURL(in); got != want {
			t.Errorf("DocURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func ExampleWriteDOT() {
	b := graph.NewBuilder()
	b.Add(&extract.Document{Symbol: "A/RES/79/166", Title: "Enhancement of international cooperation in the field of human rights",
		Date: "2024-12-17", Body: "GA", References: []extract.Reference{
			{Target: "A/RES/78/199", Kind: extract.KindResolution, Body: "GA", Relation: "recalling"},
		}})
	g, _ := b.Graph()
	l, _ := render.Select(g, "A/RES/79/166", render.Options{})
	var buf bytes.Buffer
	render.WriteDOT(&buf, l)
	for _, line := range strings.Split(buf.String(), "\n") {
		if line = strings.TrimSpace(line); strings.HasPrefix(line, `"A/RES/`) {
			fmt.Println(line[:min(len(line), 80)])
		}
	}
	// Output:
	// "A/RES/78/199" [label="A/RES/78/199\nc. 2023", tooltip="A/RES/78/199", URL="http
	// "A/RES/79/166" [label="A/RES/79/166\nEnhancement of international\ncooperation i
	// "A/RES/79/166" -> "A/RES/78/199" [style=solid, color="#4d4d4d", penwidth=1.2, to
}

func ExampleSelect() {
	b := graph.NewBuilder()
	focus := &extract.Document{Symbol: "A/RES/80/1", Date: "2025-12-01", Body: "GA"}
	for k := 1; k <= 5; k++ {
		focus.References = append(focus.References, extract.Reference{Target: fmt.Sprintf("A/RES/79/%d", k), Body: "GA", Relation: "recalling"})
	}
	b.Add(focus)
	g, _ := b.Graph()
	l, _ := render.Select(g, "A/RES/80/1", render.Options{MaxNodes: 3})
	for _, n := range l.Nodes {
		fmt.Println(n.ID, n.TimeYear, n.Focus)
	}
	for _, m := range l.More {
		fmt.Printf("+%d more under %s: %v\n", len(m.Hidden), m.Parent, m.Hidden)
	}
	// Output:
	// A/RES/79/1 2024 false
	// A/RES/79/2 2024 false
	// A/RES/80/1 2025 true
	// +3 more under A/RES/80/1: [A/RES/79/3 A/RES/79/4 A/RES/79/5]
}
