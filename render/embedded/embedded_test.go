package embedded

import (
	"bytes"
	"context"
	"image/color"
	"image/png"
	"testing"
)

func TestProtectBackslashes(t *testing.T) {
	for in, want := range map[string]string{
		`digraph{a}`:                      `digraph{a}`,
		`a [label="x\\y"]`:                "a [label=\"x\uE05Cy\"]",
		`a [label="x\\\\"]`:               "a [label=\"x\uE05C\uE05C\"]",
		`a [label="q\"\\\"z"]`:            "a [label=\"q\\\"\uE05C\\\"z\"]",
		`a [label="n\n"] b [label="\\N"]`: "a [label=\"n\\n\"] b [label=\"\uE05CN\"]",
	} {
		if got := string(protectBackslashes([]byte(in))); got != want {
			t.Errorf("protectBackslashes(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseColor(t *testing.T) {
	for in, want := range map[string]color.NRGBA{
		"#1f5f9e":   {0x1f, 0x5f, 0x9e, 0xff},
		"#fffffe00": {0xff, 0xff, 0xfe, 0x00},
		"bogus":     {0, 0, 0, 0xff},
	} {
		r, g, b, a := parseColor(in).RGBA()
		wr, wg, wb, wa := want.RGBA()
		if r != wr || g != wg || b != wb || a != wa {
			t.Errorf("parseColor(%q) = %v %v %v %v, want %v", in, r, g, b, a, want)
		}
	}
}

// TestPNGDrawsEdgesAndBorders checks what go-graphviz's own PNG loses: the
// pixels on an edge between two boxes, and a box's border, are dark.
func TestPNGDrawsEdgesAndBorders(t *testing.T) {
	dot := []byte(`digraph { node [shape=box, style=filled, fillcolor="#ffffff", color="#000000"]; edge [color="#000000"]; a -> b [penwidth=2]; }`)
	var buf bytes.Buffer
	if err := Render(context.Background(), dot, "png", &buf); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	dark := func(x, y int) bool {
		r, g, bl, _ := img.At(x, y).RGBA()
		return r < 0x6000 && g < 0x6000 && bl < 0x6000
	}
	// The edge runs down the middle column between the two boxes.
	cx := (b.Min.X + b.Max.X) / 2
	edge := 0
	for y := b.Min.Y + b.Dy()*2/5; y < b.Min.Y+b.Dy()*3/5; y++ {
		for x := cx - 3; x <= cx+3; x++ {
			if dark(x, y) {
				edge++
				break
			}
		}
	}
	if edge < b.Dy()/10 {
		t.Errorf("the edge between the boxes is missing: %d dark rows of %d", edge, b.Dy()/5)
	}
	// The top border of box a is a dark horizontal line across the middle
	// column (a label's glyph is not that wide).
	border := false
	for y := b.Min.Y; y < b.Min.Y+b.Dy()/3; y++ {
		if dark(cx-15, y) && dark(cx, y) && dark(cx+15, y) {
			border = true
		}
	}
	if !border {
		t.Error("the border of the top box is missing")
	}
}

func TestRenderSerialised(t *testing.T) {
	// go-graphviz crashes on concurrent use; Render must serialise.
	done := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			var buf bytes.Buffer
			done <- Render(context.Background(), []byte(`digraph { a -> b -> c; a -> c }`), "svg", &buf)
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}
