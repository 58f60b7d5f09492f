package extract

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/citegraph/citegraph/extract/corpus/corpustest"
)

// handchecked is one line of testdata/handchecked.tsv: a corpus document and
// the distinct targets a person found in it by reading its text.
type handchecked struct {
	path string   // relative to ../shared/corpus, e.g. ga/A_RES_79_166.txt
	want []string // expected canonical targets
	line int      // line in the tsv, for messages
}

func readHandchecked(t *testing.T) []handchecked {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "handchecked.tsv"))
	if err != nil {
		t.Fatalf("extract: open hand-checked goldens: %v", err)
	}
	defer f.Close()
	var out []handchecked
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		path, targets, ok := strings.Cut(line, "\t")
		if !ok || path == "" {
			t.Fatalf("testdata/handchecked.tsv:%d: want <path>\\t<targets>, got %q", n, line)
		}
		out = append(out, handchecked{path: path, want: strings.Fields(targets), line: n})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("extract: read hand-checked goldens: %v", err)
	}
	if len(out) == 0 {
		t.Fatal("testdata/handchecked.tsv holds no documents")
	}
	return out
}

// normTarget is the spec's comparison key: case-insensitive, white space
// removed.
func normTarget(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// targetSet maps normalised targets to one spelling of them.
func targetSet(ts []string) map[string]string {
	m := make(map[string]string, len(ts))
	for _, s := range ts {
		if k := normTarget(s); k != "" {
			if _, ok := m[k]; !ok {
				m[k] = s
			}
		}
	}
	return m
}

// diffTargets returns what want has and got lacks (missing) and what got has
// and want lacks (extra), each sorted, in their original spelling.
func diffTargets(got, want []string) (missing, extra []string, hits int) {
	g, w := targetSet(got), targetSet(want)
	for k, s := range w {
		if _, ok := g[k]; ok {
			hits++
		} else {
			missing = append(missing, s)
		}
	}
	for k, s := range g {
		if _, ok := w[k]; !ok {
			extra = append(extra, s)
		}
	}
	slices.Sort(missing)
	slices.Sort(extra)
	return missing, extra, hits
}

func TestDiffTargets(t *testing.T) {
	missing, extra, hits := diffTargets(
		[]string{"A/RES/70/1", "a/conf.157/24 (Part I)", "A/RES/60/5"},
		[]string{"A/CONF.157/24(PartI)", "A/RES/70/1", "A/HRC/RES/60/5"})
	if hits != 2 || !slices.Equal(missing, []string{"A/HRC/RES/60/5"}) || !slices.Equal(extra, []string{"A/RES/60/5"}) {
		t.Errorf("diffTargets: hits %d, missing %v, extra %v", hits, missing, extra)
	}
}

// TestHandChecked runs the extractor over the documents of
// testdata/handchecked.tsv and compares their distinct targets with the
// hand-checked ones, document by document. It logs precision and recall over
// all of them (distinct targets per document, micro-averaged).
func TestHandChecked(t *testing.T) {
	docs := readHandchecked(t)
	root := corpustest.Dir(t, "")
	var tp, fp, fn int
	var bad []string
	for _, hc := range docs {
		src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(hc.path)))
		if err != nil {
			t.Errorf("%s (handchecked.tsv:%d): %v", hc.path, hc.line, err)
			continue
		}
		d, err := Extract(hc.path, src)
		if err != nil {
			t.Errorf("%s: Extract: %v", hc.path, err)
			continue
		}
		missing, extra, hits := diffTargets(d.Targets(), hc.want)
		tp += hits
		fn += len(missing)
		fp += len(extra)
		if len(missing) > 0 || len(extra) > 0 {
			bad = append(bad, hc.path)
			var b strings.Builder
			b.WriteString(hc.path + ":")
			if len(missing) > 0 {
				b.WriteString("\n\tmissing (hand-checked, not extracted): " + strings.Join(missing, " "))
			}
			if len(extra) > 0 {
				b.WriteString("\n\textra (extracted, not hand-checked):   " + strings.Join(extra, " "))
			}
			t.Error(b.String())
		}
	}
	precision, recall := 1.0, 1.0
	if tp+fp > 0 {
		precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		recall = float64(tp) / float64(tp+fn)
	}
	t.Logf("hand-checked: %d documents, %d agree, %d differ %v", len(docs), len(docs)-len(bad), len(bad), bad)
	t.Logf("hand-checked: precision %.4f (%d/%d), recall %.4f (%d/%d)",
		precision, tp, tp+fp, recall, tp, tp+fn)
}
