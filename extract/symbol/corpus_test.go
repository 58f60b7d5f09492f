package symbol

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract/corpus/corpustest"
)

// candidates calls f at every candidate position of text, as Match's
// documentation asks: an upper-case letter that does not continue a token.
func candidates(text string, f func(i, n int)) {
	for i := 0; i < len(text); i++ {
		if !isUpper(text[i]) || i > 0 && continuesToken(text[i-1]) {
			continue
		}
		if n := Match(text[i:]); n > 0 {
			f(i, n)
			i += n - 1
		}
	}
}

// TestCorpusMatches checks, over the raw GA texts and the SC texts, that
// every Match at a candidate position parses and round-trips.
func TestCorpusMatches(t *testing.T) {
	for _, sub := range []string{"ga", "sc"} {
		t.Run(sub, func(t *testing.T) {
			files := corpustest.Files(t, sub)
			matches := 0
			series := map[string]int{}
			for _, path := range files {
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				text := string(b)
				candidates(text, func(i, n int) {
					matches++
					s, err := Parse(text[i : i+n])
					if err != nil {
						t.Errorf("%s:%d: Match %q does not parse: %v", filepath.Base(path), i, text[i:i+n], err)
						return
					}
					if again, err := Parse(s.String()); err != nil || again.String() != s.String() {
						t.Errorf("%s:%d: %q does not round-trip: %q, %v", filepath.Base(path), i, s.String(), again.String(), err)
					}
					series[s.Components[0]]++
				})
			}
			if matches == 0 {
				t.Errorf("no symbol found in %d files", len(files))
			}
			keys := make([]string, 0, len(series))
			for k := range series {
				keys = append(keys, k)
			}
			sort.Slice(keys, func(a, b int) bool {
				if series[keys[a]] != series[keys[b]] {
					return series[keys[a]] > series[keys[b]]
				}
				return keys[a] < keys[b]
			})
			var top []string
			for _, k := range keys {
				top = append(top, k+":"+strconv.Itoa(series[k]))
			}
			t.Logf("%d files, %d matches; by series: %s", len(files), matches, strings.Join(top, " "))
		})
	}
}

// TestCorpusHeaders checks that the first line of each raw GA text that is
// a symbol and nothing else (the running page header) parses to the symbol
// the file name gives (A_RES_79_166.txt is A/RES/79/166).
func TestCorpusHeaders(t *testing.T) {
	files := corpustest.Files(t, "ga")
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.ReplaceAll(strings.TrimSuffix(filepath.Base(path), ".txt"), "_", "/")
		own, err := Parse(name)
		if err != nil {
			t.Errorf("file name %s: %v", name, err)
			continue
		}
		found := false
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || Match(line) != len(line) {
				continue
			}
			s, err := Parse(line)
			if err != nil {
				t.Errorf("%s: header %q: %v", name, line, err)
			} else if s.Key() != own.Key() {
				t.Errorf("%s: first symbol line %q parses to %s, want %s", filepath.Base(path), line, s, own)
			}
			found = true
			break
		}
		if !found {
			t.Errorf("%s: no line is a symbol", filepath.Base(path))
		}
	}
}

func continuesToken(c byte) bool {
	return isAlnum(c) || c == '/' || c == '.' || c == '-' || c == '_'
}
