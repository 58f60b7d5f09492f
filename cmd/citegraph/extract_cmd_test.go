package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/citegraph/citegraph"
	"github.com/citegraph/citegraph/extract"
)

// runExtractCLI runs 'citegraph extract args...' with stdin and buffers.
func runExtractCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"extract"}, args...), &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb})
	return out.String(), errb.String(), code
}

const cliDoc = "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015 and its resolution 78/199,\n"

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestExtractSampleJSONL checks that with no path the embedded sample is
// read, and that the jsonl line is exactly the JSON of extract.Document.
func TestExtractSampleJSONL(t *testing.T) {
	out, errOut, code := runExtractCLI(t, "", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	src, err := fs.ReadFile(citegraph.Sample, "testdata/A_RES_79_166.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Extract("testdata/A_RES_79_166.md", src)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.Encode(doc)
	if out != want.String() {
		t.Errorf("jsonl output differs from the JSON of extract.Extract:\n got %.300s\nwant %.300s", out, want.String())
	}
	if !strings.Contains(errOut, "1 file,") || !strings.Contains(errOut, "0 failed") {
		t.Errorf("summary line = %q", errOut)
	}
	// On a terminal the default is the table; not on a terminal, jsonl.
	if defaultFormat("", true) != "table" || defaultFormat("", false) != "jsonl" || defaultFormat("x.csv", false) != "csv" {
		t.Error("default formats wrong")
	}
}

func TestExtractFormats(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b.txt":       cliDoc,
		"a.md":        "Recalling resolution 70/1[^1].\n\n[^1]: A/79/53.\n",
		"none.txt":    "No reference here.\n",
		"sub/c.txt":   cliDoc,
		"skip.png":    "\x89PNG",
		".hidden.txt": cliDoc,
	})
	// jsonl: one object per document, in sorted order, references [] when empty.
	out, errOut, code := runExtractCLI(t, "", "-f", "jsonl", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	var files []string
	nrefs := 0
	for _, l := range lines {
		var d extract.Document
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("bad jsonl line %q: %v", l, err)
		}
		files = append(files, strings.TrimPrefix(filepath.ToSlash(d.File), filepath.ToSlash(dir)+"/"))
		nrefs += len(d.References)
		if d.References == nil {
			t.Errorf("%s: references null", d.File)
		}
	}
	if want := []string{"a.md", "b.txt", "none.txt", "sub/c.txt"}; !slices.Equal(files, want) {
		t.Errorf("files %q, want %q", files, want)
	}
	if !strings.Contains(out, `"references":[]`) {
		t.Errorf("no empty reference list in %s", out)
	}

	// json: an array of the same objects.
	out, _, code = runExtractCLI(t, "", "-f", "json", dir)
	var docs []extract.Document
	if err := json.Unmarshal([]byte(out), &docs); err != nil || code != 0 || len(docs) != 4 {
		t.Fatalf("json: %d docs, exit %d, %v:\n%s", len(docs), code, err, out)
	}
	js, _ := json.Marshal(docs[1])
	if !strings.Contains(out, string(js)) {
		t.Errorf("json element is not the document's JSON")
	}

	// csv and tsv: a header, one row per reference.
	for _, f := range []string{"csv", "tsv"} {
		out, _, code = runExtractCLI(t, "", "-f", f, dir)
		r := csv.NewReader(strings.NewReader(out))
		if f == "tsv" {
			r.Comma = '\t'
			r.LazyQuotes = true
		}
		recs, err := r.ReadAll()
		if err != nil || code != 0 {
			t.Fatalf("%s: %v, exit %d", f, err, code)
		}
		if !slices.Equal(recs[0], csvHeader) || len(recs)-1 != nrefs {
			t.Errorf("%s: header %q and %d rows, want %d rows", f, recs[0], len(recs)-1, nrefs)
		}
		for _, rec := range recs[1:] {
			if rec[5] == "" || rec[0] == "" {
				t.Errorf("%s: row without target or file: %q", f, rec)
			}
		}
	}

	// table: a block per document.
	out, _, code = runExtractCLI(t, "", "-f", "table", dir)
	if code != 0 || !strings.Contains(out, "TARGET") || !strings.Contains(out, "A/RES/78/199") || !strings.Contains(out, "(no references)") {
		t.Errorf("table:\n%s", out)
	}
}

func TestExtractStdinAndGlob(t *testing.T) {
	dir := writeFiles(t, map[string]string{"x1.txt": cliDoc, "x2.txt": cliDoc, "y.txt": cliDoc})
	out, errOut, code := runExtractCLI(t, cliDoc, "-f", "jsonl", "-", filepath.Join(dir, "x*.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var d extract.Document
		json.Unmarshal([]byte(l), &d)
		got = append(got, filepath.Base(d.File))
		if !slices.Contains(d.Targets(), "A/RES/78/199") {
			t.Errorf("%s: targets %q", d.File, d.Targets())
		}
	}
	if want := []string{"-", "x1.txt", "x2.txt"}; !slices.Equal(got, want) {
		t.Errorf("documents %q, want %q", got, want)
	}
}

// TestExtractFailures checks per-file errors: one line each, naming the
// file; the good files are still written; exit 1, or 0 with --keep-going.
func TestExtractFailures(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"1.txt": cliDoc, "2.txt": "", "3.doc": "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1x", "4.txt": "caf\xe9", "5.txt": cliDoc,
	})
	missing := filepath.Join(dir, "missing.txt")
	for _, keep := range []bool{false, true} {
		args := []string{"-f", "jsonl", dir, missing}
		if keep {
			args = append(args, "--keep-going")
		}
		out, errOut, code := runExtractCLI(t, "", args...)
		if want := map[bool]int{false: 1, true: 0}[keep]; code != want {
			t.Errorf("keep-going=%v: exit %d, want %d", keep, code, want)
		}
		if n := strings.Count(out, "\n"); n != 2 {
			t.Errorf("%d documents written, want 2:\n%s", n, out)
		}
		errLines := strings.Split(strings.TrimSpace(errOut), "\n")
		if len(errLines) != 5 {
			t.Fatalf("stderr has %d lines, want 4 errors and a summary:\n%s", len(errLines), errOut)
		}
		for i, name := range []string{"2.txt", "3.doc", "4.txt", "missing.txt"} {
			if !strings.Contains(errLines[i], filepath.Join(dir, name)) {
				t.Errorf("error line %q does not name %s", errLines[i], name)
			}
		}
		if !strings.Contains(errLines[4], "6 files") || !strings.Contains(errLines[4], "4 failed") {
			t.Errorf("summary %q", errLines[4])
		}
	}
	// --quiet: no summary, errors still shown.
	_, errOut, _ := runExtractCLI(t, "", "-q", "-f", "jsonl", dir)
	if strings.Contains(errOut, "files,") || strings.Count(errOut, "\n") != 3 {
		t.Errorf("quiet stderr:\n%s", errOut)
	}
}

func TestExtractUsage(t *testing.T) {
	for _, args := range [][]string{{"-f", "xml"}, {"--bogus"}, {"-", "-"}, {"-j", "-1"}} {
		if _, errOut, code := runExtractCLI(t, "", args...); code != 2 {
			t.Errorf("%q: exit %d, want 2 (%s)", args, code, errOut)
		}
	}
	_, errOut, code := runExtractCLI(t, "", "--help")
	if code != 0 || !strings.Contains(errOut, "embedded sample") || !strings.Contains(errOut, "Examples:") {
		t.Errorf("--help: exit %d\n%s", code, errOut)
	}
}

func TestExtractOutputFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": cliDoc})
	out := filepath.Join(t.TempDir(), "refs.csv")
	os.WriteFile(out, []byte("previous\n"), 0o600)
	stdout, errOut, code := runExtractCLI(t, "", "-o", out, dir)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q: %s", code, stdout, errOut)
	}
	b, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(b), strings.Join(csvHeader, ",")+"\n") {
		t.Errorf("-o refs.csv did not write csv:\n%s", b)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	// A directory that cannot hold the file: a clear error, exit 1.
	_, errOut, code = runExtractCLI(t, "", "-o", filepath.Join(dir, "no", "such", "dir", "x.jsonl"), dir)
	if code != 1 || !strings.Contains(errOut, "cannot write") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// buildBinary builds the citegraph command once for the tests that need a
// real process.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "citegraph")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestExtractInterrupt sends SIGINT to a real process in the middle of a
// run with -o: the output file keeps its previous content (or is absent),
// never half written, and no temporary file is left.
func TestExtractInterrupt(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	para := strings.Repeat("The Assembly continues its work on the questions before it. ", 40) + "\n\n"
	for i := range 400 {
		var b strings.Builder
		for j := range 60 {
			fmt.Fprintf(&b, "Recalling its resolution 70/%d,\n\n%s", (i*60+j)%400+1, para)
		}
		os.WriteFile(filepath.Join(in, fmt.Sprintf("doc%03d.txt", i)), []byte(b.String()), 0o644)
	}
	for _, previous := range []string{"previous output\n", ""} {
		out := filepath.Join(dir, "out.jsonl")
		os.Remove(out)
		if previous != "" {
			os.WriteFile(out, []byte(previous), 0o644)
		}
		// The directory, then standard input from a pipe that stays open:
		// the run is certainly under way when the signal comes.
		cmd := exec.Command(bin, "extract", "-q", "-o", out, in, "-")
		stdin, _ := cmd.StdinPipe()
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait until the temporary file has content: documents are being written.
		deadline := time.Now().Add(60 * time.Second)
		for {
			tmps, _ := filepath.Glob(filepath.Join(dir, ".out.jsonl.*.tmp"))
			if len(tmps) == 1 {
				if fi, err := os.Stat(tmps[0]); err == nil && fi.Size() > 0 {
					break
				}
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatalf("no output written within 60s: %s", stderr.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
		cmd.Process.Signal(syscall.SIGINT)
		err := cmd.Wait()
		stdin.Close()
		if code := cmd.ProcessState.ExitCode(); code != 1 {
			t.Errorf("exit %d (%v), want 1; stderr: %s", code, err, stderr.String())
		}
		if !strings.Contains(stderr.String(), "interrupted") {
			t.Errorf("stderr does not say interrupted: %s", stderr.String())
		}
		b, err := os.ReadFile(out)
		switch {
		case previous == "" && !os.IsNotExist(err):
			t.Errorf("output exists after an interrupted first run (%d bytes)", len(b))
		case previous != "" && string(b) != previous:
			t.Errorf("output changed by an interrupted run: %.100q", b)
		}
		tmps, _ := filepath.Glob(filepath.Join(dir, ".out.jsonl.*"))
		if len(tmps) > 0 {
			t.Errorf("temporary files left: %q", tmps)
		}
	}

	// Without the pipe the same run completes: every line is a whole document.
	out := filepath.Join(dir, "out.jsonl")
	cmd := exec.Command(bin, "extract", "-q", "-o", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	f, _ := os.Open(out)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	n := 0
	for sc.Scan() {
		var d extract.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		n++
	}
	if n != 400 {
		t.Errorf("%d documents, want 400", n)
	}
}

// TestExtractText checks that --text prints the text the spans refer to:
// for a PDF, input[start:end] == raw holds on that text.
func TestExtractText(t *testing.T) {
	pdf := filepath.Join("..", "..", "extract", "input", "testdata", "footnotes.pdf")
	text, errOut, code := runExtractCLI(t, "", "--text", pdf)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	header := "==> " + pdf + " <==\n"
	if !strings.HasPrefix(text, header) {
		t.Fatalf("--text output starts %.80q", text)
	}
	body := text[len(header):]
	out, _, _ := runExtractCLI(t, "", "-f", "jsonl", pdf)
	var d extract.Document
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.References) == 0 {
		t.Fatal("no references in the PDF fixture")
	}
	for _, r := range d.References {
		if r.End > len(body) || body[r.Start:r.End] != r.Raw {
			t.Errorf("span %d:%d of --text is not %q", r.Start, r.End, r.Raw)
		}
	}
}
