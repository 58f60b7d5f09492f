package extract

import (
	"testing"

	"github.com/citegraph/citegraph/extract/corpus/corpustest"
)

// BenchmarkExtractGA measures extraction speed over ../shared/corpus/ga on
// one core; the MB/s column is the figure the target speaks of.
func BenchmarkExtractGA(b *testing.B) {
	names, texts := corpustest.Read(b, "ga")
	var size int64
	for _, t := range texts {
		size += int64(len(t))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, t := range texts {
			if _, err := Extract(names[k], t); err != nil {
				b.Fatal(err)
			}
		}
	}
}
