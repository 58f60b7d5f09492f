package rank

import (
	"fmt"
	"math"
)

// HITS returns Kleinberg's hub and authority scores, each summing to 1, as
// networkx's hits normalises them: authorities are the principal right
// singular vector of the adjacency matrix A (the principal eigenvector of
// AᵀA), hubs are A times the authorities. A node cited by good hubs is a good
// authority; in a citation graph the authorities are the foundational texts
// and the hubs the texts that cite many of them.
//
// The method is the power iteration from uniform scores, parallel over all
// cores and deterministic, stopping when the L1 change of the normalised
// authorities is below tol (DefaultTol when tol <= 0). A graph with no
// edges has no principal singular vector; HITS then returns uniform scores
// at once (gonum's network.HITS never returns there). When the principal
// singular value is not simple (for example two identical disconnected
// parts) the scores are not unique and HITS returns the one reached from the
// uniform start.
func HITS(g Directed, tol float64) (hubs, authorities []float64, err error) {
	if tol <= 0 {
		tol = DefaultTol
	}
	c := NewCSR(g)
	n := c.n
	hubs = make([]float64, n)
	authorities = make([]float64, n)
	if n == 0 {
		return hubs, authorities, nil
	}
	if c.Edges() == 0 {
		for i := range hubs {
			hubs[i] = 1 / float64(n)
			authorities[i] = 1 / float64(n)
		}
		return hubs, authorities, nil
	}
	const chunk = 4096
	nchunks := (n + chunk - 1) / chunk
	sums := make([]float64, nchunks)
	diffs := make([]float64, nchunks)
	ordered := func(p []float64) float64 { // sum in a fixed order
		s := 0.0
		for _, v := range p {
			s += v
		}
		return s
	}
	// each runs fn over fixed chunks k, with [lo, hi) its node range.
	each := func(fn func(k, lo, hi int)) {
		parallelChunks(nchunks, 1, func(clo, chi int) {
			for k := clo; k < chi; k++ {
				fn(k, k*chunk, min((k+1)*chunk, n))
			}
		})
	}
	for i := range hubs {
		hubs[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	for it := 0; it < maxSweeps; it++ {
		// a = Aᵀh
		each(func(k, lo, hi int) {
			s := 0.0
			for v := lo; v < hi; v++ {
				a := 0.0
				for _, u := range c.inAdj[c.inStart[v]:c.inStart[v+1]] {
					a += hubs[u]
				}
				next[v] = a
				s += a
			}
			sums[k] = s
		})
		sa := ordered(sums)
		each(func(k, lo, hi int) {
			d := 0.0
			for v := lo; v < hi; v++ {
				a := next[v] / sa
				d += math.Abs(a - authorities[v])
				authorities[v] = a
			}
			diffs[k] = d
		})
		delta := ordered(diffs)
		// h = Aa
		each(func(k, lo, hi int) {
			s := 0.0
			for u := lo; u < hi; u++ {
				h := 0.0
				for _, v := range c.outAdj[c.outStart[u]:c.outStart[u+1]] {
					h += authorities[v]
				}
				hubs[u] = h
				s += h
			}
			sums[k] = s
		})
		sh := ordered(sums)
		each(func(_, lo, hi int) {
			for u := lo; u < hi; u++ {
				hubs[u] /= sh
			}
		})
		if it > 0 && delta <= tol {
			return hubs, authorities, nil
		}
	}
	return hubs, authorities, fmt.Errorf("rank: HITS after %d iterations: %w", maxSweeps, ErrNotConverged)
}
