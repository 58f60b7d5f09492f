// Package graphtest builds, for tests and benchmarks of the packages that
// work on citation graphs (rank, export, ...), the graph of the shared
// corpus, in the manner of net/http/httptest: it is imported only by
// _test.go files.
//
// The graph package's own internal tests cannot import it (it imports
// graph); they find the corpus with extract/corpus/corpustest.
package graphtest

import (
	"testing"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/extract/corpus/corpustest"
	"github.com/citegraph/citegraph/graph"
)

// Corpus builds the citation graph of the General Assembly and Security
// Council texts of the shared corpus (../shared/corpus/ga and sc, every
// *.txt file, in sorted order), extracting each with extract.Extract. It
// skips tb when the corpus is absent and fails it when a file does not
// extract or the graph does not build. Each call builds a fresh graph.
func Corpus(tb testing.TB) *graph.Graph {
	tb.Helper()
	b := graph.NewBuilder()
	files := 0
	for _, sub := range []string{"ga", "sc"} {
		names, texts := corpustest.Read(tb, sub)
		for i, name := range names {
			doc, err := extract.Extract(name, texts[i])
			if err != nil {
				tb.Fatalf("extracting %s: %v", name, err)
			}
			b.Add(doc)
			files++
		}
	}
	g, err := b.Graph()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Logf("graphtest: corpus graph of %d files: %d nodes, %d edges", files, g.Len(), len(g.Edges()))
	return g
}
