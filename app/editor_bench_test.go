package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// The editor benchmarks build the pane with a 10,000-word article and lay
// it out at 1200×800 in the test driver; each is paired with the stock
// multi-line Entry doing the same work.

func BenchmarkEditorOpen10k(b *testing.B) {
	test.NewTempApp(b)
	text := longArticle(10000)
	for b.Loop() {
		openEditorOn(text)
	}
}

// openEditorOn opens the article editor on text in a 1200×800 window, laid
// out, and closes it: what opening an article costs.
func openEditorOn(text string) {
	ed := newArticleEditor()
	ed.SetText(text)
	w := test.NewWindow(ed)
	w.Resize(fyne.NewSize(1200, 800))
	w.Close()
}

func BenchmarkStockEntryOpen10k(b *testing.B) {
	test.NewTempApp(b)
	text := longArticle(10000)
	for b.Loop() {
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetText(text)
		w := test.NewWindow(e)
		w.Resize(fyne.NewSize(1200, 800))
		w.Close()
	}
}

// BenchmarkEditorKeystroke10k types one character at the end of the
// article and one in the middle per op, with the layout and redraw each
// triggers.
func BenchmarkEditorKeystroke10k(b *testing.B) {
	test.NewTempApp(b)
	ed := newArticleEditor()
	ed.SetText(longArticle(10000))
	w := test.NewWindow(ed)
	defer w.Close()
	w.Resize(fyne.NewSize(1200, 800))
	w.Canvas().Focus(ed)
	mid := editor.Pos{Para: ed.buf.Paragraphs() / 2, Off: 10}
	for b.Loop() {
		last := ed.buf.Paragraphs() - 1
		ed.moveCaret(editor.Pos{Para: last, Off: len(ed.buf.Paragraph(last))}, false)
		ed.TypedRune('x')
		ed.moveCaret(mid, false)
		ed.TypedRune('x')
	}
}

func BenchmarkStockEntryKeystroke10k(b *testing.B) {
	test.NewTempApp(b)
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetText(longArticle(10000))
	w := test.NewWindow(e)
	defer w.Close()
	w.Resize(fyne.NewSize(1200, 800))
	w.Canvas().Focus(e)
	for b.Loop() {
		e.CursorRow, e.CursorColumn = 1<<20, 0 // clamped to the last row
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
		e.TypedRune('x')
		e.CursorRow, e.CursorColumn = 40, 10
		e.TypedRune('x')
	}
}

// longWord returns one unbroken word of n ASCII letters.
func longWord(n int) string {
	const w = "pneumonoultramicroscopicsilicovolcanoconiosis"
	return strings.Repeat(w, n/len(w)+1)[:n]
}

// BenchmarkEditorOpenLongWord opens an article whose only paragraph under
// the headline is one unbroken word, wrapped inside the word at 1200×800.
func BenchmarkEditorOpenLongWord(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			test.NewTempApp(b)
			text := "Headline\n" + longWord(n)
			for b.Loop() {
				openEditorOn(text)
			}
		})
	}
}

// BenchmarkEditorKeystrokeLongWord10k types one character in the middle
// of a 10,000-character word per op, with the layout and redraw it
// triggers (the word grows by one character per op).
func BenchmarkEditorKeystrokeLongWord10k(b *testing.B) {
	test.NewTempApp(b)
	ed := newArticleEditor()
	ed.SetText("Headline\n" + longWord(10000))
	w := test.NewWindow(ed)
	defer w.Close()
	w.Resize(fyne.NewSize(1200, 800))
	w.Canvas().Focus(ed)
	mid := editor.Pos{Para: 1, Off: 5000}
	for b.Loop() {
		ed.moveCaret(mid, false)
		ed.TypedRune('x')
	}
}
