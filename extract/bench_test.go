package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusDir returns ../shared/corpus/<sub> relative to the module root, or
// skips the test when the shared corpus is absent (a fresh clone).
func corpusDir(tb testing.TB, sub string) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", sub)
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("corpus %s not found (it lives in ../shared/corpus beside the repository): %v", dir, err)
	}
	return dir
}

func readCorpus(tb testing.TB, sub string) (names []string, texts [][]byte) {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir(tb, sub), "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		names = append(names, f)
		texts = append(texts, b)
	}
	return names, texts
}

// BenchmarkExtractGA measures extraction speed over ../shared/corpus/ga on
// one core; the MB/s column is the figure the target speaks of.
func BenchmarkExtractGA(b *testing.B) {
	names, texts := readCorpus(b, "ga")
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
