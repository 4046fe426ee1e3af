package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// findBar finds and replaces text in the article editor (Ctrl+F, Ctrl+H).
// Every match is marked in the text; the current one is selected.
type findBar struct {
	ed        *articleEditor
	find      *submitEntry
	replace   *submitEntry
	matchCase *widget.Check
	count     *widget.Label
	matches   []editor.Span
	current   int
	content   *fyne.Container
	// canvas is the window's canvas: the bar is hidden until it opens, so
	// the driver cannot find its canvas from the bar itself.
	canvas func() fyne.Canvas
}

// submitEntry is a single-line Entry that reports Enter, Shift+Enter and
// Escape.
type submitEntry struct {
	widget.Entry
	onEnter  func(shift bool)
	onEscape func()
	shift    bool
}

func newSubmitEntry() *submitEntry {
	e := &submitEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *submitEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.onEnter != nil {
			e.onEnter(e.shift)
		}
		return
	case fyne.KeyEscape:
		if e.onEscape != nil {
			e.onEscape()
		}
		return
	}
	e.Entry.TypedKey(k)
}

// KeyDown implements desktop.Keyable, to know Shift.
func (e *submitEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == "LeftShift" || k.Name == "RightShift" {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp implements desktop.Keyable.
func (e *submitEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == "LeftShift" || k.Name == "RightShift" {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

func newFindBar(ed *articleEditor) *findBar {
	f := &findBar{ed: ed, current: -1}
	f.find = newSubmitEntry()
	f.find.SetPlaceHolder("Find")
	f.find.OnChanged = func(string) { f.search(true) }
	f.find.onEnter = func(shift bool) {
		if shift {
			f.Step(-1)
		} else {
			f.Step(1)
		}
	}
	f.find.onEscape = f.Close
	f.replace = newSubmitEntry()
	f.replace.SetPlaceHolder("Replace with")
	f.replace.onEnter = func(bool) { f.ReplaceCurrent() }
	f.replace.onEscape = f.Close
	f.matchCase = widget.NewCheck("Match case", func(bool) { f.search(true) })
	f.count = widget.NewLabel("")
	prev := newTipButton("", theme.MoveUpIcon(), "Previous match (Shift+Enter)", func() { f.Step(-1) })
	next := newTipButton("", theme.MoveDownIcon(), "Next match (Enter)", func() { f.Step(1) })
	one := widget.NewButton("Replace", f.ReplaceCurrent)
	all := widget.NewButton("Replace All", f.ReplaceAll)
	closeBtn := newTipButton("", theme.CancelIcon(), "Close (Esc)", f.Close)
	closeBtn.Importance = widget.LowImportance
	fields := container.NewGridWithColumns(2, f.find, f.replace)
	f.content = container.NewBorder(nil, nil, nil,
		container.NewHBox(prev, next, f.count, f.matchCase, one, all, layout.NewSpacer(), closeBtn), fields)
	f.content.Hide()
	return f
}

// Open shows the bar, filled with the selection if it is short, and puts
// the focus in the find field (replace: in the replace field).
func (f *findBar) Open(replace bool) {
	if sel := f.ed.SelectedText(); sel != "" && len(sel) < 100 && !strings.Contains(sel, "\n") {
		f.find.SetText(sel)
	}
	f.content.Show()
	f.search(true)
	var c fyne.Canvas
	if f.canvas != nil {
		c = f.canvas()
	} else {
		c = fyne.CurrentApp().Driver().CanvasForObject(f.content)
	}
	if c == nil {
		return
	}
	field := f.find
	if replace {
		field = f.replace
	}
	c.Focus(field)
	// The field's text is selected, so typing replaces it.
	field.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// Close hides the bar and its marks and returns to the text.
func (f *findBar) Close() {
	f.content.Hide()
	f.matches = nil
	f.ed.SetMarks(nil)
	f.ed.requestFocus()
}

// search finds every match; with fromCaret the current match becomes the
// first at or after the caret.
func (f *findBar) search(fromCaret bool) {
	f.matches = editor.FindAll(f.ed.Text(), f.find.Text, f.matchCase.Checked)
	f.ed.SetMarks(f.matches)
	f.current = -1
	if len(f.matches) > 0 && fromCaret {
		caret := f.ed.Selection().Start
		f.current = 0
		for i, m := range f.matches {
			if m.Start >= caret {
				f.current = i
				break
			}
		}
		f.ed.Select(f.matches[f.current])
	}
	f.updateCount()
}

func (f *findBar) updateCount() {
	switch {
	case f.find.Text == "":
		f.count.SetText("")
	case len(f.matches) == 0:
		f.count.SetText("no matches")
	default:
		f.count.SetText(fmt.Sprintf("%d of %d", f.current+1, len(f.matches)))
	}
}

// Step selects the next (+1) or previous (-1) match, wrapping around.
func (f *findBar) Step(dir int) {
	if len(f.matches) == 0 {
		return
	}
	f.current = (f.current + dir + len(f.matches)) % len(f.matches)
	f.ed.Select(f.matches[f.current])
	f.updateCount()
}

// ReplaceCurrent replaces the selected match and moves to the next.
func (f *findBar) ReplaceCurrent() {
	if f.current < 0 || f.current >= len(f.matches) || f.ed.readOnly {
		return
	}
	m := f.matches[f.current]
	if f.ed.Selection() != m {
		f.ed.Select(m)
		return
	}
	f.ed.replace(f.ed.buf.PosAt(m.Start), f.ed.buf.PosAt(m.End), f.replace.Text, editor.EditOther)
	f.search(true)
}

// ReplaceAll replaces every match as one undoable edit.
func (f *findBar) ReplaceAll() {
	if len(f.matches) == 0 || f.ed.readOnly {
		return
	}
	text := f.ed.Text()
	first, last := f.matches[0].Start, f.matches[len(f.matches)-1].End
	var b strings.Builder
	prev := first
	for _, m := range f.matches {
		b.WriteString(text[prev:m.Start])
		b.WriteString(f.replace.Text)
		prev = m.End
	}
	b.WriteString(text[prev:last])
	n := len(f.matches)
	f.ed.replace(f.ed.buf.PosAt(first), f.ed.buf.PosAt(last), b.String(), editor.EditOther)
	f.search(false)
	f.count.SetText(fmt.Sprintf("replaced %d", n))
}
