package storage

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"copydesk/editor"
)

func TestCreateArticle(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		ctx := context.Background()
		db := open(t)
		a, rev, err := db.CreateArticle(ctx,
			editor.Article{ID: 99, Title: "Zürich trams", Slug: "zurich-trams", Byline: "Anna Müller"},
			"Die Trams fahren wieder. 電車", "filed", "anna")
		if err != nil {
			t.Fatalf("CreateArticle: %v", err)
		}
		wantArticle := editor.Article{ID: 1, Title: "Zürich trams", Slug: "zurich-trams", Byline: "Anna Müller", Created: at(1), Updated: at(1)}
		if a != wantArticle {
			t.Errorf("CreateArticle article = %+v, want %+v", a, wantArticle)
		}
		wantRev := editor.Revision{ArticleID: 1, Number: 1, Label: "filed", Author: "anna", Text: "Die Trams fahren wieder. 電車", Created: at(1)}
		if rev != wantRev {
			t.Errorf("CreateArticle revision = %+v, want %+v", rev, wantRev)
		}
		if got, err := db.Article(ctx, a.ID); err != nil || got != wantArticle {
			t.Errorf("Article(%d) = %+v, %v; want %+v", a.ID, got, err, wantArticle)
		}
		if got, err := db.Revision(ctx, a.ID, 1); err != nil || got != wantRev {
			t.Errorf("Revision(%d, 1) = %+v, %v; want %+v", a.ID, got, err, wantRev)
		}
	})
}

func TestCreateArticleRefusesBadInput(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		db := open(t)
		tests := []struct {
			name    string
			article editor.Article
			text    string
		}{
			{"no title", editor.Article{}, "Text."},
			{"blank title", editor.Article{Title: " \t"}, "Text."},
			{"invalid UTF-8 text", editor.Article{Title: "Title"}, "caf\xe9"},
			{"invalid UTF-8 byline", editor.Article{Title: "Title", Byline: "\xff"}, "Text."},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				_, _, err := db.CreateArticle(context.Background(), tc.article, tc.text, "", "")
				if !errors.Is(err, ErrInvalid) {
					t.Errorf("CreateArticle = %v, want ErrInvalid", err)
				}
			})
		}
		list, err := db.ListArticles(context.Background(), editor.ArticleFilter{})
		if err != nil || len(list) != 0 {
			t.Errorf("after refused creations ListArticles = %+v, %v; want none", list, err)
		}
	})
}

func TestMissingRecordsAreNotFound(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		ctx := context.Background()
		db := open(t)
		a, _ := mustCreateArticle(t, db, "Present", "Text.")
		const missing = 404
		tests := []struct {
			name string
			call func() error
		}{
			{"Article", func() error { _, err := db.Article(ctx, missing); return err }},
			{"UpdateArticle", func() error {
				_, err := db.UpdateArticle(ctx, editor.Article{ID: missing, Title: "T"})
				return err
			}},
			{"TrashArticle", func() error { return db.TrashArticle(ctx, missing) }},
			{"RestoreArticle", func() error { return db.RestoreArticle(ctx, missing) }},
			{"PurgeArticle", func() error { return db.PurgeArticle(ctx, missing) }},
			{"AddRevision", func() error { _, err := db.AddRevision(ctx, missing, "t", "", ""); return err }},
			{"Revision of missing article", func() error { _, err := db.Revision(ctx, missing, 1); return err }},
			{"missing Revision", func() error { _, err := db.Revision(ctx, a.ID, 2); return err }},
			{"LatestRevision", func() error { _, err := db.LatestRevision(ctx, missing); return err }},
			{"Revisions", func() error { _, err := db.Revisions(ctx, missing); return err }},
			{"SaveWorkingCopy of missing article", func() error {
				return db.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: missing, Base: 1, Text: "t"})
			}},
			{"SaveWorkingCopy on missing revision", func() error {
				return db.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: 2, Text: "t"})
			}},
			{"WorkingCopy", func() error { _, err := db.WorkingCopy(ctx, a.ID); return err }},
			{"DiscardWorkingCopy", func() error { return db.DiscardWorkingCopy(ctx, missing) }},
			{"CommitWorkingCopy", func() error { _, err := db.CommitWorkingCopy(ctx, a.ID, "", ""); return err }},
			{"AddSource", func() error {
				_, err := db.AddSource(ctx, editor.Source{ArticleID: missing, Kind: editor.SourceWire, Text: "t"})
				return err
			}},
			{"Source", func() error { _, err := db.Source(ctx, missing); return err }},
			{"Sources", func() error { _, err := db.Sources(ctx, missing); return err }},
			{"DeleteSource", func() error { return db.DeleteSource(ctx, missing) }},
			{"AddNote to missing article", func() error {
				_, err := db.AddNote(ctx, editor.Note{ArticleID: missing, Revision: 1, Message: "m"})
				return err
			}},
			{"AddNote on missing revision", func() error {
				_, err := db.AddNote(ctx, editor.Note{ArticleID: a.ID, Revision: 7, Message: "m"})
				return err
			}},
			{"Note", func() error { _, err := db.Note(ctx, missing); return err }},
			{"Notes", func() error { _, err := db.Notes(ctx, missing, editor.NoteFilter{}); return err }},
			{"UpdateNote", func() error {
				_, err := db.UpdateNote(ctx, editor.Note{ID: missing, Revision: 1, Message: "m", Status: editor.NoteOpen})
				return err
			}},
			{"DeleteNote", func() error { return db.DeleteNote(ctx, missing) }},
			{"AddReply", func() error { _, err := db.AddReply(ctx, missing, "me", "text"); return err }},
			{"Replies", func() error { _, err := db.Replies(ctx, missing); return err }},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				err := tc.call()
				if !errors.Is(err, ErrNotFound) {
					t.Fatalf("got %v, want ErrNotFound", err)
				}
				if !strings.HasPrefix(err.Error(), "storage: ") {
					t.Errorf("error %q does not name the package", err)
				}
			})
		}
	})
}

func TestUpdateArticle(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		ctx := context.Background()
		db := open(t)
		a, _ := mustCreateArticle(t, db, "Draft headline", "Text.")
		a.Title, a.Slug, a.Byline = "Final headline", "final", "Desk"
		got, err := db.UpdateArticle(ctx, a)
		if err != nil {
			t.Fatalf("UpdateArticle: %v", err)
		}
		want := editor.Article{ID: a.ID, Title: "Final headline", Slug: "final", Byline: "Desk", Created: at(1), Updated: at(2)}
		if got != want {
			t.Errorf("UpdateArticle = %+v, want %+v", got, want)
		}
		if _, err := db.UpdateArticle(ctx, editor.Article{ID: a.ID}); !errors.Is(err, ErrInvalid) {
			t.Errorf("UpdateArticle without title = %v, want ErrInvalid", err)
		}
		hits, err := db.Search(ctx, "final")
		if err != nil || len(hits) != 1 {
			t.Errorf("Search for the new title = %+v, %v; want one hit", hits, err)
		}
	})
}

func TestTrashRestorePurge(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		ctx := context.Background()
		db := open(t)
		a, rev := mustCreateArticle(t, db, "Spiked story", "Text.")
		keep, _ := mustCreateArticle(t, db, "Kept story", "Other text.")
		n, err := db.AddNote(ctx, editor.Note{ArticleID: a.ID, Revision: rev.Number, Message: "Check this"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddReply(ctx, n.ID, "desk", "Checked"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddSource(ctx, editor.Source{ArticleID: a.ID, Kind: editor.SourceNotes, Text: "Notes"}); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: 1, Text: "Edited text."}); err != nil {
			t.Fatal(err)
		}

		ids := func(trashed bool) []int64 {
			t.Helper()
			list, err := db.ListArticles(ctx, editor.ArticleFilter{Trashed: trashed})
			if err != nil {
				t.Fatalf("ListArticles: %v", err)
			}
			var ids []int64
			for _, s := range list {
				ids = append(ids, s.ID)
			}
			return ids
		}

		if err := db.PurgeArticle(ctx, a.ID); !errors.Is(err, ErrConflict) {
			t.Errorf("PurgeArticle outside the trash = %v, want ErrConflict", err)
		}
		for range 2 { // trashing twice is harmless
			if err := db.TrashArticle(ctx, a.ID); err != nil {
				t.Fatalf("TrashArticle: %v", err)
			}
		}
		if got, want := ids(false), []int64{keep.ID}; !reflect.DeepEqual(got, want) {
			t.Errorf("after trashing, articles = %v, want %v", got, want)
		}
		if got, want := ids(true), []int64{a.ID}; !reflect.DeepEqual(got, want) {
			t.Errorf("after trashing, trash = %v, want %v", got, want)
		}
		if hits, err := db.Search(ctx, "spiked"); err != nil || len(hits) != 0 {
			t.Errorf("Search finds trashed articles: %+v, %v", hits, err)
		}
		if _, err := db.Article(ctx, a.ID); err != nil {
			t.Errorf("Article of a trashed article: %v", err)
		}

		if err := db.RestoreArticle(ctx, a.ID); err != nil {
			t.Fatalf("RestoreArticle: %v", err)
		}
		if got := ids(true); len(got) != 0 {
			t.Errorf("after restoring, trash = %v, want empty", got)
		}

		if err := db.TrashArticle(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.PurgeArticle(ctx, a.ID); err != nil {
			t.Fatalf("PurgeArticle: %v", err)
		}
		if _, err := db.Article(ctx, a.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("Article after purge = %v, want ErrNotFound", err)
		}
		for _, table := range []string{"revisions", "working_copies", "sources", "notes", "note_replies", "article_search", "note_search"} {
			var n int
			if err := db.rw.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			want := 0
			if table == "revisions" || table == "article_search" {
				want = 1 // the kept article's
			}
			if n != want {
				t.Errorf("after purge %s has %d rows, want %d", table, n, want)
			}
		}
	})
}

func TestListArticles(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		ctx := context.Background()
		db := open(t)
		older, _ := mustCreateArticle(t, db, "Budget 100% approved", "The city budget passed on Tuesday.")
		newer, rev := mustCreateArticle(t, db, "Café reopens", "The café on Main Street reopened.")
		if _, err := db.AddRevision(ctx, older.ID, "The city budget passed on Tuesday night.", "", ""); err != nil {
			t.Fatal(err) // older is now the most recently updated
		}
		for i, status := range []editor.NoteStatus{editor.NoteOpen, editor.NoteOpen, editor.NoteResolved} {
			n, err := db.AddNote(ctx, editor.Note{ArticleID: newer.ID, Revision: rev.Number, Status: status, Message: "Spell the owner's name"})
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				if _, err := db.AddReply(ctx, n.ID, "reporter", "It is Łukasiewicz"); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := db.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: newer.ID, Base: 1, Text: "The café on Main Street reopened with a brass band."}); err != nil {
			t.Fatal(err)
		}

		list, err := db.ListArticles(ctx, editor.ArticleFilter{})
		if err != nil {
			t.Fatalf("ListArticles: %v", err)
		}
		olderNow, _ := db.Article(ctx, older.ID)
		want := []editor.ArticleSummary{
			{Article: olderNow, Revisions: 2, LatestRevision: 2, OpenNotes: 0},
			{Article: newer, Revisions: 1, LatestRevision: 1, OpenNotes: 2},
		}
		if !reflect.DeepEqual(list, want) {
			t.Errorf("ListArticles =\n%+v\nwant\n%+v", list, want)
		}

		tests := []struct {
			query string
			want  []int64
		}{
			{"", []int64{older.ID, newer.ID}},
			{"budget", []int64{older.ID}},
			{"BUDGET", []int64{older.ID}},
			{"get 100%", []int64{older.ID}}, // title substring, with a LIKE wildcard taken literally
			{"t_1", nil},                    // would match "Budget 100" if _ were a wildcard
			{"tuesday night", []int64{older.ID}},
			{"tues", []int64{older.ID}}, // the last word matches as a prefix
			{"cafe", []int64{newer.ID}}, // accents folded
			{"brass band", []int64{newer.ID}},
			{"owner's", []int64{newer.ID}},
			{"łukasiewicz", []int64{newer.ID}}, // in a reply; case folded, Ł has no accent to drop
			{"budget café", nil},
			{`"foo AND (`, nil},
			{"*", nil},
			{"NEAR/2 -x", nil},
		}
		for _, tc := range tests {
			t.Run(tc.query, func(t *testing.T) {
				list, err := db.ListArticles(ctx, editor.ArticleFilter{Query: tc.query})
				if err != nil {
					t.Fatalf("ListArticles(%q): %v", tc.query, err)
				}
				var got []int64
				for _, s := range list {
					got = append(got, s.ID)
				}
				if !reflect.DeepEqual(got, tc.want) {
					t.Errorf("ListArticles(%q) = %v, want %v", tc.query, got, tc.want)
				}
			})
		}
	})
}

func TestForeignKeysAreEnforced(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		db := open(t)
		mustCreateArticle(t, db, "Parent", "Text.")
		tests := []struct {
			name, sql string
		}{
			{"revision of missing article", `INSERT INTO revisions (article_id, number, text, created) VALUES (9, 1, 'x', '2025-01-01T00:00:00Z')`},
			{"working copy on missing revision", `INSERT INTO working_copies (article_id, base, text, updated) VALUES (1, 3, 'x', '2025-01-01T00:00:00Z')`},
			{"source of missing article", `INSERT INTO sources (article_id, kind, text, created) VALUES (9, 'wire', 'x', '2025-01-01T00:00:00Z')`},
			{"note on missing revision", `INSERT INTO notes (article_id, revision, severity, message, anchor_start, anchor_end, created, updated)
			VALUES (1, 4, 'info', 'm', 0, 0, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`},
			{"reply to missing note", `INSERT INTO note_replies (note_id, text, created) VALUES (9, 'x', '2025-01-01T00:00:00Z')`},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				_, err := db.rw.Exec(tc.sql)
				if err == nil || !strings.Contains(strings.ToLower(err.Error()), "foreign key") {
					t.Errorf("got %v, want a foreign key error", err)
				}
			})
		}
	})
}
