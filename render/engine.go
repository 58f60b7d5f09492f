package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// Format is an output format.
type Format string

// The output formats.
const (
	FormatDOT Format = "dot"
	FormatSVG Format = "svg"
	FormatPNG Format = "png"
)

// ParseFormat returns the format named by name ("svg", "png", "dot", "gv").
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(name, ".")) {
	case "dot", "gv":
		return FormatDOT, nil
	case "svg":
		return FormatSVG, nil
	case "png":
		return FormatPNG, nil
	}
	return "", fmt.Errorf("render: unknown format %q; use svg, png or dot", name)
}

// FormatOf returns the format a file name asks for by its extension.
func FormatOf(path string) (Format, error) {
	ext := filepath.Ext(path)
	if ext == "" {
		return "", fmt.Errorf("render: %s has no extension; name it .svg, .png or .dot, or give the format", path)
	}
	return ParseFormat(ext)
}

// Engine is the Graphviz that lays out and draws the DOT.
type Engine string

// The engines.
const (
	// EngineEmbedded is Graphviz compiled to WebAssembly
	// (github.com/goccy/go-graphviz): nothing to install.
	EngineEmbedded Engine = "embedded"
	// EngineNative is the 'dot' program of an installed Graphviz.
	EngineNative Engine = "native"
)

// ParseEngine returns the engine named by name.
func ParseEngine(name string) (Engine, error) {
	switch Engine(strings.ToLower(name)) {
	case EngineEmbedded:
		return EngineEmbedded, nil
	case EngineNative:
		return EngineNative, nil
	}
	return "", fmt.Errorf("render: unknown engine %q; use embedded or native", name)
}

// EmbeddedFunc draws DOT in format ("svg" or "png") with the embedded
// Graphviz in this process. Package render/embedded sets it when imported.
//
// The embedded Graphviz compiles its WebAssembly module when its package
// is initialised (about 0.5 s on a cold cache), so programs that only
// sometimes draw do not import it: Render then runs the
// citegraph-graphviz helper program instead, which does.
var (
	embeddedMu   sync.Mutex
	embeddedFunc func(ctx context.Context, dot []byte, format string, w io.Writer) error
)

// SetEmbedded installs the in-process embedded Graphviz; see EmbeddedFunc.
func SetEmbedded(f func(ctx context.Context, dot []byte, format string, w io.Writer) error) {
	embeddedMu.Lock()
	embeddedFunc = f
	embeddedMu.Unlock()
}

// HelperName is the program Render runs for the embedded engine when the
// embedded Graphviz is not linked into the calling program.
const HelperName = "citegraph-graphviz"

// ErrNoDot is returned by the native engine when Graphviz is not installed.
var ErrNoDot = errors.New("render: no 'dot' on PATH; install Graphviz (apt-get install graphviz) or use --engine embedded")

// Render draws dot in format f with engine e and writes it to w. FormatDOT
// is written as is.
func Render(ctx context.Context, dot []byte, f Format, e Engine, w io.Writer) error {
	switch f {
	case FormatDOT:
		_, err := w.Write(dot)
		return err
	case FormatSVG, FormatPNG:
	default:
		return fmt.Errorf("render: unknown format %q; use svg, png or dot", f)
	}
	switch e {
	case EngineNative:
		path, err := exec.LookPath("dot")
		if err != nil {
			return ErrNoDot
		}
		return runFilter(ctx, path, []string{"-T" + string(f)}, dot, w, "dot")
	case EngineEmbedded, "":
		embeddedMu.Lock()
		fn := embeddedFunc
		embeddedMu.Unlock()
		if fn != nil {
			return fn(ctx, dot, string(f), w)
		}
		path, err := helperPath(ctx)
		if err != nil {
			return err
		}
		return runFilter(ctx, path, []string{"-T", string(f)}, dot, w, HelperName)
	}
	return fmt.Errorf("render: unknown engine %q; use embedded or native", e)
}

// runFilter runs prog with dot on its standard input and copies its output
// to w only when it succeeded.
func runFilter(ctx context.Context, prog string, args []string, dot []byte, w io.Writer, name string) error {
	var out, errb bytes.Buffer
	cmd := exec.CommandContext(ctx, prog, args...)
	cmd.Stdin = bytes.NewReader(dot)
	cmd.Stdout = &out
	cmd.Stderr = &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if len(msg) > 2000 {
			msg = msg[:2000] + "…"
		}
		if msg != "" {
			return fmt.Errorf("render: %s failed: %w: %s", name, err, msg)
		}
		return fmt.Errorf("render: %s failed: %w", name, err)
	}
	if out.Len() == 0 {
		return fmt.Errorf("render: %s wrote nothing", name)
	}
	_, err := w.Write(out.Bytes())
	return err
}

var (
	helperOnce sync.Once
	helper     string
	helperErr  error
)

// helperPath finds the citegraph-graphviz program: $CITEGRAPH_GRAPHVIZ,
// next to the running program, on PATH, or, when the running program was
// built from a source tree of this module (go run), built from that tree
// into the user's cache directory.
func helperPath(ctx context.Context) (string, error) {
	helperOnce.Do(func() { helper, helperErr = findHelper(ctx) })
	return helper, helperErr
}

func findHelper(ctx context.Context) (string, error) {
	exe := HelperName
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	if p := os.Getenv("CITEGRAPH_GRAPHVIZ"); p != "" {
		return p, nil
	}
	if self, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(self), exe)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
	}
	if p, err := exec.LookPath(exe); err == nil {
		return p, nil
	}
	notFound := fmt.Errorf("render: the embedded engine needs the %s program next to citegraph or on PATH; "+
		"install it with 'go install github.com/citegraph/citegraph/cmd/%s@latest', or use --engine native with Graphviz installed", HelperName, HelperName)
	root := sourceRoot()
	if root == "" {
		return "", notFound
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		return "", notFound
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "citegraph")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("render: building %s: %w", HelperName, err)
	}
	out := filepath.Join(dir, exe)
	var errb bytes.Buffer
	cmd := exec.CommandContext(ctx, gobin, "build", "-o", out, "./cmd/"+HelperName)
	cmd.Dir = root
	cmd.Stderr = &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("render: building %s from %s: %w: %s\n%w", HelperName, root, err, strings.TrimSpace(errb.String()), notFound)
	}
	return out, nil
}

// sourceRoot returns the root of the source tree this package was built
// from when it is still there (a program run with 'go run' or built in
// place), or "".
func sourceRoot() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok || !filepath.IsAbs(file) {
		return ""
	}
	root := filepath.Dir(filepath.Dir(file))
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil || !bytes.Contains(mod, []byte("module github.com/citegraph/citegraph\n")) {
		return ""
	}
	if _, err := os.Stat(filepath.Join(root, "cmd", HelperName, "main.go")); err != nil {
		return ""
	}
	return root
}
