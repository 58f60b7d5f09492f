package input

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// MaxUnzipped bounds the bytes decompressed from one DOCX file, all parts
// together. A file that expands beyond it (a "zip bomb", or a document far
// larger than any real one) gives ErrZipBomb; the decompression is
// streamed, so the bound holds whatever sizes the archive claims.
const MaxUnzipped = 256 << 20

// wordNS is the WordprocessingML namespace.
const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// DOCX becomes one line per paragraph with a blank line between paragraphs.
// Footnote and endnote references become Markdown markers "[^n]", numbered
// 1, 2, 3 ... in the order they appear (as Word numbers them), and the notes
// follow the text as "[^n]: text" lines.

func decodeDOCX(name string, src []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, fmt.Errorf("input: %s: %w: not a readable ZIP archive (%v); open it in Word and save it again", name, ErrTruncated, err)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	main := parts["word/document.xml"]
	if main == nil {
		what := "a ZIP archive"
		if mt := parts["mimetype"]; mt != nil {
			what = "an OpenDocument file"
		}
		return nil, fmt.Errorf("input: %s: %w: it is %s but not a Word .docx (no word/document.xml); save it as .docx or PDF", name, ErrBinary, what)
	}
	budget := int64(MaxUnzipped)
	d := &docxReader{name: name, budget: &budget, ids: map[string]int{}}
	body, err := d.part(main, false)
	if err != nil {
		return nil, err
	}
	notes := map[string]string{}
	for _, kind := range []string{"footnote", "endnote"} {
		f := parts["word/"+kind+"s.xml"]
		if f == nil {
			continue
		}
		if err := d.notes(f, kind, notes); err != nil {
			return nil, err
		}
	}
	var out bytes.Buffer
	out.WriteString(strings.TrimSpace(body))
	out.WriteString("\n")
	if len(d.order) > 0 {
		out.WriteString("\n")
	}
	for i, key := range d.order {
		fmt.Fprintf(&out, "[^%d]: %s\n", i+1, notes[key])
	}
	if len(bytes.TrimSpace(out.Bytes())) == 0 {
		return nil, fmt.Errorf("input: %s: %w: the Word document has no text", name, ErrEmpty)
	}
	return out.Bytes(), nil
}

type docxReader struct {
	name   string
	budget *int64
	ids    map[string]int // "footnote:3" -> display number
	order  []string       // note keys in display order
}

// limitedReader counts decompressed bytes against the shared budget.
type limitedReader struct {
	r      io.Reader
	budget *int64
}

var errBudget = errors.New("decompression budget exceeded")

func (l *limitedReader) Read(p []byte) (int, error) {
	if *l.budget <= 0 {
		return 0, errBudget
	}
	if int64(len(p)) > *l.budget {
		p = p[:*l.budget]
	}
	n, err := l.r.Read(p)
	*l.budget -= int64(n)
	return n, err
}

func (d *docxReader) open(f *zip.File) (*xml.Decoder, io.Closer, error) {
	if f.UncompressedSize64 > uint64(*d.budget) {
		return nil, nil, d.bomb(f)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, fmt.Errorf("input: %s: %w: cannot open %s in the archive (%v); open it in Word and save it again", d.name, ErrTruncated, f.Name, err)
	}
	dec := xml.NewDecoder(&limitedReader{r: rc, budget: d.budget})
	dec.Strict = false
	return dec, rc, nil
}

func (d *docxReader) bomb(f *zip.File) error {
	return fmt.Errorf("input: %s: %w: %s expands to more than %d MB; it is not a real document (a zip bomb?) or it is too large: split it", d.name, ErrZipBomb, f.Name, MaxUnzipped>>20)
}

func (d *docxReader) fail(f *zip.File, err error) error {
	if errors.Is(err, errBudget) {
		return d.bomb(f)
	}
	return fmt.Errorf("input: %s: %w: %s is damaged (%v); open it in Word and save it again", d.name, ErrTruncated, f.Name, err)
}

// part returns the text of a document part: paragraphs separated by blank
// lines (or by spaces when inline, for notes).
func (d *docxReader) part(f *zip.File, inline bool) (string, error) {
	dec, c, err := d.open(f)
	if err != nil {
		return "", err
	}
	defer c.Close()
	var b strings.Builder
	if err := d.walk(dec, &b, inline, nil); err != nil {
		return "", d.fail(f, err)
	}
	return b.String(), nil
}

// notes reads footnotes.xml or endnotes.xml into notes, keyed "kind:id".
func (d *docxReader) notes(f *zip.File, kind string, notes map[string]string) error {
	dec, c, err := d.open(f)
	if err != nil {
		return err
	}
	defer c.Close()
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return d.fail(f, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Space != wordNS || se.Name.Local != kind {
			continue
		}
		id := ""
		skip := false
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "id":
				id = a.Value
			case "type":
				skip = a.Value == "separator" || a.Value == "continuationSeparator" || a.Value == "continuationNotice"
			}
		}
		var b strings.Builder
		end := se.End()
		if err := d.walk(dec, &b, true, &end); err != nil {
			return d.fail(f, err)
		}
		if !skip {
			notes[kind+":"+id] = strings.Join(strings.Fields(b.String()), " ")
		}
	}
}

// walk writes the text of the elements read from dec until the end
// element stop (or the end of the part when stop is nil).
func (d *docxReader) walk(dec *xml.Decoder, b *strings.Builder, inline bool, stop *xml.EndElement) error {
	var para strings.Builder
	inText := false
	skip := 0 // depth inside deleted text, field codes and the like
	endPara := func() {
		s := strings.TrimSpace(para.String())
		para.Reset()
		if s == "" {
			return
		}
		if inline {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s)
			return
		}
		b.WriteString(s)
		b.WriteString("\n\n")
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			endPara()
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != wordNS {
				if skip > 0 {
					skip++
				} else if t.Name.Local == "Fallback" {
					skip = 1 // the same content as its mc:Choice, for older readers
				}
				continue
			}
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab", "ptab":
				para.WriteByte('\t')
			case "br", "cr":
				if inline {
					para.WriteByte(' ')
				} else {
					para.WriteByte('\n')
				}
			case "noBreakHyphen":
				para.WriteByte('-')
			case "footnoteReference", "endnoteReference":
				kind := strings.TrimSuffix(t.Name.Local, "Reference")
				for _, a := range t.Attr {
					if a.Name.Local == "id" {
						key := kind + ":" + a.Value
						n, ok := d.ids[key]
						if !ok {
							d.order = append(d.order, key)
							n = len(d.order)
							d.ids[key] = n
						}
						para.WriteString("[^" + strconv.Itoa(n) + "]")
					}
				}
			case "del", "instrText", "delText", "footnoteRef", "endnoteRef", "rPr", "pPr":
				// deleted text, field codes, the note's own number, and
				// properties hold no text of the document.
				skip = 1
			}
		case xml.EndElement:
			if stop != nil && t.Name == stop.Name {
				endPara()
				return nil
			}
			if skip > 0 {
				skip--
				continue
			}
			if t.Name.Space != wordNS {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				endPara()
			case "tc":
				para.WriteByte('\t')
			}
		case xml.CharData:
			if inText && skip == 0 {
				para.Write(t)
			}
		}
	}
}
