package embedded

import (
	"encoding/json"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/fogleman/gg"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// go-graphviz draws PNG with its own Go renderer, which loses node borders
// and edges (it fills open curves and never strokes filled shapes). So the
// PNG is drawn here instead, from the drawing operations Graphviz lays out
// (xdot, as JSON): the same layout as the SVG.

// pngScale is pixels per point: 2 gives 144 dpi, sharp in print and on
// high-density screens. maxPixels bounds the longer side.
const (
	pngScale  = 2.0
	pngMargin = 8.0
	maxPixels = 16000
)

// xdot is the part of Graphviz's JSON output that we draw.
type xdot struct {
	BB      string    `json:"bb"`
	Draw    []xop     `json:"_draw_"`
	LDraw   []xop     `json:"_ldraw_"`
	Objects []xobject `json:"objects"`
	Edges   []xobject `json:"edges"`
}

type xobject struct {
	Nodes  []int `json:"nodes"` // set on subgraphs and clusters
	Draw   []xop `json:"_draw_"`
	LDraw  []xop `json:"_ldraw_"`
	HDraw  []xop `json:"_hdraw_"`
	TDraw  []xop `json:"_tdraw_"`
	HLDraw []xop `json:"_hldraw_"`
	TLDraw []xop `json:"_tldraw_"`
}

type xop struct {
	Op     string       `json:"op"`
	Color  string       `json:"color"`
	Style  string       `json:"style"`
	Points [][2]float64 `json:"points"`
	Rect   []float64    `json:"rect"`
	Pt     []float64    `json:"pt"`
	Align  string       `json:"align"`
	Width  float64      `json:"width"`
	Text   string       `json:"text"`
	Size   float64      `json:"size"`
	Face   string       `json:"face"`
	Flags  int          `json:"fontchar"`
}

// drawPNG paints Graphviz's JSON layout as a PNG.
func drawPNG(layout []byte, w io.Writer) error {
	var x xdot
	if err := json.Unmarshal(layout, &x); err != nil {
		return fmt.Errorf("embedded: reading the layout: %w", err)
	}
	var x0, y0, x1, y1 float64
	if _, err := fmt.Sscanf(x.BB, "%g,%g,%g,%g", &x0, &y0, &x1, &y1); err != nil {
		return fmt.Errorf("embedded: reading the layout's bounding box %q: %w", x.BB, err)
	}
	scale := pngScale
	if long := math.Max(x1-x0, y1-y0) * scale; long > maxPixels {
		scale *= maxPixels / long
	}
	wpx := int(math.Ceil((x1-x0)*scale + 2*pngMargin))
	hpx := int(math.Ceil((y1-y0)*scale + 2*pngMargin))
	p := &painter{
		dc:    gg.NewContext(wpx, hpx),
		scale: scale,
		ox:    x0,
		oy:    y1,
	}
	p.dc.SetColor(color.White)
	p.dc.Clear()
	p.ops(x.Draw, false)
	p.ops(x.LDraw, false)
	for _, o := range x.Objects { // clusters first, under everything
		if o.Nodes != nil {
			p.ops(o.Draw, false)
			p.ops(o.LDraw, false)
		}
	}
	for _, e := range x.Edges {
		p.ops(e.Draw, true)
		p.ops(e.TDraw, false)
		p.ops(e.HDraw, false)
		p.ops(e.LDraw, false)
		p.ops(e.TLDraw, false)
		p.ops(e.HLDraw, false)
	}
	for _, o := range x.Objects {
		if o.Nodes == nil {
			p.ops(o.Draw, false)
			p.ops(o.LDraw, false)
		}
	}
	if err := png.Encode(w, p.dc.Image()); err != nil {
		return fmt.Errorf("embedded: writing PNG: %w", err)
	}
	return nil
}

type painter struct {
	dc     *gg.Context
	scale  float64
	ox, oy float64 // top-left corner in Graphviz points (y up)
}

func (p *painter) pt(x, y float64) (float64, float64) {
	return (x-p.ox)*p.scale + pngMargin, (p.oy-y)*p.scale + pngMargin
}

// ops runs one list of xdot operations; the drawing state starts afresh.
// Graphviz's WebAssembly build does not mark which curves are filled
// reliably, so a curve is filled when it is closed and a fill colour was
// set (the first such curve only: further ones are outer peripheries),
// and an edge's curve (line) is never filled.
func (p *painter) ops(list []xop, line bool) {
	pen := color.Color(color.Black)
	var fill color.Color
	width := 1.0
	dash := ""
	size, bold := 14.0, false
	filledCurve := false // only the innermost of several peripheries is filled
	for _, op := range list {
		switch op.Op {
		case "c":
			pen = parseColor(op.Color)
		case "C":
			fill = parseColor(op.Color)
		case "S":
			switch {
			case op.Style == "dashed", op.Style == "dotted", op.Style == "solid":
				dash = op.Style
			case op.Style == "bold":
				width = 2
			case strings.HasPrefix(op.Style, "setlinewidth("):
				if v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(op.Style, "setlinewidth("), ")"), 64); err == nil {
					width = v
				}
			}
		case "F":
			size = op.Size
			bold = strings.Contains(strings.ToLower(op.Face), "bold")
		case "P", "p", "L":
			if len(op.Points) == 0 {
				continue
			}
			for k, q := range op.Points {
				x, y := p.pt(q[0], q[1])
				if k == 0 {
					p.dc.MoveTo(x, y)
				} else {
					p.dc.LineTo(x, y)
				}
			}
			if op.Op != "L" {
				p.dc.ClosePath()
			}
			p.finish(op.Op == "P" && fill != nil, fill, pen, width, dash)
		case "B", "b":
			if len(op.Points) < 4 {
				continue
			}
			x, y := p.pt(op.Points[0][0], op.Points[0][1])
			p.dc.MoveTo(x, y)
			for k := 1; k+2 < len(op.Points); k += 3 {
				x1, y1 := p.pt(op.Points[k][0], op.Points[k][1])
				x2, y2 := p.pt(op.Points[k+1][0], op.Points[k+1][1])
				x3, y3 := p.pt(op.Points[k+2][0], op.Points[k+2][1])
				p.dc.CubicTo(x1, y1, x2, y2, x3, y3)
			}
			first, last := op.Points[0], op.Points[len(op.Points)-1]
			closed := !line && first == last
			if closed {
				p.dc.ClosePath()
			}
			p.finish(closed && fill != nil && !filledCurve, fill, pen, width, dash)
			filledCurve = filledCurve || closed && fill != nil
		case "E", "e":
			if len(op.Rect) != 4 {
				continue
			}
			x, y := p.pt(op.Rect[0], op.Rect[1])
			p.dc.DrawEllipse(x, y, op.Rect[2]*p.scale, op.Rect[3]*p.scale)
			p.finish(op.Op == "E" && fill != nil, fill, pen, width, dash)
		case "T":
			if len(op.Pt) != 2 || op.Text == "" {
				continue
			}
			p.text(op, size, bold, pen)
		}
	}
}

// finish fills and then strokes the current path.
func (p *painter) finish(filled bool, fill, pen color.Color, width float64, dash string) {
	if filled {
		p.dc.SetColor(fill)
		p.dc.FillPreserve()
	}
	if _, _, _, a := pen.RGBA(); a == 0 {
		p.dc.ClearPath()
		return
	}
	p.dc.SetColor(pen)
	p.dc.SetLineWidth(width * p.scale)
	switch dash {
	case "dashed":
		p.dc.SetDash(5*p.scale, 2*p.scale)
	case "dotted":
		p.dc.SetDash(1*p.scale, 3*p.scale)
	default:
		p.dc.SetDash()
	}
	p.dc.Stroke()
	p.dc.SetDash()
}

// text draws one line of a label on its baseline, shrunk when the font we
// draw with is wider than the width Graphviz laid out.
func (p *painter) text(op xop, size float64, bold bool, pen color.Color) {
	op.Text = strings.ReplaceAll(op.Text, backslashMark, `\`)
	face := faceFor(size*p.scale, bold)
	p.dc.SetFontFace(face)
	w, _ := p.dc.MeasureString(op.Text)
	if want := op.Width * p.scale; op.Width > 0 && w > want*1.02 {
		face = faceFor(size*p.scale*want/w, bold)
		p.dc.SetFontFace(face)
		w, _ = p.dc.MeasureString(op.Text)
	}
	x, y := p.pt(op.Pt[0], op.Pt[1])
	switch op.Align {
	case "c":
		x -= w / 2
	case "r":
		x -= w
	}
	p.dc.SetColor(pen)
	p.dc.DrawString(op.Text, x, y)
}

var (
	fontOnce      sync.Once
	regular, bolf *opentype.Font
	faceMu        sync.Mutex
	faces         = map[[2]int]font.Face{}
)

// faceFor returns the Go font (a sans serif close to Helvetica in width) at
// a size in pixels, cached by tenth of a pixel.
func faceFor(px float64, bold bool) font.Face {
	fontOnce.Do(func() {
		regular, _ = opentype.Parse(goregular.TTF)
		bolf, _ = opentype.Parse(gobold.TTF)
	})
	key := [2]int{int(px * 10), 0}
	f := regular
	if bold {
		key[1], f = 1, bolf
	}
	faceMu.Lock()
	defer faceMu.Unlock()
	if face, ok := faces[key]; ok {
		return face
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: float64(key[0]) / 10, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil
	}
	faces[key] = face
	return face
}

// parseColor reads "#rrggbb" or "#rrggbbaa"; anything else is black.
func parseColor(s string) color.Color {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 && len(s) != 8 {
		switch s {
		case "transparent", "none":
			return color.NRGBA{}
		case "white":
			return color.White
		}
		return color.Black
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return color.Black
	}
	if len(s) == 6 {
		return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
	}
	return color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}
}
