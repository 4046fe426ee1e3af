package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// textFileTypes are the extensions the file dialogs offer.
var textFileTypes = []string{".txt", ".md", ".markdown", ".text"}

// chooseFile asks for a file to open and hands its path to use; errors
// are shown to the editor.
func (w *Workspace) chooseFile(use func(path string) error) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		if err := use(path); err != nil {
			w.showError(err)
		}
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter(textFileTypes))
	d.Show()
}

func (w *Workspace) onImport() { w.chooseFile(w.ImportFile) }

func (w *Workspace) onExport() {
	if w.article.ID == 0 {
		return
	}
	d := dialog.NewFileSave(func(wr fyne.URIWriteCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if wr == nil {
			return
		}
		// The dialog has asked before overwriting; the write itself goes
		// through a temporary file and a rename, so close its handle first.
		path := wr.URI().Path()
		wr.Close()
		if err := w.ExportFile(path); err != nil {
			w.showError(err)
		}
	}, w.win)
	d.SetFileName(slugFileName(w.article.Title) + ".txt")
	d.Show()
}
