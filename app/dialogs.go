package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"copydesk/editor/convert"
)

// textFileTypes are the extensions the file dialogs offer.
var textFileTypes = convert.Extensions()

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

func (w *Workspace) onImport() {
	w.chooseFile(func(path string) error { w.ImportPaths([]string{path}); return nil })
}

// onImportFolder imports every article file in a folder.
func (w *Workspace) onImportFolder() {
	dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if u != nil {
			w.ImportPaths([]string{u.Path()})
		}
	}, w.win)
}

// onDropped imports files and folders dropped on the window.
func (w *Workspace) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) > 0 {
		w.ImportPaths(paths)
	}
}
