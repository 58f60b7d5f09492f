package rank

import (
	"math"
	"math/rand/v2"
)

// Betweenness returns the exact betweenness centrality of every node of the
// directed graph g, normalised as networkx's betweenness_centrality does for
// a directed graph: the sum over ordered pairs (s, t), s ≠ v ≠ t, of the
// fraction of shortest s→t paths through v, divided by (n-1)(n-2) (not
// divided when n <= 2). It is Brandes' algorithm, O(n·m) time and O(n + m)
// memory per core, with the sources spread over all cores.
func Betweenness(g Directed) []float64 {
	c := NewCSR(g)
	sources := make([]int32, c.n)
	for i := range sources {
		sources[i] = int32(i)
	}
	b, _ := brandes(c, sources)
	scale := 1.0
	if c.n > 2 {
		scale = 1 / (float64(c.n-1) * float64(c.n-2))
	}
	for i := range b {
		b[i] *= scale
	}
	return b
}

// Estimate is betweenness estimated from a sample of source nodes.
type Estimate struct {
	// Values are the estimates, normalised as Betweenness normalises.
	Values []float64
	// StdErr is the sample standard error of each estimate, from the
	// spread of the per-source contributions (0 when every source is
	// used). It understates the error of a node whose betweenness comes
	// from a few sources the sample missed; Bound does not.
	StdErr []float64
	// Pivots is the number of sources used, Nodes the number of nodes.
	Pivots, Nodes int
	// Bound is the error bound: with probability Confidence every
	// estimate is within Bound of the exact value (Hoeffding's inequality
	// for sampling without replacement, union bound over the nodes). It is
	// 0 when every source is used (the values are then exact).
	Bound, Confidence float64
}

// SampledBetweenness estimates betweenness from k source nodes drawn
// uniformly without replacement with the given seed, the estimator of
// networkx's betweenness_centrality(G, k=k): the sum of the sampled sources'
// dependencies scaled by n/k. With k >= n it is exact.
//
// Error. The contribution of one source s to the normalised betweenness of v
// is X = n·δ_s(v)/((n-1)(n-2)), where the dependency δ_s(v) <= n-2, so X lies
// in [0, n/(n-1)]. By Hoeffding's inequality (which holds for sampling
// without replacement) and a union bound over the n nodes, every estimate is
// within ε = n/(n-1)·sqrt(ln(2n/δ)/(2k)) of the exact value with probability
// 1-δ; Estimate reports ε for δ = 0.05. The bound is uniform and
// pessimistic; StdErr gives a per-node idea of the error.
func SampledBetweenness(g Directed, k int, seed uint64) Estimate {
	c := NewCSR(g)
	n := c.n
	if k >= n {
		return Estimate{Values: Betweenness(c), StdErr: make([]float64, n), Pivots: n, Nodes: n, Confidence: 1}
	}
	if k < 1 {
		k = 1
	}
	// Partial Fisher–Yates: the first k of a seeded permutation.
	rng := rand.New(rand.NewPCG(seed, 0x6369746567726170)) // "citegrap"
	perm := make([]int32, n)
	for i := range perm {
		perm[i] = int32(i)
	}
	for i := 0; i < k; i++ {
		j := i + rng.IntN(n-i)
		perm[i], perm[j] = perm[j], perm[i]
	}
	sources := perm[:k]
	sum, sumsq := brandes(c, sources)
	e := Estimate{Values: sum, StdErr: make([]float64, n), Pivots: k, Nodes: n, Confidence: 0.95}
	norm := 1.0
	if n > 2 {
		norm = 1 / (float64(n-1) * float64(n-2))
	}
	fn, fk := float64(n), float64(k)
	for v := range sum {
		// Per-source contributions X_i = n·δ·norm; estimate = mean(X).
		mean := sum[v] / fk
		variance := sumsq[v]/fk - mean*mean
		if variance < 0 {
			variance = 0
		}
		// Finite population correction for sampling without replacement.
		fpc := 1.0
		if n > 1 {
			fpc = (fn - fk) / (fn - 1)
		}
		e.Values[v] = fn * norm * mean
		e.StdErr[v] = fn * norm * math.Sqrt(variance*fpc/fk)
	}
	e.Bound = BetweennessBound(n, k, 0.05)
	return e
}

// BetweennessBound is the ε of SampledBetweenness: with probability 1-delta,
// sampling k of n sources estimates every node's normalised betweenness
// within ε. It helps choose k: ε shrinks as 1/sqrt(k).
func BetweennessBound(n, k int, delta float64) float64 {
	if k >= n || n <= 2 {
		return 0
	}
	r := float64(n) / float64(n-1)
	return r * math.Sqrt(math.Log(2*float64(n)/delta)/(2*float64(k)))
}

// brandes accumulates, over the given sources, the dependencies δ_s(v) of
// Brandes' algorithm and their squares. Sources are cut into a fixed number
// of slices (depending on n and the number of sources only), each summed
// into its own array, and the arrays are added in slice order, so the
// floating-point result does not depend on the number of cores.
func brandes(c *CSR, sources []int32) (sum, sumsq []float64) {
	n := c.n
	sum = make([]float64, n)
	sumsq = make([]float64, n)
	if n == 0 || len(sources) == 0 {
		return sum, sumsq
	}
	slices := 16
	if lim := 4_000_000 / (n + 1); lim < slices { // bound the memory of the per-slice arrays
		slices = max(lim, 1)
	}
	if slices > len(sources) {
		slices = len(sources)
	}
	size := (len(sources) + slices - 1) / slices
	type acc struct{ sum, sumsq []float64 }
	accs := make([]acc, slices)
	parallelChunks(slices, 1, func(lo, hi int) {
		// Work arrays, reused over sources.
		sigma := make([]float64, n)
		dist := make([]int32, n)
		delta := make([]float64, n)
		order := make([]int32, 0, n)
		for i := range dist {
			dist[i] = -1
		}
		for sl := lo; sl < hi; sl++ {
			a := acc{sum: make([]float64, n), sumsq: make([]float64, n)}
			end := min((sl+1)*size, len(sources))
			for _, s := range sources[min(sl*size, end):end] {
				// Breadth-first search from s, counting shortest paths.
				order = order[:0]
				sigma[s], dist[s] = 1, 0
				order = append(order, s)
				for head := 0; head < len(order); head++ {
					v := order[head]
					dv := dist[v] + 1
					for _, w := range c.outAdj[c.outStart[v]:c.outStart[v+1]] {
						if dist[w] < 0 {
							dist[w] = dv
							order = append(order, w)
						}
						if dist[w] == dv {
							sigma[w] += sigma[v]
						}
					}
				}
				// Dependencies in order of decreasing distance, pulled from
				// the successors one step further: δ(w) = Σ σ(w)/σ(x)·(1+δ(x))
				// over the x that w precedes on shortest paths. Pulling over
				// out-edges visits only edges the search already crossed;
				// pushing over in-edges, as usually written, would also
				// visit every citation of a much-cited text from documents
				// the search never reached.
				for i := len(order) - 1; i > 0; i-- {
					w := order[i]
					dx := dist[w] + 1
					sum := 0.0
					for _, x := range c.outAdj[c.outStart[w]:c.outStart[w+1]] {
						if dist[x] == dx {
							sum += (1 + delta[x]) / sigma[x]
						}
					}
					d := sigma[w] * sum
					delta[w] = d
					a.sum[w] += d
					a.sumsq[w] += d * d
				}
				for _, v := range order {
					sigma[v], dist[v], delta[v] = 0, -1, 0
				}
			}
			accs[sl] = a
		}
	})
	for _, a := range accs {
		for v := range sum {
			sum[v] += a.sum[v]
			sumsq[v] += a.sumsq[v]
		}
	}
	return sum, sumsq
}

// PlanBetweenness returns how many sources Brandes' algorithm can afford
// within budget edge visits on g: n (exact betweenness) when all of them
// fit, else the number of sources to sample, at least minSources. The cost
// of one source is its breadth-first search, which in a citation graph
// reaches all the ancestors of the source: PlanBetweenness measures it on
// 32 sources drawn with seed rather than guessing from the graph's size.
func PlanBetweenness(g Directed, budget float64, minSources int, seed uint64) int {
	c := NewCSR(g)
	n := c.n
	if n == 0 {
		return 0
	}
	rng := rand.New(rand.NewPCG(seed, 0x706c616e)) // "plan"
	const probes = 32
	seen := make([]bool, n)
	var queue []int32
	visits := 0.0
	for p := 0; p < probes; p++ {
		s := int32(rng.IntN(n))
		queue = append(queue[:0], s)
		seen[s] = true
		for h := 0; h < len(queue); h++ {
			v := queue[h]
			// Out-edges, once forward and once back.
			visits += float64(2 * c.OutDegree(int(v)))
			for _, w := range c.Successors(int(v)) {
				if !seen[w] {
					seen[w] = true
					queue = append(queue, w)
				}
			}
		}
		for _, v := range queue {
			seen[v] = false
		}
	}
	perSource := max(visits/probes, 1)
	if perSource*float64(n) <= budget {
		return n
	}
	return min(n, max(minSources, int(budget/perSource)))
}
