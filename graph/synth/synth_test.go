package synth

import (
	"fmt"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

func TestDeterministic(t *testing.T) {
	opt := Options{Seed: 7, Docs: 2000}
	a, err := Graph(opt)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Graph(opt)
	if !slices.Equal(a.Nodes(), b.Nodes()) || len(a.Edges()) != len(b.Edges()) {
		t.Fatal("same options gave different graphs")
	}
	for i, e := range a.Edges() {
		f := b.Edges()[i]
		if e.From != f.From || e.To != f.To || !slices.Equal(e.Relations, f.Relations) {
			t.Fatalf("edge %d differs: %v / %v", i, e, f)
		}
	}
	c, _ := Graph(Options{Seed: 8, Docs: 2000})
	same := len(c.Edges()) == len(a.Edges())
	for i := 0; same && i < 50; i++ {
		same = c.Edges()[i].To == a.Edges()[i].To
	}
	if same {
		t.Error("another seed gave the same graph")
	}
}

func TestShape(t *testing.T) {
	const docs = 20000
	g, err := Graph(Options{Seed: 1, Docs: docs})
	if err != nil {
		t.Fatal(err)
	}
	inCorpus := 0
	for _, n := range g.Nodes() {
		if n.InCorpus {
			inCorpus++
		}
	}
	if inCorpus != docs {
		t.Errorf("%d documents in the corpus, want %d", inCorpus, docs)
	}
	perDoc := float64(len(g.Edges())) / docs
	if perDoc < 8 || perDoc > 11 {
		t.Errorf("%.1f citations per document, want about 10", perDoc)
	}
	// Citations go back in time.
	for _, e := range g.Edges() {
		f, _ := g.Node(e.From)
		to, _ := g.Node(e.To)
		if to.Year > f.Year {
			t.Fatalf("%s (%d) cites the later %s (%d)", e.From, f.Year, e.To, to.Year)
		}
	}
	// A heavy tail: the most cited document has far more citations than
	// the mean, and a few percent of documents take a large share.
	deg := make([]int, g.Len())
	for i := range deg {
		deg[i] = len(g.InEdges(i))
	}
	slices.Sort(deg)
	slices.Reverse(deg)
	top := 0
	for _, d := range deg[:g.Len()/100] {
		top += d
	}
	if deg[0] < 20*int(perDoc) {
		t.Errorf("largest in-degree %d: no heavy tail", deg[0])
	}
	if share := float64(top) / float64(len(g.Edges())); share < 0.1 {
		t.Errorf("top 1%% of documents take %.2f of citations, want > 0.10", share)
	}
	// The series are there.
	links, err := g.Series("A/RES/80/5")
	if err != nil {
		t.Fatal(err)
	}
	if len(links) < 10 {
		t.Errorf("series of A/RES/80/5 has %d documents, want many", len(links))
	}
}

func TestDocumentsReuse(t *testing.T) {
	var first *extract.Document
	n := 0
	Documents(Options{Seed: 1, Docs: 10}, func(d *extract.Document) {
		if first == nil {
			first = d
		}
		n++
	})
	if n != 10 {
		t.Errorf("%d documents, want 10", n)
	}
}

func ExampleGraph() {
	g, err := Graph(Options{Seed: 1, Docs: 1000})
	if err != nil {
		panic(err)
	}
	steps, _ := g.Trace("A/RES/50/3", graph.TraceOptions{Depth: 1})
	fmt.Println(g.Len() >= 1000, len(steps) > 1)
	// Output: true true
}

func TestCollect(t *testing.T) {
	opt := Options{Seed: 3, Docs: 500}
	docs := Collect(opt)
	if len(docs) != 500 || docs[0] == docs[1] || docs[499].Symbol == docs[498].Symbol {
		t.Fatalf("Collect gave %d documents, not distinct copies", len(docs))
	}
	b := graph.NewBuilder()
	for _, d := range docs {
		b.Add(d)
	}
	g1, _ := b.Graph()
	g2, _ := Graph(opt)
	if g1.Len() != g2.Len() || len(g1.Edges()) != len(g2.Edges()) {
		t.Errorf("collected corpus builds %d/%d, direct %d/%d", g1.Len(), len(g1.Edges()), g2.Len(), len(g2.Edges()))
	}
}
