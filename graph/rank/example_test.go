package rank_test

import (
	"fmt"

	"github.com/citegraph/citegraph/graph/rank"
)

// citations is a small citation graph: 0 is the oldest text, cited by 1
// and 2; 3 cites 1 and 2; 4 cites 3 and 0.
func citations() *rank.CSR {
	return rank.FromEdges(5, [][2]int32{{1, 0}, {2, 0}, {3, 1}, {3, 2}, {4, 3}, {4, 0}})
}

// The values are networkx's pagerank(G) to four places.
func ExamplePageRank() {
	pr, err := rank.PageRank(citations(), 0.85, 0)
	if err != nil {
		panic(err)
	}
	for i, x := range pr {
		fmt.Printf("%d %.4f\n", i, x)
	}
	// Output:
	// 0 0.4243
	// 1 0.1640
	// 2 0.1640
	// 3 0.1455
	// 4 0.1021
}

func ExampleInDegree() {
	fmt.Println(rank.InDegree(citations()))
	// Output: [3 1 1 1 0]
}

func ExampleHITS() {
	hubs, authorities, err := rank.HITS(citations(), 0)
	if err != nil {
		panic(err)
	}
	fmt.Printf("authority of 0: %.3f, hub 4: %.3f\n", authorities[0], hubs[4])
	// A graph without edges gives uniform scores (gonum's HITS never returns).
	_, a, _ := rank.HITS(rank.FromEdges(4, nil), 0)
	fmt.Println(a)
	// Output:
	// authority of 0: 0.707, hub 4: 0.414
	// [0.25 0.25 0.25 0.25]
}

func ExampleBetweenness() {
	b := rank.Betweenness(citations())
	fmt.Printf("%.4f\n", b)
	// Output: [0.0000 0.0417 0.0417 0.1667 0.0000]
}

func ExampleSampledBetweenness() {
	e := rank.SampledBetweenness(citations(), 3, 1)
	fmt.Printf("%d of %d sources; within %.2f with %.0f%% probability\n", e.Pivots, e.Nodes, e.Bound, 100*e.Confidence)
	// Output: 3 of 5 sources; within 1.17 with 95% probability
}

func ExampleSearchPathCount() {
	spc := rank.SearchPathCount(citations(), nil)
	fmt.Println("source-sink paths:", spc.Paths())
	for _, a := range spc.GlobalMainPath() {
		fmt.Printf("%d cites %d: SPC %v\n", a.From, a.To, a.Count)
	}
	// Output:
	// source-sink paths: 3
	// 4 cites 3: SPC 2
	// 3 cites 1: SPC 1
	// 1 cites 0: SPC 1
}

func ExampleSimilar() {
	for _, r := range rank.Similar(citations(), 1, rank.Both) {
		fmt.Printf("%d: co-cited %d, coupled %d, score %.3f\n", r.Node, r.CoCited, r.Coupled, r.Score)
	}
	// Output:
	// 2: co-cited 1, coupled 1, score 1.000
	// 4: co-cited 0, coupled 1, score 0.354
}

func ExampleCommunities() {
	// Two triangles joined by one citation.
	g := rank.FromEdges(6, [][2]int32{{1, 0}, {2, 0}, {2, 1}, {4, 3}, {5, 3}, {5, 4}, {3, 2}})
	comms, q := rank.Communities(g, 1, 1)
	fmt.Println(comms)
	fmt.Printf("Q = %.3f\n", q)
	// Output:
	// [[0 1 2] [3 4 5]]
	// Q = 0.357
}

func ExampleNewCSR() {
	// Convert once, then run several algorithms without further copies.
	c := rank.NewCSR(citations())
	fmt.Println(c.Len(), c.Edges(), c.Successors(3), c.Predecessors(0))
	// Output: 5 6 [1 2] [1 2 4]
}
