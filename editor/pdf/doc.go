// Package pdf sets text in every script as PDF pages: shaped with
// HarfBuzz (github.com/go-text/typesetting), in bidirectional order,
// with font fallback to the installed fonts, and with a text layer that
// copies and searches as the characters it shows. Fonts are embedded as
// subsets of the glyphs used.
package pdf

import (
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
)

// Page geometry for A4, in mm.
const (
	PageWidth  = 210.0
	PageHeight = 297.0
)

// Doc is a document being set, page by page, top to bottom. Positions
// are in mm from the top left of the page.
type Doc struct {
	fonts     *Fonts
	segmenter shaping.Segmenter
	wrapper   shaping.LineWrapper

	pages []*page
	cur   *page
	y     float64

	// Top and Bottom are the margins text flows between when a block
	// runs onto a new page.
	Top, Bottom float64
	// Header is called on each new page, to draw its running header.
	Header func(d *Doc)

	Info    Info
	missing map[string]bool
	mu      sync.Mutex
}

// Info is the document's metadata.
type Info struct {
	Title, Creator string
	Created        time.Time
}

// page is one page's drawing, kept as items until Write knows which
// glyphs each font must carry.
type page struct {
	items []item
}

type item interface{ isItem() }

type textItem struct {
	x, y float64 // pen at the baseline, mm
	run  setRun
}

type lineItem struct {
	x1, y1, x2, y2, width float64
	colour                RGB
}

func (textItem) isItem() {}
func (lineItem) isItem() {}

// New starts a document with the given fonts.
func New(fonts *Fonts) *Doc {
	return &Doc{fonts: fonts, missing: map[string]bool{}}
}

// AddPage starts a new page and draws its header.
func (d *Doc) AddPage() {
	d.cur = &page{}
	d.pages = append(d.pages, d.cur)
	d.y = d.Top
	if d.Header != nil {
		y := d.y
		d.Header(d)
		d.y = y
	}
}

// Pages is the number of pages so far.
func (d *Doc) Pages() int { return len(d.pages) }

// OnPage makes page n (from 1) the one drawn on, for running footers
// drawn once the page count is known.
func (d *Doc) OnPage(n int) { d.cur = d.pages[n-1] }

// Y is the current position down the page.
func (d *Doc) Y() float64 { return d.y }

// SetY moves the current position.
func (d *Doc) SetY(y float64) { d.y = y }

// Space moves down by h mm.
func (d *Doc) Space(h float64) { d.y += h }

// Keep starts a new page unless need mm are left on this one.
func (d *Doc) Keep(need float64) {
	if d.y+need > PageHeight-d.Bottom {
		d.AddPage()
	}
}

// Line draws a line.
func (d *Doc) Line(x1, y1, x2, y2, width float64, colour RGB) {
	d.cur.items = append(d.cur.items, lineItem{x1, y1, x2, y2, width, colour})
}

// Draw sets a block at x, flowing onto new pages as needed, across width
// mm (right-to-left paragraphs align to the right edge).
func (d *Doc) Draw(b *Block, x, width float64) {
	for _, l := range b.lines {
		if d.y+b.lineHeight > PageHeight-d.Bottom && d.y > d.Top {
			d.AddPage()
		}
		d.drawLine(l, x, width, b.rtl, b.lineHeight)
		d.y += b.lineHeight
	}
	if len(b.lines) == 0 {
		d.y += b.lineHeight
	}
}

// DrawAt sets the first line of a block with its top at x, y, without
// moving the current position.
func (d *Doc) DrawAt(b *Block, x, y, width float64) {
	if len(b.lines) == 0 {
		return
	}
	keep := d.y
	d.y = y
	d.drawLine(b.lines[0], x, width, b.rtl, b.lineHeight)
	d.y = keep
}

func (d *Doc) drawLine(l setLine, x, width float64, rtl bool, h float64) {
	if rtl {
		x += width - l.width
	}
	// The baseline sits so that the line's text is centred in its
	// height, as a word processor sets it.
	base := d.y + h/2 + l.size*0.3/ptPerMM
	for _, r := range l.runs {
		d.cur.items = append(d.cur.items, textItem{x: x, y: base, run: r})
		x += r.advance
	}
}

// noteMissing records characters no font could draw.
func (d *Doc) noteMissing(s string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.missing[strings.TrimSpace(s)] = true
}

// Missing lists the characters (or clusters) that no installed font
// could draw, sorted; the text layer still carries them.
func (d *Doc) Missing() []string {
	var out []string
	for s := range d.missing {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// isBold reports whether a face is a bold one.
func (f *Fonts) isBold(face *font.Face) bool {
	if face == f.primaryBold {
		return true
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.maps()
	_, a := f.bold.FontMetadata(face.Font)
	if a.Weight == 0 {
		_, a = f.regular.FontMetadata(face.Font)
	}
	return a.Weight >= font.WeightSemibold
}
