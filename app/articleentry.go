package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// articleEntry is the multi-line Entry of the editing pane, with function
// keys (F7 and the like) passed to the workspace: a focused Entry receives
// every key without modifiers, so window-level handlers never see them.
type articleEntry struct {
	widget.Entry
	onFunctionKey func(*fyne.KeyEvent) bool // true when handled
}

func newArticleEntry() *articleEntry {
	e := &articleEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *articleEntry) TypedKey(k *fyne.KeyEvent) {
	if e.onFunctionKey != nil && isFunctionKey(k.Name) && e.onFunctionKey(k) {
		return
	}
	e.Entry.TypedKey(k)
}

func isFunctionKey(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyF1, fyne.KeyF2, fyne.KeyF3, fyne.KeyF4, fyne.KeyF5, fyne.KeyF6,
		fyne.KeyF7, fyne.KeyF8, fyne.KeyF9, fyne.KeyF10, fyne.KeyF11, fyne.KeyF12:
		return true
	}
	return false
}
