package extract

import (
	"testing"

	"github.com/citegraph/citegraph/extract/corpus/corpustest"
)

// TestFootnoteLinking: over the GA corpus, nearly every footnote is linked
// to the marker that calls it, so its references take that clause's
// relation.
func TestFootnoteLinking(t *testing.T) {
	names, texts := corpustest.Read(t, "ga")
	total, linked := 0, 0
	for k, src := range texts {
		x := &extraction{name: names[k], src: src, text: string(src)}
		x.lines = splitLines(x.text, nil)
		x.meta()
		x.layout()
		for _, f := range x.footnotes {
			if f.n == 0 {
				continue // the sponsors' "*" note has no marker in the text
			}
			total++
			if f.para >= 0 {
				linked++
			}
		}
	}
	rate := float64(linked) / float64(total)
	t.Logf("footnotes linked to their markers: %d of %d (%.1f%%)", linked, total, 100*rate)
	if rate < 0.95 {
		t.Errorf("only %.1f%% of footnotes linked", 100*rate)
	}
}
