package export

import (
	"io"
	"sync"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/synth"
)

// The benchmarks write every format of a synthetic corpus of 100,000
// documents (about a million citations) to io.Discard; bytes/op is the
// size of the export, so MB/s is the writing speed. Run one at a time:
//
//	go test -run '^$' -bench . -benchtime 3x ./graph/export

var benchGraph = sync.OnceValues(func() (*graph.Graph, error) {
	return synth.Graph(synth.Options{Seed: 1, Docs: 100_000})
})

type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

func BenchmarkExport(b *testing.B) {
	g, err := benchGraph()
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("synthetic graph: %d nodes, %d edges", g.Len(), len(g.Edges()))
	for _, f := range Formats {
		writes := map[string]func(io.Writer, *graph.Graph) error{f.Name: f.Write}
		if f.Write == nil {
			writes = map[string]func(io.Writer, *graph.Graph) error{}
			for _, t := range f.Tables {
				writes[f.Name+"-"+t.Name] = t.Write
			}
		}
		for name, write := range writes {
			b.Run(name, func(b *testing.B) {
				var cw countWriter
				if err := write(&cw, g); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(cw.n)
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					if err := write(io.Discard, g); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
