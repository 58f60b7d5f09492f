package graph

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/extract/corpus"
	"github.com/citegraph/citegraph/extract/corpus/corpustest"
	"github.com/citegraph/citegraph/graph/internal/cpuclock"
)

// BenchmarkCorpusExtractBuild measures building the graph of the shared
// corpus (ga + sc) from text: parallel extraction and graph building.
func BenchmarkCorpusExtractBuild(b *testing.B) {
	dir := corpustest.Dir(b, "")
	paths := []string{filepath.Join(dir, "ga"), filepath.Join(dir, "sc")}
	var g *Graph
	var bytes int64
	defer cpuclock.Start(b)()
	for b.Loop() {
		bytes = 0
		bl := NewBuilder()
		err := corpus.Walk(context.Background(), paths, corpus.Options{}, func(r corpus.Result) error {
			bytes += r.Size
			if r.Err == nil {
				bl.Add(r.Doc)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if g, err = bl.Graph(); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(bytes)
	b.ReportMetric(float64(g.Len()), "nodes")
	b.ReportMetric(float64(len(g.Edges())), "edges")
}

// BenchmarkCorpusBuild measures graph building alone over the extracted
// documents of the shared corpus.
func BenchmarkCorpusBuild(b *testing.B) {
	dir := corpustest.Dir(b, "")
	var docs []*extract.Document
	for _, sub := range []string{"ga", "sc"} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range entries {
			p := filepath.Join(dir, sub, e.Name())
			src, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			d, err := extract.Extract(p, src)
			if err == nil {
				docs = append(docs, d)
			}
		}
	}
	b.ResetTimer()
	var g *Graph
	defer cpuclock.Start(b)()
	for b.Loop() {
		bl := NewBuilder()
		for _, d := range docs {
			bl.Add(d)
		}
		var err error
		if g, err = bl.Graph(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(docs)), "docs")
	b.ReportMetric(float64(len(g.Edges())), "edges")
}

// BenchmarkCorpusLoad measures loading the saved graph of the shared corpus.
func BenchmarkCorpusLoad(b *testing.B) {
	g := sharedGraph(b)
	p := filepath.Join(b.TempDir(), "corpus.citegraph")
	if err := g.Save(p); err != nil {
		b.Fatal(err)
	}
	fi, _ := os.Stat(p)
	b.SetBytes(fi.Size())
	defer cpuclock.Start(b)()
	for b.Loop() {
		if _, err := Load(p); err != nil {
			b.Fatal(err)
		}
	}
}
