package instrument

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDumpScratch(t *testing.T) {
	f, _ := os.Create("/tmp/inst/matches.txt")
	defer f.Close()
	for _, folder := range []string{"ga", "sc"} {
		for name, text := range corpusFiles(t, folder) {
			for _, m := range Find(text) {
				lo, hi := max(0, m.Start-70), min(len(text), m.End+50)
				ctx := string(text[lo:m.Start]) + "[[" + string(text[m.Start:m.End]) + "]]" + string(text[m.End:hi])
				fmt.Fprintf(f, "%s\t%s\t%v\t%s\t%s\n", folder+"/"+name, m.Instrument.Target, m.Bare, strings.Join(strings.Fields(string(text[m.Start:m.End])), " "), strings.Join(strings.Fields(ctx), " "))
			}
		}
	}
}
