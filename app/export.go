package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/convert"
	"copydesk/editor/report"
	"copydesk/editor/textio"
)

// exportChoice is one entry of the Export dialog's format list.
// comments puts the notes in a clean Word copy as comments.
type exportChoice struct {
	label, format string
	comments      bool
}

var exportChoices = []exportChoice{
	{"Clean copy — plain text", convert.FormatText, false},
	{"Clean copy — Markdown", convert.FormatMarkdown, false},
	{"Clean copy — web page (HTML)", convert.FormatHTML, false},
	{"Clean copy — Word (.docx)", convert.FormatDOCX, false},
	{"Clean copy — Word, with the notes as comments", convert.FormatDOCX, true},
	{"Redline — Word with tracked changes and the notes as comments", convert.FormatRedlineDOCX, false},
	{"Redline — web page, side by side", convert.FormatRedlineHTML, false},
	{"Redline — web page, inline", convert.FormatRedlineHTMLi, false},
	{"Review record — PDF", convert.FormatReportPDF, false},
	{"Review record — web page", convert.FormatReportHTML, false},
}

// ExportAs writes the open article in format to path, atomically: clean
// copy of the text in the editor, or for a redline the comparison of
// revision from (0 for the editor's text) with revision to.
//
// A Word redline carries the article's notes as comments.
func (w *Workspace) ExportAs(path, format string, from, to int) error {
	_, err := w.exportAs(path, exportChoice{format: format}, from, to)
	return err
}

// exportAs is ExportAs for a choice of the Export dialog, returning the
// notices about the file written.
func (w *Workspace) exportAs(path string, choice exportChoice, from, to int) ([]string, error) {
	if w.article.ID == 0 {
		return nil, errors.New("no article is open")
	}
	format := choice.format
	e := convert.Export{Title: w.article.Title, Text: w.edit.ed.Text(), Author: w.opts.Author, Date: w.opts.Now(), Comments: choice.comments}
	if format == convert.FormatRedlineDOCX || choice.comments {
		var err error
		if e.Notes, err = report.Threads(context.Background(), w.store, w.article.ID); err != nil {
			return nil, err
		}
	}
	switch {
	case convert.IsRedline(format):
		var err error
		if e.Old, err = w.versionText(from); err != nil {
			return nil, err
		}
		if e.New, err = w.versionText(to); err != nil {
			return nil, err
		}
	case convert.IsReport(format):
		rep, err := w.reviewRecord()
		if err != nil {
			return nil, err
		}
		e.Report = &rep
	}
	var buf bytes.Buffer
	notices, err := e.WriteNotices(&buf, format)
	if err != nil {
		return nil, err
	}
	return notices, textio.WriteFileAtomic(path, buf.Bytes(), 0o644)
}

// onExport asks what to export, then where (the save dialog asks before
// overwriting a file).
func (w *Workspace) onExport() {
	if w.article.ID == 0 {
		return
	}
	revs, err := w.store.Revisions(context.Background(), w.article.ID)
	if err != nil {
		w.showError(err)
		return
	}
	labels := make([]string, len(exportChoices))
	for i, c := range exportChoices {
		labels[i] = c.label
	}
	format := widget.NewSelect(labels, nil)
	format.SetSelectedIndex(0)
	// Versions to compare: revisions, then the text in the editor.
	var versions []string
	var numbers []int
	for _, r := range revs {
		versions = append(versions, revisionChoice(r))
		numbers = append(numbers, r.Number)
	}
	versions = append(versions, "text in the editor")
	numbers = append(numbers, 0)
	from := widget.NewSelect(versions, nil)
	to := widget.NewSelect(versions, nil)
	to.SetSelectedIndex(len(versions) - 1)
	from.SetSelectedIndex(max(0, len(versions)-2))
	compare := widget.NewFormItem("Redline from", from)
	with := widget.NewFormItem("to", to)
	choice := func() exportChoice { return exportChoices[max(0, format.SelectedIndex())] }
	chosen := func() string { return choice().format }
	dest := newPathField(w, filepath.Join(w.lastFolder(), w.exportFileName(chosen())), true)
	format.OnChanged = func(string) {
		// The file name follows the format until the editor types one.
		dir, name := filepath.Split(dest.entry.Text)
		for _, c := range exportChoices {
			if name == w.exportFileName(c.format) {
				dest.entry.SetText(dir + w.exportFileName(chosen()))
				break
			}
		}
	}
	form := w.showForm("Export", "Export",
		[]*widget.FormItem{widget.NewFormItem("Export", format), compare, with, widget.NewFormItem("Save to", dest.content())},
		format, func() {
			w.saveExport(dest.path(), choice(), numbers[max(0, from.SelectedIndex())], numbers[max(0, to.SelectedIndex())])
		}, dest.entry)
	form.Resize(fyne.NewSize(620, 320))
}

// exportFileName is the file name an export of format is offered under.
func (w *Workspace) exportFileName(format string) string {
	name := slugFileName(w.article.Title)
	if convert.IsRedline(format) {
		name += "-redline"
	}
	return name + convert.Extension(format)
}

// saveExport writes the export to path, asking before it replaces a file.
func (w *Workspace) saveExport(path string, choice exportChoice, from, to int) {
	write := func() {
		notices, err := w.exportAs(path, choice, from, to)
		if err != nil {
			w.showError(err)
			return
		}
		w.rememberFolder(path)
		w.edit.setSaveState(fmt.Sprintf("Exported %s", path))
		if len(notices) > 0 {
			w.showInformation("Exported", fmt.Sprintf("%s was written, but %s.", filepath.Base(path), strings.Join(notices, "; ")))
		}
	}
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			w.showError(fmt.Errorf("%s is a folder; add a file name", path))
			return
		}
		w.showConfirm("Replace File", fmt.Sprintf("%s already exists. Replace it?", path), write)
		return
	}
	write()
}

// reviewRecord makes the review record of the text in the editor: the
// latest revision, or the working copy when there are unsaved edits.
func (w *Workspace) reviewRecord() (report.Report, error) {
	rev := editor.Revision{ArticleID: w.article.ID, Label: fmt.Sprintf("working copy (edits since r%d)", w.base),
		Author: w.opts.Author, Text: w.edit.ed.Text(), Created: w.opts.Now()}
	in, err := report.Gather(context.Background(), w.store, w.article, rev)
	if err != nil {
		return report.Report{}, err
	}
	return report.Build(in, w.opts.Now()), nil
}
