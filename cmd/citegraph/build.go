package main

import (
	"fmt"
	"os"
	"strings"

	flag "github.com/spf13/pflag"
)

func init() {
	register(&command{
		name:    "build",
		summary: "extract a corpus and save its citation graph to a file",
		run:     runBuild,
	})
}

const buildUsage = `Usage: citegraph build [flags] PATH...

Build extracts the references of every file that the PATHs name (files,
directories walked recursively, glob patterns, "-" for standard input), in
parallel on every core, and saves the citation graph to a file that the
query commands load with --graph, much faster than extracting again.

The file is versioned: a file written by another version of citegraph is
refused with a message saying to rebuild it.

Examples:
  citegraph build ../shared/corpus/ga ../shared/corpus/sc -o un.citegraph
  citegraph build --catalog meta/ga_titles.tsv --catalog meta/sc_resolutions.tsv 'texts/*.txt' -o un.citegraph
  citegraph trace --graph un.citegraph A/RES/80/204

Flags:
`

func runBuild(e *env, args []string) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var src graphSource
	src.addCorpusFlags(fs)
	out := fs.StringP("output", "o", "corpus.citegraph", "write the graph to `FILE`")
	quiet := fs.BoolP("quiet", "q", false, "print no summary")
	if help, err := e.parse(fs, buildUsage, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("give the corpus to build from: files, directories, globs or -")
	}
	if *out == "" {
		return usagef("--output must name a file")
	}
	pb := newProgress(e.stderr, e.stderrTTY && !*quiet)
	g, st, err := src.build(e, fs.Args(), pb)
	pb.Done()
	if err != nil {
		return err
	}
	if err := g.Save(*out); err != nil {
		return err
	}
	if !*quiet {
		size := int64(0)
		if fi, err := os.Stat(*out); err == nil {
			size = fi.Size()
		}
		in := 0
		for _, n := range g.Nodes() {
			if n.InCorpus {
				in++
			}
		}
		var skipped string
		if st.Failed > 0 {
			skipped = fmt.Sprintf(" (%d skipped)", st.Failed)
		}
		var labelled string
		if len(src.catalogs) > 0 {
			labelled = fmt.Sprintf("; %d catalogue entries used", st.Labelled)
		}
		fmt.Fprintf(e.stderr, "citegraph: %d files%s, %s, in %v: %d nodes (%d in the corpus), %d edges%s; wrote %s (%s)\n",
			st.Files, skipped, byteSize(st.Bytes), st.Elapsed.Round(1e6), g.Len(), in, len(g.Edges()), labelled, *out, byteSize(size))
	}
	return nil
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".0") + " MB"
	case n >= 1<<10:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<10)), ".0") + " KB"
	}
	return fmt.Sprintf("%d B", n)
}
