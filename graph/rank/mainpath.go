package rank

import (
	"math"
	"slices"
)

// SPC is the search path count analysis of a citation graph (Hummon and
// Doreian 1989, with Batagelj's 2003 search path count weights): the
// weight of an edge is the number of paths from any source (a node nothing
// points to) to any sink (a node pointing to nothing) that run through it.
// The edges carrying most paths trace the main stream of the literature.
//
// The analysis needs an acyclic graph. Citation graphs are almost acyclic,
// but not quite (documents cite drafts, reports and each other across the
// same session). SearchPathCount breaks cycles deterministically: within
// each strongly connected component it keeps an edge u→v only when v is
// older than u (the citing document is the newer), by the order the caller
// gives, and drops the others (listed in Dropped). Edges between components
// are all kept. Every cycle lies inside one component and the kept edges
// inside a component follow a strict order, so the result is acyclic.
type SPC struct {
	dag *CSR
	// weight[k] is the normalised weight of the edge at position k of
	// dag.outAdj: its path count divided by the number of source–sink
	// paths, in (0, 1].
	weight []float64
	// logCount[k] is the natural log of its path count.
	logCount []float64
	topo     []int32 // nodes in topological order of dag
	// Dropped are the edges removed to break cycles, as (from, to).
	Dropped [][2]int32
	// LogPaths is the natural log of the number of source–sink paths
	// (paths of at least one edge). Counts grow exponentially with the
	// length of citation chains; logs keep them finite.
	LogPaths float64
}

// SearchPathCount computes search path count weights for g. older(u, v)
// reports whether u is strictly older than v; it must be a strict total
// order (break ties by symbol). With older nil, the node number decides
// (lower is older).
func SearchPathCount(g Directed, older func(u, v int) bool) *SPC {
	c := NewCSR(g)
	n := c.n
	if older == nil {
		older = func(u, v int) bool { return u < v }
	}
	comp, _, _ := tarjan(c)
	s := &SPC{}
	var es [][2]int32
	for u := 0; u < n; u++ {
		for _, v := range c.Successors(u) {
			if comp[u] == comp[v] && !older(int(v), u) {
				s.Dropped = append(s.Dropped, [2]int32{int32(u), v})
				continue
			}
			es = append(es, [2]int32{int32(u), v})
		}
	}
	d := FromEdges(n, es)
	s.dag = d
	// Kahn's algorithm in node order: a deterministic topological order.
	indeg := make([]int, n)
	for i := range indeg {
		indeg[i] = d.InDegree(i)
	}
	topo := make([]int32, 0, n)
	for i := 0; i < n; i++ {
		if indeg[i] == 0 {
			topo = append(topo, int32(i))
		}
	}
	for h := 0; h < len(topo); h++ {
		for _, v := range d.Successors(int(topo[h])) {
			if indeg[v]--; indeg[v] == 0 {
				topo = append(topo, v)
			}
		}
	}
	s.topo = topo
	// Log path counts: into[v] from the sources to v, from[v] from v to
	// the sinks. Counts are summed in log space (log-sum-exp over the
	// neighbours) so chains of any length stay finite.
	into := make([]float64, n)
	from := make([]float64, n)
	for _, v := range topo {
		if d.InDegree(int(v)) == 0 {
			into[v] = 0 // one path: the source itself
			continue
		}
		into[v] = logSumExp(d.Predecessors(int(v)), into)
	}
	for k := n - 1; k >= 0; k-- {
		u := topo[k]
		if d.OutDegree(int(u)) == 0 {
			from[u] = 0
			continue
		}
		from[u] = logSumExp(d.Successors(int(u)), from)
	}
	var sources []int32
	for _, v := range topo {
		if d.InDegree(int(v)) == 0 && d.OutDegree(int(v)) > 0 {
			sources = append(sources, v)
		}
	}
	s.LogPaths = logSumExp(sources, from)
	s.weight = make([]float64, len(d.outAdj))
	s.logCount = make([]float64, len(d.outAdj))
	for u := 0; u < n; u++ {
		for k := d.outStart[u]; k < d.outStart[u+1]; k++ {
			l := into[u] + from[d.outAdj[k]]
			s.logCount[k] = l
			s.weight[k] = math.Exp(l - s.LogPaths)
		}
	}
	return s
}

// logSumExp returns log(Σ exp(x[i])) over the given nodes (-Inf for none).
func logSumExp(nodes []int32, x []float64) float64 {
	if len(nodes) == 0 {
		return math.Inf(-1)
	}
	m := math.Inf(-1)
	for _, v := range nodes {
		m = max(m, x[v])
	}
	sum := 0.0
	for _, v := range nodes {
		sum += math.Exp(x[v] - m)
	}
	return m + math.Log(sum)
}

// Arc is an edge of the analysed graph with its search path count.
type Arc struct {
	From, To int32
	// Count is the number of source–sink paths through the edge, rounded
	// to the nearest float64 (+Inf beyond its range; LogCount is exact).
	Count    float64
	LogCount float64
	// Weight is Count divided by the number of source–sink paths.
	Weight float64
}

func (s *SPC) arc(u int32, k int) Arc {
	return Arc{From: u, To: s.dag.outAdj[k], Count: math.Round(math.Exp(s.logCount[k])), LogCount: s.logCount[k], Weight: s.weight[k]}
}

// Paths returns the number of source–sink paths (+Inf if beyond float64).
func (s *SPC) Paths() float64 { return math.Round(math.Exp(s.LogPaths)) }

// Arcs returns every edge of the analysed graph, heaviest first, ties by
// (From, To).
func (s *SPC) Arcs() []Arc {
	arcs := make([]Arc, 0, len(s.weight))
	for u := 0; u < s.dag.n; u++ {
		for k := s.dag.outStart[u]; k < s.dag.outStart[u+1]; k++ {
			arcs = append(arcs, s.arc(int32(u), k))
		}
	}
	slices.SortStableFunc(arcs, func(a, b Arc) int {
		switch {
		case a.LogCount > b.LogCount:
			return -1
		case a.LogCount < b.LogCount:
			return 1
		case a.From != b.From:
			return int(a.From - b.From)
		}
		return int(a.To - b.To)
	})
	return arcs
}

// GlobalMainPath returns the global main path: of all paths from a source to
// a sink, the one whose edges have the largest total weight (Liu and Lu
// 2012). The path follows the edges (in a citation graph: from the newest
// citing document down to the oldest cited one). Ties go to the lower node
// number. It is empty when the graph has no edges.
func (s *SPC) GlobalMainPath() []Arc {
	d := s.dag
	best := make([]float64, d.n) // heaviest path from v to a sink
	next := make([]int, d.n)     // edge position of its first edge, -1 at a sink
	for k := len(s.topo) - 1; k >= 0; k-- {
		u := s.topo[k]
		next[u] = -1
		for p := d.outStart[u]; p < d.outStart[u+1]; p++ {
			v := d.outAdj[p]
			w := s.weight[p] + best[v]
			if next[u] < 0 || w > best[u] || w == best[u] && v < d.outAdj[next[u]] {
				best[u], next[u] = w, p
			}
		}
	}
	start := -1
	for u := 0; u < d.n; u++ {
		if d.InDegree(u) == 0 && d.OutDegree(u) > 0 && (start < 0 || best[u] > best[start]) {
			start = u
		}
	}
	var path []Arc
	for u := start; u >= 0 && next[u] >= 0; u = int(d.outAdj[next[u]]) {
		path = append(path, s.arc(int32(u), next[u]))
	}
	return path
}

// KeyRoutes returns the key-route main paths (Liu and Lu 2012): for each of
// the k heaviest edges, the path that extends it backwards to a source and
// forwards to a sink by always taking the heaviest adjacent edge. Paths
// repeated by several key routes are returned once, in the order of their
// key routes.
func (s *SPC) KeyRoutes(k int) [][]Arc {
	d := s.dag
	arcs := s.Arcs()
	// position of an edge in outAdj, for walking backwards.
	pos := func(u, v int32) int {
		for p := d.outStart[u]; p < d.outStart[u+1]; p++ {
			if d.outAdj[p] == v {
				return p
			}
		}
		return -1
	}
	var paths [][]Arc
	seen := map[string]bool{}
	for _, key := range arcs[:min(k, len(arcs))] {
		var back []Arc
		for u := key.From; d.InDegree(int(u)) > 0; {
			bp, bu := -1, int32(-1)
			for _, p := range d.Predecessors(int(u)) {
				q := pos(p, u)
				if bp < 0 || s.logCount[q] > s.logCount[bp] || s.logCount[q] == s.logCount[bp] && p < bu {
					bp, bu = q, p
				}
			}
			back = append(back, s.arc(bu, bp))
			u = bu
		}
		slices.Reverse(back)
		path := append(back, key)
		for u := key.To; d.OutDegree(int(u)) > 0; {
			bp := -1
			for p := d.outStart[u]; p < d.outStart[u+1]; p++ {
				if bp < 0 || s.logCount[p] > s.logCount[bp] || s.logCount[p] == s.logCount[bp] && d.outAdj[p] < d.outAdj[bp] {
					bp = p
				}
			}
			path = append(path, s.arc(u, bp))
			u = d.outAdj[bp]
		}
		sig := make([]byte, 0, 8*len(path))
		for _, a := range path {
			sig = append(sig, byte(a.From), byte(a.From>>8), byte(a.From>>16), byte(a.From>>24))
		}
		last := path[len(path)-1].To
		sig = append(sig, byte(last), byte(last>>8), byte(last>>16), byte(last>>24))
		if seen[string(sig)] {
			continue
		}
		seen[string(sig)] = true
		paths = append(paths, path)
	}
	return paths
}
