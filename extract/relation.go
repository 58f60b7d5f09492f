package extract

import "strings"

// relationOf normalises the opening phrase of a clause: "Recalling also
// its resolution" → "recalling", "Taking note with appreciation of" →
// "taking note", "3. Also reaffirms" → "reaffirming", "Decides" → "decides".
// Operative verbs that restate a preambular relation (recalls, reaffirms,
// welcomes, takes note, notes, acknowledges, recognizes, endorses) take the
// preambular form, so that one relation names one act across the text.
func relationOf(t string, operative bool) string {
	words := strings.Fields(relationCleaner.Replace(t[:min(len(t), 60)]))
	// Drop scanning debris ("16. | Demands") and leading adverbs: "Also",
	// "Further", "Once again", "Deeply".
	for len(words) > 0 && !hasLetter(words[0]) {
		words = words[1:]
	}
	for len(words) > 0 {
		w := strings.ToLower(words[0])
		if w == "once" && len(words) > 1 && strings.EqualFold(words[1], "again") {
			words = words[2:]
			continue
		}
		if leadingAdverbs[w] {
			words = words[1:]
			continue
		}
		break
	}
	if len(words) == 0 {
		return ""
	}
	w0 := strings.ToLower(words[0])
	w1 := ""
	if len(words) > 1 {
		w1 = strings.ToLower(words[1])
	}
	switch {
	case (w0 == "taking" || w0 == "takes" || w0 == "take") && w1 == "note":
		return "taking note"
	case w0 == "bearing" && w1 == "in":
		return "bearing in mind"
	case w0 == "having" && w1 != "":
		return "having " + w1
	case (w0 == "calls" || w0 == "call") && (w1 == "upon" || w1 == "on"):
		return "calls upon"
	case w0 == "guided" && w1 == "by":
		return "guided by"
	}
	if r, ok := operativeForms[w0]; ok {
		return r
	}
	if operative {
		return w0
	}
	if strings.HasSuffix(w0, "ing") || strings.HasSuffix(w0, "ed") || preambularWords[w0] {
		return w0
	}
	return ""
}

var relationCleaner = strings.NewReplacer("*", " ", "_", " ", ",", " ")

var leadingAdverbs = map[string]bool{
	"also": true, "further": true, "furthermore": true, "again": true, "deeply": true,
	"gravely": true, "strongly": true, "firmly": true, "seriously": true, "particularly": true,
	"moreover": true, "in": false, "solemnly": true, "duly": true, "fully": true, "stressing": false,
	"expressing": false, "reiterating": false, "emphatically": true, "most": true, "once": false,
	"additionally": true, "equally": true, "finally": true,
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
