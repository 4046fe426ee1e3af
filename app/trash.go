package app

import (
	"context"
	"fmt"

	"copydesk/editor"
)

// TrashArticle moves an article to the trash after asking; the library
// offers Undo, and the trash view restores it later.
func (w *Workspace) onTrashArticle(id int64) {
	a, err := w.store.Article(context.Background(), id)
	if err != nil {
		w.showError(err)
		return
	}
	w.showConfirm("Move to Trash", fmt.Sprintf("Move “%s” to the trash? You can restore it from the trash.", a.Title), func() {
		if err := w.TrashArticle(id); err != nil {
			w.showError(err)
		}
	})
}

// TrashArticle moves an article to the trash at once (the confirmation is
// the caller's) and opens another if it was open.
func (w *Workspace) TrashArticle(id int64) error {
	if id == w.article.ID {
		if err := w.autosave.Flush(); err != nil {
			return err
		}
	}
	if err := w.store.TrashArticle(context.Background(), id); err != nil {
		return err
	}
	w.library.lastTrashed = id
	w.library.undo.Show()
	w.library.reload()
	if id == w.article.ID {
		w.closeArticle()
		if len(w.library.items) > 0 {
			w.openArticle(w.library.items[0].ID)
		}
	}
	return nil
}

// RestoreArticle takes an article out of the trash and opens it.
func (w *Workspace) RestoreArticle(id int64) error {
	if err := w.store.RestoreArticle(context.Background(), id); err != nil {
		return err
	}
	if w.library.lastTrashed == id {
		w.library.lastTrashed = 0
		w.library.undo.Hide()
	}
	w.library.show.SetSelected(showArticles)
	w.library.reload()
	w.openArticle(id)
	return nil
}

// closeArticle empties the editing pane and panels.
func (w *Workspace) closeArticle() {
	w.autosave.Stop()
	w.review.reset()
	w.article, w.base = editor.Article{}, 0
	w.lastReview = reviewResult{}
	w.edit.load("")
	w.edit.ed.readOnly = true
	w.storedNotes, w.sourceList = nil, nil
	w.notes.setContent("", nil, nil)
	w.sources.setSources(nil)
	w.revisions.setRevisions(nil)
	w.arrival.hide()
	w.win.SetTitle("Copydesk")
	w.presenceOpened()
}
