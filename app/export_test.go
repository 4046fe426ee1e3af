package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/convert"
	"copydesk/editor/docx"
)

func TestExportAsWordAndRedline(t *testing.T) {
	ws, store, art := newTestWorkspace(t)
	if _, err := store.AddRevision(context.Background(), art.ID, sampleText+" Unanimous.", "r2", "desk"); err != nil {
		t.Fatal(err)
	}
	ws.openArticle(art.ID) // reload revisions
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.docx")
	if err := ws.ExportAs(clean, convert.FormatDOCX, 0, 0); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(clean)
	if err != nil {
		t.Fatal(err)
	}
	d, err := docx.Read(bytes.NewReader(b), int64(len(b)))
	if err != nil || d.Text != ws.Text() {
		t.Errorf("exported Word file reads back %q, %v; want the editor text", d.Text, err)
	}
	red := filepath.Join(dir, "red.html")
	if err := ws.ExportAs(red, convert.FormatRedlineHTMLi, 1, 2); err != nil {
		t.Fatal(err)
	}
	if html := readTestFile(t, red); !bytes.Contains([]byte(html), []byte("<ins")) {
		t.Errorf("redline lacks the insertion: %s", html)
	}
	rec := filepath.Join(dir, "record.html")
	if err := ws.ExportAs(rec, convert.FormatReportHTML, 0, 0); err != nil {
		t.Fatal(err)
	}
	if html := readTestFile(t, rec); !bytes.Contains([]byte(html), []byte("Council Backs Budget")) {
		t.Errorf("review record lacks the title")
	}
	if err := ws.ExportAs(filepath.Join(dir, "x"), convert.FormatRedlineDOCX, 1, 9); err == nil {
		t.Error("a redline against a missing revision was written")
	}
}

// TestWordCommentsRoundTrip exports a redline and a clean copy with the
// desk's note and its reply as Word comments, imports them, and finds the
// note and reply on the same words, by the same people.
func TestWordCommentsRoundTrip(t *testing.T) {
	ws, store, art := newTestWorkspace(t)
	ctx := context.Background()
	i := strings.Index(sampleText, "Mayor Ana Ruiz")
	n, err := store.AddNote(ctx, editor.Note{ArticleID: art.ID, Revision: 1, Severity: editor.Info, Message: "Title on first reference?",
		Author: "Desk", Anchor: editor.NewAnchor(sampleText, editor.Span{Start: i, End: i + len("Mayor Ana Ruiz")})})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddReply(ctx, n.ID, "Writer", "Yes, she is the mayor."); err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddRevision(ctx, art.ID, sampleText+" Unanimous.", "r2", "desk"); err != nil {
		t.Fatal(err)
	}
	ws.openArticle(art.ID)
	dir := t.TempDir()
	red := filepath.Join(dir, "red.docx")
	if err := ws.ExportAs(red, convert.FormatRedlineDOCX, 1, 2); err != nil {
		t.Fatal(err)
	}
	clean := filepath.Join(dir, "clean.docx")
	if _, err := ws.exportAs(clean, exportChoice{format: convert.FormatDOCX, comments: true}, 0, 0); err != nil {
		t.Fatal(err)
	}
	sum := ws.importPaths([]string{red, clean}, nil)
	if len(sum.Imported) != 2 {
		t.Fatalf("import: %s", sum)
	}
	for _, f := range sum.Imported {
		notes, err := store.Notes(ctx, f.ID, editor.NoteFilter{})
		if err != nil || len(notes) != 1 {
			t.Fatalf("%s: notes %+v, %v", f.Path, notes, err)
		}
		got := notes[0]
		if got.Anchor.Exact != "Mayor Ana Ruiz" || got.Author != "Desk" || got.Message != "Title on first reference?" || got.Check != "" {
			t.Errorf("%s: note %+v", f.Path, got)
		}
		replies, err := store.Replies(ctx, got.ID)
		if err != nil || len(replies) != 1 || replies[0].Author != "Writer" || replies[0].Text != "Yes, she is the mayor." {
			t.Errorf("%s: replies %+v, %v", f.Path, replies, err)
		}
	}
}
