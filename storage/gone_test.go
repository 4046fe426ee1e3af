package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"copydesk/editor"
)

// TestWritesStopWhenTheDeskFileIsGone moves the desk's file away while it
// is open: writes are refused with ErrDeskGone rather than made to a file
// no one can open again, and SaveCopy still writes everything the open
// desk holds to a new file.
func TestWritesStopWhenTheDeskFileIsGone(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "desk.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a, _, err := db.CreateArticle(ctx, editor.Article{Title: "Hed"}, "Hed\nBody.", "r1", "w")
	if err != nil {
		t.Fatal(err)
	}
	// An autosave before the file goes: the copy must take the unsaved
	// text over it.
	if err := db.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: 1, Text: "Hed\nBody, autosaved."}); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path, filepath.Join(dir, "moved.db")); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: 1, Text: "Hed\nBody, edited."}); !errors.Is(err, ErrDeskGone) {
		t.Fatalf("a write after the file moved: %v, want ErrDeskGone", err)
	}
	// A new file at the path is not the desk either.
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddRevision(ctx, a.ID, "Hed\nr2.", "", "w"); !errors.Is(err, ErrDeskGone) {
		t.Fatalf("a write after the file was replaced: %v, want ErrDeskGone", err)
	}
	copyPath := filepath.Join(dir, "rescued.db")
	unsaved := editor.WorkingCopy{ArticleID: a.ID, Base: 1, Text: "Hed\nBody, edited."}
	if err := db.SaveCopy(ctx, copyPath, unsaved); err != nil {
		t.Fatal(err)
	}
	rescued, err := Open(ctx, copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer rescued.Close()
	if revs, err := rescued.Revisions(ctx, a.ID); err != nil || len(revs) != 1 || revs[0].Text != "Hed\nBody." {
		t.Errorf("the saved copy holds %+v, %v", revs, err)
	}
	if wc, err := rescued.WorkingCopy(ctx, a.ID); err != nil || wc.Text != unsaved.Text {
		t.Errorf("the saved copy's working copy = %q, %v; want the unsaved text", wc.Text, err)
	}
	if err := db.SaveCopy(ctx, copyPath); err == nil {
		t.Error("SaveCopy replaced an existing file")
	}
}
