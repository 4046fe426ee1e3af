package app

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/storage"
)

const sampleText = "Council Backs Budget\n“We balanced it,” Mayor Ana Ruiz said.\nThe vote was 7-2."

// newTestWorkspace opens a real database in a temp folder with one article
// and builds the workspace on it with autosave timers that never fire on
// their own, so tests flush explicitly, and no background watch of the
// database, so tests poll it explicitly.
func newTestWorkspace(t *testing.T) (*Workspace, *storage.DB, editor.Article) {
	t.Helper()
	a := test.NewTempApp(t)
	store, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	art, _, err := store.CreateArticle(context.Background(), editor.Article{Title: "Council Backs Budget"}, sampleText, "r1", "writer")
	if err != nil {
		t.Fatal(err)
	}
	ws := newWorkspaceOn(a, store)
	return ws, store, art
}

func newWorkspaceOn(a fyne.App, store *storage.DB) *Workspace {
	return newWorkspace(a, store, Options{
		Author:          "desk",
		AutosaveQuiet:   time.Hour,
		AutosaveMaxWait: time.Hour,
		WatchEvery:      -1, // tests look for outside changes themselves
		HeartbeatEvery:  -1, // and read who is editing themselves
	}, func(run func()) { run() })
}

func TestWorkspaceOpensLatestArticle(t *testing.T) {
	ws, _, art := newTestWorkspace(t)
	if got, want := ws.Window().Title(), "Copydesk — Council Backs Budget"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if ws.ArticleID() != art.ID {
		t.Errorf("open article = %d, want %d", ws.ArticleID(), art.ID)
	}
	if ws.Text() != sampleText {
		t.Errorf("editor text = %q, want the revision text", ws.Text())
	}
	if got := ws.edit.counts.Text; !strings.HasPrefix(got, "14 words") {
		t.Errorf("status = %q, want a count of 14 words", got)
	}
	if n := len(ws.library.items); n != 1 {
		t.Errorf("library lists %d articles, want 1", n)
	}
	if ws.Window().Canvas().Focused() != ws.edit.ed {
		t.Error("the editor does not have the focus after opening")
	}
}

func TestTypingIsAutosavedAndSavedAsRevision(t *testing.T) {
	ws, store, art := newTestWorkspace(t)
	ctx := context.Background()
	ws.edit.ed.moveCaret(editor.Pos{Para: 2}, false)
	test.Type(ws.Editor(), "Late update. ")
	if !ws.autosave.Dirty() {
		t.Fatal("typing did not mark the text unsaved")
	}
	if err := ws.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	wc, err := store.WorkingCopy(ctx, art.ID)
	if err != nil {
		t.Fatalf("working copy: %v", err)
	}
	want := strings.Replace(sampleText, "The vote", "Late update. The vote", 1)
	if wc.Text != want || wc.Base != 1 {
		t.Errorf("working copy = %q (base r%d), want %q (base r1)", wc.Text, wc.Base, want)
	}
	if !strings.HasPrefix(ws.edit.saveState.Text, "Autosaved") {
		t.Errorf("save state = %q, want Autosaved…", ws.edit.saveState.Text)
	}

	ws.saveRevision("desk read")
	revs, err := store.Revisions(ctx, art.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 2 || revs[1].Text != want || revs[1].Label != "desk read" || revs[1].Author != "desk" {
		t.Fatalf("revisions after save = %+v", revs)
	}
	if _, err := store.WorkingCopy(ctx, art.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("working copy after save: %v, want ErrNotFound", err)
	}
	if got := len(ws.revisions.revisions); got != 2 || ws.revisions.revisions[0].Number != 2 {
		t.Errorf("revisions panel shows %d, newest first expected", got)
	}
	ws.saveRevision("again")
	if got := ws.edit.saveState.Text; got != "No changes since r2" {
		t.Errorf("second save state = %q, want No changes since r2", got)
	}
}

func TestReopeningRestoresWorkingCopyAndLastArticle(t *testing.T) {
	ws, store, art := newTestWorkspace(t)
	second, _, err := store.CreateArticle(context.Background(), editor.Article{Title: "Second"}, "Second\nGraf.", "r1", "w")
	if err != nil {
		t.Fatal(err)
	}
	ws.library.reload()
	ws.openArticle(art.ID)
	test.Type(ws.Editor(), "Edited: ")
	ws.openArticle(second.ID) // switching flushes the first article's typing
	ws.openArticle(art.ID)
	if !strings.HasPrefix(ws.Text(), "Edited: Council") {
		t.Fatalf("reopened text = %q, want the autosaved edit", ws.Text())
	}
	if !strings.Contains(ws.edit.saveState.Text, "Unsaved edits since r1") {
		t.Errorf("save state = %q, want a notice of unsaved edits", ws.edit.saveState.Text)
	}
	ws.closeNow()

	again := newWorkspaceOn(ws.app, store)
	if again.ArticleID() != art.ID || !strings.HasPrefix(again.Text(), "Edited: ") {
		t.Errorf("new window opened article %d with %q, want the last article with its edit", again.ArticleID(), again.Text())
	}
}

func TestLibrarySearch(t *testing.T) {
	ws, store, _ := newTestWorkspace(t)
	if _, _, err := store.CreateArticle(context.Background(), editor.Article{Title: "Harbor dredging"}, "Harbor dredging\nThe channel is silted.", "r1", "w"); err != nil {
		t.Fatal(err)
	}
	test.Type(ws.library.search, "channel")
	if len(ws.library.items) != 1 || ws.library.items[0].Title != "Harbor dredging" {
		t.Errorf("search for text found %+v, want the harbor article", ws.library.items)
	}
	ws.library.search.SetText("")
	if len(ws.library.items) != 2 {
		t.Errorf("cleared search lists %d, want 2", len(ws.library.items))
	}
}

func TestImportAndExportFiles(t *testing.T) {
	ws, _, _ := newTestWorkspace(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "draft.md")
	if err := writeTestFile(in, "# Storm Hits Coast\n\nWinds reached\n90 mph, officials said.\n"); err != nil {
		t.Fatal(err)
	}
	if err := ws.ImportFile(in); err != nil {
		t.Fatal(err)
	}
	if ws.Text() != "Storm Hits Coast\nWinds reached 90 mph, officials said." {
		t.Errorf("imported text = %q", ws.Text())
	}
	if len(ws.library.items) != 2 {
		t.Errorf("library lists %d after import, want 2", len(ws.library.items))
	}
	out := filepath.Join(dir, "out.txt")
	if err := ws.ExportFile(out); err != nil {
		t.Fatal(err)
	}
	if got := readTestFile(t, out); got != ws.Text() {
		t.Errorf("exported %q, want the editor text", got)
	}
	if err := ws.ImportFile(filepath.Join(dir, "missing.txt")); err == nil {
		t.Error("importing a missing file succeeded")
	}
}
