package graph

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/citegraph/citegraph/extract/instrument"
)

// A CatalogEntry is one row of a title catalogue.
type CatalogEntry struct {
	Symbol string // canonical symbol
	Title  string
	Date   string // YYYY-MM-DD, a bare year YYYY, or ""
}

// A Catalog is a table of document titles and dates that labels the
// documents a corpus cites but does not contain.
type Catalog struct {
	Name    string
	Entries []CatalogEntry
	Skipped int // rows with no usable symbol (N/A, blank, garbled)
}

// Column names recognised in a catalogue's header, compared in lower case
// with surrounding space removed, in order of preference.
var (
	symbolColumns = []string{"symbol", "adopted text", "resolution", "document", "number"}
	titleColumns  = []string{"title", "topic", "subject", "name"}
	dateColumns   = []string{"date", "adoption date", "adopted on"}
	yearColumns   = []string{"year"}
)

// LoadCatalog reads a title catalogue file: see ReadCatalog.
func LoadCatalog(path string) (*Catalog, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("graph: reading catalogue: %w", err)
	}
	defer f.Close()
	return ReadCatalog(f, path)
}

// ReadCatalog reads a title catalogue: a table with a header line, tab
// separated when the header has a tab, comma separated (CSV quoting)
// otherwise. The header names the columns, in any order and case:
//
//   - symbol: "symbol", "adopted text", "resolution", "document" or "number";
//   - title: "title", "topic", "subject" or "name";
//   - date: "date" ("25 January 1946", "1946-01-25", "January 25, 1946"),
//     or else "year".
//
// A symbol column and a title or date column are required. Symbols are
// taken as written (spaces removed) when they have a series prefix
// (S/RES/872(1993), A/RES/79/166, A/80/L.1). A bare number gets one from
// its shape or from the file name: "872 (1993)" is a Security Council
// resolution; "51/3" and "S-30/1" belong to the body named by a word of the
// file name (hrc: A/HRC/RES/, sc: S/RES/, ecosoc: E/RES/, ga or none:
// A/RES/). A symbol must hold a digit. A trailing full stop is dropped ("2/1."). Rows whose symbol is
// none of these ("N/A", blank) are skipped and counted.
func ReadCatalog(r io.Reader, name string) (*Catalog, error) {
	br := bufio.NewReader(r)
	head, err := br.Peek(4096)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, fmt.Errorf("graph: reading catalogue %s: %w", name, err)
	}
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	var rows [][]string
	if bytes.IndexByte(head, '\t') >= 0 {
		data, err := io.ReadAll(br)
		if err != nil {
			return nil, fmt.Errorf("graph: reading catalogue %s: %w", name, err)
		}
		for line := range strings.SplitSeq(string(data), "\n") {
			line = strings.TrimSuffix(line, "\r")
			if strings.TrimSpace(line) == "" {
				continue
			}
			rows = append(rows, strings.Split(line, "\t"))
		}
	} else {
		cr := csv.NewReader(br)
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = true
		rows, err = cr.ReadAll()
		if err != nil {
			return nil, fmt.Errorf("graph: reading catalogue %s: %w (a catalogue is a TSV or CSV table with a header)", name, err)
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("graph: catalogue %s is empty: it needs a header naming a symbol column and a title or date column", name)
	}
	header := rows[0]
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	col := func(names []string) int {
		for _, want := range names {
			for i, h := range header {
				if strings.ToLower(strings.TrimSpace(h)) == want {
					return i
				}
			}
		}
		return -1
	}
	sc, tc, dc, yc := col(symbolColumns), col(titleColumns), col(dateColumns), col(yearColumns)
	if sc < 0 {
		return nil, fmt.Errorf("graph: catalogue %s has no symbol column: its header must name one of %s (header: %s)", name, strings.Join(symbolColumns, ", "), strings.Join(header, ", "))
	}
	if tc < 0 && dc < 0 && yc < 0 {
		return nil, fmt.Errorf("graph: catalogue %s has no title or date column: its header must name one of %s, %s or year", name, strings.Join(titleColumns, ", "), strings.Join(dateColumns, ", "))
	}
	prefix := bodyPrefix(name)
	c := &Catalog{Name: name}
	field := func(row []string, i int) string {
		if i < 0 || i >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[i])
	}
	for _, row := range rows[1:] {
		sym := catalogSymbol(field(row, sc), prefix)
		if sym == "" {
			c.Skipped++
			continue
		}
		e := CatalogEntry{Symbol: sym, Title: strings.Join(strings.Fields(field(row, tc)), " ")}
		e.Date = parseDate(field(row, dc))
		if e.Date == "" {
			if y := field(row, yc); atoiYear(y) != 0 {
				e.Date = y
			}
		}
		if e.Title == "" && e.Date == "" {
			c.Skipped++
			continue
		}
		c.Entries = append(c.Entries, e)
	}
	return c, nil
}

var (
	prefixedSymbol = regexp.MustCompile(`^[A-Z][A-Z0-9.\-]*/[^\s]+$`)
	bareNumber     = regexp.MustCompile(`^(?:S-|ES-)?[0-9]+/[0-9]+$`)
	scNumber       = regexp.MustCompile(`^([0-9]+)\s*\(((?:19|20)[0-9]{2})\)$`)
	nameWord       = regexp.MustCompile(`[a-z]+`)
)

func catalogSymbol(s, prefix string) string {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	switch {
	case s == "":
		return ""
	case scNumber.MatchString(s):
		m := scNumber.FindStringSubmatch(s)
		return "S/RES/" + m[1] + "(" + m[2] + ")"
	case bareNumber.MatchString(s):
		return prefix + s
	case prefixedSymbol.MatchString(strings.ReplaceAll(s, " ", "")) && strings.ContainsAny(s, "0123456789"):
		return strings.ReplaceAll(s, " ", "")
	}
	return ""
}

// bodyPrefix reads the body of bare numbers from the words of a file name.
func bodyPrefix(name string) string {
	for _, w := range nameWord.FindAllString(strings.ToLower(filepath.Base(name)), -1) {
		switch w {
		case "hrc":
			return "A/HRC/RES/"
		case "sc":
			return "S/RES/"
		case "ecosoc":
			return "E/RES/"
		}
	}
	return "A/RES/"
}

var dateLayouts = []string{"2006-01-02", "2 January 2006", "January 2, 2006", "2 Jan 2006", "Jan 2, 2006", "2006/01/02"}

// parseDate returns a date as YYYY-MM-DD, or "".
func parseDate(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	if atoiYear(s) != 0 {
		return s
	}
	return ""
}

// Instruments returns the catalogue of named instruments (package
// extract/instrument) as a title catalogue: each adopting document is
// labelled with the instrument's name and adoption date. Where one document
// adopted several (A/RES/2200(XXI), both Covenants), the one
// instrument.Lookup names labels it.
func Instruments() *Catalog {
	c := &Catalog{Name: "named instruments"}
	seen := map[string]bool{}
	for _, in := range instrument.All() {
		if seen[in.Target] {
			continue
		}
		seen[in.Target] = true
		first, _ := instrument.Lookup(in.Target)
		c.Entries = append(c.Entries, CatalogEntry{Symbol: first.Target, Title: first.Name, Date: first.Date})
	}
	return c
}

// LabelFrom labels the builder's nodes from a catalogue (see Label) and
// returns how many catalogue entries named a node of the graph.
func (b *Builder) LabelFrom(c *Catalog) int {
	n := 0
	for _, e := range c.Entries {
		if b.Has(e.Symbol) {
			b.Label(e.Symbol, e.Title, e.Date)
			n++
		}
	}
	return n
}

// WithCatalogs returns a copy of g whose nodes are labelled from the
// catalogues as Builder.Label does, and how many catalogue entries named a
// node. The copy shares g's edges and adjacency.
func (g *Graph) WithCatalogs(cs ...*Catalog) (*Graph, int) {
	h := &Graph{nodes: slices.Clone(g.nodes), index: g.index, edges: g.edges, out: g.out, in: g.in, from: g.from, to: g.to}
	n := 0
	for _, c := range cs {
		for _, e := range c.Entries {
			if i, ok := h.index[Key(e.Symbol)]; ok {
				labelNode(&h.nodes[i], e.Title, e.Date)
				n++
			}
		}
	}
	return h, n
}
