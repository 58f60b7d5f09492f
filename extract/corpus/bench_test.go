package corpus

import (
	"context"
	"runtime"
	"testing"

	"github.com/citegraph/citegraph/extract/corpus/corpustest"
)

// BenchmarkGAPDF reads, decodes and extracts the whole ga-pdf folder (40
// PDFs, 218 pages) with one worker and with one per core; it reports
// documents and pages per second.
func BenchmarkGAPDF(b *testing.B) {
	dir := corpustest.Dir(b, "ga-pdf")
	run := func(b *testing.B, workers int) {
		// Warm up: start the PDF engine (compiled once per process).
		if err := Walk(context.Background(), []string{dir}, Options{Workers: workers}, func(Result) error { return nil }); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		var files int
		var size int64
		for range b.N {
			err := Walk(context.Background(), []string{dir}, Options{Workers: workers}, func(r Result) error {
				if r.Err != nil {
					b.Fatal(r.Err)
				}
				files++
				size += r.Size
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		b.SetBytes(size / int64(b.N))
		sec := b.Elapsed().Seconds()
		b.ReportMetric(float64(files)/sec, "docs/s")
		b.ReportMetric(float64(218*b.N)/sec, "pages/s")
	}
	b.Run("workers=1", func(b *testing.B) { run(b, 1) })
	b.Run("workers=all", func(b *testing.B) { run(b, runtime.GOMAXPROCS(0)) })
}

// BenchmarkGA reads, decodes and extracts the ga text folder (1,123 files,
// 26 MB) with one worker and with one per core; it reports MB/s.
func BenchmarkGA(b *testing.B) {
	dir := corpustest.Dir(b, "ga")
	run := func(b *testing.B, workers int) {
		var size int64
		for range b.N {
			size = 0
			err := Walk(context.Background(), []string{dir}, Options{Workers: workers}, func(r Result) error {
				if r.Err != nil {
					b.Fatal(r.Err)
				}
				size += r.Size
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		b.SetBytes(size)
	}
	b.Run("workers=1", func(b *testing.B) { run(b, 1) })
	b.Run("workers=all", func(b *testing.B) { run(b, runtime.GOMAXPROCS(0)) })
}
