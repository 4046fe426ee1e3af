package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// editPane is the editing pane: the article text, editable, with a status
// line for counts and save state.
type editPane struct {
	entry     *articleEntry
	counts    *widget.Label
	saveState *widget.Label
	findings  *widget.Label
	onChanged func(text string)
	loading   bool
	content   fyne.CanvasObject
}

func newEditPane(onChanged func(text string)) *editPane {
	p := &editPane{onChanged: onChanged}
	p.entry = newArticleEntry()
	p.entry.SetPlaceHolder("Open an article from the library, or import one (File ▸ Import…)")
	p.entry.OnChanged = p.onEntryChanged
	p.entry.Disable()
	p.counts = widget.NewLabel("")
	p.saveState = widget.NewLabel("")
	p.saveState.Alignment = fyne.TextAlignTrailing
	p.findings = widget.NewLabel("")
	status := container.NewBorder(nil, nil, p.counts, p.saveState, container.NewCenter(p.findings))
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

// setCursor puts the cursor before rune number off of the text. The
// Entry's rows are its wrapped display rows, so the row is found by binary
// search over the offsets the Entry reports for row starts.
func (p *editPane) setCursor(off int) {
	e := p.entry
	rowStart := func(row int) int {
		e.CursorRow, e.CursorColumn = row, 0
		start := e.CursorTextOffset()
		if row > 0 && start == 0 {
			return int(^uint(0) >> 1) // past the last row
		}
		return start
	}
	lo, hi := 0, off // the row holding off is at most off
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if rowStart(mid) <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	col := off - rowStart(lo)
	e.CursorRow, e.CursorColumn = lo, col
}

func (p *editPane) setSaveState(s string) { p.saveState.SetText(s) }

// selectSpan selects the text of span (byte offsets) in the entry, leaving
// the cursor at its end. The stock Entry has no selection API, so this
// drives it as a keyboard would: cursor to the start, Shift held, one step
// right, cursor to one before the end, one more step right.
func (p *editPane) selectSpan(span editor.Span) {
	text := p.entry.Text
	if span.Check(text) != nil || span.Empty() {
		return
	}
	start, end := runeOffset(text, span.Start), runeOffset(text, span.End)
	shift := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
	right := &fyne.KeyEvent{Name: fyne.KeyRight}
	p.entry.KeyUp(shift)
	if p.entry.SelectedText() != "" {
		p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) // collapses the old selection
	}
	p.setCursor(start)
	p.entry.KeyDown(shift)
	p.entry.TypedKey(right)
	if end-start > 1 {
		p.setCursor(end - 1)
		p.entry.TypedKey(right)
	}
	p.entry.KeyUp(shift)
	p.entry.Refresh()
}

// setFindingCount shows how many findings the last review made.
func (p *editPane) setFindingCount(fs []editor.Finding) {
	var warn, info int
	for _, f := range fs {
		if f.Severity >= editor.Warning {
			warn++
		} else {
			info++
		}
	}
	p.findings.SetText(fmt.Sprintf("%d warnings · %d notes", warn, info))
}
