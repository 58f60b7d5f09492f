package main

import (
	"encoding/json"
	"fmt"
	"strings"

	flag "github.com/spf13/pflag"

	"github.com/citegraph/citegraph/graph"
)

func init() {
	register(&command{
		name:    "path",
		summary: "show the shortest chains of citations from one document to another",
		run:     runPath,
	})
}

const pathUsage = `Usage: citegraph path [flags] FROM TO [PATH...]

Path prints every shortest chain of citations by which FROM rests on TO
(FROM cites X, X cites ... cites TO), one chain a line, in symbol order.
It fails when FROM does not rest on TO, and says so when TO rests on FROM.

` + sourceHelp + `

Examples:
  citegraph path A/RES/80/204 A/RES/77/213 ../shared/corpus/ga
  citegraph path --graph un.citegraph 'S/RES/872(1993)' 'S/RES/812(1993)'
  citegraph path --relation recalling --format json A/RES/80/204 A/RES/70/1 --graph un.citegraph

Flags:
`

func runPath(e *env, args []string) error {
	fs := flag.NewFlagSet("path", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var src graphSource
	src.addFlags(fs)
	relations := fs.StringSlice("relation", nil, "follow only citations with one of these `RELATIONS` (comma separated)")
	limit := fs.Int("limit", graph.DefaultPathLimit, "print at most `N` chains")
	format := fs.StringP("format", "f", "text", "output `FORMAT`: text or json")
	if help, err := e.parse(fs, pathUsage, args); help || err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usagef("unknown --format %q: use text or json", *format)
	}
	if *limit <= 0 {
		return usagef("--limit must be at least 1")
	}
	if fs.NArg() < 2 {
		return usagef("give two symbols: FROM and TO")
	}
	g, err := src.load(e, fs.Args()[2:])
	if err != nil {
		return err
	}
	from, to := fs.Arg(0), fs.Arg(1)
	paths, err := g.ShortestPaths(from, to, *relations, *limit)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		f, _ := g.Node(from)
		t, _ := g.Node(to)
		if back, _ := g.ShortestPaths(to, from, *relations, 1); len(back) > 0 {
			return fmt.Errorf("%s does not rest on %s, but %s rests on %s: try 'citegraph path %s %s'", f.ID, t.ID, t.ID, f.ID, t.ID, f.ID)
		}
		return fmt.Errorf("no chain of citations links %s to %s", f.ID, t.ID)
	}
	if *format == "json" {
		out := make([][]string, len(paths))
		for i, p := range paths {
			for _, n := range p {
				out[i] = append(out[i], g.NodeAt(n).ID)
			}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	var b strings.Builder
	for _, p := range paths {
		for k, n := range p {
			if k > 0 {
				b.WriteString(" -> ")
			}
			b.WriteString(g.NodeAt(n).ID)
		}
		b.WriteByte('\n')
	}
	_, err = fmt.Fprint(e.stdout, b.String())
	return err
}
