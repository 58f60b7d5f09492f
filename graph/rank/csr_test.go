package rank

import (
	"slices"
	"testing"

	"github.com/citegraph/citegraph/graph/synth"
)

// onlyDirected hides every method but Directed's, to test NewCSR's general path.
type onlyDirected struct{ Directed }

func TestNewCSR(t *testing.T) {
	g, err := synth.Graph(synth.Options{Seed: 3, Docs: 2000})
	if err != nil {
		t.Fatal(err)
	}
	fast, slow := NewCSR(g), NewCSR(onlyDirected{g})
	if fast.Len() != g.Len() || fast.Edges() != len(g.Edges()) {
		t.Fatalf("CSR has %d nodes, %d edges; graph %d, %d", fast.Len(), fast.Edges(), g.Len(), len(g.Edges()))
	}
	for i := 0; i < g.Len(); i++ {
		for _, c := range []*CSR{fast, slow} {
			if !slices.Equal(c.Successors(i), g.Successors(i)) || !slices.Equal(c.Predecessors(i), g.Predecessors(i)) {
				t.Fatalf("node %d: CSR successors %v predecessors %v; graph %v %v", i, c.Successors(i), c.Predecessors(i), g.Successors(i), g.Predecessors(i))
			}
		}
	}
	if NewCSR(fast) != fast {
		t.Error("NewCSR copied a CSR")
	}
}
