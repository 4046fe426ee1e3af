package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestTipButtonShowsItsTip(t *testing.T) {
	tapped := 0
	b := newTipButton("", theme.DeleteIcon(), "Move to the trash", func() { tapped++ })
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(200, 100))
	b.MouseIn(&desktop.MouseEvent{})
	b.showTip() // what the timer does after the pointer rests
	if b.popup == nil || !b.popup.Visible() {
		t.Fatal("no tip shown")
	}
	b.Tapped(&fyne.PointEvent{})
	if tapped != 1 || b.popup != nil {
		t.Errorf("tap: %d calls, tip still shown: %v", tapped, b.popup != nil)
	}
	b.MouseIn(&desktop.MouseEvent{})
	b.MouseOut()
	if b.timer != nil {
		t.Error("leaving the button kept the tip timer")
	}
}
