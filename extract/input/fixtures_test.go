package input

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated fixtures and golden files in testdata/")

// fixturePages is a two-page resolution in the layout of the official
// PDFs: a running header with the document's symbol, a page counter, a job
// number, raised footnote markers (one glued to a year), page-bottom
// footnotes after a line of underscores, and a compound word hyphenated
// across two lines. The wording is our own.
var fixturePages = []string{
	pdfPage(
		"@72,800 United Nations",
		"@420,800 A/RES/99/7",
		"@72,770 General Assembly",
		"@420,770 Distr.: General",
		"@420,756 3 January 2026",
		"@72,730 25-00001 (E)",
		"",
		"Eighty-ninth session",
		"Agenda item 12",
		"",
		"Resolution adopted by the General Assembly on 22 December 2025",
		"",
		"99/7. Cooperation in the field of test documents",
		"",
		"The General Assembly,",
		"",
		"Recalling its resolution 70/1 of 25 September 2015 and Human Rights Council",
		"resolution 56/2 of 10 July 2024^1 on the same subject,",
		"",
		"Taking note of the report of the Secretary-General,^2",
		"",
		"1. Requests the Secretary-",
		"General to report on the matter at its next session;",
		"@72,120 __________________",
		"@72,104 #1 See Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 53",
		"#(A/79/53), chap. V.",
		"#2 A/79/120.",
	),
	pdfPage(
		"@72,800 A/RES/99/7",
		"@72,788 Cooperation in the field of test documents",
		"@72,770 2/2",
		"@480,770 25-00001",
		"",
		"2. Decides to remain seized of the matter, and recalls resolution 78/199.",
	),
}

// fixtures are the committed PDF files of testdata/ and how they are made.
var fixtures = map[string]func() []byte{
	"footnotes.pdf": func() []byte { return buildPDF(pdfSpec{pages: fixturePages}) },
	"encrypted.pdf": func() []byte { return buildPDF(pdfSpec{pages: fixturePages, password: "secret"}) },
	// encrypted with an empty user password: it opens without one
	"restricted.pdf": func() []byte { return buildPDF(pdfSpec{pages: fixturePages, ownerOnly: true}) },
	// an image, and a stamp of text too short to be a text layer
	"scanned.pdf": func() []byte {
		return buildPDF(pdfSpec{pages: []string{"q 400 0 0 560 100 140 cm /Im1 Do Q\nBT /F1 6 Tf 500 40 Td (p. 1) Tj ET\n"}, image: true})
	},
	// the first 60% of footnotes.pdf: a download cut short
	"truncated.pdf": func() []byte {
		b := buildPDF(pdfSpec{pages: fixturePages})
		return b[:len(b)*6/10]
	},
	// a PDF header and end marker around garbage
	"damaged.pdf": func() []byte {
		return []byte("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nthis is not a PDF body\n%%EOF\n")
	},
}

// TestFixtures checks that the committed fixtures are what the generator
// makes; -update rewrites them.
func TestFixtures(t *testing.T) {
	for name, make := range fixtures {
		want := make()
		p := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(p, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%v; run go test ./extract/input -run TestFixtures -update", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the generator makes; run go test ./extract/input -run TestFixtures -update", p)
		}
	}
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
