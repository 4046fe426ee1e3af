package app

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// opening is what opening an article shows.
type opening struct {
	text   string
	base   int             // the revision text was started from
	latest editor.Revision // the article's latest revision
	edited bool            // text is a working copy with edits of its own
}

// saveState is the status line for an article just opened.
func (o opening) saveState() string {
	switch {
	case o.edited && o.base < o.latest.Number:
		return fmt.Sprintf("Unsaved edits since r%d (autosaved); r%d is newer", o.base, o.latest.Number)
	case o.edited:
		return fmt.Sprintf("Unsaved edits since r%d (autosaved)", o.base)
	}
	return fmt.Sprintf("r%d", o.latest.Number)
}

// openingVersion chooses what opening article id shows: its working copy
// when it holds edits, else its latest revision. A working copy with
// edits always wins over a newer revision, so nothing typed is replaced. A
// working copy started from an older revision with no edits of its own
// (its text is that revision's, or the latest's) is discarded: it holds
// nothing, and keeping it would hide the newer revision.
func (w *Workspace) openingVersion(ctx context.Context, id int64) (opening, error) {
	latest, err := w.store.LatestRevision(ctx, id)
	if err != nil {
		return opening{}, err
	}
	op := opening{text: latest.Text, base: latest.Number, latest: latest}
	wc, err := w.store.WorkingCopy(ctx, id)
	switch {
	case errors.Is(err, editor.ErrNotFound):
		return op, nil
	case err != nil:
		return opening{}, err
	case wc.Base == latest.Number:
		op.text, op.edited = wc.Text, wc.Text != latest.Text
		return op, nil
	}
	edited := wc.Text != latest.Text
	if edited {
		base, err := w.store.Revision(ctx, id, wc.Base)
		if err != nil {
			return opening{}, err
		}
		edited = wc.Text != base.Text
	}
	if edited {
		return opening{text: wc.Text, base: wc.Base, latest: latest, edited: true}, nil
	}
	if err := w.store.DiscardWorkingCopy(ctx, id); err != nil {
		return opening{}, err
	}
	return op, nil
}

// noticeOnOpen tells the editor, when an article opens with unsaved edits
// started from an older revision than its latest, that the newer one
// exists, and offers to compare; otherwise it takes down an earlier notice.
func (w *Workspace) noticeOnOpen(op opening) {
	w.arrival.told = op.latest.Number
	if !op.edited || op.base >= op.latest.Number {
		w.arrival.hide()
		return
	}
	w.arrival.show(fmt.Sprintf("%s is newer than r%d, which your unsaved edits started from. Nothing was replaced: the editor shows your working copy. Compare it with r%d to take in the new revision's changes.",
		arrivedName(op.latest), op.base, op.latest.Number), op.latest.Number)
}

// onCompareArrived shows the comparison of revision n, newer than the
// working copy's base, with the working copy: accepting a change keeps
// the editor's wording, rejecting it takes r<n>'s, and Apply stores the
// result as the next revision.
func (w *Workspace) onCompareArrived(n int) {
	if w.article.ID == 0 {
		return
	}
	revs, err := w.store.Revisions(context.Background(), w.article.ID)
	if err != nil {
		w.showError(err)
		return
	}
	w.compareVersions(revs, true, n, 0)
}

// sinceBase names the revision the unsaved edits started from, and the
// newer one the editor has been told of, if any, for the status line.
func (w *Workspace) sinceBase() string {
	if w.arrival.told > w.base {
		return fmt.Sprintf("since r%d; r%d is newer", w.base, w.arrival.told)
	}
	return fmt.Sprintf("since r%d", w.base)
}

// arrivedName names a revision with its author and label, as the notice
// reads it.
func arrivedName(r editor.Revision) string {
	s := fmt.Sprintf("r%d", r.Number)
	switch {
	case r.Author != "" && r.Label != "":
		s += fmt.Sprintf(" (%s, “%s”)", r.Author, r.Label)
	case r.Author != "":
		s += " (" + r.Author + ")"
	case r.Label != "":
		s += " (“" + r.Label + "”)"
	}
	return s
}

// arrivalNotice is the bar above the editor that says a newer revision
// exists than the one the unsaved edits started from, and offers to
// compare the two. It is not modal: the editor goes on working under it.
type arrivalNotice struct {
	message   *widget.Label
	compare   *widget.Button
	dismiss   *widget.Button
	revision  int // compared with the working copy by the Compare button
	onCompare func(revision int)
	// told is the open article's newest revision the editor has been
	// shown or told of, so each arrival is announced once.
	told    int
	content *fyne.Container
}

func newArrivalNotice(onCompare func(revision int)) *arrivalNotice {
	n := &arrivalNotice{onCompare: onCompare}
	n.message = widget.NewLabel("")
	n.message.Wrapping = fyne.TextWrapWord
	n.compare = widget.NewButtonWithIcon("Compare", theme.ViewRefreshIcon(), func() { n.onCompare(n.revision) })
	n.compare.Importance = widget.HighImportance
	n.dismiss = widget.NewButton("Dismiss", n.hide)
	n.content = container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), container.NewHBox(n.compare, n.dismiss), n.message),
		widget.NewSeparator(),
	)
	n.content.Hide()
	return n
}

// show puts message up, with a button that compares the working copy with
// revision.
func (n *arrivalNotice) show(message string, revision int) {
	n.revision = revision
	n.message.SetText(message)
	n.compare.SetText(fmt.Sprintf("Compare with r%d", revision))
	n.content.Show()
}

func (n *arrivalNotice) hide() { n.content.Hide() }

// shown reports whether the notice is up.
func (n *arrivalNotice) shown() bool { return n.content.Visible() }
