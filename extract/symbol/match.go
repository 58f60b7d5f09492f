package symbol

// Match returns the length in bytes of the longest prefix of text that is a
// UN document symbol as written in running text, 0 if there is none.
//
// The extractor calls it at candidate positions: an upper-case letter not
// preceded by a letter. Do not call it inside a token: after a '/', '.',
// '-', '_' or a digit Match would find "A/9" in "ISBA/17/A/9" (a document
// of the International Seabed Authority, not of the UN). Match includes inner white space only where the UN
// writes it ("A/CONF.157/24 (Part I)", "S/RES/1325 (2000)", "A/RES/217 A
// (III)") and a line break right after a '/' ("A/79/\n458"); it stops
// before trailing punctuation ("S/2023/123." gives "S/2023/123"), before a
// following ", para. 99", and at a hyphen that starts another symbol
// ("E/CN.4/2001/2-E/CN.4/Sub.2/2000/46" gives "E/CN.4/2001/2"). Every
// prefix it matches parses with Parse.
func Match(text string) int {
	n, _ := scan(text)
	return n
}
