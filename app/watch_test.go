package app

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/storage"
)

// listed returns the latest revision number the library shows for an
// article, 0 if it is not listed.
func listed(ws *Workspace, id int64) int {
	for _, s := range ws.library.items {
		if s.ID == id {
			return s.LatestRevision
		}
	}
	return 0
}

func TestOutsideRevisionLoadsWhenNothingIsUnsaved(t *testing.T) {
	for _, tc := range []struct {
		name  string
		touch func(ws *Workspace) // what the desk did before r2 arrived
	}{
		{"untouched", func(*Workspace) {}},
		{"typed and taken back, still to be autosaved", func(ws *Workspace) {
			typeEdit(ws, "x")
			ws.edit.ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			ws, store, art := newTestWorkspace(t)
			tc.touch(ws)
			ws.Window().Canvas().Focus(ws.library.search)
			cli := openOutside(t, store)

			revise(t, cli, art.ID, writerText)
			if ws.Text() != sampleText || listed(ws, art.ID) != 1 {
				t.Fatalf("before the poll: library r%d, text %q; want r1 and the old text", listed(ws, art.ID), ws.Text())
			}
			if !ws.watch.poll() {
				t.Fatal("poll after an outside revision reported no change")
			}

			if got := listed(ws, art.ID); got != 2 {
				t.Errorf("library shows r%d, want r2", got)
			}
			if got := ws.revisions.revisions; len(got) != 2 || got[0].Number != 2 {
				t.Errorf("revisions panel = %+v, want r2 first", got)
			}
			if ws.Text() != writerText {
				t.Errorf("editor text = %q, want the writer's r2", ws.Text())
			}
			if got, want := ws.edit.saveState.Text, "r2 arrived from outside; loaded"; got != want {
				t.Errorf("save state = %q, want %q", got, want)
			}
			if ws.arrival.shown() {
				t.Error("the notice for unsaved edits is up, but there were none")
			}
			if ws.Window().Canvas().Focused() != ws.library.search {
				t.Error("loading the revision took the focus from the library search")
			}
			if err := ws.FlushAutosave(); err != nil {
				t.Fatal(err)
			}
			if wc, err := store.WorkingCopy(ctx, art.ID); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("working copy after the load = %q (base r%d), %v; want none", wc.Text, wc.Base, err)
			}

			// The desk goes on from r2: its edits save as r3 without a conflict.
			typeEdit(ws, "Update: ")
			ws.saveRevision("desk read")
			if got := ws.edit.saveState.Text; got != "Saved as r3" {
				t.Errorf("saving after the load: %q, want Saved as r3", got)
			}
		})
	}
}

func TestOutsideRevisionNeverReplacesUnsavedEdits(t *testing.T) {
	for _, tc := range []struct {
		name  string
		flush bool // the typing was autosaved before the revision arrived
	}{
		{"autosaved", true},
		{"still to be autosaved", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			ws, store, art := newTestWorkspace(t)
			cli := openOutside(t, store)
			typeEdit(ws, "Edited: ")
			if tc.flush {
				if err := ws.FlushAutosave(); err != nil {
					t.Fatal(err)
				}
			}
			edited := ws.Text()

			revise(t, cli, art.ID, writerText)
			if !ws.watch.poll() {
				t.Fatal("poll after an outside revision reported no change")
			}

			if ws.Text() != edited {
				t.Errorf("editor text = %q, want the unsaved edits %q", ws.Text(), edited)
			}
			if got := ws.edit.saveState.Text; !strings.Contains(got, "r2 arrived from outside") || !strings.Contains(got, "unsaved edits since r1 are kept") {
				t.Errorf("save state = %q, want it to say r2 arrived and the edits are kept", got)
			}
			if err := ws.FlushAutosave(); err != nil {
				t.Fatal(err)
			}
			wc, err := store.WorkingCopy(ctx, art.ID)
			if err != nil || wc.Text != edited || wc.Base != 1 {
				t.Errorf("working copy = %q (base r%d), %v; want the edits, base r1", wc.Text, wc.Base, err)
			}
			if got := listed(ws, art.ID); got != 2 {
				t.Errorf("library shows r%d, want r2", got)
			}
			if got := ws.revisions.revisions; len(got) != 2 || got[0].Number != 2 {
				t.Errorf("revisions panel = %+v, want r2 first", got)
			}
			if tc.flush {
				if got := ws.edit.saveState.Text; !strings.Contains(got, "r2 arrived from outside") {
					t.Errorf("save state = %q, want it to say r2 arrived", got)
				}
			} else if got := ws.edit.saveState.Text; !strings.HasSuffix(got, "(since r1; r2 is newer)") {
				t.Errorf("save state after the autosave = %q, want it to say r2 is newer", got)
			}
			if !ws.arrival.shown() || !strings.Contains(ws.arrival.message.Text, "Nothing was replaced") {
				t.Fatalf("notice shown %v: %q", ws.arrival.shown(), ws.arrival.message.Text)
			}
			if got := ws.arrival.compare.Text; got != "Compare with r2" {
				t.Errorf("compare button = %q", got)
			}

			test.Tap(ws.arrival.compare)
			if ws.mainTabs.SelectedIndex() != 2 {
				t.Fatal("Compare did not open the Compare tab")
			}
			if got := ws.compare.from.Selected + " → " + ws.compare.to.Selected; got != "r2 · writer's fix → working copy" {
				t.Errorf("compared %q, want r2 with the working copy", got)
			}
			if ws.Text() != edited {
				t.Errorf("after opening Compare the editor text = %q, want the edits", ws.Text())
			}

			// Applying with nothing decided keeps every word the desk typed.
			if err := ws.ApplyMerge(ws.compare.model.result(), "merged r2+working copy"); err != nil {
				t.Fatal(err)
			}
			rev, err := store.LatestRevision(ctx, art.ID)
			if err != nil || rev.Number != 3 || rev.Text != edited {
				t.Errorf("applied revision r%d %q, %v; want r3 with the edits", rev.Number, rev.Text, err)
			}
			if ws.arrival.shown() {
				t.Error("the notice stayed up after the edits were saved as r3")
			}
		})
	}
}

func TestOutsideRevisionIsAnnouncedOnce(t *testing.T) {
	ws, store, art := newTestWorkspace(t)
	cli := openOutside(t, store)
	typeEdit(ws, "Edited: ")
	revise(t, cli, art.ID, writerText)
	ws.watch.poll()
	test.Tap(ws.arrival.dismiss)
	if ws.arrival.shown() {
		t.Fatal("Dismiss left the notice up")
	}

	// Another outside change that brings no new revision of this article.
	if _, _, err := cli.CreateArticle(context.Background(), editor.Article{Title: "Wire"}, "Wire\nCopy.", "", "wire"); err != nil {
		t.Fatal(err)
	}
	if !ws.watch.poll() {
		t.Fatal("poll after an outside article reported no change")
	}
	if len(ws.library.items) != 2 {
		t.Errorf("library lists %d articles, want the outside one too", len(ws.library.items))
	}
	if ws.arrival.shown() {
		t.Error("r2 was announced again")
	}

	// The desk's own writes are not outside changes.
	typeEdit(ws, "More: ")
	if err := ws.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	if ws.watch.poll() {
		t.Error("poll after the workspace's own autosave reported a change")
	}
	if ws.watch.poll() {
		t.Error("a second poll with nothing new reported a change")
	}
}

func TestSavingOverAnArrivedRevisionOffersCompare(t *testing.T) {
	ws, store, art := newTestWorkspace(t)
	typeEdit(ws, "Desk edit. ")
	if err := ws.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	revise(t, openOutside(t, store), art.ID, writerText)
	ws.saveRevision("desk read")
	revs, err := store.Revisions(context.Background(), art.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 2 || len(ws.dialogs) != 1 {
		t.Fatalf("%d revisions, %d dialogs; want the writer's r2 kept and a question", len(revs), len(ws.dialogs))
	}
	press(ws, fyne.KeyReturn)
	if ws.mainTabs.SelectedIndex() != 2 || !strings.Contains(ws.Text(), "Desk edit. ") {
		t.Errorf("Enter did not open Compare with the desk's edits kept (tab %d)", ws.mainTabs.SelectedIndex())
	}
}

func TestNotesFollowARevisionFromOutside(t *testing.T) {
	ws, store, art := newTestWorkspace(t)
	ctx := context.Background()
	at := strings.Index(sampleText, "7-2")
	if _, err := store.AddNote(ctx, editor.Note{ArticleID: art.ID, Revision: 1, Status: editor.NoteOpen, Message: "Check the tally.",
		Author: "desk", Anchor: editor.NewAnchor(sampleText, editor.Span{Start: at, End: at + 3})}); err != nil {
		t.Fatal(err)
	}
	ws.reloadNotes()
	revise(t, openOutside(t, store), art.ID, "Council Backs Budget\nThe council met late.\n“We balanced it,” Mayor Ana Ruiz said.\nThe vote was 7-2.")
	ws.watch.poll()
	notes, err := store.Notes(ctx, art.ID, editor.NoteFilter{})
	if err != nil || len(notes) != 1 {
		t.Fatal(notes, err)
	}
	if n := notes[0]; n.Orphaned || n.Anchor.Span.In(ws.Text()) != "7-2" {
		t.Errorf("after a paragraph arrived above it the note is on %q (orphaned %v)", n.Anchor.Span.In(ws.Text()), n.Orphaned)
	}
	revise(t, openOutside(t, store), art.ID, "Council Backs Budget\nThe council met late.")
	ws.watch.poll()
	if notes, _ := store.Notes(ctx, art.ID, editor.NoteFilter{}); len(notes) != 1 || !notes[0].Orphaned {
		t.Errorf("after its words went the note is %+v, want orphaned", notes)
	}
}

// TestNotesAndSourcesFromOutside adds a note, a reply and a source to the
// open article from another connection, as `copydesk notes add`, `notes
// reply` and `source add` do: the next look shows them in the notes and
// sources panels, and a status changed outside shows too.
func TestNotesAndSourcesFromOutside(t *testing.T) {
	ctx := context.Background()
	ws, store, art := newTestWorkspace(t)
	cli := openOutside(t, store)
	rev, err := cli.LatestRevision(ctx, art.ID)
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(rev.Text, " ")
	n, err := cli.AddNote(ctx, editor.Note{ArticleID: art.ID, Revision: rev.Number, Status: editor.NoteOpen, Message: "From the CMS.",
		Author: "cms", Anchor: editor.NewAnchor(rev.Text, editor.Span{Start: 0, End: at})})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cli.AddReply(ctx, n.ID, "cms", "A reply."); err != nil {
		t.Fatal(err)
	}
	if _, err := cli.AddSource(ctx, editor.Source{ArticleID: art.ID, Title: "Wire copy", Kind: editor.SourceWire, Text: "The board met on Tuesday."}); err != nil {
		t.Fatal(err)
	}
	if !ws.watch.poll() {
		t.Fatal("poll after outside notes and sources reported no change")
	}
	if !hasNote(ws.notes.notes, n.ID, editor.NoteOpen) {
		t.Errorf("notes panel = %+v, want note %d open", ws.notes.notes, n.ID)
	}
	if got := ws.sources.sources; len(got) != 1 || got[0].Title != "Wire copy" {
		t.Errorf("sources panel = %+v, want the wire copy", got)
	}

	// As `copydesk notes resolve` does: the note as it is now, reply and all.
	if n, err = cli.Note(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	n.Status = editor.NoteResolved
	if _, err := cli.UpdateNote(ctx, n); err != nil {
		t.Fatal(err)
	}
	if !ws.watch.poll() {
		t.Fatal("poll after an outside status change reported no change")
	}
	if !hasNote(ws.notes.notes, n.ID, editor.NoteResolved) {
		t.Errorf("notes panel = %+v, want note %d resolved", ws.notes.notes, n.ID)
	}
}

func hasNote(notes []editor.Note, id int64, status editor.NoteStatus) bool {
	for _, n := range notes {
		if n.ID == id && n.Status == status {
			return true
		}
	}
	return false
}
