package main

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/storage"
)

// TestReviseMovesNotes stores revisions from the command line and checks
// that the article's notes follow their words: carried when the words move,
// orphaned when they are gone, and left alone while the desk has unsaved
// edits (their notes sit on the working copy).
func TestReviseMovesNotes(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	store, err := storage.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	r1 := "NATO Hands Over\nMr. Stoltenberg led the 32-member alliance for a decade.\nThe handover was in Brussels."
	a, _, err := store.CreateArticle(ctx, editor.Article{Title: "NATO Hands Over"}, r1, "r1", "w")
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(r1, "32-member")
	n, err := store.AddNote(ctx, editor.Note{ArticleID: a.ID, Revision: 1, Status: editor.NoteOpen, Message: "Check the count.",
		Author: "desk", Anchor: editor.NewAnchor(r1, editor.Span{Start: at, End: at + len("32-member")})})
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(a.ID, 10)
	note := func() editor.Note {
		t.Helper()
		s, err := storage.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		ns, err := s.Notes(ctx, a.ID, editor.NoteFilter{})
		if err != nil || len(ns) != 1 {
			t.Fatalf("notes: %v %v", ns, err)
		}
		return ns[0]
	}

	r2 := "NATO Hands Over\nA new paragraph comes first.\nMr. Stoltenberg led the 32-member alliance for a decade.\nThe handover was in Brussels."
	if code, _, errOut := cli(t, "revise", "--db", db, id, writeFile(t, dir, "r2.txt", r2)); code != 0 {
		t.Fatalf("revise r2: %d %s", code, errOut)
	}
	got := note()
	if got.Orphaned || got.Anchor.Span.In(r2) != "32-member" {
		t.Fatalf("after the words moved: orphaned %v, anchored on %q", got.Orphaned, got.Anchor.Span.In(r2))
	}

	r3 := "NATO Hands Over\nA new paragraph comes first.\nThe handover was in Brussels."
	if code, _, errOut := cli(t, "revise", "--db", db, id, writeFile(t, dir, "r3.txt", r3)); code != 0 {
		t.Fatalf("revise r3: %d %s", code, errOut)
	}
	if got := note(); !got.Orphaned || got.ID != n.ID {
		t.Fatalf("after the words went: %+v, want orphaned", got)
	}

	// Unsaved desk edits: the notes stay on the working copy.
	s, err := storage.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	err = s.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: 3, Text: r2})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := cli(t, "revise", "--db", db, id, writeFile(t, dir, "r4.txt", r2)); code != 0 {
		t.Fatalf("revise r4: %d %s", code, errOut)
	}
	if got := note(); !got.Orphaned {
		t.Errorf("a revision under unsaved desk edits moved the notes: %+v", got)
	}
}
