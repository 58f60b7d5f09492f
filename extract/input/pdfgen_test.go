package input

import (
	"bytes"
	"crypto/md5"
	"crypto/rc4"
	"fmt"
	"strings"
)

// This file builds the PDF fixtures of testdata/ by hand: PDF 1.4 with the
// standard Helvetica font, one content stream per page, and, for the
// encrypted fixture, the standard security handler (revision 2, 40-bit RC4)
// with a user password. Regenerate them with
//
//	go test ./extract/input -run TestFixtures -update

// pdfSpec describes a PDF to build.
type pdfSpec struct {
	pages     []string // content stream of each page
	image     bool     // give each page an image XObject /Im1 (2x2 grey)
	password  string   // user password; "" for none
	ownerOnly bool     // encrypt with an empty user password (opens without one)
}

// pdfPadding is the password padding string of the PDF specification.
var pdfPadding = []byte("\x28\xBF\x4E\x5E\x4E\x75\x8A\x41\x64\x00\x4E\x56\xFF\xFA\x01\x08\x2E\x2E\x00\xB6\xD0\x68\x3E\x80\x2F\x0C\xA9\xFE\x64\x53\x69\x7A")

func padPassword(pw string) []byte {
	b := append([]byte(pw), pdfPadding...)
	return b[:32]
}

func rc4Crypt(key, data []byte) []byte {
	c, err := rc4.NewCipher(key)
	if err != nil {
		panic(err)
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}

func buildPDF(spec pdfSpec) []byte {
	// Objects: 1 catalog, 2 pages, 3 font, 4 image, then per page: page,
	// contents; then the encryption dictionary.
	type obj struct {
		dict   string
		stream []byte
	}
	objs := []obj{
		{dict: "<< /Type /Catalog /Pages 2 0 R >>"},
		{}, // pages, below
		{dict: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"},
		{dict: "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>", stream: []byte{0x20, 0xE0, 0xE0, 0x20}},
	}
	var kids []string
	for _, content := range spec.pages {
		pageNum := len(objs) + 1
		kids = append(kids, fmt.Sprintf("%d 0 R", pageNum))
		res := "/Font << /F1 3 0 R >>"
		if spec.image {
			res += " /XObject << /Im1 4 0 R >>"
		}
		objs = append(objs,
			obj{dict: fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << %s >> /Contents %d 0 R >>", res, pageNum+1)},
			obj{dict: "<< /Length %d >>", stream: []byte(content)},
		)
	}
	objs[1].dict = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))

	id := md5.Sum([]byte(fmt.Sprint(spec.pages)))
	var key []byte
	encNum := 0
	if spec.password != "" || spec.ownerOnly {
		// Algorithm 3: the O entry, with owner password = user password + "-owner".
		ok := md5.Sum(padPassword(spec.password + "-owner"))
		o := rc4Crypt(ok[:5], padPassword(spec.password))
		// Algorithm 2: the file key; P = -44 (print and copy not allowed).
		p := int32(-44)
		h := md5.New()
		h.Write(padPassword(spec.password))
		h.Write(o)
		h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
		h.Write(id[:])
		key = h.Sum(nil)[:5]
		// Algorithm 4: the U entry.
		u := rc4Crypt(key, pdfPadding)
		objs = append(objs, obj{dict: fmt.Sprintf("<< /Filter /Standard /V 1 /R 2 /O <%x> /U <%x> /P %d >>", o, u, p)})
		encNum = len(objs)
	}

	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n")
	offsets := make([]int, len(objs)+1)
	for i, o := range objs {
		num := i + 1
		offsets[num] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", num)
		stream := o.stream
		if stream != nil && key != nil && num != encNum {
			// Algorithm 1: the object key.
			ok := md5.Sum(append(append([]byte{}, key...), byte(num), byte(num>>8), byte(num>>16), 0, 0))
			stream = rc4Crypt(ok[:min(len(key)+5, 16)], stream)
		}
		if strings.Contains(o.dict, "%d") {
			fmt.Fprintf(&b, o.dict, len(stream))
		} else {
			b.WriteString(o.dict)
		}
		if stream != nil {
			b.WriteString("\nstream\n")
			b.Write(stream)
			b.WriteString("\nendstream")
		}
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	enc := ""
	if encNum > 0 {
		enc = fmt.Sprintf(" /Encrypt %d 0 R", encNum)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /ID [<%x> <%x>]%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, id, id, enc, xref)
	return b.Bytes()
}

// pdfPage builds a content stream from lines of text set in Helvetica from
// the top of an A4 page. In a line, "^n" sets n as a raised footnote marker
// (smaller, with text rise) glued to what precedes it. An empty line is a
// paragraph gap. A line starting with "@x,y " is placed at x,y.
func pdfPage(lines ...string) string {
	var b strings.Builder
	y := 780.0
	for _, line := range lines {
		if line == "" {
			y -= 8
			continue
		}
		x, size := 72.0, 10.0
		if strings.HasPrefix(line, "@") {
			var rest string
			fmt.Sscanf(line, "@%g,%g", &x, &y)
			_, rest, _ = strings.Cut(line, " ")
			line = rest
		}
		if strings.HasPrefix(line, "#") { // a footnote line: smaller type
			size = 8
			line = line[1:]
		}
		fmt.Fprintf(&b, "BT /F1 %g Tf %g %g Td ", size, x, y)
		for i, part := range strings.Split(line, "^") {
			if i > 0 {
				n := 0
				for n < len(part) && part[n] >= '0' && part[n] <= '9' {
					n++
				}
				fmt.Fprintf(&b, "/F1 %g Tf 4 Ts (%s) Tj 0 Ts /F1 %g Tf ", size*0.6, part[:n], size)
				part = part[n:]
			}
			if part != "" {
				fmt.Fprintf(&b, "(%s) Tj ", pdfEscape(part))
			}
		}
		b.WriteString("ET\n")
		y -= size * 1.35
	}
	return b.String()
}

func pdfEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(s)
}
