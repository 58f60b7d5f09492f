package symbol

import (
	"os"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract/corpus/corpustest"
)

func BenchmarkMatch(b *testing.B) {
	for _, in := range []string{"A/RES/70/1", "A/CONF.157/24 (Part I)", "E/CN.4/Sub.2/2000/46", "The"} {
		b.Run(strings.ReplaceAll(in, "/", "_"), func(b *testing.B) {
			for b.Loop() {
				Match(in)
			}
		})
	}
}

// BenchmarkMatchCorpus runs Match at every candidate position of the GA
// corpus (upper-case letters not preceded by a letter) and reports MB/s.
func BenchmarkMatchCorpus(b *testing.B) {
	files := corpustest.Files(b, "ga")
	var text strings.Builder
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		text.Write(data)
	}
	s := text.String()
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	n := 0
	for b.Loop() {
		candidates(s, func(i, m int) { n++ })
	}
	_ = n
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse("A/CONF.157/24 (Part I)"); err != nil {
			b.Fatal(err)
		}
	}
}
