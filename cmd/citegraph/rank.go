package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	flag "github.com/spf13/pflag"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/rank"
)

func init() {
	register(&command{
		name:    "rank",
		summary: "rank documents by centrality: in-degree, PageRank, HITS, betweenness",
		run:     runRank,
	})
}

const rankUsage = `Usage: citegraph rank [flags] [PATH...]

Rank lists the documents that hold the citation graph up, by one of:

  indegree     how many documents cite it
  pagerank     PageRank (damping 0.85): cited by documents that are themselves
               much cited; rank leaking from documents that cite nothing is
               spread evenly, as networkx does
  hits         HITS authority: cited by documents that cite many good
               authorities (the foundational texts)
  hubs         HITS hub: cites many good authorities (the surveys)
  betweenness  how many shortest citation chains pass through it; exact
               when it takes a few seconds (the shared corpus takes a
               fraction of one), else estimated from a random sample of
               sources (the error bound is printed); --samples decides

Values agree with networkx (pagerank, hits, betweenness_centrality) within
1e-6. Ties are broken by symbol, so the output is the same on every run.
--kind and --body filter the list after ranking the whole graph.

` + sourceHelp + `

Examples:
  citegraph rank ../shared/corpus/ga ../shared/corpus/sc
  citegraph rank --graph un.citegraph --by hits --top 10
  citegraph rank --graph un.citegraph --by betweenness --kind resolution --body SC
  citegraph rank --graph un.citegraph --by indegree --top 0 --format csv > indegree.csv

Flags:
`

// rankRow is one ranked document.
type rankRow struct {
	Rank     int     `json:"rank"`
	Symbol   string  `json:"symbol"`
	Score    float64 `json:"score"`
	StdErr   float64 `json:"stderr,omitempty"` // sampled betweenness only
	InDegree int     `json:"in_degree"`
	Year     int     `json:"year,omitempty"`
	Body     string  `json:"body,omitempty"`
	Kind     string  `json:"kind,omitempty"`
	InCorpus bool    `json:"in_corpus"`
	Title    string  `json:"title,omitempty"`
}

// rankSampling describes a betweenness estimate.
type rankSampling struct {
	Sources    int     `json:"sources"`
	Nodes      int     `json:"nodes"`
	Bound      float64 `json:"bound"`
	Confidence float64 `json:"confidence"`
	Seed       uint64  `json:"seed"`
}

// betweennessBudget is the number of edge visits rank allows Brandes'
// algorithm by default, a few seconds of one core: exact betweenness when
// all sources fit, else as many sampled sources as fit (at least 100).
const betweennessBudget = 2e8

func runRank(e *env, args []string) error {
	fs := flag.NewFlagSet("rank", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var src graphSource
	src.addFlags(fs)
	by := fs.String("by", "pagerank", "rank by `MEASURE`: indegree, pagerank, hits, hubs or betweenness")
	top := fs.IntP("top", "n", 20, "show the first `N` documents (0: all)")
	kind := fs.String("kind", "", "show only documents of this `KIND` (resolution, decision, ...)")
	body := fs.String("body", "", "show only documents of this issuing `BODY` (GA, SC, HRC, ...)")
	format := fs.StringP("format", "f", "table", "output `FORMAT`: table, json or csv")
	damping := fs.Float64("damping", 0.85, "PageRank damping `FACTOR`, in [0, 1)")
	samples := fs.Int("samples", 0, "betweenness from `K` sampled sources (0: exact when the graph is small enough, else sampled; -1: always exact)")
	seed := fs.Uint64("seed", 1, "random `SEED` for sampled betweenness")
	if help, err := e.parse(fs, rankUsage, args); help || err != nil {
		return err
	}
	switch *by {
	case "indegree", "pagerank", "hits", "hubs", "betweenness":
	default:
		return usagef("unknown --by %q: use indegree, pagerank, hits, hubs or betweenness", *by)
	}
	if err := rkCheckFormat(*format, "table", "json", "csv"); err != nil {
		return err
	}
	if *top < 0 {
		return usagef("--top must be 0 (all) or more, not %d", *top)
	}
	if *damping < 0 || *damping >= 1 {
		return usagef("--damping must be in [0, 1), not %v", *damping)
	}
	g, err := src.load(e, fs.Args())
	if err != nil {
		return err
	}
	c := rank.NewCSR(g)
	indeg := rank.InDegree(c)
	var scores, stderr []float64
	var sampling *rankSampling
	switch *by {
	case "indegree":
		scores = make([]float64, len(indeg))
		for i, d := range indeg {
			scores[i] = float64(d)
		}
	case "pagerank":
		if scores, err = rank.PageRank(c, *damping, 0); err != nil {
			return err
		}
	case "hits", "hubs":
		hubs, auth, err := rank.HITS(c, 0)
		if err != nil {
			return err
		}
		scores = auth
		if *by == "hubs" {
			scores = hubs
		}
	case "betweenness":
		k := *samples
		if k == 0 {
			k = rank.PlanBetweenness(c, betweennessBudget, 100, *seed)
		}
		if k <= 0 || k >= c.Len() {
			scores = rank.Betweenness(c)
		} else {
			est := rank.SampledBetweenness(c, k, *seed)
			scores, stderr = est.Values, est.StdErr
			sampling = &rankSampling{Sources: est.Pivots, Nodes: est.Nodes, Bound: est.Bound, Confidence: est.Confidence, Seed: *seed}
			fmt.Fprintf(e.stderr, "citegraph rank: betweenness estimated from %d of %d sources (seed %d): with %.0f%% probability every value is within %.3g of the exact one; ± is the sample standard error\n",
				est.Pivots, est.Nodes, *seed, est.Confidence*100, est.Bound)
		}
	}
	rows := rkRows(g, scores, stderr, indeg, *kind, *body, *top)
	switch *format {
	case "json":
		var damp float64 // only PageRank has one
		if *by == "pagerank" {
			damp = *damping
		}
		return rkJSON(e.stdout, struct {
			Measure  string        `json:"measure"`
			Nodes    int           `json:"nodes"`
			Edges    int           `json:"edges"`
			Damping  float64       `json:"damping,omitempty"`
			Sampling *rankSampling `json:"sampling,omitempty"`
			Results  []rankRow     `json:"results"`
		}{*by, c.Len(), c.Edges(), damp, sampling, rows})
	case "csv":
		cw := csv.NewWriter(e.stdout)
		head := []string{"rank", "symbol", *by, "in_degree", "year", "body", "kind", "in_corpus", "title"}
		if *by == "indegree" {
			head = slices.Delete(head, 3, 4)
		}
		if stderr != nil {
			head = slices.Insert(head, 3, "stderr")
		}
		cw.Write(head)
		for _, r := range rows {
			rec := []string{strconv.Itoa(r.Rank), r.Symbol, rkScore(*by, r.Score), strconv.Itoa(r.InDegree), rkYear(r.Year), r.Body, r.Kind, strconv.FormatBool(r.InCorpus), r.Title}
			if *by == "indegree" {
				rec = slices.Delete(rec, 3, 4)
			}
			if stderr != nil {
				rec = slices.Insert(rec, 3, strconv.FormatFloat(r.StdErr, 'g', -1, 64))
			}
			cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	head := "RANK\tSYMBOL\tYEAR\t" + strings.ToUpper(*by)
	if stderr != nil {
		head += "\t±"
	}
	if *by != "indegree" {
		head += "\tCITED BY"
	}
	fmt.Fprintln(tw, head+"\tTITLE")
	for _, r := range rows {
		line := fmt.Sprintf("%d\t%s\t%s\t%s", r.Rank, r.Symbol, yearString(r.Year), rkScoreShort(*by, r.Score))
		if stderr != nil {
			line += "\t" + strconv.FormatFloat(r.StdErr, 'g', 2, 64)
		}
		if *by != "indegree" {
			line += "\t" + strconv.Itoa(r.InDegree)
		}
		fmt.Fprintln(tw, line+"\t"+rkTitle(r.Title, r.InCorpus))
	}
	return tw.Flush()
}

// rkRows sorts the nodes by score (highest first, ties by symbol), keeps
// those of the kind and body asked for, and returns the first top (all when
// top is 0).
func rkRows(g *graph.Graph, scores, stderr []float64, indeg []int, kind, body string, top int) []rankRow {
	idx := make([]int, 0, len(scores))
	for i := range scores {
		n := g.NodeAt(i)
		if kind != "" && !strings.EqualFold(n.Kind, kind) || body != "" && !strings.EqualFold(n.Body, body) {
			continue
		}
		idx = append(idx, i)
	}
	// Node numbers follow symbol order, so ties go to the lower number.
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case scores[a] > scores[b]:
			return -1
		case scores[a] < scores[b]:
			return 1
		}
		return a - b
	})
	if top > 0 && len(idx) > top {
		idx = idx[:top]
	}
	rows := make([]rankRow, len(idx))
	for k, i := range idx {
		n := g.NodeAt(i)
		rows[k] = rankRow{Rank: k + 1, Symbol: n.ID, Score: scores[i], InDegree: indeg[i], Year: n.Year, Body: n.Body, Kind: n.Kind, InCorpus: n.InCorpus, Title: n.Title}
		if stderr != nil {
			rows[k].StdErr = stderr[i]
		}
	}
	return rows
}

func rkScore(by string, v float64) string {
	if by == "indegree" {
		return strconv.Itoa(int(v))
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

func rkScoreShort(by string, v float64) string {
	if by == "indegree" {
		return strconv.Itoa(int(v))
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}

func rkYear(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

func rkTitle(title string, inCorpus bool) string {
	if t := shortTitle(title, 60); t != "" {
		return t
	}
	if !inCorpus {
		return "(cited, not in the corpus)"
	}
	return ""
}

// rkCheckFormat returns a usage error unless format is one of those allowed.
func rkCheckFormat(format string, allowed ...string) error {
	if slices.Contains(allowed, format) {
		return nil
	}
	return usagef("unknown --format %q: use %s", format, strings.Join(allowed, ", "))
}

func rkJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
