package render

import (
	"slices"
	"strings"
)

// bodyStyle is how the documents of one family of issuing bodies look.
// Fills are light enough for black text (contrast above 12:1) and told
// apart by hue, by shape and by border for readers who do not see colour.
type bodyStyle struct {
	group string // legend entry; bodies sharing a style share an entry
	shape string
	style string // Graphviz node style
	fill  string
	line  string // border colour
}

var (
	styleGA       = bodyStyle{"General Assembly", "box", "rounded,filled", "#dbe9f6", "#1f5f9e"}
	styleSC       = bodyStyle{"Security Council", "box", "filled", "#fde0c5", "#b35806"}
	styleECOSOC   = bodyStyle{"Economic and Social Council", "box", "rounded,filled", "#d9f0d3", "#1b7837"}
	styleComm     = bodyStyle{"ECOSOC commission", "box", "rounded,filled,dashed", "#e8f5e4", "#1b7837"}
	styleHRC      = bodyStyle{"Human Rights Council", "box", "rounded,filled", "#e7dcf1", "#6a3d9a"}
	styleCHR      = bodyStyle{"Commission on Human Rights / Sub-Commission", "box", "rounded,filled,dashed", "#f1eaf7", "#6a3d9a"}
	styleConf     = bodyStyle{"UN conference", "tab", "filled", "#fff2b3", "#8c6d00"}
	styleTreaty   = bodyStyle{"Treaty", "folder", "filled", "#f3e3d3", "#7f4f24"}
	styleSecr     = bodyStyle{"Secretariat document", "note", "filled", "#eeeeee", "#555555"}
	styleUNEP     = bodyStyle{"UN Environment Assembly", "box", "rounded,filled", "#d5efee", "#01665e"}
	styleOther    = bodyStyle{"Other / unknown body", "box", "filled", "#ffffff", "#777777"}
	bodyStyleList = []*bodyStyle{&styleGA, &styleSC, &styleECOSOC, &styleComm, &styleHRC, &styleCHR,
		&styleConf, &styleTreaty, &styleSecr, &styleUNEP, &styleOther}
)

// styleOf returns the style of an issuing body code (GA, SC, HRC, ...).
func styleOf(body string) *bodyStyle {
	switch strings.ToUpper(body) {
	case "GA":
		return &styleGA
	case "SC":
		return &styleSC
	case "ECOSOC":
		return &styleECOSOC
	case "STATCOM", "CSOCD", "CSW", "CND", "CPD", "CCPCJ", "CSTD", "CSD", "UNFF":
		return &styleComm
	case "HRC":
		return &styleHRC
	case "CHR", "SUBCOM":
		return &styleCHR
	case "CONF":
		return &styleConf
	case "TREATY", "UNTS":
		return &styleTreaty
	case "SECRETARIAT":
		return &styleSecr
	case "UNEP":
		return &styleUNEP
	}
	return &styleOther
}

// relStyle is how a citation with one relation is drawn.
type relStyle struct {
	name  string // legend entry
	style string // solid, dashed, dotted, bold
	color string
	width string // penwidth
}

// The relations in order of precedence: a citation with several relations
// is drawn in the style of the first one it carries.
var relStyles = []relStyle{
	{"reaffirming", "bold", "#08306b", "2.2"},
	{"recalling", "solid", "#4d4d4d", "1.2"},
	{"welcoming", "solid", "#1b7837", "1.6"},
	{"endorsing", "solid", "#1b7837", "1.6"},
	{"taking note", "dashed", "#4d4d4d", "1.2"},
	{"noting", "dashed", "#4d4d4d", "1.2"},
	{"acknowledging", "dashed", "#4d4d4d", "1.2"},
	{"decides", "solid", "#b35806", "1.6"},
	{"requests", "solid", "#b35806", "1.2"},
}

// otherRel is the style of any other relation, and of citations with none.
var otherRel = relStyle{"other", "dotted", "#4d4d4d", "1.2"}

// normRelation folds a relation for comparison.
func normRelation(r string) string {
	return strings.Join(strings.Fields(strings.ToLower(r)), " ")
}

// relationOf returns the style a link is drawn in.
func relationOf(rels []string) relStyle {
	best := len(relStyles)
	for _, r := range rels {
		n := normRelation(r)
		if k := slices.IndexFunc(relStyles, func(s relStyle) bool { return s.name == n }); k >= 0 && k < best {
			best = k
		}
	}
	if best < len(relStyles) {
		return relStyles[best]
	}
	return otherRel
}
