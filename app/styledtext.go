package app

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// paragraphInset is the horizontal space left of and right of the text in
// a styled paragraph.
const paragraphInset = 8

// styledParagraph draws one paragraph wrapped to its width, with
// background highlights, underlines and strike-through lines that Fyne's
// RichText cannot draw. It lays out only when its text or width changes.
type styledParagraph struct {
	widget.BaseWidget
	text  string
	spans []styledSpan
	m     *measurer

	layout      paragraphLayout
	layoutWidth float32
	// sizeChanged, if set, is told when a new width may change the height.
	sizeChanged func()
}

func newStyledParagraph(m *measurer) *styledParagraph {
	p := &styledParagraph{m: m, layoutWidth: -1}
	p.ExtendBaseWidget(p)
	return p
}

// Set replaces the text and its styles; unchanged content is not laid out
// or drawn again.
func (p *styledParagraph) Set(text string, spans []styledSpan) {
	if text == p.text && slices.Equal(spans, p.spans) && p.layoutWidth >= 0 {
		return
	}
	p.text, p.spans = text, spans
	p.layoutWidth = -1
	p.Refresh()
}

// layoutFor returns the layout at the given outer width, caching it.
func (p *styledParagraph) layoutFor(width float32) paragraphLayout {
	if width != p.layoutWidth {
		p.layout = layoutParagraph(p.text, p.spans, width-2*paragraphInset, p.m)
		p.layoutWidth = width
	}
	return p.layout
}

// MinSize implements fyne.Widget: the height of the text wrapped at the
// current width (one line before the first layout). In lists the row sets
// the real height.
func (p *styledParagraph) MinSize() fyne.Size {
	h := p.m.lineHeight()
	if w := p.Size().Width; w > 0 {
		h = max(h, p.layoutFor(w).Height())
	}
	return fyne.NewSize(2*paragraphInset+20, h)
}

// Resize implements fyne.CanvasObject; a new width can change the height
// the text needs, so the parent is asked to lay out again.
func (p *styledParagraph) Resize(s fyne.Size) {
	old := p.Size()
	p.BaseWidget.Resize(s)
	if s.Width != old.Width && p.sizeChanged != nil {
		p.sizeChanged()
	}
}

// CreateRenderer implements fyne.Widget.
func (p *styledParagraph) CreateRenderer() fyne.WidgetRenderer {
	return &styledParagraphRenderer{p: p}
}

type styledParagraphRenderer struct {
	p       *styledParagraph
	texts   []*canvas.Text
	rects   []*canvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *styledParagraphRenderer) Layout(size fyne.Size) { r.build(size) }

func (r *styledParagraphRenderer) MinSize() fyne.Size { return r.p.MinSize() }

func (r *styledParagraphRenderer) Refresh() {
	r.build(r.p.Size())
	for _, o := range r.rects {
		o.Refresh()
	}
	canvas.Refresh(r.p)
}

func (r *styledParagraphRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *styledParagraphRenderer) Destroy() {}

// build places one text object per fragment and rectangles for
// backgrounds and lines, reusing the objects of the last build.
func (r *styledParagraphRenderer) build(size fyne.Size) {
	p := r.p
	if size.Width <= 0 {
		r.objects = r.objects[:0]
		return
	}
	lay := p.layoutFor(size.Width)
	th := p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	colorOf := func(name fyne.ThemeColorName, fallback fyne.ThemeColorName) color.Color {
		if name == "" {
			name = fallback
		}
		return resolveColor(th, name, v)
	}
	nt, nr := 0, 0
	text := func() *canvas.Text {
		if nt == len(r.texts) {
			r.texts = append(r.texts, canvas.NewText("", nil))
		}
		nt++
		return r.texts[nt-1]
	}
	rect := func() *canvas.Rectangle {
		if nr == len(r.rects) {
			r.rects = append(r.rects, canvas.NewRectangle(nil))
		}
		nr++
		return r.rects[nr-1]
	}
	textSize := th.Size(theme.SizeNameText)
	thin := float32(1)
	if s := th.Size(theme.SizeNameInputBorder); s > 0 {
		thin = s
	}
	var backgrounds, lines []*canvas.Rectangle
	var texts []*canvas.Text
	for li, ln := range lay.Lines {
		y := float32(li) * lay.LineHeight
		for _, f := range ln.Fragments {
			x := paragraphInset + f.X
			if f.Style.Background != "" {
				b := rect()
				b.FillColor = colorOf(f.Style.Background, "")
				b.CornerRadius = 2
				b.Move(fyne.NewPos(x, y))
				b.Resize(fyne.NewSize(f.Width, lay.LineHeight))
				backgrounds = append(backgrounds, b)
			}
			t := text()
			str, style, col := p.text[f.Start:f.End], fyne.TextStyle{Bold: f.Style.Bold, Italic: f.Style.Italic}, colorOf(f.Style.Color, theme.ColorNameForeground)
			if t.Text != str || t.TextStyle != style || t.Color != col || t.TextSize != textSize {
				// A reused text object's cached texture must be dropped.
				t.Text, t.TextStyle, t.Color, t.TextSize = str, style, col, textSize
				t.Refresh()
			}
			t.Move(fyne.NewPos(x, y))
			t.Resize(fyne.NewSize(f.Width, lay.LineHeight))
			texts = append(texts, t)
			lineColor := colorOf(f.Style.Color, theme.ColorNameForeground)
			if f.Style.Underline {
				u := rect()
				u.FillColor = lineColor
				u.CornerRadius = 0
				u.Move(fyne.NewPos(x, y+lay.LineHeight-thin-1))
				u.Resize(fyne.NewSize(f.Width, thin+0.5))
				lines = append(lines, u)
			}
			if f.Style.Strike {
				s := rect()
				s.FillColor = lineColor
				s.CornerRadius = 0
				s.Move(fyne.NewPos(x, y+lay.LineHeight/2))
				s.Resize(fyne.NewSize(f.Width, thin+0.5))
				lines = append(lines, s)
			}
		}
	}
	r.objects = r.objects[:0]
	for _, b := range backgrounds {
		r.objects = append(r.objects, b)
	}
	for _, t := range texts {
		r.objects = append(r.objects, t)
	}
	for _, l := range lines {
		r.objects = append(r.objects, l)
	}
}
