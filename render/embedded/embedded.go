// Package embedded draws DOT with the Graphviz compiled to WebAssembly in
// github.com/goccy/go-graphviz, in this process.
//
// Importing it costs every start of the program: go-graphviz compiles its
// WebAssembly module in its package initialisation (about 0.5 s on a cold
// cache, 30 ms warm). Only programs whose job is drawing import it; others
// let render.Render run the citegraph-graphviz helper program.
//
// Importing the package also installs Render as the embedded engine of
// package render.
package embedded

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/goccy/go-graphviz"

	"github.com/citegraph/citegraph/render"
)

func init() { render.SetEmbedded(Render) }

// mu serialises every use of go-graphviz: it shares one WebAssembly
// instance and crashes when used concurrently.
var (
	mu sync.Mutex
	gv *graphviz.Graphviz
)

// Render lays out dot with Graphviz's dot layout and writes it to w in
// format ("svg" or "png"). Calls are serialised.
func Render(ctx context.Context, dot []byte, format string, w io.Writer) error {
	var f graphviz.Format
	switch format {
	case "svg":
		f = graphviz.SVG
	case "png":
		f = "json" // drawn by drawPNG: go-graphviz's own PNG loses borders and edges
	default:
		return fmt.Errorf("embedded: unknown format %q; use svg or png", format)
	}
	mu.Lock()
	defer mu.Unlock()
	if gv == nil {
		g, err := graphviz.New(ctx)
		if err != nil {
			return fmt.Errorf("embedded: starting Graphviz: %w", err)
		}
		gv = g
	}
	if format == "png" {
		dot = protectBackslashes(dot)
	}
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return fmt.Errorf("embedded: reading DOT: %w", err)
	}
	defer g.Close()
	if format == "png" {
		var layout bytes.Buffer
		if err := gv.Render(ctx, g, f, &layout); err != nil {
			return fmt.Errorf("embedded: laying out: %w", err)
		}
		return drawPNG(layout.Bytes(), w)
	}
	if err := gv.Render(ctx, g, f, w); err != nil {
		return fmt.Errorf("embedded: drawing %s: %w", format, err)
	}
	return nil
}

// backslashMark stands for an escaped backslash in the DOT laid out for PNG:
// the JSON layout of this Graphviz build garbles text with backslashes (it
// drops the character after one), so they travel as a private-use
// character and are put back when the text is drawn.
const backslashMark = "\uE05C"

// protectBackslashes replaces every escaped backslash (\\) inside the
// quoted strings of dot by backslashMark.
func protectBackslashes(dot []byte) []byte {
	if !bytes.Contains(dot, []byte(`\\`)) {
		return dot
	}
	out := make([]byte, 0, len(dot))
	in := false
	for i := 0; i < len(dot); i++ {
		c := dot[i]
		switch {
		case in && c == '\\' && i+1 < len(dot):
			if dot[i+1] == '\\' {
				out = append(out, backslashMark...)
			} else {
				out = append(out, c, dot[i+1])
			}
			i++
		case c == '"':
			in = !in
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}
