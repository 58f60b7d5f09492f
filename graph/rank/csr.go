// Package rank computes centrality and structure over a citation graph:
// in-degree, PageRank, HITS, betweenness (exact and sampled), search path
// count main paths, Louvain communities, co-citation and bibliographic
// coupling.
//
// The algorithms are functions over the small Directed interface, which
// *graph.Graph satisfies, in the style of gonum. Each converts its input
// once into compressed sparse row arrays (CSR) and works on those: the
// citation graph's own accessors allocate a fresh slice per call, and gonum's
// dense PageRank allocates an n×n matrix (80 GB at 100k nodes), its HITS
// never returns on a graph with no edges and its betweenness keeps maps keyed
// by node ID; its Louvain (community.Modularize, kept as CommunitiesGonum)
// costs the square of the community sizes per pass, so Communities is a
// Louvain of our own with O(m) passes, tested against gonum's modularity.
//
// Node numbers are the dense indexes 0..Len()-1 of the input graph. Every
// result is deterministic: it does not depend on the number of cores.
package rank

import (
	"runtime"
	"sync"
)

// Directed is a directed graph with dense node numbers 0..Len()-1.
// *graph.Graph satisfies it, and so does *CSR.
type Directed interface {
	Len() int
	// Successors returns the nodes i points to (what i cites).
	Successors(i int) []int32
	// Predecessors returns the nodes pointing to i (what cites i).
	Predecessors(i int) []int32
}

// CSR is a compressed sparse row copy of a directed graph: both adjacency
// directions as flat arrays. It satisfies Directed without allocating, so
// callers running several algorithms over a large graph convert once with
// NewCSR and pass the CSR.
type CSR struct {
	n        int
	outStart []int // len n+1; successors of i are outAdj[outStart[i]:outStart[i+1]]
	outAdj   []int32
	inStart  []int
	inAdj    []int32
}

// NewCSR copies g into CSR arrays. If g is already a *CSR it is returned.
func NewCSR(g Directed) *CSR {
	if c, ok := g.(*CSR); ok {
		return c
	}
	n := g.Len()
	c := &CSR{n: n, outStart: make([]int, n+1)}
	if el, ok := g.(edgeLister); ok {
		for i := 0; i < n; i++ {
			for _, e := range el.OutEdges(i) {
				_, to := el.Ends(int(e))
				c.outAdj = append(c.outAdj, int32(to))
			}
			c.outStart[i+1] = len(c.outAdj)
		}
	} else {
		for i := 0; i < n; i++ {
			c.outAdj = append(c.outAdj, g.Successors(i)...)
			c.outStart[i+1] = len(c.outAdj)
		}
	}
	c.buildIn()
	return c
}

// edgeLister is what *graph.Graph offers besides Directed: the numbers of
// the edges leaving a node and the ends of an edge, read without the copy
// Successors makes.
type edgeLister interface {
	OutEdges(i int) []int32
	Ends(e int) (from, to int)
}

// FromEdges builds a CSR over n nodes from (from, to) pairs. Successor lists
// keep the order the edges are given in; duplicate pairs are kept as they
// are (the graph is then a multigraph).
func FromEdges(n int, edges [][2]int32) *CSR {
	c := &CSR{n: n, outStart: make([]int, n+1)}
	for _, e := range edges {
		c.outStart[e[0]+1]++
	}
	for i := 0; i < n; i++ {
		c.outStart[i+1] += c.outStart[i]
	}
	c.outAdj = make([]int32, len(edges))
	pos := make([]int, n)
	copy(pos, c.outStart[:n])
	for _, e := range edges {
		c.outAdj[pos[e[0]]] = e[1]
		pos[e[0]]++
	}
	c.buildIn()
	return c
}

// buildIn fills the predecessor arrays from the successor arrays by a
// counting sort, so each predecessor list is in increasing node order.
func (c *CSR) buildIn() {
	n := c.n
	c.inStart = make([]int, n+1)
	for _, v := range c.outAdj {
		c.inStart[v+1]++
	}
	for i := 0; i < n; i++ {
		c.inStart[i+1] += c.inStart[i]
	}
	c.inAdj = make([]int32, len(c.outAdj))
	pos := make([]int, n)
	copy(pos, c.inStart[:n])
	for u := 0; u < n; u++ {
		for _, v := range c.outAdj[c.outStart[u]:c.outStart[u+1]] {
			c.inAdj[pos[v]] = int32(u)
			pos[v]++
		}
	}
}

// Len returns the number of nodes.
func (c *CSR) Len() int { return c.n }

// Edges returns the number of edges.
func (c *CSR) Edges() int { return len(c.outAdj) }

// Successors returns the nodes i points to. The slice is shared: do not modify it.
func (c *CSR) Successors(i int) []int32 { return c.outAdj[c.outStart[i]:c.outStart[i+1]] }

// Predecessors returns the nodes pointing to i. The slice is shared: do not modify it.
func (c *CSR) Predecessors(i int) []int32 { return c.inAdj[c.inStart[i]:c.inStart[i+1]] }

// OutDegree returns the number of edges leaving i.
func (c *CSR) OutDegree(i int) int { return c.outStart[i+1] - c.outStart[i] }

// InDegree returns the number of edges entering i.
func (c *CSR) InDegree(i int) int { return c.inStart[i+1] - c.inStart[i] }

// parallelChunks runs fn over [0, n) cut into chunks of at least minChunk
// items, on all cores. Each index is handled by exactly one call, so a
// function writing only to its own indexes gives the same result whatever
// the number of cores.
func parallelChunks(n, minChunk int, fn func(lo, hi int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers <= 1 || n <= minChunk {
		fn(0, n)
		return
	}
	chunks := (n + minChunk - 1) / minChunk
	if chunks > 4*workers {
		chunks = 4 * workers
	}
	size := (n + chunks - 1) / chunks
	var wg sync.WaitGroup
	next := make(chan int, chunks)
	for lo := 0; lo < n; lo += size {
		next <- lo
	}
	close(next)
	for w := 0; w < workers && w < chunks; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for lo := range next {
				fn(lo, min(lo+size, n))
			}
		}()
	}
	wg.Wait()
}
