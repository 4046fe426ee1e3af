package app

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/pgtest"
)

// The tests in this file put two editors, Ana and Ben, on one PostgreSQL
// desk, each with a DB of their own opened as their name, as two copies of
// the app on two machines would be.

// liveWithin is how soon another editor's change must show.
const liveWithin = time.Second

// openDeskAs opens the desk at url as editor name.
func openDeskAs(t *testing.T, url, name string) *storage.DB {
	t.Helper()
	db, err := storage.Open(context.Background(), url, storage.WithEditor(name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// sharedDesk makes a PostgreSQL desk holding sampleText as r1 and opens
// it as Ana and as Ben.
// addTallyNote has db add Ana's note on the sample's "7-2".
func addTallyNote(t *testing.T, db *storage.DB, art editor.Article) editor.Note {
	t.Helper()
	at := strings.Index(sampleText, "7-2")
	n, err := db.AddNote(context.Background(), editor.Note{ArticleID: art.ID, Revision: 1, Status: editor.NoteOpen, Message: "Check the tally.",
		Author: "Ana", Anchor: editor.NewAnchor(sampleText, editor.Span{Start: at, End: at + 3})})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func sharedDesk(t *testing.T) (ana, ben *storage.DB, art editor.Article) {
	t.Helper()
	url := pgtest.Database(t)
	ana, ben = openDeskAs(t, url, "Ana"), openDeskAs(t, url, "Ben")
	art, _, err := ana.CreateArticle(context.Background(), editor.Article{Title: "Council Backs Budget"}, sampleText, "r1", "writer")
	if err != nil {
		t.Fatal(err)
	}
	return ana, ben, art
}

// liveUI runs workspaces as the app does: the watch and the presence
// keeper on goroutines of their own, their results queued here and run on
// the test's goroutine, the UI goroutine, by until.
type liveUI struct {
	ui       chan func()
	done     chan struct{}
	stopOnce sync.Once
}

func newLiveUI() *liveUI {
	return &liveUI{ui: make(chan func(), 256), done: make(chan struct{})}
}

func (u *liveUI) dispatch(f func()) {
	select {
	case u.ui <- f:
	case <-u.done: // the test is over
	}
}

func (u *liveUI) stop() { u.stopOnce.Do(func() { close(u.done) }) }

// workspace opens a workspace on store as editor name, with the app's own
// timing for the watch (zero: 250ms on a shared desk) and the given
// heartbeat; autosaves are left to the test.
func (u *liveUI) workspace(t *testing.T, a fyne.App, store Store, name string, heartbeat time.Duration) *Workspace {
	t.Helper()
	ws := newWorkspace(a, store, Options{
		Author:          name,
		AutosaveQuiet:   time.Hour,
		AutosaveMaxWait: time.Hour,
		Dispatch:        u.dispatch,
		HeartbeatEvery:  heartbeat,
	}, func(run func()) { run() })
	t.Cleanup(func() {
		u.stop()
		for _, open := range a.Driver().AllWindows() {
			if open == ws.win { // not closed by the test
				ws.closeNow()
			}
		}
	})
	return ws
}

// until runs the queued UI work until cond holds, and fails the test if
// it does not within d.
func (u *liveUI) until(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.NewTimer(d)
	defer deadline.Stop()
	for !cond() {
		select {
		case f := <-u.ui:
			f()
		case <-deadline.C:
			t.Fatalf("not within %v: %s", d, what)
		}
	}
}

// selectText selects the first occurrence of words in ws's editor.
func selectText(t *testing.T, ws *Workspace, words string) {
	t.Helper()
	at := strings.Index(ws.Text(), words)
	if at < 0 {
		t.Fatalf("%q is not in the text %q", words, ws.Text())
	}
	ws.edit.ed.Select(editor.Span{Start: at, End: at + len(words)})
}

// noteWithMessage returns the note the workspace holds with message msg.
func noteWithMessage(ws *Workspace, msg string) (editor.Note, bool) {
	for _, n := range ws.Notes() {
		if n.Message == msg {
			return n, true
		}
	}
	return editor.Note{}, false
}

// listsNote reports whether ws's notes panel has a row for the note with
// message msg, headed as want (message and status tags).
func listsNote(ws *Workspace, msg, want string) bool {
	for _, r := range ws.notes.rows {
		if r.note != nil && r.note.Message == msg {
			return noteHeadline(*r.note) == want
		}
	}
	return false
}

func openNotes(ws *Workspace, id int64) int {
	for _, s := range ws.library.items {
		if s.ID == id {
			return s.OpenNotes
		}
	}
	return -1
}

// TestAnotherEditorsNotesRepliesAndSourcesShowWithinASecond: a note Ana
// adds, her reply to it, her resolving it and a source she attaches each
// reach Ben's open workspace within a second: his notes panel, the status
// line, the library, an open Note Thread and the sources panel.
func TestAnotherEditorsNotesRepliesAndSourcesShowWithinASecond(t *testing.T) {
	ana, ben, art := sharedDesk(t)
	a := test.NewTempApp(t)
	u := newLiveUI()
	wa := u.workspace(t, a, ana, "Ana", -1)
	wb := u.workspace(t, a, ben, "Ben", -1)
	if wa.ArticleID() != art.ID || wb.ArticleID() != art.ID {
		t.Fatalf("open articles %d and %d, want %d in both", wa.ArticleID(), wb.ArticleID(), art.ID)
	}
	const msg = "Check the tally."

	selectText(t, wa, "7-2")
	if err := wa.AddComment(msg); err != nil {
		t.Fatal(err)
	}
	u.until(t, liveWithin, "Ana's note in Ben's notes panel, status line and library", func() bool {
		return listsNote(wb, msg, msg) && strings.HasSuffix(wb.edit.findings.Text, "1 open note") && openNotes(wb, art.ID) == 1
	})

	// Ben reads the note, and its thread.
	row, _, ok := noteRowOf(wb, mustNote(t, wb, msg).ID)
	if !ok {
		t.Fatal("no row for the note in Ben's panel")
	}
	wb.notes.list.Select(row)
	wb.showReplies(mustNote(t, wb, msg))
	benText := wb.Text()

	wa.showReplies(mustNote(t, wa, msg))
	focusedEntry(t, wa).SetText("Fiscal 2027 figures.")
	wa.dialogs[len(wa.dialogs)-1].submit()
	u.until(t, liveWithin, "Ana's reply in Ben's note detail and open thread", func() bool {
		return strings.Contains(wb.notes.detail.Text, "1 reply; the latest, from Ana: “Fiscal 2027 figures.”") &&
			threadShows(wb, "Fiscal 2027 figures. (Ana,")
	})
	if r := wb.notes.selected; r < 0 || wb.notes.rows[r].note == nil || wb.notes.rows[r].note.Message != msg {
		t.Errorf("Ben's selected row is %d after the refresh, want the note still selected", r)
	}
	if wb.Text() != benText {
		t.Errorf("Ben's text changed under the refresh: %q", wb.Text())
	}

	if err := wa.SetNoteStatus(mustNote(t, wa, msg), editor.NoteResolved); err != nil {
		t.Fatal(err)
	}
	u.until(t, liveWithin, "the note resolved in Ben's workspace", func() bool {
		n, _ := noteWithMessage(wb, msg)
		return n.Status == editor.NoteResolved && strings.HasSuffix(wb.edit.findings.Text, "0 open notes") &&
			openNotes(wb, art.ID) == 0 && threadShows(wb, msg+" (resolved)")
	})
	wb.notes.status.SetSelected(filterAll)
	if !listsNote(wb, msg, msg+" (resolved)") {
		t.Errorf("Ben's panel, all notes, does not list the note as resolved: %+v", wb.notes.rows)
	}

	if err := wa.AttachSource("Clerk's tally", editor.SourceNotes, "The clerk counted seven votes for and two against."); err != nil {
		t.Fatal(err)
	}
	u.until(t, liveWithin, "Ana's source in Ben's sources panel", func() bool {
		return wb.sources.list.Length() == 1 && wb.sources.sources[0].Title == "Clerk's tally"
	})
}

func mustNote(t *testing.T, ws *Workspace, msg string) editor.Note {
	t.Helper()
	n, ok := noteWithMessage(ws, msg)
	if !ok {
		t.Fatalf("no note %q in %+v", msg, ws.Notes())
	}
	return n
}

// threadShows reports whether ws has a Note Thread open with a message
// that starts with prefix.
func threadShows(ws *Workspace, prefix string) bool {
	if ws.thread == nil {
		return false
	}
	for _, l := range widgetsIn[*widget.Label](ws.thread.box) {
		if strings.HasPrefix(l.Text, prefix) {
			return true
		}
	}
	return false
}

// TestAnotherEditorsRevisionArrivesAndUnsavedTextStays: Ben is typing
// when Ana saves a revision; within a second his library and revisions
// list show it and the notice offers to compare, and his text is his.
// Ana's autosaves, meanwhile, never touch Ben's text, nor his hers.
func TestAnotherEditorsRevisionArrivesAndUnsavedTextStays(t *testing.T) {
	ctx := context.Background()
	ana, ben, art := sharedDesk(t)
	a := test.NewTempApp(t)
	u := newLiveUI()
	wa := u.workspace(t, a, ana, "Ana", -1)
	wb := u.workspace(t, a, ben, "Ben", -1)

	typeEdit(wb, "Ben's lede. ")
	if err := wb.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	benText := wb.Text()
	typeEdit(wa, "Ana's lede. ")
	if err := wa.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	anaText := wa.Text()

	wa.saveRevision("desk read")
	if got := wa.edit.saveState.Text; got != "Saved as r2" {
		t.Fatalf("Ana's save: %q", got)
	}
	u.until(t, liveWithin, "r2 in Ben's library, revisions and notice", func() bool {
		return listed(wb, art.ID) == 2 && len(wb.revisions.revisions) == 2 && wb.revisions.revisions[0].Number == 2 &&
			wb.arrival.shown()
	})
	if wb.Text() != benText {
		t.Errorf("Ben's text = %q after r2 arrived, want his unsaved %q", wb.Text(), benText)
	}
	if got := wb.arrival.message.Text; !strings.Contains(got, "r2 (Ana, “desk read”) arrived") || !strings.Contains(got, "Nothing was replaced") {
		t.Errorf("Ben's notice = %q", got)
	}
	if err := wb.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	if wc, err := ben.WorkingCopy(ctx, art.ID); err != nil || wc.Text != benText || wc.Base != 1 {
		t.Errorf("Ben's working copy = %q (base r%d), %v; want his text on r1", wc.Text, wc.Base, err)
	}
	if rev, err := ben.LatestRevision(ctx, art.ID); err != nil || rev.Text != anaText {
		t.Errorf("r2 = %q, %v; want Ana's text", rev.Text, err)
	}
	if wa.Text() != anaText {
		t.Errorf("Ana's text = %q after Ben's autosaves, want hers", wa.Text())
	}
}

// TestEditorsKeepTheirOwnWorkingCopies: Ana and Ben type in the same
// article at once; each autosave keeps to its editor, and each, opening
// the desk again, finds their own text.
func TestEditorsKeepTheirOwnWorkingCopies(t *testing.T) {
	url := pgtest.Database(t)
	ana := openDeskAs(t, url, "Ana")
	art, _, err := ana.CreateArticle(context.Background(), editor.Article{Title: "Council Backs Budget"}, sampleText, "r1", "writer")
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	wa, wb := newWorkspaceOn(a, ana), newWorkspaceOn(a, openDeskAs(t, url, "Ben"))
	typeEdit(wa, "Ana: ")
	typeEdit(wb, "Ben: ")
	for _, ws := range []*Workspace{wa, wb} {
		if err := ws.FlushAutosave(); err != nil {
			t.Fatal(err)
		}
		ws.watch.poll() // the other's autosave
	}
	typeEdit(wa, "again ")
	if err := wa.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	wb.watch.poll()
	wa.closeNow()
	wb.closeNow()

	for _, tc := range []struct{ editor, want string }{
		{"Ana", "again Ana: " + sampleText},
		{"Ben", "Ben: " + sampleText},
	} {
		t.Run(tc.editor, func(t *testing.T) {
			ws := newWorkspaceOn(test.NewTempApp(t), openDeskAs(t, url, tc.editor))
			if ws.ArticleID() != art.ID || ws.Text() != tc.want {
				t.Errorf("reopened, %s's workspace shows article %d: %q; want %q", tc.editor, ws.ArticleID(), ws.Text(), tc.want)
			}
			if got, want := ws.edit.saveState.Text, "Unsaved edits since r1 (autosaved)"; got != want {
				t.Errorf("save state = %q, want %q", got, want)
			}
		})
	}
}

// TestAStaleNoteChangeIsRefusedAndShown: Ana and Ben both show a note;
// Ana resolves it, and Ben, his panel not refreshed yet, dismisses it.
// Ben's change is not made: he is told, with what the note is now, and
// his panel shows it resolved; the desk holds it resolved. His next change
// starts from the note as he now sees it, and is made.
func TestAStaleNoteChangeIsRefusedAndShown(t *testing.T) {
	ctx := context.Background()
	ana, ben, art := sharedDesk(t)
	n := addTallyNote(t, ana, art)
	a := test.NewTempApp(t)
	wa, wb := newWorkspaceOn(a, ana), newWorkspaceOn(a, ben)
	tapNoteAction := func(t *testing.T, ws *Workspace, label string) {
		t.Helper()
		row, _, ok := noteRowOf(ws, n.ID)
		if !ok {
			t.Fatalf("no row for note %d in %+v", n.ID, ws.notes.rows)
		}
		ws.notes.list.Select(row)
		for _, b := range ws.notes.actionButtons() {
			if b := b.(*widget.Button); b.Text == label {
				test.Tap(b)
				return
			}
		}
		t.Fatalf("no %q for note %d", label, n.ID)
	}
	if _, err := ana.AddReply(ctx, n.ID, "Ana", "The clerk has the count."); err != nil {
		t.Fatal(err)
	}
	wa.reloadNotes()
	tapNoteAction(t, wa, "Resolve")
	tapNoteAction(t, wb, "Dismiss") // Ben has not looked since the note was added

	top := wb.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Ben was not told his change was not made")
	}
	var said []string
	for _, l := range widgetsIn[*widget.Label](top) {
		said = append(said, l.Text)
	}
	text := strings.Join(said, "\n")
	for _, want := range []string{
		"Note Changed by Someone Else",
		fmt.Sprintf("Note %d was changed by someone else after you opened it (it is now resolved, with 1 reply); your change was not made.", n.ID),
		"The note now: “Check the tally.”, resolved",
		"Latest reply, from Ana: “The clerk has the count.”",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Ben was told:\n%s\nwant it to say %q", text, want)
		}
	}
	if got := mustNote(t, wb, "Check the tally."); got.Status != editor.NoteResolved {
		t.Errorf("Ben's panel holds the note %s, want resolved", got.Status)
	}
	if strings.HasSuffix(wb.edit.findings.Text, "1 open note") {
		t.Errorf("Ben's status line still counts the note open: %q", wb.edit.findings.Text)
	}
	wb.notes.status.SetSelected(filterAll)
	if !listsNote(wb, "Check the tally.", "Check the tally. (resolved)") {
		t.Errorf("Ben's panel, all notes, does not show the note resolved: %+v", wb.notes.rows)
	}
	if got, err := ben.Note(ctx, n.ID); err != nil || got.Status != editor.NoteResolved {
		t.Errorf("the desk holds the note %s, %v; want resolved", got.Status, err)
	}

	// Ben, now seeing it resolved, reopens it; then dismisses it, from
	// the note his own change returned.
	top.Hide()
	wb.dialogs = nil
	tapNoteAction(t, wb, "Reopen")
	tapNoteAction(t, wb, "Dismiss")
	if len(wb.dialogs) != 0 {
		t.Errorf("Ben's own changes in a row were refused: %d dialogs", len(wb.dialogs))
	}
	if got, err := ben.Note(ctx, n.ID); err != nil || got.Status != editor.NoteDismissed {
		t.Errorf("the desk holds the note %s, %v; want dismissed", got.Status, err)
	}
}

// TestNotesPlacedByTwoEditorsAtOnce: Ana's autosave moves a note onto
// her text while Ben, who has not looked since, types too; his autosave
// finds the note moved under him, takes it as Ana left it and places it on
// his text, without troubling him. Each can then change the note as shown.
func TestNotesPlacedByTwoEditorsAtOnce(t *testing.T) {
	ctx := context.Background()
	ana, ben, art := sharedDesk(t)
	n := addTallyNote(t, ana, art)
	a := test.NewTempApp(t)
	wa, wb := newWorkspaceOn(a, ana), newWorkspaceOn(a, ben)
	typeEdit(wa, "Ana: ")
	if err := wa.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	if got, err := ana.Note(ctx, n.ID); err != nil || got.Anchor.Span.In(wa.Text()) != "7-2" || got.Updated.Equal(n.Updated) {
		t.Fatalf("after Ana's autosave the note is %+v, %v; want it moved onto her text", got, err)
	}
	typeEdit(wb, "Ben's lede: ")
	if err := wb.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	if len(wb.dialogs) != 0 {
		t.Errorf("Ben was shown %d dialogs for a note Ana moved", len(wb.dialogs))
	}
	got, err := ben.Note(ctx, n.ID)
	if err != nil || got.Orphaned || got.Anchor.Span.In(wb.Text()) != "7-2" {
		t.Fatalf("after Ben's autosave the note is %+v, %v; want it on 7-2 in his text", got, err)
	}
	if held := mustNote(t, wb, "Check the tally."); !held.Updated.Equal(got.Updated) {
		t.Errorf("Ben's workspace holds the note as of %v, the desk %v", held.Updated, got.Updated)
	}
	if err := wb.SetNoteStatus(mustNote(t, wb, "Check the tally."), editor.NoteResolved); err != nil {
		t.Errorf("Ben resolving the note he shows: %v", err)
	}
	wa.reloadNotes()
	if err := wa.SetNoteStatus(mustNote(t, wa, "Check the tally."), editor.NoteOpen); err != nil {
		t.Errorf("Ana reopening it once her workspace read it again: %v", err)
	}
}
