package app

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

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

// TestSelectionStandsApartFromFindingTints holds the selection colour far
// in hue from every finding tint, in the light and the dark theme.
func TestSelectionStandsApartFromFindingTints(t *testing.T) {
	th := theme.DefaultTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		sel := resolveColor(th, colorSelection, v)
		for _, tint := range []fyne.ThemeColorName{colorErrorTint, colorWarningTint, colorInfoTint, colorFindMark} {
			if d := hueDistance(sel, resolveColor(th, tint, v)); d < 40 {
				t.Errorf("variant %d: selection and %s are %.0f° apart in hue", v, tint, d)
			}
		}
	}
	ws, _, _ := newTestWorkspace(t)
	ws.edit.ed.Select(editor.Span{Start: 0, End: 7})
	_, spans := ws.edit.ed.paragraphContent(0)
	if last := spans[len(spans)-1]; last.Style.Background != colorSelection {
		t.Errorf("the selection is drawn with %q", last.Style.Background)
	}
}

// hueDistance is the angle between two colours' hues, in degrees.
func hueDistance(a, b color.Color) float64 {
	d := math.Abs(hue(a) - hue(b))
	return math.Min(d, 360-d)
}

func hue(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	rf, gf, bf := float64(r), float64(g), float64(b)
	mx, mn := math.Max(rf, math.Max(gf, bf)), math.Min(rf, math.Min(gf, bf))
	if mx == mn {
		return 0
	}
	var h float64
	switch mx {
	case rf:
		h = math.Mod((gf-bf)/(mx-mn), 6)
	case gf:
		h = (bf-rf)/(mx-mn) + 2
	default:
		h = (rf-gf)/(mx-mn) + 4
	}
	h *= 60
	if h < 0 {
		h += 360
	}
	return h
}

// TestReadableMeasure caps the text column on a wide screen, centred, and
// lets it run the pane's width when turned off.
func TestReadableMeasure(t *testing.T) {
	ws, _, _ := newTestWorkspace(t)
	ws.edit.content.Resize(fyne.NewSize(1900, 900))
	ws.edit.column.Resize(fyne.NewSize(1900, 800))
	ed := ws.edit.ed
	perChar := fyne.MeasureText("n", theme.TextSize(), fyne.TextStyle{}).Width
	if w := ed.Size().Width; w > 100*perChar || w < 60*perChar {
		t.Errorf("with the measure on, the column is %.0f px (%.0f characters)", w, w/perChar)
	}
	if x := ed.Position().X; x < 400 {
		t.Errorf("the column starts at x=%.0f, not centred", x)
	}
	ws.setReadableMeasure(false)
	if w := ed.Size().Width; w != 1900 {
		t.Errorf("with the measure off, the column is %.0f px, want the pane's 1900", w)
	}
	if ws.app.Preferences().Bool(prefReadableMeasure) {
		t.Error("turning the measure off was not remembered")
	}
}

// TestQuoteSheetColumnsFitThePane keeps every quote-sheet column in view on
// a narrow pane and gives a wide pane's room to the quotations.
func TestQuoteSheetColumnsFitThePane(t *testing.T) {
	for _, width := range []float32{420, 600, 1400} {
		ws := quoteColumnWidths(width)
		var sum float32
		for _, w := range ws {
			sum += w
		}
		if width >= 500 && sum > width+0.5 {
			t.Errorf("at %.0f px the columns need %.0f px", width, sum)
		}
		if ws[1] < 140 {
			t.Errorf("at %.0f px the Quote column is %.0f px", width, ws[1])
		}
	}
	if ws := quoteColumnWidths(1400); ws[1] < 900 {
		t.Errorf("a wide pane gives the quotations only %.0f px", ws[1])
	}
}
