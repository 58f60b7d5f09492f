package graph

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// A SeriesLink is one document of a series.
type SeriesLink struct {
	Node int // dense index
	// ByTitle is true when the document's title matches the series title;
	// false when it was taken as the predecessor of the next document
	// without a known title (see Series).
	ByTitle bool
}

// SeriesGap is how many years back Series looks for a predecessor whose
// title is unknown. Annual series cite the previous session's resolution,
// biennial ones the one two sessions back.
const SeriesGap = 3

// Series returns the chain of documents of the same title as symbol, from
// the newest to the oldest, symbol included: the recurring resolutions of
// an agenda item ("Enhancement of international cooperation in the field
// of human rights": A/RES/80/204, 79/166, 78/199, 77/213).
//
// The chain follows citations, never titles alone, both ways from symbol:
//
//   - Back: among the documents the current one cites that belong to the
//     same series of symbols (A/RES/..., S/RES/..., A/HRC/RES/...) and are
//     older, it takes the newest whose normalised title (NormalizeTitle)
//     equals the series title. When none matches and some cited documents
//     of that series have no known title (they are neither in the corpus
//     nor in a catalogue), it takes the newest of those no more than
//     SeriesGap years older, preferring one cited in the preamble; such a
//     link has ByTitle false. The chain goes on from it.
//   - Forward: among the documents citing the current one, it takes the
//     oldest newer one of the same series with the series title.
//
// symbol must have a title (from the corpus or a catalogue).
func (g *Graph) Series(symbol string) ([]SeriesLink, error) {
	root, err := g.Lookup(symbol)
	if err != nil {
		return nil, err
	}
	title := NormalizeTitle(g.nodes[root].Title)
	if title == "" {
		return nil, fmt.Errorf("graph: %s has no known title, so it has no series: give a --catalog that names it", g.nodes[root].ID)
	}
	fam := family(g.nodes[root].ID)
	seen := map[int]bool{root: true}
	var back []SeriesLink
	for cur := root; ; {
		next, byTitle := g.seriesBack(cur, fam, title, seen)
		if next < 0 {
			break
		}
		seen[next] = true
		back = append(back, SeriesLink{Node: next, ByTitle: byTitle})
		cur = next
	}
	var fwd []SeriesLink
	for cur := root; ; {
		next := g.seriesForward(cur, fam, title, seen)
		if next < 0 {
			break
		}
		seen[next] = true
		fwd = append(fwd, SeriesLink{Node: next, ByTitle: true})
		cur = next
	}
	out := make([]SeriesLink, 0, len(fwd)+1+len(back))
	for i := len(fwd) - 1; i >= 0; i-- {
		out = append(out, fwd[i])
	}
	out = append(out, SeriesLink{Node: root, ByTitle: true})
	return append(out, back...), nil
}

func (g *Graph) seriesBack(cur int, fam, title string, seen map[int]bool) (int, bool) {
	year := g.nodes[cur].Year
	best, bestUntitled := -1, -1
	bestPre := false
	for _, e := range g.out[cur] {
		v := int(g.to[e])
		n := &g.nodes[v]
		if seen[v] || family(n.ID) != fam || !older(n.Year, year) {
			continue
		}
		if n.Title != "" {
			if NormalizeTitle(n.Title) == title && (best < 0 || n.Year > g.nodes[best].Year) {
				best = v
			}
			continue
		}
		if year != 0 && (n.Year == 0 || year-n.Year > SeriesGap) {
			continue
		}
		pre := inPreamble(g.edges[e].Paragraphs)
		if bestUntitled < 0 || n.Year > g.nodes[bestUntitled].Year ||
			n.Year == g.nodes[bestUntitled].Year && pre && !bestPre {
			bestUntitled, bestPre = v, pre
		}
	}
	if best >= 0 {
		return best, true
	}
	return bestUntitled, false
}

func (g *Graph) seriesForward(cur int, fam, title string, seen map[int]bool) int {
	year := g.nodes[cur].Year
	best := -1
	for _, e := range g.in[cur] {
		v := int(g.from[e])
		n := &g.nodes[v]
		if seen[v] || family(n.ID) != fam || !older(year, n.Year) || NormalizeTitle(n.Title) != title {
			continue
		}
		if best < 0 || n.Year < g.nodes[best].Year {
			best = v
		}
	}
	return best
}

// older reports whether year a is before year b; unknown years (0) are
// taken as possibly older.
func older(a, b int) bool { return a == 0 || b == 0 || a < b }

func inPreamble(paragraphs []string) bool {
	for _, p := range paragraphs {
		if strings.HasPrefix(p, "PP") {
			return true
		}
	}
	return false
}

// family returns the series of symbols a symbol belongs to: its key up to
// and including /RES/ or /DEC/ (A/RES/, A/HRC/RES/, S/RES/, E/CN.4/RES/),
// else up to its first digit.
func family(symbol string) string {
	k := Key(symbol)
	for _, m := range []string{"/RES/", "/DEC/"} {
		if i := strings.LastIndex(k, m); i >= 0 {
			return k[:i+len(m)]
		}
	}
	if i := strings.IndexAny(k, "0123456789"); i >= 0 {
		return k[:i]
	}
	return k
}

// titleNumber matches the number a title line starts with in the official
// text and in catalogues: "79/166. ", "217 (III). ", "S-26/2. ".
var titleNumber = regexp.MustCompile(`^\s*(?:[A-Z]{1,2}-)?[0-9]+(?:/[0-9]+)?(?:\s*[A-Z])?(?:\s*\([A-Z0-9-]+\))?\s*\.\s+`)

// TitleWithoutNumber returns a title without the resolution number that
// the official text and catalogues put before it ("79/166. Enhancement
// of ..." gives "Enhancement of ...").
func TitleWithoutNumber(title string) string {
	return titleNumber.ReplaceAllString(strings.TrimSpace(title), "")
}

// NormalizeTitle returns the form of a title that Series compares: without
// the leading resolution number, lower case, letters and digits only,
// single spaces.
func NormalizeTitle(title string) string {
	title = titleNumber.ReplaceAllString(title, "")
	var b strings.Builder
	space := false
	for _, r := range title {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}
