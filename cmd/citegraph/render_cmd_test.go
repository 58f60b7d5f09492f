package main

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// renderRun runs citegraph with args and returns its exit status and streams.
func renderRun(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb})
	return code, out.String(), errb.String()
}

func TestRenderCommandDOT(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "lineage.dot")
	code, _, stderr := renderRun("render", "A/RES/79/166", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	dot, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(dot, []byte("digraph lineage {")) || !bytes.Contains(dot, []byte(`"A/RES/79/166" [label=`)) {
		t.Errorf("the file is not the seed's lineage:\n%.300s", dot)
	}
	// No -o: DOT on standard output, the same bytes.
	code, stdout, stderr := renderRun("render", "A/RES/79/166")
	if code != 0 || stdout != string(dot) {
		t.Errorf("stdout differs from the -o file (exit %d, %s)", code, stderr)
	}
	// No temporary file left behind.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the output directory holds %d entries, want 1", len(entries))
	}
}

func TestRenderCommandNative(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("no 'dot' on PATH (apt-get install graphviz)")
	}
	dir := t.TempDir()
	svg := filepath.Join(dir, "lineage.svg")
	if code, _, stderr := renderRun("render", "A/RES/79/166", "--engine", "native", "-o", svg); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, _ := os.ReadFile(svg)
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := dec.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("the SVG is not well-formed: %v", err)
			}
			break
		}
	}
	if !bytes.Contains(data, []byte("https://undocs.org/A/RES/79/166")) {
		t.Error("the SVG does not link the focus to undocs.org")
	}
	pngPath := filepath.Join(dir, "lineage.png")
	if code, _, stderr := renderRun("trace", "A/RES/79/166", "--depth", "2", "--engine", "native", "-o", pngPath); code != 0 {
		t.Fatalf("trace -o: exit %d: %s", code, stderr)
	}
	f, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := png.Decode(f); err != nil {
		t.Fatalf("trace -o wrote no PNG: %v", err)
	}
}

func TestRenderCommandUsage(t *testing.T) {
	for _, args := range [][]string{
		{"render"},
		{"render", "A/RES/79/166", "-o", "lineage.pdf"},
		{"render", "A/RES/79/166", "--format", "gif"},
		{"render", "A/RES/79/166", "--engine", "cairo"},
		{"render", "A/RES/79/166", "--up", "--down"},
		{"render", "A/RES/79/166", "--max-nodes", "-1"},
		{"trace", "A/RES/79/166", "--format", "json", "-o", "x.svg"},
	} {
		if code, _, stderr := renderRun(args...); code != 2 {
			t.Errorf("%q: exit %d, want 2 (%s)", args, code, stderr)
		}
	}
	code, _, stderr := renderRun("render", "A/RES/79/999")
	if code != 1 || !strings.Contains(stderr, "not in the graph") {
		t.Errorf("unknown symbol: exit %d, %s", code, stderr)
	}
}
