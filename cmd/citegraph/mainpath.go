package main

import (
	"encoding/csv"
	"fmt"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	flag "github.com/spf13/pflag"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/rank"
)

func init() {
	register(&command{
		name:    "mainpath",
		summary: "trace the main stream of citations (search path count main-path analysis)",
		run:     runMainPath,
	})
}

const mainPathUsage = `Usage: citegraph mainpath [flags] [PATH...]

Mainpath finds the backbone of the citation graph by main-path analysis
(Hummon and Doreian 1989), the classic method for citation networks. Every
citation is weighted by its search path count (Batagelj 2003): the number of
chains of citations, from a document nobody cites to a document that cites
nothing, that run through it. The global main path is the chain whose
citations carry the most weight in total (Liu and Lu 2012). With
--key-routes K, mainpath also follows each of the K heaviest citations back
to its origin and forward to the present, always along the heaviest
citation (key-route main paths).

Paths are shown oldest first: each document is cited by the next one.

The method needs a graph without cycles. Citation cycles (documents citing
each other, or a draft and the text adopted from it) are broken the same
way every time: inside each group of documents that cite one another round
in a cycle, a citation is kept only when the cited document is older (by
year, then symbol) than the citing one. The number of citations dropped is
reported on stderr.

` + sourceHelp + `

Examples:
  citegraph mainpath ../shared/corpus/sc
  citegraph mainpath --graph un.citegraph --key-routes 5
  citegraph mainpath --graph un.citegraph --format json > mainpath.json

Flags:
`

type mainPathDoc struct {
	Symbol   string `json:"symbol"`
	Year     int    `json:"year,omitempty"`
	Title    string `json:"title,omitempty"`
	InCorpus bool   `json:"in_corpus"`
}

// mainPathLink is a citation on a path: Citing cites Cited.
type mainPathLink struct {
	Citing string  `json:"citing"`
	Cited  string  `json:"cited"`
	SPC    float64 `json:"spc"`    // search path count (rounded beyond 2^53)
	Weight float64 `json:"weight"` // SPC divided by the number of source–sink paths
}

type mainPath struct {
	Kind      string         `json:"kind"`                // global or key-route
	Key       *mainPathLink  `json:"key_route,omitempty"` // the key-route citation
	Weight    float64        `json:"weight"`              // total weight of the path's citations
	Documents []mainPathDoc  `json:"documents"`           // oldest first
	Links     []mainPathLink `json:"citations"`           // Links[i]: Documents[i+1] cites Documents[i]
}

func runMainPath(e *env, args []string) error {
	fs := flag.NewFlagSet("mainpath", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var src graphSource
	src.addFlags(fs)
	keyRoutes := fs.IntP("key-routes", "k", 0, "also show the key-route main paths of the `K` heaviest citations")
	format := fs.StringP("format", "f", "list", "output `FORMAT`: list, table, json or csv")
	if help, err := e.parse(fs, mainPathUsage, args); help || err != nil {
		return err
	}
	if *keyRoutes < 0 {
		return usagef("--key-routes must be 0 or more, not %d", *keyRoutes)
	}
	if err := rkCheckFormat(*format, "list", "table", "json", "csv"); err != nil {
		return err
	}
	g, err := src.load(e, fs.Args())
	if err != nil {
		return err
	}
	older := func(u, v int) bool { // by year, then symbol (node order)
		yu, yv := g.NodeAt(u).Year, g.NodeAt(v).Year
		if yu != yv {
			return yu < yv
		}
		return u < v
	}
	spc := rank.SearchPathCount(g, older)
	if len(spc.Dropped) > 0 {
		fmt.Fprintf(e.stderr, "citegraph mainpath: %d citations inside cycles dropped (kept only those citing an older document)\n", len(spc.Dropped))
	}
	paths := []mainPath{mpPath(g, "global", spc.GlobalMainPath(), nil)}
	if *keyRoutes > 0 {
		arcs := spc.Arcs()
		for _, p := range spc.KeyRoutes(*keyRoutes) {
			// Name the key route: the first of the heaviest arcs on it.
			var key *rank.Arc
			for i := range arcs[:min(*keyRoutes, len(arcs))] {
				for _, a := range p {
					if a.From == arcs[i].From && a.To == arcs[i].To {
						key = &arcs[i]
						break
					}
				}
				if key != nil {
					break
				}
			}
			paths = append(paths, mpPath(g, "key-route", p, key))
		}
	}
	if len(paths[0].Documents) == 0 {
		return fmt.Errorf("the graph has no citations, so no main path: give a corpus with references")
	}
	switch *format {
	case "json":
		return rkJSON(e.stdout, struct {
			Paths    float64    `json:"source_sink_paths"`
			LogPaths float64    `json:"log_source_sink_paths"`
			Dropped  int        `json:"dropped_citations"`
			MainPath []mainPath `json:"main_paths"`
		}{mpFinite(spc.Paths()), spc.LogPaths, len(spc.Dropped), paths})
	case "csv":
		cw := csv.NewWriter(e.stdout)
		cw.Write([]string{"path", "kind", "step", "symbol", "year", "spc", "weight", "title"})
		for k, p := range paths {
			for i, d := range p.Documents {
				spc, w := "", ""
				if i < len(p.Links) {
					spc, w = mpCount(p.Links[i].SPC), strconv.FormatFloat(p.Links[i].Weight, 'g', -1, 64)
				}
				cw.Write([]string{strconv.Itoa(k + 1), p.Kind, strconv.Itoa(i + 1), d.Symbol, rkYear(d.Year), spc, w, d.Title})
			}
		}
		cw.Flush()
		return cw.Error()
	case "table":
		tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "PATH\tSTEP\tSYMBOL\tYEAR\tSPC TO NEXT\tWEIGHT\tTITLE")
		for k, p := range paths {
			for i, d := range p.Documents {
				spc, w := "", ""
				if i < len(p.Links) {
					spc, w = mpCount(p.Links[i].SPC), strconv.FormatFloat(p.Links[i].Weight, 'g', 4, 64)
				}
				fmt.Fprintf(tw, "%d %s\t%d\t%s\t%s\t%s\t%s\t%s\n", k+1, p.Kind, i+1, d.Symbol, yearString(d.Year), spc, w, rkTitle(d.Title, d.InCorpus))
			}
		}
		return tw.Flush()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s source–sink citation chains", mpCount(spc.Paths()))
	if math.IsInf(spc.Paths(), 1) {
		fmt.Fprintf(&b, " (e^%.1f)", spc.LogPaths)
	}
	b.WriteString("\n")
	for k, p := range paths {
		b.WriteString("\n")
		if k > 0 && mpSame(p, paths[0]) {
			fmt.Fprintf(&b, "Key-route main path through %s → %s (SPC %s): the global main path.\n", p.Key.Citing, p.Key.Cited, mpCount(p.Key.SPC))
			continue
		}
		if p.Key != nil {
			fmt.Fprintf(&b, "Key-route main path through %s → %s (SPC %s), total weight %.4g:\n", p.Key.Citing, p.Key.Cited, mpCount(p.Key.SPC), p.Weight)
		} else {
			fmt.Fprintf(&b, "Global main path, %d documents, total weight %.4g:\n", len(p.Documents), p.Weight)
		}
		for i, d := range p.Documents {
			fmt.Fprintf(&b, "  %s\n", nodeLine(d.Symbol, d.Year, d.Title, d.InCorpus))
			if i < len(p.Links) {
				fmt.Fprintf(&b, "    ↓ cited by  (SPC %s, weight %.4g)\n", mpCount(p.Links[i].SPC), p.Links[i].Weight)
			}
		}
	}
	_, err = fmt.Fprint(e.stdout, b.String())
	return err
}

// mpSame reports whether two paths pass through the same documents.
func mpSame(a, b mainPath) bool {
	if len(a.Documents) != len(b.Documents) {
		return false
	}
	for i := range a.Documents {
		if a.Documents[i].Symbol != b.Documents[i].Symbol {
			return false
		}
	}
	return true
}

// mpPath turns a path of arcs (citing → cited, newest first) into a
// mainPath listed oldest first.
func mpPath(g *graph.Graph, kind string, arcs []rank.Arc, key *rank.Arc) mainPath {
	p := mainPath{Kind: kind}
	if key != nil {
		l := mpLink(g, *key)
		p.Key = &l
	}
	for i := len(arcs) - 1; i >= 0; i-- {
		a := arcs[i]
		if i == len(arcs)-1 {
			p.Documents = append(p.Documents, mpDoc(g, int(a.To)))
		}
		p.Documents = append(p.Documents, mpDoc(g, int(a.From)))
		p.Links = append(p.Links, mpLink(g, a))
		p.Weight += a.Weight
	}
	return p
}

func mpDoc(g *graph.Graph, i int) mainPathDoc {
	n := g.NodeAt(i)
	return mainPathDoc{Symbol: n.ID, Year: n.Year, Title: n.Title, InCorpus: n.InCorpus}
}

func mpLink(g *graph.Graph, a rank.Arc) mainPathLink {
	return mainPathLink{Citing: g.NodeAt(int(a.From)).ID, Cited: g.NodeAt(int(a.To)).ID, SPC: mpFinite(a.Count), Weight: a.Weight}
}

// mpFinite keeps JSON valid: counts beyond float64 become its largest value.
func mpFinite(x float64) float64 {
	if math.IsInf(x, 1) {
		return math.MaxFloat64
	}
	return x
}

func mpCount(x float64) string {
	if math.IsInf(x, 1) || x >= math.MaxFloat64 {
		return "∞"
	}
	if x < 1e15 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}
