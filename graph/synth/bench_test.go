package synth

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/internal/cpuclock"
)

// Benchmarks at corpus sizes no real corpus reaches. Run them one at a
// time, e.g.
//
//	go test -run '^$' -bench 'Builder/1M' -benchtime 1x ./graph/synth
//	go test -run '^$' -bench 'Trace1M' ./graph/synth

var graphs sync.Map // docs -> *graph.Graph

func synthGraph(b *testing.B, docs int) *graph.Graph {
	if g, ok := graphs.Load(docs); ok {
		return g.(*graph.Graph)
	}
	g, err := Graph(Options{Seed: 1, Docs: docs})
	if err != nil {
		b.Fatal(err)
	}
	graphs.Store(docs, g)
	return g
}

func heapMB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// BenchmarkGenerate measures the generator alone, to subtract from Builder.
func BenchmarkGenerate(b *testing.B) {
	for _, docs := range []int{100_000, 1_000_000} {
		b.Run(size(docs), func(b *testing.B) {
			defer cpuclock.Start(b)()
			for b.Loop() {
				Documents(Options{Seed: 1, Docs: docs}, func(*extract.Document) {})
			}
		})
	}
}

// BenchmarkBuilder measures generating and building a graph, and the heap
// the built graph holds.
func BenchmarkBuilder(b *testing.B) {
	for _, docs := range []int{100_000, 1_000_000} {
		b.Run(size(docs), func(b *testing.B) {
			var g *graph.Graph
			before := heapMB()
			defer cpuclock.Start(b)()
			for b.Loop() {
				g = nil
				var err error
				g, err = Graph(Options{Seed: 1, Docs: docs})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(heapMB()-before, "MB-graph")
			b.ReportMetric(float64(len(g.Edges())), "edges")
			runtime.KeepAlive(g)
		})
	}
}

// BenchmarkStore measures dominikbraun's memory store for a graph: the
// time and heap of Graph.Store.
func BenchmarkStore(b *testing.B) {
	for _, docs := range []int{100_000} {
		b.Run(size(docs), func(b *testing.B) {
			defer cpuclock.Start(b)()
			for b.Loop() {
				b.StopTimer()
				g, _ := Graph(Options{Seed: 1, Docs: docs})
				before := heapMB()
				b.StartTimer()
				s := g.Store()
				b.StopTimer()
				b.ReportMetric(heapMB()-before, "MB-store")
				b.ReportMetric((heapMB()-before)*(1<<20)/float64(len(g.Edges())), "B/edge")
				runtime.KeepAlive(s)
				b.StartTimer()
			}
		})
	}
}

// BenchmarkTrace1M measures lineage queries on the 1M-document graph.
func BenchmarkTrace1M(b *testing.B) {
	g := synthGraph(b, 1_000_000)
	late := "A/RES/80/6000"
	early := "A/RES/3/100"
	b.Run("up-depth3", func(b *testing.B) {
		n := 0
		defer cpuclock.Start(b)()
		for b.Loop() {
			s, err := g.Trace(late, graph.TraceOptions{Depth: 3})
			if err != nil {
				b.Fatal(err)
			}
			n = len(s)
		}
		b.ReportMetric(float64(n), "nodes")
	})
	b.Run("up-all", func(b *testing.B) {
		n := 0
		defer cpuclock.Start(b)()
		for b.Loop() {
			s, _ := g.Trace(late, graph.TraceOptions{})
			n = len(s)
		}
		b.ReportMetric(float64(n), "nodes")
	})
	b.Run("down-depth2", func(b *testing.B) {
		n := 0
		defer cpuclock.Start(b)()
		for b.Loop() {
			s, _ := g.Trace(early, graph.TraceOptions{Down: true, Depth: 2})
			n = len(s)
		}
		b.ReportMetric(float64(n), "nodes")
	})
	b.Run("path", func(b *testing.B) {
		defer cpuclock.Start(b)()
		for b.Loop() {
			if _, err := g.ShortestPaths(late, early, nil, 0); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("series", func(b *testing.B) {
		defer cpuclock.Start(b)()
		for b.Loop() {
			if _, err := g.Series(late); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("not-found", func(b *testing.B) {
		defer cpuclock.Start(b)()
		for b.Loop() {
			if _, err := g.Lookup("A/RES/80/60000"); err == nil {
				b.Fatal("found")
			}
		}
	})
}

// BenchmarkLoad measures reading a graph file.
func BenchmarkLoad(b *testing.B) {
	for _, docs := range []int{100_000, 1_000_000} {
		b.Run(size(docs), func(b *testing.B) {
			g := synthGraph(b, docs)
			var buf bytes.Buffer
			if _, err := g.WriteTo(&buf); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(buf.Len()))
			defer cpuclock.Start(b)()
			for b.Loop() {
				if _, err := graph.Decode("bench", buf.Bytes()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func size(n int) string {
	if n >= 1_000_000 {
		return fmt.Sprintf("%dM", n/1_000_000)
	}
	return fmt.Sprintf("%dk", n/1000)
}
