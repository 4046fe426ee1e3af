package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

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
