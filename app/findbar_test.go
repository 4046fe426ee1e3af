package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestFindAndReplace(t *testing.T) {
	ws, _, _ := newTestWorkspace(t)
	ws.edit.load("Hed\nHe said no. She said yes.\nThey SAID maybe.")
	f := ws.edit.find
	ws.showFind(false)
	if !f.content.Visible() || ws.Window().Canvas().Focused() != f.find {
		t.Fatal("Ctrl+F did not open the bar with the focus in the find field")
	}
	test.Type(f.find, "said")
	if len(f.matches) != 3 || f.count.Text != "1 of 3" || ws.edit.ed.SelectedText() != "said" {
		t.Fatalf("matches %v, count %q, selected %q", f.matches, f.count.Text, ws.edit.ed.SelectedText())
	}
	if len(ws.edit.ed.marks) != 3 {
		t.Errorf("%d matches marked in the text, want 3", len(ws.edit.ed.marks))
	}
	f.find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.count.Text != "3 of 3" || ws.edit.ed.SelectedText() != "SAID" {
		t.Errorf("after two Enters: %q selected %q", f.count.Text, ws.edit.ed.SelectedText())
	}
	f.matchCase.SetChecked(true)
	if len(f.matches) != 2 {
		t.Errorf("match case finds %d, want 2", len(f.matches))
	}
	f.matchCase.SetChecked(false)
	test.Type(f.replace, "told")
	// Toggling search again selects the first match at or after the selection.
	f.ReplaceCurrent()
	if got := ws.Text(); got != "Hed\nHe told no. She said yes.\nThey SAID maybe." {
		t.Fatalf("replace one: %q", got)
	}
	f.ReplaceAll()
	if got := ws.Text(); got != "Hed\nHe told no. She told yes.\nThey told maybe." {
		t.Fatalf("replace all: %q", got)
	}
	ws.edit.ed.TypedShortcut(&fyne.ShortcutUndo{})
	if got := ws.Text(); got != "Hed\nHe told no. She said yes.\nThey SAID maybe." {
		t.Errorf("one undo after Replace All: %q", got)
	}
	f.find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.content.Visible() || len(ws.edit.ed.marks) != 0 || ws.Window().Canvas().Focused() != ws.edit.ed {
		t.Error("Escape did not close the bar, clear the marks and return to the text")
	}
}
