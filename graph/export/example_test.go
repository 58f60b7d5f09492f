package export_test

import (
	"fmt"
	"log"
	"os"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/export"
)

func exampleGraph() *graph.Graph {
	b := graph.NewBuilder()
	b.Add(&extract.Document{
		File: "A_RES_79_166.txt", Symbol: "A/RES/79/166", Date: "2024-12-17", Body: "GA",
		Title: `Enhancement of international cooperation in the field of "human rights"`,
		References: []extract.Reference{
			{Target: "A/RES/78/199", Kind: extract.KindResolution, Body: "GA", Relation: "recalling", Paragraph: "PP2", Start: 120, End: 132},
		},
	})
	g, err := b.Graph()
	if err != nil {
		log.Fatal(err)
	}
	return g
}

func ExamplePajek() {
	if err := export.Pajek(os.Stdout, exampleGraph()); err != nil {
		log.Fatal(err)
	}
	// Output:
	// *Network citegraph
	// *Vertices 2
	// 1 "A/RES/78/199"
	// 2 "A/RES/79/166"
	// *Arcs
	// 2 1 1
}

func ExampleCSVEdges() {
	if err := export.CSVEdges(os.Stdout, exampleGraph()); err != nil {
		log.Fatal(err)
	}
	// Output:
	// source,target,relations,count,paragraphs,start,end
	// A/RES/79/166,A/RES/78/199,recalling,1,PP2,120,132
}

func ExampleNeo4jNodes() {
	if err := export.Neo4jNodes(os.Stdout, exampleGraph()); err != nil {
		log.Fatal(err)
	}
	// Output:
	// id:ID,title,date,year:int,body,kind,in_corpus:boolean,file,:LABEL
	// A/RES/78/199,,,2023,GA,resolution,false,,Document;Resolution
	// A/RES/79/166,"Enhancement of international cooperation in the field of ""human rights""",2024-12-17,2024,GA,resolution,true,A_RES_79_166.txt,Document;Resolution
}

func ExampleNodeLinkJSON() {
	if err := export.NodeLinkJSON(os.Stdout, exampleGraph()); err != nil {
		log.Fatal(err)
	}
	// Output:
	// {"directed": true, "multigraph": false, "graph": {}, "nodes": [
	// {"id": "A/RES/78/199", "title": "", "date": "", "year": 2023, "body": "GA", "kind": "resolution", "in_corpus": false, "file": ""},
	// {"id": "A/RES/79/166", "title": "Enhancement of international cooperation in the field of \"human rights\"", "date": "2024-12-17", "year": 2024, "body": "GA", "kind": "resolution", "in_corpus": true, "file": "A_RES_79_166.txt"}
	// ], "links": [
	// {"source": "A/RES/79/166", "target": "A/RES/78/199", "relations": ["recalling"], "count": 1, "paragraphs": ["PP2"], "start": 120, "end": 132}
	// ]}
}

// Every format, by name, to a file written atomically.
func ExampleWriteFile() {
	g := exampleGraph()
	dir, err := os.MkdirTemp("", "export")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	f, _ := export.Lookup("graphml")
	if err := export.WriteFile(dir+"/un"+f.Ext, g, f.Write); err != nil {
		log.Fatal(err)
	}
	fi, err := os.Stat(dir + "/un.graphml")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(fi.Name(), fi.Size() > 0)
	// Output:
	// un.graphml true
}
