package instrument

import (
	"bytes"
	"slices"
	"testing"
)

// BenchmarkFind runs Find over the whole GA corpus; MB/s is the figure to
// compare with the extractor's 200 MB/s budget.
func BenchmarkFind(b *testing.B) {
	files := corpusFiles(b, "ga")
	keys := make([]string, 0, len(files))
	for k := range files {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var all [][]byte
	size := 0
	for _, k := range keys {
		all = append(all, files[k])
		size += len(files[k])
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, text := range all {
			n += len(Find(text))
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "matches/op")
}

// BenchmarkFindNoNames measures the scan alone on text with no names.
func BenchmarkFindNoNames(b *testing.B) {
	text := bytes.Repeat([]byte("Requests the Secretary-General to submit to the General Assembly at its eighty-first session a report on the implementation of the present resolution, 12 May 2025; "), 1<<13)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text)
	}
}
