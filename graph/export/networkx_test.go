package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/graphtest"
)

// python is the interpreter that sees Debian's python3-networkx.
const python = "/usr/bin/python3"

// nxGraph is one format as networkx read it (testdata/nxload.py).
type nxGraph struct {
	Directed   bool                 `json:"directed"`
	Multigraph bool                 `json:"multigraph"`
	Nodes      [][2]json.RawMessage `json:"nodes"`
	Edges      [][3]json.RawMessage `json:"edges"`
}

// loadWithNetworkx writes g in the five formats networkx reads and returns
// what networkx made of each. It skips the test when networkx is missing.
func loadWithNetworkx(t *testing.T, g *graph.Graph) (version string, formats map[string]nxGraph) {
	t.Helper()
	if err := exec.Command(python, "-c", "import networkx").Run(); err != nil {
		t.Skipf("%s cannot import networkx (%v): install the Debian package python3-networkx (apt-get install -y python3-networkx) to check that networkx reads every export", python, err)
	}
	dir := t.TempDir()
	for name, write := range map[string]func(w *bytes.Buffer) error{
		"graph.graphml": func(w *bytes.Buffer) error { return GraphML(w, g) },
		"graph.gexf":    func(w *bytes.Buffer) error { return GEXF(w, g) },
		"graph.gml":     func(w *bytes.Buffer) error { return GML(w, g) },
		"graph.net":     func(w *bytes.Buffer) error { return Pajek(w, g) },
		"graph.json":    func(w *bytes.Buffer) error { return NodeLinkJSON(w, g) },
	} {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(python, filepath.Join("testdata", "nxload.py"), dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx could not read the exports: %v\n%s", err, stderr.Bytes())
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(out, &raw); err != nil {
		t.Fatalf("reading nxload.py output: %v", err)
	}
	json.Unmarshal(raw["networkx"], &version)
	formats = map[string]nxGraph{}
	for _, f := range []string{"graphml", "gexf", "gml", "pajek", "json"} {
		var ng nxGraph
		if err := json.Unmarshal(raw[f], &ng); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		formats[f] = ng
	}
	return version, formats
}

// norm turns a value networkx read into the text it stands for: numbers
// without a fraction as integers, lists joined by ';', null as "null".
func norm(raw json.RawMessage) string {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return "<" + err.Error() + ">"
	}
	return normValue(v)
}

func normValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = normValue(x)
		}
		return strings.Join(parts, ";")
	}
	return fmt.Sprint(v)
}

func normAttrs(raw json.RawMessage) map[string]string {
	var m map[string]json.RawMessage
	json.Unmarshal(raw, &m)
	out := map[string]string{}
	for k, v := range m {
		out[k] = norm(v)
	}
	return out
}

// wantNode returns the attributes networkx must read for n in format f.
func wantNode(f string, i int, n graph.Node) map[string]string {
	m := map[string]string{}
	str := func(k, v string) {
		if v = clean(v); v != "" || f == "json" {
			m[k] = v
		}
	}
	switch f {
	case "pajek":
		// read_pajek keeps the vertex number as "id".
		return map[string]string{"id": strconv.Itoa(i + 1)}
	case "graphml":
		str("symbol", n.ID)
	case "gexf":
		m["label"] = clean(n.ID)
		if n.Year != 0 {
			m["start"] = strconv.Itoa(n.Year)
		}
	}
	str("title", n.Title)
	str("date", n.Date)
	switch {
	case n.Year != 0:
		m["year"] = strconv.Itoa(n.Year)
	case f == "json":
		m["year"] = "null"
	}
	str("body", n.Body)
	str("kind", n.Kind)
	switch {
	case f == "gml" && n.InCorpus:
		m["in_corpus"] = "1"
	case f == "gml":
		m["in_corpus"] = "0"
	default:
		m["in_corpus"] = strconv.FormatBool(n.InCorpus)
	}
	str("file", n.File)
	return m
}

// wantEdge returns the attributes networkx must read for e in format f.
func wantEdge(f string, e graph.Edge) map[string]string {
	if f == "pajek" {
		return map[string]string{"weight": strconv.Itoa(e.Count)}
	}
	m := map[string]string{
		"count": strconv.Itoa(e.Count),
		"start": strconv.Itoa(e.Start),
		"end":   strconv.Itoa(e.End),
	}
	if r := joined(e.Relations); r != "" || f == "json" {
		m["relations"] = r
	}
	if p := joined(e.Paragraphs); p != "" || f == "json" {
		m["paragraphs"] = p
	}
	if f == "gexf" {
		m["weight"] = strconv.Itoa(e.Count)
	}
	return m
}

// checkNetworkx compares what networkx read in every format with g: same
// nodes, same edges, and for each the same attributes, no more, no fewer.
func checkNetworkx(t *testing.T, g *graph.Graph) {
	version, formats := loadWithNetworkx(t, g)
	t.Logf("networkx %s read %d nodes, %d edges in graphml, gexf, gml, pajek and node-link json", version, g.Len(), len(g.Edges()))
	for _, f := range []string{"graphml", "gexf", "gml", "pajek", "json"} {
		ng := formats[f]
		if !ng.Directed {
			t.Errorf("%s: networkx read an undirected graph", f)
		}
		if len(ng.Nodes) != g.Len() || len(ng.Edges) != len(g.Edges()) {
			t.Errorf("%s: networkx read %d nodes, %d edges; the graph has %d, %d", f, len(ng.Nodes), len(ng.Edges), g.Len(), len(g.Edges()))
			continue
		}
		got := map[string]map[string]string{}
		for _, n := range ng.Nodes {
			got[norm(n[0])] = normAttrs(n[1])
		}
		bad := 0
		for i, n := range g.Nodes() {
			want := wantNode(f, i, n)
			id := clean(n.ID)
			if f == "pajek" {
				id = pajekText(n.ID)
			}
			have, ok := got[id]
			if !ok {
				t.Errorf("%s: networkx has no node %q", f, clean(n.ID))
			} else if d := diffAttrs(have, want); d != "" {
				t.Errorf("%s: node %q: %s", f, n.ID, d)
			} else {
				continue
			}
			if bad++; bad > 5 {
				t.Fatalf("%s: too many differences", f)
			}
		}
		gotE := map[[2]string]map[string]string{}
		for _, e := range ng.Edges {
			gotE[[2]string{norm(e[0]), norm(e[1])}] = normAttrs(e[2])
		}
		for _, e := range g.Edges() {
			from, to := clean(e.From), clean(e.To)
			if f == "pajek" {
				from, to = pajekText(e.From), pajekText(e.To)
			}
			have, ok := gotE[[2]string{from, to}]
			if !ok {
				t.Errorf("%s: networkx has no edge %q -> %q", f, e.From, e.To)
			} else if d := diffAttrs(have, wantEdge(f, e)); d != "" {
				t.Errorf("%s: edge %q -> %q: %s", f, e.From, e.To, d)
			} else {
				continue
			}
			if bad++; bad > 5 {
				t.Fatalf("%s: too many differences", f)
			}
		}
	}
}

func diffAttrs(have, want map[string]string) string {
	var keys []string
	for k := range have {
		keys = append(keys, k)
	}
	for k := range want {
		if _, ok := have[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		h, hok := have[k]
		w, wok := want[k]
		switch {
		case !hok:
			fmt.Fprintf(&b, "\n  %s missing, want %q", k, w)
		case !wok:
			fmt.Fprintf(&b, "\n  %s = %q not expected", k, h)
		case h != w:
			fmt.Fprintf(&b, "\n  %s = %q, want %q", k, h, w)
		}
	}
	return b.String()
}

// TestNetworkxReadsExports: networkx reads the GraphML, GEXF, GML, Pajek
// and node-link JSON of the hostile test graph with the same nodes, edges
// and attributes.
func TestNetworkxReadsExports(t *testing.T) {
	checkNetworkx(t, testGraph(t))
}

// TestNetworkxReadsCorpusExports runs the networkx check on the graph of
// the real corpus.
func TestNetworkxReadsCorpusExports(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the corpus export check")
	}
	g := graphtest.Corpus(t)
	if g.Len() == 0 {
		t.Fatal("the corpus graph is empty")
	}
	checkNetworkx(t, g)
}
