package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	flag "github.com/spf13/pflag"

	"github.com/citegraph/citegraph/graph"
)

func init() {
	register(&command{
		name:    "trace",
		summary: "show what a document rests on (ancestors) or what built on it (descendants)",
		run:     runTrace,
	})
}

const traceUsage = `Usage: citegraph trace [flags] SYMBOL [PATH...]

Trace follows citations from SYMBOL: up to the documents it cites, the
documents those cite, and so on (its ancestors, the default), or down to
the documents that cite it (its descendants, --down). Each document is
shown once, at its shortest distance, under the first document that
reached it; documents at the same level come in symbol order.

Each line of the tree gives the symbol, the year, the title (shortened) and
the relation of the citation (recalling, reaffirming, ...).

` + sourceHelp + `

Examples:
  citegraph trace A/RES/79/166
  citegraph trace --graph un.citegraph A/RES/80/204 --depth 3
  citegraph trace --down --relation recalling,reaffirming 'A/RES/78/199' ../shared/corpus/ga
  citegraph trace --format csv S/RES/872(1993) ../shared/corpus/sc > lineage.csv
  citegraph trace A/RES/80/204 ../shared/corpus/ga --depth 3 --reduce -o lineage.svg

With -o FILE (.svg, .png, .dot) or --format svg|png|dot the lineage is drawn
as by 'citegraph render' (see its --help); --max-nodes, --reduce and
--engine apply then.

Flags:
`

func runTrace(e *env, args []string) error {
	fs := flag.NewFlagSet("trace", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var src graphSource
	src.addFlags(fs)
	up := fs.Bool("up", false, "follow what the document cites: its ancestors (the default)")
	down := fs.Bool("down", false, "follow who cites the document: its descendants")
	depth := fs.IntP("depth", "d", 0, "stop `N` citation steps from the document (default: no limit)")
	relations := fs.StringSlice("relation", nil, "follow only citations with one of these `RELATIONS` (comma separated: recalling,reaffirming,...)")
	format := fs.StringP("format", "f", "tree", "output `FORMAT`: tree, table, json or csv; svg, png or dot draw the lineage")
	var rf renderFlags
	addRenderFlags(fs, &rf)
	if help, err := e.parse(fs, traceUsage, args); help || err != nil {
		return err
	}
	if err := checkLineageFlags(*up, *down, *depth); err != nil {
		return err
	}
	drawFormat, draw, err := rf.traceDrawing(e, *format)
	if err != nil {
		return err
	}
	switch *format {
	case "tree", "table", "json", "csv", "svg", "png", "dot":
	default:
		return usagef("unknown --format %q: use tree, table, json or csv", *format)
	}
	if fs.NArg() == 0 {
		return usagef("give the symbol of the document to trace, e.g. A/RES/79/166")
	}
	g, err := src.load(e, fs.Args()[1:])
	if err != nil {
		return err
	}
	if draw {
		return traceRender(e, g, fs.Arg(0), *down, *depth, *relations, drawFormat, &rf)
	}
	steps, err := g.Trace(fs.Arg(0), graph.TraceOptions{Down: *down, Depth: *depth, Relations: *relations})
	if err != nil {
		return err
	}
	switch *format {
	case "tree":
		return writeTree(e.stdout, g, steps)
	case "table":
		return writeTraceTable(e.stdout, g, steps)
	case "json":
		return writeTraceJSON(e.stdout, g, steps, *down)
	default:
		return writeTraceCSV(e.stdout, g, steps)
	}
}

// traceRow is one step of a trace, as the table, JSON and CSV write it.
type traceRow struct {
	Depth      int      `json:"depth"`
	Symbol     string   `json:"symbol"`
	Year       int      `json:"year,omitempty"`
	Date       string   `json:"date,omitempty"`
	Title      string   `json:"title,omitempty"`
	Body       string   `json:"body,omitempty"`
	Kind       string   `json:"kind,omitempty"`
	InCorpus   bool     `json:"in_corpus"`
	Parent     string   `json:"parent,omitempty"`
	Relations  []string `json:"relations,omitempty"`
	Count      int      `json:"count,omitempty"`
	Paragraphs []string `json:"paragraphs,omitempty"`
}

func rows(g *graph.Graph, steps []graph.Step) []traceRow {
	out := make([]traceRow, len(steps))
	for k, s := range steps {
		n := g.NodeAt(s.Node)
		r := traceRow{Depth: s.Depth, Symbol: n.ID, Year: n.Year, Date: n.Date, Title: n.Title, Body: n.Body, Kind: n.Kind, InCorpus: n.InCorpus}
		if s.Parent >= 0 {
			ed := g.EdgeAt(s.Edge)
			r.Parent = g.NodeAt(s.Parent).ID
			r.Relations, r.Count, r.Paragraphs = ed.Relations, ed.Count, ed.Paragraphs
		}
		out[k] = r
	}
	return out
}

// writeTree writes the steps as an indented tree: each step under its
// parent, children in the order Trace found them.
func writeTree(w io.Writer, g *graph.Graph, steps []graph.Step) error {
	children := map[int][]int{} // node -> indexes into steps
	for k, s := range steps[1:] {
		children[s.Parent] = append(children[s.Parent], k+1)
	}
	rs := rows(g, steps)
	var b strings.Builder
	var walk func(k, indent int)
	walk = func(k, indent int) {
		r := rs[k]
		b.WriteString(strings.Repeat("  ", indent))
		b.WriteString(nodeLine(r.Symbol, r.Year, r.Title, r.InCorpus))
		if len(r.Relations) > 0 {
			b.WriteString("  [" + strings.Join(r.Relations, ", ") + "]")
		}
		b.WriteByte('\n')
		for _, c := range children[steps[k].Node] {
			walk(c, indent+1)
		}
	}
	walk(0, 0)
	_, err := io.WriteString(w, b.String())
	return err
}

// nodeLine describes a document on one line: symbol, year, short title.
func nodeLine(symbol string, year int, title string, inCorpus bool) string {
	var b strings.Builder
	b.WriteString(symbol)
	b.WriteString("  ")
	b.WriteString(yearString(year))
	if t := shortTitle(title, 70); t != "" {
		b.WriteString("  ")
		b.WriteString(t)
	} else if !inCorpus {
		b.WriteString("  (cited, not in the corpus)")
	}
	return b.String()
}

func yearString(y int) string {
	if y == 0 {
		return "----"
	}
	return strconv.Itoa(y)
}

// shortTitle strips the resolution number from a title and cuts it to max
// runes at a word boundary.
func shortTitle(title string, max int) string {
	title = graph.TitleWithoutNumber(strings.Join(strings.Fields(title), " "))
	if utf8.RuneCountInString(title) <= max {
		return title
	}
	cut := []rune(title)[:max-1]
	s := string(cut)
	if i := strings.LastIndexByte(s, ' '); i > max/2 {
		s = s[:i]
	}
	return strings.TrimRight(s, " ,;:") + "…"
}

func writeTraceTable(w io.Writer, g *graph.Graph, steps []graph.Step) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "DEPTH\tSYMBOL\tYEAR\tRELATION\tCITED BY\tTITLE")
	for _, r := range rows(g, steps) {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", r.Depth, r.Symbol, yearString(r.Year), strings.Join(r.Relations, ","), r.Parent, shortTitle(r.Title, 60))
	}
	return tw.Flush()
}

func writeTraceJSON(w io.Writer, g *graph.Graph, steps []graph.Step, down bool) error {
	dir := "up"
	if down {
		dir = "down"
	}
	v := struct {
		Root      string     `json:"root"`
		Direction string     `json:"direction"`
		Steps     []traceRow `json:"steps"`
	}{g.NodeAt(steps[0].Node).ID, dir, rows(g, steps)}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func writeTraceCSV(w io.Writer, g *graph.Graph, steps []graph.Step) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"depth", "symbol", "year", "date", "in_corpus", "parent", "relations", "count", "paragraphs", "title"})
	for _, r := range rows(g, steps) {
		year := ""
		if r.Year != 0 {
			year = strconv.Itoa(r.Year)
		}
		cw.Write([]string{strconv.Itoa(r.Depth), r.Symbol, year, r.Date, strconv.FormatBool(r.InCorpus), r.Parent,
			strings.Join(r.Relations, ";"), strconv.Itoa(r.Count), strings.Join(r.Paragraphs, ";"), r.Title})
	}
	cw.Flush()
	return cw.Error()
}
