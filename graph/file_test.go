package graph

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestSaveLoadRoundTrip(t *testing.T) {
	g := buildDocs(t, seriesDocs())
	path := filepath.Join(t.TempDir(), "corpus.citegraph")
	if err := g.Save(path); err != nil {
		t.Fatal(err)
	}
	h, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g.Nodes(), h.Nodes()) {
		t.Errorf("nodes differ:\n%v\n%v", g.Nodes(), h.Nodes())
	}
	if !reflect.DeepEqual(g.Edges(), h.Edges()) {
		t.Errorf("edges differ:\n%v\n%v", g.Edges(), h.Edges())
	}
	for i := 0; i < g.Len(); i++ {
		if !reflect.DeepEqual(g.Successors(i), h.Successors(i)) || !reflect.DeepEqual(g.Predecessors(i), h.Predecessors(i)) {
			t.Errorf("adjacency of %s differs", g.NodeAt(i).ID)
		}
	}
	if h.Index("a/res/79/10") < 0 {
		t.Error("index not rebuilt")
	}
	// Writing is deterministic.
	var a, b bytes.Buffer
	g.WriteTo(&a)
	h.WriteTo(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("a loaded graph writes different bytes")
	}
	// No temporary file is left behind.
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("directory holds %d files after Save, want 1", len(entries))
	}
}

func TestLoadEmptyGraph(t *testing.T) {
	g, err := NewBuilder().Graph()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	g.WriteTo(&buf)
	h, err := Decode("empty", buf.Bytes())
	if err != nil || h.Len() != 0 || len(h.Edges()) != 0 {
		t.Errorf("empty graph: %v, %v", h, err)
	}
}

func TestLoadErrors(t *testing.T) {
	g := buildDocs(t, seriesDocs())
	var buf bytes.Buffer
	g.WriteTo(&buf)
	good := buf.Bytes()

	otherVersion := append([]byte(fileMagic), binary.AppendUvarint(nil, 3)...)
	otherVersion = append(otherVersion, good[len(fileMagic)+1:]...)
	flipped := bytes.Clone(good)
	flipped[len(flipped)/2] ^= 0x40

	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"version", otherVersion, "graph: F is a citegraph file of version 3; this citegraph reads version 1: rebuild it with 'citegraph build'"},
		{"not a graph", []byte("A/RES/79/166\tsome title\n"), "graph: F is not a citegraph graph file"},
		{"empty", nil, "graph: F is not a citegraph graph file"},
		{"truncated", good[:len(good)-10], "graph: F is truncated or corrupt"},
		{"flipped", flipped, "graph: F is corrupt (checksum mismatch): rebuild it with 'citegraph build'"},
		{"header only", []byte(fileMagic), "graph: F is corrupt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode("F", tt.data)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v, want a FileError", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %q\nwant prefix %q", err, tt.want)
			}
		})
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.citegraph")); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// FuzzDecode checks that no input makes Decode panic, and that what it
// accepts writes back to the same bytes.
func FuzzDecode(f *testing.F) {
	g := buildDocs(f, seriesDocs())
	var buf bytes.Buffer
	g.WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte(fileMagic + "\x01\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := Decode("fuzz", data)
		if err != nil {
			return
		}
		var out bytes.Buffer
		h.WriteTo(&out)
		if _, err := Decode("again", out.Bytes()); err != nil {
			t.Fatalf("rewritten graph does not load: %v", err)
		}
	})
}

// FuzzDecodePayload fuzzes the payload behind the checksum, which
// FuzzDecode rarely gets through.
func FuzzDecodePayload(f *testing.F) {
	g := buildDocs(f, seriesDocs())
	f.Add(g.payload())
	f.Fuzz(func(t *testing.T, p []byte) {
		h, err := decodePayload(p)
		if err != nil {
			return
		}
		for i := 0; i < h.Len(); i++ {
			for _, e := range h.OutEdges(i) {
				if from, _ := h.Ends(int(e)); from != i {
					t.Fatalf("edge %d in the out-list of %d starts at %d", e, i, from)
				}
			}
		}
		if _, err := decodePayload(h.payload()); err != nil {
			t.Fatalf("re-encoded payload does not decode: %v", err)
		}
	})
}

// TestStore checks the dominikbraun store holds the same graph, also for a
// loaded graph.
func TestStore(t *testing.T) {
	g := buildDocs(t, seriesDocs())
	var buf bytes.Buffer
	g.WriteTo(&buf)
	h, err := Decode("mem", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []*Graph{g, h} {
		s := x.Store()
		order, _ := s.Order()
		size, _ := s.Size()
		if order != x.Len() || size != len(x.Edges()) {
			t.Errorf("store has %d vertices and %d edges, graph %d and %d", order, size, x.Len(), len(x.Edges()))
		}
		if _, err := s.Edge("A/RES/79/10", "A/RES/78/10"); err != nil {
			t.Errorf("store lacks 79/10 -> 78/10: %v", err)
		}
		if x.Store() != s {
			t.Error("Store built twice")
		}
	}
}
