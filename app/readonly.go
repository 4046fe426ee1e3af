package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// readOnlyBanner is shown above the editor of a desk that cannot be
// written, such as an archive on a read-only share.
const readOnlyBanner = "Read-only desk: articles can be read, searched, checked and exported, not changed."

// readOnlyDesk reports whether the store was opened read-only. A store that
// cannot say is taken to be writable.
func (w *Workspace) readOnlyDesk() bool {
	ro, ok := w.store.(interface{ ReadOnly() bool })
	return ok && ro.ReadOnly()
}

// applyReadOnlyDesk shows the banner, keeps the editor from taking edits
// and switches autosave off, when the desk is read-only. Other actions
// that write reach the store, which refuses them with ErrReadOnly, shown
// as any error is.
func (w *Workspace) applyReadOnlyDesk() {
	if !w.readOnlyDesk() {
		return
	}
	w.edit.lockReadOnly()
	w.autosave.Stop()
}

// lockReadOnly shows the read-only banner and keeps the editor read-only
// for every text it loads.
func (p *editPane) lockReadOnly() {
	p.locked = true
	p.ed.readOnly = true
	p.banner.SetText(readOnlyBanner)
	p.banner.TextStyle = fyne.TextStyle{Bold: true}
	p.banner.Importance = widget.WarningImportance
	p.banner.Show()
}
