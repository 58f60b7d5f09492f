package graph

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract"
)

// ref makes a reference to target with a relation and paragraph.
func ref(target, relation, paragraph string) extract.Reference {
	return extract.Reference{Target: target, Kind: extract.KindResolution, Body: "GA", Relation: relation, Paragraph: paragraph, Start: 10, End: 20}
}

// seriesDocs is a hand-made corpus in the shape of the annual human
// rights cooperation series: each year cites the previous one in its
// preamble, and 70/1 besides; 77/10 is only cited and has no title.
func seriesDocs() []*extract.Document {
	const title = "Enhancement of cooperation in the field of things"
	return []*extract.Document{
		{File: "A_RES_80_10.txt", Symbol: "A/RES/80/10", Title: "80/10. " + title, Date: "2025-12-18", Body: "GA", References: []extract.Reference{
			ref("A/RES/70/1", "recalling", "PP2"),
			ref("A/RES/79/10", "recalling", "PP3"),
			ref("A/HRC/RES/59/3", "recalling", "PP3"),
		}},
		{File: "A_RES_79_10.txt", Symbol: "A/RES/79/10", Title: "79/10. " + title, Date: "2024-12-17", Body: "GA", References: []extract.Reference{
			ref("A/RES/70/1", "recalling", "PP2"),
			ref("A/RES/78/10", "recalling", "PP3"),
			ref("A/RES/78/10", "reaffirming", "OP1"),
			ref("A/RES/79/10", "recalling", "PP4"), // self-citation: dropped
		}},
		{File: "A_RES_78_10.txt", Symbol: "A/RES/78/10", Title: "78/10. " + title, Date: "2023-12-19", Body: "GA", References: []extract.Reference{
			ref("A/RES/70/1", "recalling", "PP2"),
			ref("A/RES/77/10", "recalling", "PP3"),
			ref("A/RES/78/11", "welcoming", "OP2"), // same session: not a predecessor
		}},
		{File: "A_RES_78_11.txt", Symbol: "A/RES/78/11", Title: "78/11. Another subject", Date: "2023-12-19", Body: "GA", References: []extract.Reference{
			ref("A/RES/70/1", "reaffirming", "PP1"),
		}},
	}
}

func buildDocs(t testing.TB, docs []*extract.Document) *Graph {
	t.Helper()
	b := NewBuilder()
	for _, d := range docs {
		b.Add(d)
	}
	g, err := b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func ids(g *Graph, idx []int) []string {
	var out []string
	for _, i := range idx {
		out = append(out, g.NodeAt(i).ID)
	}
	return out
}

func stepIDs(g *Graph, steps []Step) []string {
	var out []string
	for _, s := range steps {
		out = append(out, fmt.Sprintf("%d:%s", s.Depth, g.NodeAt(s.Node).ID))
	}
	return out
}

func TestBuilderEdges(t *testing.T) {
	g := buildDocs(t, seriesDocs())
	if g.Len() != 7 {
		t.Errorf("Len = %d, want 7: %v", g.Len(), g.Nodes())
	}
	var got []string
	for _, e := range g.Edges() {
		got = append(got, fmt.Sprintf("%s>%s %v %d %v", e.From, e.To, e.Relations, e.Count, e.Paragraphs))
	}
	want := []string{
		"A/RES/78/10>A/RES/70/1 [recalling] 1 [PP2]",
		"A/RES/78/10>A/RES/77/10 [recalling] 1 [PP3]",
		"A/RES/78/10>A/RES/78/11 [welcoming] 1 [OP2]",
		"A/RES/78/11>A/RES/70/1 [reaffirming] 1 [PP1]",
		"A/RES/79/10>A/RES/70/1 [recalling] 1 [PP2]",
		"A/RES/79/10>A/RES/78/10 [reaffirming recalling] 2 [PP3 OP1]",
		"A/RES/80/10>A/HRC/RES/59/3 [recalling] 1 [PP3]",
		"A/RES/80/10>A/RES/70/1 [recalling] 1 [PP2]",
		"A/RES/80/10>A/RES/79/10 [recalling] 1 [PP3]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Adjacency agrees with the edge list.
	i := g.Index("a/res/79/10")
	if got := ids(g, int32s(g.Successors(i))); !slices.Equal(got, []string{"A/RES/70/1", "A/RES/78/10"}) {
		t.Errorf("Successors(79/10) = %v", got)
	}
	if got := ids(g, int32s(g.Predecessors(g.Index("A/RES/70/1")))); !slices.Equal(got, []string{"A/RES/78/10", "A/RES/78/11", "A/RES/79/10", "A/RES/80/10"}) {
		t.Errorf("Predecessors(70/1) = %v", got)
	}
	n, _ := g.Node("A/RES/77/10")
	if n.InCorpus || n.Year != 2022 || n.Title != "" {
		t.Errorf("77/10 = %+v, want cited only, year 2022 from its session", n)
	}
}

func int32s(v []int32) []int {
	out := make([]int, len(v))
	for i, x := range v {
		out[i] = int(x)
	}
	return out
}

func TestTrace(t *testing.T) {
	g := buildDocs(t, seriesDocs())
	tests := []struct {
		name string
		root string
		opt  TraceOptions
		want []string
	}{
		{"up", "A/RES/80/10", TraceOptions{}, []string{"0:A/RES/80/10", "1:A/HRC/RES/59/3", "1:A/RES/70/1", "1:A/RES/79/10", "2:A/RES/78/10", "3:A/RES/77/10", "3:A/RES/78/11"}},
		{"up depth 2", "A/RES/80/10", TraceOptions{Depth: 2}, []string{"0:A/RES/80/10", "1:A/HRC/RES/59/3", "1:A/RES/70/1", "1:A/RES/79/10", "2:A/RES/78/10"}},
		{"down", "A/RES/70/1", TraceOptions{Down: true}, []string{"0:A/RES/70/1", "1:A/RES/78/10", "1:A/RES/78/11", "1:A/RES/79/10", "1:A/RES/80/10"}},
		{"down deep", "A/RES/77/10", TraceOptions{Down: true}, []string{"0:A/RES/77/10", "1:A/RES/78/10", "2:A/RES/79/10", "3:A/RES/80/10"}},
		{"relation", "A/RES/80/10", TraceOptions{Relations: []string{"Recalling"}}, []string{"0:A/RES/80/10", "1:A/HRC/RES/59/3", "1:A/RES/70/1", "1:A/RES/79/10", "2:A/RES/78/10", "3:A/RES/77/10"}},
		{"relation reaffirming", "A/RES/79/10", TraceOptions{Relations: []string{"reaffirming"}}, []string{"0:A/RES/79/10", "1:A/RES/78/10"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			steps, err := g.Trace(tt.root, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := stepIDs(g, steps); !slices.Equal(got, tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
			for _, s := range steps[1:] {
				from, to := g.Ends(s.Edge)
				if tt.opt.Down {
					from, to = to, from
				}
				if from != s.Parent || to != s.Node {
					t.Errorf("step %v: edge %d links %d->%d", s, s.Edge, from, to)
				}
			}
		})
	}
}

func TestShortestPaths(t *testing.T) {
	// A diamond and a longer way round: A→B→D, A→C→D, A→E→F→D.
	docs := []*extract.Document{
		{Symbol: "S/RES/1(1990)", References: []extract.Reference{ref("S/RES/3(1990)", "", ""), ref("S/RES/2(1990)", "", ""), ref("S/RES/5(1990)", "", "")}},
		{Symbol: "S/RES/2(1990)", References: []extract.Reference{ref("S/RES/4(1990)", "", "")}},
		{Symbol: "S/RES/3(1990)", References: []extract.Reference{ref("S/RES/4(1990)", "", "")}},
		{Symbol: "S/RES/5(1990)", References: []extract.Reference{ref("S/RES/6(1990)", "", "")}},
		{Symbol: "S/RES/6(1990)", References: []extract.Reference{ref("S/RES/4(1990)", "", "")}},
	}
	g := buildDocs(t, docs)
	paths, err := g.ShortestPaths("S/RES/1(1990)", "S/RES/4(1990)", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range paths {
		got = append(got, strings.Join(ids(g, p), " "))
	}
	want := []string{"S/RES/1(1990) S/RES/2(1990) S/RES/4(1990)", "S/RES/1(1990) S/RES/3(1990) S/RES/4(1990)"}
	if !slices.Equal(got, want) {
		t.Errorf("paths = %q, want %q", got, want)
	}
	if paths, _ := g.ShortestPaths("S/RES/1(1990)", "S/RES/4(1990)", nil, 1); len(paths) != 1 {
		t.Errorf("limit 1 gave %d paths", len(paths))
	}
	if paths, err := g.ShortestPaths("S/RES/4(1990)", "S/RES/1(1990)", nil, 0); err != nil || len(paths) != 0 {
		t.Errorf("against the citations: %v, %v; want no path", paths, err)
	}
}

func TestLookupClosest(t *testing.T) {
	g := buildDocs(t, seriesDocs())
	_, err := g.Lookup("A/RES/79/100")
	var nf *NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("err = %v, want a NotFoundError", err)
	}
	if nf.Closest[0] != "A/RES/79/10" {
		t.Errorf("closest = %v, want A/RES/79/10 first", nf.Closest)
	}
	want := "graph: A/RES/79/100 is not in the graph; closest: A/RES/79/10, "
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q, want prefix %q", err, want)
	}
	if got := g.Closest("a/res/80/10", 3); got[0] != "A/RES/80/10" || len(got) != 3 {
		t.Errorf("Closest of a present key = %v", got)
	}
}

func TestSeries(t *testing.T) {
	g := buildDocs(t, seriesDocs())
	for _, start := range []string{"A/RES/80/10", "A/RES/79/10", "A/RES/78/10"} {
		links, err := g.Series(start)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range links {
			got = append(got, fmt.Sprintf("%s %v", g.NodeAt(l.Node).ID, l.ByTitle))
		}
		want := []string{"A/RES/80/10 true", "A/RES/79/10 true", "A/RES/78/10 true", "A/RES/77/10 false"}
		if !slices.Equal(got, want) {
			t.Errorf("Series(%s) = %v, want %v", start, got, want)
		}
	}
	if _, err := g.Series("A/RES/77/10"); err == nil || !strings.Contains(err.Error(), "no known title") {
		t.Errorf("Series of an untitled document: %v", err)
	}
	links, err := g.Series("A/RES/78/11")
	if err != nil || len(links) != 1 {
		t.Errorf("Series(78/11) = %v, %v; want itself alone", links, err)
	}
}

func TestNormalizeTitle(t *testing.T) {
	for in, want := range map[string]string{
		"79/166. Enhancement of international cooperation in the field of human rights": "enhancement of international cooperation in the field of human rights",
		"Enhancement of  international\ncooperation in the field of human rights.":      "enhancement of international cooperation in the field of human rights",
		"217 (III). International Bill of Human Rights":                                 "international bill of human rights",
		"S-26/2. Declaration of Commitment on HIV/AIDS":                                 "declaration of commitment on hiv aids",
		"The “Two-State” solution":                                                      "the two state solution",
	} {
		if got := NormalizeTitle(in); got != want {
			t.Errorf("NormalizeTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestYearOf(t *testing.T) {
	for in, want := range map[string]int{
		"2024-12-17":        2024,
		"2022":              2022,
		"S/RES/1325(2000)":  2000,
		"E/RES/1996/31":     1996,
		"A/RES/79/166":      2024,
		"A/DEC/78/547":      2023,
		"A/79/458/Add.2":    2024,
		"A/C.3/80/L.35":     2025,
		"A/RES/217(III)":    1948,
		"A/RES/2200(XXI)":   1966,
		"A/RES/1514(XV)":    1960,
		"A/RES/3362(S-VII)": 0,
		"A/RES/S-26/2":      0,
		"A/RES/ES-10/19":    0,
		"A/HRC/RES/51/3":    2022,
		"A/CONF.157/24":     0,
		"S/2023/123":        2023,
		"":                  0,
	} {
		if got := yearOf(in); got != want {
			t.Errorf("yearOf(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"A/RES/79/166":           "A/RES/79/166",
		"a/res/79/166":           "A/RES/79/166",
		"S/RES/872 (1993)":       "S/RES/872(1993)",
		"A/CONF.157/24 (Part I)": "A/CONF.157/24(PARTI)",
		"e/cn.4/sub.2\u00a0x":    "E/CN.4/SUB.2X",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

// randomGraph makes a graph of n resolutions with random citations.
func randomGraph(t testing.TB, seed uint64, n, m int) *Graph {
	r := rand.New(rand.NewPCG(seed, 1))
	docs := make([]*extract.Document, n)
	for i := range docs {
		docs[i] = &extract.Document{Symbol: fmt.Sprintf("A/RES/%d/%d", 1+r.IntN(9), i)}
	}
	for k := 0; k < m; k++ {
		d := docs[r.IntN(n)]
		rel := []string{"recalling", "reaffirming", "noting"}[r.IntN(3)]
		d.References = append(d.References, ref(docs[r.IntN(n)].Symbol, rel, "PP1"))
	}
	return buildDocs(t, docs)
}

// naivePaths enumerates shortest paths by plain forward search.
func naivePaths(g *Graph, s, t int, keep func(int32) bool) [][]int {
	dist := map[int]int{s: 0}
	queue := []int{s}
	for k := 0; k < len(queue); k++ {
		u := queue[k]
		for _, e := range g.OutEdges(u) {
			_, v := g.Ends(int(e))
			if _, ok := dist[v]; !ok && keep(e) {
				dist[v] = dist[u] + 1
				queue = append(queue, v)
			}
		}
	}
	dt, ok := dist[t]
	if !ok {
		return nil
	}
	var out [][]int
	var walk func(path []int)
	walk = func(path []int) {
		u := path[len(path)-1]
		if len(path)-1 == dt {
			if u == t {
				out = append(out, slices.Clone(path))
			}
			return
		}
		for _, e := range g.OutEdges(u) {
			_, v := g.Ends(int(e))
			if dist[v] == len(path) && keep(e) {
				walk(append(path, v))
			}
		}
	}
	walk([]int{s})
	return out
}

func TestShortestPathsRandom(t *testing.T) {
	for seed := uint64(0); seed < 40; seed++ {
		g := randomGraph(t, seed, 60, 150)
		r := rand.New(rand.NewPCG(seed, 2))
		for q := 0; q < 30; q++ {
			s, d := r.IntN(g.Len()), r.IntN(g.Len())
			var rels []string
			if q%3 == 0 {
				rels = []string{"recalling"}
			}
			got, err := g.ShortestPaths(g.NodeAt(s).ID, g.NodeAt(d).ID, rels, 1000)
			if err != nil {
				t.Fatal(err)
			}
			var want [][]int
			if s == d {
				want = [][]int{{s}}
			} else {
				want = naivePaths(g, s, d, g.relationFilter(rels))
			}
			if len(want) > 1000 {
				want = want[:1000]
			}
			if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
				t.Fatalf("seed %d: paths %s -> %s %v:\ngot  %v\nwant %v", seed, g.NodeAt(s).ID, g.NodeAt(d).ID, rels, got, want)
			}
		}
	}
}

func TestClosestRandom(t *testing.T) {
	g := randomGraph(t, 3, 3000, 10)
	r := rand.New(rand.NewPCG(9, 9))
	for q := 0; q < 100; q++ {
		sym := fmt.Sprintf("A/RES/%d/%d", r.IntN(12), r.IntN(4000))
		if q%4 == 0 {
			sym = strings.ToLower(sym) + "7"
		}
		got := g.Closest(sym, 5)
		// Brute force: distance to every key, ties by dense index.
		type c struct{ d, i int }
		var all []c
		for i, n := range g.Nodes() {
			all = append(all, c{lev(Key(sym), Key(n.ID)), i})
		}
		slices.SortFunc(all, func(a, b c) int {
			if a.d != b.d {
				return a.d - b.d
			}
			return a.i - b.i
		})
		var want []string
		for _, x := range all[:5] {
			want = append(want, g.NodeAt(x.i).ID)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("Closest(%s) = %v, want %v", sym, got, want)
		}
	}
}

func lev(a, b string) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		prev := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cur := row[j]
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			row[j] = min(row[j]+1, row[j-1]+1, prev+cost)
			prev = cur
		}
	}
	return row[len(b)]
}

// TestBuilderReuse checks that a built Graph does not change when its
// Builder goes on, and that the second Graph has everything.
func TestBuilderReuse(t *testing.T) {
	b := NewBuilder()
	docs := seriesDocs()
	for _, d := range docs[:2] {
		b.Add(d)
	}
	g1, _ := b.Graph()
	edges1 := slices.Clone(g1.Edges())
	for _, d := range docs {
		b.Add(d) // the first two again: merged, counts doubled
	}
	g2, _ := b.Graph()
	if !slices.EqualFunc(g1.Edges(), edges1, func(a, b Edge) bool { return a.From == b.From && a.To == b.To && a.Count == b.Count }) {
		t.Error("the first Graph changed when the Builder went on")
	}
	all := buildDocs(t, docs)
	if len(g2.Edges()) != len(all.Edges()) {
		t.Fatalf("second graph has %d edges, want %d", len(g2.Edges()), len(all.Edges()))
	}
	for i, e := range g2.Edges() {
		w := all.Edges()[i]
		want := w.Count
		if strings.HasPrefix(e.From, "A/RES/80/") || strings.HasPrefix(e.From, "A/RES/79/") {
			want *= 2
		}
		if e.From != w.From || e.To != w.To || e.Count != want {
			t.Errorf("edge %d = %s>%s ×%d, want %s>%s ×%d", i, e.From, e.To, e.Count, w.From, w.To, want)
		}
	}
}

func TestTitleWithoutNumber(t *testing.T) {
	for in, want := range map[string]string{
		"79/166. Enhancement of things":           "Enhancement of things",
		"217 (III). International Bill":           "International Bill",
		"2200 A (XXI). Covenants":                 "Covenants",
		"S-26/2. Declaration":                     "Declaration",
		"The situation in Rwanda":                 "The situation in Rwanda",
		"1. Decides. Something":                   "Decides. Something",
		"Enhancement of cooperation 2024. Report": "Enhancement of cooperation 2024. Report",
	} {
		if got := TitleWithoutNumber(in); got != want {
			t.Errorf("TitleWithoutNumber(%q) = %q, want %q", in, got, want)
		}
	}
}
