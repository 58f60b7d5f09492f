package main

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"text/tabwriter"

	flag "github.com/spf13/pflag"

	"github.com/citegraph/citegraph/graph/rank"
)

func init() {
	register(&command{
		name:    "similar",
		summary: "find documents related to one by co-citation and bibliographic coupling",
		run:     runSimilar,
	})
}

const similarUsage = `Usage: citegraph similar [flags] SYMBOL [PATH...]

Similar lists the documents most related to SYMBOL through citations:

  cocitation  documents cited together with it: how many documents cite
              both (Small 1973)
  coupling    documents citing what it cites: how many references the two
              share (bibliographic coupling, Kessler 1963)
  both        the mean of the two scores (the default)

Each count is normalised by Salton's cosine, count/sqrt(a·b), where a and b
are the two documents' citation counts (co-citation) or reference counts
(coupling), so that a much-cited text does not come first by size alone.
The list is ordered by score, then count, then symbol.

` + sourceHelp + `

Examples:
  citegraph similar A/RES/79/166 ../shared/corpus/ga
  citegraph similar --graph un.citegraph --by cocitation 'S/RES/242(1967)'
  citegraph similar --graph un.citegraph --by coupling --top 50 --format csv A/RES/80/204

Flags:
`

type similarRow struct {
	Rank       int     `json:"rank"`
	Symbol     string  `json:"symbol"`
	Score      float64 `json:"score"`
	CoCited    int     `json:"cocited"`    // documents citing both
	CoCitation float64 `json:"cocitation"` // Salton cosine of CoCited
	Coupled    int     `json:"coupled"`    // references in common
	Coupling   float64 `json:"coupling"`   // Salton cosine of Coupled
	Year       int     `json:"year,omitempty"`
	Title      string  `json:"title,omitempty"`
}

func runSimilar(e *env, args []string) error {
	fs := flag.NewFlagSet("similar", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var src graphSource
	src.addFlags(fs)
	by := fs.String("by", "both", "relate by `MEASURE`: cocitation, coupling or both")
	top := fs.IntP("top", "n", 20, "show the first `N` documents (0: all)")
	format := fs.StringP("format", "f", "table", "output `FORMAT`: table, json or csv")
	if help, err := e.parse(fs, similarUsage, args); help || err != nil {
		return err
	}
	measure := map[string]rank.Measure{"cocitation": rank.CoCitation, "coupling": rank.Coupling, "both": rank.Both}
	m, ok := measure[*by]
	if !ok {
		return usagef("unknown --by %q: use cocitation, coupling or both", *by)
	}
	if *top < 0 {
		return usagef("--top must be 0 (all) or more, not %d", *top)
	}
	if err := rkCheckFormat(*format, "table", "json", "csv"); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("give the symbol of a document, e.g. A/RES/79/166")
	}
	g, err := src.load(e, fs.Args()[1:])
	if err != nil {
		return err
	}
	x, err := g.Lookup(fs.Arg(0))
	if err != nil {
		return err
	}
	related := rank.Similar(g, x, m)
	if *top > 0 && len(related) > *top {
		related = related[:*top]
	}
	rows := make([]similarRow, len(related))
	for i, r := range related {
		n := g.NodeAt(int(r.Node))
		rows[i] = similarRow{Rank: i + 1, Symbol: n.ID, Score: r.Score, CoCited: r.CoCited, CoCitation: r.CoCitation, Coupled: r.Coupled, Coupling: r.Coupling, Year: n.Year, Title: n.Title}
	}
	self := g.NodeAt(x)
	switch *format {
	case "json":
		return rkJSON(e.stdout, struct {
			Symbol     string       `json:"symbol"`
			Measure    string       `json:"measure"`
			CitedBy    int          `json:"cited_by"`
			References int          `json:"references"`
			Similar    []similarRow `json:"similar"`
		}{self.ID, *by, len(g.Predecessors(x)), len(g.Successors(x)), rows})
	case "csv":
		cw := csv.NewWriter(e.stdout)
		cw.Write([]string{"rank", "symbol", "score", "cocited", "cocitation", "coupled", "coupling", "year", "title"})
		for _, r := range rows {
			cw.Write([]string{strconv.Itoa(r.Rank), r.Symbol, strconv.FormatFloat(r.Score, 'g', -1, 64),
				strconv.Itoa(r.CoCited), strconv.FormatFloat(r.CoCitation, 'g', -1, 64),
				strconv.Itoa(r.Coupled), strconv.FormatFloat(r.Coupling, 'g', -1, 64), rkYear(r.Year), r.Title})
		}
		cw.Flush()
		return cw.Error()
	}
	if len(rows) == 0 {
		fmt.Fprintf(e.stderr, "citegraph similar: %s shares no citing document and no reference with any other document\n", self.ID)
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "RANK\tSYMBOL\tYEAR\tSCORE\tCO-CITED\tCOSINE\tSHARED REFS\tCOSINE\tTITLE")
	for _, r := range rows {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%.4f\t%d\t%.4f\t%d\t%.4f\t%s\n", r.Rank, r.Symbol, yearString(r.Year), r.Score,
			r.CoCited, r.CoCitation, r.Coupled, r.Coupling, rkTitle(r.Title, true))
	}
	return tw.Flush()
}
