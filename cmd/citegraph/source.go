package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	flag "github.com/spf13/pflag"

	"github.com/citegraph/citegraph"
	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

// graphSource holds the flags every query command shares: where the graph
// comes from. Positional corpus paths build it on the fly; --graph loads a
// file written by 'citegraph build'; with neither, the embedded sample is used.
type graphSource struct {
	graphFile string
	catalogs  []string
}

func (s *graphSource) addFlags(fs *flag.FlagSet) {
	fs.StringVar(&s.graphFile, "graph", "", "load the graph from `FILE` written by 'citegraph build'")
	fs.StringArrayVar(&s.catalogs, "catalog", nil, "label cited documents from a title catalogue `FILE` (TSV/CSV with symbol, title, date columns); repeatable")
}

// load returns the graph named by the flags and the corpus paths.
func (s *graphSource) load(e *env, paths []string) (*graph.Graph, error) {
	if s.graphFile != "" && len(paths) > 0 {
		return nil, usagef("give either --graph or corpus paths, not both")
	}
	b := graph.NewBuilder()
	if len(paths) == 0 {
		err := fs.WalkDir(citegraph.Sample, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			src, err := fs.ReadFile(citegraph.Sample, p)
			if err != nil {
				return err
			}
			doc, err := extract.Extract(p, src)
			if err != nil {
				return err
			}
			b.Add(doc)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading the embedded sample: %w", err)
		}
		return b.Graph()
	}
	for _, p := range paths {
		err := filepath.WalkDir(p, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			doc, err := extract.Extract(p, src)
			if err != nil {
				return err
			}
			b.Add(doc)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return b.Graph()
}
