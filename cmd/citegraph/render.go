package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	flag "github.com/spf13/pflag"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/render"
)

func init() {
	register(&command{
		name:    "render",
		summary: "draw a document's lineage as SVG, PNG or Graphviz DOT",
		run:     runRender,
	})
}

const renderUsage = `Usage: citegraph render [flags] SYMBOL [PATH...]

Render draws the lineage of SYMBOL: the documents it cites, the documents
those cite, and so on (its ancestors, the default), or the documents that
cite it (--down). Time runs down the page, one row per year; each box gives
the symbol, the short title and the year, is coloured and shaped by the
issuing body and links to the text on https://undocs.org/; arrows go from
the citing document to the cited one, styled by relation (recalling,
reaffirming, welcoming, ...); a legend lists what the drawing shows.

Large lineages stay readable: --depth limits the citation steps (default 2),
--max-nodes the documents drawn (default 60; the others are counted in
"+N more" boxes), and --reduce leaves out citations that the drawing already
shows through another chain.

The format comes from the extension of -o (.svg, .png, .dot) or from
--format; with no -o the DOT goes to standard output. SVG and PNG are drawn
by the embedded Graphviz (WebAssembly, nothing to install; run by the
citegraph-graphviz helper installed next to citegraph) or, with --engine
native, by the 'dot' program of an installed Graphviz.

` + sourceHelp + `

Examples:
  citegraph render A/RES/79/166 -o lineage.svg
  citegraph render A/RES/80/204 ../shared/corpus/ga --depth 3 -o 80-204.png
  citegraph render --down A/RES/78/199 ../shared/corpus/ga --max-nodes 30 --reduce -o heirs.svg
  citegraph render --graph un.citegraph S/RES/1325(2000) --engine native -o 1325.svg
  citegraph render A/RES/79/166 | dot -Tpdf > lineage.pdf

Flags:
`

// renderFlags are the drawing flags that 'render' and 'trace' share.
type renderFlags struct {
	output   string
	engine   string
	maxNodes int
	reduce   bool
}

// addRenderFlags adds the drawing flags to fs. 'trace' calls it too, so that
// 'citegraph trace SYMBOL -o lineage.svg' draws the lineage it traces.
func addRenderFlags(fs *flag.FlagSet, r *renderFlags) {
	fs.StringVarP(&r.output, "output", "o", "", "write the drawing to `FILE` (.svg, .png or .dot; written atomically)")
	fs.StringVar(&r.engine, "engine", string(render.EngineEmbedded), "Graphviz `ENGINE` for SVG and PNG: embedded (nothing to install) or native (the 'dot' on PATH)")
	fs.IntVar(&r.maxNodes, "max-nodes", render.DefaultMaxNodes, "draw at most `N` documents and count the others in \"+N more\" boxes (0: no limit)")
	fs.BoolVar(&r.reduce, "reduce", false, "leave out citations implied by a longer chain of drawn citations (transitive reduction)")
}

func runRender(e *env, args []string) error {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var src graphSource
	src.addFlags(fs)
	var rf renderFlags
	up := fs.Bool("up", false, "draw what the document cites: its ancestors (the default)")
	down := fs.Bool("down", false, "draw who cites the document: its descendants")
	depth := fs.IntP("depth", "d", render.DefaultDepth, "stop `N` citation steps from the document (0: no limit)")
	relations := fs.StringSlice("relation", nil, "follow only citations with one of these `RELATIONS` (comma separated: recalling,reaffirming,...)")
	format := fs.StringP("format", "f", "", "output `FORMAT`: svg, png or dot (default: from the -o extension, else dot)")
	addRenderFlags(fs, &rf)
	if help, err := e.parse(fs, renderUsage, args); help || err != nil {
		return err
	}
	if err := checkLineageFlags(*up, *down, *depth); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("give the symbol of the document to draw, e.g. A/RES/79/166")
	}
	f, err := rf.format(*format)
	if err != nil {
		return err
	}
	if err := rf.check(e, f); err != nil {
		return err
	}
	g, err := src.load(e, fs.Args()[1:])
	if err != nil {
		return err
	}
	d := *depth
	if d == 0 {
		d = -1 // render.Options: negative is no limit
	}
	return renderLineage(e, g, fs.Arg(0), render.Options{Down: *down, Depth: d, Relations: *relations}, f, &rf)
}

// format returns the output format from --format or the -o extension.
func (r *renderFlags) format(flagValue string) (render.Format, error) {
	switch {
	case flagValue != "":
		f, err := render.ParseFormat(flagValue)
		if err != nil {
			return "", usagef("unknown --format %q: use svg, png or dot", flagValue)
		}
		return f, nil
	case r.output != "" && r.output != "-":
		f, err := render.FormatOf(r.output)
		if err != nil {
			return "", usagef("cannot tell the format of %q from its extension: name it .svg, .png or .dot, or give --format", r.output)
		}
		return f, nil
	}
	return render.FormatDOT, nil
}

// check validates the drawing flags before the graph is loaded.
func (r *renderFlags) check(e *env, f render.Format) error {
	if _, err := render.ParseEngine(r.engine); err != nil {
		return usagef("unknown --engine %q: use embedded or native", r.engine)
	}
	if r.maxNodes < 0 {
		return usagef("--max-nodes must be 0 (no limit) or more, not %d", r.maxNodes)
	}
	if f == render.FormatPNG && (r.output == "" || r.output == "-") && e.stdoutTTY {
		return usagef("not writing PNG to a terminal: give -o FILE.png or redirect standard output")
	}
	return nil
}

// renderLineage selects the lineage of symbol in g and draws it in format f
// to the -o file (atomically) or to standard output. opt's MaxNodes and
// Reduce come from rf.
func renderLineage(e *env, g *graph.Graph, symbol string, opt render.Options, f render.Format, rf *renderFlags) error {
	opt.MaxNodes = rf.maxNodes
	if opt.MaxNodes == 0 {
		opt.MaxNodes = -1 // render.Options: negative is no limit
	}
	opt.Reduce = rf.reduce
	l, err := render.Select(g, symbol, opt)
	if err != nil {
		return err
	}
	engine, _ := render.ParseEngine(rf.engine) // checked by renderFlags.check
	var out bytes.Buffer
	if err := render.Render(context.Background(), render.DOT(l), f, engine, &out); err != nil {
		return err
	}
	if rf.output == "" || rf.output == "-" {
		_, err := e.stdout.Write(out.Bytes())
		return err
	}
	if err := writeFileAtomic(rf.output, out.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "citegraph: wrote %s: %d documents, %d citations", rf.output, len(l.Nodes), len(l.Edges))
	if n := len(l.More); n > 0 {
		fmt.Fprintf(e.stderr, ", %d \"+N more\" boxes", n)
	}
	fmt.Fprintln(e.stderr)
	return nil
}

// writeFileAtomic writes data to path through a temporary file in the same
// directory, renamed over path once complete.
func writeFileAtomic(path string, data []byte) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp.Name(), 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", path, werr)
	}
	return nil
}

// traceDrawing tells 'trace' whether to draw rather than list: with -o, or
// with --format svg, png or dot. It returns the format to draw in.
func (r *renderFlags) traceDrawing(e *env, format string) (render.Format, bool, error) {
	var f render.Format
	switch format {
	case "svg", "png", "dot":
		f = render.Format(format)
	default:
		if r.output == "" {
			return "", false, nil
		}
		if format != "tree" { // tree is the default: -o alone draws
			return "", false, usagef("-o draws the lineage: give --format svg, png or dot (or none), not %q", format)
		}
		var err error
		if f, err = r.format(""); err != nil {
			return "", false, err
		}
	}
	if err := r.check(e, f); err != nil {
		return "", false, err
	}
	return f, true, nil
}

// traceRender draws what 'trace' traced: depth 0 means no limit there.
func traceRender(e *env, g *graph.Graph, symbol string, down bool, depth int, relations []string, f render.Format, rf *renderFlags) error {
	if depth == 0 {
		depth = -1
	}
	return renderLineage(e, g, symbol, render.Options{Down: down, Depth: depth, Relations: relations}, f, rf)
}

// checkLineageFlags checks the flags render and trace share for following
// citations from a document: --up and --down exclude each other, --depth
// is 0 (no limit) or more.
func checkLineageFlags(up, down bool, depth int) error {
	if up && down {
		return usagef("give --up or --down, not both")
	}
	if depth < 0 {
		return usagef("--depth must be 0 (no limit) or more, not %d", depth)
	}
	return nil
}
