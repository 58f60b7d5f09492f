package input_test

import (
	"errors"
	"fmt"

	"github.com/citegraph/citegraph/extract/input"
)

// An HTML page with a footnote becomes text with a Markdown footnote, which
// the extractor links to its marker.
func ExampleDecode() {
	page := `<html><body>
<p>Recalling its resolution 78/199 of 19 December 2023,<sup><a href="#fn1">1</a></sup></p>
<ol class="footnotes"><li id="fn1">See also A/79/53.</li></ol>
</body></html>`
	text, err := input.Decode("page.html", []byte(page))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(text))
	// Output:
	// Recalling its resolution 78/199 of 19 December 2023,[^1]
	//
	// [^1]: See also A/79/53.
}

// Errors name the file and say what to do; errors.Is tells them apart.
func ExampleDecode_errors() {
	_, err := input.Decode("minutes.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1..."))
	fmt.Println(err)
	fmt.Println(errors.Is(err, input.ErrLegacyDoc))
	// Output:
	// input: minutes.doc is a legacy Word file; save it as .docx or PDF and run again
	// true
}
