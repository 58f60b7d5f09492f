package rank

import (
	"math/rand/v2"
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// CommunitiesGonum is Communities computed by gonum's
// community.Modularize, for comparison and for small graphs: its passes
// cost the sum of the squares of the community sizes (see Communities). The
// result has the same form; the partition may differ from Communities'
// (Louvain is greedy and the two visit nodes in different random orders),
// its modularity is about the same.
func CommunitiesGonum(g Directed, resolution float64, seed uint64) (communities [][]int32, q float64) {
	u := newUndirected(NewCSR(g))
	if len(u.nodes) == 0 {
		return nil, 0
	}
	r := community.Modularize(u, resolution, rand.NewPCG(seed, 0x6c6f7576)) // "louv"
	for _, c := range r.Communities() {
		members := make([]int32, len(c))
		for i, n := range c {
			members[i] = int32(n.ID())
		}
		slices.Sort(members)
		communities = append(communities, members)
	}
	slices.SortFunc(communities, func(a, b []int32) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return int(a[0] - b[0])
	})
	return communities, community.Q(u, r.Communities(), resolution)
}

// undirected is the undirected projection of a CSR as a gonum
// graph.Undirected. Unlike gonum's map-based simple.UndirectedGraph it
// iterates nodes and neighbours in increasing order, so Louvain sees the
// same graph in the same order every time.
type undirected struct {
	nodes []gonum.Node
	adj   [][]int32 // sorted, distinct, no self-loops
}

func newUndirected(c *CSR) *undirected {
	u := &undirected{nodes: make([]gonum.Node, c.n), adj: make([][]int32, c.n)}
	for i := 0; i < c.n; i++ {
		u.nodes[i] = simple.Node(i)
		nb := make([]int32, 0, c.OutDegree(i)+c.InDegree(i))
		nb = append(nb, c.Successors(i)...)
		nb = append(nb, c.Predecessors(i)...)
		slices.Sort(nb)
		nb = slices.Compact(nb)
		if k, ok := slices.BinarySearch(nb, int32(i)); ok {
			nb = slices.Delete(nb, k, k+1)
		}
		u.adj[i] = nb
	}
	return u
}

func (u *undirected) Node(id int64) gonum.Node {
	if id < 0 || id >= int64(len(u.nodes)) {
		return nil
	}
	return u.nodes[id]
}

func (u *undirected) Nodes() gonum.Nodes { return iterator.NewOrderedNodes(u.nodes) }

func (u *undirected) From(id int64) gonum.Nodes {
	if id < 0 || id >= int64(len(u.nodes)) {
		return gonum.Empty
	}
	nb := u.adj[id]
	ns := make([]gonum.Node, len(nb))
	for i, v := range nb {
		ns[i] = u.nodes[v]
	}
	return iterator.NewOrderedNodes(ns)
}

func (u *undirected) HasEdgeBetween(x, y int64) bool {
	if x < 0 || x >= int64(len(u.nodes)) || y < 0 || y >= int64(len(u.nodes)) {
		return false
	}
	_, ok := slices.BinarySearch(u.adj[x], int32(y))
	return ok
}

func (u *undirected) Edge(x, y int64) gonum.Edge {
	if !u.HasEdgeBetween(x, y) {
		return nil
	}
	return simple.Edge{F: u.nodes[x], T: u.nodes[y]}
}

func (u *undirected) EdgeBetween(x, y int64) gonum.Edge { return u.Edge(x, y) }
