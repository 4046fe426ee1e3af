package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor/convert"
)

// prefLastFolder is the preference that keeps the folder of the last file
// chosen in a dialog.
const prefLastFolder = "dialog.lastFolder"

// textFileTypes are the extensions the file dialogs offer.
var textFileTypes = convert.Extensions()

// chooseFile asks for a file to open, by a typed path or the file
// dialog, and hands its path to use; errors are shown to the editor.
func (w *Workspace) chooseFile(title, confirm string, use func(path string) error) {
	p := newPathField(w, w.lastFolder()+string(filepath.Separator), false)
	w.showForm(title, confirm, []*widget.FormItem{widget.NewFormItem("File", p.content())}, p.entry, func() {
		path := p.path()
		if _, err := os.Stat(path); err != nil {
			w.showError(fmt.Errorf("cannot open %s: %w", path, err))
			return
		}
		w.rememberFolder(path)
		if err := use(path); err != nil {
			w.showError(err)
		}
	}, p.entry).Resize(fyne.NewSize(600, 200))
}

func (w *Workspace) onImport() {
	w.chooseFile("Import", "Import", func(path string) error { w.ImportPaths([]string{path}); return nil })
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

// pathField is a dialog field for a file path that the editor can type:
// "~" stands for the home folder and Tab completes the path as a shell
// does, listing the choices when there are several.
type pathField struct {
	entry   *dialogEntry
	choices *widget.Label
	browse  *widget.Button
}

func newPathField(w *Workspace, start string, save bool) *pathField {
	p := &pathField{entry: newDialogEntry(), choices: widget.NewLabel("")}
	p.entry.SetText(start)
	p.entry.SetPlaceHolder("Type a path; Tab completes")
	p.choices.Wrapping = fyne.TextWrapWord
	p.choices.Hide()
	p.entry.onTab = p.complete
	p.browse = widget.NewButton("Browse…", func() { w.browseFor(p, save) })
	return p
}

// content is the field with its Browse button and the list of choices.
func (p *pathField) content() fyne.CanvasObject {
	return container.NewVBox(container.NewBorder(nil, nil, nil, p.browse, p.entry), p.choices)
}

// path is the typed path with "~" expanded.
func (p *pathField) path() string { return expandHome(strings.TrimSpace(p.entry.Text)) }

// complete extends the typed path to the longest name the folder's
// entries share and lists them when several remain. It reports whether
// Tab was taken (always, so Tab never leaves a path half typed).
func (p *pathField) complete() bool {
	done, choices := completePath(p.entry.Text)
	if done != p.entry.Text {
		p.entry.SetText(done)
		p.entry.CursorColumn = len([]rune(done))
		p.entry.Refresh()
	}
	if len(choices) > 1 {
		if len(choices) > 12 {
			choices = append(choices[:12], "…")
		}
		p.choices.SetText(strings.Join(choices, "   "))
		p.choices.Show()
	} else {
		p.choices.Hide()
	}
	return true
}

// expandHome replaces a leading "~" with the home folder.
func expandHome(path string) string {
	if path == "~" || strings.HasPrefix(path, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, path[1:])
		}
	}
	return path
}

// completePath completes typed as far as the entries of its folder agree,
// keeping a leading "~", and returns the names that match (folders with
// a trailing slash).
func completePath(typed string) (string, []string) {
	full := expandHome(typed)
	dir, base := filepath.Split(full)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return typed, nil
	}
	var names []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, base) || strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		if e.IsDir() {
			name += string(filepath.Separator)
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		return typed, nil
	}
	common := names[0]
	for _, n := range names[1:] {
		for !strings.HasPrefix(n, common) {
			common = common[:len(common)-1]
		}
	}
	return typed[:len(typed)-len(base)] + common, names
}

// browseFor opens the file dialog and puts the chosen path in the field.
func (w *Workspace) browseFor(p *pathField, save bool) {
	set := func(path string) {
		p.entry.SetText(path)
		w.win.Canvas().Focus(p.entry)
	}
	if save {
		d := dialog.NewFileSave(func(wr fyne.URIWriteCloser, err error) {
			if err != nil || wr == nil {
				return
			}
			path := wr.URI().Path()
			wr.Close()
			// The save dialog creates the file; the export writes it
			// through a rename, so an empty placeholder is removed.
			if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
				os.Remove(path)
			}
			set(path)
		}, w.win)
		d.SetFileName(filepath.Base(p.path()))
		if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(p.path()))); err == nil {
			d.SetLocation(l)
		}
		d.Show()
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		set(path)
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter(textFileTypes))
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(p.path()))); err == nil {
		d.SetLocation(l)
	}
	d.Show()
}

// lastFolder is where the path fields start: the folder of the last file
// chosen, or the home folder.
func (w *Workspace) lastFolder() string {
	if dir := w.app.Preferences().String(prefLastFolder); dir != "" {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return "."
}

// rememberFolder keeps path's folder for the next path field.
func (w *Workspace) rememberFolder(path string) {
	w.app.Preferences().SetString(prefLastFolder, filepath.Dir(path))
}
