package main

import (
	"encoding/json"
	"fmt"
	"strings"

	flag "github.com/spf13/pflag"
)

func init() {
	register(&command{
		name:    "series",
		summary: "show the recurring resolutions of the same title across sessions",
		run:     runSeries,
	})
}

const seriesUsage = `Usage: citegraph series [flags] SYMBOL [PATH...]

Series prints the chain of documents of the same title as SYMBOL, newest
first: the resolutions an organ adopts on one agenda item session after
session. The chain follows citations: back, to the newest older document of
the same series of symbols (A/RES, S/RES, A/HRC/RES, ...) that the current
one cites and whose title is the same; forward, to the oldest newer one
that cites it with the same title. Titles compare without their number,
case and punctuation.

A cited predecessor whose title is unknown (neither in the corpus nor in a
--catalog) is taken when no cited document has the title, if it is at most
3 years older (the newest such, preferring one cited in the preamble); it is
marked "title not known".

` + sourceHelp + `

Examples:
  citegraph series A/RES/79/166 ../shared/corpus/ga
  citegraph series --graph un.citegraph --catalog ../shared/corpus/meta/ga_titles.tsv A/RES/80/204

Flags:
`

func runSeries(e *env, args []string) error {
	fs := flag.NewFlagSet("series", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var src graphSource
	src.addFlags(fs)
	format := fs.StringP("format", "f", "text", "output `FORMAT`: text or json")
	if help, err := e.parse(fs, seriesUsage, args); help || err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usagef("unknown --format %q: use text or json", *format)
	}
	if fs.NArg() == 0 {
		return usagef("give the symbol of a document of the series, e.g. A/RES/79/166")
	}
	g, err := src.load(e, fs.Args()[1:])
	if err != nil {
		return err
	}
	links, err := g.Series(fs.Arg(0))
	if err != nil {
		return err
	}
	if *format == "json" {
		type item struct {
			Symbol   string `json:"symbol"`
			Year     int    `json:"year,omitempty"`
			Title    string `json:"title,omitempty"`
			InCorpus bool   `json:"in_corpus"`
			ByTitle  bool   `json:"by_title"`
		}
		out := make([]item, len(links))
		for i, l := range links {
			n := g.NodeAt(l.Node)
			out[i] = item{n.ID, n.Year, n.Title, n.InCorpus, l.ByTitle}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	var b strings.Builder
	for _, l := range links {
		n := g.NodeAt(l.Node)
		b.WriteString(n.ID + "  " + yearString(n.Year))
		switch {
		case !l.ByTitle:
			b.WriteString("  (title not known: the cited predecessor)")
		case n.Title != "":
			b.WriteString("  " + shortTitle(n.Title, 70))
		}
		b.WriteByte('\n')
	}
	_, err = fmt.Fprint(e.stdout, b.String())
	return err
}
