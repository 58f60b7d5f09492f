package extract

import (
	"os"
	"path/filepath"
	"regexp"
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

// The hand-written readers below replace regular expressions on a hot
// path; the expressions stay here as their specification.
var (
	specOwnNum = regexp.MustCompile(`^\s*\**((?:ES-|S-)?\d{1,4}/\d{1,4})\.\**\s+(.*)$`)
	specReport = regexp.MustCompile(`^(A/|E/)\d{2,4}/(\d{2})(?:/|$|\()`)
)

// FuzzOwnNumber: ownNumber reads what specOwnNum matches, and only that.
func FuzzOwnNumber(f *testing.F) {
	for _, s := range []string{
		"79/166. Enhancement of international cooperation", "**79/166.** Title", "S-26/2. Declaration",
		"ES-11/1. Aggression", " \t79/1.  Title", "79/166.", "79/166.Title", "12345/1. Title", "1/12345. T",
		"79/166. Title\nmore", "79/166.\n Title", "E-11/1. T", "79/166 . Title", "79/166.**\u00a0Title", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		num, rest, ok := ownNumber(s)
		m := specOwnNum.FindStringSubmatch(s)
		if ok != (m != nil) || ok && (num != m[1] || rest != m[2]) {
			t.Fatalf("ownNumber(%q) = %q, %q, %v; the expression gives %q", s, num, rest, ok, m)
		}
	})
}

// FuzzReportOf: reportOf reads what specReport matches, and only that.
func FuzzReportOf(f *testing.F) {
	for _, s := range []string{
		"A/79/53", "A/79/53/Add.1", "E/2015/27", "E/2015/27(SUPP)", "A/HRC/RES/56/2", "A/RES/70/1",
		"A/7/53", "A/12345/53", "A/79/531", "A/79/5", "E/2015/27x", "S/2015/27", "A/", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		organ, num, ok := reportOf(s)
		m := specReport.FindStringSubmatch(s)
		if ok != (m != nil) || ok && (organ != m[1] || num != m[2]) {
			t.Fatalf("reportOf(%q) = %q, %q, %v; the expression gives %q", s, organ, num, ok, m)
		}
	})
}
