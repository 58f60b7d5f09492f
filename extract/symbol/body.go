package symbol

// Body codes: the issuing body of a document. The strings are part of the
// extractor's output format; do not change them.
const (
	GA          = "GA"          // General Assembly (A/...)
	SC          = "SC"          // Security Council (S/...)
	ECOSOC      = "ECOSOC"      // Economic and Social Council (E/...)
	HRC         = "HRC"         // Human Rights Council (A/HRC/...)
	CHR         = "CHR"         // Commission on Human Rights (E/CN.4/...)
	SUBCOM      = "SUBCOM"      // Sub-Commission on the Promotion and Protection of Human Rights (E/CN.4/Sub.2/...)
	STATCOM     = "STATCOM"     // Statistical Commission (E/CN.3/...)
	CSOCD       = "CSOCD"       // Commission for Social Development (E/CN.5/...)
	CSW         = "CSW"         // Commission on the Status of Women (E/CN.6/...)
	CND         = "CND"         // Commission on Narcotic Drugs (E/CN.7/...)
	CPD         = "CPD"         // Commission on Population and Development (E/CN.9/...)
	CCPCJ       = "CCPCJ"       // Commission on Crime Prevention and Criminal Justice (E/CN.15/...)
	CSTD        = "CSTD"        // Commission on Science and Technology for Development (E/CN.16/...)
	CSD         = "CSD"         // Commission on Sustainable Development (E/CN.17/...)
	UNFF        = "UNFF"        // United Nations Forum on Forests (E/CN.18/...)
	CONF        = "CONF"        // United Nations conferences (A/CONF.n/...)
	TREATY      = "TREATY"      // treaty bodies and conferences of the parties (CCPR/..., E/C.12/..., BWC/..., FCCC/...)
	SECRETARIAT = "SECRETARIAT" // Secretariat (ST/...)
	UNTS        = "UNTS"        // United Nations Treaty Series
	UNEP        = "UNEP"        // United Nations Environment Programme (UNEP/...)
	OTHER       = "OTHER"       // any other UN organ or series
)

var bodyNames = map[string]string{
	GA:          "General Assembly",
	SC:          "Security Council",
	ECOSOC:      "Economic and Social Council",
	HRC:         "Human Rights Council",
	CHR:         "Commission on Human Rights",
	SUBCOM:      "Sub-Commission on the Promotion and Protection of Human Rights",
	STATCOM:     "Statistical Commission",
	CSOCD:       "Commission for Social Development",
	CSW:         "Commission on the Status of Women",
	CND:         "Commission on Narcotic Drugs",
	CPD:         "Commission on Population and Development",
	CCPCJ:       "Commission on Crime Prevention and Criminal Justice",
	CSTD:        "Commission on Science and Technology for Development",
	CSD:         "Commission on Sustainable Development",
	UNFF:        "United Nations Forum on Forests",
	CONF:        "United Nations conference",
	TREATY:      "treaty body or conference of the parties",
	SECRETARIAT: "Secretariat",
	UNTS:        "United Nations Treaty Series",
	UNEP:        "United Nations Environment Programme",
	OTHER:       "other United Nations organ",
}

// BodyName returns the English name of a body code ("GA" → "General
// Assembly"), or "" when code is not one of the constants above.
func BodyName(code string) string { return bodyNames[code] }

// Bodies returns every body code, in a fixed order.
func Bodies() []string {
	return []string{GA, SC, ECOSOC, HRC, CHR, SUBCOM, STATCOM, CSOCD, CSW, CND, CPD,
		CCPCJ, CSTD, CSD, UNFF, CONF, TREATY, SECRETARIAT, UNTS, UNEP, OTHER}
}

// seriesBody reports whether first is the first component of a UN document
// symbol (a series symbol in the sense of the UN Documentation Research
// Guide), and the body that issues documents in it when no later component
// says more. The list is deliberately closed: an unknown upper-case prefix
// ("HIV/AIDS", "WT/MIN(11)/24" of the WTO, "GOV/2024/1" of the IAEA,
// "CM/Res.5" of the OAU, "LEG/CONF.15/21" of the IMO, "IX/12" decisions of a
// COP) is not a UN document symbol.
func seriesBody(first string) (string, bool) {
	switch first {
	case "A":
		return GA, true
	case "S":
		return SC, true
	case "E":
		return ECOSOC, true
	case "ST":
		return SECRETARIAT, true
	case "UNEP":
		return UNEP, true
	case "UNTS":
		return UNTS, true
	// Human rights treaty bodies.
	case "CCPR", "CESCR", "CERD", "CEDAW", "CAT", "CRC", "CMW", "CRPD", "CED", "HRI":
		return TREATY, true
	// Conferences and meetings of States parties serviced by the UN.
	case "BWC", "CCW", "NPT", "FCCC", "ICCD", "CBD", "TPNW", "APLC", "CCM", "SPLOS",
		"CLCS", "CTOC", "CAC", "ATT":
		return TREATY, true
	// Other organs, programmes, funds and series of the UN document system.
	case "T", // Trusteeship Council
		"DP",           // UNDP/UNFPA/UNOPS Executive Board
		"TD", "UNCTAD", // UNCTAD
		"UNW",                // UN-Women Executive Board
		"HSP",                // UN-Habitat
		"JIU", "CEB", "ICSC", // system-wide
		"UNODC", "UNDP", "UNICEF", "UNHCR", "PBC", // programmes, Peacebuilding Commission
		"ECE", "ESCAP", "ECA", "ESCWA", "LC", // regional commissions
		"CD",                       // Conference on Disarmament
		"SC", "GA", "SG", "ECOSOC", // press releases
		"IPBES", "UNU", "UNITAR", "UNIDIR", "UNRWA":
		return OTHER, true
	}
	return "", false
}

// functionalCommission maps the second component of E/CN.n symbols to the
// commission's body code.
func functionalCommission(cn string) string {
	switch cn {
	case "CN.3":
		return STATCOM
	case "CN.4":
		return CHR
	case "CN.5":
		return CSOCD
	case "CN.6":
		return CSW
	case "CN.7":
		return CND
	case "CN.9":
		return CPD
	case "CN.15":
		return CCPCJ
	case "CN.16":
		return CSTD
	case "CN.17":
		return CSD
	case "CN.18":
		return UNFF
	}
	return ""
}
