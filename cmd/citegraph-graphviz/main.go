// Command citegraph-graphviz draws Graphviz DOT read from standard input as
// SVG or PNG on standard output, with the Graphviz compiled to WebAssembly
// that github.com/goccy/go-graphviz embeds: no Graphviz to install.
//
// 'citegraph render' runs it for its default engine, so that the other
// citegraph commands do not pay the start-up of the embedded Graphviz
// (go-graphviz compiles its WebAssembly module when its package is
// initialised). Install it next to citegraph:
//
//	go install github.com/citegraph/citegraph/cmd/...@latest
//
// Usage:
//
//	citegraph-graphviz -T svg < lineage.dot > lineage.svg
//	citegraph-graphviz -T png < lineage.dot > lineage.png
//
// Exit status: 0 on success, 1 when drawing failed, 2 for a usage error.
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	flag "github.com/spf13/pflag"

	"github.com/citegraph/citegraph/render/embedded"
)

func main() {
	fs := flag.NewFlagSet("citegraph-graphviz", flag.ContinueOnError)
	format := fs.StringP("format", "T", "svg", "output `FORMAT`: svg or png")
	fs.Usage = func() {
		fmt.Fprint(os.Stderr, "Usage: citegraph-graphviz -T svg|png < in.dot > out\n\nDraws DOT from standard input with the embedded Graphviz.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(os.Args[1:]); err != nil {
		if err == flag.ErrHelp {
			os.Exit(0)
		}
		os.Exit(2)
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "citegraph-graphviz: no arguments expected; the DOT comes on standard input")
		os.Exit(2)
	}
	dot, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintf(os.Stderr, "citegraph-graphviz: reading standard input: %v\n", err)
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	if err := embedded.Render(context.Background(), dot, *format, w); err != nil {
		fmt.Fprintf(os.Stderr, "citegraph-graphviz: %v\n", err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(os.Stderr, "citegraph-graphviz: writing: %v\n", err)
		os.Exit(1)
	}
}
