package corpus

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract/input"
)

// TestWalkBadInputs runs a corpus in which most files are bad in one way
// or another: each gives its documented error, naming the file, and the
// good files around them are still read.
func TestWalkBadInputs(t *testing.T) {
	fixture := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "input", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	var docx bytes.Buffer
	zw := zip.NewWriter(&docx)
	w, _ := zw.Create("word/document.xml")
	io.WriteString(w, `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Recalling its resolution 70/1,</w:t></w:r></w:p></w:body></w:document>`)
	zw.Close()

	files := map[string]string{
		"01-good.txt":      resText,
		"02-empty.txt":     "",
		"03-binary.txt":    "\x00\x01\x02\x03binary",
		"04-latin1.txt":    "caf\xe9 resolution 70/1",
		"05-legacy.doc":    "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest of an old Word file",
		"06-encrypted.pdf": fixture("encrypted.pdf"),
		"07-truncated.pdf": fixture("truncated.pdf"),
		"08-scanned.pdf":   fixture("scanned.pdf"),
		"09-good.pdf":      fixture("footnotes.pdf"),
		"10-good.docx":     docx.String(),
		"11-good.html":     "<p>Recalling its resolution 70/1<sup>1</sup></p><ol class=footnotes><li>A/79/53</li></ol>",
		"12-cut.docx":      docx.String()[:docx.Len()/2],
	}
	dir := writeTree(t, files)
	want := map[string]error{
		"02-empty.txt": input.ErrEmpty, "03-binary.txt": input.ErrBinary,
		"04-latin1.txt": input.ErrInvalidUTF8, "05-legacy.doc": input.ErrLegacyDoc,
		"06-encrypted.pdf": input.ErrEncrypted, "07-truncated.pdf": input.ErrTruncated,
		"08-scanned.pdf": input.ErrScanned, "12-cut.docx": input.ErrTruncated,
	}
	rs := collect(t, []string{dir}, Options{Workers: 4})
	var names []string
	for _, r := range rs {
		base := filepath.Base(r.Path)
		names = append(names, base)
		if w := want[base]; w != nil {
			if !errors.Is(r.Err, w) || !strings.Contains(r.Err.Error(), r.Path) {
				t.Errorf("%s: err = %v, want %v naming the file", base, r.Err, w)
			}
			continue
		}
		if r.Err != nil {
			t.Errorf("%s: %v", base, r.Err)
			continue
		}
		if !slices.Contains(r.Doc.Targets(), "A/RES/70/1") {
			t.Errorf("%s: targets %q lack A/RES/70/1", base, r.Doc.Targets())
		}
	}
	sorted := slices.Sorted(func(yield func(string) bool) {
		for n := range files {
			if !yield(n) {
				return
			}
		}
	})
	if !slices.Equal(names, sorted) {
		t.Errorf("results %q, want %q", names, sorted)
	}
}

// TestWalkLargeText reads a 200 MB text file between two small ones: it is
// extracted like any other (the limit, input.MaxSize, is 1 GiB).
func TestWalkLargeText(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads 200 MB; skipped with -short")
	}
	dir := t.TempDir()
	big := filepath.Join(dir, "b-big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	filler := strings.Repeat("The Assembly continues its work on the questions before it. ", 160) + "\n\n"
	size, n := 0, 0
	for size < 200<<20 {
		n++
		k, _ := fmt.Fprintf(bw, "Recalling its resolution 70/%d,\n\n%s", n%500+1, filler)
		size += k
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(resText), 0o644)
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte(resText), 0o644)

	var got []string
	err = Walk(context.Background(), []string{dir}, Options{}, func(r Result) error {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Path, r.Err)
			return nil
		}
		got = append(got, filepath.Base(r.Path))
		if filepath.Base(r.Path) == "b-big.txt" {
			if r.Size != int64(size) {
				t.Errorf("size %d, want %d", r.Size, size)
			}
			if n := len(r.Doc.Targets()); n != 500 {
				t.Errorf("%d distinct targets in the big file, want 500", n)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a.txt", "b-big.txt", "c.txt"}; !slices.Equal(got, want) {
		t.Errorf("read %q, want %q", got, want)
	}
}

// TestWalkTooLarge checks that a file over input.MaxSize is refused from
// its size, before it is read (the file here is sparse: it takes no disk).
func TestWalkTooLarge(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.txt": resText})
	huge := filepath.Join(dir, "huge.txt")
	if err := os.WriteFile(huge, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, input.MaxSize+1); err != nil {
		t.Skipf("cannot make a sparse file: %v", err)
	}
	rs := collect(t, []string{dir}, Options{})
	if len(rs) != 2 || rs[0].Err != nil || !errors.Is(rs[1].Err, input.ErrTooLarge) {
		t.Fatalf("results %+v", rs)
	}
	if !strings.Contains(rs[1].Err.Error(), huge) {
		t.Errorf("error %q does not name the file", rs[1].Err)
	}
}
