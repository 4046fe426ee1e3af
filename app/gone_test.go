package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"copydesk/storage"
)

// TestDeskFileGoneWhileOpen moves the desk's file away under an open
// workspace: the typing is not reported saved, the editor keeps it, the
// editor is offered a new file for the desk, and that file holds the
// desk and the unsaved text.
func TestDeskFileGoneWhileOpen(t *testing.T) {
	ws, store, art := newTestWorkspace(t)
	if err := os.Rename(store.Path(), store.Path()+".moved"); err != nil {
		t.Fatal(err)
	}
	typeEdit(ws, "Rescue me. ")
	if err := ws.FlushAutosave(); err == nil {
		t.Fatal("autosave reported success into a file that is gone")
	}
	if got := ws.edit.saveState.Text; !strings.HasPrefix(got, "Not saved") {
		t.Errorf("save state = %q", got)
	}
	if !strings.HasPrefix(ws.Text(), "Rescue me. ") {
		t.Fatal("the typing left the editor")
	}
	field := focusedEntry(t, ws)
	rescued := filepath.Join(t.TempDir(), "rescued.db")
	field.SetText(rescued)
	press(ws, fyne.KeyReturn)
	db, err := storage.Open(context.Background(), rescued)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	wc, err := db.WorkingCopy(context.Background(), art.ID)
	if err != nil || !strings.HasPrefix(wc.Text, "Rescue me. ") {
		t.Errorf("the saved desk's working copy: %q, %v", wc.Text, err)
	}
}
