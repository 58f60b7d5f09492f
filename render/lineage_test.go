package render

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

// fan builds a graph: the focus A/RES/80/1 cites A/RES/79/1..n; each
// A/RES/79/k cites A/RES/78/k and A/RES/78/(k+1); A/RES/80/1 also cites
// A/RES/78/1 directly (implied by 80/1 -> 79/1 -> 78/1).
func fan(t *testing.T, n int) *graph.Graph {
	t.Helper()
	b := graph.NewBuilder()
	focus := &extract.Document{Symbol: "A/RES/80/1", Title: "Focus", Date: "2025-12-01", Body: "GA"}
	for k := 1; k <= n; k++ {
		mid := fmt.Sprintf("A/RES/79/%d", k)
		focus.References = append(focus.References, extract.Reference{Target: mid, Body: "GA", Relation: "recalling"})
		b.Add(&extract.Document{Symbol: mid, Title: "Mid " + mid, Date: "2024-12-01", Body: "GA", References: []extract.Reference{
			{Target: fmt.Sprintf("A/RES/78/%d", k), Body: "GA", Relation: "reaffirming"},
			{Target: fmt.Sprintf("A/RES/78/%d", k+1), Body: "GA", Relation: "taking note"},
		}})
	}
	focus.References = append(focus.References, extract.Reference{Target: "A/RES/78/1", Body: "GA", Relation: "recalling"})
	b.Add(focus)
	g, err := b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func ids(l *Lineage) []string {
	var out []string
	for _, n := range l.Nodes {
		out = append(out, n.ID)
	}
	slices.Sort(out)
	return out
}

func TestSelectDepth(t *testing.T) {
	g := fan(t, 3)
	for _, c := range []struct {
		depth int
		want  int
	}{{1, 5}, {2, 8}, {-1, 8}} { // depth 1: focus, 3 mids and 78/1, cited directly
		l, err := Select(g, "A/RES/80/1", Options{Depth: c.depth})
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Nodes) != c.want {
			t.Errorf("depth %d: drew %d documents %v, want %d", c.depth, len(l.Nodes), ids(l), c.want)
		}
		if len(l.More) != 0 {
			t.Errorf("depth %d: %d +more boxes without a node limit", c.depth, len(l.More))
		}
	}
}

func TestSelectDown(t *testing.T) {
	g := fan(t, 3)
	l, err := Select(g, "A/RES/78/2", Options{Down: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"A/RES/78/2", "A/RES/79/1", "A/RES/79/2", "A/RES/80/1"}
	if got := ids(l); !slices.Equal(got, want) {
		t.Errorf("descendants of 78/2: %v, want %v", got, want)
	}
	if !l.Down {
		t.Error("Down not recorded")
	}
}

func TestSelectMaxNodes(t *testing.T) {
	g := fan(t, 20) // 1 + 20 mids + 21 leaves
	l, err := Select(g, "A/RES/80/1", Options{MaxNodes: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Nodes) != 10 {
		t.Fatalf("drew %d documents, want 10", len(l.Nodes))
	}
	// The focus is expanded: its 21 citations, 9 drawn, 12 counted.
	var focusMore *More
	for k := range l.More {
		if l.More[k].Parent == "A/RES/80/1" {
			focusMore = &l.More[k]
		}
	}
	if focusMore == nil || len(focusMore.Hidden) != 12 {
		t.Fatalf("+more of the focus = %+v, want 12 hidden", focusMore)
	}
	// Every drawn citation joins drawn documents; every hidden one is not drawn.
	drawn := map[string]bool{}
	for _, n := range l.Nodes {
		drawn[n.ID] = true
	}
	for _, e := range l.Edges {
		if !drawn[e.From] || !drawn[e.To] {
			t.Errorf("edge %s -> %s leaves the drawing", e.From, e.To)
		}
	}
	for _, m := range l.More {
		for _, h := range m.Hidden {
			if drawn[h] {
				t.Errorf("%s is drawn and counted in +more of %s", h, m.Parent)
			}
		}
	}
	dot := string(DOT(l))
	if !strings.Contains(dot, `label="+12 more"`) {
		t.Errorf("no +12 more box in the DOT")
	}
	if !strings.Contains(dot, `legend:more`) {
		t.Errorf("the legend does not explain the +N more box")
	}
}

func TestSelectBudgetShared(t *testing.T) {
	// Depth 2 with room for 2 of the 6 grandchildren: they go to two
	// different parents, not both to the first.
	g := fan(t, 3)
	l, err := Select(g, "A/RES/80/1", Options{MaxNodes: 6}) // focus + 4 at depth 1 + 1
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Nodes) != 6 {
		t.Fatalf("drew %v", ids(l))
	}
}

func TestReduce(t *testing.T) {
	g := fan(t, 2)
	full, err := Select(g, "A/RES/80/1", Options{})
	if err != nil {
		t.Fatal(err)
	}
	red, err := Select(g, "A/RES/80/1", Options{Reduce: true})
	if err != nil {
		t.Fatal(err)
	}
	has := func(l *Lineage, from, to string) bool {
		return slices.ContainsFunc(l.Edges, func(e Link) bool { return e.From == from && e.To == to })
	}
	if !has(full, "A/RES/80/1", "A/RES/78/1") {
		t.Fatal("the direct citation 80/1 -> 78/1 is missing before reduction")
	}
	if has(red, "A/RES/80/1", "A/RES/78/1") {
		t.Error("reduction kept 80/1 -> 78/1, implied by 80/1 -> 79/1 -> 78/1")
	}
	if red.Reduced != 1 || len(red.Edges) != len(full.Edges)-1 {
		t.Errorf("reduced %d of %d edges to %d, want exactly one removed", red.Reduced, len(full.Edges), len(red.Edges))
	}
}

func TestReduceCycle(t *testing.T) {
	// a <-> b, a -> c, b -> c: removing both a->c and b->c would cut c off.
	links := []Link{{From: "a", To: "b"}, {From: "a", To: "c"}, {From: "b", To: "a"}, {From: "b", To: "c"}}
	out := reduce(slices.Clone(links))
	reach := map[string]bool{}
	for _, e := range out {
		reach[e.To] = true
	}
	if !reach["c"] || !reach["a"] || !reach["b"] {
		t.Errorf("reduction of a cycle lost a connection: %v", out)
	}
}

func TestSelectUnknown(t *testing.T) {
	g := fan(t, 2)
	_, err := Select(g, "A/RES/80/2", Options{})
	if err == nil || !strings.Contains(err.Error(), "A/RES/80/1") {
		t.Fatalf("got %v, want a not-found error naming the closest symbol", err)
	}
}

func TestLegendOnlyDrawn(t *testing.T) {
	g := fan(t, 2)
	l, err := Select(g, "A/RES/80/1", Options{Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	dot := string(DOT(l))
	legend := dot[strings.Index(dot, "subgraph cluster_legend"):]
	if !strings.Contains(legend, "General Assembly (GA)") {
		t.Error("the legend does not list the General Assembly")
	}
	// A/RES/78/1 is only cited: its year is estimated, and the legend says so.
	if !strings.Contains(legend, "c. 2023: year estimated") {
		t.Error("the legend does not explain the estimated year drawn")
	}
	for _, absent := range []string{"Security Council", "Human Rights Council", "taking note", "+N more"} {
		if strings.Contains(legend, absent) {
			t.Errorf("the legend lists %q, which is not drawn", absent)
		}
	}
	for _, rel := range []string{`"recalling"`, `"reaffirming"`} { // 80/1 recalling 79/1, 79/1 reaffirming 78/1
		if !strings.Contains(legend, rel) {
			t.Errorf("the legend does not list %s", rel)
		}
	}
}

func TestYearOf(t *testing.T) {
	for _, c := range []struct {
		id, date string
		year     int
		want     int
		inferred bool
	}{
		{"A/RES/79/166", "2024-12-17", 2024, 2024, false},
		{"A/RES/79/166", "", 2024, 2024, true},
		{"A/RES/79/166", "", 0, 2024, true},
		{"S/RES/1325(2000)", "", 2000, 2000, false},
		{"A/79/458/Add.2", "", 0, 2024, true},
		{"A/HRC/RES/56/2", "", 0, 2024, true},
		{"A/HRC/RES/1/1", "", 0, 2006, true},
		{"A/RES/217(III)", "", 0, 1948, true},
		{"A/RES/2200(XXI)", "", 0, 1966, true},
		{"A/CONF.157/23", "", 0, 0, false},
		{"UNTS/999/14668", "", 0, 0, false},
	} {
		y, inf := yearOf(graph.Node{ID: c.id, Date: c.date, Year: c.year})
		if y != c.want || inf != c.inferred {
			t.Errorf("yearOf(%s, %d) = %d, %v; want %d, %v", c.id, c.year, y, inf, c.want, c.inferred)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Short title", []string{"Short title"}},
		{"Enhancement of international cooperation in the field of human rights",
			[]string{"Enhancement of international", "cooperation in the field of", "human rights"}},
		{"Enhancement of international cooperation in the field of human rights and fundamental freedoms for all",
			[]string{"Enhancement of international", "cooperation in the field of", "human rights and fundamenta…"}},
		{strings.Repeat("x", 70), []string{strings.Repeat("x", 28), strings.Repeat("x", 28), strings.Repeat("x", 14)}},
		{strings.Repeat("y", 100), []string{strings.Repeat("y", 28), strings.Repeat("y", 28), strings.Repeat("y", 27) + "…"}},
	} {
		if got := wrap(c.in, titleWidth, titleLines); !slices.Equal(got, c.want) {
			t.Errorf("wrap(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestEsc(t *testing.T) {
	for in, want := range map[string]string{
		`a "b" c`:            `a \"b\" c`,
		`back\slash\`:        `back\\slash\\`,
		"two\nlines\r\n":     "two lines",
		"a & b":              "a &amp; b",
		"<script>":           "<script>",
		"nul\x00bell\x07":    "nulbell",
		"bad \xff utf8":      "bad utf8",
		"\\N \\G \\L":        `\\N \\G \\L`,
		"  spaces  \t ":      "spaces",
		"sep\u2028arator":    "sep arator",
		"tab\tseparated":     "tab separated",
		"non-breaking\u00a0": "non-breaking",
	} {
		if got := esc(in); got != want {
			t.Errorf("esc(%q) = %q, want %q", in, got, want)
		}
	}
}
