package app

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/diff"
	"copydesk/editor/quote"
	"copydesk/editor/source"
)

// ShowCompare opens the comparison of the open article's two latest
// versions: the working copy against its base revision when there are
// unsaved edits, else the last two revisions.
func (w *Workspace) ShowCompare() {
	if w.article.ID == 0 {
		return
	}
	revs, err := w.store.Revisions(context.Background(), w.article.ID)
	if err != nil {
		w.showError(err)
		return
	}
	latest := revs[len(revs)-1]
	edited := w.edit.ed.Text() != latest.Text
	from, to := latest.Number, latest.Number
	switch {
	case edited:
		from, to = w.base, 0
	case len(revs) > 1:
		from = revs[len(revs)-2].Number
	}
	w.compareVersions(revs, edited, from, to)
}

// compareVersions shows the comparison of two versions of the open
// article, revision numbers or 0 for the working copy, in the Compare tab;
// revs are all its revisions, and edited offers the working copy.
func (w *Workspace) compareVersions(revs []editor.Revision, edited bool, from, to int) {
	w.compare.setChoices(revs, edited, from, to)
	w.mainTabs.SelectIndex(2)
	w.onCompare(from, to)
}

// versionText returns revision n of the open article, or the working
// copy in the editor for 0.
func (w *Workspace) versionText(n int) (string, error) {
	if n == 0 {
		return w.edit.ed.Text(), nil
	}
	r, err := w.store.Revision(context.Background(), w.article.ID, n)
	return r.Text, err
}

// onCompare shows the comparison of two versions.
func (w *Workspace) onCompare(from, to int) {
	old, err := w.versionText(from)
	if err != nil {
		w.showError(err)
		return
	}
	nw, err := w.versionText(to)
	if err != nil {
		w.showError(err)
		return
	}
	opts := w.compare.options()
	if w.compare.factsOnly.Checked {
		opts.Only = factSpans(old, nw)
	}
	w.compare.setDiff(diff.Words(old, nw, opts))
}

// factSpans are the words of the new version where a figure, name,
// negation or hedge changed since the old one (revision.fact-changed);
// never nil, so an empty list hides every change.
func factSpans(old, nw string) []editor.Span {
	spans := []editor.Span{}
	for _, f := range source.FactChanges(quote.Analyze(old), quote.Analyze(nw)) {
		spans = append(spans, f.Span)
	}
	return spans
}

// onApplyMerge stores the merged text as a new revision, after asking for
// a label, and opens it in the editor. Unsaved edits not part of the
// comparison would be replaced, so the editor is asked first.
func (w *Workspace) onApplyMerge(text, label string) {
	to, _ := w.compare.chosen(w.compare.to)
	from, _ := w.compare.chosen(w.compare.from)
	latest, err := w.store.LatestRevision(context.Background(), w.article.ID)
	if err != nil {
		w.showError(err)
		return
	}
	unsaved := w.edit.ed.Text() != latest.Text && to != 0 && from != 0
	entry := newDialogEntry()
	entry.SetText(label)
	items := []*widget.FormItem{widget.NewFormItem("Label", entry)}
	if unsaved {
		warn := widget.NewLabel(fmt.Sprintf("The editor has unsaved edits since r%d; the merged revision replaces them.", w.base))
		warn.Wrapping = fyne.TextWrapWord
		items = append(items, widget.NewFormItem("", warn))
	}
	w.showForm("Apply as New Revision", "Apply", items, entry, func() {
		if err := w.ApplyMerge(text, entry.Text); err != nil {
			w.showError(err)
		}
	}, entry)
}

// ApplyMerge stores text as the next revision with label and opens it.
func (w *Workspace) ApplyMerge(text, label string) error {
	if w.article.ID == 0 {
		return errors.New("no article is open")
	}
	w.autosave.Stop()
	ctx := context.Background()
	rev, err := w.store.AddRevision(ctx, w.article.ID, text, label, w.opts.Author)
	if err != nil {
		return err
	}
	if err := w.store.DiscardWorkingCopy(ctx, w.article.ID); err != nil {
		return err
	}
	id := w.article.ID
	w.article = editor.Article{} // reopen from the store
	w.openArticle(id)
	w.edit.setSaveState(fmt.Sprintf("Saved as r%d (%s)", rev.Number, label))
	w.library.reload()
	w.mainTabs.SelectIndex(0)
	return nil
}
