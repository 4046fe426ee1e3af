package app

import (
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"copydesk/editor"
	"copydesk/editor/textio"
)

// TypedRune implements fyne.Focusable: insert a character, replacing the
// selection.
func (e *articleEditor) TypedRune(r rune) {
	if e.readOnly || r == '\n' || r == '\r' {
		return
	}
	e.replace(e.anchor, e.caret, string(r), editor.EditTyping)
}

// TypedKey implements fyne.Focusable: movement, deletion, Enter.
func (e *articleEditor) TypedKey(k *fyne.KeyEvent) {
	if isFunctionKey(k.Name) {
		if e.onFunctionKey != nil {
			e.onFunctionKey(k)
		}
		return
	}
	extend := e.shiftDown
	switch k.Name {
	case fyne.KeyLeft:
		if !extend && e.anchor != e.caret {
			e.moveCaret(minPos(e.anchor, e.caret), false)
			return
		}
		e.moveCaret(e.buf.CharLeft(e.caret), extend)
	case fyne.KeyRight:
		if !extend && e.anchor != e.caret {
			e.moveCaret(maxPos(e.anchor, e.caret), false)
			return
		}
		e.moveCaret(e.buf.CharRight(e.caret), extend)
	case fyne.KeyUp:
		e.moveVertically(-1, extend)
	case fyne.KeyDown:
		e.moveVertically(1, extend)
	case fyne.KeyPageUp:
		e.moveVertically(-e.linesPerPage(), extend)
	case fyne.KeyPageDown:
		e.moveVertically(e.linesPerPage(), extend)
	case fyne.KeyHome:
		lay := e.layoutOf(e.caret.Para)
		e.moveCaret(editor.Pos{Para: e.caret.Para, Off: lay.Lines[lay.lineAt(e.caret.Off)].Start}, extend)
	case fyne.KeyEnd:
		e.moveCaret(e.lineEnd(e.caret), extend)
	case fyne.KeyBackspace:
		if e.anchor != e.caret {
			e.replace(e.anchor, e.caret, "", editor.EditOther)
			return
		}
		e.replace(e.buf.CharLeft(e.caret), e.caret, "", editor.EditDeleting)
	case fyne.KeyDelete:
		if e.anchor != e.caret {
			e.replace(e.anchor, e.caret, "", editor.EditOther)
			return
		}
		e.replace(e.caret, e.buf.CharRight(e.caret), "", editor.EditDeleting)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.replace(e.anchor, e.caret, "\n", editor.EditOther)
	case fyne.KeyTab:
		e.replace(e.anchor, e.caret, "\t", editor.EditTyping)
	}
}

// TypedShortcut implements fyne.Shortcutable: clipboard, undo, selection
// and word or document movement.
func (e *articleEditor) TypedShortcut(s fyne.Shortcut) {
	clip := fyne.CurrentApp().Clipboard()
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		if sel := e.SelectedText(); sel != "" {
			clip.SetContent(sel)
		}
	case *fyne.ShortcutCut:
		if sel := e.SelectedText(); sel != "" && !e.readOnly {
			clip.SetContent(sel)
			e.replace(e.anchor, e.caret, "", editor.EditOther)
		}
	case *fyne.ShortcutPaste:
		if text := textio.NormalizeNewlines(clip.Content()); text != "" {
			e.replace(e.anchor, e.caret, text, editor.EditOther)
		}
	case *fyne.ShortcutSelectAll:
		last := e.buf.Paragraphs() - 1
		e.anchor = editor.Pos{}
		e.caret = editor.Pos{Para: last, Off: len(e.buf.Paragraph(last))}
		e.view.Refresh()
		e.caretMoved()
	case *fyne.ShortcutUndo:
		e.undoRedo(e.buf.Undo)
	case *fyne.ShortcutRedo:
		e.undoRedo(e.buf.Redo)
	case *desktop.CustomShortcut:
		e.customShortcut(s)
	}
}

func (e *articleEditor) customShortcut(s *desktop.CustomShortcut) {
	word := s.Modifier&fyne.KeyModifierShortcutDefault != 0 || s.Modifier&fyne.KeyModifierAlt != 0
	extend := s.Modifier&fyne.KeyModifierShift != 0
	switch {
	case s.KeyName == fyne.KeyZ && s.Modifier == fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift,
		s.KeyName == fyne.KeyY && s.Modifier == fyne.KeyModifierShortcutDefault:
		e.undoRedo(e.buf.Redo)
	case word && s.KeyName == fyne.KeyLeft:
		e.moveCaret(e.buf.WordLeft(e.caret), extend)
	case word && s.KeyName == fyne.KeyRight:
		e.moveCaret(e.buf.WordRight(e.caret), extend)
	case word && s.KeyName == fyne.KeyHome:
		e.moveCaret(editor.Pos{}, extend)
	case word && s.KeyName == fyne.KeyEnd:
		last := e.buf.Paragraphs() - 1
		e.moveCaret(editor.Pos{Para: last, Off: len(e.buf.Paragraph(last))}, extend)
	case word && s.KeyName == fyne.KeyBackspace && !e.readOnly:
		if e.anchor == e.caret {
			e.replace(e.buf.WordLeft(e.caret), e.caret, "", editor.EditOther)
		}
	case extend && !word:
		// Shift with a movement key arrives as a shortcut on some drivers.
		e.shiftDown = true
		e.TypedKey(&fyne.KeyEvent{Name: s.KeyName})
		e.shiftDown = false
	}
}

func (e *articleEditor) undoRedo(step func() (editor.Pos, editor.Change, bool)) {
	if e.readOnly {
		return
	}
	caret, ch, ok := step()
	if !ok {
		return
	}
	e.highlights, e.marks = nil, nil // the next review places them again
	e.edits = e.edits[:0]
	e.epoch++
	e.caret, e.anchor = caret, caret
	e.applyChange(ch)
}

func minPos(a, b editor.Pos) editor.Pos {
	if b.Before(a) {
		return b
	}
	return a
}

func maxPos(a, b editor.Pos) editor.Pos {
	if b.Before(a) {
		return a
	}
	return b
}

// lineEnd returns the end of p's display line (before a wrap space).
func (e *articleEditor) lineEnd(p editor.Pos) editor.Pos {
	lay := e.layoutOf(p.Para)
	li := lay.lineAt(p.Off)
	end := lay.Lines[li].End
	text := e.buf.Paragraph(p.Para)
	if li < len(lay.Lines)-1 {
		for end > lay.Lines[li].Start {
			r, size := utf8.DecodeLastRuneInString(text[:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= size
		}
	}
	return editor.Pos{Para: p.Para, Off: end}
}

// moveVertically moves the caret n display lines up (negative) or down,
// keeping its horizontal position.
func (e *articleEditor) moveVertically(n int, extend bool) {
	m := e.view.m
	p := e.caret
	lay := e.layoutOf(p.Para)
	text := e.buf.Paragraph(p.Para)
	li := lay.lineAt(p.Off)
	x := e.goalX
	if !e.verticalRun {
		x = lay.xOf(text, p.Off, m)
	}
	for ; n < 0; n++ {
		if li > 0 {
			li--
			continue
		}
		if p.Para == 0 {
			li = 0
			x = 0
			break
		}
		p.Para--
		lay = e.layoutOf(p.Para)
		li = len(lay.Lines) - 1
	}
	for ; n > 0; n-- {
		if li < len(lay.Lines)-1 {
			li++
			continue
		}
		if p.Para == e.buf.Paragraphs()-1 {
			x = 1e9
			break
		}
		p.Para++
		lay = e.layoutOf(p.Para)
		li = 0
	}
	text = e.buf.Paragraph(p.Para)
	p.Off = lay.offsetAt(text, x, float32(li)*lay.LineHeight+lay.LineHeight/2, m)
	e.moveCaret(p, extend)
	e.goalX, e.verticalRun = x, true
}

func (e *articleEditor) linesPerPage() int {
	h := e.view.Size().Height
	lh := e.view.m.lineHeight()
	if h <= 0 || lh <= 0 {
		return 20
	}
	return max(1, int(h/lh)-2)
}

func isFunctionKey(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyF1, fyne.KeyF2, fyne.KeyF3, fyne.KeyF4, fyne.KeyF5, fyne.KeyF6,
		fyne.KeyF7, fyne.KeyF8, fyne.KeyF9, fyne.KeyF10, fyne.KeyF11, fyne.KeyF12:
		return true
	}
	return false
}
