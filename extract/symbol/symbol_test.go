package symbol

import (
	"strings"
	"testing"
)

func TestParseRoundTrip(t *testing.T) {
	tests := []struct {
		in, canon, body string
		res, dec        bool
		series, typ     string
		session, number string
		part            string
	}{
		{"A/RES/70/1", "A/RES/70/1", GA, true, false, "A", "RES", "70", "1", ""},
		{"A/RES/217(III)", "A/RES/217(III)", GA, true, false, "A", "RES", "III", "217", ""},
		{"A/RES/217 (III)", "A/RES/217(III)", GA, true, false, "A", "RES", "III", "217", ""},
		{"A/RES/217 A (III)", "A/RES/217(III)", GA, true, false, "A", "RES", "III", "217", "A"},
		{"A/RES/217A(III)", "A/RES/217(III)", GA, true, false, "A", "RES", "III", "217", "A"},
		{"A/RES/S-26/2", "A/RES/S-26/2", GA, true, false, "A", "RES", "S-26", "2", ""},
		{"A/RES/ES-10/19", "A/RES/ES-10/19", GA, true, false, "A", "RES", "ES-10", "19", ""},
		{"A/RES/3362(S-VII)", "A/RES/3362(S-VII)", GA, true, false, "A", "RES", "S-VII", "3362", ""},
		{"A/RES/3362 (S-VII)", "A/RES/3362(S-VII)", GA, true, false, "A", "RES", "S-VII", "3362", ""},
		{"A/DEC/78/547", "A/DEC/78/547", GA, false, true, "A", "DEC", "78", "547", ""},
		{"S/RES/1325(2000)", "S/RES/1325(2000)", SC, true, false, "S", "RES", "2000", "1325", ""},
		{"S/RES/1325 (2000)", "S/RES/1325(2000)", SC, true, false, "S", "RES", "2000", "1325", ""},
		{"A/HRC/RES/56/2", "A/HRC/RES/56/2", HRC, true, false, "A/HRC", "RES", "56", "2", ""},
		{"A/HRC/DEC/56/101", "A/HRC/DEC/56/101", HRC, false, true, "A/HRC", "DEC", "56", "101", ""},
		{"A/HRC/RES/S-30/1", "A/HRC/RES/S-30/1", HRC, true, false, "A/HRC", "RES", "S-30", "1", ""},
		{"E/RES/1996/31", "E/RES/1996/31", ECOSOC, true, false, "E", "RES", "1996", "31", ""},
		{"E/RES/1503(XLVIII)", "E/RES/1503(XLVIII)", ECOSOC, true, false, "E", "RES", "XLVIII", "1503", ""},
		{"E/RES/1503 (XLVIII)", "E/RES/1503(XLVIII)", ECOSOC, true, false, "E", "RES", "XLVIII", "1503", ""},
		{"E/DEC/2023/301", "E/DEC/2023/301", ECOSOC, false, true, "E", "DEC", "2023", "301", ""},
		{"E/CN.4/RES/2005/69", "E/CN.4/RES/2005/69", CHR, true, false, "E/CN.4", "RES", "2005", "69", ""},
		{"E/CN.4/SUB.2/RES/2000/22", "E/CN.4/SUB.2/RES/2000/22", SUBCOM, true, false, "E/CN.4/SUB.2", "RES", "2000", "22", ""},
		{"E/CN.6/RES/56/2", "E/CN.6/RES/56/2", CSW, true, false, "E/CN.6", "RES", "56", "2", ""},
		{"A/79/458/Add.2", "A/79/458/Add.2", GA, false, false, "A", "", "79", "458", ""},
		{"A/CONF.157/24 (Part I)", "A/CONF.157/24(PartI)", CONF, false, false, "A/CONF.157", "", "", "24", ""},
		{"A/CONF.157/24(PartI)", "A/CONF.157/24(PartI)", CONF, false, false, "A/CONF.157", "", "", "24", ""},
		{"E/CN.4/2001/2", "E/CN.4/2001/2", CHR, false, false, "E/CN.4", "", "2001", "2", ""},
		{"E/CN.4/Sub.2/2000/46", "E/CN.4/Sub.2/2000/46", SUBCOM, false, false, "E/CN.4/Sub.2", "", "2000", "46", ""},
		{"S/2023/123", "S/2023/123", SC, false, false, "S", "", "2023", "123", ""},
		{"S/PRST/2023/1", "S/PRST/2023/1", SC, false, false, "S", "PRST", "2023", "1", ""},
		{"A/HRC/55/23", "A/HRC/55/23", HRC, false, false, "A/HRC", "", "55", "23", ""},
		{"CRC/C/GC/26", "CRC/C/GC/26", TREATY, false, false, "CRC/C/GC", "", "", "26", ""},
		{"BWC/CONF.IX/9", "BWC/CONF.IX/9", TREATY, false, false, "BWC/CONF.IX", "", "", "9", ""},
		{"A/C.3/79/L.2/Rev.1", "A/C.3/79/L.2/Rev.1", GA, false, false, "A/C.3", "L.", "79", "2", ""},
		{"UNEP/EA.5/Res.14", "UNEP/EA.5/Res.14", UNEP, true, false, "UNEP/EA.5", "Res.", "", "14", ""},
		{"FCCC/CP/2015/10/Add.1", "FCCC/CP/2015/10/Add.1", TREATY, false, false, "FCCC/CP", "", "2015", "10", ""},
		{"A/80/L.1", "A/80/L.1", GA, false, false, "A", "L.", "80", "1", ""},
		{"A/C.6/80/L.9", "A/C.6/80/L.9", GA, false, false, "A/C.6", "L.", "80", "9", ""},
		{"A/79/PV.53", "A/79/PV.53", GA, false, false, "A", "PV.", "79", "53", ""},
		{"S/PV.9876", "S/PV.9876", SC, false, false, "S", "PV.", "", "9876", ""},
		{"CCPR/C/GC/36", "CCPR/C/GC/36", TREATY, false, false, "CCPR/C/GC", "", "", "36", ""},
		{"E/C.12/GC/24", "E/C.12/GC/24", TREATY, false, false, "E/C.12/GC", "", "", "24", ""},
		{"CEDAW/C/GC/35", "CEDAW/C/GC/35", TREATY, false, false, "CEDAW/C/GC", "", "", "35", ""},
		{"ST/SGB/2003/13", "ST/SGB/2003/13", SECRETARIAT, false, false, "ST/SGB", "", "2003", "13", ""},
		{"A/78/40/Corr.1", "A/78/40/Corr.1", GA, false, false, "A", "", "78", "40", ""},
		{"A/ES-10/L.30/Rev.1", "A/ES-10/L.30/Rev.1", GA, false, false, "A", "L.", "ES-10", "30", ""},
		{"A/S-26/2", "A/S-26/2", GA, false, false, "A", "", "S-26", "2", ""},
		{"A/CONF.189/12", "A/CONF.189/12", CONF, false, false, "A/CONF.189", "", "", "12", ""},
		{"A/CONF.177/20/Rev.1", "A/CONF.177/20/Rev.1", CONF, false, false, "A/CONF.177", "", "", "20", ""},
		{"A/RES/ES-11/1", "A/RES/ES-11/1", GA, true, false, "A", "RES", "ES-11", "1", ""},
		{"DP/2024/1", "DP/2024/1", OTHER, false, false, "DP", "", "2024", "1", ""},
		{"TD/B/C.I/50", "TD/B/C.I/50", OTHER, false, false, "TD/B/C.I", "", "", "50", ""},
		{"UNW/2024/1", "UNW/2024/1", OTHER, false, false, "UNW", "", "2024", "1", ""},
		{"ICCD/COP(15)/23", "ICCD/COP(15)/23", TREATY, false, false, "ICCD/COP(15)", "", "", "23", ""},
		{"A/INF/79/4", "A/INF/79/4", GA, false, false, "A/INF", "", "79", "4", ""},
		{"A/BUR/79/1", "A/BUR/79/1", GA, false, false, "A/BUR", "", "79", "1", ""},
		// Normalised tokens, line breaks, qualifiers with modifiers.
		{"A/res/70/1", "A/RES/70/1", GA, true, false, "A", "RES", "70", "1", ""},
		{"A/78/40/corr.1", "A/78/40/Corr.1", GA, false, false, "A", "", "78", "40", ""},
		{"A/79/\n458", "A/79/458", GA, false, false, "A", "", "79", "458", ""},
		{"A/79/ \r\n458/Add.2", "A/79/458/Add.2", GA, false, false, "A", "", "79", "458", ""},
		{"NPT/CONF.1995/32 (Part I)/Corr.2", "NPT/CONF.1995/32(PartI)/Corr.2", TREATY, false, false, "NPT/CONF.1995", "", "", "32", ""},
		{"NPT/CONF.2000/28 (Parts I and II)", "NPT/CONF.2000/28(PartsIandII)", TREATY, false, false, "NPT/CONF.2000", "", "", "28", ""},
		{"NPT/CONF.2010/50 (Vol. I)", "NPT/CONF.2010/50(Vol.I)", TREATY, false, false, "NPT/CONF.2010", "", "", "50", ""},
		{"A/80/6 (Sect. 3)/Add.5", "A/80/6(Sect.3)/Add.5", GA, false, false, "A", "", "80", "6", ""},
		{"A/80/6 (Sect. 29A)", "A/80/6(Sect.29A)", GA, false, false, "A", "", "80", "6", ""},
		{"A/80/6 (Sect. 29C)/Corr.1", "A/80/6(Sect.29C)/Corr.1", GA, false, false, "A", "", "80", "6", ""},
		{"HRI/GEN/1/Rev.9 (Vol. I)", "HRI/GEN/1/Rev.9(Vol.I)", TREATY, false, false, "HRI/GEN", "", "", "1", ""},
		{"A/HRC/55/23/Add.1/Corr.1", "A/HRC/55/23/Add.1/Corr.1", HRC, false, false, "A/HRC", "", "55", "23", ""},
		{"ST/SGB/2003/13/Amend.1", "ST/SGB/2003/13/Amend.1", SECRETARIAT, false, false, "ST/SGB", "", "2003", "13", ""},
		{"E/CN.7/2024/15", "E/CN.7/2024/15", CND, false, false, "E/CN.7", "", "2024", "15", ""},
		{"E/CN.15/2024/L.3", "E/CN.15/2024/L.3", CCPCJ, false, false, "E/CN.15", "L.", "2024", "3", ""},
		{"S/ 13450/Add. 1", "S/13450/Add.1", SC, false, false, "S", "", "", "13450", ""},
		{"UNTS/1015/14860", "UNTS/1015/14860", UNTS, false, false, "UNTS", "", "1015", "14860", ""},
		{"UNTS/1/XVI", "UNTS/1/XVI", UNTS, false, false, "UNTS", "", "1", "XVI", ""},
		{"  S/2023/123\n", "S/2023/123", SC, false, false, "S", "", "2023", "123", ""},
	}
	for _, tt := range tests {
		s, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := s.String(); got != tt.canon {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.canon)
		}
		s2, err := Parse(s.String())
		if err != nil || s2.String() != s.String() {
			t.Errorf("Parse(%q) = %q, %v; not a round trip", s.String(), s2.String(), err)
		}
		if got := s.Body(); got != tt.body {
			t.Errorf("Parse(%q).Body() = %q, want %q", tt.in, got, tt.body)
		}
		if s.IsResolution() != tt.res || s.IsDecision() != tt.dec {
			t.Errorf("Parse(%q): IsResolution, IsDecision = %v, %v; want %v, %v", tt.in, s.IsResolution(), s.IsDecision(), tt.res, tt.dec)
		}
		if got := s.Series(); got != tt.series {
			t.Errorf("Parse(%q).Series() = %q, want %q", tt.in, got, tt.series)
		}
		if got := s.Type(); got != tt.typ {
			t.Errorf("Parse(%q).Type() = %q, want %q", tt.in, got, tt.typ)
		}
		if got := s.Session(); got != tt.session {
			t.Errorf("Parse(%q).Session() = %q, want %q", tt.in, got, tt.session)
		}
		if got := s.Number(); got != tt.number {
			t.Errorf("Parse(%q).Number() = %q, want %q", tt.in, got, tt.number)
		}
		if s.Part != tt.part {
			t.Errorf("Parse(%q).Part = %q, want %q", tt.in, s.Part, tt.part)
		}
		if BodyName(s.Body()) == "" {
			t.Errorf("BodyName(%q) is empty", s.Body())
		}
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{
		"", "   ", "S/1906/2020", "2/4", "3/4", "24-24160", "24-24160 (E)", "and/or", "km/h", "70/1",
		"GC(69)/RES/15", "1/CP.21", "https://undocs.org/A/RES/70/1", "10/07/2024",
		"A/B", "A/", "A", "A/RES", "A/RES/", "A/HRC", "E/CN.4", "A/C.3", "HIV/AIDS",
		"HIV/AIDS7", "WT/MIN(11)/24", "GOV/2024/1", "IX/12", "X/2", "CM/Res.1153",
		"S-26/2", "ES-10/19", "A /RES/70/1", "A/RES/70/1.", "S/2023/123, para. 99",
		"A/RES/70/1 A", "A/79/458 (para. 99)", "A/Add.1", "A/79/Add.1/458",
		"E/CN.4/2001/2-E/CN.4/Sub.2/2000/46", "ABCDEFGHIJ/2024/1", "A/C.5/80/___",
		"A/RES/78/18A/RES/78/18", "A/79/XVI",
	} {
		if s, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %q, want an error", in, s)
		} else if !strings.HasPrefix(err.Error(), "symbol: ") {
			t.Errorf("Parse(%q) error %q does not name the package", in, err)
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct{ text, want string }{
		{"A/RES/70/1 of 25 September 2015", "A/RES/70/1"},
		{"S/2023/123.", "S/2023/123"},
		{"S/2023/123).", "S/2023/123"},
		{"A/79/458/Add.2, para. 99)]", "A/79/458/Add.2"},
		{"A/CONF.157/24 (Part I), chap. III.", "A/CONF.157/24 (Part I)"},
		{"A/CONF.157/24(Part I), chap. III.", "A/CONF.157/24(Part I)"},
		{"S/RES/1325 (2000) on women", "S/RES/1325 (2000)"},
		{"A/RES/217 (III) of", "A/RES/217 (III)"},
		{"A/RES/217 A (III) of", "A/RES/217 A (III)"},
		{"A/RES/70/1 (2015)", "A/RES/70/1"},
		{"S/RES/1325 (XV)", "S/RES/1325"},
		{"A/RES/217 (2000)", "A/RES/217"},
		{"E/CN.4/2001/2-E/CN.4/Sub.2/2000/46", "E/CN.4/2001/2"},
		{"A/79/\n458 and", "A/79/\n458"},
		{"A/79/ \n458 and", "A/79/ \n458"},
		{"A/79/458\n", "A/79/458"},
		{"A/79\n/458", "A/79"},
		{"A/79/ 458", "A/79/ 458"},
		{"A/79/  458", "A/79"},
		{"S/ 13646.\n96", "S/ 13646"},
		{"S/18164/Add. 1.\n16", "S/18164/Add. 1"},
		{"S/8248/Add.7-9.", "S/8248/Add.7"},
		{"A/78/40/Add.1a", "A/78/40"},
		{"NPT/CONF.1995/32 (Part I)/Corr.2), annex.", "NPT/CONF.1995/32 (Part I)/Corr.2"},
		{"A/80/6 (Sect. 3)/Add.5 and", "A/80/6 (Sect. 3)/Add.5"},
		{"A/RES/ES-10/19-20", "A/RES/ES-10/19"},
		{"A/HRC/RES/S-30/1;", "A/HRC/RES/S-30/1"},
		{"A/79/L.2/", "A/79/L.2"},
		{"A/79/L", "A/79"},
		{"UNEP/EA.5/Res.14.", "UNEP/EA.5/Res.14"},
		{"S/2023/123.pdf", "S/2023/123"},
		{"S/2023/123.The", "S/2023/123"},
		{"TD/B/C.I/50.", "TD/B/C.I/50"},
		{"ICCD/COP(15)/23/Add.1.", "ICCD/COP(15)/23/Add.1"},
		{"A/79/PV.53,", "A/79/PV.53"},
		{"A/78/40 and Corr.1", "A/78/40"},
		{"A/RES/78/18A/RES/78/18\n", "A/RES/78/18"},
		{"A/C.5/80/___ ", ""},
		{"UNTS/1015/14860", "UNTS/1015/14860"},
		{"S/20976.57 S/20998.", "S/20976"},
		{"A/RES/70/1.5", "A/RES/70/1"},
		{"A/79/458 (para. 99)", "A/79/458"},
		// Not symbols.
		{"2/4", ""}, {"and/or", ""}, {"km/h", ""}, {"70/1", ""}, {"GC(69)/RES/15", ""},
		{"1/CP.21", ""}, {"10/07/2024", ""}, {"A/B", ""}, {"A/", ""}, {"HIV/AIDS7 and", ""},
		{"The Assembly", ""}, {"A", ""}, {"", ""}, {"A/RES/", ""}, {"S-26/2", ""},
		{"UNESCO/2024/1", ""}, {"WT/MIN(22)/24", ""},
	}
	for _, tt := range tests {
		if got := tt.text[:Match(tt.text)]; got != tt.want {
			t.Errorf("Match(%q) matched %q, want %q", tt.text, got, tt.want)
		}
		if tt.want != "" {
			if _, err := Parse(tt.want); err != nil {
				t.Errorf("Parse(Match(%q)): %v", tt.text, err)
			}
		}
	}
}

func TestBodyName(t *testing.T) {
	for _, code := range Bodies() {
		if BodyName(code) == "" {
			t.Errorf("BodyName(%q) is empty", code)
		}
	}
	if got := BodyName("GA"); got != "General Assembly" {
		t.Errorf("BodyName(GA) = %q", got)
	}
	if got := BodyName("nope"); got != "" {
		t.Errorf("BodyName(nope) = %q, want empty", got)
	}
}

// TestParseErrors checks that an error says what is wrong.
func TestParseErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", "empty input"},
		{"2/4", "starts with an upper-case series"},
		{"HIV/AIDS", `"HIV" is not a UN document series`},
		{"ISBA/17/A/9", `"ISBA" is not a UN document series`},
		{"A/B", "no document number"},
		{"A/", "expected a component after '/'"},
		{"A/RES/70/1.", `unexpected "." after the symbol "A/RES/70/1"`},
		{"A/C.5/80/___", "placeholder"},
	} {
		_, err := Parse(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want it to say %q", tt.in, err, tt.want)
		}
	}
}

func TestDivisionSeries(t *testing.T) {
	s, err := Parse("UNEP(DTIE)/Hg/CONF/4")
	if err != nil || s.String() != "UNEP(DTIE)/Hg/CONF/4" || s.Body() != UNEP {
		t.Errorf("UNEP(DTIE)/Hg/CONF/4: %v %q %q", err, s.String(), s.Body())
	}
	if n := Match("UNEP(DTIE)/Hg/CONF/4, annex II."); n != len("UNEP(DTIE)/Hg/CONF/4") {
		t.Errorf("Match = %d", n)
	}
	if n := Match("GC(69)/RES/15"); n != 0 {
		t.Errorf("GC(69)/RES/15 matched %d bytes", n)
	}
}
