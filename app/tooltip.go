package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// tipDelay is how long the pointer rests on a button before its tip shows.
const tipDelay = 600 * time.Millisecond

// tipButton is a button, usually icon-only, that names what it does in a
// tip when the pointer rests on it.
type tipButton struct {
	widget.Button
	tip   string
	timer *time.Timer
	popup *widget.PopUp
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
	b.stopTimer()
	b.timer = time.AfterFunc(tipDelay, func() { fyne.Do(b.showTip) })
}

// MouseMoved implements desktop.Hoverable.
func (b *tipButton) MouseMoved(ev *desktop.MouseEvent) { b.Button.MouseMoved(ev) }

// MouseOut implements desktop.Hoverable.
func (b *tipButton) MouseOut() {
	b.Button.MouseOut()
	b.stopTimer()
	b.hideTip()
}

// Tapped implements fyne.Tappable: a click hides the tip.
func (b *tipButton) Tapped(ev *fyne.PointEvent) {
	b.stopTimer()
	b.hideTip()
	b.Button.Tapped(ev)
}

func (b *tipButton) stopTimer() {
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
}

func (b *tipButton) showTip() {
	if b.tip == "" || !b.Visible() {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil {
		return
	}
	label := widget.NewLabel(b.tip)
	b.hideTip()
	b.popup = widget.NewPopUp(label, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(0, b.Size().Height+2))
	if max := c.Size().Width - label.MinSize().Width - 8; pos.X > max {
		pos.X = max
	}
	b.popup.ShowAtPosition(pos)
}

func (b *tipButton) hideTip() {
	if b.popup != nil {
		b.popup.Hide()
		b.popup = nil
	}
}

// statusLabel is a status-bar text: one line, cut with an ellipsis when it
// does not fit, so it never widens the window, and shown whole in a tip
// when the pointer rests on it.
type statusLabel struct {
	widget.Label
	// tip, when set, is shown instead of the text (more than fits).
	tip   string
	timer *time.Timer
	popup *widget.PopUp
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
	l.stopTimer()
	l.timer = time.AfterFunc(tipDelay, func() { fyne.Do(l.showTip) })
}

// MouseMoved implements desktop.Hoverable.
func (l *statusLabel) MouseMoved(*desktop.MouseEvent) {}

// MouseOut implements desktop.Hoverable.
func (l *statusLabel) MouseOut() {
	l.stopTimer()
	if l.popup != nil {
		l.popup.Hide()
		l.popup = nil
	}
}

func (l *statusLabel) stopTimer() {
	if l.timer != nil {
		l.timer.Stop()
		l.timer = nil
	}
}

func (l *statusLabel) showTip() {
	text := l.Text
	if l.tip != "" {
		text = l.tip
	}
	if text == "" || !l.Visible() {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(l)
	if c == nil {
		return
	}
	tip := widget.NewLabel(text)
	tip.Wrapping = fyne.TextWrapWord
	size := tip.MinSize()
	if w := c.Size().Width * 0.6; size.Width > w {
		size.Width = w
	}
	l.popup = widget.NewPopUp(tip, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(l)
	pos.Y -= tip.MinSize().Height + 4
	if max := c.Size().Width - size.Width - 8; pos.X > max {
		pos.X = max
	}
	l.popup.Resize(fyne.NewSize(size.Width, tip.MinSize().Height))
	l.popup.ShowAtPosition(pos)
}

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
