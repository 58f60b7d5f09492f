package rank

import (
	"math"
	"slices"
)

// Measure selects what Similar compares.
type Measure int

const (
	// CoCitation: two documents are similar when later documents cite
	// them together (Small 1973).
	CoCitation Measure = iota
	// Coupling: two documents are similar when they cite the same
	// documents — bibliographic coupling (Kessler 1963).
	Coupling
	// Both ranks by the mean of the two normalised scores.
	Both
)

// Related is a document related to another by co-citation or coupling.
type Related struct {
	Node int32
	// CoCited is the number of documents citing both; Coupled the number
	// of documents both cite.
	CoCited, Coupled int
	// CoCitation and Coupling are the counts normalised by Salton's
	// cosine: CoCited/sqrt(in(x)·in(y)) and Coupled/sqrt(out(x)·out(y)),
	// in [0, 1], so that much-cited documents do not win by size alone.
	CoCitation, Coupling float64
	// Score is what the list is ranked by: CoCitation, Coupling or their
	// mean, as the Measure asked.
	Score float64
}

// Similar returns the documents related to node x by the measure, best
// first: by Score, then by the count (CoCited+Coupled), then by node. Nodes
// with nothing in common with x are left out.
func Similar(g Directed, x int, by Measure) []Related {
	c := NewCSR(g)
	cocited := map[int32]int{}
	coupled := map[int32]int{}
	if by == CoCitation || by == Both {
		for _, citer := range c.Predecessors(x) {
			for _, y := range c.Successors(int(citer)) {
				if int(y) != x {
					cocited[y]++
				}
			}
		}
	}
	if by == Coupling || by == Both {
		for _, ref := range c.Successors(x) {
			for _, y := range c.Predecessors(int(ref)) {
				if int(y) != x {
					coupled[y]++
				}
			}
		}
	}
	nodes := make([]int32, 0, len(cocited)+len(coupled))
	for y := range cocited {
		nodes = append(nodes, y)
	}
	for y := range coupled {
		if _, ok := cocited[y]; !ok {
			nodes = append(nodes, y)
		}
	}
	slices.Sort(nodes)
	out := make([]Related, 0, len(nodes))
	for _, y := range nodes {
		r := Related{Node: y, CoCited: cocited[y], Coupled: coupled[y]}
		if r.CoCited > 0 {
			r.CoCitation = float64(r.CoCited) / math.Sqrt(float64(c.InDegree(x))*float64(c.InDegree(int(y))))
		}
		if r.Coupled > 0 {
			r.Coupling = float64(r.Coupled) / math.Sqrt(float64(c.OutDegree(x))*float64(c.OutDegree(int(y))))
		}
		switch by {
		case CoCitation:
			r.Score = r.CoCitation
		case Coupling:
			r.Score = r.Coupling
		default:
			r.Score = (r.CoCitation + r.Coupling) / 2
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b Related) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		if ca, cb := a.CoCited+a.Coupled, b.CoCited+b.Coupled; ca != cb {
			return cb - ca
		}
		return int(a.Node - b.Node)
	})
	return out
}
