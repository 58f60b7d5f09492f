package symbol

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestZZList(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, os.Getenv("SUB"), "*.txt"))
	seen := map[string]bool{}
	for _, p := range files {
		b, _ := os.ReadFile(p)
		s := string(b)
		candidates(s, func(i, n int) {
			sym, _ := Parse(s[i : i+n])
			shape := []byte(sym.String())
			for k := range shape {
				if isDigit(shape[k]) {
					shape[k] = 'N'
				}
			}
			if !seen[string(shape)] {
				seen[string(shape)] = true
				fmt.Printf("%-40q %-8s %s\n", s[i:i+n], sym.Body(), shape)
			}
		})
	}
}
