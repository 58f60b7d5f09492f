package extract

import "testing"

// lineAt agrees with a plain scan at every offset, asked in order, in
// reverse and at random, with the cache of its last answer in play.
func TestLineAt(t *testing.T) {
	for _, text := range []string{"", "\n", "one line", "a\nb", "a\n\nbb\nccc\n", "\n\nx\n\n\nyy\n"} {
		x := &extraction{text: text, lines: splitLines(text, nil)}
		naive := func(p int) int {
			for i, l := range x.lines {
				if p <= l.end {
					return i
				}
			}
			return len(x.lines) - 1
		}
		order := []int{}
		for p := 0; p <= len(text); p++ {
			order = append(order, p)
		}
		for p := len(text); p >= 0; p-- {
			order = append(order, p)
		}
		for k := 0; k <= len(text); k++ {
			order = append(order, (k*7)%(len(text)+1))
		}
		for _, p := range order {
			if got, want := x.lineAt(p), naive(p); got != want {
				t.Fatalf("%q: lineAt(%d) = %d, want %d", text, p, got, want)
			}
		}
	}
}
