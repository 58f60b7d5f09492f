package extract

import (
	"bytes"
	"strings"
)

// relationOf normalises the opening phrase of a clause: "Recalling also
// its resolution" → "recalling", "Taking note with appreciation of" →
// "taking note", "3. Also reaffirms" → "reaffirming", "Decides" → "decides".
// Operative verbs that restate a preambular relation (recalls, reaffirms,
// welcomes, takes note, notes, acknowledges, recognizes, endorses) take the
// preambular form, so that one relation names one act across the text.
func relationOf(t string, operative bool) string {
	t = t[:min(len(t), 60)]
	var w [3]string // the first words after the adverbs
	n := 0
	var buf [24]byte
	for i := 0; n < len(w); {
		var word string
		word, i = nextWord(t, i)
		if word == "" {
			break
		}
		if n == 0 {
			// Drop scanning debris ("16. | Demands") and leading adverbs:
			// "Also", "Further", "Once again", "Deeply".
			if !hasLetter(word) || leadingAdverbs[string(lower(word, &buf))] {
				continue
			}
			if strings.EqualFold(word, "once") {
				if next, j := nextWord(t, i); strings.EqualFold(next, "again") {
					i = j
					continue
				}
			}
		}
		w[n] = word
		n++
	}
	if n == 0 {
		return ""
	}
	w0, w1 := w[0], w[1]
	is := strings.EqualFold
	switch {
	case (is(w0, "taking") || is(w0, "takes") || is(w0, "take")) && is(w1, "note"):
		return "taking note"
	case is(w0, "bearing") && is(w1, "in"):
		return "bearing in mind"
	case is(w0, "having") && w1 != "":
		return "having " + strings.ToLower(w1)
	case (is(w0, "calls") || is(w0, "call")) && (is(w1, "upon") || is(w1, "on")):
		return "calls upon"
	case is(w0, "guided") && is(w1, "by"):
		return "guided by"
	}
	l0 := lower(w0, &buf)
	if r, ok := operativeForms[string(l0)]; ok {
		return r
	}
	if operative || bytes.HasSuffix(l0, []byte("ing")) || bytes.HasSuffix(l0, []byte("ed")) || preambularWords[string(l0)] {
		return strings.ToLower(w0)
	}
	return ""
}

// nextWord returns the word of t at or after i, skipping white space and
// the emphasis and commas around words, and where the scan stopped.
func nextWord(t string, i int) (string, int) {
	sep := func(c byte) bool {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '*' || c == '_' || c == ','
	}
	for i < len(t) && sep(t[i]) {
		i++
	}
	j := i
	for j < len(t) && !sep(t[j]) {
		j++
	}
	return t[i:j], j
}

// lower returns w in lower case in buf, for map lookups that do not
// allocate (m[string(lower(w, &buf))]); longer words come back cut.
func lower(w string, buf *[24]byte) []byte {
	w = w[:min(len(w), len(buf))]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)]
}

var leadingAdverbs = map[string]bool{
	"also": true, "further": true, "furthermore": true, "again": true, "deeply": true,
	"gravely": true, "strongly": true, "firmly": true, "seriously": true, "particularly": true,
	"moreover": true, "solemnly": true, "duly": true, "fully": true, "emphatically": true,
	"most": true, "additionally": true, "equally": true, "finally": true,
}

var preambularWords = map[string]bool{
	"mindful": true, "aware": true, "conscious": true, "cognizant": true, "indignant": true,
	"desirous": true, "anxious": true, "confident": true, "grateful": true, "appreciative": true,
	"keen": true, "sensitive": true,
}

var operativeForms = map[string]string{
	"recalls": "recalling", "recall": "recalling",
	"reaffirms": "reaffirming", "reaffirm": "reaffirming",
	"welcomes": "welcoming", "welcome": "welcoming",
	"notes": "noting", "note": "noting",
	"acknowledges": "acknowledging", "acknowledge": "acknowledging",
	"recognizes": "recognizing", "recognize": "recognizing",
	"endorses": "endorsing", "endorse": "endorsing",
	"reiterates": "reiterating", "reiterate": "reiterating",
}

func hasLetter(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}
