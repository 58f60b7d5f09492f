// Package graph is the citation graph of a corpus of UN documents: nodes
// are canonical targets (documents in the corpus and documents only cited),
// edges point from the citing document to the cited one.
//
// A Graph keeps a compact index (dense node numbers in symbol order, edge
// lists sorted by the other end) built once by Builder.Graph or Load and
// used by every query: Trace (ancestors and descendants), ShortestPaths,
// Series (recurring resolutions of one title), Lookup (with the closest
// symbols when one is missing). github.com/dominikbraun/graph holds the
// same graph for interoperation (Graph.Store), created on first use:
// dominikbraun rebuilds its adjacency map on every algorithm call and its
// memory store costs about 380 bytes an edge, so no query goes through it.
//
// Save and Load write and read the versioned graph file described in
// FORMAT.md; ReadCatalog reads the title catalogues that label documents
// only cited.
package graph

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

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
// removed, as reference-forms.md says symbols compare. A symbol already in
// that form is returned as is, without allocating.
func Key(symbol string) string {
	for i := 0; i < len(symbol); i++ {
		c := symbol[i]
		if c >= 'a' && c <= 'z' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c >= 0x80 {
			return keySlow(symbol)
		}
	}
	return symbol
}

func keySlow(symbol string) string {
	var b strings.Builder
	b.Grow(len(symbol))
	for _, r := range symbol {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0':
			continue
		}
		if r < 0x80 {
			if 'a' <= r && r <= 'z' {
				r -= 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		b.WriteString(strings.ToUpper(string(r)))
	}
	return b.String()
}

// Graph is a citation graph. Build it with a Builder or read it with Load;
// a Graph is read-only and safe for concurrent queries.
type Graph struct {
	storeOnce sync.Once
	store     dgraph.Graph[string, string] // keys only; attributes live in nodes/edges

	nodes []Node         // by dense index, sorted by ID
	index map[string]int // Key(ID) -> dense index
	edges []Edge         // sorted by (From, To)
	out   [][]int32      // out[i]: edge indexes leaving node i, sorted by target ID
	in    [][]int32      // in[i]: edge indexes entering node i, sorted by source ID
	from  []int32        // from[e], to[e]: dense endpoints of edge e
	to    []int32

	keysOnce sync.Once // sorted keys for Closest, built on first use
	keys     []string
	keyOrder []int32
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

// EdgeAt returns the edge with index e (an index into Edges).
func (g *Graph) EdgeAt(e int) Edge { return g.edges[e] }

// OutEdges and InEdges return the edge indexes leaving and entering node i,
// without copying: do not modify the slices.
func (g *Graph) OutEdges(i int) []int32 { return g.out[i] }

// InEdges: see OutEdges.
func (g *Graph) InEdges(i int) []int32 { return g.in[i] }

// Ends returns the dense indexes of the citing and cited nodes of edge e.
func (g *Graph) Ends(e int) (from, to int) { return int(g.from[e]), int(g.to[e]) }

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
// store of record for interoperation; use the methods of Graph for queries.
//
// The store is built on the first call, not by Builder.Graph or Load:
// dominikbraun's memory store costs about 380 bytes per edge (measured: see
// graph/FORMAT.md), which is nothing for a corpus of thousands of documents
// and gigabytes for a synthetic million, and no query needs it.
func (g *Graph) Store() dgraph.Graph[string, string] {
	g.storeOnce.Do(func() {
		s := dgraph.New(dgraph.StringHash, dgraph.Directed())
		for _, n := range g.nodes {
			if err := s.AddVertex(n.ID); err != nil {
				panic(fmt.Sprintf("graph: adding %s to the store: %v", n.ID, err))
			}
		}
		for _, ed := range g.edges {
			if err := s.AddEdge(ed.From, ed.To); err != nil {
				panic(fmt.Sprintf("graph: adding edge %s -> %s to the store: %v", ed.From, ed.To, err))
			}
		}
		g.store = s
	})
	return g.store
}

// Builder accumulates documents into a Graph. Nodes are kept in a slice
// with dense numbers and edges in a slice of pointer-free records (the
// relation and paragraph sets interned), so that a million documents and
// ten million citations build without the garbage collector scanning them.
type Builder struct {
	ids   map[string]int32 // Key -> index in nodes
	nodes []Node
	edges []bedge
	local map[int32]int32 // target -> edge of the document being added

	sets   [][]string       // interned sets of strings; sets[0] is the empty set
	setIDs map[string]int32 // "\x00"-joined members -> set number
	steps  map[setStep]int32
}

// setStep is a set and a string added to it: with's cache.
type setStep struct {
	set    int32
	sorted bool
	s      string
}

// bedge is an edge while it is built: its ends are node numbers of the
// Builder, its relations and paragraphs set numbers.
type bedge struct {
	from, to    int32
	count       int32
	rels, paras int32
	start, end  int
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{ids: map[string]int32{}, local: map[int32]int32{}, sets: [][]string{nil}, setIDs: map[string]int32{}, steps: map[setStep]int32{}}
}

// Add adds a document and its references. Self-citations are dropped.
// Adding the same document twice merges it (at the cost of a pass over
// the edges).
func (b *Builder) Add(d *extract.Document) {
	if d.Symbol == "" {
		return
	}
	si := b.node(d.Symbol)
	src := &b.nodes[si]
	// Edges are found through a map of the document's own targets: a
	// global map of ten million edges would cost more than the edges.
	clear(b.local)
	if src.InCorpus {
		// Added before: merge with the edges it already has.
		for e := range b.edges {
			if b.edges[e].from == si {
				b.local[b.edges[e].to] = int32(e)
			}
		}
	}
	src.InCorpus = true
	src.File = d.File
	if d.Title != "" {
		src.Title = d.Title
	}
	if d.Date != "" {
		src.Date = d.Date
		if y := yearOf(d.Date); y != 0 {
			src.Year = y
		}
	}
	if d.Body != "" {
		src.Body = d.Body
	}
	if src.Kind == "" {
		src.Kind = kindOf(d.Symbol)
	}
	for k := range d.References {
		r := &d.References[k]
		ti := b.node(r.Target)
		if ti == si {
			continue
		}
		dst := &b.nodes[ti]
		if dst.Body == "" {
			dst.Body = r.Body
		}
		if dst.Kind == "" {
			dst.Kind = string(r.Kind)
		}
		ei, ok := b.local[ti]
		if !ok {
			ei = int32(len(b.edges))
			b.local[ti] = ei
			b.edges = append(b.edges, bedge{from: si, to: ti, start: r.Start, end: r.End})
		}
		e := &b.edges[ei]
		e.count++
		e.rels = b.with(e.rels, r.Relation, true)
		e.paras = b.with(e.paras, r.Paragraph, false)
	}
}

// with returns the number of the set holding the members of set and s:
// sorted, or in the order added.
func (b *Builder) with(set int32, s string, sorted bool) int32 {
	if s == "" {
		return set
	}
	step := setStep{set, sorted, s}
	if id, ok := b.steps[step]; ok {
		return id
	}
	id := b.with1(set, s, sorted)
	b.steps[step] = id
	return id
}

func (b *Builder) with1(set int32, s string, sorted bool) int32 {
	members := b.sets[set]
	if slices.Contains(members, s) {
		return set
	}
	var k string
	if set == 0 {
		k = s // one-element sets: no allocation
	} else {
		next := make([]string, len(members)+1)
		copy(next, members)
		next[len(members)] = s
		if sorted {
			slices.Sort(next)
		}
		k = "\x00" + strings.Join(next, "\x00")
	}
	if id, ok := b.setIDs[k]; ok {
		return id
	}
	id := int32(len(b.sets))
	if set == 0 {
		b.sets = append(b.sets, []string{s})
	} else {
		b.sets = append(b.sets, strings.Split(k[1:], "\x00"))
	}
	b.setIDs[k] = id
	return id
}

// Label sets the title and date of a node that has none, as a catalogue of
// titles does for documents only cited. date is YYYY-MM-DD or a bare year
// YYYY (which sets only Year). Unknown symbols are ignored.
func (b *Builder) Label(symbol, title, date string) {
	i, ok := b.ids[Key(symbol)]
	if !ok {
		return
	}
	labelNode(&b.nodes[i], title, date)
}

func labelNode(n *Node, title, date string) {
	if n.Title == "" {
		n.Title = title
	}
	if n.Date == "" && date != "" {
		if y := yearOf(date); y != 0 {
			n.Year = y
		}
		if len(date) == len("2006-01-02") {
			n.Date = date
		}
	}
}

// Has reports whether the Builder has a node for symbol.
func (b *Builder) Has(symbol string) bool {
	_, ok := b.ids[Key(symbol)]
	return ok
}

func (b *Builder) node(symbol string) int32 {
	k := Key(symbol)
	i, ok := b.ids[k]
	if !ok {
		i = int32(len(b.nodes))
		b.ids[k] = i
		b.nodes = append(b.nodes, Node{ID: symbol, Year: yearOf(symbol)})
	}
	return i
}

// Graph builds the read-only Graph. The Builder may be used again.
func (b *Builder) Graph() (*Graph, error) {
	if len(b.nodes) > math.MaxInt32-1 || len(b.edges) > math.MaxInt32-1 {
		return nil, fmt.Errorf("graph: %d nodes and %d edges is more than a Graph holds (2^31)", len(b.nodes), len(b.edges))
	}
	// Dense order: nodes sorted by ID.
	perm := make([]int32, len(b.nodes)) // perm[new] = old
	for i := range perm {
		perm[i] = int32(i)
	}
	slices.SortFunc(perm, func(x, y int32) int { return strings.Compare(b.nodes[x].ID, b.nodes[y].ID) })
	rank := make([]int32, len(b.nodes)) // rank[old] = new
	nodes := make([]Node, len(b.nodes))
	for nw, old := range perm {
		rank[old] = int32(nw)
		nodes[nw] = b.nodes[old]
	}
	perm = nil
	from := make([]int32, len(b.edges))
	to := make([]int32, len(b.edges))
	for e := range b.edges {
		from[e], to[e] = rank[b.edges[e].from], rank[b.edges[e].to]
	}
	rank = nil
	order := sortedEdges(len(nodes), from, to)
	ids := make([]string, len(nodes)) // compact, for random lookups
	for i := range nodes {
		ids[i] = nodes[i].ID
	}
	g := &Graph{nodes: nodes, edges: make([]Edge, len(order)), from: make([]int32, len(order)), to: make([]int32, len(order))}
	for k, e := range order {
		f, t := from[e], to[e]
		g.from[k], g.to[k] = f, t
		be := &b.edges[e]
		g.edges[k] = Edge{
			From: ids[f], To: ids[t],
			Relations: b.sets[be.rels], Count: int(be.count), Paragraphs: b.sets[be.paras],
			Start: be.start, End: be.end,
		}
	}
	g.index = make(map[string]int, len(nodes))
	for i := range nodes {
		g.index[Key(nodes[i].ID)] = i
	}
	g.link()
	return g, nil
}

// sortedEdges returns the edge numbers ordered by (from, to): a counting
// sort by source, then a sort of each source's targets.
func sortedEdges(n int, from, to []int32) []int32 {
	start := make([]int32, n+1)
	for _, f := range from {
		start[f+1]++
	}
	for i := 1; i <= n; i++ {
		start[i] += start[i-1]
	}
	next := slices.Clone(start[:n])
	order := make([]int32, len(from))
	for e, f := range from {
		order[next[f]] = int32(e)
		next[f]++
	}
	for i := 0; i < n; i++ {
		seg := order[start[i]:start[i+1]]
		if len(seg) > 1 {
			slices.SortFunc(seg, func(x, y int32) int { return int(to[x]) - int(to[y]) })
		}
	}
	return order
}

// link builds out and in from g.from and g.to, which must be sorted by
// (from, to). Both are views into two shared arrays.
func (g *Graph) link() {
	n, m := len(g.nodes), len(g.from)
	g.out = make([][]int32, n)
	g.in = make([][]int32, n)
	outAll := make([]int32, m)
	for e := range outAll {
		outAll[e] = int32(e)
	}
	for e := 0; e < m; {
		f := g.from[e]
		k := e
		for k < m && g.from[k] == f {
			k++
		}
		g.out[f] = outAll[e:k:k]
		e = k
	}
	inStart := make([]int32, n+1)
	for _, t := range g.to {
		inStart[t+1]++
	}
	for i := 1; i <= n; i++ {
		inStart[i] += inStart[i-1]
	}
	next := slices.Clone(inStart[:n])
	inAll := make([]int32, m)
	// Edges are visited in (from, to) order, so each in-list is sorted by source.
	for e, t := range g.to {
		inAll[next[t]] = int32(e)
		next[t]++
	}
	for i := 0; i < n; i++ {
		if inStart[i] < inStart[i+1] {
			g.in[i] = inAll[inStart[i]:inStart[i+1]:inStart[i+1]]
		}
	}
}

// yearOf finds the year in a date (YYYY-MM-DD, or a bare YYYY) or in a
// symbol: a Security Council year S/RES/1325(2000), a year session
// E/RES/1996/31, or a General Assembly session (A/RES/79/166, A/DEC/78/547,
// A/79/458, A/C.3/80/L.35: session n began in 1945+n; A/RES/217(III):
// sessions 1-30 in roman numerals). Special and emergency special sessions
// (A/RES/S-26/2, A/RES/ES-10/19) have no year in their symbol. It returns 0
// when none is found.
func yearOf(s string) int {
	if len(s) == 4 || len(s) >= 5 && s[4] == '-' {
		if y := atoiYear(s[:4]); y != 0 {
			return y
		}
	}
	if i := strings.LastIndexByte(s, '('); i >= 0 && len(s) >= i+6 && s[i+5] == ')' {
		if y := atoiYear(s[i+1 : i+5]); y != 0 {
			return y
		}
	}
	if y := SessionYear(s); y > 0 {
		return y
	}
	for part := range strings.SplitSeq(s, "/") {
		if y := atoiYear(part); y != 0 {
			return y
		}
	}
	return 0
}

// SessionYear estimates the year of a document from the session in its
// symbol: General Assembly session n opens in September of 1945+n (so
// A/RES/79/166 is of 2024, A/RES/217(III) of 1948); the Human Rights
// Council holds three regular sessions a year from 2006 (A/HRC/RES/56/2 is
// of 2024). It returns 0 for other symbols.
func SessionYear(symbol string) int {
	if n := hrcSession(symbol); n > 0 {
		return 2006 + (n-1)/3
	}
	if n := gaSession(symbol); n > 0 {
		return 1945 + n
	}
	return 0
}

// hrcSession returns the Human Rights Council session of an A/HRC symbol
// with a numeric session (A/HRC/RES/56/2, A/HRC/55/23), or 0.
func hrcSession(s string) int {
	k := Key(s)
	if !strings.HasPrefix(k, "A/HRC/") {
		return 0
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(k, "A/HRC/"), "RES/"), "DEC/")
	n := 0
	for i := 0; i < len(rest) && rest[i] != '/'; i++ {
		if rest[i] < '0' || rest[i] > '9' || i > 2 {
			return 0
		}
		n = n*10 + int(rest[i]-'0')
	}
	if n > 200 {
		return 0
	}
	return n
}

// gaSession returns the General Assembly session of a GA symbol, or 0.
func gaSession(s string) int {
	k := Key(s)
	if !strings.HasPrefix(k, "A/") {
		return 0
	}
	parts := strings.Split(k, "/")
	if len(parts) < 3 {
		return 0
	}
	p := parts[1]
	switch {
	case p == "RES" || p == "DEC":
		p = parts[2]
		if i := strings.IndexByte(p, '('); i > 0 && strings.HasSuffix(p, ")") {
			return roman(p[i+1 : len(p)-1])
		}
		if len(parts) < 4 {
			return 0
		}
	case strings.HasPrefix(p, "C.") && len(p) == 3:
		p = parts[2]
	}
	n := 0
	for i := 0; i < len(p); i++ {
		if p[i] < '0' || p[i] > '9' || i > 2 {
			return 0
		}
		n = n*10 + int(p[i]-'0')
	}
	if n == 0 || n > 150 {
		return 0
	}
	return n
}

// roman reads a roman numeral from I to XXX (the sessions written so), or 0.
func roman(s string) int {
	val := func(c byte) int {
		switch c {
		case 'I':
			return 1
		case 'V':
			return 5
		case 'X':
			return 10
		case 'L':
			return 50
		}
		return 0
	}
	n := 0
	for i := 0; i < len(s); i++ {
		v := val(s[i])
		if v == 0 {
			return 0
		}
		if i+1 < len(s) && val(s[i+1]) > v {
			n -= v
		} else {
			n += v
		}
	}
	if n > 30 {
		return 0
	}
	return n
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
