// Package instrument is a catalogue of named foundational UN instruments
// (the Charter, the Universal Declaration, the Covenants, the core
// human-rights treaties, the great conference declarations and programmes
// of action, the 2030 Agenda, ...) and a fast matcher that finds their
// names in raw document text.
//
// A named mention resolves to the document that adopted the instrument, as
// ../../../shared/spec/reference-forms.md ("named instruments") requires:
// "Vienna Declaration and Programme of Action" is A/CONF.157/23, "2030
// Agenda for Sustainable Development" is A/RES/70/1.
//
// # Which document is the target
//
//   - Adopted by a General Assembly (or Council) resolution, as its text or
//     an annex to it: that resolution (ICCPR → A/RES/2200(XXI), CEDAW →
//     A/RES/34/180). This holds also when a conference adopted the text and
//     the Assembly then endorsed it and reproduced it in an annex (Sendai →
//     A/RES/69/283, Addis Ababa → A/RES/69/313), because that is how
//     Assembly texts cite it.
//   - Adopted by a UN conference whose report holds the text, the Assembly
//     only endorsing it: the conference document (Vienna → A/CONF.157/23,
//     Durban → A/CONF.189/12, Beijing → A/CONF.177/20).
//   - A treaty adopted outside any UN resolution: its United Nations Treaty
//     Series entry in the spec's canonical form (Refugee Convention →
//     UNTS/189/2545, Rome Statute → UNTS/2187/38544). The Charter has no
//     registration number and is cited by its place, 1 UNTS XVI →
//     UNTS/1/XVI; the Statute of the Court likewise 33 UNTS 993.
//   - Adopted by a treaty conference of the parties: the UN document that
//     holds the decision (Paris Agreement → FCCC/CP/2015/10/Add.1).
//   - Endorsed or affirmed by a resolution that does not reproduce it, no
//     conference having adopted it: that resolution (Global Compact on
//     Refugees → A/RES/73/151, text in A/73/12 (Part II); Guiding
//     Principles on Business and Human Rights → A/HRC/RES/17/4, text in
//     A/HRC/17/31).
//   - Never adopted: the document that holds the text (Guiding Principles
//     on Internal Displacement → E/CN.4/1998/53/Add.2).
//
// Several instruments may share a target (resolution 2200 A (XXI) adopted
// both Covenants and the first Optional Protocol); Lookup gives the first,
// ByTarget all.
//
// Registered treaties also carry their Treaty Series entry (TreatySeries),
// which is what Assembly footnotes usually cite for them, so an extractor
// can tie a "United Nations, Treaty Series, vol. 1249, No. 20378" footnote
// to the instrument named in the sentence.
//
// The data is instruments.tsv (embedded): columns target, name, aliases
// (|-separated), date, body, source, treaty_series; every row says in its
// source column how it is known. not-instruments.txt lists names that
// contain or extend a catalogued name but denote something else.
//
// # Matching
//
// Find, FindAsOf and FindAcross find the names and aliases in raw text in
// one pass: a cheap scan for word starts whose first two bytes begin a
// catalogued name, then a walk down a byte trie that folds white space,
// line-end hyphenation, curly quotes and dashes. See Find for the rules.
package instrument

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

// Instrument is one catalogued instrument.
type Instrument struct {
	Target  string   // canonical symbol of the adopting document (see the package doc)
	Name    string   // official name
	Aliases []string // common short names, matched like the name
	Date    string   // YYYY-MM-DD: when the target document adopted or endorsed it (for treaties outside the UN document system, adoption or signature)
	Body    string   // issuing body of Target, a code of extract/symbol: GA, SC, ECOSOC, HRC, CHR, CONF, TREATY, UNTS, OTHER
	Source  string   // how the row is known
	// TreatySeries is the United Nations Treaty Series entry of a registered
	// treaty in canonical form (UNTS/1249/20378), "" when none is recorded.
	TreatySeries string
}

// Bodies are the values Instrument.Body takes.
var Bodies = []string{"GA", "SC", "ECOSOC", "HRC", "CHR", "CONF", "TREATY", "UNTS", "OTHER"}

//go:embed instruments.tsv
var catalogueTSV string

//go:embed not-instruments.txt
var notInstrumentsTXT string

var (
	catalogue []Instrument // file order
	byName    []Instrument // sorted by Name
	byTarget  map[string][]int
	byTreaty  map[string][]int
)

func init() {
	var err error
	catalogue, err = parseTSV(catalogueTSV)
	if err != nil {
		// The catalogue is compiled in; TestCatalogue guards it.
		panic(err)
	}
	byName = slices.Clone(catalogue)
	slices.SortStableFunc(byName, func(a, b Instrument) int { return strings.Compare(a.Name, b.Name) })
	byTarget = make(map[string][]int)
	byTreaty = make(map[string][]int)
	for i, in := range catalogue {
		k := key(in.Target)
		byTarget[k] = append(byTarget[k], i)
		if in.TreatySeries != "" {
			k := key(in.TreatySeries)
			byTreaty[k] = append(byTreaty[k], i)
		}
	}
	defaultMatcher = newMatcher(catalogue, blockers(notInstrumentsTXT))
}

// columns of instruments.tsv, in order.
var columns = []string{"target", "name", "aliases", "date", "body", "source", "treaty_series"}

// parseTSV reads the catalogue: a header line naming the columns, then one
// instrument per line, tab-separated.
func parseTSV(s string) ([]Instrument, error) {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) == 0 || lines[0] != strings.Join(columns, "\t") {
		return nil, fmt.Errorf("instrument: instruments.tsv: header must be %q; fix the first line", strings.Join(columns, "\t"))
	}
	var out []Instrument
	for n, line := range lines[1:] {
		lineNo := n + 2
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != len(columns) {
			return nil, fmt.Errorf("instrument: instruments.tsv:%d: %d fields, want %d tab-separated", lineNo, len(f), len(columns))
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		in := Instrument{Target: f[0], Name: f[1], Date: f[3], Body: f[4], Source: f[5], TreatySeries: f[6]}
		if f[2] != "" {
			for _, a := range strings.Split(f[2], "|") {
				if a = strings.TrimSpace(a); a != "" {
					in.Aliases = append(in.Aliases, a)
				}
			}
		}
		if err := in.check(); err != nil {
			return nil, fmt.Errorf("instrument: instruments.tsv:%d: %w", lineNo, err)
		}
		out = append(out, in)
	}
	return out, nil
}

// check validates the shape of one row (not its truth).
func (in *Instrument) check() error {
	switch {
	case in.Target == "" || strings.ContainsAny(in.Target, " \t"):
		return fmt.Errorf("target %q: want a canonical symbol without spaces", in.Target)
	case in.Name == "":
		return fmt.Errorf("empty name")
	case in.Source == "":
		return fmt.Errorf("%s: empty source; say how the row is known", in.Name)
	case !slices.Contains(Bodies, in.Body):
		return fmt.Errorf("%s: body %q not one of %v", in.Name, in.Body, Bodies)
	case !isDate(in.Date):
		return fmt.Errorf("%s: date %q: want YYYY-MM-DD", in.Name, in.Date)
	case in.TreatySeries != "" && !strings.HasPrefix(in.TreatySeries, "UNTS/"):
		return fmt.Errorf("%s: treaty_series %q: want UNTS/vol/No", in.Name, in.TreatySeries)
	}
	return nil
}

func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	m, d := (s[5]-'0')*10+s[6]-'0', (s[8]-'0')*10+s[9]-'0'
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}

// key is the comparison form of a canonical target: upper case, no white
// space (reference-forms.md compares case-insensitively without spaces).
func key(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// All returns every catalogued instrument, sorted by Name. The slice is a
// copy; callers may modify it.
func All() []Instrument {
	out := slices.Clone(byName)
	for i := range out {
		out[i].Aliases = slices.Clone(out[i].Aliases)
	}
	return out
}

// Lookup returns the instrument adopted by target (compared
// case-insensitively, white space ignored). Where one document adopted
// several instruments (resolution 2200 A (XXI): both Covenants and the
// first Optional Protocol) it returns the first in catalogue order, the
// principal one; ByTarget returns them all.
func Lookup(target string) (Instrument, bool) {
	ix := byTarget[key(target)]
	if len(ix) == 0 {
		return Instrument{}, false
	}
	return catalogue[ix[0]], true
}

// ByTarget returns every instrument adopted by target, in catalogue order.
func ByTarget(target string) []Instrument {
	var out []Instrument
	for _, i := range byTarget[key(target)] {
		out = append(out, catalogue[i])
	}
	return out
}

// ByTreatySeries returns the instruments registered under a Treaty Series
// entry such as UNTS/1249/20378, in catalogue order. A protocol sharing its
// parent's registration number has its own volume, so a volume-and-number
// entry normally names one instrument.
func ByTreatySeries(unts string) []Instrument {
	var out []Instrument
	for _, i := range byTreaty[key(unts)] {
		out = append(out, catalogue[i])
	}
	return out
}
