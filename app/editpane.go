package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// editPane is the editing pane: the article text, editable, with a status
// line for counts and save state.
type editPane struct {
	entry     *widget.Entry
	counts    *widget.Label
	saveState *widget.Label
	onChanged func(text string)
	loading   bool
	content   fyne.CanvasObject
}

func newEditPane(onChanged func(text string)) *editPane {
	p := &editPane{onChanged: onChanged}
	p.entry = widget.NewMultiLineEntry()
	p.entry.Wrapping = fyne.TextWrapWord
	p.entry.SetPlaceHolder("Open an article from the library, or import one (File ▸ Import…)")
	p.entry.OnChanged = p.onEntryChanged
	p.entry.Disable()
	p.counts = widget.NewLabel("")
	p.saveState = widget.NewLabel("")
	p.saveState.Alignment = fyne.TextAlignTrailing
	status := container.NewBorder(nil, nil, p.counts, p.saveState)
	p.content = container.NewBorder(nil, status, nil, nil, p.entry)
	return p
}

// load shows text without treating it as an edit.
func (p *editPane) load(text string) {
	p.loading = true
	p.entry.SetText(text)
	p.loading = false
	p.entry.Enable()
	p.entry.CursorRow, p.entry.CursorColumn = 0, 0
	p.entry.Refresh()
	p.updateCounts(text)
}

func (p *editPane) onEntryChanged(text string) {
	p.updateCounts(text)
	if p.loading {
		return
	}
	p.onChanged(text)
}

func (p *editPane) updateCounts(text string) {
	p.counts.SetText(fmt.Sprintf("%d words · %d characters", editor.CountWords(text), len([]rune(text))))
}

// moveTo puts the cursor at byte offset off of the text.
func (p *editPane) moveTo(off int) {
	row, col := rowColumn(p.entry.Text, off)
	p.entry.CursorRow, p.entry.CursorColumn = row, col
	p.entry.Refresh()
}

func (p *editPane) setSaveState(s string) { p.saveState.SetText(s) }
