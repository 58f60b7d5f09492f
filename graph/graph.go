// Package graph is the citation graph of a corpus of UN documents: nodes
// are canonical targets (documents in the corpus and documents only cited),
// edges point from the citing document to the cited one.
//
// The graph is stored in github.com/dominikbraun/graph, the store of
// record. Queries and algorithms do not go through it: dominikbraun
// rebuilds its adjacency map on every algorithm call, so Graph also keeps a
// compact index (dense node numbers, sorted adjacency lists) built once by
// Freeze and used by every query.
package graph

import (
	"fmt"
	"slices"
	"strings"

	dgraph "github.com/dominikbraun/graph"

	"github.com/citegraph/citegraph/extract"
)

// Node is one document: cited, in the corpus, or both.
type Node struct {
	ID       string `json:"id"`    // canonical symbol as first seen, e.g. A/RES/79/166
	Title    string `json:"title"` // "" when unknown
	Date     string `json:"date"`  // YYYY-MM-DD, "" when unknown
	Year     int    `json:"year"`  // 0 when unknown
	Body     string `json:"body"`  // issuing body: GA, SC, HRC, ...
	Kind     string `json:"kind"`  // resolution, decision, symbol, ... (extract.Kind)
	InCorpus bool   `json:"in_corpus"`
	File     string `json:"file"` // the corpus file, "" when only cited
}

// Edge is the citation of To by From, merged over all its mentions.
type Edge struct {
	From       string   `json:"from"`
	To         string   `json:"to"`
	Relations  []string `json:"relations"`  // distinct, sorted
	Count      int      `json:"count"`      // number of mentions
	Paragraphs []string `json:"paragraphs"` // distinct, in document order
	Start      int      `json:"start"`      // span of the first mention in From's file
	End        int      `json:"end"`
}

// Key is the identity of a symbol in the graph: upper case, white space
// removed, as reference-forms.md says symbols compare.
func Key(symbol string) string {
	var b strings.Builder
	b.Grow(len(symbol))
	for _, r := range symbol {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0':
			continue
		}
		b.WriteString(strings.ToUpper(string(r)))
	}
	return b.String()
}

// Graph is a citation graph. Build it with a Builder; a built Graph is
// read-only and safe for concurrent queries.
type Graph struct {
	store dgraph.Graph[string, string] // keys only; attributes live in nodes/edges

	nodes []Node         // by dense index, sorted by ID
	index map[string]int // Key(ID) -> dense index
	edges []Edge         // sorted by (From, To)
	out   [][]int32      // out[i]: edge indexes leaving node i, sorted by target ID
	in    [][]int32      // in[i]: edge indexes entering node i, sorted by source ID
	from  []int32        // from[e], to[e]: dense endpoints of edge e
	to    []int32
}

// Len returns the number of nodes.
func (g *Graph) Len() int { return len(g.nodes) }

// Nodes returns all nodes sorted by ID. The slice is shared: do not modify it.
func (g *Graph) Nodes() []Node { return g.nodes }

// Edges returns all edges sorted by (From, To). The slice is shared: do not modify it.
func (g *Graph) Edges() []Edge { return g.edges }

// Node returns the node with the given symbol (compared as Key does).
func (g *Graph) Node(symbol string) (Node, bool) {
	i, ok := g.index[Key(symbol)]
	if !ok {
		return Node{}, false
	}
	return g.nodes[i], true
}

// Index returns the dense index of symbol, or -1.
func (g *Graph) Index(symbol string) int {
	if i, ok := g.index[Key(symbol)]; ok {
		return i
	}
	return -1
}

// NodeAt returns the node with dense index i.
func (g *Graph) NodeAt(i int) Node { return g.nodes[i] }

// Out returns the edges leaving the node with dense index i (what it cites).
func (g *Graph) Out(i int) []Edge { return g.pick(g.out[i]) }

// In returns the edges entering the node with dense index i (who cites it).
func (g *Graph) In(i int) []Edge { return g.pick(g.in[i]) }

// Successors returns the dense indexes of the nodes i cites, sorted by ID.
func (g *Graph) Successors(i int) []int32 { return g.ends(g.out[i], g.to) }

// Predecessors returns the dense indexes of the nodes citing i, sorted by ID.
func (g *Graph) Predecessors(i int) []int32 { return g.ends(g.in[i], g.from) }

func (g *Graph) pick(es []int32) []Edge {
	out := make([]Edge, len(es))
	for k, e := range es {
		out[k] = g.edges[e]
	}
	return out
}

func (g *Graph) ends(es []int32, end []int32) []int32 {
	out := make([]int32, len(es))
	for k, e := range es {
		out[k] = end[e]
	}
	return out
}

// Store returns the dominikbraun/graph holding the graph's keys. It is the
// store of record; use the methods of Graph for queries.
func (g *Graph) Store() dgraph.Graph[string, string] { return g.store }

// Builder accumulates documents into a Graph.
type Builder struct {
	nodes map[string]*Node // by Key
	edges map[[2]string]*Edge
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{nodes: map[string]*Node{}, edges: map[[2]string]*Edge{}}
}

// Add adds a document and its references. Self-citations are dropped.
// Adding the same document twice merges it.
func (b *Builder) Add(d *extract.Document) {
	if d.Symbol == "" {
		return
	}
	src := b.node(d.Symbol)
	src.InCorpus = true
	src.File = d.File
	if d.Title != "" {
		src.Title = d.Title
	}
	if d.Date != "" {
		src.Date = d.Date
		src.Year = yearOf(d.Date)
	}
	if d.Body != "" {
		src.Body = d.Body
	}
	if src.Kind == "" {
		src.Kind = kindOf(d.Symbol)
	}
	sk := Key(d.Symbol)
	for _, r := range d.References {
		tk := Key(r.Target)
		if tk == sk {
			continue
		}
		dst := b.node(r.Target)
		if dst.Body == "" {
			dst.Body = r.Body
		}
		if dst.Kind == "" {
			dst.Kind = string(r.Kind)
		}
		e := b.edges[[2]string{sk, tk}]
		if e == nil {
			e = &Edge{From: src.ID, To: dst.ID, Start: r.Start, End: r.End}
			b.edges[[2]string{sk, tk}] = e
		}
		e.Count++
		if r.Relation != "" && !slices.Contains(e.Relations, r.Relation) {
			e.Relations = append(e.Relations, r.Relation)
		}
		if r.Paragraph != "" && !slices.Contains(e.Paragraphs, r.Paragraph) {
			e.Paragraphs = append(e.Paragraphs, r.Paragraph)
		}
	}
}

// Label sets the title and date of a node that has none, as a catalogue of
// titles does for documents only cited. Unknown symbols are ignored.
func (b *Builder) Label(symbol, title, date string) {
	n, ok := b.nodes[Key(symbol)]
	if !ok {
		return
	}
	if n.Title == "" {
		n.Title = title
	}
	if n.Date == "" && date != "" {
		n.Date = date
		n.Year = yearOf(date)
	}
}

func (b *Builder) node(symbol string) *Node {
	k := Key(symbol)
	n, ok := b.nodes[k]
	if !ok {
		n = &Node{ID: symbol, Year: yearOf(symbol)}
		b.nodes[k] = n
	}
	return n
}

// Graph builds the read-only Graph. The Builder may be used again.
func (b *Builder) Graph() (*Graph, error) {
	g := &Graph{
		store: dgraph.New(dgraph.StringHash, dgraph.Directed()),
		index: make(map[string]int, len(b.nodes)),
	}
	g.nodes = make([]Node, 0, len(b.nodes))
	for _, n := range b.nodes {
		g.nodes = append(g.nodes, *n)
	}
	slices.SortFunc(g.nodes, func(a, b Node) int { return strings.Compare(a.ID, b.ID) })
	for i, n := range g.nodes {
		g.index[Key(n.ID)] = i
		if err := g.store.AddVertex(n.ID); err != nil {
			return nil, fmt.Errorf("graph: adding %s: %w", n.ID, err)
		}
	}
	g.edges = make([]Edge, 0, len(b.edges))
	for _, e := range b.edges {
		c := *e
		c.Relations = slices.Clone(e.Relations)
		slices.Sort(c.Relations)
		c.Paragraphs = slices.Clone(e.Paragraphs)
		g.edges = append(g.edges, c)
	}
	slices.SortFunc(g.edges, func(a, b Edge) int {
		if c := strings.Compare(a.From, b.From); c != 0 {
			return c
		}
		return strings.Compare(a.To, b.To)
	})
	g.out = make([][]int32, len(g.nodes))
	g.in = make([][]int32, len(g.nodes))
	g.from = make([]int32, len(g.edges))
	g.to = make([]int32, len(g.edges))
	for e, ed := range g.edges {
		f, t := int32(g.index[Key(ed.From)]), int32(g.index[Key(ed.To)])
		g.from[e], g.to[e] = f, t
		g.out[f] = append(g.out[f], int32(e))
		g.in[t] = append(g.in[t], int32(e))
		if err := g.store.AddEdge(ed.From, ed.To); err != nil {
			return nil, fmt.Errorf("graph: adding edge %s -> %s: %w", ed.From, ed.To, err)
		}
	}
	// Edges are sorted by (From, To) and node indexes follow ID order, so
	// out[i] is already sorted by target; in[i] is sorted by source.
	return g, nil
}

// yearOf finds the year in a date (YYYY-MM-DD) or in a symbol whose session
// is a year: S/RES/1325(2000), E/RES/1996/31. It returns 0 when none is found.
func yearOf(s string) int {
	if len(s) == 4 || len(s) >= 5 && s[4] == '-' {
		if y := atoiYear(s[:4]); y != 0 {
			return y
		}
	}
	if i := strings.LastIndexByte(s, '('); i >= 0 && len(s) >= i+6 && s[i+5] == ')' {
		return atoiYear(s[i+1 : i+5])
	}
	for _, part := range strings.Split(s, "/") {
		if y := atoiYear(part); y != 0 {
			return y
		}
	}
	return 0
}

func atoiYear(s string) int {
	if len(s) != 4 {
		return 0
	}
	y := 0
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		y = y*10 + int(s[i]-'0')
	}
	if y < 1945 || y > 2100 {
		return 0
	}
	return y
}

// kindOf guesses the kind of a corpus document from its symbol.
func kindOf(symbol string) string {
	k := Key(symbol)
	switch {
	case strings.Contains(k, "/RES/"):
		return string(extract.KindResolution)
	case strings.Contains(k, "/DEC/"):
		return string(extract.KindDecision)
	}
	return string(extract.KindSymbol)
}
