// Package render draws citation lineages: it selects the part of a
// citation graph around one document (Select), writes it as Graphviz DOT
// with a timeline layout, styles by issuing body and relation and a legend
// (WriteDOT), and turns the DOT into SVG or PNG (Render) with the embedded
// Graphviz or a native 'dot'.
//
// The DOT is our own, byte-for-byte deterministic, and escapes every string
// that comes from a document, so that hostile titles cannot break the
// layout or inject markup into the SVG.
package render

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/citegraph/citegraph/graph"
)

// Defaults for drawing: a picture deeper or larger than this is rarely
// readable.
const (
	DefaultDepth    = 2
	DefaultMaxNodes = 60
)

// Options selects the lineage to draw.
type Options struct {
	// Down draws the descendants of the focus (the documents citing it);
	// by default the ancestors (what it cites) are drawn.
	Down bool
	// Depth is the largest number of citation steps from the focus;
	// 0 means DefaultDepth, a negative value no limit.
	Depth int
	// MaxNodes is the largest number of documents drawn; 0 means
	// DefaultMaxNodes, a negative value no limit. The documents left out
	// are counted in "+N more" nodes under the documents that cite (or,
	// going down, are cited by) them.
	MaxNodes int
	// Reduce draws the transitive reduction of the edges: a citation is
	// left out when the drawing shows another chain of citations between
	// the same documents.
	Reduce bool
	// Relations keeps only the citations carrying at least one of these
	// relations; empty keeps all.
	Relations []string
}

// Lineage is the sub-graph to draw.
type Lineage struct {
	Focus string // symbol of the focus document
	Down  bool   // descendants rather than ancestors
	Depth int    // the depth limit used (<= 0: none)
	Nodes []Doc  // drawn documents, sorted by (year, symbol); undated first going up, last going down
	Edges []Link // drawn citations, sorted by (from, to)
	More  []More // collapsed documents, sorted by parent
	// Reduced is the number of citations left out by transitive reduction.
	Reduced int
}

// Doc is one drawn document.
type Doc struct {
	graph.Node
	Depth        int  // citation steps from the focus
	Focus        bool // the focus document
	TimeYear     int  // year on the timeline, 0 when unknown
	YearInferred bool // TimeYear was estimated from the session in the symbol
}

// Link is one drawn citation: From cites To.
type Link struct {
	From, To  string
	Relations []string // distinct, sorted
	Count     int      // mentions
}

// More stands for the documents next to Parent in the lineage that are not
// drawn because of MaxNodes.
type More struct {
	Parent string
	Hidden []string // symbols, sorted
}

// Select returns the lineage of symbol in g: its ancestors (or
// descendants) to opt.Depth, at most opt.MaxNodes documents. When the
// lineage is larger, every level is shared out among the documents of the
// previous level in turn (documents in the corpus, then the most cited,
// first), and the documents left out are counted in More.
//
// An unknown symbol gives the graph's *graph.NotFoundError.
func Select(g *graph.Graph, symbol string, opt Options) (*Lineage, error) {
	depth := opt.Depth
	if depth == 0 {
		depth = DefaultDepth
	}
	maxNodes := opt.MaxNodes
	if maxNodes == 0 {
		maxNodes = DefaultMaxNodes
	}
	traceDepth := depth
	if traceDepth < 0 {
		traceDepth = 0 // no limit
	}
	steps, err := g.Trace(symbol, graph.TraceOptions{Down: opt.Down, Depth: traceDepth, Relations: opt.Relations})
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	root := steps[0].Node
	drawn := map[int]int{root: 0} // dense index -> depth
	if maxNodes < 0 || len(steps) <= maxNodes {
		for _, s := range steps {
			drawn[s.Node] = s.Depth
		}
	} else {
		selectBudget(g, steps, maxNodes, drawn)
	}

	l := &Lineage{Focus: g.NodeAt(root).ID, Down: opt.Down, Depth: depth}
	for i, d := range drawn {
		n := g.NodeAt(i)
		y, inf := yearOf(n)
		l.Nodes = append(l.Nodes, Doc{Node: n, Depth: d, Focus: i == root, TimeYear: y, YearInferred: inf})
	}
	// Undated documents are most often older ones only cited (conferences,
	// treaties): going up they come first, going down last.
	undated := 1 << 30
	if !opt.Down {
		undated = -1
	}
	yearKey := func(y int) int {
		if y == 0 {
			return undated
		}
		return y
	}
	slices.SortFunc(l.Nodes, func(a, b Doc) int {
		return cmp.Or(cmp.Compare(yearKey(a.TimeYear), yearKey(b.TimeYear)), cmp.Compare(a.ID, b.ID))
	})

	// Every citation between drawn documents is drawn, whichever way it goes.
	keep := relationSet(opt.Relations)
	ids := make([]int, 0, len(drawn))
	for i := range drawn {
		ids = append(ids, i)
	}
	slices.Sort(ids)
	var links []Link
	for _, i := range ids {
		for _, e := range g.OutEdges(i) {
			_, to := g.Ends(int(e))
			if _, ok := drawn[to]; !ok {
				continue
			}
			ed := g.EdgeAt(int(e))
			if !keep(ed.Relations) {
				continue
			}
			links = append(links, Link{From: ed.From, To: ed.To, Relations: slices.Clone(ed.Relations), Count: ed.Count})
		}
	}
	slices.SortFunc(links, func(a, b Link) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) })
	if opt.Reduce {
		before := len(links)
		links = reduce(links)
		l.Reduced = before - len(links)
	}
	l.Edges = links

	// "+N more": the neighbours of an expanded document that are not drawn.
	for _, i := range ids {
		if depth > 0 && drawn[i] >= depth {
			continue
		}
		var hidden []string
		es := g.OutEdges(i)
		if opt.Down {
			es = g.InEdges(i)
		}
		for _, e := range es {
			from, to := g.Ends(int(e))
			v := to
			if opt.Down {
				v = from
			}
			if _, ok := drawn[v]; ok || !keep(g.EdgeAt(int(e)).Relations) {
				continue
			}
			hidden = append(hidden, g.NodeAt(v).ID)
		}
		if len(hidden) > 0 {
			slices.Sort(hidden)
			l.More = append(l.More, More{Parent: g.NodeAt(i).ID, Hidden: hidden})
		}
	}
	slices.SortFunc(l.More, func(a, b More) int { return cmp.Compare(a.Parent, b.Parent) })
	return l, nil
}

// selectBudget fills drawn with at most maxNodes of the traced steps, level
// by level; the level that does not fit is shared out round-robin among
// the parents, each taking its most significant children first.
func selectBudget(g *graph.Graph, steps []graph.Step, maxNodes int, drawn map[int]int) {
	byDepth := map[int][]graph.Step{}
	maxDepth := 0
	for _, s := range steps[1:] {
		byDepth[s.Depth] = append(byDepth[s.Depth], s)
		maxDepth = max(maxDepth, s.Depth)
	}
	for d := 1; d <= maxDepth; d++ {
		level := byDepth[d]
		room := maxNodes - len(drawn)
		if room <= 0 {
			return
		}
		if len(level) <= room {
			for _, s := range level {
				drawn[s.Node] = d
			}
			continue
		}
		// Group by parent, in the order parents were reached.
		var parents []int
		kids := map[int][]int{}
		for _, s := range level {
			if _, ok := kids[s.Parent]; !ok {
				parents = append(parents, s.Parent)
			}
			kids[s.Parent] = append(kids[s.Parent], s.Node)
		}
		for _, p := range parents {
			slices.SortStableFunc(kids[p], func(a, b int) int {
				na, nb := g.NodeAt(a), g.NodeAt(b)
				if na.InCorpus != nb.InCorpus {
					if na.InCorpus {
						return -1
					}
					return 1
				}
				return cmp.Or(
					-cmp.Compare(len(g.InEdges(a)), len(g.InEdges(b))),
					cmp.Compare(na.ID, nb.ID))
			})
		}
		for taken := 0; room > 0; taken++ {
			progress := false
			for _, p := range parents {
				if room == 0 {
					break
				}
				if taken < len(kids[p]) {
					drawn[kids[p][taken]] = d
					room--
					progress = true
				}
			}
			if !progress {
				break
			}
		}
		return
	}
}

// relationSet returns a test of an edge's relations against the wanted ones.
func relationSet(want []string) func([]string) bool {
	if len(want) == 0 {
		return func([]string) bool { return true }
	}
	set := map[string]bool{}
	for _, r := range want {
		set[normRelation(r)] = true
	}
	return func(rels []string) bool {
		for _, r := range rels {
			if set[normRelation(r)] {
				return true
			}
		}
		return false
	}
}

// reduce removes, in order, every link whose endpoints stay connected
// through the other remaining links. Removing one at a time keeps every
// connection the drawing shows, also when the citations form a cycle.
func reduce(links []Link) []Link {
	adj := map[string][]int{} // from -> link indexes
	for k, e := range links {
		adj[e.From] = append(adj[e.From], k)
	}
	removed := make([]bool, len(links))
	reach := func(from, to string, skip int) bool {
		seen := map[string]bool{from: true}
		stack := []string{from}
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, k := range adj[u] {
				if k == skip || removed[k] {
					continue
				}
				v := links[k].To
				if v == to {
					return true
				}
				if !seen[v] {
					seen[v] = true
					stack = append(stack, v)
				}
			}
		}
		return false
	}
	out := links[:0:0]
	for k, e := range links {
		if reach(e.From, e.To, k) {
			removed[k] = true
			continue
		}
		out = append(out, e)
	}
	return out
}
