package graph

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unsafe"
)

// The graph file format, written by Save and read by Load. FORMAT.md in
// this directory describes it for other implementations.
//
//	magic    "citegraph\n" (10 bytes)
//	version  uvarint (FileVersion)
//	length   uvarint: the length of payload in bytes
//	payload  see below
//	crc      4 bytes, little endian: CRC-32 (Castagnoli) of payload
//
// The payload is a sequence of uvarints (u) and zig-zag varints (v):
//
//	strings: u count, then count × (u len, len bytes of UTF-8)
//	sets:    u count, then count × (u len, len × u string number)
//	nodes:   u count, then count × (u ID, u Title, u Date, v Year, u Body,
//	         u Kind, u flags (bit 0: InCorpus), u File) — string numbers,
//	         nodes in ID order
//	edges:   u count, then count × (u from delta, u to, v Count,
//	         u Relations set, u Paragraphs set, v Start, v End-Start)
//
// String number 0 is always "" and set number 0 the empty set. Edges are in
// (from, to) order of dense node numbers; "from delta" is the source minus
// the previous edge's source.
const (
	fileMagic = "citegraph\n"

	// FileVersion is the version of the graph file format this package
	// writes and reads. It changes whenever the layout does.
	FileVersion = 1
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// Save writes g to path in the graph file format, atomically: it writes a
// temporary file in the same directory and renames it over path.
func (g *Graph) Save(path string) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	w := bufio.NewWriterSize(f, 1<<20)
	if _, err = g.WriteTo(w); err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	if err = w.Flush(); err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	if err = os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	return nil
}

// WriteTo writes g in the graph file format.
func (g *Graph) WriteTo(w io.Writer) (int64, error) {
	p := g.payload()
	var head []byte
	head = append(head, fileMagic...)
	head = binary.AppendUvarint(head, FileVersion)
	head = binary.AppendUvarint(head, uint64(len(p)))
	var n int64
	for _, b := range [][]byte{head, p, binary.LittleEndian.AppendUint32(nil, crc32.Checksum(p, crcTable))} {
		k, err := w.Write(b)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func (g *Graph) payload() []byte {
	strs := map[string]uint64{"": 0}
	var strList []string = []string{""}
	str := func(s string) uint64 {
		if i, ok := strs[s]; ok {
			return i
		}
		i := uint64(len(strList))
		strs[s] = i
		strList = append(strList, s)
		return i
	}
	sets := map[string]uint64{"": 0}
	setList := [][]string{nil}
	set := func(ss []string) uint64 {
		if len(ss) == 0 {
			return 0
		}
		k := strings.Join(ss, "\x00")
		if i, ok := sets[k]; ok {
			return i
		}
		i := uint64(len(setList))
		sets[k] = i
		setList = append(setList, ss)
		for _, s := range ss {
			str(s)
		}
		return i
	}
	// Nodes and edges first, into their own buffers, so that the tables
	// they fill can be written before them.
	var nb []byte
	nb = binary.AppendUvarint(nb, uint64(len(g.nodes)))
	for i := range g.nodes {
		n := &g.nodes[i]
		nb = binary.AppendUvarint(nb, str(n.ID))
		nb = binary.AppendUvarint(nb, str(n.Title))
		nb = binary.AppendUvarint(nb, str(n.Date))
		nb = binary.AppendVarint(nb, int64(n.Year))
		nb = binary.AppendUvarint(nb, str(n.Body))
		nb = binary.AppendUvarint(nb, str(n.Kind))
		var flags uint64
		if n.InCorpus {
			flags |= 1
		}
		nb = binary.AppendUvarint(nb, flags)
		nb = binary.AppendUvarint(nb, str(n.File))
	}
	eb := make([]byte, 0, 8*len(g.edges))
	eb = binary.AppendUvarint(eb, uint64(len(g.edges)))
	prev := int32(0)
	for e := range g.edges {
		ed := &g.edges[e]
		eb = binary.AppendUvarint(eb, uint64(g.from[e]-prev))
		prev = g.from[e]
		eb = binary.AppendUvarint(eb, uint64(g.to[e]))
		eb = binary.AppendVarint(eb, int64(ed.Count))
		eb = binary.AppendUvarint(eb, set(ed.Relations))
		eb = binary.AppendUvarint(eb, set(ed.Paragraphs))
		eb = binary.AppendVarint(eb, int64(ed.Start))
		eb = binary.AppendVarint(eb, int64(ed.End-ed.Start))
	}
	var p []byte
	size := 0
	for _, s := range strList {
		size += len(s) + 2
	}
	p = make([]byte, 0, size+len(nb)+len(eb)+16*len(setList)+16)
	p = binary.AppendUvarint(p, uint64(len(strList)))
	for _, s := range strList {
		p = binary.AppendUvarint(p, uint64(len(s)))
		p = append(p, s...)
	}
	p = binary.AppendUvarint(p, uint64(len(setList)))
	for _, ss := range setList {
		p = binary.AppendUvarint(p, uint64(len(ss)))
		for _, s := range ss {
			p = binary.AppendUvarint(p, strs[s])
		}
	}
	p = append(p, nb...)
	p = append(p, eb...)
	return p
}

// A FileError reports a graph file that cannot be read: not a graph file,
// another version of the format, or a damaged one.
type FileError struct {
	File    string
	Version int // the file's format version, when known
	Reason  string
}

func (e *FileError) Error() string {
	if e.Version != 0 && e.Version != FileVersion {
		return fmt.Sprintf("graph: %s is a citegraph file of version %d; this citegraph reads version %d: rebuild it with 'citegraph build'", e.File, e.Version, FileVersion)
	}
	return fmt.Sprintf("graph: %s %s: rebuild it with 'citegraph build'", e.File, e.Reason)
}

// Load reads a graph file written by Save.
func Load(path string) (*Graph, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("graph: loading the graph: %w", err)
	}
	return Decode(path, data)
}

// Read reads a graph in the file format from r; name is used in errors.
func Read(r io.Reader, name string) (*Graph, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("graph: reading %s: %w", name, err)
	}
	return Decode(name, data)
}

// Decode reads a graph from the bytes of a graph file; name is used in errors.
func Decode(name string, data []byte) (*Graph, error) {
	if !bytes.HasPrefix(data, []byte(fileMagic)) {
		return nil, &FileError{File: name, Reason: "is not a citegraph graph file (it does not start with \"citegraph\\n\")"}
	}
	data = data[len(fileMagic):]
	v, k := binary.Uvarint(data)
	if k <= 0 {
		return nil, &FileError{File: name, Reason: "is corrupt (no format version after the header)"}
	}
	if v != FileVersion {
		return nil, &FileError{File: name, Version: int(min(v, 1<<30))}
	}
	data = data[k:]
	size, k := binary.Uvarint(data)
	if k <= 0 || uint64(len(data)-k) < size+4 {
		return nil, &FileError{File: name, Version: FileVersion, Reason: "is truncated or corrupt (shorter than its header says)"}
	}
	data = data[k:]
	p, sum := data[:size], data[size:size+4]
	if crc32.Checksum(p, crcTable) != binary.LittleEndian.Uint32(sum) {
		return nil, &FileError{File: name, Version: FileVersion, Reason: "is corrupt (checksum mismatch)"}
	}
	g, err := decodePayload(p)
	if err != nil {
		return nil, &FileError{File: name, Version: FileVersion, Reason: "is corrupt (" + err.Error() + ")"}
	}
	return g, nil
}

var errShort = errors.New("unexpected end of data")

type decoder struct {
	p   []byte
	err error
}

func (d *decoder) u() uint64 {
	if d.err != nil {
		return 0
	}
	v, k := binary.Uvarint(d.p)
	if k <= 0 {
		d.err = errShort
		return 0
	}
	d.p = d.p[k:]
	return v
}

func (d *decoder) v() int64 {
	if d.err != nil {
		return 0
	}
	v, k := binary.Varint(d.p)
	if k <= 0 {
		d.err = errShort
		return 0
	}
	d.p = d.p[k:]
	return v
}

// count reads a count and checks it against the bytes left (each item
// takes at least min bytes), so that a damaged count cannot allocate
// gigabytes.
func (d *decoder) count(minBytes int) int {
	n := d.u()
	if d.err == nil && n > uint64(len(d.p)/minBytes) {
		d.err = fmt.Errorf("count %d larger than the data", n)
		return 0
	}
	return int(n)
}

func decodePayload(p []byte) (*Graph, error) {
	d := &decoder{p: p}
	ns := d.count(1)
	// One string holds all the bytes of the string table; the strings are
	// substrings of it.
	type span struct{ off, n int }
	spans := make([]span, ns)
	total, q := 0, d.p
	for i := 0; i < ns; i++ {
		n, k := binary.Uvarint(q)
		if k <= 0 || n > uint64(len(q)-k) {
			break
		}
		total += int(n)
		q = q[k+int(n):]
	}
	all := make([]byte, 0, total)
	for i := 0; i < ns && d.err == nil; i++ {
		n := d.u()
		if d.err == nil && n > uint64(len(d.p)) {
			d.err = errShort
			break
		}
		spans[i] = span{len(all), int(n)}
		all = append(all, d.p[:n]...)
		d.p = d.p[n:]
	}
	if d.err != nil {
		return nil, d.err
	}
	if ns == 0 {
		return nil, errors.New("empty string table")
	}
	// all is never written again: its bytes become the string's.
	allS := unsafe.String(unsafe.SliceData(all), len(all))
	strs := make([]string, ns)
	for i, s := range spans {
		strs[i] = allS[s.off : s.off+s.n]
	}
	str := func() string {
		i := d.u()
		if d.err == nil && i >= uint64(ns) {
			d.err = fmt.Errorf("string number %d out of range", i)
			return ""
		}
		return strs[i]
	}
	nsets := d.count(1)
	sets := make([][]string, nsets)
	for i := 0; i < nsets && d.err == nil; i++ {
		n := d.count(1)
		if n == 0 {
			continue
		}
		s := make([]string, n)
		for j := range s {
			s[j] = str()
		}
		sets[i] = s[:n:n]
	}
	set := func() []string {
		i := d.u()
		if d.err == nil && i >= uint64(nsets) {
			d.err = fmt.Errorf("set number %d out of range", i)
			return nil
		}
		return sets[i]
	}
	nn := d.count(8)
	g := &Graph{nodes: make([]Node, nn), index: make(map[string]int, nn)}
	for i := 0; i < nn && d.err == nil; i++ {
		n := &g.nodes[i]
		n.ID = str()
		n.Title = str()
		n.Date = str()
		n.Year = int(d.v())
		n.Body = str()
		n.Kind = str()
		n.InCorpus = d.u()&1 != 0
		n.File = str()
		if i > 0 && d.err == nil && g.nodes[i-1].ID >= n.ID {
			d.err = fmt.Errorf("nodes out of order at %s", n.ID)
		}
		k := Key(n.ID)
		if _, dup := g.index[k]; dup && d.err == nil {
			d.err = fmt.Errorf("two nodes with the key %s", k)
		}
		g.index[k] = i
	}
	// The IDs in a slice of their own: 16 bytes a node instead of a Node,
	// which keeps the random lookups of edge ends in cache.
	ids := make([]string, nn)
	for i := range g.nodes {
		ids[i] = g.nodes[i].ID
	}
	ne := d.count(7)
	g.edges = make([]Edge, ne)
	g.from = make([]int32, ne)
	g.to = make([]int32, ne)
	prev, prevTo := uint64(0), int64(-1)
	for e := 0; e < ne && d.err == nil; e++ {
		delta := d.u()
		f := prev + delta
		t := d.u()
		if d.err == nil && (f >= uint64(nn) || t >= uint64(nn)) {
			d.err = fmt.Errorf("edge %d ends out of range", e)
			break
		}
		if delta > 0 {
			prevTo = -1
		}
		if int64(t) <= prevTo || f == t {
			d.err = fmt.Errorf("edges out of order at %d", e)
			break
		}
		prev, prevTo = f, int64(t)
		ed := &g.edges[e]
		g.from[e], g.to[e] = int32(f), int32(t)
		ed.From, ed.To = ids[f], ids[t]
		ed.Count = int(d.v())
		ed.Relations = set()
		ed.Paragraphs = set()
		ed.Start = int(d.v())
		ed.End = ed.Start + int(d.v())
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.p) != 0 {
		return nil, fmt.Errorf("%d bytes after the edges", len(d.p))
	}
	g.link()
	return g, nil
}
