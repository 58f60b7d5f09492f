package rank

import (
	"errors"
	"fmt"
	"math"
)

// ErrNotConverged is returned, wrapped, by an iterative method that did not
// reach its tolerance within its iteration limit. The values returned with it
// are the last iterate.
var ErrNotConverged = errors.New("rank: iteration did not converge")

// DefaultTol is the L1 error PageRank and HITS aim for when given tol <= 0,
// the tolerance igraph gives prpack. Values then agree with any other
// converged solver far below 1e-6.
const DefaultTol = 1e-10

// maxSweeps bounds the iterations of PageRank (per component) and HITS.
const maxSweeps = 10000

// PageRank returns the PageRank of every node, indexed by node, summing to 1.
// It is the PageRank networkx computes: with probability damping (0.85 is
// the usual value) the random surfer follows an out-edge chosen uniformly,
// otherwise it jumps to a node chosen uniformly; a dangling node (no
// out-edges) sends its whole rank to all nodes uniformly. tol is the L1
// error aimed for (DefaultTol when tol <= 0).
//
// Method. With uniform teleport and uniform dangling redistribution the
// PageRank vector is z/sum(z), where z solves (I - damping·Pᵀ) z = 1 and P is
// the row-normalised adjacency matrix with zero rows for dangling nodes
// (substituting shows that the dangling and teleport terms only scale z).
// A citation graph is almost acyclic, and then PageRank solves that system
// component by component over the strongly connected components in
// topological order, as prpack does: a component of one node is solved
// exactly in one step from its already-solved predecessors, a larger one by
// Gauss–Seidel sweeps; for an acyclic graph the whole solve is one O(n + m)
// pass. When much of the graph lies in large cycles the linear system
// converges slowly (its error shrinks by only about damping per sweep,
// where the power iteration's normalisation removes the slow mode), so
// PageRank runs PowerPageRank instead. Either way the arrays are flat (no
// n×n matrix, unlike gonum's network.PageRank) and the order of work is
// fixed, so results do not depend on the number of cores.
func PageRank(g Directed, damping, tol float64) ([]float64, error) {
	c, tol, err := pageRankInput(g, damping, tol)
	if err != nil {
		return nil, err
	}
	n := c.n
	if n == 0 {
		return []float64{}, nil
	}
	comp, count, order := tarjan(c)
	if count < n {
		// Edges inside cycles cost up to ~log(tol)/log(damping) sweeps
		// each in Gauss–Seidel; past a tenth of all edges the power
		// iteration is faster.
		cyclic := 0
		for u := 0; u < n; u++ {
			for _, v := range c.outAdj[c.outStart[u]:c.outStart[u+1]] {
				if comp[v] == comp[u] {
					cyclic++
				}
			}
		}
		if cyclic > c.Edges()/10 {
			return PowerPageRank(c, damping, tol)
		}
	}
	// y[u] = damping·z[u]/outdeg(u): what u passes to each successor.
	scale := make([]float64, n)
	for u := 0; u < n; u++ {
		if d := c.OutDegree(u); d > 0 {
			scale[u] = damping / float64(d)
		}
	}
	z := make([]float64, n)
	y := make([]float64, n)
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && comp[order[hi]] == comp[order[lo]] {
			hi++
		}
		members := order[lo:hi]
		lo = hi
		if len(members) == 1 {
			v := members[0]
			s := 0.0
			self := false
			for _, u := range c.inAdj[c.inStart[v]:c.inStart[v+1]] {
				if u == v {
					self = true
					continue
				}
				s += y[u]
			}
			zv := 1 + s
			if self { // z = 1 + s + scale·z
				zv /= 1 - scale[v]
			}
			z[v], y[v] = zv, scale[v]*zv
			continue
		}
		// Gauss–Seidel on the component. Its error contracts by at most
		// d = damping per sweep, so after a sweep that changed z by δ the
		// error left in this component is at most δ·d/(1-d); downstream it
		// grows by at most 1/(1-d). Stopping at δ <= tol·|C|·(1-d)²/d thus
		// bounds the L1 error of z by tol·n summed over all components,
		// and since sum(z) >= n the error of the result by tol.
		thr := tol * float64(len(members)) * (1 - damping) * (1 - damping) / math.Max(damping, 1e-300)
		for _, v := range members {
			z[v] = 1
			y[v] = scale[v]
		}
		converged := false
		for sweep := 0; sweep < maxSweeps; sweep++ {
			delta := 0.0
			for _, v := range members {
				s := 0.0
				for _, u := range c.inAdj[c.inStart[v]:c.inStart[v+1]] {
					s += y[u]
				}
				zv := 1 + s
				delta += math.Abs(zv - z[v])
				z[v], y[v] = zv, scale[v]*zv
			}
			if delta <= thr {
				converged = true
				break
			}
		}
		if !converged && err == nil {
			err = fmt.Errorf("rank: PageRank after %d sweeps over a component of %d nodes: %w", maxSweeps, len(members), ErrNotConverged)
		}
	}
	sum := 0.0
	for _, v := range z {
		sum += v
	}
	for i := range z {
		z[i] /= sum
	}
	return z, err
}

// PowerPageRank computes the same PageRank as PageRank by the classic power
// iteration, in parallel over all cores: each sweep pulls every node's new
// value from its predecessors (pull, so each value is written by one
// goroutine and the result does not depend on the number of cores). It stops
// when the L1 change of a sweep bounds the error below tol. PageRank is
// usually faster; this method is kept as an independent check and for
// graphs that are one large strongly connected component, where it uses all
// cores.
func PowerPageRank(g Directed, damping, tol float64) ([]float64, error) {
	c, tol, err := pageRankInput(g, damping, tol)
	if err != nil {
		return nil, err
	}
	n := c.n
	if n == 0 {
		return []float64{}, nil
	}
	inv := make([]float64, n)
	var dangling []int32
	for u := 0; u < n; u++ {
		if d := c.OutDegree(u); d > 0 {
			inv[u] = 1 / float64(d)
		} else {
			dangling = append(dangling, int32(u))
		}
	}
	x := make([]float64, n)
	next := make([]float64, n)
	y := make([]float64, n) // x[u]/outdeg(u)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	const chunk = 4096
	nchunks := (n + chunk - 1) / chunk
	diffs := make([]float64, nchunks) // per fixed chunk, summed in order
	// The error after a sweep that changed x by δ is at most δ·d/(1-d).
	thr := tol * (1 - damping) / math.Max(damping, 1e-300)
	for it := 0; it < maxSweeps; it++ {
		dsum := 0.0
		for _, u := range dangling {
			dsum += x[u]
		}
		base := (1-damping)/float64(n) + damping*dsum/float64(n)
		parallelChunks(n, chunk, func(lo, hi int) {
			for u := lo; u < hi; u++ {
				y[u] = x[u] * inv[u]
			}
		})
		parallelChunks(nchunks, 1, func(clo, chi int) {
			for k := clo; k < chi; k++ {
				lo, hi := k*chunk, min((k+1)*chunk, n)
				d := 0.0
				for v := lo; v < hi; v++ {
					s := 0.0
					for _, u := range c.inAdj[c.inStart[v]:c.inStart[v+1]] {
						s += y[u]
					}
					nv := base + damping*s
					d += math.Abs(nv - x[v])
					next[v] = nv
				}
				diffs[k] = d
			}
		})
		x, next = next, x
		delta := 0.0
		for _, d := range diffs {
			delta += d
		}
		if delta <= thr {
			return x, nil
		}
	}
	return x, fmt.Errorf("rank: PageRank after %d iterations: %w", maxSweeps, ErrNotConverged)
}

// pageRankInput checks the parameters of a PageRank and returns the graph
// in CSR form and the tolerance to use.
func pageRankInput(g Directed, damping, tol float64) (*CSR, float64, error) {
	if damping < 0 || damping >= 1 || math.IsNaN(damping) {
		return nil, 0, fmt.Errorf("rank: PageRank damping %v is outside [0, 1)", damping)
	}
	if tol <= 0 {
		tol = DefaultTol
	}
	return NewCSR(g), tol, nil
}
