package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// editPane is the editing pane: the article editor, with a status line
// for counts, the note under the caret and save state.
type editPane struct {
	ed        *articleEditor
	find      *findBar
	counts    *statusLabel
	saveState *statusLabel
	findings  *statusLabel
	caretNote *widget.Label
	onChanged func(text string)
	// measure caps the text column at a readable line length, centred.
	measure *measureLayout
	column  *fyne.Container
	content fyne.CanvasObject
	// banner says the desk is read-only; locked keeps the editor so on
	// every load (see lockReadOnly).
	banner *widget.Label
	locked bool
}

func newEditPane(onChanged func(text string)) *editPane {
	p := &editPane{onChanged: onChanged}
	p.ed = newArticleEditor()
	p.ed.readOnly = true // until an article is loaded
	p.ed.onChanged = p.onEditorChanged
	p.ed.onCaret = p.onCaretMoved
	p.counts = newStatusLabel(fyne.TextAlignLeading)
	p.saveState = newStatusLabel(fyne.TextAlignTrailing)
	p.findings = newStatusLabel(fyne.TextAlignCenter)
	p.caretNote = widget.NewLabel("")
	p.caretNote.Truncation = fyne.TextTruncateEllipsis
	p.caretNote.Hide()
	// Fixed shares of the width: a long message is cut, never widens the
	// window.
	status := container.New(statusLayout{shares: []float32{0.2, 0.5, 0.3}}, p.counts, p.findings, p.saveState)
	p.find = newFindBar(p.ed)
	p.measure = &measureLayout{}
	p.column = container.New(p.measure, p.ed)
	p.banner = widget.NewLabel("")
	p.banner.Hide()
	p.content = container.NewBorder(container.NewVBox(p.banner, p.find.content), container.NewVBox(p.caretNote, status), nil, nil, p.column)
	return p
}

// load shows text without treating it as an edit.
func (p *editPane) load(text string) {
	p.find.content.Hide()
	p.ed.readOnly = p.locked
	p.ed.SetText(text)
	p.updateCounts()
	p.onCaretMoved(0)
}

func (p *editPane) onEditorChanged(text string) {
	p.updateCounts()
	p.onChanged(text)
}

// updateCounts shows the editor's word and character counts.
func (p *editPane) updateCounts() {
	words, chars := p.ed.Counts()
	p.counts.tip = fmt.Sprintf("%d words · %d characters", words, chars)
	p.counts.SetText(plural(words, "word", "words"))
}

// onCaretMoved shows the finding under the caret, if any.
func (p *editPane) onCaretMoved(off int) {
	h, ok := p.ed.HighlightAt(off)
	if !ok {
		if p.caretNote.Visible() {
			p.caretNote.Hide()
		}
		return
	}
	p.caretNote.SetText("▸ " + h.Message)
	p.caretNote.Show()
}

func (p *editPane) setSaveState(s string) { p.saveState.SetText(s) }

// setFindingCount shows how many findings the last review made that are
// not kept as notes, and how many notes are open: each counted as what it
// is.
func (p *editPane) setFindingCount(fs []editor.Finding, openNotes int) {
	var warn, info int
	for _, f := range fs {
		if f.Severity >= editor.Warning {
			warn++
		} else {
			info++
		}
	}
	// Findings not yet kept as notes: warnings and information apart.
	p.findings.SetText(fmt.Sprintf("%s · %d info · %s", plural(warn, "warning", "warnings"), info,
		plural(openNotes, "open note", "open notes")))
	p.findings.tip = fmt.Sprintf("%s and %s the checks raised that are not kept as notes; %s",
		plural(warn, "warning", "warnings"), plural(info, "info finding", "info findings"), plural(openNotes, "open note", "open notes"))
}

// setReadableMeasure turns the readable line length on or off.
func (p *editPane) setReadableMeasure(on bool) {
	p.measure.on = on
	p.column.Refresh()
}

// readableChars is the longest line the readable measure allows, in
// characters of the body font, as writing apps set their text column.
const readableChars = 85

// measureLayout lays its one object out at most readableChars wide,
// centred, when on; at the full width otherwise.
type measureLayout struct{ on bool }

// MinSize implements fyne.Layout.
func (m *measureLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return objects[0].MinSize()
}

// Layout implements fyne.Layout.
func (m *measureLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := size.Width
	if m.on {
		w = min(w, m.width())
	}
	objects[0].Move(fyne.NewPos((size.Width-w)/2, 0))
	objects[0].Resize(fyne.NewSize(w, size.Height))
}

// width is the measure in pixels: readableChars of an average mix of
// letters in the body font, and the paragraph insets.
func (m *measureLayout) width() float32 {
	sample := "the quick brown fox jumps over a lazy dog "
	per := fyne.MeasureText(sample, theme.TextSize(), fyne.TextStyle{}).Width / float32(len(sample))
	return per*readableChars + 2*paragraphInset + theme.ScrollBarSize()
}
