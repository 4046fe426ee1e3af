package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/source"
	"copydesk/storage"
)

func findingOf(ws *Workspace, check string) (editor.Finding, bool) {
	for _, r := range ws.notes.rows {
		if r.finding != nil && r.finding.Check == check {
			return *r.finding, true
		}
	}
	return editor.Finding{}, false
}

func TestKeepAndDismissFindings(t *testing.T) {
	ws := openReviewArticle(t)
	ctx := context.Background()
	verb, ok := findingOf(ws, editor.CheckAttributionVerb)
	if !ok {
		t.Fatal("no attribution-verb finding to keep")
	}
	if err := ws.KeepFinding(verb); err != nil {
		t.Fatal(err)
	}
	if _, still := findingOf(ws, editor.CheckAttributionVerb); still {
		t.Error("a kept finding is still listed as a finding")
	}
	notes, _ := ws.store.Notes(ctx, ws.ArticleID(), editor.NoteFilter{})
	if len(notes) != 1 || notes[0].Check != editor.CheckAttributionVerb || notes[0].Anchor.Exact != "remarked" || notes[0].Status != editor.NoteOpen {
		t.Fatalf("stored notes = %+v", notes)
	}
	hed, ok := findingOf(ws, editor.CheckHeadlineUnsupported)
	if !ok {
		t.Fatal("no headline finding")
	}
	if err := ws.DismissFinding(hed); err != nil {
		t.Fatal(err)
	}
	// An edit elsewhere and a new check do not bring the dismissed finding back.
	ws.edit.ed.moveCaret(editor.Pos{Para: 3}, false)
	test.Type(ws.Editor(), "Meanwhile, ")
	if err := ws.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	if _, back := findingOf(ws, editor.CheckHeadlineUnsupported); back {
		t.Error("a dismissed finding came back after an edit and a re-check")
	}
	ws.notes.status.SetSelected(filterDismissed)
	if len(ws.notes.items()) != 1 || ws.notes.rows[ws.notes.items()[0]].note.Check != editor.CheckHeadlineUnsupported {
		t.Errorf("dismissed filter lists %+v", ws.notes.rows)
	}
}

func TestCommentsRepliesAndStatus(t *testing.T) {
	ws := openReviewArticle(t)
	ctx := context.Background()
	if err := ws.AddComment("check this"); err == nil {
		t.Error("a note without a selection was accepted")
	}
	text := ws.Text()
	at := strings.Index(text, "balance its budget")
	ws.edit.ed.Select(editor.Span{Start: at, End: at + len("balance its budget")})
	if err := ws.AddComment("Which budget year?"); err != nil {
		t.Fatal(err)
	}
	notes, _ := ws.store.Notes(ctx, ws.ArticleID(), editor.NoteFilter{Comments: true})
	if len(notes) != 1 || notes[0].Anchor.Exact != "balance its budget" || notes[0].Author != "desk" {
		t.Fatalf("comments = %+v", notes)
	}
	if _, err := ws.store.AddReply(ctx, notes[0].ID, "writer", "Fiscal 2027."); err != nil {
		t.Fatal(err)
	}
	// The note the desk resolves is the one it shows, reply and all.
	ws.reloadNotes()
	if err := ws.SetNoteStatus(ws.Notes()[0], editor.NoteResolved); err != nil {
		t.Fatal(err)
	}
	ws.notes.status.SetSelected(filterResolved)
	items := ws.notes.items()
	if len(items) != 1 || ws.notes.rows[items[0]].note.Message != "Which budget year?" {
		t.Fatalf("resolved filter lists %+v", ws.notes.rows)
	}
	ws.notes.list.Select(items[0])
	if len(ws.notes.actionButtons()) != 2 { // Reopen, Replies…
		t.Errorf("%d actions for a resolved note, want Reopen and Replies", len(ws.notes.actionButtons()))
	}
	if got := ws.edit.ed.SelectedText(); got != "balance its budget" {
		t.Errorf("selecting the note selected %q", got)
	}
}

func TestNotesFollowTheirWordsAndOrphan(t *testing.T) {
	ws := openReviewArticle(t)
	ctx := context.Background()
	text := ws.Text()
	at := strings.Index(text, "disagreed")
	ws.edit.ed.Select(editor.Span{Start: at, End: at + len("disagreed")})
	if err := ws.AddComment("Too strong?"); err != nil {
		t.Fatal(err)
	}
	ws.edit.ed.moveCaret(editor.Pos{Para: 1}, false)
	test.Type(ws.Editor(), "On Monday, ")
	if err := ws.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	n, _ := ws.store.Notes(ctx, ws.ArticleID(), editor.NoteFilter{Comments: true})
	if len(n) != 1 || n[0].Orphaned || ws.Text()[n[0].Anchor.Span.Start:n[0].Anchor.Span.End] != "disagreed" {
		t.Fatalf("note after an edit before it: %+v", n)
	}
	// Delete the sentence holding the note's words.
	p := strings.Index(ws.edit.ed.Buffer().Paragraph(3), "Council member")
	ws.edit.ed.moveCaret(editor.Pos{Para: 3, Off: p}, false)
	ws.edit.ed.moveCaret(editor.Pos{Para: 3, Off: len(ws.edit.ed.Buffer().Paragraph(3))}, true)
	ws.edit.ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if err := ws.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	n, _ = ws.store.Notes(ctx, ws.ArticleID(), editor.NoteFilter{Comments: true})
	if len(n) != 1 || !n[0].Orphaned || n[0].Anchor.Exact != "disagreed" {
		t.Fatalf("note whose words were deleted: %+v", n)
	}
}

func TestF8StepsThroughFindings(t *testing.T) {
	ws := openReviewArticle(t)
	items := ws.notes.items()
	if len(items) < 2 {
		t.Fatalf("%d items", len(items))
	}
	ws.edit.ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF8})
	ws.edit.ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF8})
	if ws.notes.selected != items[1] {
		t.Errorf("two F8 presses selected row %d, want %d", ws.notes.selected, items[1])
	}
	ws.edit.ed.KeyDown(&fyne.KeyEvent{Name: "LeftShift"})
	ws.edit.ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF8})
	ws.edit.ed.KeyUp(&fyne.KeyEvent{Name: "LeftShift"})
	if ws.notes.selected != items[0] {
		t.Errorf("Shift+F8 selected row %d, want %d", ws.notes.selected, items[0])
	}
	if ws.edit.ed.SelectedText() == "" {
		t.Error("stepping to a finding did not select its words")
	}
}

func TestNoteFollowsLightlyEditedWords(t *testing.T) {
	ws := openReviewArticle(t)
	ctx := context.Background()
	words := "Council member Tom Diaz disagreed with the plan"
	at := strings.Index(ws.Text(), words)
	ws.edit.ed.Select(editor.Span{Start: at, End: at + len(words)})
	if err := ws.AddComment("Get his reasons."); err != nil {
		t.Fatal(err)
	}
	// Fix the spelling of the name inside the noted words.
	p := strings.Index(ws.edit.ed.Buffer().Paragraph(3), "Diaz")
	ws.edit.ed.moveCaret(editor.Pos{Para: 3, Off: p + 1}, false)
	ws.edit.ed.moveCaret(editor.Pos{Para: 3, Off: p + 2}, true)
	test.Type(ws.Editor(), "í")
	if err := ws.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	n, _ := ws.store.Notes(ctx, ws.ArticleID(), editor.NoteFilter{Comments: true})
	if len(n) != 1 || n[0].Orphaned || n[0].Anchor.Exact != "Council member Tom Díaz disagreed with the plan" {
		t.Fatalf("note after editing a word inside it: %+v", n)
	}
}

func TestUndoBringsAnOrphanedNoteBack(t *testing.T) {
	ws := openReviewArticle(t)
	ctx := context.Background()
	words := "disagreed with the plan"
	at := strings.Index(ws.Text(), words)
	ws.edit.ed.Select(editor.Span{Start: at, End: at + len(words)})
	if err := ws.AddComment("Since when?"); err != nil {
		t.Fatal(err)
	}
	// Delete the paragraph holding the note's words.
	ws.edit.ed.moveCaret(editor.Pos{Para: 3}, false)
	ws.edit.ed.moveCaret(editor.Pos{Para: 3, Off: len(ws.edit.ed.Buffer().Paragraph(3))}, true)
	ws.edit.ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if err := ws.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	n, _ := ws.store.Notes(ctx, ws.ArticleID(), editor.NoteFilter{Comments: true})
	if len(n) != 1 || !n[0].Orphaned {
		t.Fatalf("note after deleting its words: %+v", n)
	}

	ws.edit.ed.TypedShortcut(&fyne.ShortcutUndo{})
	if err := ws.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	if ws.Text() != reviewText {
		t.Fatalf("undo left %q", ws.Text())
	}
	n, _ = ws.store.Notes(ctx, ws.ArticleID(), editor.NoteFilter{Comments: true})
	if len(n) != 1 || n[0].Orphaned || n[0].Anchor.Span.In(ws.Text()) != words {
		t.Fatalf("note after undo: %+v, want it anchored on %q again", n, words)
	}
	if !hasHighlight(ws, words, "Note: Since when?") {
		t.Errorf("highlights after undo = %+v, want the note's words highlighted", ws.edit.ed.highlights)
	}

	// Redo deletes the words again, and the note is orphaned again.
	ws.edit.ed.TypedShortcut(&fyne.ShortcutRedo{})
	if err := ws.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	n, _ = ws.store.Notes(ctx, ws.ArticleID(), editor.NoteFilter{Comments: true})
	if len(n) != 1 || !n[0].Orphaned {
		t.Fatalf("note after redo: %+v", n)
	}
	if hasHighlight(ws, words, "Note: Since when?") {
		t.Error("the orphaned note's words are still highlighted after redo")
	}
}

// hasHighlight reports whether the editor highlights words with message.
func hasHighlight(ws *Workspace, words, message string) bool {
	for _, h := range ws.edit.ed.highlights {
		if h.Span.In(ws.Text()) == words && h.Message == message {
			return true
		}
	}
	return false
}

// harborDraft misquotes its source, harborNotes: "to finish before" for
// "to be finished well before".
const (
	harborDraft = "Harbor Work Starts\nDredging of the harbor starts next week, Mayor Ana Ruiz said on Monday.\n" +
		"“We expect the work to finish before the summer season,” Ruiz said.\nThe council approved the contract in March.\n"
	harborNotes = "Interview with Mayor Ana Ruiz, Monday.\n" +
		"RUIZ: We expect the work to be finished well before the summer season. Dredging starts next week.\n"
)

// noteRowOf returns the notes panel's row of the note with ID id.
func noteRowOf(ws *Workspace, id int64) (int, noteRow, bool) {
	for i, r := range ws.notes.rows {
		if r.note != nil && r.note.ID == id {
			return i, r, true
		}
	}
	return -1, noteRow{}, false
}

// harborWithNotes opens the harbor draft with its interview notes
// attached, so that the source checks raise a misquote.
func harborWithNotes(t *testing.T) (*Workspace, *storage.DB, editor.Article) {
	t.Helper()
	ws, store, _ := newTestWorkspace(t)
	a, _, err := store.CreateArticle(context.Background(), editor.Article{Title: "Harbor Work Starts"}, harborDraft, "r1", "writer")
	if err != nil {
		t.Fatal(err)
	}
	ws.library.reload()
	ws.openArticle(a.ID)
	if err := ws.AttachSource("Interview notes", editor.SourceNotes, harborNotes); err != nil {
		t.Fatal(err)
	}
	return ws, store, a
}

func TestFixedFindingIsMarkedAndResolved(t *testing.T) {
	ws, store, a := harborWithNotes(t)
	ctx := context.Background()
	misquote, ok := findingOf(ws, editor.CheckMisquoted)
	if !ok {
		t.Fatalf("no misquote raised: %v", findingRows(ws.notes))
	}
	if err := ws.KeepFinding(misquote); err != nil {
		t.Fatal(err)
	}
	notes, _ := store.Notes(ctx, a.ID, editor.NoteFilter{Check: editor.CheckMisquoted})
	if len(notes) != 1 {
		t.Fatalf("kept notes = %+v", notes)
	}
	id := notes[0].ID
	if _, row, _ := noteRowOf(ws, id); row.fixed != "" || ws.notes.fixedBar.Visible() {
		t.Fatalf("a note whose finding is still raised is marked %q", row.fixed)
	}

	// Fix the quotation, as the source has it.
	at := strings.Index(ws.Text(), "to finish before") + len("to ")
	ws.edit.ed.Select(editor.Span{Start: at, End: at + len("finish")})
	test.Type(ws.Editor(), "be finished well")
	if err := ws.FlushAutosave(); err != nil {
		t.Fatal(err)
	}
	if _, still := findingOf(ws, editor.CheckMisquoted); still {
		t.Fatal("the corrected quotation is still flagged misquoted")
	}
	_, row, ok := noteRowOf(ws, id)
	if !ok || row.fixed != "no longer raised by the checks" {
		t.Errorf("note row after the fix: fixed %q (listed %v)", row.fixed, ok)
	}
	ws.saveRevision("quote corrected")
	i, row, _ := noteRowOf(ws, id)
	if row.fixed != "fixed in r2" {
		t.Errorf("note row after saving r2: fixed %q, want fixed in r2", row.fixed)
	}
	ws.notes.list.Select(i)
	if got := ws.notes.detail.Text; !strings.Contains(got, "fixed in r2") {
		t.Errorf("note detail = %q, want it to say the note was fixed in r2", got)
	}
	if !ws.notes.fixedBar.Visible() || ws.notes.fixedSummary.Text != "1 note fixed" {
		t.Errorf("fixed bar visible %v, says %q", ws.notes.fixedBar.Visible(), ws.notes.fixedSummary.Text)
	}

	// The review record agrees with its quote sheet before the note is resolved.
	rec, err := ws.reviewRecord()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range rec.Quotes {
		if q.Status == source.Misquoted {
			t.Errorf("the record's quote sheet still calls %q misquoted", q.Text)
		}
	}
	for _, n := range rec.Notes {
		if n.Check == editor.CheckMisquoted && (n.ID != id || !n.Fixed) {
			t.Errorf("the record lists a misquote note that is not marked fixed: %+v", n)
		}
	}

	test.Tap(ws.notes.resolveFixed)
	n, err := store.Note(ctx, id)
	if err != nil || n.Status != editor.NoteResolved {
		t.Fatalf("note after Resolve fixed notes: %+v, %v", n, err)
	}
	replies, _ := store.Replies(ctx, id)
	if len(replies) != 1 || replies[0].Author != "desk" || !strings.Contains(replies[0].Text, "fixed in r2") {
		t.Errorf("replies = %+v, want one by desk saying it was fixed in r2", replies)
	}
	if ws.notes.fixedBar.Visible() {
		t.Error("the fixed bar is still shown with nothing left to resolve")
	}
	if _, _, listed := noteRowOf(ws, id); listed {
		t.Error("the resolved note is still listed under Open")
	}
	rec, _ = ws.reviewRecord()
	for _, n := range rec.Notes {
		if n.Check == editor.CheckMisquoted && (n.Status != editor.NoteResolved || n.Fixed) {
			t.Errorf("after resolving, the record has %+v", n)
		}
	}
}

func TestLongFindingMessageWrapsInItsRow(t *testing.T) {
	ws, _, _ := harborWithNotes(t)
	f, ok := findingOf(ws, editor.CheckMisquoted)
	if !ok {
		t.Fatalf("no misquote raised: %v", findingRows(ws.notes))
	}
	oneLine := widget.NewLabel("One line").MinSize().Height
	if w := fyne.MeasureText(f.Message, theme.TextSize(), fyne.TextStyle{}).Width; w < 2*ws.notes.list.Size().Width {
		t.Fatalf("the message (%.0f wide) fits the list (%.0f wide) in under two lines: this test proves nothing", w, ws.notes.list.Size().Width)
	}
	var msg *widget.Label
	for _, l := range widgetsIn[*widget.Label](ws.notes.list) {
		if l.Text == f.Message && l.Visible() {
			msg = l
		}
	}
	if msg == nil {
		t.Fatal("the finding's message is not shown whole in any row of the list")
	}
	if msg.Wrapping != fyne.TextWrapWord || msg.Truncation != fyne.TextTruncateOff {
		t.Errorf("message label wraps %v, truncates %v; want it wrapped, not cut", msg.Wrapping, msg.Truncation)
	}
	if got := msg.Size().Height; got < msg.MinSize().Height || got < 3*oneLine-4*theme.InnerPadding() {
		t.Errorf("message label is %.0f high, needs %.0f (one line is %.0f): not all of it shows", got, msg.MinSize().Height, oneLine)
	}
	if w := msg.Size().Width; w <= 0 || w > ws.notes.list.Size().Width {
		t.Errorf("message label is %.0f wide in a list %.0f wide", w, ws.notes.list.Size().Width)
	}
}

func TestNotesListStaysVirtualized(t *testing.T) {
	ws, store, _ := newTestWorkspace(t)
	var b strings.Builder
	b.WriteString("Council Meets\n")
	for i := 0; i < 150; i++ {
		fmt.Fprintf(&b, "“We will look at line %d again,” Ms. Ruiz remarked.\n", i+1)
	}
	a, _, err := store.CreateArticle(context.Background(), editor.Article{Title: "Council Meets"}, b.String(), "r1", "w")
	if err != nil {
		t.Fatal(err)
	}
	ws.library.reload()
	ws.openArticle(a.ID)
	if len(ws.notes.rows) < 150 {
		t.Fatalf("%d rows, want one per remarked", len(ws.notes.rows))
	}
	built := 0
	for _, l := range widgetsIn[*widget.Label](ws.notes.list) {
		if l.Wrapping == fyne.TextWrapWord {
			built++
		}
	}
	if built == 0 || built > 40 {
		t.Errorf("%d rows built for %d listed: the list should build only those on screen", built, len(ws.notes.rows))
	}

	// A narrower panel measures the rows again, where the reader was.
	wide := ws.notes.heightsWidth
	ws.notes.list.ScrollToOffset(600)
	ws.win.Resize(fyne.NewSize(800, 800))
	if ws.notes.heightsWidth >= wide {
		t.Errorf("rows measured at %.0f after the list narrowed from %.0f", ws.notes.heightsWidth, wide)
	}
	if got := ws.notes.list.GetScrollOffset(); got != 600 {
		t.Errorf("after a resize the list is scrolled to %.0f, want 600", got)
	}
}

// TestNotesPanelEstimatesThenMeasures fills the panel with more findings
// than it measures at once: the rows past the first get a height estimated
// from their words, which is never shorter than the measured height (no
// message cut short) and equal to it for nearly all rows at several
// widths; selecting a row measures it.
func TestNotesPanelEstimatesThenMeasures(t *testing.T) {
	test.NewTempApp(t)
	text, fs := benchFindings(300)
	for i := range fs {
		fs[i].Message = fmt.Sprintf("%q where the source has %q; check the %s. %s", fmt.Sprint("word", i), fmt.Sprint("other", i), []string{"figure", "name", "wording"}[i%3], strings.Repeat("More words to wrap. ", i%5))
	}
	p := newNotesPanel(nil)
	w := test.NewWindow(p.content)
	defer w.Close()
	for _, width := range []float32{260, 320, 480} {
		w.Resize(fyne.NewSize(width, 700))
		p.heights = nil
		p.setContent(text, fs, nil)
		same, short, n := 0, 0, 0
		for i, r := range p.rows {
			if i < exactRows || r.finding == nil {
				continue
			}
			n++
			est, got := p.estimateHeight(r), p.rowHeight(r, p.heightsWidth)
			switch {
			case est == got:
				same++
			case est < got:
				short++
			}
		}
		if n == 0 || short > 0 || same*100 < 90*n {
			t.Errorf("width %v: of %d estimated rows, %d match the measured height and %d are too short; want 90%% and none", width, n, same, short)
		}
	}
	last := len(p.rows) - 1
	p.list.Select(last)
	if !p.exact[last] {
		t.Errorf("row %d selected but not measured", last)
	}
}
