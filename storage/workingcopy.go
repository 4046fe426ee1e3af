package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"copydesk/editor"
)

// SaveWorkingCopy stores the editor's unsaved text of an article,
// replacing any working copy it had. wc.Base must be one of the
// article's revisions; wc.Updated is ignored and set to now. It is cheap
// enough to call on every autosave.
func (db *DB) SaveWorkingCopy(ctx context.Context, wc editor.WorkingCopy) error {
	err := db.update(ctx, func(tx *sql.Tx, now time.Time) error {
		if err := checkText("text", wc.Text); err != nil {
			return err
		}
		if err := revisionMustExist(ctx, tx, wc.ArticleID, wc.Base); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO working_copies (article_id, base, text, updated) VALUES (?, ?, ?, ?)
			ON CONFLICT (article_id) DO UPDATE
			SET base = excluded.base, text = excluded.text, updated = excluded.updated`,
			wc.ArticleID, wc.Base, wc.Text, formatTime(now))
		return err
	})
	if err != nil {
		return fmt.Errorf("storage: save working copy: %w", err)
	}
	db.draftsSaved.Store(true)
	return nil
}

// WorkingCopy returns an article's working copy, or ErrNotFound when it
// has none.
func (db *DB) WorkingCopy(ctx context.Context, articleID int64) (editor.WorkingCopy, error) {
	var wc editor.WorkingCopy
	err := db.view(ctx, func(tx *sql.Tx) error {
		var err error
		wc, err = workingCopy(ctx, tx, articleID)
		return err
	})
	if err != nil {
		return editor.WorkingCopy{}, fmt.Errorf("storage: working copy: %w", err)
	}
	return wc, nil
}

func workingCopy(ctx context.Context, tx *sql.Tx, articleID int64) (editor.WorkingCopy, error) {
	var wc editor.WorkingCopy
	err := tx.QueryRowContext(ctx,
		`SELECT article_id, base, text, updated FROM working_copies WHERE article_id = ?`, articleID).
		Scan(&wc.ArticleID, &wc.Base, &wc.Text, timeColumn{&wc.Updated})
	if errors.Is(err, sql.ErrNoRows) {
		return editor.WorkingCopy{}, fmt.Errorf("working copy of article %d: %w", articleID, ErrNotFound)
	}
	return wc, err
}

// DiscardWorkingCopy throws an article's working copy away. An article
// without one is left as it is; a missing article is ErrNotFound.
func (db *DB) DiscardWorkingCopy(ctx context.Context, articleID int64) error {
	err := db.update(ctx, func(tx *sql.Tx, now time.Time) error {
		if err := articleMustExist(ctx, tx, articleID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM working_copies WHERE article_id = ?`, articleID)
		return err
	})
	if err != nil {
		return fmt.Errorf("storage: discard working copy: %w", err)
	}
	return nil
}

// CommitWorkingCopy freezes an article's working copy as its next
// revision and removes the working copy, in one transaction.
//
// It fails, changing nothing, with ErrNotFound when there is no working
// copy, ErrNoChanges when its text is the latest revision's, and
// ErrConflict when it was started from an older revision than the latest
// (someone else committed meanwhile): the editor must first bring the
// working copy up to date and save it with the latest revision as Base.
func (db *DB) CommitWorkingCopy(ctx context.Context, articleID int64, label, author string) (editor.Revision, error) {
	var rev editor.Revision
	err := db.update(ctx, func(tx *sql.Tx, now time.Time) error {
		wc, err := workingCopy(ctx, tx, articleID)
		if err != nil {
			return err
		}
		latest, err := latestRevision(ctx, tx, articleID)
		if err != nil {
			return err
		}
		if wc.Text == latest.Text {
			return fmt.Errorf("article %d: %w", articleID, ErrNoChanges)
		}
		if wc.Base != latest.Number {
			return fmt.Errorf("%w: the working copy of article %d was started from revision %d, but the latest is %d",
				ErrConflict, articleID, wc.Base, latest.Number)
		}
		if rev, err = insertRevision(ctx, tx, articleID, wc.Text, label, author, now); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM working_copies WHERE article_id = ?`, articleID)
		return err
	})
	if err != nil {
		return editor.Revision{}, fmt.Errorf("storage: commit working copy: %w", err)
	}
	return rev, nil
}

// revisionMustExist reports ErrNotFound, naming the article or the
// revision, unless the article has revision n.
func revisionMustExist(ctx context.Context, tx *sql.Tx, articleID int64, n int) error {
	ok, err := exists(ctx, tx, `SELECT 1 FROM revisions WHERE article_id = ? AND number = ?`, articleID, n)
	if err != nil || ok {
		return err
	}
	if err := articleMustExist(ctx, tx, articleID); err != nil {
		return err
	}
	return fmt.Errorf("revision %d of article %d: %w", n, articleID, ErrNotFound)
}
