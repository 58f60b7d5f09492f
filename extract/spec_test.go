package extract

import "testing"

// gaDoc wraps running text in a minimal General Assembly resolution, so
// that its own organ is the General Assembly.
func gaDoc(body string) string {
	return "United Nations\nA/RES/79/999\n\nGeneral Assembly\n\n79/999. Test resolution\n\nThe General Assembly,\n\n" + body + "\n"
}

func scDoc(body string) string {
	return "Resolution 9999 (2024)\nof 1 January 2024\n\nThe Security Council,\n\n" + body + "\n"
}

func hrcDoc(body string) string {
	return "United Nations\nA/HRC/RES/56/99\n\nHuman Rights Council\n\n56/99. Test resolution\n\nThe Human Rights Council,\n\n" + body + "\n"
}

// TestSpecForms runs every row of the table in reference-forms.md, and its
// rules on who issued a bare number and what is not a reference, on
// sentences written in the UN's style.
func TestSpecForms(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		// Targets and their canonical forms.
		{"GA resolution", gaDoc("Recalling its resolution 70/1 of 25 September 2015,"), []string{"A/RES/70/1"}},
		{"GA list", gaDoc("Recalling its resolutions 66/3 and 76/1,"), []string{"A/RES/66/3", "A/RES/76/1"}},
		{"GA named", gaDoc("Recalling General Assembly resolution 78/199,"), []string{"A/RES/78/199"}},
		{"lettered parts", gaDoc("Recalling its resolution 43/222 A to E and resolution 70/1 B,"), []string{"A/RES/43/222", "A/RES/70/1"}},
		{"sessions 1-30", gaDoc("Recalling its resolutions 217 A (III), 2200 A (XXI) and 1514 (XV),"), []string{"A/RES/217(III)", "A/RES/2200(XXI)", "A/RES/1514(XV)"}},
		{"special sessions", gaDoc("Recalling its resolutions S-26/2, 3362 (S-VII) and ES-10/19,"), []string{"A/RES/S-26/2", "A/RES/3362(S-VII)", "A/RES/ES-10/19"}},
		{"GA decision", gaDoc("Recalling its decision 78/547,"), []string{"A/DEC/78/547"}},
		{"SC resolution", gaDoc("Recalling Security Council resolution 1325 (2000),"), []string{"S/RES/1325(2000)"}},
		{"SC own", scDoc("Recalling its resolution 242 (1967),"), []string{"S/RES/242(1967)"}},
		{"HRC resolution", gaDoc("Recalling Human Rights Council resolution 56/2,"), []string{"A/HRC/RES/56/2"}},
		{"HRC decision", hrcDoc("Recalling Council decision 56/101 and its resolution S-30/1,"), []string{"A/HRC/DEC/56/101", "A/HRC/RES/S-30/1"}},
		{"ECOSOC", gaDoc("Recalling Economic and Social Council resolutions 1996/31 and 1503 (XLVIII) and Economic and Social Council decision 2023/301,"), []string{"E/RES/1996/31", "E/RES/1503(XLVIII)", "E/DEC/2023/301"}},
		{"CHR", gaDoc("Recalling Commission on Human Rights resolution 2005/69,"), []string{"E/CN.4/RES/2005/69"}},
		{"Sub-Commission after", gaDoc("Recalling the adoption of resolution 2000/22 of 18 August 2000, on the promotion of dialogue, by the Subcommission on the Promotion and Protection of Human Rights,"), []string{"E/CN.4/SUB.2/RES/2000/22"}},
		{"CSW", gaDoc("Recalling Commission on the Status of Women resolution 56/2,"), []string{"E/CN.6/RES/56/2"}},
		{"written symbols", gaDoc("Taking note of A/79/458/Add.2, A/CONF.157/24 (Part I), E/CN.4/2001/2, S/2023/123, S/PRST/2023/1, A/HRC/55/23, CRC/C/GC/26, BWC/CONF.IX/9, A/C.3/79/L.2/Rev.1 and UNEP/EA.5/Res.14,"),
			[]string{"A/79/458/Add.2", "A/CONF.157/24(PartI)", "E/CN.4/2001/2", "S/2023/123", "S/PRST/2023/1", "A/HRC/55/23", "CRC/C/GC/26", "BWC/CONF.IX/9", "A/C.3/79/L.2/Rev.1", "UNEP/EA.5/Res.14"}},
		{"joint symbol", gaDoc("Recalling E/CN.4/2001/2-E/CN.4/Sub.2/2000/46,"), []string{"E/CN.4/2001/2", "E/CN.4/Sub.2/2000/46"}},
		{"and Corr.1", gaDoc("Taking note of the report (A/78/40 and Corr.1) and of A/78/41 and Add.1 and 2,"), []string{"A/78/40", "A/78/40/Corr.1", "A/78/41", "A/78/41/Add.1", "A/78/41/Add.2"}},
		{"Official Records", gaDoc("Noting the report,1\n__________________\n\n1 Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 53 (A/79/53), chap. V, sect. A.\n"), []string{"A/79/53"}},
		{"Treaty Series", gaDoc("Noting the Convention,1 and the Protocol,2\n__________________\n\n1 United Nations, Treaty Series, vol. 1015, No. 14860.\n\n2 Ibid., vols. 1465 and 2375, No. 24841.\n"), []string{"UNTS/1015/14860", "UNTS/1465/24841", "UNTS/2375/24841"}},
		{"Ibid. Treaty Series", gaDoc("Noting the Convention1 and the Protocol,2\n__________________\n\n1 United Nations, Treaty Series, vol. 1015, No. 14860.\n\n2 Ibid., vol. 606, No. 8791.\n"), []string{"UNTS/1015/14860", "UNTS/606/8791"}},
		{"Ibid. document", gaDoc("Noting the letter1 and the report,2\n__________________\n\n1 S/13636.\n\n2 Ibid., document S/13637.\n"), []string{"S/13636", "S/13637"}},
		// Who issued a bare number.
		{"rule 1 before wins", gaDoc("Recalling Human Rights Council resolution 56/2 and its resolution 78/199,"), []string{"A/HRC/RES/56/2", "A/RES/78/199"}},
		{"rule 2 its in SC text", scDoc("Reaffirming its resolutions 812 (1993) and 846 (1993),"), []string{"S/RES/812(1993)", "S/RES/846(1993)"}},
		{"rule 2 its in HRC text", hrcDoc("Recalling its resolution 53/11,"), []string{"A/HRC/RES/53/11"}},
		{"rule 3 Council", gaDoc("Recalling the work of the Human Rights Council, and Council resolution 5/1,"), []string{"A/HRC/RES/5/1"}},
		{"rule 3 Council in SC", scDoc("Recalling Council resolution 1325 (2000),"), []string{"S/RES/1325(2000)"}},
		{"rule 4 list", gaDoc("Recalling Human Rights Council resolutions 53/11 and 56/2,"), []string{"A/HRC/RES/53/11", "A/HRC/RES/56/2"}},
		{"rule 5 SC shape", gaDoc("Recalling resolution 2254 (2015),"), []string{"S/RES/2254(2015)"}},
		{"rule 5 roman shape", gaDoc("Recalling resolution 1514 (XV),"), []string{"A/RES/1514(XV)"}},
		// What is not a reference.
		{"own symbol", gaDoc("Recalling its resolution 79/999 and A/RES/79/999,"), nil},
		{"furniture", gaDoc("Recalling the work,\n\n24-24160 (E)\n*2424160*\n2/4\n\nAgenda item 71 (b)\n"), nil},
		{"glued marker", gaDoc("Recalling Human Rights Council resolution 56/2 of 10 July 20243 and the report,\n__________________\n\n3 See A/79/53.\n"), []string{"A/HRC/RES/56/2", "A/79/53"}},
		{"bare year form", gaDoc("Recalling resolution 2000/22,"), nil},
		{"non-UN bodies", gaDoc("Recalling World Health Assembly resolution 77/1, decision 1/CP.21, GC(69)/RES/15 and decision 15/4 of the Conference of the Parties to the Convention on Biological Diversity, and FCCC/CP/2015/10/Add.1,"), []string{"FCCC/CP/2015/10/Add.1"}},
		{"qualifiers", gaDoc("Noting A/79/5 (Vol. I),"), []string{"A/79/5(Vol.I)"}},
	} {
		d, err := Extract(c.name, []byte(c.text))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		// Instruments are tested in extract/instrument; keep documents here.
		var docs []string
		for _, r := range d.References {
			if r.Kind != KindInstrument {
				docs = append(docs, r.Target)
			}
		}
		sameTargets(t, c.name, docs, c.want)
		checkSpans(t, c.name, []byte(c.text), d)
	}
}

// TestFootnoteForms links footnotes to their markers in the three forms the
// corpus has.
func TestFootnoteForms(t *testing.T) {
	for _, c := range []struct{ name, text string }{
		{"raw PDF", gaDoc("Recalling the report of 10 July 20243 on the matter,\n\n1. Welcomes the progress;\n__________________\n\n3 See A/79/53, chap. V.\n")},
		{"Markdown [^n]", gaDoc("Recalling the report of 10 July 2024[^3] on the matter,\n\n1. *Welcomes* the progress;\n\n[^3]: See [A/79/53](#), chap. V.\n")},
		{"superscript", gaDoc("Recalling the report of 10 July 2024³ on the matter,\n\n1. *Welcomes* the progress;\n\n³ See A/79/53, chap. V.\n")},
	} {
		d, err := Extract(c.name, []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		r := find(d, "A/79/53")
		if r == nil || r.Footnote != 3 || r.Paragraph != "FN3" || r.Relation != "recalling" || r.Pinpoint != "chap. V" {
			t.Errorf("%s: A/79/53 = %+v, want footnote 3 reached from a recalling clause", c.name, r)
		}
		if w := find(d, "A/RES/2024/3"); w != nil {
			t.Errorf("%s: marker glued to the year became %v", c.name, w)
		}
	}
}
