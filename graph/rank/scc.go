package rank

// Components returns the strongly connected components of g: comp[i] is the
// component of node i, and components are numbered in topological order of
// the condensation — every edge u→v between components has
// comp[u] < comp[v]. Within the numbering, ties are settled by node order,
// so the result is deterministic.
func Components(g Directed) (comp []int32, count int) {
	c := NewCSR(g)
	comp, count, _ = tarjan(c)
	return comp, count
}

// tarjan is Tarjan's algorithm without recursion (citation chains run to
// thousands of links, deeper than is comfortable for the goroutine stack).
// It returns the component of each node, numbered in topological order, and
// all nodes grouped by component, components in topological order, the
// members of a component in the order they were discovered.
func tarjan(c *CSR) (comp []int32, count int, order []int32) {
	n := c.n
	const unvisited = -1
	index := make([]int32, n)
	low := make([]int32, n)
	for i := range index {
		index[i] = unvisited
	}
	onStack := make([]bool, n)
	stack := make([]int32, 0, 64)
	type frame struct {
		v    int32
		next int // position in the successor list
	}
	call := make([]frame, 0, 64)
	comp = make([]int32, n)
	// Components are emitted sinks first, flat: members of the k-th emitted
	// component are flat[bounds[k]:bounds[k+1]].
	flat := make([]int32, 0, n)
	bounds := []int{0}
	var counter int32
	for root := 0; root < n; root++ {
		if index[root] != unvisited {
			continue
		}
		call = append(call, frame{v: int32(root), next: c.outStart[root]})
		index[root], low[root] = counter, counter
		counter++
		stack = append(stack, int32(root))
		onStack[root] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			v := f.v
			if f.next < c.outStart[v+1] {
				w := c.outAdj[f.next]
				f.next++
				if index[w] == unvisited {
					index[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{v: w, next: c.outStart[w]})
				} else if onStack[w] && index[w] < low[v] {
					low[v] = index[w]
				}
				continue
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				p := call[len(call)-1].v
				if low[v] < low[p] {
					low[p] = low[v]
				}
			}
			if low[v] == index[v] {
				k := len(stack) - 1
				for stack[k] != v {
					k--
				}
				for _, w := range stack[k:] {
					onStack[w] = false
				}
				flat = append(flat, stack[k:]...)
				bounds = append(bounds, len(flat))
				stack = stack[:k]
			}
		}
	}
	// Tarjan emits sinks first; number components sources first.
	count = len(bounds) - 1
	order = make([]int32, 0, n)
	for k := count - 1; k >= 0; k-- {
		id := int32(count - 1 - k)
		members := flat[bounds[k]:bounds[k+1]]
		for _, v := range members {
			comp[v] = id
		}
		order = append(order, members...)
	}
	return comp, count, order
}
