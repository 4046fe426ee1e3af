package app

import (
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
)

// TestEditorCountsFollowEdits checks the counts kept per paragraph against
// counting the whole text, after each kind of edit.
func TestEditorCountsFollowEdits(t *testing.T) {
	test.NewTempApp(t)
	ed, _ := newTestEditor(t, "Council Backs Budget\n“We balanced it,” Mayor Ana Ruiz said.\nThe vote was 7-2.")
	edits := []struct {
		name string
		do   func()
	}{
		{"type a word", func() { test.Type(ed, " Late") }},
		{"split a paragraph", func() {
			ed.moveCaret(editor.Pos{Para: 1, Off: 5}, false)
			key(ed, fyne.KeyReturn)
		}},
		{"join paragraphs", func() { key(ed, fyne.KeyBackspace) }},
		{"paste lines", func() {
			ed.replace(editor.Pos{Para: 2}, editor.Pos{Para: 2}, "One, two.\nThree’s\n\n", editor.EditOther)
		}},
		{"delete across paragraphs", func() { ed.replace(editor.Pos{Para: 0, Off: 3}, editor.Pos{Para: 3, Off: 1}, "", editor.EditOther) }},
		{"undo", func() { shortcut(ed, fyne.KeyZ, fyne.KeyModifierShortcutDefault) }},
		{"redo", func() { shortcut(ed, fyne.KeyZ, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift) }},
		{"set text", func() { ed.SetText("") }},
		{"type into empty", func() { test.Type(ed, "a b") }},
	}
	for _, e := range edits {
		e.do()
		text := ed.Text()
		words, chars := ed.Counts()
		if want := editor.CountWords(text); words != want {
			t.Errorf("%s: %d words, want %d in %q", e.name, words, want, text)
		}
		if want := utf8.RuneCountInString(text); chars != want {
			t.Errorf("%s: %d characters, want %d in %q", e.name, chars, want, text)
		}
	}
}
