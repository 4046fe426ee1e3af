package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor/quote"
	"copydesk/editor/source"
)

// quoteSheetPanel shows every quotation and reported statement with its
// speaker, verb and how it is attributed.
type quoteSheetPanel struct {
	table    *widget.Table
	summary  *statusLabel
	quotes   []quote.Quote
	verified map[int]source.Verification // by index into quotes
	onSelect func(quote.Quote)
	content  fyne.CanvasObject
}

var quoteColumns = []struct {
	title string
	width float32
}{
	{"¶", 40}, {"Quote", 240}, {"Speaker", 130}, {"Verb", 80}, {"How", 100}, {"Source", 100},
}

func newQuoteSheetPanel(onSelect func(quote.Quote)) *quoteSheetPanel {
	p := &quoteSheetPanel{onSelect: onSelect}
	p.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(p.quotes), len(quoteColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < 0 || id.Row >= len(p.quotes) {
				return
			}
			if id.Col == len(quoteColumns)-1 {
				o.(*widget.Label).SetText(verificationCell(p.verified, id.Row))
				return
			}
			o.(*widget.Label).SetText(quoteCell(p.quotes[id.Row], id.Col))
		},
	)
	p.table.ShowHeaderColumn = false
	p.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		return l
	}
	p.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 && id.Col < len(quoteColumns) {
			o.(*widget.Label).SetText(quoteColumns[id.Col].title)
		}
	}
	for i, c := range quoteColumns {
		p.table.SetColumnWidth(i, c.width)
	}
	p.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(p.quotes) && p.onSelect != nil {
			p.onSelect(p.quotes[id.Row])
		}
	}
	p.summary = newStatusLabel(fyne.TextAlignLeading)
	p.content = container.NewBorder(p.summary, nil, nil, nil, container.New(&quoteTableLayout{p: p}, p.table))
	return p
}

// quoteTableLayout fits the quote sheet's columns to the pane: the Quote
// column takes what the others leave, and when the pane is narrow the
// others shrink too, down to a floor, so every column stays in view.
type quoteTableLayout struct {
	p     *quoteSheetPanel
	width float32 // the width the columns were last fitted to
}

// MinSize implements fyne.Layout.
func (l *quoteTableLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return objects[0].MinSize()
}

// Layout implements fyne.Layout.
func (l *quoteTableLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if size.Width != l.width {
		l.width = size.Width
		for i, w := range quoteColumnWidths(size.Width - theme.ScrollBarSize() - theme.Padding()) {
			l.p.table.SetColumnWidth(i, w)
		}
	}
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(size)
}

// quoteColumnWidths shares width among the quote sheet's columns.
func quoteColumnWidths(width float32) []float32 {
	const quoteCol, minQuote, floor = 1, 140, 0.7
	// The ¶ column keeps its width ("hed", "10"); the others shrink.
	para := quoteColumns[0].width
	var fixed float32
	for i, c := range quoteColumns {
		if i > quoteCol {
			fixed += c.width
		}
	}
	scale := float32(1)
	if width-para-fixed < minQuote {
		scale = max(floor, (width-para-minQuote)/fixed)
	}
	out := make([]float32, len(quoteColumns))
	out[0] = para
	used := para
	for i, c := range quoteColumns {
		if i > quoteCol {
			out[i] = c.width * scale
			used += out[i]
		}
	}
	out[quoteCol] = max(minQuote, width-used)
	return out
}

func quoteCell(q quote.Quote, col int) string {
	switch col {
	case 0:
		if q.Headline {
			return "hed"
		}
		return fmt.Sprint(q.Paragraph)
	case 1:
		switch {
		case !q.Direct:
			return oneLine(q.Text)
		case !q.Speech:
			return "(not speech) “" + oneLine(q.Text) + "”"
		}
		return "“" + oneLine(q.Text) + "”"
	case 2:
		switch {
		case q.SpeakerName != "":
			return q.SpeakerName
		case q.Speaker != nil:
			return q.Speaker.Text
		}
		return "—"
	case 3:
		if q.Verb != nil {
			return q.Verb.Text
		}
		return ""
	case 4:
		if q.Headline {
			return "headline"
		}
		return string(q.Attribution)
	}
	return ""
}

// verificationCell says how the sources bear quotation i out.
func verificationCell(verified map[int]source.Verification, i int) string {
	v, ok := verified[i]
	if !ok {
		return ""
	}
	switch v.Status {
	case source.Verbatim:
		return "✓ verbatim"
	case source.Misquoted:
		return "≠ misquoted"
	case source.Unverified:
		return "? unverified"
	}
	return "no sources"
}

func (p *quoteSheetPanel) setQuotes(quotes []quote.Quote, verified map[int]source.Verification, noSources bool) {
	p.quotes, p.verified = quotes, verified
	direct, reported := 0, 0
	for _, q := range quotes {
		if q.Direct {
			direct++
		} else {
			reported++
		}
	}
	summary := fmt.Sprintf("%d quotations, %d reported statements", direct, reported)
	if noSources {
		summary += " · no sources attached, so quotations are unverified"
	} else {
		var ok, off, none int
		for _, v := range verified {
			switch v.Status {
			case source.Verbatim:
				ok++
			case source.Misquoted:
				off++
			case source.Unverified:
				none++
			}
		}
		summary += fmt.Sprintf(" · against the sources: %d verbatim, %d misquoted, %d unverified", ok, off, none)
	}
	p.summary.SetText(summary)
	p.table.UnselectAll()
	p.table.Refresh()
}
