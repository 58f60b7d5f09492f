package rank

import (
	"fmt"
	"testing"

	"github.com/citegraph/citegraph/graph/graphtest"
)

// TestCorpusAgainstNetworkx compares every centrality on the graph of the
// real corpus with networkx. Betweenness is compared too when the graph is
// small enough for networkx's exact algorithm to finish in seconds.
func TestCorpusAgainstNetworkx(t *testing.T) {
	needPython(t, "networkx, scipy")
	g := graphtest.Corpus(t)
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
