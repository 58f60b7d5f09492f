package instrument

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract/corpus/corpustest"
)

// corpusFiles returns the texts of one folder of the shared corpus by file
// name (corpustest.Read), skipping the test when the corpus is absent.
func corpusFiles(tb testing.TB, folder string) map[string][]byte {
	tb.Helper()
	names, texts := corpustest.Read(tb, folder)
	out := make(map[string][]byte, len(names))
	for i, n := range names {
		out[filepath.Base(n)] = texts[i]
	}
	return out
}

var dumpFile = flag.String("dump", "", "TestCorpus writes every match with its context, tab-separated, to this file")

// TestCorpus runs Find over the GA and SC corpora: spans are valid and
// ordered, every match is a name the catalogue knows, and the seed's three
// instruments come out of its raw text. With -v it lists the most frequent
// instruments and a random sample of matches in context for review.
func TestCorpus(t *testing.T) {
	counts := map[string]int{}
	type hit struct {
		file string
		ctx  string
		name string
	}
	var hits []hit
	var dump bytes.Buffer
	for _, folder := range []string{"ga", "sc"} {
		files := corpusFiles(t, folder)
		keys := make([]string, 0, len(files))
		for k := range files {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, name := range keys {
			text := files[name]
			ms := Find(text)
			checkSpans(t, text, ms)
			for _, m := range ms {
				counts[m.Instrument.Name]++
				lo, hi := max(0, m.Start-60), min(len(text), m.End+40)
				ctx := string(text[lo:m.Start]) + "[[" + string(text[m.Start:m.End]) + "]]" + string(text[m.End:hi])
				hits = append(hits, hit{folder + "/" + name, strings.Join(strings.Fields(ctx), " "), m.Instrument.Name})
				if *dumpFile != "" {
					fmt.Fprintf(&dump, "%s/%s\t%s\t%v\t%s\t%s\n", folder, name, m.Instrument.Target, m.Bare,
						strings.Join(strings.Fields(string(text[m.Start:m.End])), " "), hits[len(hits)-1].ctx)
				}
			}
		}
	}
	if *dumpFile != "" {
		if err := os.WriteFile(*dumpFile, dump.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The seed's raw text names the Charter, the Vienna Declaration and the
	// Durban Declaration (issue 2's must-hold list).
	seed := corpusFiles(t, "ga")["A_RES_79_166.txt"]
	var got []string
	for _, m := range Find(seed) {
		got = append(got, m.Instrument.Target)
	}
	for _, want := range []string{"UNTS/1/XVI", "A/CONF.157/23", "A/CONF.189/12", "A/RES/55/2"} {
		if !slices.Contains(got, want) {
			t.Errorf("A_RES_79_166.txt: no %s among %v", want, got)
		}
	}
	type kv struct {
		k string
		v int
	}
	var top []kv
	for k, v := range counts {
		top = append(top, kv{k, v})
	}
	sort.Slice(top, func(i, j int) bool { return top[i].v > top[j].v || top[i].v == top[j].v && top[i].k < top[j].k })
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d matches, %d instruments\n", len(hits), len(top))
	for i, e := range top {
		if i == 20 {
			break
		}
		fmt.Fprintf(&b, "%6d  %s\n", e.v, e.k)
	}
	r := rand.New(rand.NewPCG(2, 4))
	for range 20 {
		h := hits[r.IntN(len(hits))]
		fmt.Fprintf(&b, "%s: %s\n", h.file, h.ctx)
	}
	t.Log("\n" + b.String())
}

// checkSpans asserts that matches lie inside text, do not overlap, come in
// order and start and end on a name of their instrument's spelling.
func checkSpans(t testing.TB, text []byte, ms []Match) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("bad span [%d,%d) after %d in %d bytes", m.Start, m.End, prev, len(text))
		}
		if m.Instrument == nil {
			t.Fatalf("match [%d,%d) without instrument", m.Start, m.End)
		}
		prev = m.End
	}
}
