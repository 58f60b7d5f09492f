// Package extract finds the references a United Nations document makes to
// other UN documents.
//
// The pipeline follows the shape of eyecite: clean (recognise page headers,
// job numbers, page counters and footnote blocks in raw PDF text) → find
// (one pass over the bytes for cheap candidates) → resolve (decide the
// issuing body and canonical target from context) → annotate (clause
// relation, paragraph, footnote, pinpoint). Every Reference carries a
// half-open byte span into the original input, so input[Start:End] == Raw.
package extract

import "slices"

// Kind says what sort of document a reference points to.
type Kind string

// The kinds of reference, as written in the jsonl output.
const (
	KindResolution      Kind = "resolution"
	KindDecision        Kind = "decision"
	KindSymbol          Kind = "symbol"
	KindOfficialRecords Kind = "official-records"
	KindTreatySeries    Kind = "treaty-series"
	KindInstrument      Kind = "instrument"
)

// Reference is one mention of another UN document.
//
// The JSON field names are a public format read by other tools; do not
// change them.
type Reference struct {
	Target    string `json:"target"`    // canonical form, see reference-forms.md
	Raw       string `json:"raw"`       // input[Start:End]
	Start     int    `json:"start"`     // byte offset, inclusive
	End       int    `json:"end"`       // byte offset, exclusive
	Line      int    `json:"line"`      // 1-based line of Start
	Kind      Kind   `json:"kind"`      // resolution, decision, symbol, ...
	Body      string `json:"body"`      // issuing body of the target: GA, SC, HRC, ...
	Relation  string `json:"relation"`  // recalling, reaffirming, welcoming, taking note, decides, ...
	Paragraph string `json:"paragraph"` // HEAD, PP3, OP2, FN1
	Footnote  int    `json:"footnote"`  // footnote number when in or reached through a footnote, else 0
	Pinpoint  string `json:"pinpoint"`  // chap. III, para. 99, A to E
}

// Document is one input text and the references it makes.
type Document struct {
	File       string      `json:"file"`
	Symbol     string      `json:"symbol"` // the document's own canonical symbol, "" when unknown
	Title      string      `json:"title"`
	Date       string      `json:"date"` // adoption date, YYYY-MM-DD, "" when unknown
	Body       string      `json:"body"` // issuing body of the document itself
	References []Reference `json:"references"`
}

// Targets returns the distinct canonical targets of d, sorted.
func (d *Document) Targets() []string {
	seen := make(map[string]bool, len(d.References))
	var out []string
	for _, r := range d.References {
		if !seen[r.Target] {
			seen[r.Target] = true
			out = append(out, r.Target)
		}
	}
	slices.Sort(out)
	return out
}
