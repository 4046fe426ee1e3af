package pdf

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/go-text/typesetting/font"
)

// content writes a page's drawing operators, and returns the font
// resources it uses.
func (d *Doc) content(p *page, fonts map[*font.Font]*embFont) ([]byte, []string) {
	c := &contentWriter{fonts: fonts, usedFont: map[string]bool{}}
	for _, it := range p.items {
		switch it := it.(type) {
		case lineItem:
			fmt.Fprintf(&c.b, "q %s RG %.3f w %.2f %.2f m %.2f %.2f l S Q\n", colour(it.colour), it.width*ptPerMM,
				it.x1*ptPerMM, (PageHeight-it.y1)*ptPerMM, it.x2*ptPerMM, (PageHeight-it.y2)*ptPerMM)
		case textItem:
			c.text(it)
		}
	}
	var fs []string
	for name := range c.usedFont {
		fs = append(fs, name)
	}
	sort.Strings(fs)
	return c.b.Bytes(), fs
}

type contentWriter struct {
	b        bytes.Buffer
	fonts    map[*font.Font]*embFont
	usedFont map[string]bool
	// tj holds the glyphs of an open TJ array; pen is where the text
	// position stands after them, in pt.
	tj  []byte
	pen float64
	// font is the font resource selected in the open text object.
	font string
}

func colour(c RGB) string {
	return fmt.Sprintf("%.3f %.3f %.3f", float64(c[0])/255, float64(c[1])/255, float64(c[2])/255)
}

func (c *contentWriter) flush() {
	if len(c.tj) > 0 {
		c.b.WriteByte('[')
		c.b.Write(c.tj)
		c.b.WriteString("] TJ\n")
		c.tj = c.tj[:0]
	}
}

// text draws a run. Glyphs on the baseline go out as one TJ array with
// the shaper's advances; a glyph moved off it (a mark) gets its own
// position; a cluster whose glyphs do not read as its characters on
// their own (a ligature of several glyphs, a reordered matra, a glyph
// seen elsewhere for other text) is wrapped in ActualText, so copying
// and searching give the characters.
func (c *contentWriter) text(t textItem) {
	f := c.fonts[t.run.face.Font]
	size := t.run.style.Size
	x := t.x * ptPerMM
	base := (PageHeight - t.y) * ptPerMM
	// q … Q keeps the text state (stroking, scaling) to this run.
	fmt.Fprintf(&c.b, "q BT %s rg", colour(t.run.style.Colour))
	if t.run.fakeBold && !f.type3 {
		fmt.Fprintf(&c.b, " %s RG %.3f w 2 Tr", colour(t.run.style.Colour), size*0.03)
	}
	c.b.WriteString("\n")
	c.pen = math.NaN()
	actualLeft := 0
	for _, g := range t.run.glyphs {
		if g.actual {
			c.flush()
			fmt.Fprintf(&c.b, "/Span << /ActualText %s >> BDC\n", pdfString(string(t.run.chars(g))))
			actualLeft = int(g.clusterGlyphs)
		}
		gx := x + float64(g.xOff)*ptPerMM
		gy := base + float64(g.yOff)*ptPerMM
		res, width := f.resource(g.id)
		if res != c.font {
			c.flush()
			fmt.Fprintf(&c.b, "/%s %.2f Tf\n", res, size)
			c.font = res
			c.usedFont[res] = true
		}
		w := float64(width) * size / 1000
		switch {
		case g.yOff != 0:
			c.flush()
			fmt.Fprintf(&c.b, "1 0 0 1 %.3f %.3f Tm ", gx, gy)
			c.b.Write(f.appendCode(nil, g.id))
			c.b.WriteString(" Tj\n")
			c.pen = math.NaN()
		default:
			if math.IsNaN(c.pen) {
				c.flush()
				fmt.Fprintf(&c.b, "1 0 0 1 %.3f %.3f Tm\n", gx, base)
				c.pen = gx
			}
			if adj := (gx - c.pen) * 1000 / size; math.Abs(adj) > 0.05 {
				c.tj = append(c.tj, ' ')
				c.tj = strconv.AppendFloat(c.tj, -adj, 'f', 1, 64)
			}
			c.tj = f.appendCode(c.tj, g.id)
			c.pen = gx + w
		}
		x += float64(g.advance) * ptPerMM
		if actualLeft > 0 {
			actualLeft--
			if actualLeft == 0 {
				c.flush()
				c.b.WriteString("EMC\n")
				c.pen = math.NaN()
			}
		}
	}
	c.flush()
	if actualLeft > 0 {
		c.b.WriteString("EMC\n")
	}
	c.b.WriteString("ET Q\n")
	c.font = ""
}
