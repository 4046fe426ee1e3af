package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
)

const reviewText = "Mayor Vows ‘No New Taxes’\n" +
	"Mayor Ana Ruiz said on Monday that the city would balance its budget.\n" +
	"“We will not raise taxes this year,” Ms. Ruiz remarked.\n" +
	"Council member Tom Diaz disagreed with the plan.\n" +
	"“The numbers do not add up.”"

func openReviewArticle(t *testing.T) *Workspace {
	t.Helper()
	ws, store, _ := newTestWorkspace(t)
	a, _, err := store.CreateArticle(context.Background(), editor.Article{Title: "Mayor Vows"}, reviewText, "r1", "w")
	if err != nil {
		t.Fatal(err)
	}
	ws.library.reload()
	ws.openArticle(a.ID)
	return ws
}

func findingRows(p *notesPanel) (checks []string) {
	for _, r := range p.rows {
		if r.finding != nil {
			checks = append(checks, r.finding.Check)
		}
	}
	return checks
}

func TestReviewShowsFindingsGroupedBySeverity(t *testing.T) {
	ws := openReviewArticle(t)
	checks := strings.Join(findingRows(ws.notes), " ")
	for _, want := range []string{"quote.headline-unsupported", "style.attribution-verb"} {
		if !strings.Contains(checks, want) {
			t.Errorf("notes panel findings %q lack %s", checks, want)
		}
	}
	if len(ws.notes.rows) == 0 || ws.notes.rows[0].header != "" && !strings.HasPrefix(ws.notes.rows[0].header, "Warnings") {
		t.Errorf("first row = %+v, want the Warnings header", ws.notes.rows[0])
	}
	// Warnings come before style notes.
	seenInfo := false
	for _, r := range ws.notes.rows {
		if r.finding == nil {
			continue
		}
		if r.finding.Severity == editor.Info {
			seenInfo = true
		} else if seenInfo {
			t.Errorf("warning %s listed after an info finding", r.finding.Check)
		}
	}
	if got := ws.edit.findings.Text; !strings.Contains(got, "warnings") {
		t.Errorf("status bar findings = %q", got)
	}
}

func TestSelectingAFindingSelectsItsWords(t *testing.T) {
	ws := openReviewArticle(t)
	for i, r := range ws.notes.rows {
		if r.finding == nil || r.finding.Check != "style.attribution-verb" {
			continue
		}
		ws.notes.list.Select(i)
		if got := ws.edit.ed.SelectedText(); got != "remarked" {
			t.Errorf("selected %q, want remarked", got)
		}
		if !strings.Contains(ws.notes.detail.Text, "style.attribution-verb") {
			t.Errorf("detail = %q, want the check name", ws.notes.detail.Text)
		}
		return
	}
	t.Fatal("no attribution-verb finding listed")
}

func TestQuoteSheetListsQuotesAndSelectsThem(t *testing.T) {
	ws := openReviewArticle(t)
	var row = -1
	for i, q := range ws.quotes.quotes {
		if q.Direct && strings.HasPrefix(q.Text, "We will not raise taxes") {
			row = i
			if q.SpeakerName != "Ana Ruiz" {
				t.Errorf("speaker = %q, want Ana Ruiz", q.SpeakerName)
			}
		}
	}
	if row < 0 {
		t.Fatalf("quote sheet lacks the mayor's quote: %+v", ws.quotes.quotes)
	}
	if got := quoteCell(ws.quotes.quotes[row], 2); got != "Ana Ruiz" {
		t.Errorf("speaker cell = %q", got)
	}
	ws.quotes.table.Select(widgetCell(row, 1))
	if got := ws.edit.ed.SelectedText(); !strings.Contains(got, "We will not raise taxes this year") {
		t.Errorf("selected %q, want the quotation", got)
	}
}

func TestReviewRerunsAfterAutosave(t *testing.T) {
	ws := openReviewArticle(t)
	before := len(findingRows(ws.notes))
	ws.edit.ed.moveCaret(editor.Pos{Para: 4, Off: len("“The numbers do not add up.”")}, false)
	ws.edit.ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(ws.Editor(), "“Nobody asked us,” he opined.")
	if got := len(findingRows(ws.notes)); got != before {
		t.Fatalf("findings changed before the autosave: %d → %d", before, got)
	}
	if err := ws.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(findingRows(ws.notes), " "), "style.attribution-verb") || len(findingRows(ws.notes)) <= before {
		t.Errorf("after autosave findings = %v (was %d), want the new paragraph's findings", findingRows(ws.notes), before)
	}
}

func TestLocate(t *testing.T) {
	const text = "said he said she said"
	tests := []struct {
		name  string
		exact string
		was   editor.Span
		want  editor.Span
		ok    bool
	}{
		{"unchanged", "he", editor.Span{Start: 5, End: 7}, editor.Span{Start: 5, End: 7}, true},
		{"moved: nearest occurrence", "said", editor.Span{Start: 10, End: 14}, editor.Span{Start: 8, End: 12}, true},
		{"gone", "they", editor.Span{Start: 0, End: 4}, editor.Span{}, false},
		{"span past end", "she", editor.Span{Start: 40, End: 43}, editor.Span{Start: 13, End: 16}, true},
		{"empty", "", editor.Span{}, editor.Span{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := locate(text, tt.exact, tt.was)
			if got != tt.want || ok != tt.ok {
				t.Errorf("locate = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestSelectSpanInWrappedText(t *testing.T) {
	ws, _, _ := newTestWorkspace(t)
	long := strings.Repeat("The council met for hours and argued about every line of the budget, clause by clause. ", 8)
	text := "Hed\n" + long + "\n" + long + "\nShe said “the vote is final” and left."
	ws.edit.load(text)
	if lay := ws.edit.ed.layoutOf(1); len(lay.Lines) < 2 {
		t.Fatalf("a long paragraph laid out on %d line(s): the text does not wrap, so this test proves nothing", len(lay.Lines))
	}
	for _, want := range []string{"the vote is final", "left", "clause by clause. The", "budget, clause by clause. \nThe council"} {
		at := strings.LastIndex(text, want)
		ws.edit.ed.Select(editor.Span{Start: at, End: at + len(want)})
		if got := ws.edit.ed.SelectedText(); got != want {
			t.Errorf("selected %q, want %q", got, want)
		}
	}
}

func TestF7ChecksNowFromTheEditor(t *testing.T) {
	ws := openReviewArticle(t)
	before := len(findingRows(ws.notes))
	ws.edit.ed.moveCaret(editor.Pos{}, false)
	test.Type(ws.Editor(), "“Trust us,” he opined.")
	ws.edit.ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	ws.edit.ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF7})
	if got := len(findingRows(ws.notes)); got <= before {
		t.Errorf("F7 left %d findings (was %d), want the new quote's findings", got, before)
	}
	if !strings.HasPrefix(ws.Text(), "“Trust us,”") {
		t.Errorf("F7 changed the text: %q", ws.Text()[:20])
	}
}

func TestFindingDetailSaysWhy(t *testing.T) {
	ws, store, _ := newTestWorkspace(t)
	text := "Port Fight Goes On\nAlan Pruitt and Joe Bianchi walked the harbor on Monday.\n" +
		"“We will finish before the boats come back,” he said.\n"
	a, _, err := store.CreateArticle(context.Background(), editor.Article{Title: "Port Fight"}, text, "r1", "w")
	if err != nil {
		t.Fatal(err)
	}
	ws.library.reload()
	ws.openArticle(a.ID)
	for i, r := range ws.notes.rows {
		if r.finding == nil || r.finding.Check != editor.CheckAmbiguousSpeaker {
			continue
		}
		ws.notes.list.Select(i)
		if got := ws.notes.detail.Text; !strings.Contains(got, "Why this was flagged: "+r.finding.Why) || r.finding.Why == "" {
			t.Errorf("detail = %q, want the rule that flagged it (%q)", got, r.finding.Why)
		}
		return
	}
	t.Fatalf("no ambiguous-speaker finding listed: %v", findingRows(ws.notes))
}

// TestF6AppliesTheSelectedFix selects a loaded attribution verb, sees the
// suggested fix under it, applies it with F6 after typing elsewhere in
// the text, and takes it back with one Ctrl+Z: only the verb changes.
func TestF6AppliesTheSelectedFix(t *testing.T) {
	ws, store, _ := newTestWorkspace(t)
	text := "Port Fight Goes On\n“We will finish before the boats come back,” Alan Pruitt remarked on Monday.\n"
	a, _, err := store.CreateArticle(context.Background(), editor.Article{Title: "Port Fight"}, text, "r1", "w")
	if err != nil {
		t.Fatal(err)
	}
	ws.library.reload()
	ws.openArticle(a.ID)
	row := -1
	for i, r := range ws.notes.rows {
		if r.finding != nil && r.finding.Check == editor.CheckAttributionVerb {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("no attribution-verb finding listed: %v", findingRows(ws.notes))
	}
	ws.notes.list.Select(row)
	if got := ws.notes.detail.Text; !strings.Contains(got, "Suggested fix: Use “said” — press F6") {
		t.Errorf("detail = %q, want the suggested fix and its key", got)
	}
	// Typing before the finding's words moves them; the fix follows.
	typeEdit(ws, "UPDATE ")
	ws.Window().Canvas().Focus(ws.notes.list)
	ws.onFunctionKey(&fyne.KeyEvent{Name: fyne.KeyF6})
	want := "UPDATE " + strings.Replace(text, "remarked", "said", 1)
	if ws.Text() != want {
		t.Fatalf("after F6 the text is %q, want %q", ws.Text(), want)
	}
	ws.edit.ed.TypedShortcut(&fyne.ShortcutUndo{})
	if got := ws.Text(); got != "UPDATE "+text {
		t.Errorf("one Ctrl+Z gives %q, want the text before the fix", got)
	}
}
