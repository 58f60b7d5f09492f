package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/citegraph/citegraph/extract/symbol"
)

// Body names as written before or after a number. A name maps to a body
// code, or to foreign for bodies outside the UN document system, whose
// numbers must never become UN resolutions.
const foreign = "-"

// unea is the United Nations Environment Assembly: its resolutions are UN
// documents UNEP/EA.n/Res.m.
const unea = "UNEA"

var bodyPhrases = map[string]string{
	"General Assembly":            symbol.GA,
	"Assembly":                    symbol.GA,
	"Security Council":            symbol.SC,
	"Human Rights Council":        symbol.HRC,
	"Economic and Social Council": symbol.ECOSOC,
	"Commission on Human Rights":  symbol.CHR,
	"Sub-Commission on the Promotion and Protection of Human Rights":              symbol.SUBCOM,
	"Subcommission on the Promotion and Protection of Human Rights":               symbol.SUBCOM,
	"Sub-Commission on Prevention of Discrimination and Protection of Minorities": symbol.SUBCOM,
	"Sub-Commission":                                       symbol.SUBCOM,
	"Subcommission":                                        symbol.SUBCOM,
	"Statistical Commission":                               symbol.STATCOM,
	"Commission for Social Development":                    symbol.CSOCD,
	"Commission on the Status of Women":                    symbol.CSW,
	"Commission on Narcotic Drugs":                         symbol.CND,
	"Commission on Population and Development":             symbol.CPD,
	"Commission on Crime Prevention and Criminal Justice":  symbol.CCPCJ,
	"Commission on Science and Technology for Development": symbol.CSTD,
	"Commission on Sustainable Development":                symbol.CSD,
	"United Nations Forum on Forests":                      symbol.UNFF,
	"Forum on Forests":                                     symbol.UNFF,
	"United Nations Environment Assembly":                  unea,
	"Environment Assembly":                                 unea,
	"United Nations Environment Assembly of the United Nations Environment Programme": unea,

	// Outside the UN document system (reference-forms.md, "What is not a
	// reference"), or UN bodies whose numbers this tool does not resolve.
	"World Health Assembly":                                foreign,
	"Health Assembly":                                      foreign,
	"Executive Board":                                      foreign,
	"Governing Council":                                    foreign,
	"Governing Board":                                      foreign,
	"Board of Governors":                                   foreign,
	"General Conference":                                   foreign,
	"Conference of the Parties":                            foreign,
	"Conference of the States Parties":                     foreign,
	"Conference of States Parties":                         foreign,
	"Meeting of the Parties":                               foreign,
	"Assembly of States Parties":                           foreign,
	"Habitat Assembly":                                     foreign,
	"UN-Habitat Assembly":                                  foreign,
	"Trade and Development Board":                          foreign,
	"Industrial Development Board":                         foreign,
	"Council of the International Telecommunication Union": foreign,
	"Plenipotentiary Conference":                           foreign,
	"Trusteeship Council":                                  foreign,
	"African Union":                                        foreign,
	"Peace and Security Council":                           foreign,
	"Council of Europe":                                    foreign,
	"Committee of Ministers":                               foreign,
}

// Head nouns of body names: a capitalised one of these right before
// "resolution" that is not a known name means a body outside our table.
var bodyHeads = map[string]bool{
	"Council": true, "Assembly": true, "Commission": true, "Committee": true, "Conference": true,
	"Organization": true, "Union": true, "Parties": true, "Board": true, "Programme": true,
	"Forum": true, "Fund": true, "Agency": true, "Court": true, "Summit": true, "Meeting": true,
	"Congress": true, "Bank": true, "Organisation": true, "Group": true, "Authority": true,
	"Rights": true, "Women": true, "Justice": true, "Drugs": true, "Development": true,
	"Forests": true, "Minorities": true, "Community": true, "States": true, "Africa": true,
	"Europe": true, "OAS": true, "IAEA": true, "UNESCO": true, "WHO": true, "ILO": true, "FAO": true,
	"ITU": true, "WMO": true, "IMO": true, "ICAO": true, "UNICEF": true, "UNDP": true, "UNFPA": true,
	"UNHCR": true, "WFP": true, "UNEP": true, "Corruption": true, "Crime": true, "Diversity": true,
	"Convention": true, "Treaty": true, "Protocol": true, "Secretariat": true, "Mechanism": true,
}

// bodyPhrase is a body phrase as a word list, with the body's code.
type bodyPhrase struct {
	words []string
	code  string
}

// phrasesByLast and phrasesByFirst hold the body phrases by their last and
// first word, longest first (then in alphabetical order), for matching
// against the words before and after a number.
var phrasesByLast, phrasesByFirst = func() (last, first map[string][]bodyPhrase) {
	var all []bodyPhrase
	for p, code := range bodyPhrases {
		all = append(all, bodyPhrase{strings.Fields(p), code})
	}
	sort.Slice(all, func(i, j int) bool {
		if len(all[i].words) != len(all[j].words) {
			return len(all[i].words) > len(all[j].words)
		}
		return strings.Join(all[i].words, " ") < strings.Join(all[j].words, " ")
	})
	last, first = map[string][]bodyPhrase{}, map[string][]bodyPhrase{}
	for _, p := range all {
		w := p.words
		last[w[len(w)-1]] = append(last[w[len(w)-1]], p)
		first[w[0]] = append(first[w[0]], p)
	}
	return last, first
}()

// maxPhraseWords is the length in words of the longest body phrase.
var maxPhraseWords = func() int {
	n := 0
	for _, ps := range phrasesByFirst {
		n = max(n, len(ps[0].words))
	}
	return n
}()

// bodySuffix matches the longest body phrase ending words; it returns the
// code and how many words it took.
func bodySuffix(words []string) (string, int) {
	if len(words) == 0 {
		return "", 0
	}
	for _, p := range phrasesByLast[words[len(words)-1]] {
		if len(p.words) > len(words) || !slices.Equal(words[len(words)-len(p.words):], p.words) {
			continue
		}
		if len(p.words) == 1 && p.words[0] == "Assembly" && len(words) > 1 && isCapitalised(words[len(words)-2]) && words[len(words)-2] != "General" {
			// "World Health Assembly", "Habitat Assembly": not ours.
			return foreign, 2
		}
		return p.code, len(p.words)
	}
	return "", 0
}

// bodyPrefix matches the longest body phrase at the start of words.
func bodyPrefix(words []string) (string, int) {
	if len(words) == 0 {
		return "", 0
	}
	for _, p := range phrasesByFirst[words[0]] {
		if len(p.words) <= len(words) && slices.Equal(words[:len(p.words)], p.words) {
			return p.code, len(p.words)
		}
	}
	return "", 0
}

func isCapitalised(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z'
}

// lastCouncil finds the council last named in s ("Council" alone means it).
func lastCouncil(s string) string {
	best, at := "", -1
	for _, c := range [...]struct{ name, code string }{
		{"Security Council", symbol.SC}, {"Human Rights Council", symbol.HRC},
		{"Economic and Social Council", symbol.ECOSOC}, {"Trusteeship Council", foreign},
	} {
		if i := strings.LastIndex(s, c.name); i > at {
			best, at = c.code, i
		}
	}
	return best
}

// lastCommission finds the commission last named in s.
func lastCommission(s string) string {
	best, at := "", -1
	for _, c := range commissionNames {
		if i := strings.LastIndex(s, c.name); i > at {
			best, at = c.code, i
		}
	}
	return best
}

// commissionNames are the body phrases that name a commission, in a fixed
// order.
var commissionNames = func() []struct{ name, code string } {
	var out []struct{ name, code string }
	for name, code := range bodyPhrases {
		if len(name) > len("Commission") && (strings.HasPrefix(name, "Commission") || strings.HasSuffix(name, "Commission")) {
			out = append(out, struct{ name, code string }{name, code})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}()
