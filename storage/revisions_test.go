package storage

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
)

func TestRevisionsAreNumberedInOrder(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		ctx := context.Background()
		db := open(t)
		a, first := mustCreateArticle(t, db, "Storm", "Wind.")
		second, err := db.AddRevision(ctx, a.ID, "Wind and rain.", "subbed", "desk")
		if err != nil {
			t.Fatalf("AddRevision: %v", err)
		}
		want := editor.Revision{ArticleID: a.ID, Number: 2, Label: "subbed", Author: "desk", Text: "Wind and rain.", Created: at(2)}
		if second != want {
			t.Errorf("AddRevision = %+v, want %+v", second, want)
		}
		if got, err := db.Article(ctx, a.ID); err != nil || !got.Updated.Equal(at(2)) {
			t.Errorf("article Updated after AddRevision = %v, %v; want %v", got.Updated, err, at(2))
		}
		latest, err := db.LatestRevision(ctx, a.ID)
		if err != nil || latest != second {
			t.Errorf("LatestRevision = %+v, %v; want %+v", latest, err, second)
		}
		all, err := db.Revisions(ctx, a.ID)
		if err != nil || !reflect.DeepEqual(all, []editor.Revision{first, second}) {
			t.Errorf("Revisions = %+v, %v; want %+v", all, err, []editor.Revision{first, second})
		}
	})
}

func TestRevisionsAreAppendOnly(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		ctx := context.Background()
		db := open(t)
		a, _ := mustCreateArticle(t, db, "Frozen", "First text.")
		if _, err := db.AddRevision(ctx, a.ID, "Second text.", "", ""); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name, sql string
		}{
			{"update text", `UPDATE revisions SET text = 'rewritten' WHERE article_id = 1 AND number = 1`},
			{"renumber", `UPDATE revisions SET number = 5 WHERE article_id = 1 AND number = 2`},
			{"delete one", `DELETE FROM revisions WHERE article_id = 1 AND number = 1`},
			{"delete all", `DELETE FROM revisions`},
			{"insert out of order", `INSERT INTO revisions (article_id, number, text, created) VALUES (1, 7, 'x', '2025-01-01T00:00:00Z')`},
			{"insert over an existing number", `INSERT INTO revisions (article_id, number, text, created) VALUES (1, 1, 'x', '2025-01-01T00:00:00Z')
				ON CONFLICT (article_id, number) DO UPDATE SET text = 'x'`},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				_, err := db.rw.Exec(tc.sql)
				if err == nil || !strings.Contains(err.Error(), "append-only") {
					t.Errorf("%s: got %v, want an append-only error", tc.sql, err)
				}
			})
		}
		all, err := db.Revisions(ctx, a.ID)
		if err != nil || len(all) != 2 || all[0].Text != "First text." || all[1].Text != "Second text." {
			t.Errorf("revisions after the attempts = %+v, %v; want both unchanged", all, err)
		}
	})
}

func TestWorkingCopy(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		ctx := context.Background()
		db := open(t)
		a, _ := mustCreateArticle(t, db, "Election", "Polls open at eight.")

		for i, text := range []string{"Polls open at 8am.", "Polls open at 8am. Turnout is high — ünïcödé ✓."} {
			if err := db.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: 1, Text: text, Updated: time.Unix(5, 0)}); err != nil {
				t.Fatalf("SaveWorkingCopy #%d: %v", i+1, err)
			}
			got, err := db.WorkingCopy(ctx, a.ID)
			want := editor.WorkingCopy{ArticleID: a.ID, Base: 1, Text: text, Updated: at(2 + i)}
			if err != nil || got != want {
				t.Errorf("WorkingCopy after save #%d = %+v, %v; want %+v", i+1, got, err, want)
			}
		}
		if err := db.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: 1, Text: "bad \xff"}); !errors.Is(err, ErrInvalid) {
			t.Errorf("SaveWorkingCopy with invalid UTF-8 = %v, want ErrInvalid", err)
		}
		if hits, err := db.Search(ctx, "turnout"); err != nil || len(hits) != 1 {
			t.Errorf("Search in the working copy = %+v, %v; want one hit", hits, err)
		}

		if err := db.DiscardWorkingCopy(ctx, a.ID); err != nil {
			t.Fatalf("DiscardWorkingCopy: %v", err)
		}
		if _, err := db.WorkingCopy(ctx, a.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("WorkingCopy after discard = %v, want ErrNotFound", err)
		}
		if err := db.DiscardWorkingCopy(ctx, a.ID); err != nil {
			t.Errorf("discarding again = %v, want nil", err)
		}
		if hits, err := db.Search(ctx, "turnout"); err != nil || len(hits) != 0 {
			t.Errorf("Search after discard = %+v, %v; want no hits", hits, err)
		}
	})
}

func TestCommitWorkingCopy(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(t *testing.T) *DB) {
		ctx := context.Background()
		db := open(t)
		a, _ := mustCreateArticle(t, db, "Fire", "A fire broke out.")

		t.Run("commits as next revision", func(t *testing.T) {
			if err := db.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: 1, Text: "A fire broke out at the mill."}); err != nil {
				t.Fatal(err)
			}
			rev, err := db.CommitWorkingCopy(ctx, a.ID, "subbed", "desk")
			if err != nil {
				t.Fatalf("CommitWorkingCopy: %v", err)
			}
			want := editor.Revision{ArticleID: a.ID, Number: 2, Label: "subbed", Author: "desk", Text: "A fire broke out at the mill.", Created: rev.Created}
			if rev != want || rev.Created.IsZero() {
				t.Errorf("CommitWorkingCopy = %+v, want %+v", rev, want)
			}
			if _, err := db.WorkingCopy(ctx, a.ID); !errors.Is(err, ErrNotFound) {
				t.Errorf("WorkingCopy after commit = %v, want ErrNotFound", err)
			}
			if latest, err := db.LatestRevision(ctx, a.ID); err != nil || latest != rev {
				t.Errorf("LatestRevision = %+v, %v; want %+v", latest, err, rev)
			}
		})

		tests := []struct {
			name    string
			wc      editor.WorkingCopy
			wantErr error
		}{
			{"unchanged text", editor.WorkingCopy{ArticleID: a.ID, Base: 2, Text: "A fire broke out at the mill."}, ErrNoChanges},
			{"stale base", editor.WorkingCopy{ArticleID: a.ID, Base: 1, Text: "A fire broke out on Friday."}, ErrConflict},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				if err := db.SaveWorkingCopy(ctx, tc.wc); err != nil {
					t.Fatal(err)
				}
				if _, err := db.CommitWorkingCopy(ctx, a.ID, "", ""); !errors.Is(err, tc.wantErr) {
					t.Errorf("CommitWorkingCopy = %v, want %v", err, tc.wantErr)
				}
				if got, err := db.WorkingCopy(ctx, a.ID); err != nil || got.Text != tc.wc.Text {
					t.Errorf("after the refused commit WorkingCopy = %+v, %v; want it kept", got, err)
				}
				if revs, _ := db.Revisions(ctx, a.ID); len(revs) != 2 {
					t.Errorf("after the refused commit there are %d revisions, want 2", len(revs))
				}
			})
		}
	})
}
