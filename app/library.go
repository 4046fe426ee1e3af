package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// libraryPane lists the articles in the database, with a search box that
// matches titles, article text and notes.
type libraryPane struct {
	store       Store
	search      *widget.Entry
	show        *widget.Select // articles or the trash
	trash       *tipButton     // move the selected article to the trash, or restore it
	undo        *widget.Button // take back the last move to the trash
	lastTrashed int64
	onTrash     func(id int64)
	onRestore   func(id int64)
	list        *widget.List
	count       *widget.Label
	items       []editor.ArticleSummary
	onOpen      func(id int64)
	onError     func(error)
	selected    int64
	query       string
	content     fyne.CanvasObject
}

func newLibraryPane(store Store, onOpen func(id int64), onError func(error)) *libraryPane {
	p := &libraryPane{store: store, onOpen: onOpen, onError: onError}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("Search articles and notes")
	p.search.OnChanged = p.onSearchChanged
	p.count = widget.NewLabel("")
	p.count.Truncation = fyne.TextTruncateEllipsis
	p.list = widget.NewList(
		func() int { return len(p.items) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("Headline of an article")
			title.Truncation = fyne.TextTruncateEllipsis
			title.TextStyle.Bold = true
			meta := widget.NewLabel("r1 · 0 open notes")
			meta.SizeName = theme.SizeNameCaptionText
			meta.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(title, meta)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(p.items) {
				return
			}
			s := p.items[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(s.Title)
			box.Objects[1].(*widget.Label).SetText(summaryLine(s))
		},
	)
	p.list.OnSelected = p.onListSelected
	p.show = widget.NewSelect([]string{showArticles, showTrash}, func(string) { p.selected = 0; p.reload() })
	p.show.Selected = showArticles
	p.trash = newTipButton("", theme.DeleteIcon(), "Move the selected article to the trash", p.onTrashTapped)
	p.undo = widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), p.onUndoTapped)
	p.undo.Hide()
	top := container.NewVBox(p.search, container.NewBorder(nil, nil, nil, p.trash, p.show))
	p.content = container.NewBorder(top, container.NewBorder(nil, nil, nil, p.undo, p.count), nil, nil, p.list)
	return p
}

// What the library lists.
const (
	showArticles = "Articles"
	showTrash    = "Trash"
)

func (p *libraryPane) inTrash() bool { return p.show.Selected == showTrash }

func (p *libraryPane) onTrashTapped() {
	if p.selected == 0 {
		return
	}
	if p.inTrash() {
		p.onRestore(p.selected)
		return
	}
	p.onTrash(p.selected)
}

func (p *libraryPane) onUndoTapped() {
	if p.lastTrashed != 0 {
		p.onRestore(p.lastTrashed)
	}
}

func summaryLine(s editor.ArticleSummary) string {
	notes := "no open notes"
	switch {
	case s.OpenNotes == 1:
		notes = "1 open note"
	case s.OpenNotes > 1:
		notes = fmt.Sprintf("%d open notes", s.OpenNotes)
	}
	return fmt.Sprintf("r%d · %s · %s", s.LatestRevision, notes, s.Updated.Local().Format("Jan 2 15:04"))
}

func (p *libraryPane) onSearchChanged(q string) {
	p.query = q
	p.reload()
}

func (p *libraryPane) onListSelected(i widget.ListItemID) {
	if i < 0 || i >= len(p.items) {
		return
	}
	id := p.items[i].ID
	if id == p.selected {
		return
	}
	p.selected = id
	if !p.inTrash() {
		p.onOpen(id)
	}
}

// reload queries the store for the current search and refreshes the list.
func (p *libraryPane) reload() {
	items, err := p.store.ListArticles(context.Background(), editor.ArticleFilter{Query: p.query, Trashed: p.inTrash()})
	if err != nil {
		p.onError(err)
		return
	}
	p.items = items
	switch len(items) {
	case 1:
		p.count.SetText("1 article")
	default:
		p.count.SetText(fmt.Sprintf("%d articles", len(items)))
	}
	p.list.Refresh()
	p.markSelected(p.selected)
	if p.inTrash() {
		p.trash.SetIcon(theme.ViewRefreshIcon())
		p.trash.SetText("Restore")
		p.trash.tip = "Restore the selected article"
	} else {
		p.trash.SetIcon(theme.DeleteIcon())
		p.trash.SetText("")
		p.trash.tip = "Move the selected article to the trash"
	}
}

// markSelected highlights the row of article id without reopening it.
func (p *libraryPane) markSelected(id int64) {
	p.selected = id
	for i, s := range p.items {
		if s.ID == id {
			p.list.Select(i)
			return
		}
	}
	p.list.UnselectAll()
}
