package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/graph"
)

// table writes CSV records through encoding/csv (RFC 4180 quoting, LF line
// ends) into a buffered writer.
type table struct {
	o   *writer
	c   *csv.Writer
	rec []string
}

func newTable(w io.Writer, header ...string) *table {
	o := newWriter(w)
	t := &table{o: o, c: csv.NewWriter(o), rec: make([]string, len(header))}
	t.c.Write(header)
	return t
}

func (t *table) write() {
	t.c.Write(t.rec)
}

func (t *table) close() error {
	t.c.Flush()
	if err := t.c.Error(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return t.o.flush()
}

func year(n graph.Node) string {
	if n.Year == 0 {
		return ""
	}
	return strconv.Itoa(n.Year)
}

// CSVNodes writes the node list of g as CSV with the header
// id,title,date,year,body,kind,in_corpus,file: one row per node in symbol
// order, year empty when unknown, in_corpus true or false. Fields are
// quoted as RFC 4180 says (encoding/csv); line breaks in a title are kept
// inside its quoted field.
func CSVNodes(w io.Writer, g *graph.Graph) error {
	if err := checkIDs(g, clean); err != nil {
		return err
	}
	t := newTable(w, "id", "title", "date", "year", "body", "kind", "in_corpus", "file")
	for _, n := range g.Nodes() {
		t.rec[0] = clean(n.ID)
		t.rec[1] = clean(n.Title)
		t.rec[2] = clean(n.Date)
		t.rec[3] = year(n)
		t.rec[4] = clean(n.Body)
		t.rec[5] = clean(n.Kind)
		t.rec[6] = strconv.FormatBool(n.InCorpus)
		t.rec[7] = clean(n.File)
		t.write()
	}
	return t.close()
}

// CSVEdges writes the edge list of g as CSV with the header
// source,target,relations,count,paragraphs,start,end: one row per citation
// (citing document, cited document), relations and paragraphs joined by
// ';'.
func CSVEdges(w io.Writer, g *graph.Graph) error {
	if err := checkIDs(g, clean); err != nil {
		return err
	}
	t := newTable(w, "source", "target", "relations", "count", "paragraphs", "start", "end")
	for _, e := range g.Edges() {
		t.rec[0] = clean(e.From)
		t.rec[1] = clean(e.To)
		t.rec[2] = joined(e.Relations)
		t.rec[3] = strconv.Itoa(e.Count)
		t.rec[4] = joined(e.Paragraphs)
		t.rec[5] = strconv.Itoa(e.Start)
		t.rec[6] = strconv.Itoa(e.End)
		t.write()
	}
	return t.close()
}

// Neo4jRelType is the relationship type of every edge in the neo4j export.
const Neo4jRelType = "CITES"

// Neo4jNodes writes the nodes of g as a neo4j-admin import node file:
//
//	id:ID,title,date,year:int,body,kind,in_corpus:boolean,file,:LABEL
//
// Every node has the label Document and one for its kind (Resolution,
// Decision, Symbol, OfficialRecords, TreatySeries, Instrument), separated
// by ';', neo4j-admin's default array delimiter. Empty fields are written
// unquoted, which neo4j-admin imports as no property. Line breaks and tabs
// in values become spaces, so the import needs no --multiline-fields.
// Import with
//
//	neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv
func Neo4jNodes(w io.Writer, g *graph.Graph) error {
	if err := checkIDs(g, flat); err != nil {
		return err
	}
	t := newTable(w, "id:ID", "title", "date", "year:int", "body", "kind", "in_corpus:boolean", "file", ":LABEL")
	for _, n := range g.Nodes() {
		t.rec[0] = flat(n.ID)
		t.rec[1] = flat(n.Title)
		t.rec[2] = flat(n.Date)
		t.rec[3] = year(n)
		t.rec[4] = flat(n.Body)
		t.rec[5] = flat(n.Kind)
		t.rec[6] = strconv.FormatBool(n.InCorpus)
		t.rec[7] = flat(n.File)
		t.rec[8] = neo4jLabels(n.Kind)
		t.write()
	}
	return t.close()
}

// Neo4jEdges writes the edges of g as a neo4j-admin import relationship
// file of type CITES:
//
//	:START_ID,:END_ID,:TYPE,relations:string[],count:int,paragraphs:string[],start:int,end:int
//
// Relations and paragraphs are string arrays delimited by ';'.
func Neo4jEdges(w io.Writer, g *graph.Graph) error {
	if err := checkIDs(g, flat); err != nil {
		return err
	}
	t := newTable(w, ":START_ID", ":END_ID", ":TYPE", "relations:string[]", "count:int", "paragraphs:string[]", "start:int", "end:int")
	for _, e := range g.Edges() {
		t.rec[0] = flat(e.From)
		t.rec[1] = flat(e.To)
		t.rec[2] = Neo4jRelType
		t.rec[3] = flat(joined(e.Relations))
		t.rec[4] = strconv.Itoa(e.Count)
		t.rec[5] = flat(joined(e.Paragraphs))
		t.rec[6] = strconv.Itoa(e.Start)
		t.rec[7] = strconv.Itoa(e.End)
		t.write()
	}
	return t.close()
}

// neo4jLabels returns "Document" and the kind as a label:
// "official-records" gives "Document;OfficialRecords".
func neo4jLabels(kind string) string {
	var b strings.Builder
	b.WriteString("Document")
	up := true
	for _, r := range kind {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if b.Len() == len("Document") {
			b.WriteByte(';')
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
