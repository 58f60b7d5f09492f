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
	var keep func(int32) bool
	if len(opt.Relations) > 0 {
		keep = g.relationFilter(opt.Relations)
	}
	adj, end := g.out, g.to
	if opt.Down {
		adj, end = g.in, g.from
	}
	steps := []Step{{Node: root, Parent: -1, Edge: -1}}
	seen := make([]bool, len(g.nodes))
	seen[root] = true
	for k := 0; k < len(steps); k++ {
		u, d := steps[k].Node, steps[k].Depth
		if opt.Depth > 0 && d >= opt.Depth {
			// Breadth-first: every later step is as deep.
			break
		}
		for _, e := range adj[u] {
			v := end[e]
			if seen[v] || keep != nil && !keep(e) {
				continue
			}
			seen[v] = true
			steps = append(steps, Step{Node: int(v), Depth: d + 1, Parent: u, Edge: int(e)})
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
//
// The search is bidirectional (it grows the smaller frontier, from the
// citing side or the cited side), so its cost is that of the two balls
// around the ends that meet, not of everything from reaches.
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
	df := map[int32]int32{int32(s): 0} // distance from s, for the nodes the forward search reached
	db := map[int32]int32{int32(t): 0} // distance to t, for the nodes the backward search reached
	ff, fb := []int32{int32(s)}, []int32{int32(t)}
	var F, B int32
	met := false
	// step expands one frontier by a level along adj (edges to the node
	// end[e]), recording distances in mine; met says it reached other.
	step := func(front []int32, adj [][]int32, end []int32, mine, other map[int32]int32, d int32) (next []int32, met bool) {
		for _, u := range front {
			for _, e := range adj[u] {
				v := end[e]
				if _, ok := mine[v]; ok || !keep(e) {
					continue
				}
				mine[v] = d + 1
				next = append(next, v)
				if _, ok := other[v]; ok {
					met = true
				}
			}
		}
		return next, met
	}
	for !met && len(ff) > 0 && len(fb) > 0 {
		if len(ff) <= len(fb) {
			ff, met = step(ff, g.out, g.to, df, db, F)
			F++
		} else {
			fb, met = step(fb, g.in, g.from, db, df, B)
			B++
		}
	}
	if !met {
		return nil, nil
	}
	// The first meeting happens at distance F+B exactly. pos[u] = p when
	// u is at position p of some shortest path: found backwards from t.
	dt := F + B
	pos := map[int32]int32{int32(t): dt}
	layer := []int32{int32(t)}
	for p := dt - 1; p >= 0; p-- {
		var prev []int32
		for _, v := range layer {
			for _, e := range g.in[v] {
				u := g.from[e]
				if _, ok := pos[u]; ok || !keep(e) {
					continue
				}
				if p <= F {
					if d, ok := df[u]; !ok || d != p {
						continue
					}
				}
				if p >= dt-B {
					if d, ok := db[u]; !ok || d != dt-p {
						continue
					}
				}
				pos[u] = p
				prev = append(prev, u)
			}
		}
		layer = prev
	}
	var paths [][]int
	path := []int{s}
	var walk func(u int32, p int32)
	walk = func(u int32, p int32) {
		if len(paths) >= limit {
			return
		}
		if p == dt {
			paths = append(paths, slices.Clone(path))
			return
		}
		for _, e := range g.out[u] {
			v := g.to[e]
			if q, ok := pos[v]; !ok || q != p+1 || !keep(e) {
				continue
			}
			path = append(path, int(v))
			walk(v, p+1)
			path = path[:len(path)-1]
		}
	}
	walk(int32(s), 0)
	return paths, nil
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
//
// It walks the keys in sorted order, so that consecutive keys share the
// rows of the edit-distance table for their common prefix, and skips every
// key under a prefix whose row already exceeds the n-th best distance: on a
// million symbols that share a few prefixes (A/RES/80/...) it computes a
// small part of the table.
func (g *Graph) Closest(symbol string, n int) []string {
	if n <= 0 || len(g.nodes) == 0 {
		return nil
	}
	q := []byte(Key(symbol))
	keys, order := g.sortedKeys()
	type cand struct{ d, i int }
	cmp := func(a, b cand) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return a.i - b.i
	}
	var best []cand // sorted by cmp, at most n
	insert := func(c cand) {
		if len(best) < n || cmp(c, best[n-1]) < 0 {
			j, _ := slices.BinarySearchFunc(best, c, cmp)
			best = slices.Insert(best, j, c)
			if len(best) > n {
				best = best[:n]
			}
		}
	}
	// Seed the best with the keys around where the symbol would sort,
	// which share its longest prefix: the bound is tight from the start.
	at, _ := slices.BinarySearch(keys, string(q))
	lo, hi := max(0, at-n), min(len(keys), at+n)
	for k := lo; k < hi; k++ {
		insert(cand{editDistance(q, keys[k]), int(order[k])})
	}
	// rows[j] is the table row for the first j bytes of the current key.
	rows := [][]int{make([]int, len(q)+1)}
	for i := range rows[0] {
		rows[0][i] = i
	}
	prev, valid := "", 0 // rows[0..valid] hold the rows of prev's prefixes
	for k := 0; k < len(keys); {
		key := keys[k]
		l := min(commonPrefix(prev, key), valid)
		prev = key
		pruned := false
		for j := l + 1; j <= len(key); j++ {
			if j >= len(rows) {
				rows = append(rows, make([]int, len(q)+1))
			}
			up, row := rows[j-1], rows[j]
			row[0] = j
			rmin := j
			c := key[j-1]
			for i := 1; i <= len(q); i++ {
				cost := 1
				if q[i-1] == c {
					cost = 0
				}
				v := min(up[i]+1, row[i-1]+1, up[i-1]+cost)
				row[i] = v
				rmin = min(rmin, v)
			}
			valid = j
			if len(best) == n && rmin > best[n-1].d {
				// No key with this prefix can do better: skip them all.
				p := key[:j]
				k += sortSearch(len(keys)-k, func(x int) bool { return !strings.HasPrefix(keys[k+x], p) })
				pruned = true
				break
			}
		}
		if pruned {
			continue
		}
		valid = len(key)
		if k < lo || k >= hi {
			insert(cand{rows[len(key)][len(q)], int(order[k])})
		}
		k++
	}
	out := make([]string, len(best))
	for j, c := range best {
		out[j] = g.nodes[c.i].ID
	}
	return out
}

// editDistance is the Levenshtein distance of a and b.
func editDistance(a []byte, b string) int {
	row := make([]int, len(a)+1)
	for i := range row {
		row[i] = i
	}
	for j := 1; j <= len(b); j++ {
		prev := row[0]
		row[0] = j
		for i := 1; i <= len(a); i++ {
			cur := row[i]
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			row[i] = min(row[i]+1, row[i-1]+1, prev+cost)
			prev = cur
		}
	}
	return row[len(a)]
}

// sortSearch is sort.Search: the first x in [0, n) with f(x), or n; f must
// be false then true.
func sortSearch(n int, f func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if !f(m) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// sortedKeys returns the keys of all nodes in sorted order and their dense
// indexes, computed once.
func (g *Graph) sortedKeys() ([]string, []int32) {
	g.keysOnce.Do(func() {
		keys := make([]string, len(g.nodes))
		order := make([]int32, len(g.nodes))
		for i := range g.nodes {
			keys[i] = Key(g.nodes[i].ID)
			order[i] = int32(i)
		}
		if !slices.IsSorted(keys) {
			slices.SortFunc(order, func(a, b int32) int { return strings.Compare(keys[a], keys[b]) })
			sorted := make([]string, len(keys))
			for j, i := range order {
				sorted[j] = keys[i]
			}
			keys = sorted
		}
		g.keys, g.keyOrder = keys, order
	})
	return g.keys, g.keyOrder
}
