// Package corpus runs the extractor over many files: files, directories
// (walked recursively), glob patterns and "-" for standard input.
//
// Files are read, decoded (package input) and extracted in parallel by a
// bounded pool of workers, with a bound on the bytes held in memory at once,
// and the results are handed to the caller one at a time in a deterministic
// order: the order of the arguments, and inside a directory or a glob the
// sorted order of the paths. A file that cannot be read gives a Result with
// Err set and the run goes on.
package corpus

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/extract/input"
)

// DefaultMaxInFlight is the default bound on the bytes of input held in
// memory at once (read but not yet delivered).
const DefaultMaxInFlight = 512 << 20

// Options tune a Walk. The zero value is ready to use.
type Options struct {
	// Workers is the number of files processed at once; 0 means one per
	// core (runtime.GOMAXPROCS).
	Workers int
	// MaxInFlight bounds the bytes of input read but not yet delivered to
	// the caller; 0 means DefaultMaxInFlight. A single file larger than the
	// bound is still read, alone.
	MaxInFlight int64
	// FS, when set, is where the paths are looked up (fs.FS path syntax,
	// "." for all of it) instead of the operating system's file system.
	FS fs.FS
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
	// Decode turns a file's bytes into text; nil means input.Decode.
	Decode func(name string, src []byte) ([]byte, error)
	// Extract reads one text; nil means extract.Extract.
	Extract func(name string, text []byte) (*extract.Document, error)
	// KeepText hands each file's decoded text back in Result.Text.
	KeepText bool
	// Progress, when set, is called after each result is delivered, from
	// the goroutine that calls fn, and once before the first with the totals.
	Progress func(Progress)
}

// Progress counts the work done so far in a Walk.
type Progress struct {
	Files, TotalFiles int   // results delivered, results expected
	Bytes, TotalBytes int64 // input bytes delivered, expected (stdin counts when read)
	Failed            int   // results with Err set
}

// Result is the outcome for one input file.
type Result struct {
	Path string            // as found: the argument, or a path under it
	Doc  *extract.Document // nil when Err is set
	Err  error             // why the file could not be read, decoded or extracted
	Size int64             // input bytes
	Text []byte            // the decoded text the spans refer to, with Options.KeepText
}

// Extensions are the file name extensions read when walking a directory
// (files named explicitly, and glob matches, are read whatever their name).
var Extensions = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".doc", ".pdf"}

func wanted(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// item is one unit of work found by expand: a file to read, or an argument
// that failed to expand.
type item struct {
	path  string
	size  int64
	stdin bool
	err   error
}

// Expand lists the files that paths name, in the order Walk delivers them,
// with an error for each argument that names nothing.
func Expand(paths []string, opts Options) ([]string, []error) {
	items := expand(paths, opts)
	var files []string
	var errs []error
	for _, it := range items {
		if it.err != nil {
			errs = append(errs, it.err)
		} else {
			files = append(files, it.path)
		}
	}
	return files, errs
}

func hasMeta(p string) bool { return strings.ContainsAny(p, "*?[") }

func expand(paths []string, opts Options) []item {
	var items []item
	seen := map[string]bool{}
	add := func(it item) {
		if it.err == nil && !it.stdin {
			key := it.path
			if opts.FS == nil {
				key = filepath.Clean(key)
			}
			if seen[key] {
				return
			}
			seen[key] = true
		}
		items = append(items, it)
	}
	for _, p := range paths {
		if p == "-" {
			add(item{path: "-", stdin: true})
			continue
		}
		fi, err := stat(opts.FS, p)
		if err != nil && hasMeta(p) {
			matches, gerr := glob(opts.FS, p)
			if gerr != nil {
				add(item{path: p, err: fmt.Errorf("corpus: %s: bad pattern: %w", p, gerr)})
				continue
			}
			if len(matches) == 0 {
				add(item{path: p, err: fmt.Errorf("corpus: %s: no file matches the pattern", p)})
				continue
			}
			sort.Strings(matches)
			for _, m := range matches {
				fi, err := stat(opts.FS, m)
				switch {
				case err != nil:
					add(item{path: m, err: fmt.Errorf("corpus: %w", err)})
				case fi.IsDir():
					walkDir(opts.FS, m, add)
				default:
					add(item{path: m, size: fi.Size()})
				}
			}
			continue
		}
		switch {
		case err != nil:
			add(item{path: p, err: fmt.Errorf("corpus: %w; check the path", err)})
		case fi.IsDir():
			walkDir(opts.FS, p, add)
		default:
			add(item{path: p, size: fi.Size()})
		}
	}
	return items
}

func stat(fsys fs.FS, p string) (fs.FileInfo, error) {
	if fsys != nil {
		return fs.Stat(fsys, p)
	}
	return os.Stat(p)
}

func glob(fsys fs.FS, p string) ([]string, error) {
	if fsys != nil {
		return fs.Glob(fsys, p)
	}
	return filepath.Glob(p)
}

// walkDir adds the wanted files under dir in lexical order, skipping hidden
// files and directories.
func walkDir(fsys fs.FS, dir string, add func(item)) {
	fn := func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			add(item{path: p, err: fmt.Errorf("corpus: %w", err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !wanted(name) {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			add(item{path: p, err: fmt.Errorf("corpus: %w", err)})
			return nil
		}
		if info.Mode()&fs.ModeSymlink != 0 { // a link to a file: its target's size
			if info, err = stat(fsys, p); err != nil {
				add(item{path: p, err: fmt.Errorf("corpus: %w", err)})
				return nil
			}
		}
		if !info.Mode().IsRegular() {
			return nil
		}
		add(item{path: p, size: info.Size()})
		return nil
	}
	if fsys != nil {
		fs.WalkDir(fsys, dir, fn)
		return
	}
	filepath.WalkDir(dir, fn)
}

// job is one item in flight: the worker fills res and closes done.
type job struct {
	item
	weight int64
	src    []byte // stdin content, read by the dispatcher
	res    Result
	done   chan struct{}
}

// Walk processes every file that paths name and calls fn with each result,
// in order, from the calling goroutine. A per-file failure is a Result with
// Err set; Walk stops early only when fn returns an error (which Walk
// returns) or ctx is cancelled (Walk returns ctx.Err()).
func Walk(ctx context.Context, paths []string, opts Options, fn func(Result) error) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	limit := opts.MaxInFlight
	if limit <= 0 {
		limit = DefaultMaxInFlight
	}
	items := expand(paths, opts)
	var prog Progress
	prog.TotalFiles = len(items)
	for _, it := range items {
		prog.TotalBytes += it.size
	}
	if opts.Progress != nil {
		opts.Progress(prog)
	}

	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	budget := newBudget(limit)
	jobs := make(chan *job)
	order := make(chan *job, 4*workers) // jobs in delivery order
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.res = process(ctx, j, opts)
				close(j.done)
			}
		}()
	}
	// Dispatcher: reserves memory in order, then hands the job to a worker.
	go func() {
		defer close(order)
		defer close(jobs)
		for _, it := range items {
			j := &job{item: it, done: make(chan struct{})}
			if it.stdin {
				j.src, j.err = readStdin(ctx, opts.Stdin)
				if ctx.Err() != nil {
					return
				}
				j.size = int64(len(j.src))
			}
			if j.err == nil {
				j.weight = min(j.size, limit)
				if !budget.acquire(ctx, j.weight) {
					return
				}
			}
			select {
			case order <- j:
			case <-ctx.Done():
				budget.release(j.weight)
				return
			}
			if j.err != nil {
				j.res = Result{Path: j.path, Err: j.err, Size: j.size}
				close(j.done)
				continue
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				j.res = Result{Path: j.path, Err: ctx.Err()}
				close(j.done)
				return
			}
		}
	}()

	var err error
	for j := range order {
		select {
		case <-j.done:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			err = ctx.Err()
			break
		}
		budget.release(j.weight)
		if j.res.Err != nil {
			prog.Failed++
		}
		prog.Files++
		prog.Bytes += j.res.Size
		if j.stdin {
			prog.TotalBytes += j.res.Size
		}
		if ferr := fn(j.res); ferr != nil {
			err = ferr
			break
		}
		if opts.Progress != nil {
			opts.Progress(prog)
		}
	}
	cancel()
	for range order { // let the dispatcher finish
	}
	wg.Wait()
	if err == nil {
		err = parent.Err()
	}
	return err
}

// readStdin reads all of r (standard input when nil). A read blocked on a
// terminal or a pipe cannot be interrupted, so it runs apart: when ctx is
// cancelled readStdin returns at once and the read ends with the input.
func readStdin(ctx context.Context, r io.Reader) ([]byte, error) {
	if r == nil {
		r = os.Stdin
	}
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := io.ReadAll(io.LimitReader(r, input.MaxSize+1))
		done <- result{b, err}
	}()
	select {
	case res := <-done:
		if res.err != nil {
			return nil, fmt.Errorf("corpus: reading standard input: %w", res.err)
		}
		return res.b, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// process reads, decodes and extracts one file.
func process(ctx context.Context, j *job, opts Options) Result {
	res := Result{Path: j.path, Size: j.size}
	if ctx.Err() != nil {
		res.Err = ctx.Err()
		return res
	}
	src := j.src
	j.src = nil
	if !j.stdin {
		if err := input.CheckSize(j.path, j.size); err != nil {
			res.Err = err
			return res
		}
		var err error
		src, err = readFile(opts.FS, j.path)
		if err != nil {
			res.Err = err
			return res
		}
		res.Size = int64(len(src))
	}
	decode := opts.Decode
	if decode == nil {
		decode = input.Decode
	}
	ex := opts.Extract
	if ex == nil {
		ex = extract.Extract
	}
	text, err := decode(j.path, src)
	if err != nil {
		res.Err = err
		return res
	}
	doc, err := safeExtract(ex, j.path, text)
	if err != nil {
		res.Err = err
		return res
	}
	res.Doc = doc
	if opts.KeepText {
		res.Text = text
	}
	return res
}

// safeExtract turns a panic in the extractor into an error for that file,
// so that one bad file does not stop the run.
func safeExtract(ex func(string, []byte) (*extract.Document, error), name string, text []byte) (doc *extract.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("corpus: %s: extractor panic: %v (please report this file)", name, r)
		}
	}()
	return ex(name, text)
}

func readFile(fsys fs.FS, p string) ([]byte, error) {
	var f fs.File
	var err error
	if fsys != nil {
		f, err = fsys.Open(p)
	} else {
		f, err = os.Open(p)
	}
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, input.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("corpus: %s: %w", p, err)
	}
	return b, nil
}

// budget is a weighted semaphore over bytes.
type budget struct {
	mu   sync.Mutex
	cond *sync.Cond
	free int64
	stop bool
}

func newBudget(n int64) *budget {
	b := &budget{free: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// acquire waits until n bytes are free and takes them; it returns false
// when ctx is cancelled first.
func (b *budget) acquire(ctx context.Context, n int64) bool {
	stop := context.AfterFunc(ctx, func() {
		b.mu.Lock()
		b.stop = true
		b.mu.Unlock()
		b.cond.Broadcast()
	})
	defer stop()
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.free < n && !b.stop {
		b.cond.Wait()
	}
	if b.stop {
		return false
	}
	b.free -= n
	return true
}

func (b *budget) release(n int64) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.cond.Broadcast()
}
