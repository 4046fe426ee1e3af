package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// deskGone handles a save refused because the desk's file was deleted,
// moved or replaced while open: it says nothing was saved, keeps the text
// in the editor, and (once) offers to save the whole desk, with the
// unsaved text, to a new file. It reports whether err was that.
func (w *Workspace) deskGone(err error) bool {
	if !errors.Is(err, editor.ErrDeskGone) {
		return false
	}
	w.edit.setSaveState("Not saved: the desk file is gone; your text is still here")
	if w.goneAsked {
		return true
	}
	w.goneAsked = true
	p := newPathField(w, filepath.Join(w.lastFolder(), "copydesk-rescued.db"), true)
	msg := widget.NewLabel(fmt.Sprintf("%v.\nNothing more can be saved to it. Your text is still in this window: save the whole desk, with your unsaved edits, to a new file, and open that file to go on.", err))
	msg.Wrapping = fyne.TextWrapWord
	d := w.showForm("Desk File Gone", "Save Desk Here", []*widget.FormItem{
		widget.NewFormItem("", msg),
		widget.NewFormItem("Save to", p.content()),
	}, p.entry, func() { w.saveDeskTo(p.path()) }, p.entry)
	d.Resize(fyne.NewSize(620, 300))
	return true
}

// saveDeskTo writes the desk and the editor's text to a new file.
func (w *Workspace) saveDeskTo(path string) {
	var working []editor.WorkingCopy
	if w.article.ID != 0 {
		working = append(working, editor.WorkingCopy{ArticleID: w.article.ID, Base: w.base, Text: w.edit.ed.Text()})
	}
	if err := w.store.SaveCopy(context.Background(), path, working...); err != nil {
		w.goneAsked = false // let the editor try another place
		w.showError(err)
		return
	}
	w.rememberFolder(path)
	w.edit.setSaveState(fmt.Sprintf("Desk and edits saved to %s: open it there (copydesk --db %q)", path, path))
	w.showInformation("Desk Saved", fmt.Sprintf("The desk and your unsaved edits are in %s.\nOpen it to go on: copydesk --db %q", path, path))
}
