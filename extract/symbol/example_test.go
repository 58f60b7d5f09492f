package symbol_test

import (
	"fmt"

	"github.com/citegraph/citegraph/extract/symbol"
)

func ExampleParse() {
	for _, in := range []string{"A/CONF.157/24 (Part I)", "A/RES/217 A (III)", "S/RES/1325 (2000)", "E/CN.4/Sub.2/2000/46"} {
		s, err := symbol.Parse(in)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s body=%s series=%s session=%s number=%s part=%q\n",
			s, s.Body(), s.Series(), s.Session(), s.Number(), s.Part)
	}
	_, err := symbol.Parse("GC(69)/RES/15")
	fmt.Println(err)
	// Output:
	// A/CONF.157/24(PartI) body=CONF series=A/CONF.157 session= number=24 part=""
	// A/RES/217(III) body=GA series=A session=III number=217 part="A"
	// S/RES/1325(2000) body=SC series=S session=2000 number=1325 part=""
	// E/CN.4/Sub.2/2000/46 body=SUBCOM series=E/CN.4/Sub.2 session=2000 number=46 part=""
	// symbol: "GC(69)/RES/15": "GC" is not followed by '/': a UN document symbol has at least two components (A/RES/70/1)
}

func ExampleMatch() {
	text := "see S/2023/123. and E/CN.4/2001/2-E/CN.4/Sub.2/2000/46"
	fmt.Printf("%q\n", text[4:4+symbol.Match(text[4:])])
	fmt.Printf("%q\n", text[20:20+symbol.Match(text[20:])])
	// Output:
	// "S/2023/123"
	// "E/CN.4/2001/2"
}

func ExampleBodyName() {
	s, _ := symbol.Parse("E/CN.6/RES/56/2")
	fmt.Println(s.Body(), symbol.BodyName(s.Body()), s.IsResolution())
	// Output:
	// CSW Commission on the Status of Women true
}

func ExampleSymbol_Base() {
	s, _ := symbol.Parse("NPT/CONF.1995/32 (Part I)/Corr.2")
	fmt.Println(s, s.Base(), s.Qualifier(), s.Key())
	for _, m := range s.Modifiers {
		fmt.Printf("%s %s qualifier=%v\n", m.Kind, m.Value, m.IsQualifier())
	}
	// Output:
	// NPT/CONF.1995/32(PartI)/Corr.2 NPT/CONF.1995/32 (PartI) NPT/CONF.1995/32(PARTI)/CORR.2
	// Part I qualifier=true
	// Corr 2 qualifier=false
}
