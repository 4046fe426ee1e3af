package app

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/storage"
)

// writerText is the writer's next revision of sampleText, stored from
// outside the workspace.
const writerText = "Council Backs Budget\n“We balanced it,” Mayor Ana Ruiz said on Tuesday.\nThe vote was 7-2."

// openOutside opens the workspace's database file a second time, as
// `copydesk revise` does from a process of its own.
func openOutside(t *testing.T, desk *storage.DB) *storage.DB {
	t.Helper()
	db, err := storage.Open(context.Background(), desk.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// revise stores text as the next revision of an article through db, the
// storage call `copydesk revise` makes.
func revise(t *testing.T, db *storage.DB, id int64, text string) editor.Revision {
	t.Helper()
	rev, err := db.AddRevision(context.Background(), id, text, "writer's fix", "writer")
	if err != nil {
		t.Fatal(err)
	}
	return rev
}

// typeEdit types at the start of the open article.
func typeEdit(ws *Workspace, s string) {
	ws.edit.ed.moveCaret(editor.Pos{}, false)
	test.Type(ws.Editor(), s)
}

func TestReopeningKeepsUnsavedEditsOverANewerRevision(t *testing.T) {
	ctx := context.Background()
	ws, store, art := newTestWorkspace(t)
	second, _, err := store.CreateArticle(ctx, editor.Article{Title: "Second"}, "Second\nGraf.", "r1", "w")
	if err != nil {
		t.Fatal(err)
	}
	ws.library.reload()
	ws.openArticle(art.ID)
	typeEdit(ws, "Edited: ")
	edited := ws.Text()
	ws.openArticle(second.ID) // switching saves the typing
	ws.closeNow()

	// While the window is closed, the writer revises the article.
	revise(t, openOutside(t, store), art.ID, writerText)

	for _, tc := range []struct {
		name string
		open func() *Workspace
	}{
		{"from the library", func() *Workspace {
			ws := newWorkspaceOn(ws.app, store)
			ws.openArticle(art.ID)
			return ws
		}},
		{"at start", func() *Workspace {
			return newWorkspace(ws.app, store, Options{OpenArticle: art.ID, WatchEvery: -1, HeartbeatEvery: -1}, func(run func()) { run() })
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			again := tc.open()
			defer again.closeNow()
			if again.Text() != edited {
				t.Fatalf("reopened text = %q, want the unsaved edits %q", again.Text(), edited)
			}
			if got, want := again.edit.saveState.Text, "Unsaved edits since r1 (autosaved); r2 is newer"; got != want {
				t.Errorf("save state = %q, want %q", got, want)
			}
			if !again.arrival.shown() || again.arrival.compare.Text != "Compare with r2" {
				t.Errorf("notice shown %v, %q; want an offer to compare with r2", again.arrival.shown(), again.arrival.compare.Text)
			}
			wc, err := store.WorkingCopy(ctx, art.ID)
			if err != nil || wc.Text != edited || wc.Base != 1 {
				t.Errorf("working copy = %q (base r%d), %v; want the edits, base r1", wc.Text, wc.Base, err)
			}
			again.openArticle(second.ID)
			if again.arrival.shown() {
				t.Error("the notice stayed up over another article")
			}
		})
	}
}

func TestReopeningShowsANewerRevisionOverAWorkingCopyWithoutEdits(t *testing.T) {
	ctx := context.Background()
	ws, store, art := newTestWorkspace(t)
	typeEdit(ws, "x")
	ws.edit.ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) // taken back: saved, but no edit
	if err := ws.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	if wc, err := store.WorkingCopy(ctx, art.ID); err != nil || wc.Text != sampleText {
		t.Fatalf("working copy = %q, %v; want r1's text", wc.Text, err)
	}
	ws.closeNow()
	revise(t, openOutside(t, store), art.ID, writerText)

	again := newWorkspaceOn(ws.app, store)
	if again.Text() != writerText {
		t.Errorf("reopened text = %q, want the writer's r2", again.Text())
	}
	if got := again.edit.saveState.Text; got != "r2" {
		t.Errorf("save state = %q, want r2", got)
	}
	if _, err := store.WorkingCopy(ctx, art.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("working copy without edits: %v, want it discarded", err)
	}
}
