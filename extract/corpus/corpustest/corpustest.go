// Package corpustest finds the shared corpus for tests and benchmarks, in
// the manner of net/http/httptest: it is imported only by _test.go files.
//
// The corpus is public UN text that is never committed: it lives beside the
// repository, in ../shared/corpus relative to the module root, with one
// folder per collection (ga, sc, ga-pdf, meta). Every function here skips
// the calling test, naming the path it looked for, when the corpus is not
// there (a fresh clone), so the tests pass without it and run with it.
package corpustest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the folder ../shared/corpus/<sub> found from the module root
// (the first directory above the working directory holding go.mod); sub ""
// gives the corpus itself. It skips tb when the folder is absent.
func Dir(tb testing.TB, sub string) string {
	tb.Helper()
	root := moduleRoot(tb)
	dir := filepath.Join(root, "..", "shared", "corpus", sub)
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("skipping: the shared corpus is not at %s (it is read from ../shared/corpus beside the repository): %v", dir, err)
	}
	return dir
}

// Files returns the *.txt files of ../shared/corpus/<sub>, sorted. It skips
// tb when the folder is absent or holds no text file.
func Files(tb testing.TB, sub string) []string {
	tb.Helper()
	dir := Dir(tb, sub)
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) == 0 {
		tb.Skipf("skipping: no *.txt file in %s (the shared corpus beside the repository is incomplete)", dir)
	}
	return files // Glob sorts
}

// Read returns the paths and contents of the *.txt files of
// ../shared/corpus/<sub>, in the order of Files.
func Read(tb testing.TB, sub string) (names []string, texts [][]byte) {
	tb.Helper()
	names = Files(tb, sub)
	texts = make([][]byte, len(names))
	for i, f := range names {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts[i] = b
	}
	return names, texts
}

// moduleRoot returns the nearest directory at or above the working
// directory (a package's directory under go test) that holds go.mod.
func moduleRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("corpustest: no go.mod above the working directory; run the tests with go test inside the module")
		}
		dir = parent
	}
}
