// Command idlebaseline opens a window holding one focused single-line
// stock Entry: the floor of Fyne's idle cost (its caret blinks), against
// which scripts/perf-window.sh measures Copydesk's editor.
package main

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := fyneapp.NewWithID("io.copydesk.idlebaseline")
	w := a.NewWindow("Idle baseline")
	e := widget.NewEntry()
	e.SetText("one line")
	w.SetContent(e)
	w.Resize(fyne.NewSize(1200, 800))
	w.Canvas().Focus(e)
	w.ShowAndRun()
}
