package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/editor/convert"
)

// focusedEntry returns the dialog field that has the focus, failing the
// test when none has.
func focusedEntry(t *testing.T, ws *Workspace) *dialogEntry {
	t.Helper()
	e, ok := ws.Window().Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatalf("focus is on %T, want a dialog field", ws.Window().Canvas().Focused())
	}
	return e
}

// press sends a key to the window as the driver does when no field has the
// focus.
func press(ws *Workspace, k fyne.KeyName) {
	if f := ws.Window().Canvas().Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: k})
		return
	}
	ws.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k})
}

func TestFindBarTakesTheTyping(t *testing.T) {
	ws, _, _ := newTestWorkspace(t)
	before := ws.Text()
	f := ws.edit.find
	f.find.SetText("old words")
	ws.showFind(false)
	test.Type(ws.Window().Canvas().Focused(), "Board")
	if f.find.Text != "Board" {
		t.Errorf("find field = %q, want the typing to replace its selected text", f.find.Text)
	}
	if ws.Text() != before {
		t.Error("typing after Ctrl+F changed the article")
	}
	ws.showFind(true)
	test.Type(ws.Window().Canvas().Focused(), "Council")
	if f.replace.Text != "Council" || ws.Text() != before {
		t.Errorf("replace field = %q; article changed: %v", f.replace.Text, ws.Text() != before)
	}
	press(ws, fyne.KeyEscape)
	if f.content.Visible() || ws.Window().Canvas().Focused() != ws.edit.ed {
		t.Error("Escape did not close the bar and return to the text")
	}
}

func TestSaveRevisionDialogFromTheKeyboard(t *testing.T) {
	ws, store, art := newTestWorkspace(t)
	ctx := context.Background()
	ws.edit.ed.moveCaret(editor.Pos{Para: 1}, false)
	test.Type(ws.Editor(), "New lede. ")
	text := ws.Text()

	ws.onSaveRevision()
	test.Type(focusedEntry(t, ws), "desk read")
	if ws.Text() != text {
		t.Fatal("typing in the Save Revision dialog changed the article")
	}
	press(ws, fyne.KeyReturn)
	revs, err := store.Revisions(ctx, art.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 2 || revs[1].Label != "desk read" || len(ws.dialogs) != 0 {
		t.Fatalf("after Enter: %d revisions (last %q), %d dialogs open", len(revs), revs[len(revs)-1].Label, len(ws.dialogs))
	}

	test.Type(ws.Editor(), "More. ")
	ws.onSaveRevision()
	test.Type(focusedEntry(t, ws), "never")
	press(ws, fyne.KeyEscape)
	revs, _ = store.Revisions(ctx, art.ID)
	if len(revs) != 2 || len(ws.dialogs) != 0 {
		t.Errorf("Escape saved a revision or left the dialog open: %d revisions, %d dialogs", len(revs), len(ws.dialogs))
	}
}

func TestPasteSourceDialogFieldsWrapAndCtrlEnterConfirms(t *testing.T) {
	ws, store, art := newTestWorkspace(t)
	ws.app.Clipboard().SetContent("")
	ws.onPasteSource()
	title := focusedEntry(t, ws)
	test.Type(title, "Interview notes")
	var text *dialogEntry
	for i := 0; i < 4 && text == nil; i++ {
		ws.Window().Canvas().FocusNext() // Tab
		if e, ok := ws.Window().Canvas().Focused().(*dialogEntry); ok && e.MultiLine {
			text = e
		}
	}
	if text == nil {
		t.Fatal("Tab never reached the text box")
	}
	if text.AcceptsTab() || text.Wrapping != fyne.TextWrapWord {
		t.Errorf("text box takes Tab: %v, wraps: %v", text.AcceptsTab(), text.Wrapping == fyne.TextWrapWord)
	}
	test.Type(text, "The mayor said the vote is close.")
	text.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	srcs, err := store.Sources(context.Background(), art.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 1 || srcs[0].Title != "Interview notes" || !strings.Contains(srcs[0].Text, "vote is close") {
		t.Errorf("sources after Ctrl+Enter: %+v", srcs)
	}
}

func TestConfirmAndInformationDialogsAnswerEnterAndEscape(t *testing.T) {
	ws, _, art := newTestWorkspace(t)
	ws.showShortcuts()
	if len(ws.dialogs) != 1 {
		t.Fatal("the shortcuts sheet is not a keyboard dialog")
	}
	press(ws, fyne.KeyEscape)
	if len(ws.dialogs) != 0 {
		t.Error("Escape did not close the shortcuts sheet")
	}
	ws.onTrashArticle(art.ID)
	press(ws, fyne.KeyEscape)
	if ws.library.lastTrashed != 0 || ws.ArticleID() != art.ID {
		t.Fatal("Escape on Move to Trash trashed the article")
	}
	ws.onTrashArticle(art.ID)
	press(ws, fyne.KeyReturn)
	if ws.library.lastTrashed != art.ID {
		t.Error("Enter on Move to Trash did not trash the article")
	}
}

func TestShortcutSheetAgreesWithTheMenus(t *testing.T) {
	ws, _, _ := newTestWorkspace(t)
	sheet := ws.shortcutSheet()
	n := 0
	for _, m := range ws.mainMenu().Items {
		for _, it := range m.Items {
			ks, ok := it.Shortcut.(fyne.KeyboardShortcut)
			if !ok {
				continue
			}
			n++
			if line := shortcutLabel(ks) + "  " + strings.TrimSuffix(it.Label, "…"); !strings.Contains(sheet, line) {
				t.Errorf("the sheet lacks %q", line)
			}
		}
	}
	if n < 10 || !strings.Contains(sheet, "Ctrl+Y  Redo") {
		t.Errorf("%d menu shortcuts; sheet:\n%s", n, sheet)
	}
}

func TestTypedPathImportsAndExports(t *testing.T) {
	ws, store, art := newTestWorkspace(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "storm-notes.txt")
	if err := writeTestFile(in, "Winds reached 90 mph, officials said.\n"); err != nil {
		t.Fatal(err)
	}
	// Attach Source takes its file the way Import does (the import itself
	// runs in the background, so the synchronous attach is what is driven
	// here).
	ws.onAttachSourceFile()
	field := focusedEntry(t, ws)
	field.SetText(filepath.Join(dir, "storm"))
	field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if field.Text != in {
		t.Fatalf("Tab completed to %q, want %q", field.Text, in)
	}
	press(ws, fyne.KeyReturn)
	srcs, err := store.Sources(context.Background(), art.ID)
	if err != nil || len(srcs) != 1 || !strings.Contains(srcs[0].Text, "90 mph") {
		t.Fatalf("sources after Enter: %+v, %v", srcs, err)
	}

	out := filepath.Join(dir, "storm.txt")
	ws.onExport()
	var dest *dialogEntry
	for i := 0; i < 6 && dest == nil; i++ {
		ws.Window().Canvas().FocusNext()
		if e, ok := ws.Window().Canvas().Focused().(*dialogEntry); ok {
			dest = e
		}
	}
	if dest == nil {
		t.Fatal("Tab never reached the Save to field")
	}
	if filepath.Base(dest.Text) != "council-backs-budget.txt" {
		t.Errorf("Save to offers %q, want a text file named for the article", dest.Text)
	}
	dest.SetText(out)
	press(ws, fyne.KeyReturn)
	if got := readTestFile(t, out); got != ws.Text() {
		t.Fatalf("export by typed path wrote %q", got)
	}
	// A file that exists is replaced only when the editor says so.
	if err := writeTestFile(out, "keep me"); err != nil {
		t.Fatal(err)
	}
	ws.saveExport(out, exportChoice{format: convert.FormatText}, 0, 0)
	press(ws, fyne.KeyEscape)
	if got := readTestFile(t, out); got != "keep me" {
		t.Errorf("Escape on Replace File still wrote: %q", got)
	}
	ws.saveExport(out, exportChoice{format: convert.FormatText}, 0, 0)
	press(ws, fyne.KeyReturn)
	if got := readTestFile(t, out); got != ws.Text() {
		t.Errorf("Enter on Replace File wrote %q", got)
	}
}

func TestCompletePath(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"notes-may.txt", "notes-june.txt", "wire.txt"} {
		if err := writeTestFile(filepath.Join(dir, name), "x"); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "drafts"), 0o755); err != nil {
		t.Fatal(err)
	}
	for typed, want := range map[string]string{
		filepath.Join(dir, "w"):      filepath.Join(dir, "wire.txt"),
		filepath.Join(dir, "no"):     filepath.Join(dir, "notes-"),
		filepath.Join(dir, "dr"):     filepath.Join(dir, "drafts") + string(filepath.Separator),
		filepath.Join(dir, "zzz"):    filepath.Join(dir, "zzz"),
		filepath.Join(dir, "nope/x"): filepath.Join(dir, "nope/x"),
	} {
		if got, _ := completePath(typed); got != want {
			t.Errorf("completePath(%q) = %q, want %q", typed, got, want)
		}
	}
}

func TestStatusTextNeverWidensTheWindow(t *testing.T) {
	ws, _, _ := newTestWorkspace(t)
	before := ws.edit.content.MinSize().Width
	ws.edit.setSaveState("Exported " + strings.Repeat("/a/very/long/folder", 40) + "/story.docx")
	if after := ws.edit.content.MinSize().Width; after > before {
		t.Errorf("a long status message widened the pane from %.0f to %.0f", before, after)
	}
	if ws.edit.saveState.Truncation != fyne.TextTruncateEllipsis {
		t.Error("long status text is not cut with an ellipsis")
	}
}

func TestClampSize(t *testing.T) {
	screen := fyne.NewSize(1024, 700)
	if got := clampSize(fyne.NewSize(1447, 900), screen); got.Width > 1024 || got.Height > 700 {
		t.Errorf("clampSize = %v, larger than the screen", got)
	}
	if got := clampSize(fyne.NewSize(800, 600), screen); got != fyne.NewSize(800, 600) {
		t.Errorf("a size that fits was changed to %v", got)
	}
}

func TestNoteAndReplyDialogsFromTheKeyboard(t *testing.T) {
	ws, store, _ := newTestWorkspace(t)
	text := ws.Text()
	ws.edit.ed.Select(editor.Span{Start: 0, End: 7})
	ws.onNewNote()
	msg := focusedEntry(t, ws)
	if !msg.MultiLine || msg.AcceptsTab() || msg.Wrapping != fyne.TextWrapWord {
		t.Fatalf("note box: multi-line %v, takes Tab %v, wraps %v", msg.MultiLine, msg.AcceptsTab(), msg.Wrapping == fyne.TextWrapWord)
	}
	test.Type(msg, "Check the title with the desk.")
	msg.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	if len(ws.storedNotes) != 1 || ws.storedNotes[0].Message != "Check the title with the desk." || len(ws.dialogs) != 0 {
		t.Fatalf("after Ctrl+Enter: notes %+v, %d dialogs open", ws.storedNotes, len(ws.dialogs))
	}
	ws.showReplies(ws.storedNotes[0])
	reply := focusedEntry(t, ws)
	test.Type(reply, "Done, it matches the release.")
	reply.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	replies, err := store.Replies(context.Background(), ws.storedNotes[0].ID)
	if err != nil || len(replies) != 1 || replies[0].Text != "Done, it matches the release." {
		t.Fatalf("replies after Ctrl+Enter: %+v, %v", replies, err)
	}
	ws.showReplies(ws.storedNotes[0])
	test.Type(focusedEntry(t, ws), "never sent")
	press(ws, fyne.KeyEscape)
	if replies, _ := store.Replies(context.Background(), ws.storedNotes[0].ID); len(replies) != 1 || len(ws.dialogs) != 0 {
		t.Errorf("Escape sent a reply or left the thread open: %d replies, %d dialogs", len(replies), len(ws.dialogs))
	}
	if ws.Text() != text {
		t.Error("typing in the note dialogs changed the article")
	}
}

func TestPreferencesDialogFromTheKeyboard(t *testing.T) {
	ws, _, _ := newTestWorkspace(t)
	ws.showPreferences()
	name := focusedEntry(t, ws)
	test.Type(name, "Maya Lin") // the old name is selected, so typing replaces it
	press(ws, fyne.KeyReturn)
	if ws.opts.Author != "Maya Lin" || len(ws.dialogs) != 0 {
		t.Errorf("after Enter the user name is %q, %d dialogs open", ws.opts.Author, len(ws.dialogs))
	}
}

func TestStatusCountsFindingsAndNotesApart(t *testing.T) {
	ws, _, _ := newTestWorkspace(t)
	ws.edit.setFindingCount([]editor.Finding{{Severity: editor.Warning}, {Severity: editor.Info}, {Severity: editor.Info}}, 1)
	if got := ws.edit.findings.Text; got != "1 warning · 2 info · 1 open note" {
		t.Errorf("status = %q", got)
	}
}
