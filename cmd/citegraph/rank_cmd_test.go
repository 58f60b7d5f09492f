package main

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/rank"
)

// rankGraph writes a graph file of a small hand-made citation network and
// returns its path:
//
//	A/RES/2/1 → 1/1;  A/RES/3/1 → 1/1, 2/1;  A/RES/3/2 → 2/1;
//	A/RES/4/1 → 2/1, 3/1, 3/2;  S/RES/10(1950) → A/RES/3/1, A/RES/4/1;
//	A/RES/4/2 ⇄ A/RES/4/3 (a cycle in one year).
func rankGraph(t *testing.T) string {
	t.Helper()
	doc := func(sym, date, body string, cites ...string) *extract.Document {
		d := &extract.Document{File: strings.ReplaceAll(sym, "/", "_") + ".txt", Symbol: sym, Title: "Title of " + sym, Date: date, Body: body}
		for _, c := range cites {
			d.References = append(d.References, ref(c, "recalling", "PP1"))
		}
		return d
	}
	docs := []*extract.Document{
		doc("A/RES/1/1", "1946-01-24", "GA"),
		doc("A/RES/2/1", "1947-11-01", "GA", "A/RES/1/1"),
		doc("A/RES/3/1", "1948-12-10", "GA", "A/RES/1/1", "A/RES/2/1"),
		doc("A/RES/3/2", "1948-12-11", "GA", "A/RES/2/1"),
		doc("A/RES/4/1", "1949-12-01", "GA", "A/RES/2/1", "A/RES/3/1", "A/RES/3/2"),
		doc("S/RES/10(1950)", "1950-06-27", "SC", "A/RES/3/1", "A/RES/4/1"),
		doc("A/RES/4/2", "1949-12-02", "GA", "A/RES/4/3"),
		doc("A/RES/4/3", "1949-12-02", "GA", "A/RES/4/2"),
	}
	return graphFile(t, "rank.citegraph", docs)
}

func TestRankCommandInDegree(t *testing.T) {
	gf := rankGraph(t)
	out, errs, code := runGraphCLI(t, "rank", "--graph", gf, "--by", "indegree", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// 2/1 is cited three times; 1/1 and 3/1 twice each, in symbol order.
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{
		"rank,symbol,indegree,year,body,kind,in_corpus,title",
		"1,A/RES/2/1,3,1947,GA,resolution,true,Title of A/RES/2/1",
		"2,A/RES/1/1,2,1946,GA,resolution,true,Title of A/RES/1/1",
		"3,A/RES/3/1,2,1948,GA,resolution,true,Title of A/RES/3/1",
	}
	if len(lines) < len(want) || !slices.Equal(lines[:len(want)], want) {
		t.Errorf("got:\n%s\nwant first lines:\n%s", out, strings.Join(want, "\n"))
	}
	golden(t, "rank_indegree_table.golden", mustRun(t, "rank", "--graph", gf, "--by", "indegree"))
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := runGraphCLI(t, args...)
	if code != 0 {
		t.Fatalf("citegraph %s: exit %d: %s", strings.Join(args, " "), code, errs)
	}
	return out
}

func TestRankCommandPageRank(t *testing.T) {
	gf := rankGraph(t)
	var res struct {
		Measure string
		Nodes   int
		Results []rankRow
	}
	if err := json.Unmarshal([]byte(mustRun(t, "rank", "--graph", gf, "--top", "0", "--format", "json")), &res); err != nil {
		t.Fatal(err)
	}
	g, err := graph.Load(gf)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := rank.PageRank(g, 0.85, 0)
	if err != nil {
		t.Fatal(err)
	}
	if res.Measure != "pagerank" || res.Nodes != g.Len() || len(res.Results) != g.Len() {
		t.Fatalf("measure %q, %d nodes, %d results; want pagerank, %d, %d", res.Measure, res.Nodes, len(res.Results), g.Len(), g.Len())
	}
	for i, r := range res.Results {
		if r.Score != pr[g.Index(r.Symbol)] {
			t.Errorf("%s: score %v, PageRank %v", r.Symbol, r.Score, pr[g.Index(r.Symbol)])
		}
		if i > 0 {
			p := res.Results[i-1]
			if p.Score < r.Score || p.Score == r.Score && p.Symbol > r.Symbol {
				t.Errorf("%s (%v) ranked before %s (%v)", p.Symbol, p.Score, r.Symbol, r.Score)
			}
		}
	}
	// The closed cycle 4/2 ⇄ 4/3 keeps all the rank it receives: its two
	// documents come first, tied, in symbol order; then the oldest text.
	var top []string
	for _, r := range res.Results[:3] {
		top = append(top, r.Symbol)
	}
	if !slices.Equal(top, []string{"A/RES/4/2", "A/RES/4/3", "A/RES/1/1"}) || res.Results[0].Score != res.Results[1].Score {
		t.Errorf("first by PageRank: %v (%v, %v), want A/RES/4/2, A/RES/4/3 tied, then A/RES/1/1", top, res.Results[0].Score, res.Results[1].Score)
	}
	out := mustRun(t, "rank", "--graph", gf, "--body", "sc", "--format", "csv")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[1], "1,S/RES/10(1950),") {
		t.Errorf("--body sc:\n%s", out)
	}
}

func TestRankCommandBetweenness(t *testing.T) {
	gf := rankGraph(t)
	out, errs, code := runGraphCLI(t, "rank", "--graph", gf, "--by", "betweenness", "--top", "3", "--format", "csv")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// Shortest paths through 3/1: S/RES/10 → 1/1 (1), S/RES/10 → 2/1 (1/2,
	// the other half through 4/1), 4/1 → 1/1 (1/2, the other half through
	// 2/1): 2. Through 2/1: 3/2 → 1/1 (1) and 4/1 → 1/1 (1/2): 1.5.
	// Through 4/1: S/RES/10 → 3/2 (1) and S/RES/10 → 2/1 (1/2): 1.5, tied
	// with 2/1 and listed after it by symbol. Normalised by 7·6.
	want := "rank,symbol,betweenness,in_degree,year,body,kind,in_corpus,title\n" +
		"1,A/RES/3/1,0.047619047619047616,2,1948,GA,resolution,true,Title of A/RES/3/1\n" +
		"2,A/RES/2/1,0.03571428571428571,3,1947,GA,resolution,true,Title of A/RES/2/1\n" +
		"3,A/RES/4/1,0.03571428571428571,1,1949,GA,resolution,true,Title of A/RES/4/1\n"
	if out != want {
		t.Errorf("exact betweenness:\n%s\nwant:\n%s", out, want)
	}
	_, errs, code = runGraphCLI(t, "rank", "--graph", gf, "--by", "betweenness", "--samples", "3")
	if code != 0 || !strings.Contains(errs, "estimated from 3 of 8 sources") || !strings.Contains(errs, "95% probability") {
		t.Errorf("sampled betweenness: exit %d, stderr %q", code, errs)
	}
}

func TestMainPathCommand(t *testing.T) {
	gf := rankGraph(t)
	out, errs, code := runGraphCLI(t, "mainpath", "--graph", gf, "--format", "json", "--key-routes", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "1 citations inside cycles dropped") {
		t.Errorf("stderr %q does not report the dropped citation", errs)
	}
	var res struct {
		Paths     float64    `json:"source_sink_paths"`
		Dropped   int        `json:"dropped_citations"`
		MainPaths []mainPath `json:"main_paths"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	// Sources S/RES/10 (6 paths down) and A/RES/4/3 (1 path, to 4/2).
	if res.Paths != 7 || res.Dropped != 1 {
		t.Errorf("%v paths, %d dropped; want 7, 1", res.Paths, res.Dropped)
	}
	var syms []string
	for _, d := range res.MainPaths[0].Documents {
		syms = append(syms, d.Symbol)
	}
	want := []string{"A/RES/1/1", "A/RES/2/1", "A/RES/3/1", "A/RES/4/1", "S/RES/10(1950)"}
	if !slices.Equal(syms, want) {
		t.Errorf("global main path %v, want %v", syms, want)
	}
	// SPC: 2/1→1/1 4, 3/1→2/1 2, 4/1→3/1 2, S/RES/10→4/1 4: total 12/7.
	wantSPC := []float64{4, 2, 2, 4}
	for i, l := range res.MainPaths[0].Links {
		if l.SPC != wantSPC[i] || l.Citing != want[i+1] || l.Cited != want[i] {
			t.Errorf("link %d: %s cites %s, SPC %v; want %s cites %s, SPC %v", i, l.Citing, l.Cited, l.SPC, want[i+1], want[i], wantSPC[i])
		}
	}
	if w := res.MainPaths[0].Weight; math.Abs(w-12.0/7) > 1e-12 {
		t.Errorf("main path weight %v, want 12/7", w)
	}
	if len(res.MainPaths) < 2 || res.MainPaths[1].Key == nil {
		t.Errorf("no key-route path: %+v", res.MainPaths)
	}
	golden(t, "rank_mainpath_list.golden", mustRun(t, "mainpath", "--graph", gf))
}

func TestSimilarCommand(t *testing.T) {
	gf := rankGraph(t)
	var res struct {
		Symbol  string
		Similar []similarRow
	}
	if err := json.Unmarshal([]byte(mustRun(t, "similar", "--graph", gf, "--by", "both", "--format", "json", "a/res/3/1")), &res); err != nil {
		t.Fatal(err)
	}
	if res.Symbol != "A/RES/3/1" {
		t.Errorf("symbol %q", res.Symbol)
	}
	// 3/1 (cited by 4/1, S/RES/10; cites 1/1, 2/1) is co-cited with 4/1
	// by S/RES/10 and with 2/1 and 3/2 by 4/1; it shares 1/1 with 2/1 and
	// 2/1 with 3/2 and 4/1.
	got := map[string][2]int{}
	for _, r := range res.Similar {
		got[r.Symbol] = [2]int{r.CoCited, r.Coupled}
	}
	want := map[string][2]int{"A/RES/4/1": {1, 1}, "A/RES/2/1": {1, 1}, "A/RES/3/2": {1, 1}}
	for s, w := range want {
		if got[s] != w {
			t.Errorf("%s: co-cited, coupled %v, want %v (all: %v)", s, got[s], w, got)
		}
	}
	golden(t, "rank_similar_table.golden", mustRun(t, "similar", "--graph", gf, "A/RES/3/1"))
}

func TestCommunitiesCommand(t *testing.T) {
	gf := rankGraph(t)
	a := mustRun(t, "communities", "--graph", gf, "--format", "json", "--min-size", "1")
	if b := mustRun(t, "communities", "--graph", gf, "--format", "json", "--min-size", "1"); a != b {
		t.Error("two runs with the same seed differ")
	}
	var res struct {
		Modularity float64
		Shown      []communityOut
	}
	if err := json.Unmarshal([]byte(a), &res); err != nil {
		t.Fatal(err)
	}
	// The cycle 4/2 ⇄ 4/3 is apart from the rest: its own community.
	total, found := 0, false
	for _, c := range res.Shown {
		total += c.Size
		var syms []string
		for _, m := range c.Members {
			syms = append(syms, m.Symbol)
		}
		slices.Sort(syms)
		if slices.Equal(syms, []string{"A/RES/4/2", "A/RES/4/3"}) {
			found = true
		}
	}
	if total != 8 || !found || res.Modularity <= 0 {
		t.Errorf("communities %+v (modularity %v): want 8 documents, {4/2, 4/3} apart", res.Shown, res.Modularity)
	}
	var gon struct{ Modularity float64 }
	if err := json.Unmarshal([]byte(mustRun(t, "communities", "--graph", gf, "--format", "json", "--method", "gonum")), &gon); err != nil {
		t.Fatal(err)
	}
	if math.Abs(gon.Modularity-res.Modularity) > 0.05 {
		t.Errorf("modularity %v, gonum's %v", res.Modularity, gon.Modularity)
	}
}

func TestRankCommandErrors(t *testing.T) {
	gf := rankGraph(t)
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"rank", "--graph", gf, "--by", "fame"}, 2, `unknown --by "fame"`},
		{[]string{"rank", "--graph", gf, "--format", "xml"}, 2, `unknown --format "xml"`},
		{[]string{"rank", "--graph", gf, "--damping", "1"}, 2, "--damping must be in [0, 1)"},
		{[]string{"similar", "--graph", gf, "A/RES/3/3"}, 1, "A/RES/3/3 is not in the graph; closest: A/RES/3/1"},
		{[]string{"similar", "--graph", gf}, 2, "give the symbol"},
		{[]string{"mainpath", "--graph", gf, "--key-routes", "-1"}, 2, "--key-routes must be 0 or more"},
		{[]string{"communities", "--graph", gf, "--resolution", "0"}, 2, "--resolution must be above 0"},
		{[]string{"communities", "--graph", gf, "--method", "magic"}, 2, `unknown --method "magic"`},
	} {
		_, errs, code := runGraphCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.msg) {
			t.Errorf("citegraph %s: exit %d, stderr %q; want exit %d and %q", strings.Join(tc.args, " "), code, errs, tc.code, tc.msg)
		}
	}
}
