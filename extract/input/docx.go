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
	if f := parts["word/numbering.xml"]; f != nil {
		if err := d.readNumbering(f); err != nil {
			return nil, err
		}
	}
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
	num    *numbering     // list numbering, nil when the file has none
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
	var para, row strings.Builder
	inText := false
	skip := 0  // depth inside deleted text, field codes and the like
	cells := 0 // depth of table cells: paragraphs in a cell join the row
	numID, ilvl := "", "0"
	endPara := func() {
		s := strings.TrimSpace(para.String())
		para.Reset()
		label := ""
		if numID != "" && d.num != nil {
			label = d.num.next(numID, ilvl)
		}
		numID, ilvl = "", "0"
		if s == "" {
			return
		}
		if label != "" {
			s = label + " " + s
		}
		if cells > 0 && !inline {
			if row.Len() > 0 && !strings.HasSuffix(row.String(), "\t") {
				row.WriteByte(' ')
			}
			row.WriteString(s)
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
			case "numId", "ilvl":
				for _, a := range t.Attr {
					if a.Name.Local == "val" {
						if t.Name.Local == "numId" {
							numID = a.Value
						} else {
							ilvl = a.Value
						}
					}
				}
			case "tc":
				cells++
			case "del", "instrText", "delText", "footnoteRef", "endnoteRef", "rPr":
				// deleted text, field codes, the note's own number, and
				// run properties hold no text of the document.
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
				endPara()
				cells--
				if cells == 0 {
					row.WriteByte('\t')
				}
			case "tr":
				if cells == 0 {
					if r := strings.TrimSpace(row.String()); r != "" {
						para.WriteString(r)
						endPara()
					}
					row.Reset()
				}
			}
		case xml.CharData:
			if inText && skip == 0 {
				para.Write(t)
			}
		}
	}
}

// numbering holds the list definitions of word/numbering.xml and the
// counters of the lists met so far, so that automatically numbered
// paragraphs (operative paragraphs "1.", "2.", sub-paragraphs "(a)") keep
// their numbers in the text.
type numbering struct {
	abstract map[string]string            // numId -> abstractNumId
	levels   map[string]map[string]numLvl // abstractNumId -> ilvl -> level
	count    map[string][]int             // abstractNumId -> counter per level
}

type numLvl struct {
	start  int
	format string // decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none
	text   string // "%1.", "(%2)"
}

func (d *docxReader) readNumbering(f *zip.File) error {
	dec, c, err := d.open(f)
	if err != nil {
		return err
	}
	defer c.Close()
	n := &numbering{abstract: map[string]string{}, levels: map[string]map[string]numLvl{}, count: map[string][]int{}}
	var absID, numID, lvlID string
	var lvl numLvl
	val := func(t xml.StartElement) string {
		for _, a := range t.Attr {
			if a.Name.Local == "val" {
				return a.Value
			}
		}
		return ""
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return d.fail(f, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != wordNS {
				continue
			}
			switch t.Name.Local {
			case "abstractNum":
				absID = attrLocal(t, "abstractNumId")
				n.levels[absID] = map[string]numLvl{}
			case "lvl":
				lvlID = attrLocal(t, "ilvl")
				lvl = numLvl{start: 1, format: "decimal"}
			case "start":
				if v, err := strconv.Atoi(val(t)); err == nil {
					lvl.start = v
				}
			case "numFmt":
				lvl.format = val(t)
			case "lvlText":
				lvl.text = val(t)
			case "num":
				numID = attrLocal(t, "numId")
			case "abstractNumId":
				if numID != "" {
					n.abstract[numID] = val(t)
				}
			}
		case xml.EndElement:
			if t.Name.Space != wordNS {
				continue
			}
			switch t.Name.Local {
			case "lvl":
				if absID != "" && n.levels[absID] != nil {
					n.levels[absID][lvlID] = lvl
				}
			case "abstractNum":
				absID = ""
			case "num":
				numID = ""
			}
		}
	}
	d.num = n
	return nil
}

func attrLocal(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// next counts one more paragraph of list numID at level ilvl and returns
// its label, "" for bullets and unknown lists.
func (n *numbering) next(numID, ilvl string) string {
	abs, ok := n.abstract[numID]
	if !ok {
		return ""
	}
	level, err := strconv.Atoi(ilvl)
	if err != nil || level < 0 || level > 8 {
		return ""
	}
	cnt := n.count[abs]
	if cnt == nil {
		cnt = make([]int, 9)
		n.count[abs] = cnt
	}
	lv := n.levels[abs]
	for k := 0; k < 9; k++ {
		switch {
		case k == level:
			if cnt[k] == 0 {
				cnt[k] = lv[strconv.Itoa(k)].start
			} else {
				cnt[k]++
			}
		case k > level:
			cnt[k] = 0
		case cnt[k] == 0:
			cnt[k] = lv[strconv.Itoa(k)].start
		}
	}
	def := lv[ilvl]
	if def.format == "bullet" || def.format == "none" || def.text == "" {
		return ""
	}
	label := def.text
	for k := 0; k < 9; k++ {
		ph := "%" + strconv.Itoa(k+1)
		if strings.Contains(label, ph) {
			label = strings.ReplaceAll(label, ph, formatNumber(cnt[k], lv[strconv.Itoa(k)].format))
		}
	}
	return label
}

func formatNumber(n int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		s := ""
		for m := n; m > 0; m = (m - 1) / 26 {
			s = string(rune('a'+(m-1)%26)) + s
		}
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman":
		return strings.ToLower(roman(n))
	case "upperRoman":
		return roman(n)
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
