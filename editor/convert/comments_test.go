package convert

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/docx"
)

func noteOn(text, words, message, author string, status editor.NoteStatus, rev int) editor.Note {
	i := strings.Index(text, words)
	return editor.Note{ArticleID: 1, Revision: rev, Severity: editor.Info, Status: status, Message: message, Author: author,
		Anchor: editor.NewAnchor(text, editor.Span{Start: i, End: i + len(words)}), Created: time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)}
}

// TestCommentsFollowTheText makes the comments of notes made on an older
// revision: moved words carry their note, gone words put it at the start
// with its words quoted, and dismissed notes are left out.
func TestCommentsFollowTheText(t *testing.T) {
	r1 := "Hed\nThe mayor said the line would open in 2032. Critics disagreed."
	r2 := "Hed\nCritics disagreed. The mayor said the line would open in 2031."
	replied := time.Date(2024, 5, 2, 9, 0, 0, 0, time.UTC)
	notes := []editor.Thread{
		{Note: noteOn(r1, "The mayor", "Which mayor?", "Desk", editor.NoteOpen, 1),
			Replies: []editor.Reply{{Author: "Writer", Text: "Mayor Lee.", Created: replied}}},
		{Note: noteOn(r1, "in 2032", "Check the year.", "Desk", editor.NoteResolved, 1)},
		{Note: noteOn(r1, "Critics", "Name one.", "Desk", editor.NoteDismissed, 1)},
	}
	got := Comments(notes, r2)
	if len(got) != 2 {
		t.Fatalf("comments %+v, want 2 (the dismissed note left out)", got)
	}
	if w := got[0]; w.Span.In(r2) != "The mayor" || w.Author != "Desk" || w.Text != "Which mayor?" || len(w.Replies) != 1 ||
		w.Replies[0].Author != "Writer" || !w.Replies[0].Date.Equal(replied) {
		t.Errorf("moved note: %+v", w)
	}
	if w := got[1]; w.Span != (editor.Span{}) || !w.Resolved || !strings.Contains(w.Text, "“in 2032”") || !strings.Contains(w.Text, "Check the year.") {
		t.Errorf("orphaned note: %+v, want it at the start quoting its words", w)
	}
}

// TestExportedCommentsImportAsNotes writes notes into a redline and a
// clean copy, imports the files and gets the same notes and replies back.
func TestExportedCommentsImportAsNotes(t *testing.T) {
	r1 := "Hed\nThe mayor said the line would open in 2032."
	r2 := "Hed\nThe mayor said on Monday the line would open in 2032."
	notes := []editor.Thread{
		{Note: noteOn(r1, "The mayor", "Which mayor?", "Desk", editor.NoteOpen, 1),
			Replies: []editor.Reply{{Author: "Writer", Text: "Mayor Lee.", Created: time.Date(2024, 5, 2, 9, 0, 0, 0, time.UTC)}}},
		{Note: noteOn(r1, "2032", "Check the year.", "Desk", editor.NoteResolved, 1)},
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		format string
		e      Export
	}{
		{FormatRedlineDOCX, Export{Old: r1, New: r2, Author: "Desk", Notes: notes}},
		{FormatDOCX, Export{Text: r2, Author: "Desk", Notes: notes, Comments: true}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.e.Write(&b, tc.format); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, tc.format+".docx")
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			im, err := Import(path)
			if err != nil {
				t.Fatal(err)
			}
			if im.Text != r2 {
				t.Errorf("text %q", im.Text)
			}
			threads := im.Threads()
			if len(threads) != 2 {
				t.Fatalf("threads %+v", threads)
			}
			for i, th := range threads {
				want := notes[i]
				if th.Note.Message != want.Note.Message || th.Note.Author != "Desk" || th.Note.Status != want.Note.Status ||
					th.Note.Anchor.Exact != want.Note.Anchor.Exact || th.Note.Anchor.Span.In(r2) != want.Note.Anchor.Exact ||
					!th.Note.Created.Equal(want.Note.Created) || th.Note.Check != "" || len(th.Replies) != len(want.Replies) {
					t.Errorf("thread %d: %+v, want %+v", i, th, want)
				}
			}
			if r := threads[0].Replies[0]; r.Author != "Writer" || r.Text != "Mayor Lee." || !r.Created.Equal(notes[0].Replies[0].Created) {
				t.Errorf("reply %+v", r)
			}
			if !strings.Contains(strings.Join(im.Notices, " "), "2 comments come in as notes") {
				t.Errorf("notices %q", im.Notices)
			}
			// A command that only reads the text says the comments
			// were left out.
			if rd, err := Read(path); err != nil || rd.Comments != nil || !strings.Contains(strings.Join(rd.Notices, " "), "2 comments were left out") {
				t.Errorf("Read: %+v, %v", rd, err)
			}
		})
	}
	t.Run("clean copy without the option has no comments", func(t *testing.T) {
		var b bytes.Buffer
		if err := (Export{Text: r2, Notes: notes}).Write(&b, FormatDOCX); err != nil {
			t.Fatal(err)
		}
		d, err := docx.Read(bytes.NewReader(b.Bytes()), int64(b.Len()))
		if err != nil || len(d.Comments) != 0 {
			t.Errorf("comments %+v, %v", d.Comments, err)
		}
	})
}

func TestWordAt(t *testing.T) {
	const text = "Hed\nOne two  three"
	for _, tc := range []struct {
		at   int
		want string
	}{
		{0, "Hed"}, {1, "Hed"}, {3, "Hed"}, {4, "One"}, {8, "two"}, {11, "two"}, {12, "three"}, {len(text), "three"},
	} {
		if got := wordAt(text, tc.at).In(text); got != tc.want {
			t.Errorf("wordAt(%d) = %q, want %q", tc.at, got, tc.want)
		}
	}
	if got := wordAt("  ", 1); !got.Empty() {
		t.Errorf("wordAt in blank text = %v", got)
	}
}

func TestCleanControlsMovesComments(t *testing.T) {
	text := "Hed\nA\u0085b\x7fc words here"
	comments := []docx.Comment{{Span: editor.Span{Start: strings.Index(text, "words"), End: strings.Index(text, "words") + 5}}}
	cleaned, n, moved := cleanControlsKeepingComments(text, comments)
	if n != 2 || moved[0].Span.In(cleaned) != "words" {
		t.Errorf("cleaned %q (%d), comment on %q", cleaned, n, moved[0].Span.In(cleaned))
	}
}
