package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Every dialog of the desk is driven from the keyboard: it opens with the
// focus in its first field (text selected), Enter confirms (Ctrl+Enter in a
// multi-line field), Escape cancels, Tab moves between controls and never
// types a tab, and multi-line fields wrap.

// dialogEntry is a text field of a dialog.
type dialogEntry struct {
	widget.Entry
	onSubmit func()
	onCancel func()
	// onTab, when set, takes Tab (a path field completes with it).
	onTab func() bool
}

func newDialogEntry() *dialogEntry {
	e := &dialogEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func newDialogMultiLineEntry() *dialogEntry {
	e := &dialogEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab implements fyne.Tabbable: Tab moves to the next control.
func (e *dialogEntry) AcceptsTab() bool { return e.onTab != nil }

// TypedKey implements fyne.Focusable.
func (e *dialogEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		if e.onCancel != nil {
			e.onCancel()
			return
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.MultiLine && e.onSubmit != nil {
			e.onSubmit()
			return
		}
	case fyne.KeyTab:
		if e.onTab != nil && e.onTab() {
			return
		}
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut implements fyne.Shortcutable: Ctrl+Enter confirms.
func (e *dialogEntry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && (c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter) &&
		c.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
		if e.onSubmit != nil {
			e.onSubmit()
		}
		return
	}
	e.Entry.TypedShortcut(s)
}

// keyDialog is a dialog the workspace shows and drives from the keyboard.
type keyDialog struct {
	d      dialog.Dialog
	submit func() // Enter when no field has the focus; nil: none
}

// showDialog shows d with the focus in first (its text selected), or on
// nothing when first is nil, and wires Enter and Escape: entries submit
// and cancel through submit and d.Hide; with no field focused, the
// window's key handler does the same (see dialogKey).
func (w *Workspace) showDialog(d dialog.Dialog, first fyne.Focusable, submit func(), entries ...*dialogEntry) {
	for _, e := range entries {
		e.onSubmit, e.onCancel = submit, d.Hide
	}
	kd := &keyDialog{d: d, submit: submit}
	w.dialogs = append(w.dialogs, kd)
	d.SetOnClosed(func() {
		for i := len(w.dialogs) - 1; i >= 0; i-- {
			if w.dialogs[i] == kd {
				w.dialogs = append(w.dialogs[:i], w.dialogs[i+1:]...)
				break
			}
		}
	})
	d.Show()
	c := w.win.Canvas()
	if first == nil {
		c.Unfocus()
		return
	}
	c.Focus(first)
	if e, ok := first.(*dialogEntry); ok && e.Text != "" {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// dialogKey handles Enter and Escape for the top dialog when no field has
// the focus; it reports whether a dialog took the key.
func (w *Workspace) dialogKey(k *fyne.KeyEvent) bool {
	if len(w.dialogs) == 0 {
		return false
	}
	top := w.dialogs[len(w.dialogs)-1]
	switch k.Name {
	case fyne.KeyEscape:
		top.d.Hide()
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		if top.submit != nil {
			top.submit()
		} else {
			top.d.Hide()
		}
		return true
	}
	return false
}

// showForm shows a form dialog driven from the keyboard; first is the
// field that takes the focus.
func (w *Workspace) showForm(title, confirm string, items []*widget.FormItem, first fyne.Focusable, onConfirm func(), entries ...*dialogEntry) *dialog.FormDialog {
	var d *dialog.FormDialog
	d = dialog.NewForm(title, confirm, "Cancel", items, func(ok bool) {
		if ok {
			onConfirm()
		}
	}, w.win)
	w.showDialog(d, first, func() { d.Submit() }, entries...)
	return d
}

// showConfirm asks a yes-or-no question; Enter answers yes, Escape no.
func (w *Workspace) showConfirm(title, message string, onYes func()) {
	var d dialog.Dialog
	d = dialog.NewConfirm(title, message, func(ok bool) {
		if ok {
			onYes()
		}
	}, w.win)
	w.showDialog(d, nil, func() {
		d.Hide()
		onYes()
	})
}

// showInformation shows a message; Enter or Escape closes it.
func (w *Workspace) showInformation(title, message string) {
	w.showDialog(dialog.NewInformation(title, message, w.win), nil, nil)
}
