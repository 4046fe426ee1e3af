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
