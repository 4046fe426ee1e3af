package storage

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"copydesk/editor"
)

// Markers snippet() puts around matched words. Control characters do not
// occur in normalised article text.
const (
	markStart = "\x02"
	markEnd   = "\x03"
)

// Search finds the articles (title, latest revision, working copy) and
// notes (message, replies) that contain all the words of query, the last
// word also matching as the start of a word. Articles in the trash are
// left out. Hits come in the order of ListArticles, each article before
// its notes. Any text is a valid query: punctuation and search operators
// are taken as plain words.
func (db *DB) Search(ctx context.Context, query string) ([]editor.SearchHit, error) {
	match := matchExpr(query)
	if match == "" {
		return nil, nil
	}
	type ranked struct {
		editor.SearchHit
		updated string
	}
	var hits []ranked
	if err := db.indexDrafts(ctx); err != nil {
		return nil, fmt.Errorf("storage: search: %w", err)
	}
	err := db.view(ctx, func(tx *sql.Tx) error {
		hits = nil
		for _, q := range []string{`
			SELECT a.id, a.title, 0, a.updated,
				snippet(article_search, char(2), char(3), '…', -1, 24)
			FROM article_search JOIN articles a ON a.id = article_search.docid
			WHERE article_search MATCH ? AND a.deleted_at IS NULL`, `
			SELECT a.id, a.title, n.id, a.updated,
				snippet(note_search, char(2), char(3), '…', -1, 24)
			FROM note_search
				JOIN notes n ON n.id = note_search.docid
				JOIN articles a ON a.id = n.article_id
			WHERE note_search MATCH ? AND a.deleted_at IS NULL`,
		} {
			rows, err := tx.QueryContext(ctx, q, match)
			if err != nil {
				return err
			}
			for rows.Next() {
				var (
					h       ranked
					snippet string
				)
				if err := rows.Scan(&h.ArticleID, &h.Title, &h.NoteID, &h.updated, &snippet); err != nil {
					rows.Close()
					return err
				}
				h.Snippet, h.Highlights = parseSnippet(snippet)
				hits = append(hits, h)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: search: %w", err)
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.updated != b.updated {
			return a.updated > b.updated
		}
		if a.ArticleID != b.ArticleID {
			return a.ArticleID > b.ArticleID
		}
		return a.NoteID < b.NoteID
	})
	out := make([]editor.SearchHit, len(hits))
	for i, h := range hits {
		out[i] = h.SearchHit
	}
	return out, nil
}

// maxQueryWords bounds how many words of a query are searched for; FTS4
// refuses expressions with thousands of terms, as a pasted paragraph has.
const maxQueryWords = 32

// matchExpr turns what an editor typed into an FTS4 MATCH expression that
// cannot be a syntax error: each word becomes a quoted phrase of its
// letters and digits (so "O'Brien" is the phrase "O Brien"), all phrases
// must match, and the last may be the start of a word. Operators such as
// AND, NEAR or a leading '-' lose their meaning inside the quotes. Words
// past maxQueryWords are dropped. It returns "" when the query has no
// letters or digits.
func matchExpr(query string) string {
	var phrases []string
	for _, word := range strings.Fields(query) {
		parts := strings.FieldsFunc(word, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r)
		})
		if len(parts) > 0 {
			phrases = append(phrases, strings.Join(parts, " "))
		}
		if len(phrases) == maxQueryWords {
			break
		}
	}
	if len(phrases) == 0 {
		return ""
	}
	var b strings.Builder
	for i, p := range phrases {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(p)
		if i == len(phrases)-1 {
			b.WriteByte('*')
		}
		b.WriteByte('"')
	}
	return b.String()
}

// parseSnippet removes the match markers from a snippet and returns where
// they were, as spans into the cleaned text.
func parseSnippet(s string) (string, []editor.Span) {
	var (
		b     strings.Builder
		spans []editor.Span
		start = -1
	)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case markStart[0]:
			start = b.Len()
		case markEnd[0]:
			if start >= 0 {
				spans = append(spans, editor.Span{Start: start, End: b.Len()})
				start = -1
			}
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), spans
}

// indexDrafts brings the search index of the working copies saved since it
// was last read up to date (see migration 0003_draft_index): autosave
// marks a draft stale instead of re-indexing a long text at every write.
// A read-only desk is searched as it was last indexed.
func (db *DB) indexDrafts(ctx context.Context) error {
	if db.readOnly {
		return nil
	}
	var stale bool
	err := db.view(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM draft_index_stale)`).Scan(&stale)
	})
	if err != nil || !stale {
		return err
	}
	return db.update(ctx, func(tx *sql.Tx, now time.Time) error {
		if _, err := tx.ExecContext(ctx, `
			UPDATE article_search
			SET draft = coalesce((SELECT w.text FROM working_copies w WHERE w.article_id = article_search.docid), '')
			WHERE docid IN (SELECT article_id FROM draft_index_stale)`); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM draft_index_stale`)
		return err
	})
}
