package graph

import (
	"context"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/citegraph/citegraph/extract/corpus"
	"github.com/citegraph/citegraph/extract/corpus/corpustest"
)

// The facts of issue 3 over the shared corpus. They depend on the real
// extractor (titles, relations, SC forms).

var corpusGraph struct {
	once sync.Once
	g    *Graph
	err  error
}

// sharedGraph builds the graph of ../shared/corpus/ga and sc once.
func sharedGraph(t testing.TB) *Graph {
	t.Helper()
	dir := corpustest.Dir(t, "")
	corpusGraph.once.Do(func() {
		b := NewBuilder()
		paths := []string{filepath.Join(dir, "ga"), filepath.Join(dir, "sc")}
		corpusGraph.err = corpus.Walk(context.Background(), paths, corpus.Options{}, func(r corpus.Result) error {
			if r.Err == nil {
				b.Add(r.Doc)
			}
			return nil
		})
		if corpusGraph.err == nil {
			corpusGraph.g, corpusGraph.err = b.Graph()
		}
	})
	if corpusGraph.err != nil {
		t.Fatal(corpusGraph.err)
	}
	return corpusGraph.g
}

func TestCorpusTraceHumanRightsCooperation(t *testing.T) {
	g := sharedGraph(t)
	steps, err := g.Trace("A/RES/80/204", TraceOptions{Depth: 3})
	if err != nil {
		t.Fatal(err)
	}
	depth := map[string]int{}
	for _, s := range steps {
		depth[g.NodeAt(s.Node).ID] = s.Depth
	}
	for sym, want := range map[string]int{"A/RES/79/166": 1, "A/RES/78/199": 2, "A/RES/77/213": 3} {
		if d, ok := depth[sym]; !ok || d != want {
			t.Errorf("trace A/RES/80/204 --up --depth 3: %s at depth %d (reached: %v), want depth %d", sym, d, ok, want)
		}
	}
}

func TestCorpusSeriesHumanRightsCooperation(t *testing.T) {
	g := sharedGraph(t)
	want := []string{"A/RES/80/204", "A/RES/79/166", "A/RES/78/199", "A/RES/77/213"}
	for _, start := range []string{"A/RES/79/166", "A/RES/80/204"} {
		links, err := g.Series(start)
		if err != nil {
			t.Errorf("series %s: %v", start, err)
			continue
		}
		var got []string
		for _, l := range links {
			got = append(got, g.NodeAt(l.Node).ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("series %s = %v, want %v", start, got, want)
		}
	}
}

func TestCorpusSecurityCouncil872(t *testing.T) {
	g := sharedGraph(t)
	i := g.Index("S/RES/872(1993)")
	if i < 0 {
		t.Fatal("S/RES/872(1993) is not in the graph")
	}
	got := ids(g, int32s(g.Successors(i)))
	for _, want := range []string{"S/RES/812(1993)", "S/RES/846(1993)", "S/RES/868(1993)"} {
		if !slices.Contains(got, want) {
			t.Errorf("S/RES/872(1993) cites %v; want %s among them", got, want)
		}
	}
	if n, _ := g.Node("S/RES/846(1993)"); !n.InCorpus || n.Year != 1993 {
		t.Errorf("S/RES/846(1993) = %+v, want in the corpus, 1993", n)
	}
}

// TestCorpusRoundTrip saves and loads the corpus graph.
func TestCorpusRoundTrip(t *testing.T) {
	g := sharedGraph(t)
	p := filepath.Join(t.TempDir(), "corpus.citegraph")
	if err := g.Save(p); err != nil {
		t.Fatal(err)
	}
	h, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(g.Nodes(), h.Nodes(), func(a, b Node) bool { return a == b }) || len(g.Edges()) != len(h.Edges()) {
		t.Errorf("round trip changed the graph: %d/%d nodes, %d/%d edges", g.Len(), h.Len(), len(g.Edges()), len(h.Edges()))
	}
}

// TestCorpusSeriesWithCatalogue finds the series with the titles of
// meta/ga_titles.tsv, whatever titles the extractor reads.
func TestCorpusSeriesWithCatalogue(t *testing.T) {
	g := sharedGraph(t)
	c, err := LoadCatalog(filepath.Join(corpustest.Dir(t, ""), "meta", "ga_titles.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	g, _ = g.WithCatalogs(c)
	links, err := g.Series("A/RES/79/166")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range links {
		got = append(got, g.NodeAt(l.Node).ID)
	}
	if want := []string{"A/RES/80/204", "A/RES/79/166", "A/RES/78/199", "A/RES/77/213"}; !slices.Equal(got, want) {
		t.Errorf("series A/RES/79/166 = %v, want %v", got, want)
	}
	if last := links[len(links)-1]; last.ByTitle {
		t.Error("A/RES/77/213 has no title in the catalogue, yet its link is by title")
	}
}
