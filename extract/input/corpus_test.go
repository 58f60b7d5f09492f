package input

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/extract/corpus/corpustest"
)

// TestPDFCorpusTargets checks that each PDF of ga-pdf gives the same
// distinct reference targets as its text twin in ga/ (extracted from the
// same PDF by another tool). The issue requires agreement on at least 38
// of the 40.
func TestPDFCorpusTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 40 PDFs; skipped with -short")
	}
	pdfDir := corpustest.Dir(t, "ga-pdf")
	txtDir := corpustest.Dir(t, "ga")
	pdfs, _ := filepath.Glob(filepath.Join(pdfDir, "*.pdf"))
	if len(pdfs) == 0 {
		t.Skip("no PDF in ga-pdf")
	}
	same := 0
	var common, total int
	for _, p := range pdfs {
		base := strings.TrimSuffix(filepath.Base(p), ".pdf")
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text, err := Decode(p, src)
		if err != nil {
			t.Errorf("%s: %v", base, err)
			continue
		}
		twinPath := filepath.Join(txtDir, base+".txt")
		twin, err := os.ReadFile(twinPath)
		if err != nil {
			t.Errorf("%s: no twin: %v", base, err)
			continue
		}
		c, n := wordAgreement(string(text), string(twin))
		common += c
		total += n
		if float64(c) < 0.98*float64(n) {
			t.Errorf("%s: only %d of %d words agree with the twin", base, c, n)
		}
		// Both under the twin's name, so that the file-name fallback for
		// the document's own symbol is the same.
		dp, err := extract.Extract(twinPath, text)
		if err != nil {
			t.Errorf("%s (pdf): %v", base, err)
			continue
		}
		dt, err := extract.Extract(twinPath, twin)
		if err != nil {
			t.Errorf("%s (twin): %v", base, err)
			continue
		}
		for _, r := range dp.References {
			if string(text[r.Start:r.End]) != r.Raw {
				t.Errorf("%s: span %d:%d is %q, raw %q", base, r.Start, r.End, text[r.Start:r.End], r.Raw)
			}
		}
		a, b := dp.Targets(), dt.Targets()
		if slices.Equal(a, b) {
			same++
			continue
		}
		t.Logf("%s: targets differ: only from PDF %q; only from twin %q", base, minus(a, b), minus(b, a))
	}
	t.Logf("%d of %d PDFs give the same distinct targets as their text twin; %.2f%% of the words agree (%d of %d)",
		same, len(pdfs), 100*float64(common)/float64(total), common, total)
	if need := len(pdfs) - 2; same < need {
		t.Errorf("only %d of %d PDFs agree with their twin; want at least %d", same, len(pdfs), need)
	}
}

// wordAgreement counts the words (white-space separated) two texts have in
// common, as multisets, and the word count of the longer.
func wordAgreement(a, b string) (common, n int) {
	count := map[string]int{}
	wa, wb := strings.Fields(a), strings.Fields(b)
	for _, w := range wa {
		count[w]++
	}
	for _, w := range wb {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return common, max(len(wa), len(wb))
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// BenchmarkPDFPages decodes every PDF of ga-pdf in turn (one PDFium
// instance at a time) and reports pages per second.
func BenchmarkPDFPages(b *testing.B) {
	dir := corpustest.Dir(b, "ga-pdf")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	var srcs [][]byte
	var size int64
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		size += int64(len(src))
	}
	if _, _, err := pdfText(paths[0], srcs[0]); err != nil { // start the engine outside the timing
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ResetTimer()
	pages := 0
	for range b.N {
		for i, src := range srcs {
			_, n, err := pdfText(paths[i], src)
			if err != nil {
				b.Fatal(err)
			}
			pages += n
		}
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}
