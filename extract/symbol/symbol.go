package symbol

import (
	"errors"
	"fmt"
	"strings"
)

// Symbol is a parsed UN document symbol.
//
// The zero Symbol is not a valid symbol; get one from Parse. Its String is
// the canonical form, and Parse(s.String()) gives back an equal Symbol.
type Symbol struct {
	// Components are the main components in order, as written except that
	// RES, DEC and PRST are upper-cased and white space is removed: for
	// "A/RES/217 A (III)" they are "A", "RES", "217(III)"; for
	// "E/CN.4/Sub.2/2000/46" they are "E", "CN.4", "Sub.2", "2000", "46".
	Components []string
	// Modifiers are the trailing modifiers and the qualifier, in written
	// order: "/Add.2", "/Corr.1", "(Part I)".
	Modifiers []Modifier
	// Part is the lettered part of an old General Assembly resolution ("A"
	// in "A/RES/217 A (III)"). It is not part of the canonical form.
	Part string
}

// Modifier is a trailing "/Add.n", "/Corr.n", "/Rev.n", "/Amend.n" or a
// qualifier in parentheses: "(Part I)", "(Parts I and II)", "(Vol. I)",
// "(Sect. 3)".
type Modifier struct {
	// Kind is "Add", "Corr", "Rev" or "Amend", or for a qualifier "Part",
	// "Parts", "Vol.", "Vols." or "Sect.".
	Kind string
	// Value is the number ("2") or, for a qualifier, the rest without
	// spaces ("I", "IandII").
	Value string
}

// IsQualifier reports whether m is a qualifier in parentheses rather than a
// "/Add.n"-style modifier.
func (m Modifier) IsQualifier() bool {
	switch m.Kind {
	case "Add", "Corr", "Rev", "Amend":
		return false
	}
	return true
}

// String returns the canonical form of m: "/Add.2" or "(PartI)".
func (m Modifier) String() string {
	if m.IsQualifier() {
		return "(" + m.Kind + m.Value + ")"
	}
	return "/" + m.Kind + "." + m.Value
}

// Parse parses a UN document symbol as written, e.g. "A/RES/70/1",
// "A/CONF.157/24 (Part I)", "A/RES/217 A (III)", "S/RES/1325 (2000)",
// "E/CN.4/Sub.2/2000/46", "UNEP/EA.5/Res.14". Surrounding white space is
// ignored; inside, white space is allowed only where the UN writes it
// (before a parenthesised session, year or qualifier, around a part
// letter) and as a line break right after a '/'.
func Parse(s string) (Symbol, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return Symbol{}, errors.New("symbol: empty input: give a UN document symbol such as A/RES/70/1")
	}
	n, f := scan(t)
	if n == 0 {
		return Symbol{}, fmt.Errorf("symbol: %q: %s", t, f.message(t))
	}
	if n < len(t) {
		return Symbol{}, fmt.Errorf("symbol: %q: unexpected %q after the symbol %q", t, rest(t[n:]), t[:n])
	}
	return build(t), nil
}

// rest shortens a trailing remainder for an error message.
func rest(s string) string {
	if len(s) > 20 {
		return s[:20] + "..."
	}
	return s
}

func (f scanFail) message(t string) string {
	switch f.code {
	case errNoSeries:
		return "a UN document symbol starts with an upper-case series such as A/, S/, E/ or ST/"
	case errNoSlash:
		return fmt.Sprintf("%q is not followed by '/': a UN document symbol has at least two components (A/RES/70/1)", t[:f.at])
	case errUnknownSeries:
		return fmt.Sprintf("%q is not a UN document series (known: A, S, E, ST, UNEP, treaty bodies such as CCPR, CRC, FCCC, BWC, ...)", t[:f.end])
	case errNoNumber:
		return "no document number: the last component must be a number (A/79/458), or a typed number (L.2, PV.53, Res.14)"
	case errPlaceholder:
		return "a placeholder (\"/___\"), not a document symbol"
	case errYearLast:
		return "a Security Council symbol is S/yyyy/n or S/n; a year after the number is another organisation's symbol"
	default:
		return fmt.Sprintf("expected a component after '/' at byte %d", f.at)
	}
}

// build splits the scanned text t into a Symbol.
func build(t string) Symbol {
	// Drop white space: the scanner only let it through where it may be.
	c := t
	if strings.ContainsAny(t, " \t\r\n") {
		b := make([]byte, 0, len(t))
		for k := 0; k < len(t); k++ {
			switch t[k] {
			case ' ', '\t', '\r', '\n':
			default:
				b = append(b, t[k])
			}
		}
		c = string(b)
	}
	sym := Symbol{Components: make([]string, 0, 6)}
	prevResDec := false
	for rest := c; rest != ""; {
		comp := rest
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			comp, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		// A glued qualifier ends a component: "24(PartI)".
		var qual *Modifier
		if p := strings.LastIndexByte(comp, '('); p > 0 {
			if kw := qualifierKeyword(comp, p+1); kw > 0 && strings.HasSuffix(comp, ")") {
				qual = &Modifier{Kind: comp[p+1 : p+1+kw], Value: comp[p+1+kw : len(comp)-1]}
				comp = comp[:p]
			}
		}
		if kind := modifierKind(comp); kind != "" && len(sym.Components) >= 2 {
			sym.Modifiers = append(sym.Modifiers, Modifier{Kind: kind, Value: comp[strings.IndexByte(comp, '.')+1:]})
		} else if comp != "" {
			switch {
			case equalFold(comp, "res"):
				comp = "RES"
			case equalFold(comp, "dec"):
				comp = "DEC"
			case equalFold(comp, "prst"):
				comp = "PRST"
			}
			// "217A(III)": the letter is a part of the resolution.
			if prevResDec {
				if p := strings.IndexByte(comp, '('); p >= 2 && isUpper(comp[p-1]) && allDigits(comp[:p-1]) {
					sym.Part = comp[p-1 : p]
					comp = comp[:p-1] + comp[p:]
				}
			}
			sym.Components = append(sym.Components, comp)
			prevResDec = isResDec(comp)
		}
		if qual != nil {
			sym.Modifiers = append(sym.Modifiers, *qual)
		}
	}
	return sym
}

// String returns the canonical form: the symbol as written with white
// space removed, RES/DEC/PRST and modifiers normalised, a part letter
// dropped: "A/CONF.157/24(PartI)", "S/RES/1325(2000)", "A/RES/217(III)".
func (s Symbol) String() string {
	n := 0
	for _, c := range s.Components {
		n += len(c) + 1
	}
	var b strings.Builder
	b.Grow(n + 16*len(s.Modifiers))
	for k, c := range s.Components {
		if k > 0 {
			b.WriteByte('/')
		}
		b.WriteString(c)
	}
	for _, m := range s.Modifiers {
		b.WriteString(m.String())
	}
	return b.String()
}

// Key returns the form to compare symbols by: String upper-cased.
func (s Symbol) Key() string { return strings.ToUpper(s.String()) }

// Base returns the symbol without its modifiers and qualifier:
// "A/78/40/Corr.1" → "A/78/40", "A/CONF.157/24(PartI)" → "A/CONF.157/24".
func (s Symbol) Base() Symbol {
	return Symbol{Components: s.Components, Part: s.Part}
}

// Qualifier returns the canonical qualifier, "(PartI)", or "".
func (s Symbol) Qualifier() string {
	for _, m := range s.Modifiers {
		if m.IsQualifier() {
			return m.String()
		}
	}
	return ""
}

// Body returns the code of the body that issued the document: GA for A/...,
// HRC for A/HRC/..., CONF for A/CONF.n/..., SC for S/..., ECOSOC for E/...,
// CHR for E/CN.4/..., SUBCOM for E/CN.4/Sub.2/..., CSW for E/CN.6/... (and
// the other functional commissions), TREATY for E/C.12/... and the treaty
// bodies and conferences, SECRETARIAT for ST/..., UNEP for UNEP/..., OTHER
// for the rest.
func (s Symbol) Body() string {
	if len(s.Components) == 0 {
		return ""
	}
	second := ""
	if len(s.Components) > 1 {
		second = strings.ToUpper(s.Components[1])
	}
	switch s.Components[0] {
	case "A":
		switch {
		case second == "HRC":
			return HRC
		case strings.HasPrefix(second, "CONF."):
			return CONF
		}
		return GA
	case "E":
		if second == "C.12" {
			return TREATY
		}
		if body := functionalCommission(second); body != "" {
			if body == CHR && len(s.Components) > 2 && strings.EqualFold(s.Components[2], "Sub.2") {
				return SUBCOM
			}
			return body
		}
		return ECOSOC
	}
	first := s.Components[0]
	if i := strings.IndexByte(first, '('); i > 0 {
		first = first[:i] // "UNEP(DTIE)": the division's series
	}
	body, _ := seriesBody(first)
	return body
}

// IsResolution reports whether s is a resolution: it has a RES component
// ("A/RES/70/1") or a "Res.n" one ("UNEP/EA.5/Res.14").
func (s Symbol) IsResolution() bool { return s.hasType("res") }

// IsDecision reports whether s is a decision: DEC or "Dec.n".
func (s Symbol) IsDecision() bool { return s.hasType("dec") }

func (s Symbol) hasType(t string) bool {
	for _, c := range s.Components[min(1, len(s.Components)):] {
		if equalFold(c, t) {
			return true
		}
		if p, ok := typedNumber(c); ok && equalFold(c[:p], t) {
			return true
		}
	}
	return false
}

// docStart returns the index of the first component after the series:
// a type (RES, PRST, L.2), a session or year (70, S-26, 2023) or a number.
func (s Symbol) docStart() int {
	for k := 1; k < len(s.Components); k++ {
		c := s.Components[k]
		if isDigit(c[0]) || isResDec(c) || equalFold(c, "prst") || isSpecialSession(c) {
			return k
		}
		if _, ok := typedNumber(c); ok {
			return k
		}
	}
	return len(s.Components)
}

// isSpecialSession reports "S-26", "ES-10" components.
func isSpecialSession(c string) bool {
	return (strings.HasPrefix(c, "S-") || strings.HasPrefix(c, "ES-")) && isDigit(c[len(c)-1])
}

// Series returns the organ or series part: "A" for A/RES/70/1, "A/HRC" for
// A/HRC/55/23, "E/CN.4/Sub.2" for E/CN.4/Sub.2/2000/46, "A/CONF.157" for
// A/CONF.157/24, "CRC/C/GC" for CRC/C/GC/26, "A/C.3" for A/C.3/79/L.2.
func (s Symbol) Series() string {
	return strings.Join(s.Components[:s.docStart()], "/")
}

// Type returns the document type: "RES", "DEC", "PRST", or the prefix of a
// typed number with its dot ("L.", "PV.", "SR.", "Res."), "" for none.
func (s Symbol) Type() string {
	for _, c := range s.Components[s.docStart():] {
		switch {
		case isResDec(c), equalFold(c, "prst"):
			return strings.ToUpper(c)
		}
		if p, ok := typedNumber(c); ok {
			return c[:p+1]
		}
	}
	return ""
}

// Session returns the session or year of the document: "70" for
// A/RES/70/1, "S-26" for A/RES/S-26/2, "III" for A/RES/217(III), "2000"
// for S/RES/1325(2000) (the year, for the Security Council), "2023" for
// S/2023/123, "" when the symbol has none (S/PV.9876).
func (s Symbol) Session() string {
	if len(s.Components) < 2 {
		return ""
	}
	last := s.Components[len(s.Components)-1]
	if p := strings.IndexByte(last, '('); p > 0 && strings.HasSuffix(last, ")") {
		return last[p+1 : len(last)-1]
	}
	for _, c := range s.Components[s.docStart() : len(s.Components)-1] {
		if isDigit(c[0]) || isSpecialSession(c) {
			return c
		}
	}
	return ""
}

// Number returns the document number: "1" for A/RES/70/1, "217" for
// A/RES/217(III), "2" for A/C.3/79/L.2, "9876" for S/PV.9876, "14" for
// UNEP/EA.5/Res.14.
func (s Symbol) Number() string {
	if len(s.Components) < 2 {
		return ""
	}
	last := s.Components[len(s.Components)-1]
	if p, ok := typedNumber(last); ok {
		last = last[p+1:]
	}
	k := 0
	for k < len(last) && (isDigit(last[k]) || last[k] == '.') {
		k++
	}
	if k == 0 && romanAt(last, 0) == len(last) {
		return last // UNTS/1/XVI: the Charter's registration number
	}
	return last[:k]
}
