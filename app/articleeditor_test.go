package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
)

// newTestEditor shows an editor with text in a 600×400 window.
func newTestEditor(t testing.TB, text string) (*articleEditor, fyne.Window) {
	t.Helper()
	ed := newArticleEditor()
	ed.SetText(text)
	var w fyne.Window
	if tb, ok := t.(*testing.T); ok {
		w = test.NewTempWindow(tb, ed)
	} else {
		w = test.NewWindow(ed)
	}
	w.Resize(fyne.NewSize(600, 400))
	w.Canvas().Focus(ed)
	return ed, w
}

func key(ed *articleEditor, names ...fyne.KeyName) {
	for _, n := range names {
		ed.TypedKey(&fyne.KeyEvent{Name: n})
	}
}

func shortcut(ed *articleEditor, k fyne.KeyName, mod fyne.KeyModifier) {
	ed.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: mod})
}

func TestEditorTypingAndParagraphs(t *testing.T) {
	ed, _ := newTestEditor(t, "Hed\nOne two")
	var changes []string
	ed.onChanged = func(text string) { changes = append(changes, text) }
	ed.moveCaret(editor.Pos{Para: 1, Off: 3}, false)
	key(ed, fyne.KeyReturn) // split "One| two"
	if got := ed.Text(); got != "Hed\nOne\n two" {
		t.Fatalf("after Enter: %q", got)
	}
	key(ed, fyne.KeyBackspace) // join again
	test.Type(ed, ",")
	if got := ed.Text(); got != "Hed\nOne, two" {
		t.Fatalf("after Backspace and typing: %q", got)
	}
	key(ed, fyne.KeyEnd, fyne.KeyDelete) // Delete at the end of the text does nothing
	if got := ed.Text(); got != "Hed\nOne, two" {
		t.Errorf("Delete at the end changed the text: %q", got)
	}
	if len(changes) != 3 || changes[2] != "Hed\nOne, two" {
		t.Errorf("onChanged calls = %q", changes)
	}
	if ed.view.Length() != 2 {
		t.Errorf("view shows %d paragraphs, want 2", ed.view.Length())
	}
}

func TestEditorSelectionAcrossParagraphsAndClipboard(t *testing.T) {
	ed, _ := newTestEditor(t, "Hed\nFirst graf.\nSecond graf.")
	ed.moveCaret(editor.Pos{Para: 1, Off: 6}, false)
	ed.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(ed, fyne.KeyDown, fyne.KeyHome, fyne.KeyRight)
	ed.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if got := ed.SelectedText(); got != "graf.\nS" {
		t.Fatalf("Shift+Down, Shift+Home, Shift+Right selected %q", got)
	}
	ed.TypedShortcut(&fyne.ShortcutCut{})
	if got := ed.Text(); got != "Hed\nFirst econd graf." {
		t.Fatalf("after cut: %q", got)
	}
	if got := fyne.CurrentApp().Clipboard().Content(); got != "graf.\nS" {
		t.Errorf("clipboard = %q", got)
	}
	ed.TypedShortcut(&fyne.ShortcutPaste{})
	if got := ed.Text(); got != "Hed\nFirst graf.\nSecond graf." {
		t.Errorf("after paste: %q", got)
	}
	ed.TypedShortcut(&fyne.ShortcutSelectAll{})
	if got := ed.SelectedText(); got != ed.Text() {
		t.Errorf("select all selected %q", got)
	}
	test.Type(ed, "X")
	if got := ed.Text(); got != "X" {
		t.Errorf("typing over a full selection left %q", got)
	}
}

func TestEditorUndoRedoAcrossTheDocument(t *testing.T) {
	ed, _ := newTestEditor(t, "Hed\nGraf one.\nGraf two.")
	ed.moveCaret(editor.Pos{Para: 2, Off: 0}, false)
	test.Type(ed, "New ")
	ed.moveCaret(editor.Pos{Para: 1, Off: 4}, false)
	key(ed, fyne.KeyReturn)
	ed.TypedShortcut(&fyne.ShortcutUndo{})
	ed.TypedShortcut(&fyne.ShortcutUndo{})
	if got := ed.Text(); got != "Hed\nGraf one.\nGraf two." {
		t.Fatalf("two undos: %q", got)
	}
	shortcut(ed, fyne.KeyZ, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift)
	ed.TypedShortcut(&fyne.ShortcutRedo{})
	if got := ed.Text(); got != "Hed\nGraf\n one.\nNew Graf two." {
		t.Errorf("redo all: %q", got)
	}
}

func TestEditorMovement(t *testing.T) {
	ed, _ := newTestEditor(t, "Hed\nIt’s a test, isn’t it?")
	ed.moveCaret(editor.Pos{Para: 1}, false)
	shortcut(ed, fyne.KeyRight, fyne.KeyModifierShortcutDefault)
	if got := ed.caret.Off; got != len("It’s") {
		t.Errorf("word right stopped at %d, want after It’s", got)
	}
	shortcut(ed, fyne.KeyRight, fyne.KeyModifierShortcutDefault)
	shortcut(ed, fyne.KeyLeft, fyne.KeyModifierShortcutDefault)
	if got := ed.caret.Off; got != len("It’s ") {
		t.Errorf("word left stopped at %d, want at a", got)
	}
	key(ed, fyne.KeyUp)
	if ed.caret.Para != 0 {
		t.Errorf("Up went to paragraph %d", ed.caret.Para)
	}
	shortcut(ed, fyne.KeyEnd, fyne.KeyModifierShortcutDefault)
	if ed.caret != (editor.Pos{Para: 1, Off: len("It’s a test, isn’t it?")}) {
		t.Errorf("Ctrl+End went to %v", ed.caret)
	}
	key(ed, fyne.KeyLeft)
	if ed.caret.Off != len("It’s a test, isn’t it") {
		t.Errorf("Left over a multi-byte rune went to %d", ed.caret.Off)
	}
}

func TestEditorUpDownKeepsColumnOverWrappedLines(t *testing.T) {
	long := strings.Repeat("word ", 60)
	ed, _ := newTestEditor(t, "Hed\n"+long+"\nend")
	lay := ed.layoutOf(1)
	if len(lay.Lines) < 3 {
		t.Fatalf("paragraph laid out on %d lines, want several", len(lay.Lines))
	}
	ed.moveCaret(editor.Pos{Para: 1, Off: 7}, false)
	key(ed, fyne.KeyDown)
	if got := ed.caret; got.Para != 1 || got.Off != lay.Lines[1].Start+7 {
		t.Errorf("Down went to %v, want the same column on the next display line (offset %d)", got, lay.Lines[1].Start+7)
	}
	key(ed, fyne.KeyUp)
	if ed.caret != (editor.Pos{Para: 1, Off: 7}) {
		t.Errorf("Up came back to %v", ed.caret)
	}
}

func TestEditorTapPlacesCaretAndDoubleTapSelectsWord(t *testing.T) {
	ed, w := newTestEditor(t, "Hed\nAlpha beta gamma")
	var row *editorRow
	for _, o := range test.LaidOutObjects(ed) {
		if r, ok := o.(*editorRow); ok && r.para == 1 {
			row = r
		}
	}
	if row == nil {
		t.Fatal("no row for paragraph 1")
	}
	m := ed.view.m
	x := paragraphInset + m.width("Alpha be", false, false)
	test.TapAt(row, fyne.NewPos(x, 5))
	if ed.caret != (editor.Pos{Para: 1, Off: len("Alpha be")}) {
		t.Errorf("tap put the caret at %v", ed.caret)
	}
	if w.Canvas().Focused() != ed {
		t.Error("tap did not focus the editor")
	}
	row.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(x, 5)})
	if got := ed.SelectedText(); got != "beta" {
		t.Errorf("double tap selected %q", got)
	}
}

func TestEditorHighlightsFollowEdits(t *testing.T) {
	ed, _ := newTestEditor(t, "Hed\n“Fine,” he remarked.")
	at := strings.Index(ed.Text(), "remarked")
	v := ed.Version()
	ed.SetHighlights([]highlight{{Span: editor.Span{Start: at, End: at + len("remarked")}, Severity: editor.Info, Message: "loaded verb"}})
	ed.moveCaret(editor.Pos{Para: 1}, false)
	test.Type(ed, "Later: ")
	h, ok := ed.HighlightAt(at + len("Later: "))
	if !ok || ed.Text()[h.Span.Start:h.Span.End] != "remarked" {
		t.Fatalf("highlight did not move with the text: %+v %v", h, ok)
	}
	if s, ok := ed.MapSpan(v, editor.Span{Start: at, End: at + 8}); !ok || ed.Text()[s.Start:s.End] != "remarked" {
		t.Errorf("MapSpan = %v %v", s, ok)
	}
	// Typing inside the highlighted word stretches it.
	ed.moveCaret(editor.Pos{Para: 1, Off: strings.Index(ed.Buffer().Paragraph(1), "remarked") + 2}, false)
	test.Type(ed, "x")
	if h, ok := ed.HighlightAt(strings.Index(ed.Text(), "rexmarked")); !ok || ed.Text()[h.Span.Start:h.Span.End] != "rexmarked" {
		t.Errorf("typing inside the word: highlight %+v %v", h, ok)
	}
	// Deleting across its start drops it.
	p := strings.Index(ed.Buffer().Paragraph(1), " rexmarked")
	ed.moveCaret(editor.Pos{Para: 1, Off: p}, false)
	ed.moveCaret(editor.Pos{Para: 1, Off: p + 3}, true)
	key(ed, fyne.KeyDelete)
	if len(ed.highlights) != 0 {
		t.Errorf("a highlight survived losing its first letters: %+v", ed.highlights)
	}
	content, spans := ed.paragraphContent(1)
	for _, s := range spans {
		if s.End > len(content) || s.Start < 0 {
			t.Errorf("span %+v outside paragraph of %d bytes", s, len(content))
		}
	}
}

func TestEditorReadOnlyIgnoresEdits(t *testing.T) {
	ed, _ := newTestEditor(t, "Hed\nText")
	ed.readOnly = true
	test.Type(ed, "x")
	key(ed, fyne.KeyBackspace, fyne.KeyReturn)
	ed.TypedShortcut(&fyne.ShortcutPaste{})
	if ed.Text() != "Hed\nText" {
		t.Errorf("read-only editor changed: %q", ed.Text())
	}
}

func TestEditorRowsTakeTheHeightOfTheirWrappedText(t *testing.T) {
	long := strings.Repeat("The council argued about every clause of the budget. ", 12)
	ed, _ := newTestEditor(t, "Hed\n"+long+"\nShort.")
	checked := 0
	for _, o := range test.LaidOutObjects(ed) {
		r, ok := o.(*editorRow)
		if !ok || r.para < 0 || !r.Visible() {
			continue
		}
		want := ed.layoutOf(r.para).Height()
		if got := r.Size().Height; got != want {
			t.Errorf("row %d is %v high, want %v (%d lines)", r.para, got, want, len(ed.layoutOf(r.para).Lines))
		}
		checked++
	}
	if checked != 3 {
		t.Errorf("checked %d rows, want 3", checked)
	}
	if len(ed.layoutOf(1).Lines) < 3 {
		t.Error("the long paragraph does not wrap in the test window")
	}
	// Splitting a paragraph changes the row count and heights.
	ed.moveCaret(editor.Pos{Para: 1, Off: len(long) / 2}, false)
	key(ed, fyne.KeyReturn)
	if n := ed.view.Length(); n != 4 {
		t.Errorf("after Enter the view has %d rows, want 4", n)
	}
}
