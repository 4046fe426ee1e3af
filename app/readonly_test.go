package app

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/storage"
)

// TestReadOnlyDeskShowsBannerAndTakesNoEdits opens the workspace on a desk
// opened read-only. It asks for read-only with storage.WithReadOnly
// rather than chmod, which root writes through; storage's tests cover
// read-only storage itself.
func TestReadOnlyDeskShowsBannerAndTakesNoEdits(t *testing.T) {
	ctx := context.Background()
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "archive.db")
	writable, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	art, _, err := writable.CreateArticle(ctx, editor.Article{Title: "Council Backs Budget"}, sampleText, "r1", "writer")
	if err != nil {
		t.Fatal(err)
	}
	writable.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	store, err := storage.Open(ctx, path, storage.WithReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	ws := newWorkspaceOn(a, store)

	if ws.ArticleID() != art.ID || ws.Text() != sampleText {
		t.Fatalf("open article %d with %q, want %d with its text", ws.ArticleID(), ws.Text(), art.ID)
	}
	if !ws.edit.banner.Visible() || ws.edit.banner.Text != readOnlyBanner {
		t.Errorf("banner visible %v, text %q; want %q shown", ws.edit.banner.Visible(), ws.edit.banner.Text, readOnlyBanner)
	}
	test.Type(ws.Editor(), "Late update. ")
	if ws.Text() != sampleText {
		t.Errorf("typing changed the text to %q", ws.Text())
	}
	if ws.autosave.Dirty() {
		t.Error("typing marked the text unsaved")
	}
	if err := ws.FlushAutosave(); err != nil {
		t.Errorf("FlushAutosave: %v", err)
	}
	if len(ws.dialogs) != 0 {
		t.Errorf("%d dialogs open after opening and typing, want none", len(ws.dialogs))
	}

	// An action that writes is refused with the store's message.
	if err := ws.TrashArticle(art.ID); !errors.Is(err, storage.ErrReadOnly) {
		t.Errorf("TrashArticle: err = %v, want ErrReadOnly", err)
	}
	// CommitWorkingCopy fails with ErrReadOnly, which is neither "no
	// changes" nor a conflict, so it is shown as an error.
	ws.saveRevision("desk read")
	if len(ws.dialogs) != 1 {
		t.Errorf("saving a revision opened %d dialogs, want the one error", len(ws.dialogs))
	}

	ws.closeNow()
	store.Close()
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the database file changed")
	}
}
