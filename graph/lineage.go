package graph

import (
	"fmt"
	"slices"
	"strings"
)

// TraceOptions selects what Trace follows.
type TraceOptions struct {
	// Down follows citations backwards, to the documents that cite the
	// root (its descendants); by default Trace goes up, to what the root
	// cites (its ancestors).
	Down bool
	// Depth is the largest number of citation steps from the root; 0 or
	// less means no limit.
	Depth int
	// Relations keeps only the edges carrying at least one of these
	// relations (compared without regard to case); empty keeps all edges.
	Relations []string
}

// A Step is one node reached by Trace.
type Step struct {
	Node   int // dense index of the node reached
	Depth  int // citation steps from the root; 0 for the root
	Parent int // dense index of the node it was first reached from; -1 for the root
	Edge   int // index of the edge between Parent and Node; -1 for the root
}

// Trace returns the ancestors (or, with opt.Down, the descendants) of
// symbol in breadth-first order, the root first. Each node appears once, at
// its shortest distance from the root, under the first node that reached
// it when the neighbours of every node are visited in symbol order: the
// steps form a spanning tree and the order is deterministic.
//
// An unknown symbol gives a *NotFoundError naming the closest symbols.
func (g *Graph) Trace(symbol string, opt TraceOptions) ([]Step, error) {
	root, err := g.Lookup(symbol)
	if err != nil {
		return nil, err
	}
	keep := g.relationFilter(opt.Relations)
	steps := []Step{{Node: root, Parent: -1, Edge: -1}}
	seen := make([]bool, len(g.nodes))
	seen[root] = true
	for k := 0; k < len(steps); k++ {
		s := steps[k]
		if opt.Depth > 0 && s.Depth >= opt.Depth {
			continue
		}
		es, end := g.out[s.Node], g.to
		if opt.Down {
			es, end = g.in[s.Node], g.from
		}
		for _, e := range es {
			v := end[e]
			if seen[v] || !keep(e) {
				continue
			}
			seen[v] = true
			steps = append(steps, Step{Node: int(v), Depth: s.Depth + 1, Parent: s.Node, Edge: int(e)})
		}
	}
	return steps, nil
}

// relationFilter returns a test of edges for the relations given.
func (g *Graph) relationFilter(relations []string) func(e int32) bool {
	if len(relations) == 0 {
		return func(int32) bool { return true }
	}
	want := make(map[string]bool, len(relations))
	for _, r := range relations {
		want[strings.ToLower(strings.TrimSpace(r))] = true
	}
	return func(e int32) bool {
		for _, r := range g.edges[e].Relations {
			if want[strings.ToLower(r)] {
				return true
			}
		}
		return false
	}
}

// DefaultPathLimit is how many paths ShortestPaths returns when given no limit.
const DefaultPathLimit = 100

// ShortestPaths returns every shortest chain of citations from one
// document to another (from cites x cites ... cites to), as dense node
// indexes, in lexicographic order of their symbols, at most limit of them
// (limit <= 0 means DefaultPathLimit). relations filters edges as in
// Trace. It returns no paths and no error when to cannot be reached.
func (g *Graph) ShortestPaths(from, to string, relations []string, limit int) ([][]int, error) {
	s, err := g.Lookup(from)
	if err != nil {
		return nil, err
	}
	t, err := g.Lookup(to)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = DefaultPathLimit
	}
	if s == t {
		return [][]int{{s}}, nil
	}
	keep := g.relationFilter(relations)
	// Distances from s along citations, up to t's distance.
	distS := g.bfs(s, false, keep, t)
	if distS[t] < 0 {
		return nil, nil
	}
	// Distances to t, backwards, limited to nodes reached from s.
	distT := g.bfs(t, true, keep, -1)
	dt := distS[t]
	var paths [][]int
	path := []int{s}
	var walk func(u int)
	walk = func(u int) {
		if len(paths) >= limit {
			return
		}
		if u == t {
			paths = append(paths, slices.Clone(path))
			return
		}
		du := distS[u]
		for _, e := range g.out[u] {
			v := g.to[e]
			if !keep(e) {
				continue
			}
			dv := distS[v]
			if dv < 0 || dv != du+1 {
				continue
			}
			if tv := distT[v]; tv < 0 || tv != dt-dv {
				continue
			}
			path = append(path, int(v))
			walk(int(v))
			path = path[:len(path)-1]
		}
	}
	walk(s)
	return paths, nil
}

// bfs returns the distance of every node reached from root, along
// citations or (back) against them. With stop >= 0 it does not go beyond
// the distance of stop. Nodes not reached have distance -1.
func (g *Graph) bfs(root int, back bool, keep func(int32) bool, stop int) []int32 {
	dist := make([]int32, len(g.nodes))
	for i := range dist {
		dist[i] = -1
	}
	dist[root] = 0
	queue := []int32{int32(root)}
	limit := int32(-1)
	for k := 0; k < len(queue); k++ {
		u := queue[k]
		d := dist[u]
		if limit >= 0 && d >= limit {
			break
		}
		es, end := g.out[u], g.to
		if back {
			es, end = g.in[u], g.from
		}
		for _, e := range es {
			v := end[e]
			if dist[v] >= 0 || !keep(e) {
				continue
			}
			dist[v] = d + 1
			if int(v) == stop {
				limit = d + 1
			}
			queue = append(queue, v)
		}
	}
	return dist
}

// A NotFoundError reports a symbol that is not in the graph, with the
// symbols closest to it.
type NotFoundError struct {
	Symbol  string
	Closest []string
}

func (e *NotFoundError) Error() string {
	if len(e.Closest) == 0 {
		return fmt.Sprintf("graph: %s is not in the graph", e.Symbol)
	}
	return fmt.Sprintf("graph: %s is not in the graph; closest: %s", e.Symbol, strings.Join(e.Closest, ", "))
}

// Lookup returns the dense index of symbol, or a *NotFoundError naming the
// five closest symbols in the graph.
func (g *Graph) Lookup(symbol string) (int, error) {
	if i := g.Index(symbol); i >= 0 {
		return i, nil
	}
	return -1, &NotFoundError{Symbol: symbol, Closest: g.Closest(symbol, 5)}
}

// Closest returns the n node IDs nearest to symbol by edit distance over
// keys (Levenshtein on Key), ties broken by ID.
func (g *Graph) Closest(symbol string, n int) []string {
	if n <= 0 {
		return nil
	}
	k := []byte(Key(symbol))
	type cand struct {
		d int
		i int
	}
	var best []cand // sorted by (d, i), at most n
	worst := len(k) + 64
	row := make([]int, len(k)+1)
	for i := range g.nodes {
		id := Key(g.nodes[i].ID)
		bound := worst
		if len(best) < n {
			bound = len(k) + len(id)
		}
		if abs(len(id)-len(k)) > bound {
			continue
		}
		d := levenshtein(k, id, bound, row)
		if d > bound || len(best) == n && d >= worst {
			continue
		}
		c := cand{d, i}
		j, _ := slices.BinarySearchFunc(best, c, func(a, b cand) int {
			if a.d != b.d {
				return a.d - b.d
			}
			return a.i - b.i
		})
		best = slices.Insert(best, j, c)
		if len(best) > n {
			best = best[:n]
		}
		if len(best) == n {
			worst = best[n-1].d
		}
	}
	out := make([]string, len(best))
	for j, c := range best {
		out[j] = g.nodes[c.i].ID
	}
	return out
}

// levenshtein returns the edit distance of a and b, or a number above
// bound as soon as the distance is known to exceed it. row is scratch
// space of len(a)+1.
func levenshtein(a []byte, b string, bound int, row []int) int {
	for i := range row {
		row[i] = i
	}
	for j := 1; j <= len(b); j++ {
		prev := row[0]
		row[0] = j
		rmin := row[0]
		for i := 1; i <= len(a); i++ {
			cur := row[i]
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(row[i]+1, row[i-1]+1, prev+cost)
			row[i] = v
			prev = cur
			rmin = min(rmin, v)
		}
		if rmin > bound {
			return bound + 1
		}
	}
	return row[len(a)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
