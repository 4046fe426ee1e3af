package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tipDelay is how long the pointer rests on a button before its tip shows.
const tipDelay = 600 * time.Millisecond

// hoverTip shows a text in a pop-up once the pointer has rested on a
// widget for tipDelay, and hides it when the pointer leaves: the part the
// tip button and the status texts share.
type hoverTip struct {
	timer *time.Timer
	popup *widget.PopUp
}

// arm shows the tip that text gives, below or above o, after tipDelay.
func (h *hoverTip) arm(o fyne.CanvasObject, text func() string, above bool) {
	h.stopTimer()
	h.timer = time.AfterFunc(tipDelay, func() { fyne.Do(func() { h.show(o, text(), above) }) })
}

// disarm cancels a tip about to show and hides one showing.
func (h *hoverTip) disarm() {
	h.stopTimer()
	if h.popup != nil {
		h.popup.Hide()
		h.popup = nil
	}
}

func (h *hoverTip) stopTimer() {
	if h.timer != nil {
		h.timer.Stop()
		h.timer = nil
	}
}

// show puts text in a pop-up next to o, wrapped at 60% of the window's
// width and kept inside the window.
func (h *hoverTip) show(o fyne.CanvasObject, text string, above bool) {
	if text == "" || !o.Visible() {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil {
		return
	}
	h.disarm()
	tip := widget.NewLabel(text)
	tip.Wrapping = fyne.TextWrapWord
	// A wrapping label asks for almost no width: the tip takes the text's
	// own width, up to 60% of the window, and the height it wraps to there.
	width := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
	width = min(width, c.Size().Width*0.6)
	tip.Resize(fyne.NewSize(width, tip.MinSize().Height))
	size := fyne.NewSize(width, tip.MinSize().Height)
	h.popup = widget.NewPopUp(tip, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	if above {
		pos.Y -= size.Height + 4
	} else {
		pos.Y += o.Size().Height + 2
	}
	if max := c.Size().Width - size.Width - 8; pos.X > max {
		pos.X = max
	}
	h.popup.Resize(size)
	h.popup.ShowAtPosition(pos)
}

// tipButton is a button, usually icon-only, that names what it does in a
// tip when the pointer rests on it.
type tipButton struct {
	widget.Button
	tip string
	hoverTip
}

// newTipButton returns a button with an icon, an optional label and a tip.
func newTipButton(label string, icon fyne.Resource, tip string, tapped func()) *tipButton {
	b := &tipButton{tip: tip}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn implements desktop.Hoverable.
func (b *tipButton) MouseIn(ev *desktop.MouseEvent) {
	b.Button.MouseIn(ev)
	b.arm(b, func() string { return b.tip }, false)
}

// MouseMoved implements desktop.Hoverable.
func (b *tipButton) MouseMoved(ev *desktop.MouseEvent) { b.Button.MouseMoved(ev) }

// MouseOut implements desktop.Hoverable.
func (b *tipButton) MouseOut() {
	b.Button.MouseOut()
	b.disarm()
}

// showTip shows the button's tip now (what resting the pointer does).
func (b *tipButton) showTip() { b.show(b, b.tip, false) }

// Tapped implements fyne.Tappable: a click hides the tip.
func (b *tipButton) Tapped(ev *fyne.PointEvent) {
	b.disarm()
	b.Button.Tapped(ev)
}

// statusLabel is a status-bar text: one line, cut with an ellipsis when it
// does not fit, so it never widens the window, and shown whole in a tip
// when the pointer rests on it.
type statusLabel struct {
	widget.Label
	// tip, when set, is shown instead of the text (more than fits).
	tip string
	hoverTip
}

func newStatusLabel(align fyne.TextAlign) *statusLabel {
	l := &statusLabel{}
	l.Alignment = align
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// MouseIn implements desktop.Hoverable.
func (l *statusLabel) MouseIn(*desktop.MouseEvent) {
	l.arm(l, func() string {
		if l.tip != "" {
			return l.tip
		}
		return l.Text
	}, true)
}

// MouseMoved implements desktop.Hoverable.
func (l *statusLabel) MouseMoved(*desktop.MouseEvent) {}

// MouseOut implements desktop.Hoverable.
func (l *statusLabel) MouseOut() { l.disarm() }

// statusLayout lays the status bar's texts side by side in fixed shares
// of the width (counts, findings, save state), whatever their length.
type statusLayout struct{ shares []float32 }

// MinSize implements fyne.Layout: one line high, and narrow.
func (s statusLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(len(objects))*40, h)
}

// Layout implements fyne.Layout.
func (s statusLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objects {
		w := size.Width * s.shares[i]
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}
