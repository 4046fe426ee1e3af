package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// editPane is the editing pane: the article editor, with a status line
// for counts, the note under the caret and save state.
type editPane struct {
	ed        *articleEditor
	find      *findBar
	counts    *widget.Label
	saveState *widget.Label
	findings  *widget.Label
	caretNote *widget.Label
	onChanged func(text string)
	content   fyne.CanvasObject
}

func newEditPane(onChanged func(text string)) *editPane {
	p := &editPane{onChanged: onChanged}
	p.ed = newArticleEditor()
	p.ed.readOnly = true // until an article is loaded
	p.ed.onChanged = p.onEditorChanged
	p.ed.onCaret = p.onCaretMoved
	p.counts = widget.NewLabel("")
	p.saveState = widget.NewLabel("")
	p.saveState.Alignment = fyne.TextAlignTrailing
	p.findings = widget.NewLabel("")
	p.caretNote = widget.NewLabel("")
	p.caretNote.Truncation = fyne.TextTruncateEllipsis
	p.caretNote.Hide()
	status := container.NewBorder(nil, nil, p.counts, p.saveState, container.NewCenter(p.findings))
	p.find = newFindBar(p.ed)
	p.content = container.NewBorder(p.find.content, container.NewVBox(p.caretNote, status), nil, nil, p.ed)
	return p
}

// load shows text without treating it as an edit.
func (p *editPane) load(text string) {
	p.find.content.Hide()
	p.ed.readOnly = false
	p.ed.SetText(text)
	p.updateCounts(text)
	p.onCaretMoved(0)
}

func (p *editPane) onEditorChanged(text string) {
	p.updateCounts(text)
	p.onChanged(text)
}

func (p *editPane) updateCounts(text string) {
	p.counts.SetText(fmt.Sprintf("%d words · %d characters", editor.CountWords(text), len([]rune(text))))
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
