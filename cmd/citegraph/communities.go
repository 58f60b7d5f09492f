package main

import (
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	flag "github.com/spf13/pflag"

	"github.com/citegraph/citegraph/graph/rank"
)

func init() {
	register(&command{
		name:    "communities",
		summary: "group documents into communities that cite each other (Louvain)",
		run:     runCommunities,
	})
}

const communitiesUsage = `Usage: citegraph communities [flags] [PATH...]

Communities splits the citation graph into groups of documents that cite
each other more than chance would have it, by the Louvain method on the
graph with directions ignored. Each community is listed with its size and
its most cited members. The modularity Q of the partition (from -0.5 to 1;
above 0.3 is clear structure) heads the output.

--method gonum runs gonum's community.Modularize instead of the project's
own Louvain: the same method, but its cost grows with the square of the
community sizes (seconds on the shared corpus, hours at 100,000 documents).

Louvain visits the nodes in a random order; --seed fixes it, so one seed
always gives the same communities. --resolution above 1 gives more, smaller
communities, below 1 fewer, larger ones.

` + sourceHelp + `

Examples:
  citegraph communities ../shared/corpus/ga ../shared/corpus/sc
  citegraph communities --graph un.citegraph --top 10 --members 8
  citegraph communities --graph un.citegraph --method gonum --seed 7
  citegraph communities --graph un.citegraph --top 0 --format csv > communities.csv

Flags:
`

type communityOut struct {
	ID      int               `json:"id"`
	Size    int               `json:"size"`
	Members []communityMember `json:"members"` // most cited first, ties by symbol
}

type communityMember struct {
	Symbol   string `json:"symbol"`
	InDegree int    `json:"in_degree"`
	Year     int    `json:"year,omitempty"`
	Title    string `json:"title,omitempty"`
}

func runCommunities(e *env, args []string) error {
	fs := flag.NewFlagSet("communities", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var src graphSource
	src.addFlags(fs)
	top := fs.IntP("top", "n", 20, "show the `N` largest communities (0: all)")
	members := fs.IntP("members", "m", 5, "show the `M` most cited members of each (0: all; JSON and CSV list all)")
	minSize := fs.Int("min-size", 2, "leave out communities of fewer than `S` documents")
	resolution := fs.Float64("resolution", 1, "modularity `RESOLUTION`: above 1 for smaller communities")
	seed := fs.Uint64("seed", 1, "random `SEED` of the Louvain node order")
	format := fs.StringP("format", "f", "table", "output `FORMAT`: table, json or csv")
	method := fs.String("method", "louvain", "`METHOD`: louvain (fast) or gonum (gonum's Modularize, for comparison)")
	if help, err := e.parse(fs, communitiesUsage, args); help || err != nil {
		return err
	}
	if *top < 0 || *members < 0 {
		return usagef("--top and --members must be 0 (all) or more")
	}
	if *resolution <= 0 {
		return usagef("--resolution must be above 0, not %v", *resolution)
	}
	if err := rkCheckFormat(*format, "table", "json", "csv"); err != nil {
		return err
	}
	louvain := rank.Communities
	switch *method {
	case "louvain":
	case "gonum":
		louvain = rank.CommunitiesGonum
	default:
		return usagef("unknown --method %q: use louvain or gonum", *method)
	}
	g, err := src.load(e, fs.Args())
	if err != nil {
		return err
	}
	c := rank.NewCSR(g)
	indeg := rank.InDegree(c)
	comms, q := louvain(c, *resolution, *seed)
	var out []communityOut
	for k, m := range comms {
		if len(m) < *minSize {
			continue
		}
		ms := slices.Clone(m) // sorted by node, that is by symbol
		slices.SortStableFunc(ms, func(a, b int32) int { return indeg[b] - indeg[a] })
		co := communityOut{ID: k + 1, Size: len(m)}
		for _, v := range ms {
			n := g.NodeAt(int(v))
			co.Members = append(co.Members, communityMember{Symbol: n.ID, InDegree: indeg[v], Year: n.Year, Title: n.Title})
		}
		out = append(out, co)
	}
	shown := out
	if *top > 0 && len(shown) > *top {
		shown = shown[:*top]
	}
	switch *format {
	case "json":
		return rkJSON(e.stdout, struct {
			Method      string         `json:"method"`
			Modularity  float64        `json:"modularity"`
			Resolution  float64        `json:"resolution"`
			Seed        uint64         `json:"seed"`
			Communities int            `json:"communities"` // all, of any size
			Shown       []communityOut `json:"shown"`
		}{*method, q, *resolution, *seed, len(comms), shown})
	case "csv":
		cw := csv.NewWriter(e.stdout)
		cw.Write([]string{"community", "size", "symbol", "in_degree", "year", "title"})
		for _, co := range shown {
			for _, m := range co.Members {
				cw.Write([]string{strconv.Itoa(co.ID), strconv.Itoa(co.Size), m.Symbol, strconv.Itoa(m.InDegree), rkYear(m.Year), m.Title})
			}
		}
		cw.Flush()
		return cw.Error()
	}
	fmt.Fprintf(e.stdout, "modularity %.4f: %d communities, %d of them of %d or more documents\n\n", q, len(comms), len(out), *minSize)
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "COMMUNITY\tSIZE\tMOST CITED (CITED BY)")
	for _, co := range shown {
		ms := co.Members
		if *members > 0 && len(ms) > *members {
			ms = ms[:*members]
		}
		names := make([]string, len(ms))
		for i, m := range ms {
			names[i] = fmt.Sprintf("%s (%d)", m.Symbol, m.InDegree)
		}
		fmt.Fprintf(tw, "%d\t%d\t%s\n", co.ID, co.Size, strings.Join(names, ", "))
	}
	return tw.Flush()
}
