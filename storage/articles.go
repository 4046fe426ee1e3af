package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"copydesk/editor"
)

// CreateArticle stores a new article with text as its revision 1. The
// ID, Created and Updated of a are ignored; the stored article and its
// first revision are returned.
func (db *DB) CreateArticle(ctx context.Context, a editor.Article, text, label, author string) (editor.Article, editor.Revision, error) {
	return db.ImportArticle(ctx, a, text, label, author, nil)
}

// ImportArticle is CreateArticle for an article read from a file that
// holds notes on its text (a Word file's comments): the article, its
// revision 1 and the notes on it, with their replies, are stored in one
// transaction, all or nothing. The threads' ArticleID and Revision are
// set here. The notes and replies keep the times the file gives (a zero
// time means now), since a comment was made when its author made it, not
// when it was imported.
func (db *DB) ImportArticle(ctx context.Context, a editor.Article, text, label, author string, threads []editor.Thread) (editor.Article, editor.Revision, error) {
	var (
		article editor.Article
		rev     editor.Revision
	)
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		var err error
		article, rev, err = insertArticle(ctx, tx, a, text, label, author, threads, now)
		return err
	})
	if err != nil {
		return editor.Article{}, editor.Revision{}, fmt.Errorf("storage: create article: %w", err)
	}
	return article, rev, nil
}

// insertArticle stores an article, its revision 1 and the threads on it
// in tx, as ImportArticle does.
func insertArticle(ctx context.Context, tx *txn, a editor.Article, text, label, author string, threads []editor.Thread, now time.Time) (editor.Article, editor.Revision, error) {
	if err := checkArticle(a); err != nil {
		return editor.Article{}, editor.Revision{}, err
	}
	article := a
	err := tx.QueryRowContext(ctx, `
		INSERT INTO articles (title, slug, byline, created, updated)
		VALUES (?, ?, ?, ?, ?)
		RETURNING id`,
		a.Title, a.Slug, a.Byline, tx.time(now), tx.time(now)).Scan(&article.ID)
	if err != nil {
		return editor.Article{}, editor.Revision{}, err
	}
	article.Created, article.Updated = now, now
	rev, err := insertRevision(ctx, tx, article.ID, text, label, author, now)
	if err != nil {
		return editor.Article{}, editor.Revision{}, err
	}
	for _, th := range threads {
		th.Note.ArticleID, th.Note.Revision = article.ID, rev.Number
		if _, err := insertThread(ctx, tx, th, now); err != nil {
			return editor.Article{}, editor.Revision{}, err
		}
	}
	return article, rev, nil
}

func checkArticle(a editor.Article) error {
	if strings.TrimSpace(a.Title) == "" {
		return fmt.Errorf("%w: an article needs a title", ErrInvalid)
	}
	for _, f := range []struct{ name, value string }{{"title", a.Title}, {"slug", a.Slug}, {"byline", a.Byline}} {
		if err := checkText(f.name, f.value); err != nil {
			return err
		}
	}
	return nil
}

const articleColumns = `a.id, a.title, a.slug, a.byline, a.created, a.updated`

func scanArticle(row scanner, a *editor.Article, more ...any) error {
	dest := append([]any{&a.ID, &a.Title, &a.Slug, &a.Byline, timeColumn{&a.Created}, timeColumn{&a.Updated}}, more...)
	return row.Scan(dest...)
}

// Article returns the article with the given ID, in the trash or not.
func (db *DB) Article(ctx context.Context, id int64) (editor.Article, error) {
	var a editor.Article
	err := db.view(ctx, func(tx *txn) error {
		err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = ?`, id), &a)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("article %d: %w", id, ErrNotFound)
		}
		return err
	})
	if err != nil {
		return editor.Article{}, fmt.Errorf("storage: article: %w", err)
	}
	return a, nil
}

// UpdateArticle changes an article's title, slug and byline and returns
// the stored article.
func (db *DB) UpdateArticle(ctx context.Context, a editor.Article) (editor.Article, error) {
	var out editor.Article
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		if err := checkArticle(a); err != nil {
			return err
		}
		err := scanArticle(tx.QueryRowContext(ctx, `
			UPDATE articles SET title = ?, slug = ?, byline = ?, updated = ?
			WHERE id = ?
			RETURNING id, title, slug, byline, created, updated`,
			a.Title, a.Slug, a.Byline, tx.time(now), a.ID), &out)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("article %d: %w", a.ID, ErrNotFound)
		}
		if err != nil {
			return err
		}
		return indexArticle(ctx, tx, a.ID)
	})
	if err != nil {
		return editor.Article{}, fmt.Errorf("storage: update article: %w", err)
	}
	return out, nil
}

// TrashArticle moves an article to the trash, from which RestoreArticle
// brings it back. Trashing an article already in the trash does nothing.
func (db *DB) TrashArticle(ctx context.Context, id int64) error {
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		return updateOne(ctx, tx, fmt.Sprintf("article %d", id),
			`UPDATE articles SET deleted_at = coalesce(deleted_at, ?) WHERE id = ?`, tx.time(now), id)
	})
	if err != nil {
		return fmt.Errorf("storage: trash article: %w", err)
	}
	return nil
}

// RestoreArticle takes an article out of the trash. Restoring an article
// that is not in the trash does nothing.
func (db *DB) RestoreArticle(ctx context.Context, id int64) error {
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		return updateOne(ctx, tx, fmt.Sprintf("article %d", id),
			`UPDATE articles SET deleted_at = NULL WHERE id = ?`, id)
	})
	if err != nil {
		return fmt.Errorf("storage: restore article: %w", err)
	}
	return nil
}

// PurgeArticle deletes an article in the trash for good, with its
// revisions, working copy, sources, notes and replies. An article not in
// the trash is refused with ErrConflict.
func (db *DB) PurgeArticle(ctx context.Context, id int64) error {
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		var deletedAt sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT deleted_at FROM articles WHERE id = ?`, id).Scan(&deletedAt)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("article %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if !deletedAt.Valid {
			return fmt.Errorf("%w: article %d is not in the trash", ErrConflict, id)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("storage: purge article: %w", err)
	}
	return nil
}

// ListArticles returns the articles f selects, most recently updated
// first, each with its revision count, latest revision number and number
// of open notes.
func (db *DB) ListArticles(ctx context.Context, f editor.ArticleFilter) ([]editor.ArticleSummary, error) {
	query := `
		SELECT ` + articleColumns + `,
			(SELECT count(*) FROM revisions r WHERE r.article_id = a.id),
			(SELECT coalesce(max(r.number), 0) FROM revisions r WHERE r.article_id = a.id),
			(SELECT count(*) FROM notes n WHERE n.article_id = a.id AND n.status = 'open')
		FROM articles a
		WHERE (a.deleted_at IS NOT NULL) = ?`
	args := []any{f.Trashed}
	// What is typed may not be valid UTF-8, or hold a NUL (a paste, a
	// script); PostgreSQL refuses such a parameter, and neither can match
	// a title anyway.
	if q := strings.TrimSpace(strings.ReplaceAll(strings.ToValidUTF8(f.Query, "\uFFFD"), "\x00", "")); q != "" {
		// SQLite's LIKE ignores the case of ASCII letters; lower() on both
		// sides gives PostgreSQL's the same, and changes nothing in SQLite.
		conds := []string{`lower(a.title) LIKE lower(?) ESCAPE '\'`}
		args = append(args, "%"+escapeLike(q)+"%")
		if phrases := queryPhrases(q); len(phrases) > 0 {
			if err := db.indexDrafts(ctx); err != nil {
				return nil, fmt.Errorf("storage: list articles: %w", err)
			}
			if db.d == postgresDialect {
				conds = append(conds,
					`a.id IN (SELECT article_id FROM article_search WHERE doc @@ to_tsquery('simple', ?))`,
					`a.id IN (SELECT n.article_id FROM note_search s JOIN notes n ON n.id = s.note_id WHERE s.doc @@ to_tsquery('simple', ?))`)
				args = append(args, tsQuery(phrases), tsQuery(phrases))
			} else {
				conds = append(conds,
					`a.id IN (SELECT docid FROM article_search WHERE article_search MATCH ?)`,
					`a.id IN (SELECT n.article_id FROM note_search JOIN notes n ON n.id = note_search.docid WHERE note_search MATCH ?)`)
				args = append(args, matchExpr(phrases), matchExpr(phrases))
			}
		}
		query += ` AND (` + strings.Join(conds, ` OR `) + `)`
	}
	query += ` ORDER BY a.updated DESC, a.id DESC`

	var list []editor.ArticleSummary
	err := db.view(ctx, func(tx *txn) error {
		list = nil
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s editor.ArticleSummary
			if err := scanArticle(rows, &s.Article, &s.Revisions, &s.LatestRevision, &s.OpenNotes); err != nil {
				return err
			}
			list = append(list, s)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("storage: list articles: %w", err)
	}
	return list, nil
}

// escapeLike makes s match itself literally in a LIKE pattern that uses
// ESCAPE '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// updateOne runs an UPDATE or DELETE that must touch exactly one row, and
// reports ErrNotFound, naming what, when it touches none.
func updateOne(ctx context.Context, tx *txn, what, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return nil
}
