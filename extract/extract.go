package extract

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// TEMPORARY bootstrap implementation so that the other packages compile and
// have data to work with; the real extractor replaces this file.
var tmpRes = regexp.MustCompile(`resolutions? (\d+/\d+)`)

// Extract reads one document and returns it with every reference it makes.
// name is the file name, used in errors and as a last resort for the
// document's own symbol.
func Extract(name string, src []byte) (*Document, error) {
	if len(src) == 0 {
		return nil, fmt.Errorf("extract: %s: empty file", name)
	}
	d := &Document{File: name, Body: "GA"}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	d.Symbol = strings.ReplaceAll(base, "_", "/")
	for _, m := range tmpRes.FindAllSubmatchIndex(src, -1) {
		t := "A/RES/" + string(src[m[2]:m[3]])
		if t == d.Symbol {
			continue
		}
		d.References = append(d.References, Reference{Target: t, Raw: string(src[m[2]:m[3]]), Start: m[2], End: m[3], Kind: KindResolution, Body: "GA"})
	}
	return d, nil
}
