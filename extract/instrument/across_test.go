package instrument

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// pageBreak builds a UN-style page break: footnote rule, footnotes,
// running header, job number and page counter.
func pageBreak(footnotes ...string) string {
	var b strings.Builder
	b.WriteString(" \n__________________ \n \n")
	for _, f := range footnotes {
		b.WriteString(f + " \n \n")
	}
	b.WriteString("A/RES/99/17 \nCooperation in an imaginary field\n \n99-12345 \n2/4 \n \n")
	return b.String()
}

var (
	ruleLine    = regexp.MustCompile(`(?m)^[ \t]*_{5,}[ \t]*$`)
	counterLine = regexp.MustCompile(`(?m)^[ \t]*\d{1,3}/\d{1,3}[ \t]*\n`)
)

// gapsOf returns the page breaks of text as gaps: from the footnote rule
// to the end of the page counter line. (The extractor knows its page
// furniture better; this is enough for tests.)
func gapsOf(text string) []Gap {
	var gaps []Gap
	rule, counter := ruleLine, counterLine
	for _, r := range rule.FindAllStringIndex(text, -1) {
		if len(gaps) > 0 && r[0] < gaps[len(gaps)-1].End {
			continue
		}
		c := counter.FindStringIndex(text[r[0]:])
		if c == nil || c[0] > 4000 {
			continue
		}
		gaps = append(gaps, Gap{r[0], r[0] + c[1]})
	}
	return gaps
}

func TestFindAcross(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"name across a break",
			"anniversaries of the adoption of the Durban Declaration and Programme" + pageBreak("1 See the Universal Declaration of Human Rights.") + "of Action, and their role, and the Charter",
			[]want{
				{"Durban Declaration and Programme" + pageBreak("1 See the Universal Declaration of Human Rights.") + "of Action", "A/CONF.189/12"},
				{"Universal Declaration of Human Rights", "A/RES/217(III)"},
				{"Charter", "UNTS/1/XVI"},
			}},
		{"second half alone would be another instrument",
			"Recalling the Protocol to Prevent, Suppress and" + pageBreak() + "Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime,",
			[]want{{"Protocol to Prevent, Suppress and" + pageBreak() + "Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime", "A/RES/55/25"}}},
		{"hyphen before the break",
			"the Treaty on the Non-" + pageBreak() + "Proliferation of Nuclear Weapons",
			[]want{{"Treaty on the Non-" + pageBreak() + "Proliferation of Nuclear Weapons", "UNTS/729/10485"}}},
		{"break between sentences changes nothing",
			"in accordance with the Charter of the United Nations." + pageBreak("2 Resolution 70/1.") + "Recalling the 2030 Agenda,",
			[]want{{"Charter of the United Nations", "UNTS/1/XVI"}, {"2030 Agenda", "A/RES/70/1"}}},
		{"name ending at the break",
			"in accordance with the Charter of the United Nations" + pageBreak() + "and international law",
			[]want{{"Charter of the United Nations", "UNTS/1/XVI"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := []byte(tt.text)
			gaps := gapsOf(tt.text)
			if len(gaps) == 0 {
				t.Fatal("fixture has no page break")
			}
			var got []want
			for _, m := range FindAcross(text, "", gaps) {
				got = append(got, want{tt.text[m.Start:m.End], m.Instrument.Target})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("FindAcross\n got %q\nwant %q", got, tt.want)
			}
			if plain := FindAcross(text, "", nil); len(plain) != len(Find(text)) {
				t.Errorf("FindAcross without gaps differs from Find")
			}
		})
	}
}

// Over the GA corpus, with page breaks found by the footnote rule and the
// page counter: every match of FindAcross that is not a match of Find spans
// a break, and spans stay ordered by start.
func TestFindAcrossCorpus(t *testing.T) {
	files := corpusFiles(t, "ga")
	names := make([]string, 0, len(files))
	for k := range files {
		names = append(names, k)
	}
	slices.Sort(names)
	var n int
	var sample bytes.Buffer
	for _, name := range names {
		text := files[name]
		gaps := gapsOf(string(text))
		plain := Find(text)
		for i, m := range FindAcross(text, "", gaps) {
			if m.End > len(text) || m.Start >= m.End {
				t.Fatalf("%s: bad span %+v", name, m)
			}
			if slices.Contains(plain, m) {
				continue
			}
			crosses := false
			for _, g := range gaps {
				if m.Start < g.Start && g.End <= m.End {
					crosses = true
				}
			}
			if !crosses {
				t.Errorf("%s: match %d %q is new but crosses no break", name, i, text[m.Start:m.End])
			}
			n++
			if n <= 15 {
				sample.WriteString(name + ": " + strings.Join(strings.Fields(string(text[m.Start:min(m.End, m.Start+60)])), " ") + " ... " + strings.Join(strings.Fields(string(text[max(m.Start, m.End-40):m.End])), " ") + "\n")
			}
		}
	}
	t.Logf("%d names across page breaks\n%s", n, sample.String())
}
