package extract_test

import (
	"fmt"

	"github.com/citegraph/citegraph/extract"
)

func ExampleExtract() {
	text := `United Nations
A/RES/79/166

79/166. Enhancement of international cooperation in the field of human rights

The General Assembly,

Recalling its resolution 78/199 of 19 December 2023, Human Rights Council
resolution 56/2 of 10 July 20243 and the resolutions of the Commission,
__________________

3 See Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 53
(A/79/53), chap. V, sect. A.
`
	d, err := extract.Extract("A_RES_79_166.txt", []byte(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Symbol, d.Body)
	for _, r := range d.References {
		fmt.Printf("%s %q %s %s footnote=%d pinpoint=%q\n", r.Target, r.Raw, r.Paragraph, r.Relation, r.Footnote, r.Pinpoint)
	}
	// Output:
	// A/RES/79/166 GA
	// A/RES/78/199 "resolution 78/199" PP1 recalling footnote=0 pinpoint=""
	// A/HRC/RES/56/2 "resolution 56/2" PP1 recalling footnote=0 pinpoint=""
	// A/79/53 "A/79/53" FN3 recalling footnote=3 pinpoint="chap. V, sect. A"
}
