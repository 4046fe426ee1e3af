package app

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/convert"
	"copydesk/editor/textio"
)

// sourceKinds are offered when attaching a source, in this order.
var sourceKinds = []editor.SourceKind{
	editor.SourceNotes, editor.SourceTranscript, editor.SourceWire, editor.SourcePressRelease, editor.SourceOtherMaterial,
}

var sourceKindNames = map[editor.SourceKind]string{
	editor.SourceNotes:         "Interview notes",
	editor.SourceTranscript:    "Transcript",
	editor.SourceWire:          "Wire copy",
	editor.SourcePressRelease:  "Press release",
	editor.SourceOtherMaterial: "Other material",
}

// sourcesPanel lists the material attached to the open article: attach a
// file or pasted text, view, detach.
type sourcesPanel struct {
	list     *widget.List
	empty    *widget.Label
	sources  []editor.Source
	selected int
	detach   *tipButton
	view     *tipButton
	content  fyne.CanvasObject
}

func newSourcesPanel(onAttachFile, onPaste func(), onView, onDetach func(editor.Source)) *sourcesPanel {
	p := &sourcesPanel{selected: -1}
	p.list = widget.NewList(
		func() int { return len(p.sources) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("Source title")
			title.Truncation = fyne.TextTruncateEllipsis
			meta := widget.NewLabel("Interview notes · 0 words")
			meta.SizeName = theme.SizeNameCaptionText
			return container.NewVBox(title, meta)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(p.sources) {
				return
			}
			s := p.sources[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(s.Title)
			box.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%s · %d words", sourceKindNames[s.Kind], editor.CountWords(s.Text)))
		},
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		p.selected = i
		p.detach.Enable()
		p.view.Enable()
	}
	p.list.OnUnselected = func(widget.ListItemID) {
		p.selected = -1
		p.detach.Disable()
		p.view.Disable()
	}
	current := func(fn func(editor.Source)) func() {
		return func() {
			if p.selected >= 0 && p.selected < len(p.sources) {
				fn(p.sources[p.selected])
			}
		}
	}
	attach := widget.NewButtonWithIcon("File…", theme.FolderOpenIcon(), onAttachFile)
	paste := widget.NewButtonWithIcon("Paste…", theme.ContentPasteIcon(), onPaste)
	p.view = newTipButton("", theme.VisibilityIcon(), "View the selected source", current(onView))
	p.detach = newTipButton("", theme.DeleteIcon(), "Detach the selected source", current(onDetach))
	p.view.Disable()
	p.detach.Disable()
	p.empty = widget.NewLabel("No sources attached. Attach the interview notes, transcript or wire copy this story was written from, and its quotes are checked against them.")
	p.empty.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(widget.NewLabel("Attach:"), attach, paste, layoutSpacer(), p.view, p.detach)
	p.content = container.NewBorder(nil, buttons, nil, nil, container.NewStack(p.list, container.NewVBox(p.empty)))
	return p
}

func layoutSpacer() fyne.CanvasObject { return widget.NewLabel("") }

func (p *sourcesPanel) setSources(sources []editor.Source) {
	p.sources = sources
	p.empty.Hidden = len(sources) > 0
	p.empty.Refresh()
	p.list.UnselectAll()
	p.list.Refresh()
}

// reloadSources reads the open article's sources.
func (w *Workspace) reloadSources() {
	sources, err := w.store.Sources(context.Background(), w.article.ID)
	if err != nil {
		w.showError(err)
		return
	}
	w.sourceList = sources
	w.sources.setSources(sources)
}

// sameSources reports whether two reads of an article's sources list the
// same ones (a source is never edited, only attached or detached).
func sameSources(a, b []editor.Source) bool {
	return slices.EqualFunc(a, b, func(x, y editor.Source) bool { return x.ID == y.ID })
}

// AttachSource stores text as a source of the open article and re-runs
// the review.
func (w *Workspace) AttachSource(title string, kind editor.SourceKind, text string) error {
	if w.article.ID == 0 {
		return fmt.Errorf("no article is open")
	}
	if strings.TrimSpace(text) == "" {
		return fmt.Errorf("the source holds no text")
	}
	if strings.TrimSpace(title) == "" {
		title = textio.TitleOf(text)
	}
	_, err := w.store.AddSource(context.Background(), editor.Source{ArticleID: w.article.ID, Title: title, Kind: kind, Text: textio.NormalizeNewlines(text)})
	if err != nil {
		return err
	}
	w.reloadSources()
	w.Review()
	return nil
}

// AttachSourceFile reads a file, in any format import reads (a Word
// file's or web page's text, a text file in any encoding textio.Decode
// reads), and attaches it as a source.
func (w *Workspace) AttachSourceFile(path string, kind editor.SourceKind) error {
	im, err := convert.ReadForStore(path)
	if err != nil {
		return err
	}
	return w.AttachSource(filepath.Base(path), kind, im.Text)
}

// DetachSource removes a source from the open article.
func (w *Workspace) DetachSource(id int64) error {
	if err := w.store.DeleteSource(context.Background(), id); err != nil {
		return err
	}
	w.reloadSources()
	w.Review()
	return nil
}

func (w *Workspace) onAttachSourceFile() {
	if w.article.ID == 0 {
		return
	}
	w.chooseFile("Attach Source File", "Attach", func(path string) error { return w.AttachSourceFile(path, editor.SourceNotes) })
}

func (w *Workspace) onPasteSource() {
	if w.article.ID == 0 {
		return
	}
	title := newDialogEntry()
	title.SetPlaceHolder("e.g. Interview with the port director, May 3")
	names := make([]string, len(sourceKinds))
	for i, k := range sourceKinds {
		names[i] = sourceKindNames[k]
	}
	kind := widget.NewSelect(names, nil)
	kind.SetSelectedIndex(0)
	text := newDialogMultiLineEntry()
	text.SetMinRowsVisible(12)
	if clip := w.app.Clipboard(); clip != nil {
		text.SetText(clip.Content())
	}
	d := w.showForm("Attach Source", "Attach", []*widget.FormItem{
		widget.NewFormItem("Title", title),
		widget.NewFormItem("Kind", kind),
		widget.NewFormItem("Text", text),
	}, title, func() {
		k := sourceKinds[0]
		if i := kind.SelectedIndex(); i >= 0 {
			k = sourceKinds[i]
		}
		if err := w.AttachSource(title.Text, k, text.Text); err != nil {
			w.showError(err)
		}
	}, title, text)
	d.Resize(fyne.NewSize(640, 520))
}

func (w *Workspace) onViewSource(s editor.Source) {
	w.showReadOnly(fmt.Sprintf("%s — %s (source)", w.article.Title, s.Title), s.Text)
}

func (w *Workspace) onDetachSource(s editor.Source) {
	w.showConfirm("Detach Source", fmt.Sprintf("Detach “%s” from this article? Its quotes will no longer be checked against it.", s.Title),
		func() {
			if err := w.DetachSource(s.ID); err != nil {
				w.showError(err)
			}
		})
}
