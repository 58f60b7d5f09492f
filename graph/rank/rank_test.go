package rank

import (
	"math"
	"runtime"
	"slices"
	"testing"
)

// spcGraph is a small citation DAG (edges citing → cited) whose search path
// counts are worked out by hand in TestSearchPathCount.
func spcGraph() *CSR {
	return FromEdges(7, [][2]int32{{5, 3}, {5, 4}, {6, 4}, {3, 2}, {4, 2}, {2, 0}, {2, 1}, {4, 1}})
}

func TestSearchPathCount(t *testing.T) {
	s := SearchPathCount(spcGraph(), nil)
	if len(s.Dropped) != 0 {
		t.Errorf("dropped %v from an acyclic graph", s.Dropped)
	}
	if s.Paths() != 8 {
		t.Errorf("source–sink paths: %v, want 8", s.Paths())
	}
	// Paths from the sources {5, 6} to u, times paths from v to the sinks {0, 1}.
	want := map[[2]int32]float64{
		{5, 3}: 2, {5, 4}: 3, {6, 4}: 3, {3, 2}: 2, {4, 2}: 4, {2, 0}: 3, {2, 1}: 3, {4, 1}: 2,
	}
	arcs := s.Arcs()
	if len(arcs) != len(want) {
		t.Fatalf("%d arcs, want %d", len(arcs), len(want))
	}
	for _, a := range arcs {
		if w := want[[2]int32{a.From, a.To}]; a.Count != w || math.Abs(a.Weight-w/8) > 1e-15 {
			t.Errorf("SPC(%d→%d) = %v (weight %v), want %v (%v)", a.From, a.To, a.Count, a.Weight, w, w/8)
		}
	}
	if arcs[0].From != 4 || arcs[0].To != 2 {
		t.Errorf("heaviest arc %d→%d, want 4→2", arcs[0].From, arcs[0].To)
	}
	// Totals to a sink: 5: max(2+5, 3+7) = 10 = 6's; the tie goes to 5.
	if got := pathNodes(s.GlobalMainPath()); !slices.Equal(got, []int32{5, 4, 2, 0}) {
		t.Errorf("global main path %v, want [5 4 2 0]", got)
	}
	kr := s.KeyRoutes(3)
	if len(kr) == 0 || !slices.Equal(pathNodes(kr[0]), []int32{5, 4, 2, 0}) {
		t.Errorf("first key-route path %v, want [5 4 2 0]", kr)
	}
	for i := range kr {
		for j := range i {
			if slices.Equal(pathNodes(kr[i]), pathNodes(kr[j])) {
				t.Errorf("key-route paths %d and %d repeat %v", j, i, pathNodes(kr[i]))
			}
		}
	}
}

func pathNodes(p []Arc) []int32 {
	if len(p) == 0 {
		return nil
	}
	out := []int32{p[0].From}
	for _, a := range p {
		out = append(out, a.To)
	}
	return out
}

func TestSearchPathCountBreaksCycles(t *testing.T) {
	// 0 ⇄ 1 is a cycle, and 1 → 2 → 3 → 1 another; 4 cites 0.
	g := FromEdges(5, [][2]int32{{0, 1}, {1, 0}, {1, 2}, {2, 3}, {3, 1}, {4, 0}})
	s := SearchPathCount(g, nil) // lower number = older: keep edges to lower numbers
	want := [][2]int32{{0, 1}, {1, 2}, {2, 3}}
	if !slices.Equal(s.Dropped, want) {
		t.Errorf("dropped %v, want %v", s.Dropped, want)
	}
	// Kept: 1 → 0, 3 → 1, 4 → 0. The paths 3 → 1 → 0 and 4 → 0 carry
	// weight 1/2 per arc, so the longer one is heavier.
	if got := pathNodes(s.GlobalMainPath()); !slices.Equal(got, []int32{3, 1, 0}) {
		t.Errorf("main path %v, want [3 1 0]", got)
	}
	// 3 → 1 → 0 and 4 → 0: two source–sink paths.
	if s.Paths() != 2 {
		t.Errorf("paths %v, want 2", s.Paths())
	}
}

func TestSearchPathCountLongChains(t *testing.T) {
	// A ladder of 2000 rungs doubles the path count at every rung: far
	// beyond float64 as a count, fine in logs.
	var es [][2]int32
	const rungs = 2000
	for i := int32(0); i < rungs; i++ {
		a, b := 2*i, 2*i+1
		es = append(es, [2]int32{a, a + 2}, [2]int32{a, b + 2}, [2]int32{b, a + 2}, [2]int32{b, b + 2})
	}
	s := SearchPathCount(FromEdges(2*rungs+2, es), nil)
	// Two sources, then two choices at each rung: 2^(rungs+1) paths.
	if want := float64(rungs+1) * math.Ln2; math.Abs(s.LogPaths-want) > 1e-9 {
		t.Errorf("log paths %v, want %v", s.LogPaths, want)
	}
	if !math.IsInf(s.Paths(), 1) {
		t.Errorf("paths %v, want +Inf as a float64", s.Paths())
	}
	if p := s.GlobalMainPath(); len(p) != rungs {
		t.Errorf("main path of %d arcs, want %d", len(p), rungs)
	}
	for _, a := range s.Arcs() {
		if math.IsNaN(a.Weight) || a.Weight <= 0 || a.Weight > 1 {
			t.Fatalf("arc %d→%d weight %v", a.From, a.To, a.Weight)
		}
	}
}

func TestCommunities(t *testing.T) {
	// Two 5-cliques joined by one edge, and an isolated node.
	var es [][2]int32
	for _, base := range []int32{0, 5} {
		for i := base; i < base+5; i++ {
			for j := base; j < i; j++ {
				es = append(es, [2]int32{i, j})
			}
		}
	}
	es = append(es, [2]int32{5, 4})
	g := FromEdges(11, es)
	comms, q := Communities(g, 1, 1)
	want := [][]int32{{0, 1, 2, 3, 4}, {5, 6, 7, 8, 9}, {10}}
	if len(comms) != len(want) {
		t.Fatalf("communities %v, want %v", comms, want)
	}
	for i := range want {
		if !slices.Equal(comms[i], want[i]) {
			t.Errorf("community %d: %v, want %v", i, comms[i], want[i])
		}
	}
	// Each clique has 10 of the 21 edges and degree sum 21 (20 + 1).
	wantQ := 2 * (10.0/21 - (21.0/42)*(21.0/42))
	if math.Abs(q-wantQ) > 1e-12 {
		t.Errorf("modularity %v, want %v", q, wantQ)
	}
	g2 := synthCitations(2000, 5, 7)
	a, qa := Communities(g2, 1, 42)
	b, qb := Communities(g2, 1, 42)
	if qa != qb || len(a) != len(b) {
		t.Fatalf("same seed, different partitions: Q %v vs %v, %d vs %d communities", qa, qb, len(a), len(b))
	}
	for i := range a {
		if !slices.Equal(a[i], b[i]) {
			t.Fatalf("same seed, community %d differs", i)
		}
	}
	if qa < 0.2 {
		t.Errorf("modularity %v on a citation graph; Louvain should find structure", qa)
	}
}

func TestSimilar(t *testing.T) {
	// 3 cites 0, 1; 4 cites 0, 1, 2; 5 cites 1.
	g := FromEdges(6, [][2]int32{{3, 0}, {3, 1}, {4, 0}, {4, 1}, {4, 2}, {5, 1}})
	got := Similar(g, 0, CoCitation)
	want := []Related{
		{Node: 1, CoCited: 2, CoCitation: 2 / math.Sqrt(6), Score: 2 / math.Sqrt(6)},
		{Node: 2, CoCited: 1, CoCitation: 1 / math.Sqrt(2), Score: 1 / math.Sqrt(2)},
	}
	if !slices.Equal(got, want) {
		t.Errorf("co-citation of 0:\n got %+v\nwant %+v", got, want)
	}
	got = Similar(g, 3, Coupling)
	want = []Related{
		{Node: 4, Coupled: 2, Coupling: 2 / math.Sqrt(6), Score: 2 / math.Sqrt(6)},
		{Node: 5, Coupled: 1, Coupling: 1 / math.Sqrt(2), Score: 1 / math.Sqrt(2)},
	}
	if !slices.Equal(got, want) {
		t.Errorf("coupling of 3:\n got %+v\nwant %+v", got, want)
	}
	// 1 is co-cited with 0 (twice) and 2; it cites nothing, so Both
	// halves the co-citation score.
	got = Similar(g, 1, Both)
	if len(got) != 2 || got[0].Node != 0 || got[0].Score != got[0].CoCitation/2 {
		t.Errorf("both for 1: %+v", got)
	}
}

func TestSampledBetweenness(t *testing.T) {
	g := randomGraph(300, 1500, 5)
	exact := Betweenness(g)
	e := SampledBetweenness(g, 60, 9)
	if e.Pivots != 60 || e.Bound <= 0 || e.Confidence != 0.95 {
		t.Fatalf("estimate: %d pivots, bound %v, confidence %v", e.Pivots, e.Bound, e.Confidence)
	}
	if d, at := maxDiff(e.Values, exact); d > e.Bound {
		t.Errorf("node %d: estimate %v, exact %v: error %v above the stated bound %v", at, e.Values[at], exact[at], d, e.Bound)
	}
	// Aggregated over nodes the estimator is unbiased: the total is close.
	st, se := 0.0, 0.0
	for v := range exact {
		st += exact[v]
		se += e.Values[v]
		if e.StdErr[v] < 0 || e.StdErr[v] == 0 && e.Values[v] != 0 && exact[v] != e.Values[v] {
			t.Errorf("node %d: standard error %v with estimate %v", v, e.StdErr[v], e.Values[v])
		}
	}
	if math.Abs(st-se) > 0.1*st {
		t.Errorf("total betweenness %v estimated as %v", st, se)
	}
	again := SampledBetweenness(g, 60, 9)
	if !slices.Equal(again.Values, e.Values) {
		t.Error("same seed, different estimates")
	}
	all := SampledBetweenness(g, 300, 9)
	if d, _ := maxDiff(all.Values, exact); d > 1e-15 || all.Bound != 0 {
		t.Errorf("every source sampled: max error %v, bound %v; want exact", d, all.Bound)
	}
}

func TestPageRankMethodsAgree(t *testing.T) {
	for _, g := range []*CSR{synthCitations(3000, 6, 11), randomGraph(500, 4000, 12), spcGraph()} {
		a, err := PageRank(g, 0.85, 0)
		if err != nil {
			t.Fatal(err)
		}
		b, err := PowerPageRank(g, 0.85, 0)
		if err != nil {
			t.Fatal(err)
		}
		if d, at := maxDiff(a, b); d > 1e-11 {
			t.Errorf("%d nodes: node %d: %v by components, %v by power iteration", g.Len(), at, a[at], b[at])
		}
		sum := 0.0
		for _, x := range a {
			sum += x
		}
		if math.Abs(sum-1) > 1e-12 {
			t.Errorf("PageRank sums to %v", sum)
		}
	}
	if _, err := PageRank(spcGraph(), 1, 0); err == nil {
		t.Error("damping 1 accepted")
	}
}

func TestComponents(t *testing.T) {
	g := FromEdges(6, [][2]int32{{0, 1}, {1, 2}, {2, 1}, {2, 3}, {4, 5}, {5, 4}, {5, 0}})
	comp, n := Components(g)
	if n != 4 {
		t.Fatalf("%d components, want 4: %v", n, comp)
	}
	if comp[1] != comp[2] || comp[4] != comp[5] || comp[0] == comp[1] {
		t.Errorf("components %v", comp)
	}
	for u := 0; u < g.Len(); u++ {
		for _, v := range g.Successors(u) {
			if comp[u] > comp[v] {
				t.Errorf("edge %d→%d goes back in the topological numbering %v", u, v, comp)
			}
		}
	}
}

func TestPlanBetweenness(t *testing.T) {
	g := synthCitations(3000, 6, 13)
	if k := PlanBetweenness(g, 1e12, 100, 1); k != g.Len() {
		t.Errorf("ample budget: %d sources, want all %d", k, g.Len())
	}
	k := PlanBetweenness(g, 1e6, 100, 1)
	if k < 100 || k >= g.Len() {
		t.Errorf("budget of 1e6 visits on %d nodes, %d edges: %d sources", g.Len(), g.Edges(), k)
	}
	if k2 := PlanBetweenness(g, 1e5, 100, 1); k2 != 100 {
		t.Errorf("tiny budget: %d sources, want the minimum 100", k2)
	}
	if k := PlanBetweenness(FromEdges(0, nil), 1, 1, 1); k != 0 {
		t.Errorf("empty graph: %d sources", k)
	}
}

// TestCommunitiesAgainstGonum checks the Louvain of Communities against
// gonum's: every node in exactly one community, Modularity equal to gonum's
// Q on gonum's own partition, and a modularity as good as gonum's.
func TestCommunitiesAgainstGonum(t *testing.T) {
	for _, tc := range []namedGraph{
		{"random sparse", randomGraph(500, 1200, 21)},
		{"random dense", randomGraph(200, 3000, 22)},
		{"citations", randomCitations(1500, 5, 23)},
		{"synthetic citations", synthCitations(800, 8, 24)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, res := range []float64{0.5, 1, 2} {
				ours, q := Communities(tc.g, res, 1)
				theirs, qg := CommunitiesGonum(tc.g, res, 1)
				seen := make([]int, tc.g.Len())
				for _, c := range ours {
					for _, v := range c {
						seen[v]++
					}
				}
				for v, k := range seen {
					if k != 1 {
						t.Fatalf("resolution %v: node %d in %d communities", res, v, k)
					}
				}
				if qm := Modularity(tc.g, theirs, res); math.Abs(qm-qg) > 1e-9 {
					t.Errorf("resolution %v: Modularity of gonum's partition %v, gonum's Q %v", res, qm, qg)
				}
				if q < qg-0.02 {
					t.Errorf("resolution %v: modularity %v, gonum %v", res, q, qg)
				}
				t.Logf("resolution %v: %d communities Q %.4f; gonum %d, Q %.4f", res, len(ours), q, len(theirs), qg)
			}
		})
	}
}

// TestSameOnAnyNumberOfCores runs the parallel algorithms on one core and
// on four: the floating-point results must be identical, bit for bit, or
// rankings could differ between machines on near-ties.
func TestSameOnAnyNumberOfCores(t *testing.T) {
	g := synthCitations(20_000, 6, 31) // above the parallel chunk sizes
	type result struct{ pr, pp, hubs, auth, bw []float64 }
	compute := func(procs int) result {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var r result
		var err error
		if r.pr, err = PageRank(g, 0.85, 0); err != nil {
			t.Fatal(err)
		}
		if r.pp, err = PowerPageRank(g, 0.85, 0); err != nil {
			t.Fatal(err)
		}
		if r.hubs, r.auth, err = HITS(g, 0); err != nil {
			t.Fatal(err)
		}
		r.bw = SampledBetweenness(g, 300, 1).Values
		return r
	}
	one, four := compute(1), compute(4)
	for _, c := range []struct {
		name string
		a, b []float64
	}{{"PageRank", one.pr, four.pr}, {"PowerPageRank", one.pp, four.pp}, {"HITS hubs", one.hubs, four.hubs}, {"HITS authorities", one.auth, four.auth}, {"betweenness", one.bw, four.bw}} {
		if !slices.Equal(c.a, c.b) {
			d, at := maxDiff(c.a, c.b)
			t.Errorf("%s: node %d differs by %g between 1 and 4 cores", c.name, at, d)
		}
	}
}
