package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"copydesk/editor"
)

// Working copies belong to an editor: the one named WithEditor when the
// desk was opened. Two editors typing in one article each keep their own,
// and neither overwrites the other's. A working copy saved before desks
// had editors (or by a DB opened without one) has the empty name; an
// editor who has none of their own is given that one, and takes it over
// at their next save.

// WithEditor names the editor whose working copies the DB reads and
// writes, and who is shown as present in the articles they have open
// (Heartbeat).
func WithEditor(name string) Option {
	return func(db *DB) { db.editor = oneLine(name) }
}

// SaveWorkingCopy stores the editor's unsaved text of an article,
// replacing any working copy they had. wc.Base must be one of the
// article's revisions; wc.Updated is ignored and set to now. It is cheap
// enough to call on every autosave.
func (db *DB) SaveWorkingCopy(ctx context.Context, wc editor.WorkingCopy) error {
	var saved time.Time
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		saved = now
		// Only its editor sees a working copy: other workspaces are not
		// woken at every autosave.
		tx.quiet = true
		if err := checkText("text", wc.Text); err != nil {
			return err
		}
		if err := revisionMustExist(ctx, tx, wc.ArticleID, wc.Base); err != nil {
			return err
		}
		if err := db.draftUnchanged(ctx, tx, wc.ArticleID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO working_copies (article_id, editor, base, text, updated) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (article_id, editor) DO UPDATE
			SET base = excluded.base, text = excluded.text, updated = excluded.updated`,
			wc.ArticleID, db.editor, wc.Base, wc.Text, tx.time(now))
		if err != nil {
			return err
		}
		if db.editor != "" {
			// Take over the unnamed working copy WorkingCopy gave.
			if _, err := tx.ExecContext(ctx, `DELETE FROM working_copies WHERE article_id = ? AND editor = ''`, wc.ArticleID); err != nil {
				return err
			}
		}
		return markDraftStale(ctx, tx, wc.ArticleID)
	})
	if err != nil {
		return fmt.Errorf("storage: save working copy: %w", err)
	}
	db.drafts.Store(wc.ArticleID, saved)
	db.draftsSaved.Store(true)
	return nil
}

// draftUnchanged refuses, with ErrConflict, to save over the editor's
// working copy of an article when it is not the one this DB last read or
// wrote: the same editor has the article open in another window (on a
// shared desk, or a second program), and the two would overwrite each
// other's text at every autosave, each unaware. The window that saved
// last keeps saving; the other is told.
func (db *DB) draftUnchanged(ctx context.Context, tx *txn, articleID int64) error {
	var seen time.Time
	if v, ok := db.drafts.Load(articleID); ok {
		seen = v.(time.Time)
	}
	stored, err := workingCopy(ctx, tx, articleID, db.editor)
	if errors.Is(err, ErrNotFound) {
		return nil // nothing to overwrite
	}
	if err != nil || stored.Updated.Equal(seen) {
		return err
	}
	return fmt.Errorf("%w: your working copy of article %d was saved at %s from another window or program; "+
		"this window's text was not saved, so as not to overwrite it: keep one window on the article",
		ErrConflict, articleID, stored.Updated.Local().Format("15:04:05"))
}

// WorkingCopy returns the editor's working copy of an article, or
// ErrNotFound when they have none.
func (db *DB) WorkingCopy(ctx context.Context, articleID int64) (editor.WorkingCopy, error) {
	var wc editor.WorkingCopy
	err := db.view(ctx, func(tx *txn) error {
		var err error
		wc, err = workingCopy(ctx, tx, articleID, db.editor)
		return err
	})
	if errors.Is(err, ErrNotFound) {
		db.drafts.Store(articleID, time.Time{})
	}
	if err != nil {
		return editor.WorkingCopy{}, fmt.Errorf("storage: working copy: %w", err)
	}
	db.drafts.Store(articleID, wc.Updated)
	return wc, nil
}

// workingCopy reads the working copy of an article that editor works on:
// their own, or else the unnamed one.
func workingCopy(ctx context.Context, tx *txn, articleID int64, name string) (editor.WorkingCopy, error) {
	var wc editor.WorkingCopy
	err := tx.QueryRowContext(ctx, `
		SELECT article_id, base, text, updated FROM working_copies
		WHERE article_id = ? AND editor IN (?, '')
		ORDER BY editor DESC LIMIT 1`, articleID, name).
		Scan(&wc.ArticleID, &wc.Base, &wc.Text, timeColumn{&wc.Updated})
	if errors.Is(err, sql.ErrNoRows) {
		return editor.WorkingCopy{}, fmt.Errorf("working copy of article %d: %w", articleID, ErrNotFound)
	}
	return wc, err
}

// deleteWorkingCopy removes the working copy workingCopy reads.
func deleteWorkingCopy(ctx context.Context, tx *txn, articleID int64, name string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM working_copies WHERE article_id = ? AND editor IN (?, '')`, articleID, name); err != nil {
		return err
	}
	return markDraftStale(ctx, tx, articleID)
}

// DiscardWorkingCopy throws the editor's working copy of an article away.
// An article without one is left as it is; a missing article is
// ErrNotFound.
func (db *DB) DiscardWorkingCopy(ctx context.Context, articleID int64) error {
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		if err := articleMustExist(ctx, tx, articleID); err != nil {
			return err
		}
		return deleteWorkingCopy(ctx, tx, articleID, db.editor)
	})
	if err != nil {
		return fmt.Errorf("storage: discard working copy: %w", err)
	}
	db.drafts.Store(articleID, time.Time{})
	return nil
}

// CommitWorkingCopy freezes the editor's working copy of an article as its
// next revision and removes the working copy, in one transaction.
//
// It fails, changing nothing, with ErrNotFound when there is no working
// copy, ErrNoChanges when its text is the latest revision's, and
// ErrConflict when it was started from an older revision than the latest
// (someone else committed meanwhile): the editor must first bring the
// working copy up to date and save it with the latest revision as Base.
func (db *DB) CommitWorkingCopy(ctx context.Context, articleID int64, label, author string) (editor.Revision, error) {
	var rev editor.Revision
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		if err := lockArticle(ctx, tx, articleID); err != nil {
			return err
		}
		wc, err := workingCopy(ctx, tx, articleID, db.editor)
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
		return deleteWorkingCopy(ctx, tx, articleID, db.editor)
	})
	if err != nil {
		return editor.Revision{}, fmt.Errorf("storage: commit working copy: %w", err)
	}
	db.drafts.Store(articleID, time.Time{})
	return rev, nil
}

// revisionMustExist reports ErrNotFound, naming the article or the
// revision, unless the article has revision n.
func revisionMustExist(ctx context.Context, tx *txn, articleID int64, n int) error {
	ok, err := exists(ctx, tx, `SELECT 1 FROM revisions WHERE article_id = ? AND number = ?`, articleID, n)
	if err != nil || ok {
		return err
	}
	if err := articleMustExist(ctx, tx, articleID); err != nil {
		return err
	}
	return fmt.Errorf("revision %d of article %d: %w", n, articleID, ErrNotFound)
}
