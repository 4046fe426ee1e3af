package storage

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"copydesk/editor"
)

func TestNotes(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		ctx := context.Background()
		db := open(t)
		text := `The mayor said: "We will build it." Critics disagree.`
		a, rev := mustCreateArticle(t, db, "Bridge", text)
		rev2, err := db.AddRevision(ctx, a.ID, text+" Work starts in May.", "", "")
		if err != nil {
			t.Fatal(err)
		}

		quote := editor.NewAnchor(text, editor.Span{Start: 16, End: 34})
		finding, err := db.AddNote(ctx, editor.Note{
			ArticleID: a.ID, Revision: rev.Number, Check: "quote.unattributed", Severity: editor.Warning,
			Message: "Check the quote against the transcript.", Author: "copydesk", Anchor: quote,
		})
		if err != nil {
			t.Fatalf("AddNote: %v", err)
		}
		wantFinding := editor.Note{
			ID: finding.ID, ArticleID: a.ID, Revision: 1, Check: "quote.unattributed", Severity: editor.Warning,
			Status: editor.NoteOpen, Message: "Check the quote against the transcript.", Author: "copydesk",
			Anchor: quote, Created: at(3), Updated: at(3),
		}
		if finding != wantFinding {
			t.Errorf("AddNote = %+v, want %+v", finding, wantFinding)
		}
		if got, err := db.Note(ctx, finding.ID); err != nil || got != wantFinding {
			t.Errorf("Note = %+v, %v; want %+v", got, err, wantFinding)
		}

		comment, err := db.AddNote(ctx, editor.Note{
			ArticleID: a.ID, Revision: rev.Number, Message: "Who are the critics?", Author: "desk",
			Anchor: editor.NewAnchor(text, editor.Span{Start: 36, End: 43}),
		})
		if err != nil {
			t.Fatal(err)
		}
		resolved, err := db.AddNote(ctx, editor.Note{
			ArticleID: a.ID, Revision: rev2.Number, Check: "style.months", Status: editor.NoteResolved,
			Message: "Spell out the month.", Anchor: editor.NewAnchor(rev2.Text, editor.Span{Start: 0, End: 3}),
		})
		if err != nil {
			t.Fatal(err)
		}

		tests := []struct {
			name   string
			filter editor.NoteFilter
			want   []editor.Note
		}{
			{"all, in text order", editor.NoteFilter{}, []editor.Note{resolved, finding, comment}},
			{"open", editor.NoteFilter{Status: editor.NoteOpen}, []editor.Note{finding, comment}},
			{"dismissed", editor.NoteFilter{Status: editor.NoteDismissed}, nil},
			{"by check", editor.NoteFilter{Check: "quote.unattributed"}, []editor.Note{finding}},
			{"comments", editor.NoteFilter{Comments: true}, []editor.Note{comment}},
			{"by revision", editor.NoteFilter{Revision: 2}, []editor.Note{resolved}},
			{"open findings of a check on revision 1", editor.NoteFilter{Status: editor.NoteOpen, Check: "quote.unattributed", Revision: 1}, []editor.Note{finding}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				got, err := db.Notes(ctx, a.ID, tc.filter)
				if err != nil {
					t.Fatalf("Notes(%+v): %v", tc.filter, err)
				}
				if !reflect.DeepEqual(got, tc.want) {
					t.Errorf("Notes(%+v) =\n%+v\nwant\n%+v", tc.filter, got, tc.want)
				}
			})
		}

		t.Run("update", func(t *testing.T) {
			moved := finding
			moved.Revision = rev2.Number
			moved.Status = editor.NoteDismissed
			moved.Message = "Quote confirmed."
			moved.Orphaned = true
			moved.Anchor = editor.NewAnchor(rev2.Text, editor.Span{Start: 17, End: 33})
			moved.Check, moved.Author, moved.Severity = "ignored", "ignored", editor.Error // not updatable
			got, err := db.UpdateNote(ctx, moved)
			if err != nil {
				t.Fatalf("UpdateNote: %v", err)
			}
			want := wantFinding
			want.Revision, want.Status, want.Message, want.Orphaned, want.Anchor = 2, editor.NoteDismissed, "Quote confirmed.", true, moved.Anchor
			want.Updated = got.Updated
			if got != want || !got.Updated.After(got.Created) {
				t.Errorf("UpdateNote = %+v, want %+v", got, want)
			}
			if stored, err := db.Note(ctx, finding.ID); err != nil || stored != got {
				t.Errorf("Note after update = %+v, %v; want %+v", stored, err, got)
			}
			if list, _ := db.Notes(ctx, a.ID, editor.NoteFilter{}); len(list) != 3 || list[2].ID != finding.ID {
				t.Errorf("orphaned note is not listed last: %+v", list)
			}
		})

		t.Run("refused", func(t *testing.T) {
			for _, tc := range []struct {
				name string
				note editor.Note
			}{
				{"unknown status", editor.Note{ArticleID: a.ID, Revision: 1, Status: "maybe", Message: "m"}},
				{"unknown severity", editor.Note{ArticleID: a.ID, Revision: 1, Severity: 7, Message: "m"}},
				{"no message", editor.Note{ArticleID: a.ID, Revision: 1, Message: "  "}},
				{"reversed span", editor.Note{ArticleID: a.ID, Revision: 1, Message: "m", Anchor: editor.Anchor{Span: editor.Span{Start: 5, End: 2}}}},
				{"negative span", editor.Note{ArticleID: a.ID, Revision: 1, Message: "m", Anchor: editor.Anchor{Span: editor.Span{Start: -1, End: 2}}}},
			} {
				t.Run(tc.name, func(t *testing.T) {
					if _, err := db.AddNote(ctx, tc.note); !errors.Is(err, ErrInvalid) {
						t.Errorf("AddNote = %v, want ErrInvalid", err)
					}
				})
			}
			if _, err := db.Notes(ctx, a.ID, editor.NoteFilter{Check: "x", Comments: true}); !errors.Is(err, ErrInvalid) {
				t.Errorf("Notes with Check and Comments = %v, want ErrInvalid", err)
			}
		})

		t.Run("delete", func(t *testing.T) {
			if _, err := db.AddReply(ctx, comment.ID, "reporter", "The opposition party."); err != nil {
				t.Fatal(err)
			}
			if err := db.DeleteNote(ctx, comment.ID); err != nil {
				t.Fatalf("DeleteNote: %v", err)
			}
			if _, err := db.Note(ctx, comment.ID); !errors.Is(err, ErrNotFound) {
				t.Errorf("Note after delete = %v, want ErrNotFound", err)
			}
			var replies int
			if err := db.rw.QueryRow(db.d.rebind(`SELECT count(*) FROM note_replies WHERE note_id = ?`), comment.ID).Scan(&replies); err != nil || replies != 0 {
				t.Errorf("replies of the deleted note = %d, %v; want 0", replies, err)
			}
			if hits, err := db.Search(ctx, "opposition"); err != nil || len(hits) != 0 {
				t.Errorf("Search finds a deleted note's reply: %+v, %v", hits, err)
			}
		})
	})
}

func TestReplies(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		ctx := context.Background()
		db := open(t)
		a, rev := mustCreateArticle(t, db, "Strike", "Workers walked out.")
		n, err := db.AddNote(ctx, editor.Note{ArticleID: a.ID, Revision: rev.Number, Message: "How many workers?"})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := db.Replies(ctx, n.ID); err != nil || len(got) != 0 {
			t.Errorf("Replies of a new note = %+v, %v; want none", got, err)
		}
		first, err := db.AddReply(ctx, n.ID, "reporter", "About 300, says the union.")
		if err != nil {
			t.Fatalf("AddReply: %v", err)
		}
		want := editor.Reply{ID: first.ID, NoteID: n.ID, Author: "reporter", Text: "About 300, says the union.", Created: at(3)}
		if first != want || first.ID == 0 {
			t.Errorf("AddReply = %+v, want %+v", first, want)
		}
		second, err := db.AddReply(ctx, n.ID, "desk", "Get the company's figure too — ça ira.")
		if err != nil {
			t.Fatal(err)
		}
		if got, err := db.Replies(ctx, n.ID); err != nil || !reflect.DeepEqual(got, []editor.Reply{first, second}) {
			t.Errorf("Replies = %+v, %v; want both in order", got, err)
		}
		if got, err := db.Note(ctx, n.ID); err != nil || !got.Updated.Equal(second.Created) {
			t.Errorf("note Updated = %v, %v; want the last reply's time %v", got.Updated, err, second.Created)
		}
		if _, err := db.AddReply(ctx, n.ID, "desk", " "); !errors.Is(err, ErrInvalid) {
			t.Errorf("AddReply without text = %v, want ErrInvalid", err)
		}
	})
}

func TestImportArticleIsAllOrNothing(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		ctx := context.Background()
		db := open(t)
		text := "Hed\nThe mayor said it."
		made := time.Date(2024, 5, 1, 9, 15, 0, 0, time.UTC)
		note := editor.Note{Message: "Which mayor?", Author: "Desk", Anchor: editor.NewAnchor(text, editor.Span{Start: 8, End: 13}), Created: made}
		answered := made.Add(26 * time.Hour)
		a, rev, err := db.ImportArticle(ctx, editor.Article{Title: "Hed"}, text, "imported", "desk",
			[]editor.Thread{{Note: note, Replies: []editor.Reply{{Author: "Writer", Text: "Lee.", Created: answered}, {Author: "Desk", Text: "Thanks."}}}})
		if err != nil {
			t.Fatalf("ImportArticle: %v", err)
		}
		notes, err := db.Notes(ctx, a.ID, editor.NoteFilter{})
		if err != nil || len(notes) != 1 || notes[0].Revision != rev.Number || !notes[0].Created.Equal(made) ||
			notes[0].Anchor.Exact != "mayor" || notes[0].Status != editor.NoteOpen || notes[0].Author != "Desk" {
			t.Fatalf("notes %+v, %v", notes, err)
		}
		// The file's times are kept; a reply the file does not date is dated now.
		replies, err := db.Replies(ctx, notes[0].ID)
		if err != nil || len(replies) != 2 || replies[0].Author != "Writer" || !replies[0].Created.Equal(answered) || replies[1].Created.IsZero() {
			t.Errorf("replies %+v, %v", replies, err)
		}
		before, err := db.ListArticles(ctx, editor.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		bad := note
		bad.Message = ""
		for name, threads := range map[string][]editor.Thread{
			"a note without a message": {{Note: note}, {Note: bad}},
			"an empty reply":           {{Note: note, Replies: []editor.Reply{{Author: "W", Text: " "}}}},
		} {
			if _, _, err := db.ImportArticle(ctx, editor.Article{Title: "Hed 2"}, text, "imported", "desk", threads); !errors.Is(err, ErrInvalid) {
				t.Errorf("ImportArticle with %s: %v, want ErrInvalid", name, err)
			}
		}
		if after, _ := db.ListArticles(ctx, editor.ArticleFilter{}); len(after) != len(before) {
			t.Errorf("%d articles after a refused import, want %d", len(after), len(before))
		}
	})
}
