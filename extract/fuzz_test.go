package extract

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/extract/symbol"
)

// FuzzExtract: no panic, spans hold their raw text, and every target that
// is a document symbol re-parses to itself.
func FuzzExtract(f *testing.F) {
	if src, err := os.ReadFile(filepath.Join("..", "testdata", "A_RES_79_166.md")); err == nil {
		f.Add(src)
	}
	for _, s := range []string{
		gaDoc("Recalling its resolutions 66/3 and 76/1, Human Rights Council resolution 56/2 of 10 July 20243"),
		gaDoc("Noting A/78/40 and Corr.1 and E/CN.4/2001/2-E/CN.4/Sub.2/2000/46,\n______\n\n3 Ibid., vol. 606, No. 8791.\n"),
		scDoc("Reaffirming its resolutions 812 (1993) of 12 March 1993 and 846\n(1993) of 22 June 1993,"),
		"resolution", "resolutions 217 A (", "Treaty Series, vols. 1, No. 3–", "[^1]: Ibid.", "¹ Ibid., vol.",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Extract("fuzz.txt", src)
		if err != nil {
			if len(src) > 0 && utf8.Valid(src) && !containsNUL(src) {
				t.Fatalf("valid text rejected: %v", err)
			}
			return
		}
		for _, r := range d.References {
			if r.Start < 0 || r.End > len(src) || r.Start > r.End || string(src[r.Start:r.End]) != r.Raw {
				t.Fatalf("span [%d,%d) does not hold %q", r.Start, r.End, r.Raw)
			}
			switch r.Kind {
			case KindTreatySeries, KindInstrument:
				continue
			}
			s, err := symbol.Parse(r.Target)
			if err != nil {
				t.Fatalf("target %q (raw %q) does not parse: %v", r.Target, r.Raw, err)
			}
			if s.String() != r.Target {
				t.Fatalf("target %q re-parses as %q", r.Target, s.String())
			}
		}
	})
}

func containsNUL(b []byte) bool {
	for _, c := range b[:min(len(b), 8000)] {
		if c == 0 {
			return true
		}
	}
	return false
}
