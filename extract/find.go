package extract

import (
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/extract/symbol"
)

// The find and resolve stages. Candidates are found cheaply — a '/' for
// written symbols, a number of a resolution's shape ("70/1", "1325 (2000)")
// and then the word "resolution" or "decision" before it for bare numbers,
// "Treaty Series" and "Ibid." — and only then is their context read.

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// findSymbols finds UN document symbols written out: A/79/458/Add.2,
// E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, A/78/40 and Corr.1.
func (x *extraction) findSymbols() {
	src := x.text
	covered := 0 // end of the last symbol found
	for i := 0; i < len(src); {
		k := strings.IndexByte(src[i:], '/')
		if k < 0 {
			return
		}
		slash := i + k
		i = slash + 1
		if slash < covered {
			continue
		}
		// Walk back to the start of the token holding the slash.
		s := slash
		if s > 2 && src[s-1] == ')' {
			// a division in parentheses: "UNEP(DTIE)/Hg/CONF/4"
			if o := strings.LastIndexByte(src[max(0, s-10):s], '('); o >= 0 {
				s = max(0, s-10) + o
			}
		}
		for s > 0 && (isAlnum(src[s-1]) || src[s-1] == '.' || src[s-1] == '-') && slash-s < 24 {
			s--
		}
		if s == slash || !isUpperASCII(src[s]) || (s > 0 && (src[s-1] == '/' || src[s-1] == '_')) {
			continue
		}
		n := symbol.Match(src[s:min(len(src), s+160)])
		if n == 0 {
			continue
		}
		end := x.escapedQualifier(s + n)
		covered = end
		i = end
		sym, ok := x.addSymbol(s, end)
		// Joint ("double") symbol: X-Y.
		for end < len(src) {
			j := end
			if src[j] == '-' {
				j++
			} else if strings.HasPrefix(src[j:], "–") {
				j += len("–")
			} else {
				break
			}
			m := symbol.Match(src[j:min(len(src), j+160)])
			if m == 0 {
				break
			}
			sym, ok = x.addSymbol(j, j+m)
			end = j + m
			covered, i = end, end
		}
		// "and Corr.1", "and Add.1 and 2".
		if ok {
			end = x.symbolAnnexes(sym, end)
		}
		covered = max(covered, end)
		i = max(i, end)
	}
}

// symbolAnnexes handles "X and Corr.1", "X and Add.1 and 2" after the
// symbol sym ending at end. It returns the end of what it consumed.
func (x *extraction) symbolAnnexes(sym symbol.Symbol, end int) int {
	src := x.text
	canon := "" // sym.String(), made when first needed
	for {
		j := skipSpace(src, end)
		if !strings.HasPrefix(src[j:], "and ") && !strings.HasPrefix(src[j:], ",") {
			return end
		}
		if src[j] == ',' {
			j = skipSpace(src, j+1)
			if strings.HasPrefix(src[j:], "and ") {
				j += 4
			}
		} else {
			j += 4
		}
		j = skipSpace(src, j)
		mod := ""
		for _, m := range [...]string{"Corr.", "Add.", "Rev.", "Amend."} {
			if strings.HasPrefix(src[j:], m) {
				mod = m
				break
			}
		}
		if mod == "" {
			return end
		}
		ns := j + len(mod)
		if ns < len(src) && src[ns] == ' ' {
			ns++ // "Add. 1" in older texts
		}
		ne := ns + digitsAt(src, ns)
		if ne == ns {
			return end
		}
		first := atoi(src[ns:ne])
		if canon == "" {
			canon = sym.String()
		}
		x.addTarget(j, ne, canon+"/"+mod+src[ns:ne], KindSymbol, sym.Body())
		end = ne
		// "Add.1-3": a range of addenda.
		for _, dash := range [...]string{"-", "–"} {
			if strings.HasPrefix(src[end:], dash) {
				if d := digitsAt(src, end+len(dash)); d > 0 {
					e := end + len(dash) + d
					for n := first + 1; n <= atoi(src[end+len(dash):e]) && n < first+20; n++ {
						x.addTarget(j, e, canon+"/"+mod+strconv.Itoa(n), KindSymbol, sym.Body())
					}
					end = e
				}
				break
			}
		}
		// "Add.1 and 2"
		for {
			k := skipSpace(src, end)
			if !strings.HasPrefix(src[k:], "and ") {
				break
			}
			k = skipSpace(src, k+4)
			e := k + digitsAt(src, k)
			if e == k || (e < len(src) && (isAlnum(src[e]) || src[e] == '/')) {
				break
			}
			x.addTarget(k, e, canon+"/"+mod+src[k:e], KindSymbol, sym.Body())
			end = e
		}
	}
}

func skipSpace(src string, i int) int {
	for i < len(src) {
		switch src[i] {
		case ' ', '\t', '\n', '\r':
			i++
			continue
		}
		if strings.HasPrefix(src[i:], "\u00a0") {
			i += 2
			continue
		}
		break
	}
	return i
}

func (x *extraction) addTarget(start, end int, target string, kind Kind, body string) {
	x.add(Reference{Target: target, Start: start, End: end, Kind: kind, Body: body, Pinpoint: x.pinpointAfter(end)})
}

// escapedQualifier extends a symbol ending at end over a Markdown-escaped
// qualifier: "A/CONF.157/24 \(Part I\)".
func (x *extraction) escapedQualifier(end int) int {
	src := x.text
	j := end
	if j < len(src) && src[j] == ' ' {
		j++
	}
	if !strings.HasPrefix(src[j:], `\(`) {
		return end
	}
	inner := src[j+2 : min(len(src), j+40)]
	if !strings.HasPrefix(inner, "Part") && !strings.HasPrefix(inner, "Vol") {
		return end
	}
	if k := strings.Index(inner, `\)`); k > 0 {
		return j + 2 + k + 2
	}
	return end
}

// addSymbol records the written symbol at [s, end).
func (x *extraction) addSymbol(s, end int) (symbol.Symbol, bool) {
	raw := x.text[s:end]
	if strings.IndexByte(raw, '\\') >= 0 {
		raw = strings.ReplaceAll(raw, `\`, "")
	}
	sym, err := symbol.Parse(raw)
	if err != nil {
		return sym, false
	}
	kind := KindSymbol
	switch {
	case sym.IsResolution():
		kind = KindResolution
	case sym.IsDecision():
		kind = KindDecision
	}
	if x.officialRecords(s) {
		kind = KindOfficialRecords
	}
	x.addTarget(s, end, sym.String(), kind, sym.Body())
	return sym, true
}

// officialRecords reports a symbol given in parentheses after
// "Official Records of the ..., Supplement No. 53 (".
func (x *extraction) officialRecords(s int) bool {
	src := x.text
	j := s - 1
	for j >= 0 && (src[j] == ' ' || src[j] == '\n' || src[j] == '[') {
		j--
	}
	if j < 0 || src[j] != '(' {
		return false
	}
	window := src[max(x.clauseStart(s), s-400):s]
	return strings.Contains(window, "Supplement No") && (strings.Contains(window, "Official Records") || strings.Contains(window, "Ibid"))
}

// pinpointAfter reads ", chap. V, sect. A", ", para. 99", ", annex I"
// after a reference ending at end.
func (x *extraction) pinpointAfter(end int) string {
	src := x.text
	var parts []string
	j := end
	// "(A/79/53), chap. V": step over the closing parenthesis or link.
	for again := true; again; {
		again = false
		for _, skip := range [...]string{")", "](#)", "\\)", "*"} {
			if strings.HasPrefix(src[j:], skip) {
				j += len(skip)
				again = true
			}
		}
	}
	for len(parts) < 4 {
		k := j
		if k >= len(src) || src[k] != ',' {
			break
		}
		k = skipSpace(src, k+1)
		word := ""
		for _, w := range [...]string{"chap.", "chaps.", "sect.", "para.", "paras.", "annex", "annexes", "art.", "arts.", "appendix", "part", "vol.", "p.", "pp.", "table", "recommendation"} {
			if strings.HasPrefix(src[k:], w) && (k+len(w) >= len(src) || !isAlnum(src[k+len(w)])) {
				word = w
				break
			}
		}
		if word == "" {
			break
		}
		e := k + len(word)
		v := skipSpace(src, e)
		ve := v
		for ve < len(src) && (isAlnum(src[ve]) || src[ve] == '.' && ve+1 < len(src) && isAlnum(src[ve+1]) || src[ve] == '-' || strings.HasPrefix(src[ve:], "–")) {
			if src[ve] >= 0x80 {
				ve += len("–")
				continue
			}
			ve++
		}
		if ve > v && (word != "annex" && word != "annexes" || isRomanOrUpper(src[v:ve])) {
			parts = append(parts, word+" "+src[v:ve])
			j = ve
		} else {
			parts = append(parts, word)
			j = e
		}
	}
	return strings.Join(parts, ", ")
}

func isRomanOrUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if !(isUpperASCII(s[i]) || s[i] >= '0' && s[i] <= '9') {
			return false
		}
	}
	return s != ""
}
