package app

import (
	"math"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// docView shows a long text as a scrolling column of styled paragraphs.
// Only the rows in view are built, laid out and drawn; rows are recycled
// as they scroll out. A row's height comes from its text layout at the
// view's width, computed the first time the row is shown; until then,
// when the view has an estimate, the height is estimated from the row's
// length, so opening a book-length article measures only what fits on
// screen. Row positions are prefix sums of the heights kept in a Fenwick
// tree, so finding the row at a scroll offset, or a row's offset, takes
// time logarithmic in the number of rows.
type docView struct {
	widget.BaseWidget
	m       *measurer
	count   func() int
	content func(i int) (text string, spans []styledSpan)
	// heightOf, when set, gives row heights for rows that are not a single
	// styled paragraph.
	heightOf func(i int, width float32) float32
	// estimate, when set, guesses row i's height at a width without laying
	// it out; rows are then measured only when shown. Without it every
	// row is measured when the content or the width changes.
	estimate func(i int, width float32) float32

	// CreateItem makes a row object; UpdateItem shows row i in one.
	CreateItem func() fyne.CanvasObject
	UpdateItem func(i int, o fyne.CanvasObject)

	width   float32 // width the row heights are for
	heights rowHeights
	scroll  *container.Scroll
	rows    *docRows
	shown   map[int]fyne.CanvasObject // rows in view and the objects showing them
	spare   []fyne.CanvasObject       // row objects out of view, to reuse
	placing bool
}

func newDocView(count func() int, content func(i int) (string, []styledSpan)) *docView {
	d := &docView{count: count, content: content, shown: map[int]fyne.CanvasObject{}}
	d.m = newMeasurer(theme.TextSize())
	d.CreateItem = func() fyne.CanvasObject { return newStyledParagraph(d.m) }
	d.UpdateItem = func(i int, o fyne.CanvasObject) {
		text, spans := d.content(i)
		o.(*styledParagraph).Set(text, spans)
	}
	d.rows = &docRows{d: d}
	d.rows.ExtendBaseWidget(d.rows)
	d.scroll = container.NewVScroll(d.rows)
	d.scroll.OnScrolled = func(fyne.Position) { d.placeRows(false) }
	d.ExtendBaseWidget(d)
	return d
}

// Length returns the number of rows.
func (d *docView) Length() int { return d.count() }

// CreateRenderer implements fyne.Widget.
func (d *docView) CreateRenderer() fyne.WidgetRenderer {
	return &docViewRenderer{d: d}
}

// Resize implements fyne.CanvasObject: a new width means new row heights.
// The row at the top of the view stays at the top, its height laid out
// again, though the rows above it are estimated afresh.
func (d *docView) Resize(s fyne.Size) {
	if s.Width == d.width {
		d.BaseWidget.Resize(s)
		return
	}
	top := -1
	if d.width > 0 && d.scroll.Offset.Y > 0 && d.heights.len() > 0 {
		top = d.heights.rowAt(d.scroll.Offset.Y, d.pad())
	}
	d.width = s.Width
	d.resetHeights()
	d.BaseWidget.Resize(s)
	if top >= 0 && top < d.heights.len() {
		d.measureRow(top)
		d.ScrollToOffset(d.heights.top(top, d.pad()))
	}
}

// Refresh implements fyne.CanvasObject: every row in view is read again.
func (d *docView) Refresh() {
	d.placeRows(true)
	d.scroll.Refresh()
}

// Reload re-reads every row after the content changed.
func (d *docView) Reload() {
	d.resetHeights()
	d.Refresh()
}

// ReloadRow re-reads row i after its content changed.
func (d *docView) ReloadRow(i int) {
	if d.width > 0 && i < d.heights.len() {
		d.heights.set(i, d.rowHeight(i), true)
	}
	d.RefreshItem(i)
	d.placeRows(false)
}

// RefreshItem shows row i again, if it is in view.
func (d *docView) RefreshItem(i int) {
	if o, ok := d.shown[i]; ok {
		d.UpdateItem(i, o)
	}
}

// ScrollTo scrolls the least needed to bring row i into view, as
// widget.List does: up to its top, or down to its bottom when its first
// line is below the view.
func (d *docView) ScrollTo(i int) {
	if i < 0 || i >= d.heights.len() {
		return
	}
	d.measureRow(i)
	top, h := d.heights.top(i, d.pad()), d.heights.h[i]
	off, view := d.scroll.Offset.Y, d.scroll.Size().Height
	switch {
	case top < off:
		off = top
	case top+d.m.lineHeight() > off+view:
		off = top + h - view
	default:
		return
	}
	d.ScrollToOffset(off)
}

// ScrollToTop scrolls to the first row.
func (d *docView) ScrollToTop() { d.ScrollToOffset(0) }

// ScrollToOffset scrolls so that offset y of the column is at the top.
func (d *docView) ScrollToOffset(y float32) {
	y = max(0, min(y, d.heights.total(d.pad())-d.scroll.Size().Height))
	d.scroll.ScrollToOffset(fyne.NewPos(0, y))
	d.placeRows(false)
}

// pad is the space between rows (what widget.List leaves).
func (d *docView) pad() float32 { return theme.Padding() }

func (d *docView) rowHeight(i int) float32 {
	if d.heightOf != nil {
		return d.heightOf(i, d.width)
	}
	text, spans := d.content(i)
	return layoutParagraph(text, spans, d.width-2*paragraphInset, d.m).Height()
}

// measureRow lays out row i, if it has only an estimated height.
func (d *docView) measureRow(i int) {
	if !d.heights.exact[i] && d.width > 0 {
		d.heights.set(i, d.rowHeight(i), true)
	}
}

// resetHeights sets every row's height for the current content and width:
// estimated, or measured when the view has no estimate.
func (d *docView) resetHeights() {
	n := d.count()
	if d.width <= 0 {
		d.heights.reset(n, func(int) (float32, bool) { return d.m.lineHeight(), false }, d.pad())
		return
	}
	if d.estimate != nil {
		d.heights.reset(n, func(i int) (float32, bool) { return d.estimate(i, d.width), false }, d.pad())
		return
	}
	d.heights.reset(n, func(i int) (float32, bool) { return d.rowHeight(i), true }, d.pad())
}

// placeRows measures and places the rows in view, recycling the objects
// of rows that left it; update asks every row in view to be read again.
func (d *docView) placeRows(update bool) {
	if d.placing {
		return
	}
	d.placing = true
	defer func() { d.placing = false }()
	if n := d.count(); n != d.heights.len() {
		d.resetHeights()
	}
	before := d.heights.total(d.pad())
	view := d.scroll.Size()
	shown := make(map[int]fyne.CanvasObject, len(d.shown))
	if d.width > 0 && view.Height > 0 {
		off := d.scroll.Offset.Y
		for i := d.heights.rowAt(off, d.pad()); i < d.heights.len(); i++ {
			top := d.heights.top(i, d.pad())
			if top >= off+view.Height {
				break
			}
			d.measureRow(i)
			o, ok := d.shown[i]
			if ok {
				delete(d.shown, i)
			} else if k := len(d.spare); k > 0 {
				o, d.spare = d.spare[k-1], d.spare[:k-1]
			} else {
				o = d.CreateItem()
			}
			o.Move(fyne.NewPos(0, top))
			o.Resize(fyne.NewSize(d.width, d.heights.h[i]))
			if !ok || update {
				d.UpdateItem(i, o)
			}
			shown[i] = o
		}
	}
	changed := len(d.shown) > 0 || len(shown) != len(d.rows.objects)
	for _, o := range d.shown {
		d.spare = append(d.spare, o)
	}
	d.shown = shown
	if changed {
		d.rows.objects = d.rows.objects[:0]
		for _, o := range shown {
			d.rows.objects = append(d.rows.objects, o)
		}
		canvas.Refresh(d.rows)
	}
	if d.heights.total(d.pad()) != before {
		// The column's length changed as rows were measured: the scroll
		// bar follows.
		d.rows.Resize(fyne.NewSize(d.width, d.heights.total(d.pad())))
		d.scroll.Refresh()
	}
}

// docRows is the column of rows inside the view's scroll: as tall as all
// the rows, holding only those in view.
type docRows struct {
	widget.BaseWidget
	d       *docView
	objects []fyne.CanvasObject
}

// MinSize implements fyne.CanvasObject.
func (r *docRows) MinSize() fyne.Size {
	return fyne.NewSize(0, r.d.heights.total(r.d.pad()))
}

// CreateRenderer implements fyne.Widget.
func (r *docRows) CreateRenderer() fyne.WidgetRenderer { return &docRowsRenderer{r: r} }

type docRowsRenderer struct{ r *docRows }

func (rr *docRowsRenderer) Layout(fyne.Size)             { rr.r.d.placeRows(false) }
func (rr *docRowsRenderer) MinSize() fyne.Size           { return rr.r.MinSize() }
func (rr *docRowsRenderer) Refresh()                     { rr.r.d.placeRows(false) }
func (rr *docRowsRenderer) Objects() []fyne.CanvasObject { return rr.r.objects }
func (rr *docRowsRenderer) Destroy()                     {}

type docViewRenderer struct{ d *docView }

func (r *docViewRenderer) Layout(s fyne.Size) {
	r.d.scroll.Resize(s)
	r.d.placeRows(false)
}
func (r *docViewRenderer) MinSize() fyne.Size           { return r.d.scroll.MinSize() }
func (r *docViewRenderer) Refresh()                     { r.d.Refresh() }
func (r *docViewRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.d.scroll} }
func (r *docViewRenderer) Destroy()                     {}

// rowHeights holds each row's height, whether it was measured or only
// estimated, and a Fenwick tree of the heights for prefix sums.
type rowHeights struct {
	h     []float32
	exact []bool
	tree  []float64 // 1-based Fenwick tree over h
}

func (r *rowHeights) len() int { return len(r.h) }

// reset sizes the table for n rows with the heights height gives, building
// the tree in linear time.
func (r *rowHeights) reset(n int, height func(i int) (float32, bool), pad float32) {
	r.h = r.h[:0]
	r.exact = r.exact[:0]
	r.tree = append(r.tree[:0], 0)
	for i := 0; i < n; i++ {
		h, ok := height(i)
		r.h = append(r.h, h)
		r.exact = append(r.exact, ok)
		r.tree = append(r.tree, float64(h))
	}
	for k := 1; k <= n; k++ {
		if p := k + k&-k; p <= n {
			r.tree[p] += r.tree[k]
		}
	}
}

// set changes row i's height.
func (r *rowHeights) set(i int, h float32, exact bool) {
	r.exact[i] = exact
	if h == r.h[i] {
		return
	}
	delta := float64(h) - float64(r.h[i])
	r.h[i] = h
	for k := i + 1; k < len(r.tree); k += k & -k {
		r.tree[k] += delta
	}
}

// sum returns the total height of rows [0, i).
func (r *rowHeights) sum(i int) float64 {
	s := 0.0
	for k := i; k > 0; k -= k & -k {
		s += r.tree[k]
	}
	return s
}

// top returns the offset of row i's top in the column, pad between rows.
func (r *rowHeights) top(i int, pad float32) float32 {
	return float32(r.sum(i) + float64(i)*float64(pad))
}

// total returns the column's height.
func (r *rowHeights) total(pad float32) float32 {
	n := len(r.h)
	if n == 0 {
		return 0
	}
	return float32(r.sum(n) + float64(n-1)*float64(pad))
}

// rowAt returns the row under offset y: the last row whose top is at or
// above y (0 above the first row).
func (r *rowHeights) rowAt(y, pad float32) int {
	n := len(r.h)
	if n == 0 || y <= 0 {
		return 0
	}
	// Descend the tree for the largest count of rows whose heights and
	// pads add up to no more than y.
	pos, acc := 0, 0.0
	for step := 1 << (bitsLen(n) - 1); step > 0; step >>= 1 {
		if next := pos + step; next <= n && acc+r.tree[next]+float64(step)*float64(pad) <= float64(y) {
			pos = next
			acc += r.tree[next] + float64(step)*float64(pad)
		}
	}
	return min(pos, n-1)
}

func bitsLen(n int) int {
	b := 0
	for ; n > 0; n >>= 1 {
		b++
	}
	return b
}

// estimateParagraph guesses the height of text wrapped at width from its
// length in runes and the measurer's average rune width, before it is laid
// out.
func estimateParagraph(text string, width float32, m *measurer) float32 {
	lines := 1.0
	if w := width - 2*paragraphInset; w > 0 && text != "" {
		lines = max(1, math.Ceil(float64(m.averageRune()*float32(utf8.RuneCountInString(text))/w)))
	}
	return float32(lines) * m.lineHeight()
}

// newReadOnlyView shows text, one row per line, headline in bold.
func newReadOnlyView(text string) *docView {
	paras := strings.Split(text, "\n")
	d := newDocView(func() int { return len(paras) }, func(i int) (string, []styledSpan) {
		if i == 0 {
			return paras[i], []styledSpan{{Start: 0, End: len(paras[i]), Style: spanStyle{Bold: true}}}
		}
		return paras[i], nil
	})
	d.estimate = func(i int, width float32) float32 { return estimateParagraph(paras[i], width, d.m) }
	return d
}
