package render

import "github.com/citegraph/citegraph/graph"

// yearOf returns the year a node is placed at on the timeline, and whether
// it was estimated from the session in the symbol (graph.SessionYear)
// rather than known from a date or a year written in the symbol. It returns
// 0 when no year is known.
func yearOf(n graph.Node) (year int, inferred bool) {
	if n.Date != "" {
		return n.Year, false
	}
	if y := graph.SessionYear(n.ID); y != 0 && (n.Year == 0 || n.Year == y) {
		return y, true
	}
	return n.Year, false
}
