package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/convert"
	"copydesk/editor/textio"
)

// importSummary says what an import of several files did.
type importSummary struct {
	Imported []importedFile
	Skipped  []skippedFile
}

type importedFile struct {
	Path    string
	ID      int64
	Title   string
	Notices []string
}

type skippedFile struct {
	Path, Reason string
}

// expandPaths turns files and folders into the files to import, and the
// files in those folders that are passed over.
func expandPaths(paths []string) (files []string, skipped []skippedFile) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			skipped = append(skipped, skippedFile{p, err.Error()})
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		fs, sk, err := convert.ImportFolder(p)
		if err != nil {
			skipped = append(skipped, skippedFile{p, err.Error()})
		}
		files = append(files, fs...)
		var names []string
		for name := range sk {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			skipped = append(skipped, skippedFile{name, sk[name]})
		}
	}
	return files, skipped
}

// importPaths imports files and folders, reporting progress (done, total)
// after each file. Each file is read whole before anything of it is
// stored; a file that cannot be read is skipped with the reason.
func (w *Workspace) importPaths(paths []string, progress func(done, total int)) importSummary {
	files, skipped := expandPaths(paths)
	sum := importSummary{Skipped: skipped}
	for i, path := range files {
		im, err := convert.Import(path)
		if err == nil {
			title := textio.TitleOf(im.Text)
			var a editor.Article
			a, _, err = w.store.ImportArticle(context.Background(), editor.Article{Title: title}, im.Text, "imported from "+filepath.Base(path), w.opts.Author, im.Threads())
			if err == nil {
				sum.Imported = append(sum.Imported, importedFile{Path: path, ID: a.ID, Title: title, Notices: im.Notices})
			}
		}
		if err != nil {
			sum.Skipped = append(sum.Skipped, skippedFile{path, err.Error()})
		}
		if progress != nil {
			progress(i+1, len(files))
		}
	}
	return sum
}

// ImportPaths imports files and folders in the background with a progress
// bar, then shows a summary and opens the last article imported.
func (w *Workspace) ImportPaths(paths []string) {
	bar := widget.NewProgressBar()
	label := widget.NewLabel("Reading files…")
	d := dialog.NewCustomWithoutButtons("Importing", container.NewVBox(label, bar), w.win)
	d.Show()
	go func() {
		sum := w.importPaths(paths, func(done, total int) {
			w.opts.Dispatch(func() {
				bar.Max = float64(total)
				bar.SetValue(float64(done))
				label.SetText(fmt.Sprintf("%d of %d files", done, total))
			})
		})
		w.opts.Dispatch(func() {
			d.Hide()
			w.finishImport(sum)
		})
	}()
}

// finishImport shows what an import did and opens its last article.
func (w *Workspace) finishImport(sum importSummary) {
	w.library.reload()
	if n := len(sum.Imported); n > 0 {
		w.openArticle(sum.Imported[n-1].ID)
	}
	if len(sum.Skipped) == 0 && len(sum.Imported) == 1 && len(sum.Imported[0].Notices) == 0 {
		return // one plain file: the article opening says it all
	}
	w.showDialog(dialog.NewCustom("Import", "Close", container.NewVScroll(widget.NewLabel(sum.String())), w.win), nil, nil)
}

// String is the summary for the editor, one line per file.
func (s importSummary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Imported %d, skipped %d.\n", len(s.Imported), len(s.Skipped))
	for _, f := range s.Imported {
		fmt.Fprintf(&b, "\n✓ %s — “%s”", filepath.Base(f.Path), f.Title)
		for _, n := range f.Notices {
			fmt.Fprintf(&b, "\n    %s", n)
		}
	}
	for _, f := range s.Skipped {
		fmt.Fprintf(&b, "\n✗ %s — %s", filepath.Base(f.Path), oneLine(f.Reason))
	}
	return b.String()
}
