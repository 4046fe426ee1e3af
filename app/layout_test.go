package app

import (
	"strings"
	"testing"

	"copydesk/editor"
)

// TestDeskFitsASmallScreen holds the window's smallest size within a
// 1024×700 screen, with every pane open, so nothing is cut off there.
func TestDeskFitsASmallScreen(t *testing.T) {
	ws, _, _ := newTestWorkspace(t)
	for _, tab := range []int{0, 1, 2} {
		ws.mainTabs.SelectIndex(tab)
		if min := ws.win.Content().MinSize(); min.Width > 1000 || min.Height > 680 {
			t.Errorf("tab %d: the window needs at least %.0f×%.0f, more than a 1024×700 screen gives", tab, min.Width, min.Height)
		}
	}
}

// TestPaneWidthsDoNotFollowTheirText holds the smallest widths of the
// panes steady whatever they show, so the dividers stay where the editor
// put them: long titles, summaries and messages are cut, not widened for.
func TestPaneWidthsDoNotFollowTheirText(t *testing.T) {
	ws, _, _ := newTestWorkspace(t)
	library, quotes, compare := ws.library.content.MinSize().Width, ws.quotes.content.MinSize().Width, ws.compare.content.MinSize().Width
	long := strings.Repeat("a very long line of text ", 20)
	ws.quotes.summary.SetText(long)
	ws.compare.summary.SetText(long)
	ws.compare.counter.SetText(long)
	ws.library.count.SetText(long)
	ws.library.items = append(ws.library.items, editor.ArticleSummary{Article: editor.Article{Title: long}, LatestRevision: 123, OpenNotes: 4567})
	ws.library.list.Refresh()
	if got := ws.library.content.MinSize().Width; got > library {
		t.Errorf("library pane widened from %.0f to %.0f", library, got)
	}
	if got := ws.quotes.content.MinSize().Width; got > quotes {
		t.Errorf("quote sheet widened from %.0f to %.0f", quotes, got)
	}
	if got := ws.compare.content.MinSize().Width; got > compare {
		t.Errorf("compare view widened from %.0f to %.0f", compare, got)
	}
}
