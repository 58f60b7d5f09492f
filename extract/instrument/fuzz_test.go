package instrument

import (
	"testing"
	"unicode/utf8"
)

// FuzzFind: no panic; spans inside the text, non-empty, ordered and
// non-overlapping; each starts where its name can start (no letter or digit
// just before) and, when the text is valid UTF-8, on rune boundaries.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Guided by the Charter of the United Nations,",
		"the Vienna Declaration and\n \nProgramme of Action",
		"the Universal Declaration of Hu-\nman Rights2",
		"Sendai Framework for Disaster Risk Reduction 2015–\n2030",
		"the Charter",
		"“The future we want”",
		"NPT/CONF.2020/1 (NPT)",
		"Univer\u00adsal Declaration of Human Rights",
		"Charter of the\u00a0United Nations\xe2\x80",
		"the Convention against Torture Initiative",
		"C", "the", "-", "\xc2", "Pro-\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		ms := Find(text)
		checkSpans(t, text, ms)
		valid := utf8.Valid(text)
		for _, m := range ms {
			if b, _ := before(text, m.Start); isWordByte(b) {
				t.Fatalf("match [%d,%d) %q starts inside a word", m.Start, m.End, text[m.Start:m.End])
			}
			if valid && (!utf8.Valid(text[m.Start:m.End]) || !utf8.Valid(text[:m.Start])) {
				t.Fatalf("match [%d,%d) splits a rune", m.Start, m.End)
			}
			if m.End-m.Start < 3 {
				t.Fatalf("match [%d,%d) %q shorter than any name", m.Start, m.End, text[m.Start:m.End])
			}
		}
		// Dropping instruments by date only removes matches.
		if len(FindAsOf(text, "1900-01-01")) > len(ms) {
			t.Fatal("FindAsOf found more than Find")
		}
	})
}

// FuzzFindAcross: no panic; spans inside the text and sorted by start; a
// match overlaps another only by lying inside a gap the other encloses.
func FuzzFindAcross(f *testing.F) {
	f.Add([]byte("the Durban Declaration and Programme \n_____ \n1 See the Universal Declaration of Human Rights.\n2/4 \nof Action"))
	f.Add([]byte("the Charter of the\n______\n3/9\nUnited Nations"))
	f.Fuzz(func(t *testing.T, text []byte) {
		gaps := gapsOf(string(text))
		ms := FindAcross(text, "", gaps)
		for i, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || m.Instrument == nil {
				t.Fatalf("bad match %+v in %d bytes", m, len(text))
			}
			if i > 0 && ms[i-1].Start > m.Start {
				t.Fatalf("matches out of order: %+v then %+v", ms[i-1], m)
			}
			for _, o := range ms[:i] {
				if o.End <= m.Start || m.End <= o.Start {
					continue
				}
				inside := false
				for _, g := range gaps {
					if g.Start >= o.Start && g.End <= o.End && m.Start >= g.Start && m.End <= g.End {
						inside = true
					}
				}
				if !inside {
					t.Fatalf("%+v overlaps %+v outside a gap", m, o)
				}
			}
		}
	})
}
