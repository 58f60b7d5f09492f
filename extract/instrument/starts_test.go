package instrument

import (
	"math/rand/v2"
	"testing"
)

// naiveStarts is nextStarts written plainly.
func naiveStarts(text []byte, i int) (int, uint32) {
	for ; i < len(text); i += 16 {
		var mask uint32
		for k := 0; k < 16 && i+k < len(text); k++ {
			if mayStart(text[i+k]) {
				mask |= 1 << k
			}
		}
		if mask != 0 || i+16 >= len(text) {
			return i, mask
		}
	}
	return i, 0
}

// nextStarts (SSE2 on amd64, 64-bit words elsewhere) agrees with the plain
// loop on every start in texts of every length, bytes of every value.
func TestNextStarts(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("aZA@[1203 \n\x80\xc2\xe2\xff/.,\x00")
	for n := 0; n < 200; n++ {
		for round := 0; round < 20; round++ {
			text := make([]byte, n)
			for k := range text {
				if round%2 == 0 {
					text[k] = alphabet[r.IntN(len(alphabet))]
				} else if r.IntN(40) == 0 {
					text[k] = byte(r.IntN(256))
				} else {
					text[k] = 'a' + byte(r.IntN(26))
				}
			}
			for i := 0; i <= n; i++ {
				gb, gm := nextStarts(text, i)
				wb, wm := naiveStarts(text, i)
				if gm != wm || gm != 0 && gb != wb {
					t.Fatalf("nextStarts(%q, %d) = %d, %016b; want %d, %016b", text, i, gb, gm, wb, wm)
				}
			}
		}
	}
}

func FuzzNextStarts(f *testing.F) {
	f.Add([]byte("Recalling the 2030 Agenda for Sustainable Development"), 0)
	f.Fuzz(func(t *testing.T, text []byte, i int) {
		if i < 0 || i > len(text) {
			return
		}
		gb, gm := nextStarts(text, i)
		wb, wm := naiveStarts(text, i)
		if gm != wm || gm != 0 && gb != wb {
			t.Fatalf("nextStarts(%q, %d) = %d, %016b; want %d, %016b", text, i, gb, gm, wb, wm)
		}
	})
}
