package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/extract/input"
)

// writeTree makes files under a temp dir and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func collect(t *testing.T, paths []string, opts Options) []Result {
	t.Helper()
	var out []Result
	err := Walk(context.Background(), paths, opts, func(r Result) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return out
}

func rel(dir string, rs []Result) []string {
	var out []string
	for _, r := range rs {
		p := r.Path
		if q, err := filepath.Rel(dir, p); err == nil && !strings.HasPrefix(q, "..") {
			p = filepath.ToSlash(q)
		}
		if r.Err != nil {
			p += " ERR"
		}
		out = append(out, p)
	}
	return out
}

const resText = "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015,\n"

func TestWalkOrderAndErrors(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"b/2.txt":         resText,
		"b/1.md":          resText,
		"b/sub/3.txt":     resText,
		"b/.hidden/x.txt": resText,
		"b/notes.json":    "{}",
		"b/empty.txt":     "",
		"b/legacy.doc":    "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest",
		"a.txt":           resText,
		"g/x1.txt":        resText,
		"g/x2.txt":        resText,
	})
	paths := []string{
		filepath.Join(dir, "b"),
		filepath.Join(dir, "a.txt"),
		filepath.Join(dir, "missing.txt"),
		filepath.Join(dir, "g", "x*.txt"),
		filepath.Join(dir, "nomatch*.txt"),
		filepath.Join(dir, "a.txt"), // named twice: read once
	}
	for _, workers := range []int{1, 3, 8} {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			got := rel(dir, collect(t, paths, Options{Workers: workers}))
			want := []string{
				"b/1.md", "b/2.txt", "b/empty.txt ERR", "b/legacy.doc ERR", "b/sub/3.txt",
				"a.txt", "missing.txt ERR", "g/x1.txt", "g/x2.txt", "nomatch*.txt ERR",
			}
			if !slices.Equal(got, want) {
				t.Errorf("order:\n got %q\nwant %q", got, want)
			}
		})
	}
}

func TestWalkErrorsNameFile(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"empty.txt":  "",
		"legacy.doc": "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest",
		"bin.txt":    "\x00\x01\x02binary",
		"latin1.txt": "caf\xe9 resolution 70/1",
	})
	rs := collect(t, []string{dir}, Options{})
	want := map[string]error{
		"bin.txt": input.ErrBinary, "empty.txt": input.ErrEmpty,
		"latin1.txt": input.ErrInvalidUTF8, "legacy.doc": input.ErrLegacyDoc,
	}
	if len(rs) != len(want) {
		t.Fatalf("got %d results, want %d", len(rs), len(want))
	}
	for _, r := range rs {
		base := filepath.Base(r.Path)
		if !errors.Is(r.Err, want[base]) {
			t.Errorf("%s: err = %v, want %v", base, r.Err, want[base])
		}
		if r.Err != nil && !strings.Contains(r.Err.Error(), r.Path) {
			t.Errorf("%s: error %q does not name the file", base, r.Err)
		}
		if r.Doc != nil {
			t.Errorf("%s: Doc set with an error", base)
		}
	}
}

func TestWalkStdinAndFS(t *testing.T) {
	rs := collect(t, []string{"-"}, Options{Stdin: strings.NewReader(resText)})
	if len(rs) != 1 || rs[0].Err != nil || rs[0].Path != "-" || rs[0].Size != int64(len(resText)) {
		t.Fatalf("stdin: %+v", rs)
	}
	if got := rs[0].Doc.Targets(); !slices.Contains(got, "A/RES/70/1") {
		t.Errorf("stdin targets = %q, want A/RES/70/1 among them", got)
	}
	fsys := fstest.MapFS{
		"d/x.md":  {Data: []byte(resText)},
		"d/y.txt": {Data: []byte(resText)},
		"d/z.png": {Data: []byte("\x89PNG")},
	}
	got := rel("", collect(t, []string{"."}, Options{FS: fsys}))
	if want := []string{"d/x.md", "d/y.txt"}; !slices.Equal(got, want) {
		t.Errorf("FS walk = %q, want %q", got, want)
	}
}

// TestWalkBoundedMemory checks that no more than MaxInFlight bytes are
// between reading and delivery at any time, even with a slow consumer.
func TestWalkBoundedMemory(t *testing.T) {
	files := map[string]string{}
	for i := range 40 {
		files[fmt.Sprintf("f%02d.txt", i)] = strings.Repeat("x", 1000) + resText
	}
	dir := writeTree(t, files)
	const limit = 3500 // three files at most
	var inFlight, peak atomic.Int64
	opts := Options{
		Workers:     8,
		MaxInFlight: limit,
		Extract: func(name string, text []byte) (*extract.Document, error) {
			n := inFlight.Add(int64(len(text)))
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			return extract.Extract(name, text)
		},
	}
	rs := 0
	err := Walk(context.Background(), []string{dir}, opts, func(r Result) error {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Path, r.Err)
		}
		inFlight.Add(-r.Size)
		rs++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if rs != 40 {
		t.Errorf("got %d results, want 40", rs)
	}
	if p := peak.Load(); p > limit {
		t.Errorf("peak in-flight bytes %d > limit %d", p, limit)
	}
}

func TestWalkStops(t *testing.T) {
	files := map[string]string{}
	for i := range 50 {
		files[fmt.Sprintf("f%02d.txt", i)] = resText
	}
	dir := writeTree(t, files)
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{dir}, Options{Workers: 4}, func(r Result) error {
		n++
		if n == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 5 {
		t.Errorf("err = %v after %d results, want stop after 5", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Walk(ctx, []string{dir}, Options{Workers: 4}, func(r Result) error {
		n++
		if n == 3 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 3 {
		t.Errorf("err = %v after %d results, want context.Canceled after 3", err, n)
	}
}

func TestWalkProgress(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.txt": resText, "b.txt": "", "c.txt": resText})
	var last Progress
	calls := 0
	collect(t, []string{dir}, Options{Progress: func(p Progress) { last = p; calls++ }})
	want := Progress{Files: 3, TotalFiles: 3, Bytes: int64(2 * len(resText)), TotalBytes: int64(2 * len(resText)), Failed: 1}
	if last != want || calls != 4 {
		t.Errorf("last progress %+v after %d calls, want %+v after 4", last, calls, want)
	}
}

// TestWalkCancelBlockedStdin checks that cancelling a Walk that waits for
// standard input returns at once.
func TestWalkCancelBlockedStdin(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.txt": resText})
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var got []string
	err := Walk(ctx, []string{filepath.Join(dir, "a.txt"), "-"}, Options{Stdin: pr}, func(r Result) error {
		got = append(got, filepath.Base(r.Path))
		cancel() // after the first file; the second waits on the pipe
		return nil
	})
	if !errors.Is(err, context.Canceled) || !slices.Equal(got, []string{"a.txt"}) {
		t.Errorf("Walk = %v after %q; want context.Canceled after a.txt", err, got)
	}
}

func TestWalkSymlink(t *testing.T) {
	dir := writeTree(t, map[string]string{"real/a.txt": resText})
	os.Mkdir(filepath.Join(dir, "links"), 0o755)
	if err := os.Symlink(filepath.Join(dir, "real", "a.txt"), filepath.Join(dir, "links", "b.txt")); err != nil {
		t.Skip(err)
	}
	var total int64
	rs := collect(t, []string{filepath.Join(dir, "links")}, Options{Progress: func(p Progress) {
		if p.Files == 0 {
			total = p.TotalBytes
		}
	}})
	if len(rs) != 1 || rs[0].Err != nil || total != int64(len(resText)) {
		t.Errorf("results %+v, expected bytes %d, want %d", rs, total, len(resText))
	}
}
