package rank

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// python is the Debian interpreter that sees python3-networkx and
// python3-igraph (the python3 on PATH may not).
const python = "/usr/bin/python3"

// needPython skips the test unless python has the given modules.
func needPython(t testing.TB, modules string) {
	t.Helper()
	if out, err := exec.Command(python, "-c", "import "+modules).CombinedOutput(); err != nil {
		t.Skipf("skipping: %s cannot import %s (install the Debian packages python3-networkx python3-igraph): %v: %s", python, modules, err, out)
	}
}

// writeEdgeList writes g in the format of testdata/nxref.py: the node
// count, then one "u v" line per edge.
func writeEdgeList(t testing.TB, g Directed) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "edges.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, g.Len())
	for u := 0; u < g.Len(); u++ {
		for _, v := range g.Successors(u) {
			fmt.Fprintln(w, u, v)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

type nxResult struct {
	Nodes, Edges int
	Networkx     string
	InDegree     []int     `json:"indegree"`
	PageRank     []float64 `json:"pagerank"`
	Hubs         []float64 `json:"hubs"`
	Authorities  []float64 `json:"authorities"`
	Betweenness  []float64 `json:"betweenness"`
	Singular     []float64 `json:"singular"`
}

func networkx(t testing.TB, g Directed, opts ...string) nxResult {
	t.Helper()
	args := append([]string{filepath.Join("testdata", "nxref.py"), writeEdgeList(t, g)}, opts...)
	cmd := exec.Command(python, args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("testdata/nxref.py: %v", err)
	}
	var r nxResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("testdata/nxref.py output: %v", err)
	}
	if r.Nodes != g.Len() {
		t.Fatalf("networkx read %d nodes, want %d", r.Nodes, g.Len())
	}
	return r
}

// maxDiff returns the largest |a[i]-b[i]| and where it is.
func maxDiff(a, b []float64) (float64, int) {
	d, at := 0.0, -1
	for i := range a {
		if x := math.Abs(a[i] - b[i]); x > d || math.IsNaN(x) {
			d, at = x, i
		}
	}
	return d, at
}

func checkClose(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d values, networkx has %d", what, len(got), len(want))
		return
	}
	d, at := maxDiff(got, want)
	if testing.Verbose() {
		t.Logf("%s: largest difference from networkx %.3g", what, d)
	}
	if d > tol {
		t.Errorf("%s: node %d is %.15g, networkx %.15g (|diff| %.3g > %g)", what, at, got[at], want[at], d, tol)
	}
}

// topK returns the k largest by value, ties by node number.
func topK(v []float64, k int) []int {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if v[a] != v[b] {
			if v[a] > v[b] {
				return -1
			}
			return 1
		}
		return a - b
	})
	return idx[:min(k, len(idx))]
}

// checkTop checks that our top k is networkx's top k. Values closer than
// eps are treated as tied (they are equal in exact arithmetic but may be
// ordered either way by rounding), so a tie straddling place k may be
// settled differently.
func checkTop(t *testing.T, what string, got, want []float64, k int, eps float64) {
	t.Helper()
	ours := topK(got, k)
	theirs := topK(want, k)
	if len(ours) == 0 {
		return
	}
	cut := want[theirs[len(theirs)-1]] // networkx's k-th value
	in := map[int]bool{}
	for _, i := range ours {
		in[i] = true
		if want[i] < cut-eps {
			t.Errorf("%s: node %d is in our top %d but networkx ranks it lower (%.12g < %.12g)", what, i, k, want[i], cut)
		}
	}
	for i := range want {
		if !in[i] && want[i] > cut+eps {
			t.Errorf("%s: node %d (%.12g) is in networkx's top %d but not ours", what, i, want[i], k)
		}
	}
	// Where there are no near-ties the lists must be identical in order.
	for p := range ours {
		if ours[p] != theirs[p] && math.Abs(want[ours[p]]-want[theirs[p]]) > eps {
			t.Errorf("%s: place %d is node %d for us, %d for networkx", what, p+1, ours[p], theirs[p])
		}
	}
}

// compareAll checks every centrality of g against networkx.
func compareAll(t *testing.T, g Directed, exact bool, opts ...string) nxResult {
	t.Helper()
	if !exact && len(opts) == 0 {
		opts = append(opts, "--no-betweenness")
	}
	ref := networkx(t, g, opts...)
	c := NewCSR(g)
	if ref.Edges != c.Edges() {
		t.Fatalf("networkx read %d edges, want %d", ref.Edges, c.Edges())
	}

	if got := InDegree(g); !slices.Equal(got, ref.InDegree) {
		for i := range got {
			if got[i] != ref.InDegree[i] {
				t.Errorf("in-degree of node %d: %d, networkx %d", i, got[i], ref.InDegree[i])
				break
			}
		}
	}

	pr, err := PageRank(g, 0.85, 0)
	if err != nil {
		t.Fatal(err)
	}
	checkClose(t, "PageRank", pr, ref.PageRank, 1e-6)
	// Tighter than the requirement, to catch a drifting solver early.
	checkClose(t, "PageRank (tight)", pr, ref.PageRank, 1e-10)
	checkTop(t, "PageRank", pr, ref.PageRank, 20, 1e-12)
	pp, err := PowerPageRank(g, 0.85, 0)
	if err != nil {
		t.Fatal(err)
	}
	checkClose(t, "PowerPageRank", pp, ref.PageRank, 1e-10)

	hubs, auth, err := HITS(g, 0)
	if err != nil {
		t.Fatal(err)
	}
	if ref.Authorities != nil && ref.Singular[0]-ref.Singular[1] <= 1e-9*ref.Singular[0] {
		// The principal singular value is not simple: any unit vector
		// of its singular space is an answer, networkx's included. Check
		// that ours is one: AᵀA a = σ² a.
		s2 := ref.Singular[0] * ref.Singular[0]
		h := make([]float64, c.Len())
		for u := range h {
			for _, v := range c.Successors(u) {
				h[u] += auth[v]
			}
		}
		ata := make([]float64, c.Len())
		for v := range ata {
			for _, u := range c.Predecessors(v) {
				ata[v] += h[u]
			}
			if math.Abs(ata[v]-s2*auth[v]) > 1e-9 {
				t.Errorf("HITS authorities (σ₁ = σ₂ = %g): node %d: (AᵀA a)ᵢ = %g, σ²aᵢ = %g", ref.Singular[0], v, ata[v], s2*auth[v])
				break
			}
		}
	} else if ref.Authorities != nil {
		checkClose(t, "HITS authorities", auth, ref.Authorities, 1e-6)
		checkClose(t, "HITS hubs", hubs, ref.Hubs, 1e-6)
	} else { // networkx's hits is undefined without edges; ours is uniform
		for i := range auth {
			if auth[i] != 1/float64(len(auth)) || hubs[i] != auth[i] {
				t.Fatalf("HITS on a graph without edges: node %d hub %g authority %g, want uniform", i, hubs[i], auth[i])
			}
		}
	}

	if exact {
		checkClose(t, "betweenness", Betweenness(g), ref.Betweenness, 1e-6)
		checkClose(t, "betweenness (tight)", Betweenness(g), ref.Betweenness, 1e-12)
	}
	return ref
}

func TestAgainstNetworkx(t *testing.T) {
	needPython(t, "networkx, scipy")
	for _, tc := range testGraphs() {
		t.Run(tc.name, func(t *testing.T) {
			compareAll(t, tc.g, true)
		})
	}
}

type namedGraph struct {
	name string
	g    *CSR
}

func testGraphs() []namedGraph {
	e := func(n int, pairs ...int32) *CSR {
		var es [][2]int32
		for i := 0; i+1 < len(pairs); i += 2 {
			es = append(es, [2]int32{pairs[i], pairs[i+1]})
		}
		return FromEdges(n, es)
	}
	return []namedGraph{
		{"no edges", e(5)},
		{"one node", e(1)},
		{"two nodes", e(2, 0, 1)},
		{"chain", e(5, 0, 1, 1, 2, 2, 3, 3, 4)},
		{"star in", e(6, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0)},
		{"cycle", e(4, 0, 1, 1, 2, 2, 3, 3, 0)},
		// A citation tree with a dangling sink, two roots and a
		// cross link, plus an isolated node (6).
		{"citations", e(8, 1, 0, 2, 0, 2, 1, 3, 1, 4, 2, 4, 3, 5, 4, 7, 3)},
		// Two strongly connected parts joined one way, and a dangling node.
		{"components", e(7, 0, 1, 1, 2, 2, 0, 2, 3, 3, 4, 4, 3, 4, 5, 1, 6)},
		{"random dense", randomGraph(60, 600, 1)},
		{"random sparse", randomGraph(300, 700, 2)},
		{"random citations", randomCitations(400, 5, 3)},
	}
}

// randomGraph returns a seeded random directed graph with n nodes and m
// distinct edges, no self-loops.
func randomGraph(n, m int, seed uint64) *CSR {
	rng := rand.New(rand.NewPCG(seed, 1))
	seen := map[[2]int32]bool{}
	var es [][2]int32
	for len(es) < m {
		u, v := int32(rng.IntN(n)), int32(rng.IntN(n))
		if u == v || seen[[2]int32{u, v}] {
			continue
		}
		seen[[2]int32{u, v}] = true
		es = append(es, [2]int32{u, v})
	}
	return FromEdges(n, es)
}

// randomCitations returns a seeded random citation-like graph: node i cites
// up to k earlier nodes, preferring much-cited ones, and now and then a later
// one (documents citing drafts and reports of later date), which makes
// cycles.
func randomCitations(n, k int, seed uint64) *CSR {
	rng := rand.New(rand.NewPCG(seed, 2))
	var es [][2]int32
	var targets []int32 // one entry per citation received, plus one per node
	for i := 0; i < n; i++ {
		seen := map[int32]bool{}
		for j := 0; j < k && len(targets) > 0; j++ {
			v := targets[rng.IntN(len(targets))]
			if rng.IntN(20) == 0 {
				v = int32(rng.IntN(n))
			}
			if v == int32(i) || seen[v] {
				continue
			}
			seen[v] = true
			es = append(es, [2]int32{int32(i), v})
			targets = append(targets, v)
		}
		targets = append(targets, int32(i))
	}
	return FromEdges(n, es)
}
