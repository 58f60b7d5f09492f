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

func TestHasSuperscript(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Recalling its resolution 78/199,¹ and", true},
		{"the Durban Declaration² and", true},
		{"Human Rights Council³", true},
		{"Charter of the United Nations⁴", true},
		{"footnote ⁰", true},
		{"footnote ⁹", true},
		{"raw text\u00a0with no-break spaces, \u201ccurly quotes\u201d and 12 footnotes", false},
		{"Bogotá, Córdoba, où, ò, Ác", false},
		{"a fraction slash 1\u20442 and \u2070 alone at the end", true},
		{"a fraction slash 1\u20442", false},
		{"", false},
		{"\xb9 a lone byte", false},
	} {
		if got := hasSuperscript(tt.text); got != tt.want {
			t.Errorf("hasSuperscript(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
