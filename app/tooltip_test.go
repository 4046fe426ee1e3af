package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

// TestStatusTipIsReadable shows a status text's tip and checks that it is
// as wide as its text allows, not wrapped to a letter a line (a wrapping
// label asks for almost no width).
func TestStatusTipIsReadable(t *testing.T) {
	test.NewTempApp(t)
	l := newStatusLabel(fyne.TextAlignLeading)
	l.SetText("Exported /home/desk/Documents/harbor-chief-says.docx")
	w := test.NewWindow(container.NewVBox(l))
	defer w.Close()
	w.Resize(fyne.NewSize(900, 400))
	l.show(l, l.Text, true)
	if l.popup == nil {
		t.Fatal("no tip shown")
	}
	text := fyne.MeasureText(l.Text, theme.TextSize(), fyne.TextStyle{}).Width
	if got := l.popup.Content.Size().Width; got < text {
		t.Errorf("the tip is %.0f px wide for a %.0f px text", got, text)
	}
}
