package rank

// InDegree returns the number of edges entering each node: in a citation
// graph, how many documents cite it.
func InDegree(g Directed) []int {
	d := make([]int, g.Len())
	if c, ok := g.(*CSR); ok {
		for i := range d {
			d[i] = c.InDegree(i)
		}
		return d
	}
	for i := range d {
		d[i] = len(g.Predecessors(i))
	}
	return d
}

// OutDegree returns the number of edges leaving each node: in a citation
// graph, how many documents it cites.
func OutDegree(g Directed) []int {
	d := make([]int, g.Len())
	if c, ok := g.(*CSR); ok {
		for i := range d {
			d[i] = c.OutDegree(i)
		}
		return d
	}
	for i := range d {
		d[i] = len(g.Successors(i))
	}
	return d
}
