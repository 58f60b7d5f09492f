// Package symbol parses United Nations document symbols ("A/RES/70/1",
// "S/RES/1325 (2000)", "E/CN.4/Sub.2/2000/46", "A/CONF.157/24 (Part I)"),
// says which body issued a document, and prints the canonical form of
// ../../shared/spec/reference-forms.md (in the repository's shared folder).
//
// # Grammar
//
// A symbol is a series, then components separated by '/', then modifiers:
//
//	series      upper-case letters from a closed list of UN series: A, S, E,
//	            ST, UNEP, the treaty bodies (CCPR, CERD, CEDAW, CAT, CRC,
//	            CMW, CRPD, CED, HRI), the conferences of States parties the
//	            UN services (BWC, CCW, NPT, FCCC, ICCD, CBD, TPNW, APLC, CCM,
//	            SPLOS, CLCS, CTOC, CAC, ATT) and other UN series (DP, TD,
//	            UNCTAD, UNW, HSP, JIU, CEB, ICSC, CD, T, regional commissions,
//	            press releases SC/GA/SG, ...). Upper-case words outside the
//	            list are not UN symbols: HIV/AIDS, WT/MIN(11)/24 (WTO),
//	            GC(69)/RES/15 and GOV/2024/1 (IAEA), CM/Res.5 (OAU),
//	            LEG/CONF.15/21 (IMO), IX/12 (a COP decision), ISBA/...
//	component   letters and digits, with '.' before a digit ("CN.4", "L.2")
//	            or between letters ("OzL.Pro", "C.I") but never in a number
//	            ("S/20976.57" is S/20976 and footnote 57), '-' after a letter
//	            ("S-26", "ES-10", "COP-MOP") unless a new symbol starts
//	            after it, and one glued session paren: "217(III)",
//	            "3362(S-VII)", "1325(2000)", "COP(15)" (so ICCD/COP(15)/23
//	            is accepted).
//	modifiers   "/Add.n", "/Corr.n", "/Rev.n", "/Amend.n", any number, and
//	            at most one qualifier "(Part I)", "(Parts I and II)",
//	            "(Vol. I)", "(Sect. 3)", possibly followed by more
//	            modifiers: "NPT/CONF.1995/32 (Part I)/Corr.2".
//
// A symbol has at least two main components and its last main component is
// a number ("458", "217(III)") or a typed number ("L.2", "PV.53",
// "Res.14", "SR.5", "CRP.1", "INF.3"): "A/HRC", "E/CN.4" and "A/B" are
// series, not documents. Bare numbers ("70/1", "S-26/2", "2/4") are not
// symbols: turning them into symbols needs context, which is the
// extractor's job.
//
// # White space
//
// Parse and Match accept white space only where the UN writes it: before
// a parenthesised qualifier ("A/CONF.157/24 (Part I)"), before the session
// or year of a resolution numbered within it ("A/RES/217 (III)",
// "E/RES/1503 (XLVIII)", "S/RES/1325 (2000)" — a year only for S, a Roman
// session only for the others), around the part letter of an old GA
// resolution ("A/RES/217 A (III)"), and a line break (raw PDF text) right
// after a '/' ("A/79/\n458"). The canonical form (String) removes it all.
//
// # Canonical form and case
//
// String is the symbol as written with white space removed, except that
// the well-known tokens are normalised: RES, DEC and PRST upper case, the
// modifiers spelled Add., Corr., Rev., Amend.; the part letter of
// "A/RES/217 A (III)" goes to Symbol.Part and out of the canonical form
// ("A/RES/217(III)"). Everything else keeps its case as written:
// "E/CN.4/Sub.2/2000/46" and "E/CN.4/SUB.2/RES/2000/22" both stay as they
// are, "UNEP/EA.5/Res.14" keeps "Res.". Compare symbols with Key, the
// upper-cased String. Parse(s.String()).String() == s.String() always.
//
// # Bodies
//
// Body gives the issuing body code (GA, SC, ECOSOC, HRC, CHR, SUBCOM, CSW,
// ..., CONF, TREATY, SECRETARIAT, UNEP, OTHER) from the series and the
// first components: A/HRC is HRC, A/CONF.n is CONF, other A is GA; E/CN.4
// is CHR unless followed by Sub.2 (SUBCOM), E/CN.n are the functional
// commissions, E/C.12 is TREATY (CESCR), other E is ECOSOC.
//
// Raw PDF text has a few more traps Match steps around: two page headers
// glued together ("A/RES/78/18A/RES/78/18" matches the first), and
// placeholders in drafts ("A/C.5/80/___" is no symbol). Older texts write
// "S/ 13646" and "Add. 1"; both are accepted and canonicalised.
//
// Match is hand-written byte scanning without regular expressions or
// allocation; it is meant to run at every candidate position of a text.
package symbol
