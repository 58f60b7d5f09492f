package render_test

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/render"
)

// lineage300 builds a lineage of 300 GA resolutions: ten per session over
// sessions 51 to 79, nine in session 50, each citing three of the two
// sessions before it, and A/RES/80/1 citing all of session 79; it returns
// the DOT of the ancestors of A/RES/80/1, all drawn.
func lineage300(tb testing.TB) []byte {
	tb.Helper()
	b := graph.NewBuilder()
	sym := func(s, k int) string {
		if s == 50 && k == 9 {
			k = 0
		}
		return fmt.Sprintf("A/RES/%d/%d", s, 100+k)
	}
	rels := []string{"recalling", "reaffirming", "taking note"}
	focus := &extract.Document{Symbol: "A/RES/80/1", Date: "2025-12-01", Body: "GA", Title: "Focus of the benchmark"}
	for s := 50; s < 80; s++ {
		for k := 0; k < 10; k++ {
			if s == 50 && k == 9 {
				continue
			}
			d := &extract.Document{Symbol: sym(s, k), Date: fmt.Sprintf("%d-12-%02d", 1945+s, 10+k), Body: "GA",
				Title: fmt.Sprintf("Strengthening of the coordination of humanitarian and disaster relief assistance, part %d of session %d", k, s)}
			if s > 50 {
				d.References = append(d.References,
					extract.Reference{Target: sym(s-1, k), Body: "GA", Relation: rels[k%3]},
					extract.Reference{Target: sym(s-1, (k+1)%10), Body: "GA", Relation: rels[(k+1)%3]})
			}
			if s > 51 {
				d.References = append(d.References, extract.Reference{Target: sym(s-2, (k+3)%10), Body: "GA", Relation: "recalling"})
			}
			if s == 79 {
				focus.References = append(focus.References, extract.Reference{Target: sym(s, k), Body: "GA", Relation: "recalling"})
			}
			b.Add(d)
		}
	}
	b.Add(focus)
	g, err := b.Graph()
	if err != nil {
		tb.Fatal(err)
	}
	l, err := render.Select(g, "A/RES/80/1", render.Options{Depth: -1, MaxNodes: -1})
	if err != nil {
		tb.Fatal(err)
	}
	if len(l.Nodes) != 300 {
		tb.Fatalf("the lineage has %d documents, want 300", len(l.Nodes))
	}
	return render.DOT(l)
}

// BenchmarkSVG300 draws the SVG of a 300-document lineage with the embedded
// Graphviz (WebAssembly, in process) and with the native 'dot -Tsvg'.
func BenchmarkSVG300(b *testing.B) {
	dot := lineage300(b)
	for _, e := range []render.Engine{render.EngineEmbedded, render.EngineNative} {
		b.Run(string(e), func(b *testing.B) {
			if e == render.EngineNative {
				if _, err := exec.LookPath("dot"); err != nil {
					b.Skip("no 'dot' on PATH (apt-get install graphviz)")
				}
			}
			var n int64
			for b.Loop() {
				var buf bytes.Buffer
				if err := render.Render(context.Background(), dot, render.FormatSVG, e, &buf); err != nil {
					b.Fatal(err)
				}
				n = int64(buf.Len())
			}
			b.ReportMetric(float64(n)/1024, "KiB/svg")
		})
	}
}

// BenchmarkDOT300 is the cost of our part: selecting and writing the DOT.
func BenchmarkDOT300(b *testing.B) {
	dot := lineage300(b)
	b.SetBytes(int64(len(dot)))
	for b.Loop() {
		lineage300(b)
	}
}

func TestLineage300RendersSVG(t *testing.T) {
	if testing.Short() {
		t.Skip("draws 300 documents")
	}
	dot := lineage300(t)
	var svg bytes.Buffer
	if err := render.Render(context.Background(), dot, render.FormatSVG, render.EngineEmbedded, &svg); err != nil {
		t.Fatal(err)
	}
	if docs := docNodes(t, parseSVG(t, svg.Bytes())); len(docs) != 300 {
		t.Errorf("the SVG draws %d documents, want 300", len(docs))
	}
}

// TestCitegraphDoesNotLinkEmbedded guards the start-up of every citegraph
// command: go-graphviz compiles its WebAssembly module when its package is
// initialised, so only the citegraph-graphviz helper may link it.
func TestCitegraphDoesNotLinkEmbedded(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	out, err := exec.Command(gobin, "list", "-deps", "github.com/citegraph/citegraph/cmd/citegraph").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "github.com/goccy/go-graphviz") || p == "github.com/citegraph/citegraph/render/embedded" {
			t.Errorf("cmd/citegraph links %s: every command would pay its start-up", p)
		}
	}
}
