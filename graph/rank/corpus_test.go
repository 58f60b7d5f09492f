package rank

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

// corpusDir returns ../shared/corpus relative to the module root, skipping
// the test when it is absent.
func corpusDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
	c := filepath.Join(dir, "..", "shared", "corpus")
	if _, err := os.Stat(filepath.Join(c, "ga")); err != nil {
		t.Skipf("skipping: the shared corpus is not at %s (it is read from ../shared/corpus next to the repository): %v", c, err)
	}
	return c
}

// corpusGraph builds the citation graph of the General Assembly and
// Security Council texts of the shared corpus.
func corpusGraph(t testing.TB) *graph.Graph {
	t.Helper()
	root := corpusDir(t)
	b := graph.NewBuilder()
	for _, sub := range []string{"ga", "sc"} {
		files, err := filepath.Glob(filepath.Join(root, sub, "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(files)
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := extract.Extract(f, src)
			if err != nil {
				t.Fatalf("extracting %s: %v", f, err)
			}
			b.Add(doc)
		}
	}
	g, err := b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestCorpusAgainstNetworkx compares every centrality on the graph of the
// real corpus with networkx. Betweenness is compared too when the graph is
// small enough for networkx's exact algorithm to finish in seconds.
func TestCorpusAgainstNetworkx(t *testing.T) {
	needPython(t, "networkx, scipy")
	g := corpusGraph(t)
	c := NewCSR(g)
	t.Logf("corpus graph: %d nodes, %d edges", c.Len(), c.Edges())
	if c.Edges() == 0 {
		t.Fatal("the corpus graph has no edges: the extractor found no references")
	}
	if int64(c.Len())*int64(c.Edges()) <= 2e7 {
		compareAll(t, g, true)
		return
	}
	// networkx's exact betweenness would take minutes here: compare the
	// contributions of every step-th source, exact for those sources.
	step := c.Len()/200 + 1
	ref := compareAll(t, g, false, fmt.Sprintf("--betweenness-step=%d", step))
	var sources []int32
	for s := 0; s < c.Len(); s += step {
		sources = append(sources, int32(s))
	}
	b, _ := brandes(c, sources)
	scale := 1 / (float64(c.Len()-1) * float64(c.Len()-2))
	for i := range b {
		b[i] *= scale
	}
	checkClose(t, fmt.Sprintf("betweenness from %d sources", len(sources)), b, ref.Betweenness, 1e-12)
}
