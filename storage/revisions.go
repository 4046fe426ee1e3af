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

// AddRevision stores text as the next revision of an article and returns
// it. The article's Updated time moves to now.
func (db *DB) AddRevision(ctx context.Context, articleID int64, text, label, author string) (editor.Revision, error) {
	var rev editor.Revision
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		if err := lockArticle(ctx, tx, articleID); err != nil {
			return err
		}
		var err error
		rev, err = insertRevision(ctx, tx, articleID, text, label, author, now)
		return err
	})
	if err != nil {
		return editor.Revision{}, fmt.Errorf("storage: add revision: %w", err)
	}
	return rev, nil
}

// insertRevision appends a revision to an existing article and marks the
// article updated. The number is taken inside the write transaction, with
// the article locked (lockArticle) where it already existed, so concurrent
// writers get consecutive numbers.
func insertRevision(ctx context.Context, tx *txn, articleID int64, text, label, author string, now time.Time) (editor.Revision, error) {
	label, author = oneLine(label), oneLine(author)
	for _, f := range []struct{ name, value string }{{"text", text}, {"label", label}, {"author", author}} {
		if err := checkText(f.name, f.value); err != nil {
			return editor.Revision{}, err
		}
	}
	rev := editor.Revision{ArticleID: articleID, Label: label, Author: author, Text: text, Created: now}
	err := tx.QueryRowContext(ctx, `
		INSERT INTO revisions (article_id, number, label, author, text, created)
		SELECT ?, coalesce(max(number), 0) + 1, ?, ?, ?, ? FROM revisions WHERE article_id = ?
		RETURNING number`,
		articleID, label, author, text, tx.time(now), articleID).Scan(&rev.Number)
	if err != nil {
		return editor.Revision{}, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET updated = ? WHERE id = ?`, tx.time(now), articleID); err != nil {
		return editor.Revision{}, err
	}
	return rev, indexArticle(ctx, tx, articleID)
}

const revisionColumns = `article_id, number, label, author, text, created`

func scanRevision(row scanner) (editor.Revision, error) {
	var r editor.Revision
	err := row.Scan(&r.ArticleID, &r.Number, &r.Label, &r.Author, &r.Text, timeColumn{&r.Created})
	return r, err
}

// Revision returns revision number n of an article.
func (db *DB) Revision(ctx context.Context, articleID int64, n int) (editor.Revision, error) {
	var rev editor.Revision
	err := db.view(ctx, func(tx *txn) error {
		var err error
		rev, err = scanRevision(tx.QueryRowContext(ctx,
			`SELECT `+revisionColumns+` FROM revisions WHERE article_id = ? AND number = ?`, articleID, n))
		if errors.Is(err, sql.ErrNoRows) {
			if err := articleMustExist(ctx, tx, articleID); err != nil {
				return err
			}
			return fmt.Errorf("revision %d of article %d: %w", n, articleID, ErrNotFound)
		}
		return err
	})
	if err != nil {
		return editor.Revision{}, fmt.Errorf("storage: revision: %w", err)
	}
	return rev, nil
}

// LatestRevision returns the highest-numbered revision of an article.
func (db *DB) LatestRevision(ctx context.Context, articleID int64) (editor.Revision, error) {
	var rev editor.Revision
	err := db.view(ctx, func(tx *txn) error {
		var err error
		rev, err = latestRevision(ctx, tx, articleID)
		return err
	})
	if err != nil {
		return editor.Revision{}, fmt.Errorf("storage: latest revision: %w", err)
	}
	return rev, nil
}

func latestRevision(ctx context.Context, tx *txn, articleID int64) (editor.Revision, error) {
	rev, err := scanRevision(tx.QueryRowContext(ctx,
		`SELECT `+revisionColumns+` FROM revisions WHERE article_id = ? ORDER BY number DESC LIMIT 1`, articleID))
	if errors.Is(err, sql.ErrNoRows) {
		// Every article has revision 1, so the article is missing.
		return editor.Revision{}, fmt.Errorf("article %d: %w", articleID, ErrNotFound)
	}
	return rev, err
}

// Revisions returns all revisions of an article, texts included, oldest
// first.
func (db *DB) Revisions(ctx context.Context, articleID int64) ([]editor.Revision, error) {
	var revs []editor.Revision
	err := db.view(ctx, func(tx *txn) error {
		if err := articleMustExist(ctx, tx, articleID); err != nil {
			return err
		}
		var err error
		revs, err = queryAll(ctx, tx, scanRevision,
			`SELECT `+revisionColumns+` FROM revisions WHERE article_id = ? ORDER BY number`, articleID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: revisions: %w", err)
	}
	return revs, nil
}

// lockArticle reports ErrNotFound unless the article exists and, on
// PostgreSQL, holds its row until tx ends, so that writers numbering its
// revisions take turns. (FOR NO KEY UPDATE leaves notes and other rows
// that refer to the article free to be added meanwhile.) SQLite's write
// transactions take turns already.
func lockArticle(ctx context.Context, tx *txn, id int64) error {
	if tx.pg() {
		return articleMustExistQuery(ctx, tx, `SELECT 1 FROM articles WHERE id = ? FOR NO KEY UPDATE`, id)
	}
	return articleMustExist(ctx, tx, id)
}

// oneLine keeps a label or a name to one line: line breaks, tabs and other
// control characters (from a file name, say) become single spaces.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r < 0x20 || r == 0x7F || r >= 0x80 && r <= 0x9F
	}), " ")
}
