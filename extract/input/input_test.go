package input

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/extract"
)

// makeZip writes an archive with the given parts, in the given order.
func makeZip(t testing.TB, parts ...[2]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p[1])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const wordHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>`

func wp(runs ...string) string {
	return "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>" + strings.Join(runs, "") + "</w:p>"
}
func wr(text string) string {
	return `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}
func wfn(id string) string {
	return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="` + id + `"/></w:r>`
}

// testDOCX is a small resolution whose footnotes have Word ids 5 and 2,
// referenced in that order (so numbered 1 and 2), with a deleted passage,
// a field code and an alternate-content fallback that must not be read.
func testDOCX(t testing.TB) []byte {
	doc := wordHead +
		wp(wr("The General Assembly,")) +
		wp(wr("Recalling its resolution 70/1 and Human Rights Council resolution 56/2 of 10 July 2024"), wfn("5"), wr(" on the same subject,")) +
		wp(`<w:del w:id="9"><w:r><w:delText>resolution 11/11</w:delText></w:r></w:del>`,
			`<w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r>`,
			wr("Taking note of the report of the Secretary"), `<w:r><w:noBreakHyphen/></w:r>`, wr("General,"), wfn("2")) +
		wp(`<mc:AlternateContent><mc:Choice><w:r><w:t>Chosen text.</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>Fallback text.</w:t></w:r></mc:Fallback></mc:AlternateContent>`) +
		wp() +
		`</w:body></w:document>`
	notes := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> A/79/120.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="5"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See Official Records of the General Assembly, Seventy-ninth Session,</w:t></w:r></w:p><w:p><w:r><w:t>Supplement No. 53 (A/79/53), chap. V.</w:t></w:r></w:p></w:footnote>
</w:footnotes>`
	return makeZip(t,
		[2]string{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		[2]string{"word/document.xml", doc},
		[2]string{"word/footnotes.xml", notes},
	)
}

func TestDOCXFootnotes(t *testing.T) {
	got, err := Decode("res.docx", testDOCX(t))
	if err != nil {
		t.Fatal(err)
	}
	want := `The General Assembly,

Recalling its resolution 70/1 and Human Rights Council resolution 56/2 of 10 July 2024[^1] on the same subject,

Taking note of the report of the Secretary-General,[^2]

Chosen text.

[^1]: See Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 53 (A/79/53), chap. V.
[^2]: A/79/120.
`
	if string(got) != want {
		t.Errorf("DOCX text:\n%s\nwant:\n%s", got, want)
	}
	checkLinked(t, "res.docx", got, map[string]int{"A/79/53": 1, "A/79/120": 2})
}

// checkLinked runs the extractor on text and checks that each target is
// found, inside footnote n.
func checkLinked(t *testing.T, name string, text []byte, want map[string]int) {
	t.Helper()
	doc, err := extract.Extract(name, text)
	if err != nil {
		t.Fatal(err)
	}
	for target, fn := range want {
		found := false
		for _, r := range doc.References {
			if r.Target == target && r.Footnote == fn {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no reference to %s in footnote %d; got %+v", name, target, fn, doc.References)
		}
	}
}

func TestHTMLFootnotes(t *testing.T) {
	body := `Recalling its resolution 70/1 and Human Rights Council resolution 56/2 of 10 July 2024`
	tests := []struct{ name, html string }{
		{"pandoc", `<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body>
<p>The General Assembly,</p>
<p>` + body + `<sup><a href="#fn1" class="footnote-ref" id="fnref1">1</a></sup> on the same subject,</p>
<p>Taking note of the report of the Secretary-General,<a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a></p>
<section class="footnotes" role="doc-endnotes"><hr><ol>
<li id="fn1"><p>See Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 53 (A/79/53), chap. V.<a href="#fnref1" class="footnote-back">↩︎</a></p></li>
<li id="fn2"><p>A/79/120.<a href="#fnref2" class="footnote-back">↩︎</a></p></li>
</ol></section></body></html>`},
		{"word", `<html><body><div class=WordSection1>
<p class=MsoNormal>The General Assembly,</p>
<p class=MsoNormal>` + body + `<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><span class=MsoFootnoteReference>[1]</span></span></span></a> on the same subject,</p>
<p class=MsoNormal>Taking note of the report of the Secretary-General,<a href="#_ftn2" name="_ftnref2"><span class=MsoFootnoteReference>[2]</span></a></p>
</div><div style='mso-element:footnote-list'><br clear=all><hr align=left size=1 width="33%">
<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> See Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 53 (A/79/53), chap. V.</p></div>
<div style='mso-element:footnote' id=ftn2><p class=MsoFootnoteText><a href="#_ftnref2" name="_ftn2"><span class=MsoFootnoteReference>[2]</span></a> A/79/120.</p></div>
</div></body></html>`},
		{"plain-sup", `<html><body><p>The General Assembly,</p><p>` + body + `<sup>1</sup> on the same
   subject,</p><p>Taking note of the report of the Secretary-General,<sup>2</sup></p>
<p>Members meet on the 2<sup>nd</sup> day.</p>
<div class="footnotes"><p id="footnote-1"><sup>1</sup> See Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 53 (A/79/53), chap. V.</p>
<p id="footnote-2"><sup>2</sup> A/79/120.</p></div><script>var x = "resolution 1/1";</script></body></html>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode("res.html", []byte(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			s := string(got)
			for _, want := range []string{
				"The General Assembly,\n\n",
				body + "[^1] on the same subject,\n",
				"Secretary-General,[^2]\n",
				"\n[^1]: See Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 53 (A/79/53), chap. V.\n",
				"\n[^2]: A/79/120.\n",
			} {
				if !strings.Contains(s, want) {
					t.Errorf("text lacks %q:\n%s", want, s)
				}
			}
			for _, bad := range []string{"resolution 1/1", "↩", "p{}", "[1]", "[2]"} {
				if strings.Contains(s, bad) {
					t.Errorf("text has %q:\n%s", bad, s)
				}
			}
			checkLinked(t, "res.html", got, map[string]int{"A/79/53": 1, "A/79/120": 2})
		})
	}
	// A superscript that is not a number stays text.
	got, _ := Decode("x.html", []byte(`<p>the 2<sup>nd</sup> day</p>`))
	if string(got) != "the 2nd day\n" {
		t.Errorf("got %q", got)
	}
}

func TestHTMLCharset(t *testing.T) {
	src := []byte("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 \x93resolution 70/1\x94</p></body></html>")
	got, err := Decode("latin.html", src)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Café “resolution 70/1”\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPDFFixture(t *testing.T) {
	got, err := Decode("testdata/footnotes.pdf", readFixture(t, "footnotes.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	// Encrypted with an empty user password (only an owner password to
	// restrict printing): it opens without a password and reads the same.
	restricted, err := Decode("testdata/restricted.pdf", readFixture(t, "restricted.pdf"))
	if err != nil || string(restricted) != string(got) {
		t.Errorf("restricted.pdf: %v; text equal to footnotes.pdf: %v", err, string(restricted) == string(got))
	}
	s := string(got)
	for _, want := range []string{
		"United Nations \nA/RES/99/7\n",                              // side-by-side header fields: two lines
		"resolution 56/2 of 10 July 20241 ",                          // raised marker glued, as in the corpus text
		"\n\nTaking note of the report of the Secretary-General,2\n", // blank line at the paragraph gap
		"1. Requests the Secretary-General\nto report",               // hyphenated compound joined
		"\n__________________\n\n1 See Official Records",             // footnotes after the underscores
		"\n2 A/79/120.\n",
		"\nA/RES/99/7\nCooperation in the field of test documents\n", // running header of page 2
	} {
		if !strings.Contains(s, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, s)
		}
	}
	// The same page, typed as the corpus's raw text, gives the same targets.
	doc, err := extract.Extract("A_RES_99_7.pdf", got)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"A/79/120", "A/79/53", "A/HRC/RES/56/2", "A/RES/70/1", "A/RES/78/199"}
	if got := doc.Targets(); !slices.Equal(got, want) {
		t.Errorf("targets = %q, want %q", got, want)
	}
	checkLinked(t, "A_RES_99_7.pdf", got, map[string]int{"A/79/53": 1, "A/79/120": 2})
}

func TestDecodeErrors(t *testing.T) {
	// A 1 MB deflate stream of a document.xml that expands past MaxUnzipped.
	var deflated bytes.Buffer
	fw, _ := flate.NewWriter(&deflated, flate.BestSpeed)
	io.WriteString(fw, wordHead+"<w:p><w:r><w:t>")
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for range MaxUnzipped>>20 + 8 {
		fw.Write(chunk)
	}
	io.WriteString(fw, "</w:t></w:r></w:p></w:body></w:document>")
	fw.Close()
	// bomb stores it with the size it claims: honest, or a lie that only
	// streaming with a bound can catch.
	bomb := func(claim uint64) []byte {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
			CompressedSize64: uint64(deflated.Len()), UncompressedSize64: claim, CRC32: 1})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(deflated.Bytes())
		zw.Close()
		return b.Bytes()
	}
	docx := testDOCX(t)
	tests := []struct {
		name string
		src  []byte
		want error
	}{
		{"empty.txt", nil, ErrEmpty},
		{"image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), ErrBinary},
		{"program", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00"), ErrBinary},
		{"latin1.txt", []byte("Recalling its resolution 70/1 \x96 caf\xe9"), ErrInvalidUTF8},
		{"old.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00rest of a Word 97 file"), ErrLegacyDoc},
		{"locked.docx", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00"), ErrEncrypted},
		{"encrypted.pdf", readFixture(t, "encrypted.pdf"), ErrEncrypted},
		{"truncated.pdf", readFixture(t, "truncated.pdf"), ErrTruncated},
		{"damaged.pdf", readFixture(t, "damaged.pdf"), ErrTruncated},
		{"scanned.pdf", readFixture(t, "scanned.pdf"), ErrScanned},
		{"cut.docx", docx[:len(docx)/2], ErrTruncated},
		{"sheet.xlsx", makeZip(t, [2]string{"xl/workbook.xml", "<workbook/>"}), ErrBinary},
		{"nothing.docx", makeZip(t, [2]string{"word/document.xml", wordHead + "</w:body></w:document>"}), ErrEmpty},
		{"bad.docx", makeZip(t, [2]string{"word/document.xml", wordHead + "<w:p><w:t>x</w:p>"}), ErrTruncated},
		{"bomb.docx", bomb(MaxUnzipped + 8<<20), ErrZipBomb},
		// archive/zip stops at the claimed size and reports the lie
		{"lying-bomb.docx", bomb(4096), ErrTruncated},
		{"letter.rtf", []byte(`{\rtf1\ansi resolution 70/1}`), ErrBinary},
		{"blank.html", []byte("<html><body><p> </p></body></html>"), ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.name, tt.src)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v (text %.80q)", err, tt.want, got)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "input: "+tt.name) {
				t.Errorf("error %q does not start with the file name", msg)
			}
		})
	}
}

func TestDecodeText(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"a.txt", "\xEF\xBB\xBFresolution 70/1\n", "resolution 70/1\n"},
		{"a.txt", "\xFF\xFEr\x00\xe9\x00s\x00", "rés"},
		{"a.txt", "\xFE\xFF\x00r\x00\xe9\x00s", "rés"},
		{"a.md", "# Title\n\nText[^1]\n\n[^1]: A/79/53.\n", "# Title\n\nText[^1]\n\n[^1]: A/79/53.\n"},
		{"form-feed.txt", "page one\fpage two\n", "page one\fpage two\n"},
	}
	for _, tt := range tests {
		got, err := Decode(tt.name, []byte(tt.src))
		if err != nil || string(got) != tt.want {
			t.Errorf("Decode(%q, %q) = %q, %v; want %q", tt.name, tt.src, got, err, tt.want)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, src string
		want      Format
	}{
		{"x.pdf", "%PDF-1.7\n", PDF},
		{"x.txt", "%PDF-1.4\n", PDF}, // content wins over the name
		{"x", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", LegacyDoc},
		{"x.doc", "plain", LegacyDoc},
		{"x.docx", "PK\x03\x04", DOCX},
		{"x.htm", "hello", HTML},
		{"x.txt", "  <!DOCTYPE html><p>", HTML},
		{"x.md", "# t", Markdown},
		{"x.txt", "The General Assembly,", Text},
		{"x.txt", "\x00\x01\x02", Binary},
		{"x.txt", "\xFF\xFE<\x00h\x00t\x00m\x00l\x00>\x00", HTML},
	}
	for _, tt := range tests {
		if got := Detect(tt.name, []byte(tt.src)); got != tt.want {
			t.Errorf("Detect(%q, %q) = %s, want %s", tt.name, tt.src, got, tt.want)
		}
	}
}

// FuzzDecode checks that no input makes Decode panic, and that text it
// returns is valid UTF-8.
func FuzzDecode(f *testing.F) {
	f.Add("a.txt", []byte("Recalling its resolution 70/1"))
	f.Add("a.html", []byte(`<p>x<sup><a href="#fn1">1</a></sup></p><ol class="footnotes"><li id="fn1">A/79/53</li></ol>`))
	f.Add("a.docx", testDOCX(f))
	f.Add("a.pdf", buildPDF(pdfSpec{pages: fixturePages[1:]}))
	f.Add("a.md", []byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, name string, src []byte) {
		out, err := Decode(name, src)
		if err == nil && !utf8.Valid(out) {
			t.Errorf("Decode returned invalid UTF-8: %q", out)
		}
	})
}

// TestDOCXNumbering checks that automatically numbered paragraphs keep
// their numbers (the extractor needs them for OP2, OP3) and that a table
// row is one line.
func TestDOCXNumbering(t *testing.T) {
	numbering := `<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>
</w:numbering>`
	item := func(num, lvl, text string) string {
		return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + lvl + `"/><w:numId w:val="` + num + `"/></w:numPr></w:pPr>` + wr(text) + `</w:p>`
	}
	cell := func(text string) string { return "<w:tc>" + wp(wr(text)) + "</w:tc>" }
	doc := wordHead + wp(wr("The General Assembly,")) +
		item("3", "0", "Requests the Secretary-General to report;") +
		item("3", "0", "Recalls its resolution 78/199 and decides:") +
		item("3", "1", "to act;") + item("3", "1", "to report;") +
		item("4", "0", "a bullet") +
		item("3", "0", "Decides to remain seized of the matter.") +
		"<w:tbl><w:tr>" + cell("Body") + cell("Resolution") + "</w:tr><w:tr>" + cell("GA") + cell("78/199") + "</w:tr></w:tbl>" +
		`</w:body></w:document>`
	got, err := Decode("num.docx", makeZip(t, [2]string{"word/document.xml", doc}, [2]string{"word/numbering.xml", numbering}))
	if err != nil {
		t.Fatal(err)
	}
	want := "The General Assembly,\n\n1. Requests the Secretary-General to report;\n\n2. Recalls its resolution 78/199 and decides:\n\n" +
		"(a) to act;\n\n(b) to report;\n\na bullet\n\n3. Decides to remain seized of the matter.\n\nBody\tResolution\n\nGA\t78/199\n"
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	doc2, err := extract.Extract("num.docx", got)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range doc2.References {
		if r.Target == "A/RES/78/199" && r.Line == 5 {
			found = true
			if r.Paragraph != "OP2" {
				t.Errorf("reference in the second numbered paragraph is in %s, want OP2", r.Paragraph)
			}
		}
	}
	if !found {
		t.Errorf("no reference to A/RES/78/199 on line 5: %+v", doc2.References)
	}
}

func TestHTMLNumberedList(t *testing.T) {
	src := `<p>The General Assembly,</p><ol><li><p>Requests the report;</p></li><li>Recalls its resolution 78/199;<ol type="a"><li>first;</li><li>second;</li></ol></li><li value="7">Decides.</li></ol>`
	got, err := Decode("list.html", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := "The General Assembly,\n\n1. Requests the report;\n\n2. Recalls its resolution 78/199;\n\na. first;\n\nb. second;\n\n7. Decides.\n"
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
