// Package synth makes synthetic corpora with the shape of the General
// Assembly's citations, for benchmarks at sizes no real corpus reaches
// (100,000 and 1,000,000 documents).
//
// Documents are A/RES/s/n: Sessions sessions of equal size, session s
// adopted in 1945+s. Each cites about RefsPerDoc earlier documents, chosen
// three ways:
//
//   - mostly (95%), its own predecessor, A/RES/(s-1)/n, which has the same title (the
//     recurring resolutions of an agenda item: Graph.Series finds them);
//   - a copy of a target cited by some earlier document, chosen uniformly
//     among all earlier citations: a document is copied in proportion to
//     how often it is already cited, which gives the in-degree a power-law
//     tail (the copying model of citation networks);
//   - a recent document: sessions back drawn from a geometric law, so that
//     most citations go to the last few sessions.
//
// A few citations go to documents outside the corpus (reports A/s/n), as
// real texts cite reports and records. Everything is drawn from a
// math/rand/v2 PCG seeded by Options.Seed: the same options give the same
// corpus on every machine.
package synth

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

// Options describe a synthetic corpus. Zero fields take the defaults.
type Options struct {
	Seed       uint64
	Docs       int     // number of documents in the corpus (default 1000)
	Sessions   int     // number of sessions (default 80, like the GA today)
	RefsPerDoc float64 // mean citations per document (default 10)
}

func (o Options) withDefaults() Options {
	if o.Docs <= 0 {
		o.Docs = 1000
	}
	if o.Sessions <= 0 {
		o.Sessions = 80
	}
	if o.Sessions > o.Docs {
		o.Sessions = o.Docs
	}
	if o.Sessions > 150 {
		o.Sessions = 150
	}
	if o.RefsPerDoc <= 0 {
		o.RefsPerDoc = 10
	}
	return o
}

var (
	relations = []string{"recalling", "recalling", "recalling", "reaffirming", "reaffirming", "welcoming", "taking note", "noting", "decides", "requests"}
	preamble  = map[string]bool{"recalling": true, "reaffirming": true, "welcoming": true, "noting": true, "taking note": true}
	pp, op    [30]string
)

func init() {
	for i := range pp {
		pp[i] = "PP" + strconv.Itoa(i+1)
		op[i] = "OP" + strconv.Itoa(i+1)
	}
}

// Documents calls fn with each document of the corpus, oldest first. The
// Document passed to fn is reused: fn must not keep it (Builder.Add does
// not).
func Documents(opt Options, fn func(*extract.Document)) {
	opt = opt.withDefaults()
	r := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	per := (opt.Docs + opt.Sessions - 1) / opt.Sessions
	syms := make([]string, opt.Docs)
	titles := make([]string, per)
	for n := range titles {
		titles[n] = "Synthetic agenda item " + strconv.Itoa(n+1)
	}
	var cited []int32 // every citation so far, by target document number
	d := &extract.Document{Body: "GA"}
	seen := map[int32]bool{}
	for i := 0; i < opt.Docs; i++ {
		s, n := i/per+1, i%per+1
		syms[i] = "A/RES/" + strconv.Itoa(s) + "/" + strconv.Itoa(n)
		year := 1945 + s
		d.Symbol = syms[i]
		d.File = "synth/A_RES_" + strconv.Itoa(s) + "_" + strconv.Itoa(n) + ".txt"
		d.Title = strconv.Itoa(s) + "/" + strconv.Itoa(n) + ". " + titles[n-1]
		d.Date = strconv.Itoa(year) + "-12-15"
		d.References = d.References[:0]
		clear(seen)
		k := poisson(r, opt.RefsPerDoc)
		start := len(cited)
		series := s > 1 && r.Float64() < 0.95
		for j := 0; j < k && i > 0; j++ {
			var t int32 = -1
			switch x := r.Float64(); {
			case j == 0 && series:
				t = int32(i - per) // the predecessor in the series
			case x < 0.5 && start > 0:
				t = cited[r.IntN(start)]
			case x < 0.95:
				back := geometric(r, 0.45)
				ts := s - back
				if ts < 1 {
					ts = 1
				}
				lo := (ts - 1) * per
				hi := min(lo+per, i)
				if hi <= lo {
					lo, hi = 0, i
				}
				t = int32(lo + r.IntN(hi-lo))
			}
			var target string
			if t < 0 {
				// A report outside the corpus.
				target = "A/" + strconv.Itoa(max(1, s-geometric(r, 0.5))) + "/" + strconv.Itoa(1+r.IntN(800))
			} else {
				if seen[t] {
					continue
				}
				seen[t] = true
				target = syms[t]
				cited = append(cited, t)
			}
			rel := relations[r.IntN(len(relations))]
			para := op[min(j, len(op)-1)]
			if preamble[rel] {
				para = pp[min(j, len(pp)-1)]
			}
			d.References = append(d.References, extract.Reference{
				Target: target, Kind: extract.KindResolution, Body: "GA",
				Relation: rel, Paragraph: para, Start: 100 * (j + 1), End: 100*(j+1) + 12,
			})
		}
		fn(d)
	}
}

// Collect returns the documents of a synthetic corpus, each its own copy:
// for small corpora (a million documents take gigabytes this way; give
// Documents a Builder instead).
func Collect(opt Options) []*extract.Document {
	var docs []*extract.Document
	Documents(opt, func(d *extract.Document) {
		c := *d
		c.References = slices.Clone(d.References)
		docs = append(docs, &c)
	})
	return docs
}

// Graph builds the graph of a synthetic corpus.
func Graph(opt Options) (*graph.Graph, error) {
	b := graph.NewBuilder()
	Documents(opt, b.Add)
	return b.Graph()
}

// poisson draws from a Poisson law of mean m (Knuth's method for small m,
// a rounded normal for large).
func poisson(r *rand.Rand, m float64) int {
	if m > 30 {
		v := int(m + r.NormFloat64()*math.Sqrt(m) + 0.5)
		return max(v, 0)
	}
	l := math.Exp(-m)
	k, p := 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// geometric draws the number of trials up to the first success, at least 1.
func geometric(r *rand.Rand, p float64) int {
	k := 1
	for r.Float64() > p && k < 1000 {
		k++
	}
	return k
}
