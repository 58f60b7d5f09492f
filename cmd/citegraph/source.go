package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	flag "github.com/spf13/pflag"

	"github.com/citegraph/citegraph"
	"github.com/citegraph/citegraph/extract/corpus"
	"github.com/citegraph/citegraph/graph"
)

// graphSource holds the flags every query command shares: where the graph
// comes from. Positional corpus paths (files, directories, globs, "-" for
// standard input) build it on the fly; --graph loads a file written by
// 'citegraph build'; with neither, the embedded sample is used. --catalog
// labels the documents only cited with titles and dates.
type graphSource struct {
	graphFile string
	catalogs  []string
	workers   int
}

// sourceHelp is the paragraph of usage text that describes the shared flags.
const sourceHelp = `The graph comes from corpus PATHs (files, directories, glob patterns, "-"
for standard input), all extracted in parallel; from --graph FILE, written
by 'citegraph build'; or, with neither, from the embedded sample.`

func (s *graphSource) addFlags(fs *flag.FlagSet) {
	fs.StringVar(&s.graphFile, "graph", "", "load the graph from `FILE` written by 'citegraph build'")
	s.addCorpusFlags(fs)
}

// addCorpusFlags adds the flags of building from a corpus alone (for 'build').
func (s *graphSource) addCorpusFlags(fs *flag.FlagSet) {
	fs.StringArrayVar(&s.catalogs, "catalog", nil, "label cited documents from a title catalogue `FILE` (TSV/CSV with symbol, title, date columns); repeatable")
	fs.IntVar(&s.workers, "jobs", 0, "extract `N` files at once (default: one per core)")
}

// buildStats says what building a graph read.
type buildStats struct {
	Files, Failed int
	Bytes         int64
	Labelled      int // catalogue entries that named a node
	Elapsed       time.Duration
}

// load returns the graph named by the flags and the corpus paths. Files that
// cannot be read are reported on stderr and skipped.
// A progress bar is drawn on stderr while a corpus is read when stderr is
// a terminal.
func (s *graphSource) load(e *env, paths []string) (*graph.Graph, error) {
	pb := newProgress(e.stderr, e.stderrTTY && len(paths) > 0)
	g, _, err := s.build(e, paths, pb)
	pb.Done()
	return g, err
}

// build is load with statistics and a progress bar (pb may be nil).
func (s *graphSource) build(e *env, paths []string, pb *progress) (*graph.Graph, buildStats, error) {
	start := time.Now()
	var st buildStats
	if s.graphFile != "" && len(paths) > 0 {
		return nil, st, usagef("give either --graph or corpus paths, not both")
	}
	cats := make([]*graph.Catalog, 0, len(s.catalogs))
	for _, f := range s.catalogs {
		c, err := graph.LoadCatalog(f)
		if err != nil {
			return nil, st, err
		}
		cats = append(cats, c)
	}
	if s.graphFile != "" {
		g, err := graph.Load(s.graphFile)
		if err != nil {
			return nil, st, err
		}
		if len(cats) > 0 {
			g, st.Labelled = g.WithCatalogs(cats...)
		}
		st.Elapsed = time.Since(start)
		return g, st, nil
	}
	opts := corpus.Options{Workers: s.workers, Progress: pb.UpdateFunc(), Stdin: e.stdin}
	what := strings.Join(paths, " ")
	if len(paths) == 0 {
		opts.FS = citegraph.Sample
		paths = []string{"."}
		what = "the embedded sample"
	}
	b := graph.NewBuilder()
	err := corpus.Walk(context.Background(), paths, opts, func(r corpus.Result) error {
		st.Files++
		st.Bytes += r.Size
		if r.Err != nil {
			st.Failed++
			pb.Clear()
			fmt.Fprintf(e.stderr, "citegraph: skipping %s: %v\n", r.Path, r.Err)
			return nil
		}
		b.Add(r.Doc)
		return nil
	})
	if err != nil {
		return nil, st, err
	}
	if st.Files == st.Failed {
		if st.Files == 0 {
			return nil, st, fmt.Errorf("no documents found in %s", what)
		}
		return nil, st, fmt.Errorf("none of the %d files in %s could be read", st.Files, what)
	}
	for _, c := range cats {
		st.Labelled += b.LabelFrom(c)
	}
	// The catalogue of named instruments comes last: a user's catalogue wins.
	b.LabelFrom(graph.Instruments())
	g, err := b.Graph()
	st.Elapsed = time.Since(start)
	return g, st, err
}
