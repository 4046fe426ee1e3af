package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/anchor"
)

// noteSpan returns where note n's words are in text now, and whether
// they were found.
func noteSpan(text string, n editor.Note) (editor.Span, bool) {
	if n.Orphaned {
		return editor.Span{}, false
	}
	return locate(text, n.Anchor.Exact, n.Anchor.Span)
}

// openFindings are the findings of a review the editor has not yet kept
// as notes or dismissed: those no note of the same check was made about,
// its words re-anchored onto the reviewed text.
func openFindings(text string, fs []editor.Finding, notes []editor.Note) []editor.Finding {
	return anchor.WithoutNoted(notes, fs, text)
}

// noteFromFinding makes the note that keeps (or dismisses) finding f on
// the current text.
func (w *Workspace) noteFromFinding(f editor.Finding, status editor.NoteStatus) (editor.Note, error) {
	text := w.edit.ed.Text()
	span, ok := locate(text, w.lastReview.text[f.Span.Start:f.Span.End], f.Span)
	if !ok {
		return editor.Note{}, errors.New("the words of this finding are no longer in the text; check again (F7)")
	}
	return editor.Note{
		ArticleID: w.article.ID, Revision: w.base, Check: f.Check, Severity: f.Severity,
		Status: status, Message: f.Message, Author: w.opts.Author, Anchor: editor.NewAnchor(text, span),
	}, nil
}

// KeepFinding stores finding f as an open note, so it stays with the
// article and follows its words.
func (w *Workspace) KeepFinding(f editor.Finding) error { return w.storeFinding(f, editor.NoteOpen) }

// DismissFinding records that the editor dismissed finding f; it is not
// shown again for the same words, after edits and re-checks too.
func (w *Workspace) DismissFinding(f editor.Finding) error {
	return w.storeFinding(f, editor.NoteDismissed)
}

func (w *Workspace) storeFinding(f editor.Finding, status editor.NoteStatus) error {
	n, err := w.noteFromFinding(f, status)
	if err != nil {
		return err
	}
	if _, err := w.store.AddNote(context.Background(), n); err != nil {
		return err
	}
	w.reloadNotes()
	return nil
}

// AddComment stores the editor's own note on the selected words.
func (w *Workspace) AddComment(message string) error {
	sel := w.edit.ed.Selection()
	if sel.Empty() {
		return errors.New("select the words the note is about first")
	}
	message = strings.TrimSpace(message)
	if message == "" {
		return errors.New("the note is empty")
	}
	text := w.edit.ed.Text()
	n := editor.Note{ArticleID: w.article.ID, Revision: w.base, Severity: editor.Info, Status: editor.NoteOpen,
		Message: message, Author: w.opts.Author, Anchor: editor.NewAnchor(text, sel)}
	if _, err := w.store.AddNote(context.Background(), n); err != nil {
		return err
	}
	w.reloadNotes()
	return nil
}

// SetNoteStatus resolves, reopens or dismisses note n, as the editor last
// saw it. If someone else changed the note since, nothing is stored: the
// note is shown as it now is and the error (a *noteConflict) says what
// changed.
func (w *Workspace) SetNoteStatus(n editor.Note, status editor.NoteStatus) error {
	n.Status = status
	if _, err := w.updateNote(n); err != nil {
		return err
	}
	w.reloadNotes()
	return nil
}

// updateNote stores a change to note n, made to the version of it the
// workspace last read (n.Updated says which), and keeps the note as
// stored, so the next change starts from it. When the note changed on
// the desk since, nothing is stored: the workspace keeps and shows the
// note as it now is, and returns a *noteConflict.
func (w *Workspace) updateNote(n editor.Note) (editor.Note, error) {
	ctx := context.Background()
	got, err := w.store.UpdateNote(ctx, n)
	switch {
	case err == nil:
		w.keepNote(got)
		return got, nil
	case errors.Is(err, editor.ErrConflict) && got.ID == n.ID:
		w.keepNote(got)
		w.showFindingsAndNotes()
		c := &noteConflict{err: err, now: got}
		if replies, rerr := w.store.Replies(ctx, got.ID); rerr == nil && len(replies) > 0 {
			c.lastReply = &replies[len(replies)-1]
		}
		return got, c
	}
	return editor.Note{}, err
}

// keepNote replaces the workspace's copy of note n with n.
func (w *Workspace) keepNote(n editor.Note) {
	for i := range w.storedNotes {
		if w.storedNotes[i].ID == n.ID {
			w.storedNotes[i] = n
			return
		}
	}
}

// noteConflict is the error of a change to a note that someone else
// changed after the editor read it: the change was not made, and now is
// the note as it is.
type noteConflict struct {
	err       error // from the store; Is editor.ErrConflict
	now       editor.Note
	lastReply *editor.Reply // the latest reply under it, if any
}

func (c *noteConflict) Error() string { return c.err.Error() }
func (c *noteConflict) Unwrap() error { return c.err }

// message tells the editor what happened and what the note is now.
func (c *noteConflict) message() string {
	// The store's reason, without the words that say where it came from.
	reason := c.err.Error()
	if i := strings.LastIndex(reason, editor.ErrConflict.Error()+": "); i >= 0 {
		reason = reason[i+len(editor.ErrConflict.Error())+2:]
	}
	if reason != "" {
		reason = strings.ToUpper(reason[:1]) + reason[1:]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s.\n\nThe note now: “%s”, %s", reason, oneLine(c.now.Message), c.now.Status)
	if c.now.Orphaned {
		b.WriteString(", its words gone from the text")
	}
	fmt.Fprintf(&b, " (last changed %s).", c.now.Updated.Local().Format("Jan 2 15:04"))
	if r := c.lastReply; r != nil {
		fmt.Fprintf(&b, "\nLatest reply, from %s: “%s”", orDash(r.Author), oneLine(r.Text))
	}
	b.WriteString("\n\nThe notes panel shows it as it is now. If your change still applies, make it again.")
	return b.String()
}

// noteConflicts returns the note conflicts err holds (one, or several
// joined).
func noteConflicts(err error) []*noteConflict {
	var c *noteConflict
	if errors.As(err, &c) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			var all []*noteConflict
			for _, e := range j.Unwrap() {
				all = append(all, noteConflicts(e)...)
			}
			return all
		}
		return []*noteConflict{c}
	}
	return nil
}

// showNoteConflicts tells the editor that changes to notes were not made
// because someone else changed the notes first, and what they are now.
func (w *Workspace) showNoteConflicts(cs []*noteConflict) {
	msgs := make([]string, len(cs))
	for i, c := range cs {
		msgs[i] = c.message()
	}
	title := "Note Changed by Someone Else"
	if len(cs) > 1 {
		title = "Notes Changed by Someone Else"
	}
	w.showInformation(title, strings.Join(msgs, "\n\n"))
}

// reloadNotes reads the notes and shows them with the open findings.
func (w *Workspace) reloadNotes() {
	notes, err := w.store.Notes(context.Background(), w.article.ID, editor.NoteFilter{})
	if err != nil {
		w.showError(err)
		return
	}
	w.storedNotes = notes
	w.showFindingsAndNotes()
	w.library.reload()
}

// refreshNotes reads the notes after an outside change and shows them if
// any was added, changed (status, text, place) or replied to, or went; an
// open thread shows its new replies. Unchanged notes are left as shown,
// so the editor's place in the panel stays while others work elsewhere.
func (w *Workspace) refreshNotes() {
	notes, err := w.store.Notes(context.Background(), w.article.ID, editor.NoteFilter{})
	if err != nil {
		if !errors.Is(err, editor.ErrNotFound) { // purged meanwhile
			w.showError(err)
		}
		return
	}
	if sameNotes(notes, w.storedNotes) {
		return
	}
	w.storedNotes = notes
	w.showFindingsAndNotes()
	w.refreshThread()
}

// sameNotes reports whether two reads of an article's notes hold the same
// notes in the same state. Every change to a note, a reply included, moves
// its Updated time.
func sameNotes(a, b []editor.Note) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || !a[i].Updated.Equal(b[i].Updated) {
			return false
		}
	}
	return true
}

// showFindingsAndNotes fills the notes panel and the highlights from the
// last review and the stored notes.
func (w *Workspace) showFindingsAndNotes() {
	res := w.lastReview
	open := openFindings(res.text, res.findings, w.storedNotes)
	w.notes.fixed = w.fixedNotes(res)
	w.notes.setContent(res.text, open, w.storedNotes)
	notes := 0
	for _, n := range w.storedNotes {
		if n.Status == editor.NoteOpen {
			notes++
		}
	}
	w.edit.setFindingCount(open, notes)
	var hs []highlight
	for _, f := range open {
		if span, ok := w.edit.ed.MapSpan(res.version, f.Span); ok && !span.Empty() {
			hs = append(hs, highlight{Span: span, Severity: f.Severity, Message: f.Message})
		}
	}
	text := w.edit.ed.Text()
	for _, n := range w.storedNotes {
		if n.Status != editor.NoteOpen {
			continue
		}
		if span, ok := noteSpan(text, n); ok && !span.Empty() {
			say := "Note: "
			if rev, fixed := w.notes.fixed[n.ID]; fixed {
				say = "Note (" + fixedLabel(rev) + "): "
			}
			hs = append(hs, highlight{Span: span, Severity: n.Severity, Message: say + n.Message})
		}
	}
	w.edit.ed.SetHighlights(hs)
	w.edit.onCaretMoved(w.edit.ed.CaretOffset())
}

// fixedNotes finds the open notes kept from a finding that review res no
// longer raised, and the revision each was fixed in: the text reviewed,
// when it is the latest revision, saved after the note was made; else 0.
func (w *Workspace) fixedNotes(res reviewResult) map[int64]int {
	if res.ran == nil {
		return nil // no review yet
	}
	saved := 0
	if revs := w.revisions.revisions; len(revs) > 0 && revs[0].Text == res.text {
		saved = revs[0].Number
	}
	fixed := make(map[int64]int)
	for i, unraised := range anchor.Unraised(w.storedNotes, res.findings, res.text, res.ran) {
		if !unraised {
			continue
		}
		n := w.storedNotes[i]
		fixed[n.ID] = 0
		if n.Revision < saved {
			fixed[n.ID] = saved
		}
	}
	return fixed
}

// fixedLabel says that a note's finding is gone: in which revision, when
// known (rev > 0).
func fixedLabel(rev int) string {
	if rev > 0 {
		return fmt.Sprintf("fixed in r%d", rev)
	}
	return "no longer raised by the checks"
}

// ResolveFixedNotes resolves every open note whose finding the last review
// no longer raised, each with a reply saying why, so the thread and the
// review record show it.
//
// A note someone else changed meanwhile is left as they made it; the
// others are resolved all the same, and the error names those left.
func (w *Workspace) ResolveFixedNotes() error {
	ctx := context.Background()
	defer w.reloadNotes()
	var conflicts []error
	for _, n := range slices.Clone(w.storedNotes) {
		rev, fixed := w.notes.fixed[n.ID]
		if !fixed || n.Status != editor.NoteOpen {
			continue
		}
		n.Status = editor.NoteResolved
		if _, err := w.updateNote(n); errors.Is(err, editor.ErrConflict) {
			conflicts = append(conflicts, err)
			continue
		} else if err != nil {
			return err
		}
		why := "Resolved: the checks no longer raise this."
		if rev > 0 {
			why = fmt.Sprintf("Resolved: fixed in r%d, where the checks no longer raise this.", rev)
		}
		if _, err := w.store.AddReply(ctx, n.ID, w.opts.Author, why); err != nil {
			return err
		}
	}
	return errors.Join(conflicts...)
}

// onResolveFixed is the notes panel's Resolve Fixed Notes button.
func (w *Workspace) onResolveFixed() {
	if err := w.ResolveFixedNotes(); err != nil {
		w.showError(err)
	}
}

// noteActions are the buttons for the selected row of the notes panel.
func (w *Workspace) noteActions(row noteRow) []fyne.CanvasObject {
	try := func(err error) {
		if err != nil {
			w.showError(err)
		}
	}
	switch {
	case row.finding != nil:
		f := *row.finding
		keep := widget.NewButtonWithIcon("Keep as Note", theme.ContentAddIcon(), func() { try(w.KeepFinding(f)) })
		dismiss := widget.NewButtonWithIcon("Dismiss", theme.CancelIcon(), func() { try(w.DismissFinding(f)) })
		out := []fyne.CanvasObject{keep, dismiss}
		if f.Fix != nil && !w.readOnlyDesk() {
			out = append([]fyne.CanvasObject{widget.NewButtonWithIcon("Fix (F6)", theme.DocumentCreateIcon(), func() { try(w.ApplyFix(f)) })}, out...)
		}
		return out
	case row.note != nil:
		n := *row.note
		var out []fyne.CanvasObject
		if n.Status == editor.NoteOpen {
			out = append(out,
				widget.NewButtonWithIcon("Resolve", theme.ConfirmIcon(), func() { try(w.SetNoteStatus(n, editor.NoteResolved)) }),
				widget.NewButtonWithIcon("Dismiss", theme.CancelIcon(), func() { try(w.SetNoteStatus(n, editor.NoteDismissed)) }))
		} else {
			out = append(out, widget.NewButtonWithIcon("Reopen", theme.ViewRefreshIcon(), func() { try(w.SetNoteStatus(n, editor.NoteOpen)) }))
		}
		out = append(out, widget.NewButtonWithIcon("Replies…", theme.MailReplyIcon(), func() { w.showReplies(n) }))
		return out
	}
	return nil
}

// onNewNote asks for the text of a note on the selected words (Ctrl+Alt+M).
func (w *Workspace) onNewNote() {
	if w.article.ID == 0 {
		return
	}
	sel := w.edit.ed.Selection()
	if sel.Empty() {
		w.showInformation("New Note", "Select the words the note is about, then add the note (Ctrl+Alt+M).")
		return
	}
	msg := newDialogMultiLineEntry()
	msg.SetPlaceHolder("What should the writer or the desk know?")
	msg.SetMinRowsVisible(4)
	on := widget.NewLabel(quoted(w.edit.ed.SelectedText()))
	on.Wrapping = fyne.TextWrapWord
	on.TextStyle.Italic = true
	d := w.showForm("New Note", "Add", []*widget.FormItem{
		widget.NewFormItem("On", on),
		widget.NewFormItem("Note", msg),
	}, msg, func() {
		if err := w.AddComment(msg.Text); err != nil {
			w.showError(err)
		}
	}, msg)
	d.Resize(fyne.NewSize(520, 320))
}

// noteThread is the Note Thread dialog while it is up: the note it shows
// and the box of messages, filled again when replies arrive.
type noteThread struct {
	noteID int64
	box    *fyne.Container
}

// showReplies shows a note's thread and takes a reply. Replies other
// editors send while it is up show in it as they arrive.
func (w *Workspace) showReplies(n editor.Note) {
	replies, err := w.store.Replies(context.Background(), n.ID)
	if err != nil {
		w.showError(err)
		return
	}
	thread := container.NewVBox()
	fillThread(thread, n, replies)
	reply := newDialogMultiLineEntry()
	reply.SetPlaceHolder("Reply (Ctrl+Enter sends)")
	reply.SetMinRowsVisible(3)
	content := container.NewBorder(nil, reply, nil, nil, container.NewVScroll(thread))
	send := func() {
		if strings.TrimSpace(reply.Text) == "" {
			return
		}
		if _, err := w.store.AddReply(context.Background(), n.ID, w.opts.Author, strings.TrimSpace(reply.Text)); err != nil {
			w.showError(err)
			return
		}
		w.reloadNotes()
	}
	var d *dialog.ConfirmDialog
	d = dialog.NewCustomConfirm("Note Thread", "Reply", "Close", content, func(ok bool) {
		if ok {
			send()
		}
	}, w.win)
	d.Resize(fyne.NewSize(520, 420))
	w.showDialog(d, reply, func() {
		d.Hide()
		send()
	}, reply)
	open := &noteThread{noteID: n.ID, box: thread}
	w.thread = open
	d.SetOnClosed(func() {
		if w.thread == open {
			w.thread = nil
		}
	})
}

// fillThread puts note n and its replies in box, oldest first.
func fillThread(box *fyne.Container, n editor.Note, replies []editor.Reply) {
	box.RemoveAll()
	head := widget.NewLabel(fmt.Sprintf("%s — %s, %s", noteHeadline(n), orDash(n.Author), n.Created.Local().Format("Jan 2 15:04")))
	head.Wrapping = fyne.TextWrapWord
	head.TextStyle.Bold = true
	box.Add(head)
	for _, r := range replies {
		l := widget.NewLabel(fmt.Sprintf("%s (%s, %s)", r.Text, orDash(r.Author), r.Created.Local().Format("Jan 2 15:04")))
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
}

// refreshThread fills the open Note Thread dialog again from the desk.
func (w *Workspace) refreshThread() {
	t := w.thread
	if t == nil {
		return
	}
	for _, n := range w.storedNotes {
		if n.ID != t.noteID {
			continue
		}
		if replies, err := w.store.Replies(context.Background(), n.ID); err == nil {
			fillThread(t.box, n, replies)
		}
		return
	}
}

// threadLine says, for the detail of a selected note, how many replies it
// has and the latest; "" for none.
func (w *Workspace) threadLine(noteID int64) string {
	replies, err := w.store.Replies(context.Background(), noteID)
	if err != nil || len(replies) == 0 {
		return ""
	}
	r := replies[len(replies)-1]
	return fmt.Sprintf("%s; the latest, from %s: “%s”", plural(len(replies), "reply", "replies"), orDash(r.Author), oneLine(r.Text))
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// reanchorNotes moves the stored notes onto the text as it is now —
// unchanged words, words moved, words edited a little — and saves the ones
// whose place changed; a note whose words are gone is marked orphaned,
// never deleted. Orphaned notes are looked for too, so a note whose words
// come back (Undo, Redo, retyped) is anchored on them again. A read-only
// desk keeps its notes where they were stored.
//
// On a shared desk another editor may move or change a note at the same
// moment. Such a note is taken as they left it and placed again once; a
// note that changes under that too is left for the next autosave. None of
// this is the editor's doing, so none of it is put to them.
func (w *Workspace) reanchorNotes() {
	if len(w.storedNotes) == 0 || w.readOnlyDesk() {
		return
	}
	moved := false
	for try := 0; try < 2; try++ {
		conflicted := false
		for _, n := range anchor.MoveNotes(w.storedNotes, w.edit.ed.Text()) {
			_, err := w.store.UpdateNote(context.Background(), n)
			switch {
			case err == nil:
				moved = true
			case errors.Is(err, editor.ErrConflict):
				conflicted = true
			default:
				w.showError(err)
				w.reloadNotes()
				return
			}
		}
		if !conflicted {
			break
		}
		notes, err := w.store.Notes(context.Background(), w.article.ID, editor.NoteFilter{})
		if err != nil {
			w.showError(err)
			return
		}
		w.storedNotes, moved = notes, true
	}
	if moved {
		w.reloadNotes()
	}
}

// ApplyFix makes the edit finding f suggests in the editor, as one step
// Ctrl+Z undoes. The finding was raised on the text of the last review;
// its words are found again in the text as it is now, and the fix is
// refused if they are gone or changed, so it never touches other text.
func (w *Workspace) ApplyFix(f editor.Finding) error {
	if f.Fix == nil || len(f.Fix.Edits) == 0 {
		return errors.New("this finding suggests no fix")
	}
	if w.readOnlyDesk() {
		return errors.New("this desk is read-only")
	}
	reviewed := w.lastReview.text
	cover := f.Fix.Cover()
	region := editor.Span{Start: min(f.Span.Start, cover.Start), End: max(f.Span.End, cover.End)}
	if region.End > len(reviewed) || region.Check(reviewed) != nil {
		return errors.New("the text changed since this finding was raised; check again (F7)")
	}
	text := w.edit.ed.Text()
	found, ok := locate(text, region.In(reviewed), region)
	if !ok {
		return errors.New("the words of this finding are no longer in the text; check again (F7)")
	}
	shift := found.Start - region.Start
	local := editor.Fix{Message: f.Fix.Message}
	for _, e := range f.Fix.Edits {
		local.Edits = append(local.Edits, editor.Edit{Span: editor.Span{Start: e.Span.Start - cover.Start, End: e.Span.End - cover.Start}, New: e.New})
	}
	fixed, err := local.Apply(cover.In(reviewed))
	if err != nil {
		return err
	}
	ed := w.edit.ed
	ed.replace(ed.buf.PosAt(cover.Start+shift), ed.buf.PosAt(cover.End+shift), fixed, editor.EditOther)
	w.edit.setSaveState("Fixed: " + f.Fix.Message + " (Ctrl+Z undoes it)")
	return nil
}

// applySelectedFix applies the fix of the finding selected in the notes
// panel (F6).
func (w *Workspace) applySelectedFix() {
	f, ok := w.notes.selectedFinding()
	if !ok || f.Fix == nil {
		return
	}
	if err := w.ApplyFix(f); err != nil {
		w.showError(err)
	}
}
