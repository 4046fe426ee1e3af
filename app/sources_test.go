package app

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"copydesk/assets"
	"copydesk/editor"
	"copydesk/editor/docx"
	"copydesk/editor/source"
)

func TestAttachViewAndDetachSources(t *testing.T) {
	ws, store, art := newTestWorkspace(t)
	if !ws.sources.empty.Visible() {
		t.Error("an article without sources does not say so")
	}
	if err := ws.AttachSource("Notes from the vote", editor.SourceNotes, "RUIZ: We balanced it.\r\nThe vote was 7-2."); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	wire, _ := charmap.Windows1252.NewEncoder().String("Wire: “Budget passes,” the mayor said.")
	path := filepath.Join(dir, "wire.txt")
	if err := writeTestFile(path, wire); err != nil {
		t.Fatal(err)
	}
	if err := ws.AttachSourceFile(path, editor.SourceWire); err != nil {
		t.Fatal(err)
	}
	stored, err := store.Sources(context.Background(), art.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 2 || stored[0].Text != "RUIZ: We balanced it.\nThe vote was 7-2." || stored[1].Title != "wire.txt" ||
		stored[1].Text != "Wire: “Budget passes,” the mayor said." || stored[1].Kind != editor.SourceWire {
		t.Fatalf("stored sources = %+v", stored)
	}
	if len(ws.sources.sources) != 2 || ws.sources.empty.Visible() {
		t.Errorf("panel lists %d sources", len(ws.sources.sources))
	}
	ws.sources.list.Select(0)
	if ws.sources.detach.Disabled() {
		t.Error("detach stays disabled with a source selected")
	}
	if err := ws.DetachSource(stored[0].ID); err != nil {
		t.Fatal(err)
	}
	if len(ws.sources.sources) != 1 || ws.sources.sources[0].Title != "wire.txt" {
		t.Errorf("after detach the panel lists %+v", ws.sources.sources)
	}
	if err := ws.AttachSource("", editor.SourceNotes, "   "); err == nil {
		t.Error("attaching blank text succeeded")
	}
	if err := ws.AttachSourceFile(filepath.Join(dir, "missing.txt"), editor.SourceNotes); err == nil {
		t.Error("attaching a missing file succeeded")
	}
	// A source sent as a Word file is attached as its text.
	var doc bytes.Buffer
	if err := docx.Write(&doc, "Transcript\nRUIZ: We balanced it.", docx.Meta{}); err != nil {
		t.Fatal(err)
	}
	word := filepath.Join(dir, "transcript.docx")
	if err := writeTestFile(word, doc.String()); err != nil {
		t.Fatal(err)
	}
	if err := ws.AttachSourceFile(word, editor.SourceTranscript); err != nil {
		t.Fatal(err)
	}
	if got := ws.sources.sources[len(ws.sources.sources)-1]; got.Title != "transcript.docx" || got.Text != "Transcript\nRUIZ: We balanced it." {
		t.Errorf("Word source attached as %+v", got)
	}
}

func TestSourceChecksInTheWorkspace(t *testing.T) {
	ws, store, _ := newTestWorkspace(t)
	a, _, err := store.CreateArticle(context.Background(), editor.Article{Title: "Harbor"}, assets.SampleArticle, "r1", "w")
	if err != nil {
		t.Fatal(err)
	}
	ws.library.reload()
	ws.openArticle(a.ID)
	if !strings.Contains(ws.quotes.summary.Text, "no sources attached") {
		t.Errorf("quote sheet summary without sources = %q", ws.quotes.summary.Text)
	}
	if err := ws.AttachSource(assets.SampleSourceTitle, editor.SourceNotes, assets.SampleSource); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ws.quotes.summary.Text, "misquoted") {
		t.Errorf("quote sheet summary with sources = %q", ws.quotes.summary.Text)
	}
	found := false
	for i, r := range ws.notes.rows {
		if r.finding == nil || r.finding.Check != editor.CheckMisquoted {
			continue
		}
		found = true
		ws.notes.list.Select(i)
		if len(ws.notes.related.Objects) != 4 {
			t.Fatalf("related passage shows %d objects, want draft and source with headings", len(ws.notes.related.Objects))
		}
		src := ws.notes.related.Objects[3].(*styledParagraph)
		if !strings.Contains(src.text, "no major delays") || len(src.spans) == 0 {
			t.Errorf("source passage %q with %d marked spans", src.text, len(src.spans))
		}
		break
	}
	if !found {
		t.Errorf("no quote.misquoted finding for the sample with its source; findings: %v", findingRows(ws.notes))
	}
	misquoted := 0
	for _, v := range ws.quotes.verified {
		if v.Status == source.Misquoted {
			misquoted++
		}
	}
	if misquoted == 0 {
		t.Error("quote sheet marks no quotation misquoted")
	}
}
