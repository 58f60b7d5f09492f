package graph_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

func exampleGraph() *graph.Graph {
	cite := func(target, relation string) extract.Reference {
		return extract.Reference{Target: target, Kind: extract.KindResolution, Body: "GA", Relation: relation, Paragraph: "PP2"}
	}
	b := graph.NewBuilder()
	b.Add(&extract.Document{Symbol: "A/RES/80/5", Title: "80/5. Cooperation on things", References: []extract.Reference{
		cite("A/RES/79/5", "recalling"), cite("A/RES/70/1", "reaffirming")}})
	b.Add(&extract.Document{Symbol: "A/RES/79/5", Title: "79/5. Cooperation on things", References: []extract.Reference{
		cite("A/RES/78/5", "recalling")}})
	g, err := b.Graph()
	if err != nil {
		panic(err)
	}
	return g
}

func ExampleGraph_Trace() {
	g := exampleGraph()
	steps, err := g.Trace("A/RES/80/5", graph.TraceOptions{})
	if err != nil {
		panic(err)
	}
	for _, s := range steps {
		fmt.Println(strings.Repeat("  ", s.Depth) + g.NodeAt(s.Node).ID)
	}
	// Output:
	// A/RES/80/5
	//   A/RES/70/1
	//   A/RES/79/5
	//     A/RES/78/5
}

func ExampleGraph_Series() {
	g := exampleGraph()
	links, _ := g.Series("A/RES/79/5")
	for _, l := range links {
		fmt.Println(g.NodeAt(l.Node).ID, l.ByTitle)
	}
	// Output:
	// A/RES/80/5 true
	// A/RES/79/5 true
	// A/RES/78/5 false
}

func ExampleGraph_Lookup() {
	g := exampleGraph()
	_, err := g.Lookup("A/RES/79/55")
	var nf *graph.NotFoundError
	fmt.Println(errors.As(err, &nf), nf.Closest[0])
	fmt.Println(err)
	// Output:
	// true A/RES/79/5
	// graph: A/RES/79/55 is not in the graph; closest: A/RES/79/5, A/RES/78/5, A/RES/70/1, A/RES/80/5
}

func ExampleLoad() {
	dir, _ := os.MkdirTemp("", "citegraph")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "corpus.citegraph")
	if err := exampleGraph().Save(path); err != nil {
		panic(err)
	}
	g, err := graph.Load(path)
	if err != nil {
		panic(err)
	}
	fmt.Println(g.Len(), "nodes,", len(g.Edges()), "edges")
	// Output: 4 nodes, 3 edges
}

func ExampleReadCatalog() {
	table := "Session,Adopted text,Title,year\nregular,51/3,Youth and human rights,2022\n"
	c, err := graph.ReadCatalog(strings.NewReader(table), "hrc_resolutions.csv")
	if err != nil {
		panic(err)
	}
	fmt.Printf("%+v\n", c.Entries)
	// Output: [{Symbol:A/HRC/RES/51/3 Title:Youth and human rights Date:2022}]
}
