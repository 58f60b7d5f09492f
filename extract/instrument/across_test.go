package instrument

import (
	"bytes"
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

// gapsOf returns the page breaks of text as gaps: from a footnote rule
// line (five or more underscores) to the end of the page counter line
// ("2/4") within the next 4,000 bytes. (The extractor knows its page
// furniture better; this is enough for tests.)
func gapsOf(text string) []Gap {
	var gaps []Gap
	for i := 0; i < len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		if isRule(text[i:end]) {
			for j := end + 1; j < len(text) && j < i+4000; {
				e := strings.IndexByte(text[j:], '\n')
				if e < 0 {
					break
				}
				if isCounter(text[j : j+e]) {
					gaps = append(gaps, Gap{i, j + e + 1})
					end = j + e
					break
				}
				j += e + 1
			}
		}
		i = end + 1
	}
	return gaps
}

func isRule(line string) bool {
	line = strings.Trim(line, " \t\r")
	return len(line) >= 5 && strings.Trim(line, "_") == ""
}

func isCounter(line string) bool {
	a, b, ok := strings.Cut(strings.Trim(line, " \t\r"), "/")
	return ok && allDigits(a) && allDigits(b)
}

func allDigits(s string) bool {
	if s == "" || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
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
		{"comma before the break",
			"Recalling the International Covenant on Economic," + pageBreak() + "Social and Cultural Rights,",
			[]want{{"International Covenant on Economic," + pageBreak() + "Social and Cultural Rights", "A/RES/2200(XXI)"}}},
		{"capitalised word of a name before the break",
			"the Convention on the Rights Of" + pageBreak() + "the Child",
			[]want{{"Convention on the Rights Of" + pageBreak() + "the Child", "A/RES/44/25"}}},
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

// mayCross lets FindAcross skip a break only where no name can go on
// across it.
func TestMayCross(t *testing.T) {
	for _, tt := range []struct {
		before string
		want   bool
	}{
		{"the Durban Declaration and", true},    // two words of a name
		{"the International Covenant on", true}, // "covenant on"
		{"on Economic,", true},                  // "on economic,"
		{"the Rights Of", true},                 // capitalised in a heading
		{"recalling the Universal", true},       // the first word of a name
		{"and the (Protocol", true},             // a name begins inside a word
		{"reports of the", true},                // "of the" is in many names
		{"the Non-", true},                      // a hyphen may break a name
		{"the \u201cCharter\u201d", true},       // other runes: cannot tell
		{"the work of the Council,", false},     // no name has "the council,"
		{"for sustainable development.", false}, // nor "development."
		{"poverty;", false},
		{"peacebuilding", false},
		{"the extraordinarilylongwordthatnonamehasinit", false},
		{"", true},
	} {
		text := []byte(tt.before + " \n" + pageBreak())
		if got := defaultMatcher.cross.mayCross(text, len(tt.before)+2); got != tt.want {
			t.Errorf("mayCross after %q = %v, want %v", tt.before, got, tt.want)
		}
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
