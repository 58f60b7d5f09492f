package instrument

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract/symbol"
)

// want is one expected match: the raw text and the target.
type want struct{ raw, target string }

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"charter full", "Guided by the purposes and principles of the Charter of the United Nations,",
			[]want{{"Charter of the United Nations", "UNTS/1/XVI"}}},
		{"charter across a line break", "in accordance with the Charter of the\nUnited Nations and",
			[]want{{"Charter of the\nUnited Nations", "UNTS/1/XVI"}}},
		{"charter no-break space", "Charter of the\u00a0United Nations",
			[]want{{"Charter of the\u00a0United Nations", "UNTS/1/XVI"}}},
		{"bare charter", "Acting under Chapter VII of the Charter, decides",
			[]want{{"Charter", "UNTS/1/XVI"}}},
		{"bare charter possessive", "the Charter’s purposes", []want{{"Charter", "UNTS/1/XVI"}}},
		{"united nations charter", "the United Nations Charter", []want{{"United Nations Charter", "UNTS/1/XVI"}}},
		{"other charters", "the Charter of the Organization of American States, the African Charter on Human and Peoples’ Rights, the present Charter, the Charter of Paris for a New Europe, its Charter", nil},
		{"another charter named before", "the Charter of the Nuremberg Tribunal and the Judgment of the Tribunal, which recognized as criminal certain organizations, and other relevant provisions of the Charter and the Judgment,", nil},
		{"the UN Charter named before", "the Charter of the United Nations, and Article 2 of the Charter and the United Nations Charter, and the Charter",
			[]want{{"Charter of the United Nations", "UNTS/1/XVI"}, {"Charter", "UNTS/1/XVI"}, {"United Nations Charter", "UNTS/1/XVI"}, {"Charter", "UNTS/1/XVI"}}},
		{"charter followed by for the and on", "responsibility under the Charter for the maintenance of peace and of Article 73 b of the Charter on efforts to promote, and of the said Charter, Article 2 of the Charter,",
			[]want{{"Charter", "UNTS/1/XVI"}, {"Charter", "UNTS/1/XVI"}, {"Charter", "UNTS/1/XVI"}}},
		{"charter for a new europe", "the Charter for a New Europe", nil},
		{"charter of economic rights", "the Charter of Economic Rights and Duties of States",
			[]want{{"Charter of Economic Rights and Duties of States", "A/RES/3281(XXIX)"}}},
		{"vienna declaration broken", "relevant provisions of the Vienna Declaration and\n \nProgramme  of Action adopted by",
			[]want{{"Vienna Declaration and\n \nProgramme  of Action", "A/CONF.157/23"}}},
		{"vienna convention is not the declaration", "the Vienna Convention on the Law of Treaties, the Vienna Convention on Diplomatic Relations",
			[]want{{"Vienna Convention on the Law of Treaties", "UNTS/1155/18232"}, {"Vienna Convention on Diplomatic Relations", "UNTS/500/7310"}}},
		{"vienna convention of 1986", "the Vienna Convention on the Law of Treaties between States and International Organizations or between International Organizations", nil},
		{"durban inside a longer phrase", "anniversaries of the adoption of the Durban Declaration and Programme of Action, and",
			[]want{{"Durban Declaration and Programme of Action", "A/CONF.189/12"}}},
		{"covenants are ambiguous", "the Covenants and the Convention", nil},
		{"both covenants", "the International Covenant on Economic, Social and Cultural Rights and the International Covenant on Civil and\nPolitical Rights,4",
			[]want{{"International Covenant on Economic, Social and Cultural Rights", "A/RES/2200(XXI)"}, {"International Covenant on Civil and\nPolitical Rights", "A/RES/2200(XXI)"}}},
		{"second optional protocol, longest", "the Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the abolition of the death penalty,",
			[]want{{"Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the abolition of the death penalty", "A/RES/44/128"}}},
		{"optional protocol before the convention", "the Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
			[]want{{"Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment", "A/RES/57/199"}}},
		{"footnote markers glued", "the Universal Declaration of Human Rights,1 the Universal Declaration of Human Rights2 and",
			[]want{{"Universal Declaration of Human Rights", "A/RES/217(III)"}, {"Universal Declaration of Human Rights", "A/RES/217(III)"}}},
		{"line-end hyphenation", "Reaffirming the Universal Declaration of Hu-\nman Rights and the Vienna Declaration and Pro-\n  gramme of Action",
			[]want{{"Universal Declaration of Hu-\nman Rights", "A/RES/217(III)"}, {"Vienna Declaration and Pro-\n  gramme of Action", "A/CONF.157/23"}}},
		{"soft hyphen", "the Univer\u00adsal Declaration of Human Rights", []want{{"Univer\u00adsal Declaration of Human Rights", "A/RES/217(III)"}}},
		{"hyphen of the name at a line end", "the Treaty on the Non-\nProliferation of Nuclear Weapons and",
			[]want{{"Treaty on the Non-\nProliferation of Nuclear Weapons", "UNTS/729/10485"}}},
		{"dash of the name at a line end", "the Sendai Framework for Disaster Risk Reduction 2015–\n2030,5",
			[]want{{"Sendai Framework for Disaster Risk Reduction 2015–\n2030", "A/RES/69/283"}}},
		{"hyphen for dash", "Sendai Framework for Disaster Risk Reduction 2015-2030;",
			[]want{{"Sendai Framework for Disaster Risk Reduction 2015-2030", "A/RES/69/283"}}},
		{"2030 agenda title", "entitled “Transforming our world: the 2030 Agenda for Sustainable Development”, and the 2030 Agenda",
			[]want{{"Transforming our world: the 2030 Agenda for Sustainable Development", "A/RES/70/1"}, {"2030 Agenda", "A/RES/70/1"}}},
		{"title case of small words", "TRANSFORMING OUR WORLD and Transforming Our World: The 2030 Agenda for Sustainable Development",
			[]want{{"Transforming Our World: The 2030 Agenda for Sustainable Development", "A/RES/70/1"}}},
		{"all capitals do not match", "UNIVERSAL DECLARATION OF HUMAN RIGHTS", nil},
		{"lower case does not match", "a universal declaration of human rights and the paris agreement", nil},
		{"quoted title", "the outcome document entitled “The future we want”,", []want{{"The future we want", "A/RES/66/288"}}},
		{"unquoted title is prose", "The future we want is green.", nil},
		{"letters after a name", "the Paris Agreements on Cambodia and the Paris Agreement,", []want{{"Paris Agreement", "FCCC/CP/2015/10/Add.1"}}},
		{"letters before a name", "xUniversal Declaration of Human Rights", nil},
		{"capitalised continuation", "the Convention against Torture Initiative and the Sendai Framework Monitor", nil},
		{"running header after a name", "Linguistic Minorities and the Universal Declaration of Human Rights \nA/RES/80/199\n \n3/9",
			[]want{{"Universal Declaration of Human Rights", "A/RES/217(III)"}}},
		{"capitalised word ending a sentence", "the Convention against Torture Initiative. Then", nil},
		{"capitalised word after a blank line", "Charter of the United Nations\n \n \nA/RES/80/1", []want{{"Charter of the United Nations", "UNTS/1/XVI"}}},
		{"short name continued", "the Universal Declaration on Cultural Diversity and the Vienna Programme of Action on Science and Technology for Development", nil},
		{"short name with a date", "the Millennium Declaration on 8 September 2000 and the United Nations Millennium Declaration on the occasion",
			[]want{{"Millennium Declaration", "A/RES/55/2"}, {"United Nations Millennium Declaration", "A/RES/55/2"}}},
		{"leftmost longest", "the United Nations Convention against Corruption and the Convention against Corruption",
			[]want{{"United Nations Convention against Corruption", "A/RES/58/4"}, {"Convention against Corruption", "A/RES/58/4"}}},
		{"regional near-misses", "the Inter-American Convention against Corruption, the American Declaration on the Rights of Indigenous Peoples",
			nil},
		{"indigenous peoples", "the United Nations Declaration on the Rights of Indigenous Peoples8",
			[]want{{"United Nations Declaration on the Rights of Indigenous Peoples", "A/RES/61/295"}}},
		{"acronyms", "the NPT and NPT/CONF.2020/1 and the UNFCCC secretariat (UNFCCC)",
			[]want{{"NPT", "UNTS/729/10485"}, {"UNFCCC", "UNTS/1771/30822"}, {"UNFCCC", "UNTS/1771/30822"}}},
		{"paris principles near-miss", "the Paris Principles and Guidelines on Children Associated with Armed Forces or Armed Groups and the Paris Principles",
			[]want{{"Paris Principles", "A/RES/48/134"}}},
		{"refugees", "the 1951 Convention relating to the Status of Refugees and the 1967 Protocol relating to the Status of Refugees",
			[]want{{"Convention relating to the Status of Refugees", "UNTS/189/2545"}, {"1967 Protocol relating to the Status of Refugees", "UNTS/606/8791"}}},
		{"refugees in lower case", "the 1967 Protocol relating to the status of refugees and the Protocol relating to the Status of Refugees",
			[]want{{"1967 Protocol relating to the status of refugees", "UNTS/606/8791"}, {"Protocol relating to the Status of Refugees", "UNTS/606/8791"}}},
		{"name beginning in lower case", "provisions of the outcome document of the Durban Review Conference, and the\nOutcome Document of the\nDurban Review Conference; the Durban Review Conference, held in Geneva",
			[]want{{"outcome document of the Durban Review Conference", "A/CONF.211/8"}, {"Outcome Document of the\nDurban Review Conference", "A/CONF.211/8"}}},
		{"sequence in order", "Recalling the Beijing Declaration and Platform for Action, the Programme of Action of the International Conference on Population and Development and the Addis Ababa Action Agenda,",
			[]want{{"Beijing Declaration and Platform for Action", "A/CONF.177/20"}, {"Programme of Action of the International Conference on Population and Development", "A/CONF.171/13"}, {"Addis Ababa Action Agenda", "A/RES/69/313"}}},
		{"empty", "", nil},
		{"name at the very end", "Charter", nil},
		{"bare charter at the end", "the Charter", []want{{"Charter", "UNTS/1/XVI"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := []byte(tt.text)
			ms := Find(text)
			checkSpans(t, text, ms)
			var got []want
			for _, m := range ms {
				got = append(got, want{tt.text[m.Start:m.End], m.Instrument.Target})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestFindBare(t *testing.T) {
	ms := Find([]byte("the Charter and the Charter of the United Nations"))
	if len(ms) != 2 || !ms[0].Bare || ms[1].Bare {
		t.Fatalf("got %+v, want a bare then a full Charter", ms)
	}
}

func TestFindAsOf(t *testing.T) {
	text := []byte("the Paris Agreement and the Charter of the United Nations")
	if got := FindAsOf(text, "1993-05-01"); len(got) != 1 || got[0].Instrument.Target != "UNTS/1/XVI" {
		t.Errorf("FindAsOf 1993: got %+v, want the Charter only", got)
	}
	if got := FindAsOf(text, "2024-01-01"); len(got) != 2 {
		t.Errorf("FindAsOf 2024: got %+v, want both", got)
	}
	future := []byte("the adoption of the new Programme of Action for Landlocked Developing Countries for the Decade 2024–2034")
	if got := FindAsOf(future, "2024-12-19"); len(got) != 0 {
		t.Errorf("FindAsOf five days before the adopting resolution: got %+v, want nothing", got)
	}
	if got := FindAsOf(future, "2024"); len(got) != 1 {
		t.Errorf("FindAsOf with a year: got %+v, want the programme", got)
	}
	if got := FindAsOf(text, ""); len(got) != 2 {
		t.Errorf("FindAsOf no date: got %+v, want both", got)
	}
}

// Every name and alias of the catalogue is found in a sentence of its own,
// as its own instrument: no row shadows another.
func TestFindEveryForm(t *testing.T) {
	for _, in := range catalogue {
		for _, name := range append([]string{in.Name}, in.Aliases...) {
			text := "Recalling the " + name + ", and"
			if strings.HasPrefix(name, "The ") {
				text = "Recalling “" + name + "”, and"
			}
			ms := Find([]byte(text))
			if len(ms) != 1 || text[ms[0].Start:ms[0].End] != name || ms[0].Instrument.Name != in.Name {
				t.Errorf("%q: got %+v", text, ms)
			}
		}
	}
}

func TestCatalogue(t *testing.T) {
	if len(catalogue) < 40 {
		t.Fatalf("%d instruments, want at least 40", len(catalogue))
	}
	all := All()
	if !slices.IsSortedFunc(all, func(a, b Instrument) int { return strings.Compare(a.Name, b.Name) }) {
		t.Error("All is not sorted by Name")
	}
	names := map[string]string{}
	for _, in := range all {
		for _, n := range append([]string{in.Name}, in.Aliases...) {
			k := norm(n)
			if prev, ok := names[k]; ok {
				t.Errorf("%q names both %s and %s", n, prev, in.Name)
			}
			names[k] = in.Name
			for i := 0; i < len(k); i++ {
				if k[i] >= 0x80 {
					t.Errorf("%q: non-ASCII after normalisation; the matcher compares ASCII", n)
					break
				}
			}
		}
	}
	// The must-haves, by target.
	for _, target := range []string{
		"UNTS/1/XVI", "A/RES/217(III)", "A/CONF.157/23", "A/CONF.189/12", "A/RES/70/1", "A/RES/55/2",
		"A/RES/2200(XXI)", "A/RES/2106(XX)", "A/RES/34/180", "A/RES/39/46", "A/RES/44/25", "A/RES/61/106",
		"A/RES/45/158", "A/RES/61/177", "A/RES/260(III)", "UNTS/189/2545", "UNTS/606/8791", "A/CONF.177/20",
		"A/RES/41/128", "A/RES/61/295", "A/RES/69/283", "A/RES/69/313", "FCCC/CP/2015/10/Add.1",
		"UNTS/2187/38544", "UNTS/1833/31363", "UNTS/1155/18232", "A/RES/1514(XV)", "A/RES/2625(XXV)",
		"A/RES/53/243", "A/RES/53/144", "A/RES/71/1", "A/RES/73/195", "A/RES/73/151", "A/RES/79/1",
		"A/CONF.198/11", "A/CONF.199/20", "A/RES/66/288", "A/RES/71/256", "A/RES/58/4", "A/RES/55/25",
		"A/RES/67/234", "UNTS/729/10485", "UNTS/1974/33757",
	} {
		if _, ok := Lookup(target); !ok {
			t.Errorf("Lookup(%q): missing", target)
		}
	}
	if in, ok := Lookup("a/res/217 (III)"); !ok || in.Name != "Universal Declaration of Human Rights" {
		t.Errorf("Lookup ignores case and spaces: got %+v, %v", in, ok)
	}
	if in, _ := Lookup("A/RES/2200(XXI)"); in.Name != "International Covenant on Civil and Political Rights" {
		t.Errorf("Lookup(2200 (XXI)) = %q, want the ICCPR first", in.Name)
	}
	if got := ByTarget("A/RES/2200(XXI)"); len(got) != 4 {
		t.Errorf("ByTarget(2200 (XXI)): %d instruments, want the two Covenants, the Covenants together and the Optional Protocol", len(got))
	}
	if got := ByTreatySeries("UNTS/1249/20378"); len(got) != 1 || got[0].Target != "A/RES/34/180" {
		t.Errorf("ByTreatySeries(CEDAW) = %+v", got)
	}
	if _, ok := Lookup("A/RES/1/1"); ok {
		t.Error("Lookup(A/RES/1/1): found, want nothing")
	}
}

var untsPlace = regexp.MustCompile(`^UNTS/[0-9]+/([0-9]+|[IVXLC]+)$`)

// Every target and Treaty Series entry is a UN symbol the symbol parser
// reads back unchanged with the same issuing body, or a Treaty Series
// place.
func TestTargetsParse(t *testing.T) {
	for _, in := range catalogue {
		for _, s := range []string{in.Target, in.TreatySeries} {
			if s == "" {
				continue
			}
			if untsPlace.MatchString(s) {
				if s == in.Target && in.Body != "UNTS" {
					t.Errorf("%s: body %s, want UNTS", s, in.Body)
				}
				if sym, err := symbol.Parse(s); err == nil && sym.String() != s {
					t.Errorf("%s: symbol.Parse gives %s", s, sym)
				}
				continue
			}
			sym, err := symbol.Parse(s)
			if err != nil {
				t.Errorf("%s (%s): %v", s, in.Name, err)
				continue
			}
			if sym.String() != s {
				t.Errorf("%s: canonical form %s; write the target canonically", s, sym)
			}
			if s == in.Target && sym.Body() != in.Body {
				t.Errorf("%s: body %s, symbol says %s", s, in.Body, sym.Body())
			}
		}
	}
}

func TestParseTSVErrors(t *testing.T) {
	head := strings.Join(columns, "\t") + "\n"
	for _, bad := range []string{
		"",
		"target\tname\n",
		head + "A/RES/1/1\tX\n",
		head + "A/RES/1/1\tX\t\t1946-13-01\tGA\tsrc\t\n",
		head + "A/RES/1/1\tX\t\t1946-01-24\tXX\tsrc\t\n",
		head + "A/RES/1/1\tX\t\t1946-01-24\tGA\t\t\n",
		head + "A/RES 1/1\tX\t\t1946-01-24\tGA\tsrc\t\n",
		head + "A/RES/1/1\tX\t\t1946-01-24\tGA\tsrc\tvol. 1\n",
	} {
		if _, err := parseTSV(bad); err == nil || !strings.HasPrefix(err.Error(), "instrument: ") {
			t.Errorf("parseTSV(%q): err = %v, want an instrument: error", bad, err)
		}
	}
	got, err := parseTSV(head + "A/RES/1/1\tX\t a | b \t1946-01-24\tGA\tsrc\t\n")
	if err != nil || len(got) != 1 || !slices.Equal(got[0].Aliases, []string{"a", "b"}) {
		t.Errorf("parseTSV good row: %+v, %v", got, err)
	}
}
