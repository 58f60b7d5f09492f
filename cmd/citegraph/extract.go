package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	flag "github.com/spf13/pflag"

	"github.com/citegraph/citegraph"
	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/extract/corpus"
	"github.com/citegraph/citegraph/extract/input"
)

func init() {
	register(&command{
		name:    "extract",
		summary: "list the references each document makes (jsonl, json, csv, tsv, table)",
		run:     runExtract,
	})
}

const extractUsage = `Usage: citegraph extract [flags] [PATH...]

Extract reads United Nations documents and prints, for each, its own symbol,
title, date and issuing body and every reference it makes to another UN
document: canonical target, raw text, byte span, line, kind, issuing body,
clause relation, paragraph, footnote and pinpoint.

PATH is a file, a directory (read recursively: .txt .md .html .htm .docx
.pdf; hidden files skipped), a glob pattern ('texts/*.pdf', quoted so that
citegraph expands it) or - for standard input. Files are read in parallel and
printed in the order given (sorted inside a directory or a glob). Formats
are detected from the content: plain text, Markdown, HTML, Word .docx and
PDF; a legacy .doc, a scanned or encrypted PDF, a binary or non-UTF-8 file
gets one line on stderr naming the file and what to do, and the run goes on.
Files larger than {MAXFILE} MB are refused, and so is text longer than
{MAXTEXT} MB once decoded.

With no PATH, extract reads the embedded sample (General Assembly resolution
79/166, the document the project started from).

Formats (--format):
  jsonl  one JSON object per document (the default when stdout is not a
         terminal): {"file","symbol","title","date","body","references":[...]}
         with references [{"target","raw","start","end","line","kind","body",
         "relation","paragraph","footnote","pinpoint"}]; spans are byte
         offsets into the document's text, half-open: for PDF, Word and
         HTML, the text citegraph read from it, which --text prints.
  json   a JSON array of the same objects.
  csv    one row per reference, the document's columns repeated, a header
  tsv    row; tabs and line breaks inside fields become spaces in tsv.
         Documents without references have no row.
  table  aligned columns for reading (the default on a terminal).

The output file (-o) is written atomically: an interrupted or failed run
leaves the previous file, or none. A progress bar is drawn on stderr when
it is a terminal. A summary line on stderr counts files, references and
failures. Exit status: 0 when every file was read, 1 when any failed
(0 with --keep-going), 2 for a usage error.

Examples:
  citegraph extract                                 # the embedded sample, as a table
  citegraph extract ../shared/corpus/ga > ga.jsonl
  citegraph extract --format csv -o refs.csv 'reports/*.pdf' letter.docx
  pdftotext -layout doc.pdf - | citegraph extract -
  citegraph extract -f jsonl A_RES_79_166.pdf | jq -r '.references[].target'
  citegraph extract --text A_RES_79_166.pdf        # the text read from the PDF

Flags:
`

var extractFormats = []string{"jsonl", "json", "csv", "tsv", "table"}

func runExtract(e *env, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.StringP("format", "f", "", "output `FORMAT`: jsonl, json, csv, tsv or table (default jsonl, or table on a terminal; with -o, from the file's extension)")
	out := fs.StringP("output", "o", "", "write to `FILE` (atomically) instead of stdout")
	quiet := fs.BoolP("quiet", "q", false, "no progress bar and no summary line (failures are still reported)")
	keepGoing := fs.BoolP("keep-going", "k", false, "exit 0 even when some files could not be read")
	jobs := fs.IntP("jobs", "j", 0, "read `N` files at once (default: one per core)")
	textOnly := fs.Bool("text", false, "print the text read from each file (what the spans refer to) instead of its references")
	usage := strings.NewReplacer(
		"{MAXFILE}", strconv.Itoa(input.MaxSize>>20),
		"{MAXTEXT}", strconv.Itoa(extract.MaxSize>>20)).Replace(extractUsage)
	if help, err := e.parse(fs, usage, args); help || err != nil {
		return err
	}
	if *jobs < 0 {
		return usagef("--jobs must be 0 or more")
	}
	f := *format
	if f == "" {
		f = defaultFormat(*out, e.stdoutTTY)
	}
	if !contains(extractFormats, f) {
		return usagef("unknown --format %q; use one of %s", f, strings.Join(extractFormats, ", "))
	}

	paths := fs.Args()
	opts := corpus.Options{Workers: *jobs, Stdin: e.stdin, KeepText: *textOnly}
	if len(paths) == 0 {
		opts.FS = citegraph.Sample
		paths = []string{"."}
	}
	stdinCount := 0
	for _, p := range paths {
		if p == "-" {
			stdinCount++
		}
	}
	if stdinCount > 1 {
		return usagef("- (standard input) can be given once")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var dst io.Writer = e.stdout
	var af *atomicFile
	if *out != "" {
		var err error
		if af, err = createAtomic(*out); err != nil {
			return err
		}
		defer af.Abort() // no-op after Commit
		dst = af
	}
	bw := bufio.NewWriterSize(dst, 1<<16)
	w := newDocWriter(f, bw)

	pb := newProgress(e.stderr, e.stderrTTY && !*quiet)
	opts.Progress = pb.UpdateFunc()
	start := time.Now()
	var files, failed, refs int
	var bytesRead int64
	targets := map[string]bool{}
	werr := corpus.Walk(ctx, paths, opts, func(r corpus.Result) error {
		files++
		bytesRead += r.Size
		if r.Err != nil {
			failed++
			pb.Clear()
			fmt.Fprintf(e.stderr, "citegraph extract: %v\n", r.Err)
			return nil
		}
		refs += len(r.Doc.References)
		for _, ref := range r.Doc.References {
			targets[ref.Target] = true
		}
		if *textOnly {
			return writeText(bw, r, files == 1)
		}
		return w.write(r.Doc)
	})
	pb.Done()
	if werr == nil && !*textOnly {
		werr = w.close()
	}
	if werr == nil {
		werr = bw.Flush()
	}
	if werr != nil {
		if ctx.Err() != nil {
			if af != nil {
				return fmt.Errorf("interrupted after %d files; %s left as it was", files, *out)
			}
			return fmt.Errorf("interrupted after %d files", files)
		}
		return fmt.Errorf("writing the output: %w", werr)
	}
	if af != nil {
		if err := af.Commit(); err != nil {
			return err
		}
	}
	if !*quiet {
		fmt.Fprintf(e.stderr, "citegraph extract: %s, %s (%s), %d failed; %s in %v\n",
			plural(files, "file"), plural(refs, "reference"), plural(len(targets), "distinct target"),
			failed, byteSize(bytesRead), time.Since(start).Round(time.Millisecond))
	}
	if files == 0 {
		return fmt.Errorf("no documents found in %s", strings.Join(paths, " "))
	}
	if failed > 0 && !*keepGoing {
		return errSilent
	}
	return nil
}

// writeText writes the decoded text of a file after a "==> name <=="
// line, as tail does for several files.
func writeText(w io.Writer, r corpus.Result, first bool) error {
	sep := "\n"
	if first {
		sep = ""
	}
	if _, err := fmt.Fprintf(w, "%s==> %s <==\n", sep, r.Path); err != nil {
		return err
	}
	_, err := w.Write(r.Text)
	if err == nil && len(r.Text) > 0 && r.Text[len(r.Text)-1] != '\n' {
		_, err = io.WriteString(w, "\n")
	}
	return err
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// defaultFormat is the format when --format is not given: from the output
// file's extension, else table on a terminal and jsonl otherwise.
func defaultFormat(out string, tty bool) string {
	if out != "" {
		switch strings.ToLower(filepath.Ext(out)) {
		case ".json":
			return "json"
		case ".csv":
			return "csv"
		case ".tsv", ".tab":
			return "tsv"
		case ".txt":
			return "table"
		}
		return "jsonl"
	}
	if tty {
		return "table"
	}
	return "jsonl"
}

// docWriter writes documents in one of the output formats.
type docWriter struct {
	format string
	w      io.Writer
	n      int
	enc    *json.Encoder
	cw     *csv.Writer
}

var csvHeader = []string{"file", "symbol", "title", "date", "doc_body", "target", "raw", "start", "end", "line", "kind", "body", "relation", "paragraph", "footnote", "pinpoint"}

func newDocWriter(format string, w io.Writer) *docWriter {
	d := &docWriter{format: format, w: w}
	d.enc = json.NewEncoder(w)
	d.enc.SetEscapeHTML(false)
	if format == "csv" {
		d.cw = csv.NewWriter(w)
	}
	return d
}

// normal returns doc with an empty, not null, reference list.
func normal(doc *extract.Document) *extract.Document {
	if doc.References != nil {
		return doc
	}
	c := *doc
	c.References = []extract.Reference{}
	return &c
}

func (d *docWriter) write(doc *extract.Document) error {
	doc = normal(doc)
	defer func() { d.n++ }()
	switch d.format {
	case "jsonl":
		return d.enc.Encode(doc)
	case "json":
		sep := ",\n"
		if d.n == 0 {
			sep = "[\n"
		}
		if _, err := io.WriteString(d.w, sep); err != nil {
			return err
		}
		b, err := json.Marshal(doc)
		if err != nil {
			return err
		}
		b = unescapeHTML(b)
		_, err = d.w.Write(b)
		return err
	case "csv", "tsv":
		if d.n == 0 {
			if err := d.row(csvHeader); err != nil {
				return err
			}
		}
		for _, r := range doc.References {
			rec := []string{doc.File, doc.Symbol, doc.Title, doc.Date, doc.Body,
				r.Target, r.Raw, strconv.Itoa(r.Start), strconv.Itoa(r.End), strconv.Itoa(r.Line),
				string(r.Kind), r.Body, r.Relation, r.Paragraph, strconv.Itoa(r.Footnote), r.Pinpoint}
			if err := d.row(rec); err != nil {
				return err
			}
		}
		return nil
	case "table":
		return d.table(doc)
	}
	return fmt.Errorf("unknown format %q", d.format)
}

var tsvEscaper = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

func (d *docWriter) row(rec []string) error {
	if d.cw != nil {
		return d.cw.Write(rec)
	}
	for i, s := range rec {
		rec[i] = tsvEscaper.Replace(s)
	}
	_, err := io.WriteString(d.w, strings.Join(rec, "\t")+"\n")
	return err
}

// table writes one block per document: a heading line, then its
// references in aligned columns.
func (d *docWriter) table(doc *extract.Document) error {
	if d.n > 0 {
		if _, err := io.WriteString(d.w, "\n"); err != nil {
			return err
		}
	}
	head := []string{doc.File}
	for _, s := range []string{doc.Symbol, doc.Body, doc.Date, doc.Title} {
		if s != "" {
			head = append(head, s)
		}
	}
	if _, err := fmt.Fprintf(d.w, "%s\n", strings.Join(head, "  ")); err != nil {
		return err
	}
	if len(doc.References) == 0 {
		_, err := io.WriteString(d.w, "  (no references)\n")
		return err
	}
	tw := tabwriter.NewWriter(d.w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  LINE\tTARGET\tKIND\tBODY\tRELATION\tPARA\tFN\tPINPOINT\tRAW")
	for _, r := range doc.References {
		fn := ""
		if r.Footnote > 0 {
			fn = strconv.Itoa(r.Footnote)
		}
		raw := []rune(tsvEscaper.Replace(r.Raw))
		if len(raw) > 40 {
			raw = append(raw[:39], '…')
		}
		fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Line, r.Target, r.Kind, r.Body, r.Relation, r.Paragraph, fn, r.Pinpoint, string(raw))
	}
	return tw.Flush()
}

func (d *docWriter) close() error {
	switch d.format {
	case "json":
		end := "\n]\n"
		if d.n == 0 {
			end = "[]\n"
		}
		_, err := io.WriteString(d.w, end)
		return err
	case "csv":
		if d.n == 0 {
			d.cw.Write(csvHeader)
		}
		d.cw.Flush()
		return d.cw.Error()
	case "tsv":
		if d.n == 0 {
			return d.row(csvHeader)
		}
	}
	return nil
}

// unescapeHTML undoes json.Marshal's \u003c \u003e \u0026, as
// Encoder.SetEscapeHTML(false) does for jsonl.
func unescapeHTML(b []byte) []byte {
	s := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(b))
	return []byte(s)
}

// atomicFile is an output file written under a temporary name in the same
// directory and renamed over the target on Commit, so that readers see the
// old file or the whole new one, never a part.
type atomicFile struct {
	*os.File
	path string
	done bool
}

func createAtomic(path string) (*atomicFile, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	return &atomicFile{File: f, path: path}, nil
}

// Commit makes the written content visible under the target name.
func (a *atomicFile) Commit() error {
	if err := a.File.Sync(); err != nil {
		a.Abort()
		return fmt.Errorf("writing %s: %w", a.path, err)
	}
	if err := a.File.Close(); err != nil {
		a.Abort()
		return fmt.Errorf("writing %s: %w", a.path, err)
	}
	if fi, err := os.Stat(a.path); err == nil {
		os.Chmod(a.File.Name(), fi.Mode().Perm())
	} else {
		os.Chmod(a.File.Name(), 0o644)
	}
	if err := os.Rename(a.File.Name(), a.path); err != nil {
		a.Abort()
		return fmt.Errorf("writing %s: %w", a.path, err)
	}
	a.done = true
	return nil
}

// Abort removes the temporary file; the target is left as it was.
func (a *atomicFile) Abort() {
	if a.done {
		return
	}
	a.done = true
	a.File.Close()
	os.Remove(a.File.Name())
}
