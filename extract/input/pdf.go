package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdferrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDF text comes from PDFium, the engine of Chromium, compiled to
// WebAssembly and run by wazero (no cgo). It was chosen over the pure-Go
// readers by measured accuracy on the ga-pdf corpus (see the package README).
//
// PDFium gives each character with its box; layoutPage rebuilds the lines
// in the raw layout of the corpus text: one line per printed line, a blank
// line at paragraph gaps, footnote markers glued to the word they follow
// ("20243" is 2024 and footnote 3), page-bottom footnotes after their line
// of underscores, running headers and page counters left in place for the
// extractor to recognise, pages separated by a blank line.

var pdfPool struct {
	once sync.Once
	pool pdfium.Pool
	sem  chan struct{}
	err  error
}

// pdfWorkers is the number of PDFium instances run at once.
var pdfWorkers = runtime.GOMAXPROCS(0)

func initPDF() {
	p := &pdfPool
	rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	// Compiling the 6 MB engine takes seconds; keep the machine code in the
	// user's cache directory so that later runs start at once.
	if dir, err := os.UserCacheDir(); err == nil {
		dir = filepath.Join(dir, "citegraph", "pdfium-wasm")
		if os.MkdirAll(dir, 0o755) == nil {
			if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
				rc = rc.WithCompilationCache(cache)
			}
		}
	}
	p.pool, p.err = webassembly.Init(webassembly.Config{
		MinIdle:       0,
		MaxIdle:       pdfWorkers,
		MaxTotal:      pdfWorkers,
		RuntimeConfig: rc,
		FSConfig:      wazero.NewFSConfig(), // no file system: documents are passed as bytes
		Stdout:        io.Discard,
		Stderr:        io.Discard,
		ReuseWorkers:  true,
	})
	p.sem = make(chan struct{}, pdfWorkers)
}

// decodePDF returns the text of a PDF in the raw layout of the corpus.
func decodePDF(name string, src []byte) ([]byte, error) {
	text, _, err := pdfText(name, src)
	return text, err
}

// pdfText returns the text of a PDF and its number of pages.
func pdfText(name string, src []byte) ([]byte, int, error) {
	tail := src[max(0, len(src)-2048):]
	if !bytes.Contains(tail, []byte("%%EOF")) {
		return nil, 0, fmt.Errorf("input: %s: %w: the PDF has no end marker (%%%%EOF), it was cut off while downloading or copying; get the file again", name, ErrTruncated)
	}
	pdfPool.once.Do(initPDF)
	if pdfPool.err != nil {
		return nil, 0, fmt.Errorf("input: %s: starting the PDF engine: %w", name, pdfPool.err)
	}
	pdfPool.sem <- struct{}{}
	defer func() { <-pdfPool.sem }()
	inst, err := pdfPool.pool.GetInstance(5 * time.Minute)
	if err != nil {
		return nil, 0, fmt.Errorf("input: %s: starting the PDF engine: %w", name, err)
	}
	defer inst.Close()
	return pdfInstanceText(inst, name, src)
}

func pdfInstanceText(inst pdfium.Pdfium, name string, src []byte) (out []byte, pages int, err error) {
	defer func() {
		// The engine runs in a sandbox; a trap in it must not stop the run.
		if r := recover(); r != nil {
			out, pages, err = nil, 0, fmt.Errorf("input: %s: %w: the PDF engine failed on it (%v)", name, ErrTruncated, r)
		}
	}()
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &src})
	if err != nil {
		switch {
		case errors.Is(err, pdferrors.ErrPassword), errors.Is(err, pdferrors.ErrSecurity):
			return nil, 0, fmt.Errorf("input: %s: %w: it needs a password; save an unprotected copy (e.g. qpdf --decrypt --password=PW in.pdf out.pdf) and run again", name, ErrEncrypted)
		default:
			return nil, 0, fmt.Errorf("input: %s: %w: the PDF engine cannot open it (%v); open it in a PDF viewer and save it again", name, ErrTruncated, err)
		}
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, 0, fmt.Errorf("input: %s: %w: cannot count its pages (%v)", name, ErrTruncated, err)
	}
	var b bytes.Buffer
	textChars := 0
	for i := range pc.PageCount {
		st, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{
			Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}},
			Mode: requests.GetPageTextStructuredModeChars,
		})
		if err != nil {
			return nil, 0, fmt.Errorf("input: %s: %w: cannot read page %d (%v)", name, ErrTruncated, i+1, err)
		}
		cs := make([]pchar, 0, len(st.Chars))
		for _, c := range st.Chars {
			var r rune
			for _, x := range c.Text {
				r = x
			}
			p := c.PointPosition
			ch := pchar{r: r, l: p.Left, b: p.Bottom, r2: p.Right, t: p.Top}
			if ch.real() {
				textChars++
			}
			cs = append(cs, ch)
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(layoutPage(cs))
	}
	// A scan may carry a few characters of text (a stamp, a page number):
	// fewer than minCharsPerPage on average is no text layer.
	if pc.PageCount > 0 && textChars < minCharsPerPage*pc.PageCount {
		return nil, pc.PageCount, fmt.Errorf("input: %s: %w: it looks like a scanned image; run OCR on it first (e.g. ocrmypdf %s out.pdf) and give the result", name, ErrScanned, filepath.Base(name))
	}
	return b.Bytes(), pc.PageCount, nil
}

// minCharsPerPage is the average number of printed characters per page
// below which a PDF is taken for a scan without a text layer.
const minCharsPerPage = 10

// pchar is one character of a page as PDFium reports it, with its box in
// PDF points (y grows upwards).
type pchar struct {
	r           rune
	l, b, r2, t float64
}

// real reports whether c is a printed character (not a space or a character
// PDFium generated: line breaks, spaces between words, the \x02 that stands
// for a hyphen at the end of a line).
func (c pchar) real() bool {
	return c.r > ' ' && c.r != 0x02 && c.r != 0xFFFE && c.r != 0xFFFF && (c.l != 0 || c.r2 != 0 || c.b != 0 || c.t != 0)
}

// vline is a run of characters printed on one line.
type vline struct {
	cs         []pchar
	l, r, b, t float64 // box of the real characters
	n          int     // number of real characters
}

func (v *vline) add(c pchar) {
	v.cs = append(v.cs, c)
	if !c.real() {
		return
	}
	if v.n == 0 {
		v.l, v.r, v.b, v.t = c.l, c.r2, c.b, c.t
	} else {
		v.l, v.r = math.Min(v.l, c.l), math.Max(v.r, c.r2)
		v.b, v.t = math.Min(v.b, c.b), math.Max(v.t, c.t)
	}
	v.n++
}

// overlap is the vertical overlap of two boxes as a share of the lower one.
func overlap(ab, at, bb, bt float64) float64 {
	lo, hi := math.Max(ab, bb), math.Min(at, bt)
	if hi <= lo {
		return 0
	}
	return (hi - lo) / math.Max(0.1, math.Min(at-ab, bt-bb))
}

// layoutPage turns the characters of one page, in PDFium's reading order,
// into lines of text ending in "\n".
func layoutPage(cs []pchar) string {
	// 1. Lines: PDFium's line breaks, and a drop to a new line that PDFium
	// joined (it does so after a hyphen at the end of a line, which it
	// reports as \x02: the hyphenated word is then kept whole on the upper
	// line: "good-neighbourliness").
	var lines []*vline
	cur := &vline{}
	flush := func() {
		if len(cur.cs) > 0 {
			lines = append(lines, cur)
		}
		cur = &vline{}
	}
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		if c.r == '\r' || c.r == '\n' {
			flush()
			continue
		}
		if c.real() && cur.n > 0 && overlap(cur.b, cur.t, c.b, c.t) < 0.3 && c.l < cur.r {
			if endsInHyphen(cur.cs) {
				for ; i < len(cs) && cs[i].r != ' ' && cs[i].r != '\r' && cs[i].r != '\n'; i++ {
					cur.cs = append(cur.cs, cs[i])
				}
				for i < len(cs) && cs[i].r == ' ' {
					i++
				}
				flush()
				i--
				continue
			}
			flush()
		}
		cur.add(c)
	}
	flush()

	// 2. Join runs printed on the same line that PDFium split, as it does
	// after a raised footnote marker.
	var joined []*vline
	for _, v := range lines {
		if v.n == 0 {
			continue
		}
		if len(joined) > 0 {
			p := joined[len(joined)-1]
			if overlap(p.b, p.t, v.b, v.t) >= 0.5 && v.l >= p.r-1 {
				if v.l-p.r > 0.15*math.Min(p.t-p.b, v.t-v.b) {
					p.cs = append(p.cs, pchar{r: ' '})
				}
				for _, c := range v.cs {
					p.add(c)
				}
				continue
			}
		}
		joined = append(joined, v)
	}

	// 3. Split at wide gaps: side-by-side header fields are separate lines
	// ("United Nations" and the symbol), as in the corpus text.
	var out []*vline
	for _, v := range joined {
		h := v.t - v.b
		cur := &vline{}
		var last *pchar
		for k := range v.cs {
			c := v.cs[k]
			if c.real() && last != nil && c.l-last.r2 > 4*h && cur.n > 0 {
				out = append(out, cur)
				cur = &vline{}
			}
			cur.add(c)
			if c.real() {
				last = &v.cs[k]
			}
		}
		if cur.n > 0 {
			out = append(out, cur)
		}
	}

	// 4. Write, with a blank line where the gap between lines is a
	// paragraph break.
	hs := make([]float64, 0, len(out))
	for _, v := range out {
		hs = append(hs, v.t-v.b)
	}
	slices.Sort(hs)
	med := 10.0
	if len(hs) > 0 {
		med = hs[len(hs)/2]
	}
	var b strings.Builder
	for k, v := range out {
		if k > 0 && out[k-1].b-v.t > 0.6*med {
			b.WriteByte('\n')
		}
		for _, c := range v.cs {
			switch {
			case c.r == 0x02:
				b.WriteByte('-')
			case c.r == 0 || c.r == 0xFFFE || c.r == 0xFFFF || c.r == '\r' || c.r == '\n':
			default:
				b.WriteRune(c.r)
			}
		}
		b.WriteByte('\n')
	}
	return strings.TrimRight(b.String(), " \n") + "\n"
}

func endsInHyphen(cs []pchar) bool {
	for k := len(cs) - 1; k >= 0; k-- {
		if cs[k].r == 0x02 {
			return true
		}
		if cs[k].real() {
			return cs[k].r == '-' || cs[k].r == '\u00AD'
		}
	}
	return false
}
