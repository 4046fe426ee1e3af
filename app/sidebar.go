package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// notesPanel lists the open article's notes, most severe first.
type notesPanel struct {
	list     *widget.List
	empty    *widget.Label
	notes    []editor.Note
	onSelect func(editor.Note)
	content  fyne.CanvasObject
}

func newNotesPanel(onSelect func(editor.Note)) *notesPanel {
	p := &notesPanel{onSelect: onSelect}
	p.list = widget.NewList(
		func() int { return len(p.notes) },
		func() fyne.CanvasObject {
			icon := widget.NewIcon(theme.InfoIcon())
			msg := widget.NewLabel("A note message that can wrap over lines")
			msg.Wrapping = fyne.TextWrapWord
			quote := widget.NewLabel("quoted text")
			quote.TextStyle.Italic = true
			quote.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewVBox(icon), nil, container.NewVBox(msg, quote))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(p.notes) {
				return
			}
			n := p.notes[i]
			border := o.(*fyne.Container)
			body := border.Objects[0].(*fyne.Container)
			icon := border.Objects[1].(*fyne.Container).Objects[0].(*widget.Icon)
			icon.SetResource(severityIcon(n.Severity))
			body.Objects[0].(*widget.Label).SetText(noteHeadline(n))
			body.Objects[1].(*widget.Label).SetText("“" + oneLine(n.Anchor.Exact) + "”")
			p.list.SetItemHeight(i, o.MinSize().Height)
		},
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(p.notes) && p.onSelect != nil {
			p.onSelect(p.notes[i])
		}
	}
	p.empty = widget.NewLabel("No notes on this article.")
	p.empty.Wrapping = fyne.TextWrapWord
	p.content = container.NewStack(p.list, container.NewVBox(p.empty))
	return p
}

func (p *notesPanel) setNotes(notes []editor.Note) {
	p.notes = notes
	p.empty.Hidden = len(notes) > 0
	p.empty.Refresh()
	p.list.UnselectAll()
	p.list.Refresh()
}

func noteHeadline(n editor.Note) string {
	var b strings.Builder
	b.WriteString(n.Message)
	var tags []string
	if n.Check != "" {
		tags = append(tags, n.Check)
	}
	if n.Status != editor.NoteOpen {
		tags = append(tags, string(n.Status))
	}
	if n.Orphaned {
		tags = append(tags, "text gone")
	}
	if len(tags) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(tags, ", "))
	}
	return b.String()
}

func severityIcon(s editor.Severity) fyne.Resource {
	switch s {
	case editor.Error:
		return theme.ErrorIcon()
	case editor.Warning:
		return theme.WarningIcon()
	}
	return theme.InfoIcon()
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 120 {
		s = string(r[:119]) + "…"
	}
	return s
}

// revisionsPanel lists the open article's revisions, newest first.
type revisionsPanel struct {
	list      *widget.List
	revisions []editor.Revision
	onView    func(editor.Revision)
	content   fyne.CanvasObject
}

func newRevisionsPanel(onSave func(), onView func(editor.Revision)) *revisionsPanel {
	p := &revisionsPanel{onView: onView}
	p.list = widget.NewList(
		func() int { return len(p.revisions) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("r12 · label · author · Jan 2 15:04")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= 0 && i < len(p.revisions) {
				o.(*widget.Label).SetText(revisionLine(p.revisions[i]))
			}
		},
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(p.revisions) {
			p.onView(p.revisions[i])
		}
		p.list.UnselectAll()
	}
	save := widget.NewButtonWithIcon("Save Revision…", theme.DocumentSaveIcon(), onSave)
	p.content = container.NewBorder(nil, save, nil, nil, p.list)
	return p
}

func revisionLine(r editor.Revision) string {
	parts := []string{fmt.Sprintf("r%d", r.Number)}
	if r.Label != "" {
		parts = append(parts, r.Label)
	}
	if r.Author != "" {
		parts = append(parts, r.Author)
	}
	parts = append(parts, r.Created.Local().Format("Jan 2 15:04"))
	return strings.Join(parts, " · ")
}

func (p *revisionsPanel) setRevisions(revs []editor.Revision) {
	// Newest first.
	sorted := make([]editor.Revision, len(revs))
	for i, r := range revs {
		sorted[len(revs)-1-i] = r
	}
	p.revisions = sorted
	p.list.Refresh()
}
