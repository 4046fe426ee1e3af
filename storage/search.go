package storage

import (
	"context"
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

// Search finds the articles (title, latest revision, working copies) and
// notes (message, replies) that contain all the words of query, the last
// word also matching as the start of a word. Articles in the trash are
// left out. Hits come in the order of ListArticles, each article before
// its notes. Any text is a valid query: punctuation and search operators
// are taken as plain words. Both backends fold case and accents alike, so
// they find the same hits.
func (db *DB) Search(ctx context.Context, query string) ([]editor.SearchHit, error) {
	phrases := queryPhrases(query)
	if len(phrases) == 0 {
		return nil, nil
	}
	if err := db.indexDrafts(ctx); err != nil {
		return nil, fmt.Errorf("storage: search: %w", err)
	}
	var hits []rankedHit
	err := db.view(ctx, func(tx *txn) error {
		var err error
		if tx.pg() {
			hits, err = searchPostgres(ctx, tx, phrases)
		} else {
			hits, err = searchSQLite(ctx, tx, matchExpr(phrases))
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: search: %w", err)
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if !a.updated.Equal(b.updated) {
			return a.updated.After(b.updated)
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

// rankedHit is a hit with the time its article was updated, by which hits
// are ordered.
type rankedHit struct {
	editor.SearchHit
	updated time.Time
}

func searchSQLite(ctx context.Context, tx *txn, match string) ([]rankedHit, error) {
	var hits []rankedHit
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
		found, err := queryAll(ctx, tx, func(row scanner) (rankedHit, error) {
			var (
				h       rankedHit
				snippet string
			)
			err := row.Scan(&h.ArticleID, &h.Title, &h.NoteID, timeColumn{&h.updated}, &snippet)
			h.Snippet, h.Highlights = parseSnippet(snippet)
			return h, err
		}, q, match)
		if err != nil {
			return nil, err
		}
		hits = append(hits, found...)
	}
	return hits, nil
}

// maxQueryWords bounds how many words of a query are searched for; FTS4
// refuses expressions with thousands of terms, as a pasted paragraph has.
const maxQueryWords = 32

// queryPhrases splits what an editor typed into phrases, one per word:
// the word's runs of letters and digits (so "O'Brien" is the phrase
// "O Brien"). Words past maxQueryWords are dropped; a query without
// letters or digits has none.
func queryPhrases(query string) [][]string {
	var phrases [][]string
	for _, word := range strings.Fields(query) {
		if parts := searchWords(word); len(parts) > 0 {
			phrases = append(phrases, parts)
		}
		if len(phrases) == maxQueryWords {
			break
		}
	}
	return phrases
}

// searchWords splits s into the words search indexes and matches (see
// notWordRune), without the combining accents both backends drop
// (isDiacritic), so a lone accent is no word.
func searchWords(s string) []string {
	words := strings.FieldsFunc(s, notWordRune)
	out := words[:0]
	for _, w := range words {
		if w = strings.Map(func(r rune) rune {
			if isDiacritic(r) {
				return -1
			}
			return r
		}, w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// notWordRune reports a character that separates words for search, as
// SQLite's unicode61 tokenizer separates them: everything but letters,
// digits, private-use characters and the combining accents it drops
// (isDiacritic). Other combining marks separate words there, so they do
// here. (unicode61 classifies characters by Unicode 6.1; the few letters
// and symbols assigned since can still split differently.)
func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.Co, r) && !isDiacritic(r)
}

// matchExpr turns queryPhrases into an FTS4 MATCH expression that cannot
// be a syntax error: each phrase is quoted, all phrases must match, and
// the last may be the start of a word. Operators such as AND, NEAR or a
// leading '-' lose their meaning inside the quotes.
func matchExpr(phrases [][]string) string {
	if len(phrases) == 0 {
		return ""
	}
	var b strings.Builder
	for i, p := range phrases {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(strings.Join(p, " "))
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
	err := db.view(ctx, func(tx *txn) error {
		return tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM draft_index_stale)`).Scan(&stale)
	})
	if err != nil || !stale {
		return err
	}
	return db.update(ctx, func(tx *txn, now time.Time) error {
		tx.quiet = true // what the desk holds is unchanged
		return reindexStaleDrafts(ctx, tx)
	})
}

// reindexStaleDrafts indexes the drafts of the articles draft_index_stale
// names and clears it.
func reindexStaleDrafts(ctx context.Context, tx *txn) error {
	if tx.pg() {
		return indexStaleDrafts(ctx, tx)
	}
	if _, err := tx.ExecContext(ctx, `
		UPDATE article_search
		SET draft = coalesce((SELECT group_concat(w.text, char(10)) FROM working_copies w
			WHERE w.article_id = article_search.docid), '')
		WHERE docid IN (SELECT article_id FROM draft_index_stale)`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM draft_index_stale`)
	return err
}

func scanID(row scanner) (int64, error) {
	var id int64
	err := row.Scan(&id)
	return id, err
}
