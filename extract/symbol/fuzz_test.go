package symbol

import (
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"A/RES/70/1", "A/RES/217 A (III)", "S/RES/1325 (2000)", "A/CONF.157/24 (Part I)",
	"E/CN.4/2001/2-E/CN.4/Sub.2/2000/46", "NPT/CONF.2000/28 (Parts I and II)/Corr.1",
	"A/79/\n458/Add.2", "UNEP/EA.5/Res.14", "ICCD/COP(15)/23", "A/80/6 (Sect. 3)/Add.5",
	"S/ 13450/Add. 1", "TD/B/C.I/50", "A/RES/3362 (S-VII)", "GC(69)/RES/15", "2/4",
	"HIV/AIDS7", "A/ES-10/L.30/Rev.1.", "NPT/CONF.2010/50 (Vol. I)), part I",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := Parse(in)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "symbol: ") {
				t.Fatalf("Parse(%q) error %q does not name the package", in, err)
			}
			return
		}
		c := s.String()
		s2, err := Parse(c)
		if err != nil {
			t.Fatalf("Parse(%q) = %q, which does not parse: %v", in, c, err)
		}
		if s2.String() != c {
			t.Fatalf("Parse(%q) = %q, Parse(%q) = %q", in, c, c, s2.String())
		}
		if s2.Body() != s.Body() || s2.IsResolution() != s.IsResolution() || s2.IsDecision() != s.IsDecision() {
			t.Fatalf("%q and its canonical form %q differ in body or type", in, c)
		}
		if Match(c) != len(c) {
			t.Fatalf("Match(%q) = %d, want all %d bytes", c, Match(c), len(c))
		}
		_ = s.Series() + s.Type() + s.Session() + s.Number() + s.Qualifier() + s.Base().String() + s.Key()
	})
}

func FuzzMatch(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
		f.Add("see " + s + ", para. 9.")
	}
	f.Fuzz(func(t *testing.T, text string) {
		n := Match(text)
		if n < 0 || n > len(text) {
			t.Fatalf("Match(%q) = %d, out of range", text, n)
		}
		if n == 0 {
			return
		}
		m := text[:n]
		if Match(m) != n {
			t.Fatalf("Match(%q) = %d, but Match of that prefix %q = %d", text, n, m, Match(m))
		}
		s, err := Parse(m)
		if err != nil {
			t.Fatalf("Match(%q) = %q, which does not parse: %v", text, m, err)
		}
		if c := s.String(); Match(c) != len(c) {
			t.Fatalf("canonical %q of match %q does not match whole", c, m)
		}
	})
}
