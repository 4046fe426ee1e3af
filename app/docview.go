package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// docView shows a long text as a list of styled paragraphs. Only the rows
// in view are built and drawn (widget.List recycles them); the height of
// every row is computed from a text layout at the view's width, so
// scrolling is smooth and opening a 10,000-word article lays out only what
// fits on screen.
type docView struct {
	widget.List
	m       *measurer
	count   func() int
	content func(i int) (text string, spans []styledSpan)
	// heightOf, when set, gives row heights for rows that are not a single
	// styled paragraph.
	heightOf func(i int, width float32) float32

	width float32 // width the row heights were computed for
}

func newDocView(count func() int, content func(i int) (string, []styledSpan)) *docView {
	d := &docView{count: count, content: content}
	d.m = newMeasurer(theme.TextSize())
	d.Length = count
	d.HideSeparators = true
	d.CreateItem = func() fyne.CanvasObject { return newStyledParagraph(d.m) }
	d.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		text, spans := d.content(i)
		o.(*styledParagraph).Set(text, spans)
	}
	d.ExtendBaseWidget(d)
	return d
}

// Resize implements fyne.CanvasObject: a new width means new row heights.
func (d *docView) Resize(s fyne.Size) {
	if s.Width != d.width {
		d.width = s.Width
		d.updateHeights()
	}
	d.List.Resize(s)
}

// Reload re-reads every row after the content changed.
func (d *docView) Reload() {
	d.updateHeights()
	d.List.Refresh()
}

// ReloadRow re-reads row i after its content changed.
func (d *docView) ReloadRow(i int) {
	if d.width > 0 {
		d.SetItemHeight(i, d.rowHeight(i))
	}
	d.RefreshItem(i)
}

func (d *docView) rowHeight(i int) float32 {
	if d.heightOf != nil {
		return d.heightOf(i, d.width)
	}
	text, spans := d.content(i)
	return layoutParagraph(text, spans, d.width-2*paragraphInset, d.m).Height()
}

func (d *docView) updateHeights() {
	if d.width <= 0 {
		return
	}
	for i, n := 0, d.count(); i < n; i++ {
		d.SetItemHeight(i, d.rowHeight(i))
	}
}

// newReadOnlyView shows text, one row per line, headline in bold.
func newReadOnlyView(text string) *docView {
	paras := strings.Split(text, "\n")
	return newDocView(func() int { return len(paras) }, func(i int) (string, []styledSpan) {
		if i == 0 {
			return paras[i], []styledSpan{{Start: 0, End: len(paras[i]), Style: spanStyle{Bold: true}}}
		}
		return paras[i], nil
	})
}
