package instrument_test

import (
	"fmt"

	"github.com/citegraph/citegraph/extract/instrument"
)

func ExampleFind() {
	text := []byte("Reaffirming the purposes of the Charter, the Vienna Declaration and\n" +
		"Programme of Action1 and the 2030 Agenda, but not the Vienna Convention on the\nLaw of Treaties between States and International Organizations or between International Organizations,")
	for _, m := range instrument.Find(text) {
		fmt.Printf("%d-%d %q → %s\n", m.Start, m.End, text[m.Start:m.End], m.Instrument.Target)
	}
	// Output:
	// 32-39 "Charter" → UNTS/1/XVI
	// 45-87 "Vienna Declaration and\nProgramme of Action" → A/CONF.157/23
	// 97-108 "2030 Agenda" → A/RES/70/1
}

func ExampleLookup() {
	in, _ := instrument.Lookup("A/RES/217(III)")
	fmt.Println(in.Name, in.Date, in.Body)
	// Output:
	// Universal Declaration of Human Rights 1948-12-10 GA
}

func ExampleFindAcross() {
	text := []byte("the Durban Declaration and Programme\n" +
		"__________________\n1 See A/CONF.189/12, chap. I.\n" +
		"A/RES/99/17\n99-12345\n2/4\n" +
		"of Action")
	furniture := []instrument.Gap{{Start: 37, End: 111}} // footnote block, header, job number, counter
	for _, m := range instrument.FindAcross(text, "2024-12-17", furniture) {
		fmt.Printf("%d-%d %s\n", m.Start, m.End, m.Instrument.Target)
	}
	// Output:
	// 4-120 A/CONF.189/12
}
