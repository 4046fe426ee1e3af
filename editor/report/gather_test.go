package report

import (
	"context"
	"path/filepath"
	"testing"

	"copydesk/editor"
	"copydesk/storage"
)

func TestGather(t *testing.T) {
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a, _, err := db.CreateArticle(ctx, editor.Article{Title: "Port"}, "Port\nFirst draft.\n", "r1", "writer")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddRevision(ctx, a.ID, "Port\nSecond draft.\n", "r2", "writer"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddSource(ctx, editor.Source{ArticleID: a.ID, Title: "notes", Kind: editor.SourceNotes, Text: "Notes."}); err != nil {
		t.Fatal(err)
	}
	text := "Port\nSecond draft.\n"
	n, err := db.AddNote(ctx, editor.Note{ArticleID: a.ID, Revision: 2, Status: editor.NoteOpen, Message: "check",
		Anchor: editor.NewAnchor(text, editor.Span{Start: 5, End: 11})})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddReply(ctx, n.ID, "desk", "done"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name             string
		rev              editor.Revision
		wantText, wantPr string
		wantNumber       int
	}{
		{"unsaved edits are checked against the latest", editor.Revision{Label: "working copy", Text: "Port\nThird.\n"}, "Port\nThird.\n", "Port\nSecond draft.\n", 0},
		{"unsaved text equal to the latest is the latest", editor.Revision{Text: text}, text, "Port\nFirst draft.\n", 2},
		{"the first revision has no previous", editor.Revision{Number: 1}, "Port\nFirst draft.\n", "", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, err := Gather(ctx, db, a, tc.rev)
			if err != nil {
				t.Fatal(err)
			}
			if in.Revision.Text != tc.wantText || in.Previous != tc.wantPr || in.Revision.Number != tc.wantNumber {
				t.Errorf("revision %d %q, previous %q; want %d %q, %q", in.Revision.Number, in.Revision.Text, in.Previous, tc.wantNumber, tc.wantText, tc.wantPr)
			}
			if len(in.Sources) != 1 || len(in.Notes) != 1 || len(in.Replies[n.ID]) != 1 {
				t.Errorf("sources %d, notes %d, replies %d; want 1 each", len(in.Sources), len(in.Notes), len(in.Replies[n.ID]))
			}
		})
	}
	if _, err := Gather(ctx, db, a, editor.Revision{Number: 3}); err == nil {
		t.Error("Gather of a revision that does not exist succeeded")
	}
}
