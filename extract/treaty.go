package extract

import (
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/extract/symbol"
)

// United Nations Treaty Series citations: "United Nations, Treaty Series,
// vol. 1015, No. 14860" → UNTS/1015/14860; "vols. 1465 and 2375, No. 24841"
// gives one target per volume; "Ibid., vol. 606, No. 8791" in a footnote
// continues the previous footnote's source.

func (x *extraction) findTreaties() {
	src := x.text
	for i := 0; i < len(src); {
		k := strings.Index(src[i:], "Treaty Series")
		if k < 0 {
			return
		}
		p := i + k
		i = p + len("Treaty Series")
		j := i
		if j < len(src) && src[j] == ',' {
			j++
		}
		x.treatyVolumes(p, skipSpace(src, j))
	}
}

// treatyVolumes parses "vol. 1015, No. 14860" at j; start is where the
// raw span begins.
func (x *extraction) treatyVolumes(start, j int) bool {
	src := x.text
	var vols []string
	switch {
	case strings.HasPrefix(src[j:], "vols."):
		j = skipSpace(src, j+5)
		for {
			d := digitsAt(src, j)
			if d == 0 {
				break
			}
			vols = append(vols, src[j:j+d])
			j += d
			k := x.listSeparator(j)
			if k == 0 || digitsAt(src, skipSpace(src, j+k)) == 0 {
				break
			}
			j = skipSpace(src, j+k)
		}
	case strings.HasPrefix(src[j:], "vol."):
		j = skipSpace(src, j+4)
		if d := digitsAt(src, j); d > 0 {
			vols = append(vols, src[j:j+d])
			j += d
		}
	}
	if len(vols) == 0 {
		return false
	}
	end := j
	var nos []string
	k := j
	if k < len(src) && (src[k] == ',' || src[k] == '.' && strings.HasPrefix(src[skipSpace(src, k+1):], "No")) {
		k = skipSpace(src, k+1)
		switch {
		case strings.HasPrefix(src[k:], "Nos."):
			k = skipSpace(src, k+4)
			for {
				d := digitsAt(src, k)
				if d == 0 {
					break
				}
				first := src[k : k+d]
				nos = append(nos, first)
				k += d
				end = k
				// a range "970–973"
				for _, dash := range [...]string{"–", "-"} {
					if strings.HasPrefix(src[k:], dash) {
						if e := digitsAt(src, k+len(dash)); e > 0 {
							a, _ := strconv.Atoi(first)
							b, _ := strconv.Atoi(src[k+len(dash) : k+len(dash)+e])
							for n := a + 1; n <= b && n-a <= 20; n++ {
								nos = append(nos, strconv.Itoa(n))
							}
							k += len(dash) + e
							end = k
						}
						break
					}
				}
				s := x.listSeparator(k)
				if s == 0 || digitsAt(src, skipSpace(src, k+s)) == 0 {
					break
				}
				k = skipSpace(src, k+s)
			}
		case strings.HasPrefix(src[k:], "No."):
			k = skipSpace(src, k+3)
			if d := digitsAt(src, k); d > 0 {
				nos = append(nos, src[k:k+d])
				end = k + d
			}
		}
	}
	for _, v := range vols {
		if len(nos) == 0 {
			x.addTarget(start, end, "UNTS/"+v, KindTreatySeries, symbol.UNTS)
		}
		for _, n := range nos {
			x.addTarget(start, end, "UNTS/"+v+"/"+n, KindTreatySeries, symbol.UNTS)
		}
	}
	return true
}

// findIbid resolves "Ibid." at the start of a footnote: a Treaty Series
// volume continues the previous footnote's Treaty Series citation; a
// written symbol counts as written (findSymbols has it); "Ibid." alone, or
// with a chapter or page, repeats the previous footnote's last target.
func (x *extraction) findIbid() {
	src := x.text
	for k, f := range x.footnotes {
		if k == 0 || !strings.HasPrefix(src[f.start:], "Ibid.") {
			continue
		}
		prev := x.footnotes[k-1]
		var last *Reference
		unts := false
		for i := range x.refs {
			r := &x.refs[i]
			if r.Footnote == prev.n && r.Start >= prev.start && r.End <= prev.end {
				if last == nil || r.Start >= last.Start {
					last = r
				}
				unts = unts || r.Kind == KindTreatySeries
			}
		}
		j := f.start + len("Ibid.")
		if j < len(src) && src[j] == ',' {
			j++
		}
		j = skipSpace(src, j)
		if strings.HasPrefix(src[j:], "vol") {
			if unts {
				x.treatyVolumes(f.start, j)
			}
			continue
		}
		if last == nil || x.hasRefIn(f.start, f.end) {
			continue
		}
		x.add(Reference{Target: last.Target, Start: f.start, End: f.start + len("Ibid."), Kind: last.Kind, Body: last.Body, Pinpoint: x.pinpointAfter(f.start + len("Ibid."))})
	}
}

func (x *extraction) hasRefIn(start, end int) bool {
	for _, r := range x.refs {
		if r.Start >= start && r.End <= end {
			return true
		}
	}
	return false
}
