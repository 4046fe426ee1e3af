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

// AddNote stores a note and returns it as stored. n.ID, n.Created and
// n.Updated are ignored; an empty Status means open. n.Revision must be
// one of the article's revisions.
func (db *DB) AddNote(ctx context.Context, n editor.Note) (editor.Note, error) {
	if n.Status == "" {
		n.Status = editor.NoteOpen
	}
	var out editor.Note
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		n.Created = now
		var err error
		out, err = insertThread(ctx, tx, editor.Thread{Note: n}, now)
		return err
	})
	if err != nil {
		return editor.Note{}, fmt.Errorf("storage: add note: %w", err)
	}
	return out, nil
}

func checkNote(n editor.Note) error {
	if !n.Status.Valid() {
		return fmt.Errorf("%w: unknown note status %q", ErrInvalid, n.Status)
	}
	if _, err := editor.ParseSeverity(n.Severity.String()); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if strings.TrimSpace(n.Message) == "" {
		return fmt.Errorf("%w: a note needs a message", ErrInvalid)
	}
	if s := n.Anchor.Span; s.Start < 0 || s.End < s.Start {
		return fmt.Errorf("%w: note anchor [%d,%d) is not a span", ErrInvalid, s.Start, s.End)
	}
	for _, f := range []struct{ name, value string }{
		{"check", n.Check}, {"message", n.Message}, {"author", n.Author},
		{"anchor text", n.Anchor.Exact}, {"anchor prefix", n.Anchor.Prefix}, {"anchor suffix", n.Anchor.Suffix},
	} {
		if err := checkText(f.name, f.value); err != nil {
			return err
		}
	}
	return nil
}

const noteColumns = `id, article_id, revision, check_name, severity, status, message, author,
	anchor_start, anchor_end, anchor_exact, anchor_prefix, anchor_suffix, orphaned, created, updated`

func scanNote(row scanner) (editor.Note, error) {
	var (
		n        editor.Note
		severity string
	)
	err := row.Scan(&n.ID, &n.ArticleID, &n.Revision, &n.Check, &severity, &n.Status, &n.Message, &n.Author,
		&n.Anchor.Span.Start, &n.Anchor.Span.End, &n.Anchor.Exact, &n.Anchor.Prefix, &n.Anchor.Suffix,
		&n.Orphaned, timeColumn{&n.Created}, timeColumn{&n.Updated})
	if err != nil {
		return editor.Note{}, err
	}
	if n.Severity, err = editor.ParseSeverity(severity); err != nil {
		return editor.Note{}, err
	}
	return n, nil
}

// Note returns the note with the given ID.
func (db *DB) Note(ctx context.Context, id int64) (editor.Note, error) {
	var n editor.Note
	err := db.view(ctx, func(tx *txn) error {
		var err error
		n, err = note(ctx, tx, id)
		return err
	})
	if err != nil {
		return editor.Note{}, fmt.Errorf("storage: note: %w", err)
	}
	return n, nil
}

func note(ctx context.Context, tx *txn, id int64) (editor.Note, error) {
	n, err := scanNote(tx.QueryRowContext(ctx, `SELECT `+noteColumns+` FROM notes WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return editor.Note{}, fmt.Errorf("note %d: %w", id, ErrNotFound)
	}
	return n, err
}

// Notes returns the notes of an article that f selects, in text order;
// orphaned notes, which no longer have a place in the text, come last.
func (db *DB) Notes(ctx context.Context, articleID int64, f editor.NoteFilter) ([]editor.Note, error) {
	var list []editor.Note
	err := db.view(ctx, func(tx *txn) error {
		list = nil
		if f.Status != "" && !f.Status.Valid() {
			return fmt.Errorf("%w: unknown note status %q", ErrInvalid, f.Status)
		}
		if f.Comments && f.Check != "" {
			return fmt.Errorf("%w: a note filter cannot ask for both comments and check %q", ErrInvalid, f.Check)
		}
		if err := articleMustExist(ctx, tx, articleID); err != nil {
			return err
		}
		query := `SELECT ` + noteColumns + ` FROM notes WHERE article_id = ?`
		args := []any{articleID}
		if f.Status != "" {
			query += ` AND status = ?`
			args = append(args, string(f.Status))
		}
		if f.Check != "" || f.Comments {
			query += ` AND check_name = ?`
			args = append(args, f.Check)
		}
		if f.Revision != 0 {
			query += ` AND revision = ?`
			args = append(args, f.Revision)
		}
		query += ` ORDER BY orphaned, anchor_start, anchor_end, id`
		var err error
		list, err = queryAll(ctx, tx, scanNote, query, args...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: notes: %w", err)
	}
	return list, nil
}

// UpdateNote stores a note's status, message, anchor, orphaned flag and
// revision, for instance after it was resolved or re-anchored on a newer
// revision, and returns the stored note. Its article, check, severity,
// author and creation time stay as they were.
//
// n.Updated, when set, is the version of the note the change was made to:
// if the note has changed since (another editor resolved it, or replied),
// nothing is stored, and UpdateNote returns the note as it now is with an
// error that Is ErrConflict, so that the editor sees what changed and
// decides again. A zero n.Updated stores the change whatever the note's
// state.
func (db *DB) UpdateNote(ctx context.Context, n editor.Note) (editor.Note, error) {
	var out editor.Note
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		old, err := note(ctx, tx, n.ID)
		if err != nil {
			return err
		}
		if !n.Updated.IsZero() && !n.Updated.Equal(old.Updated) {
			out = old
			return noteChanged(ctx, tx, old)
		}
		next := old
		next.Status, next.Message, next.Anchor, next.Orphaned, next.Revision = n.Status, n.Message, n.Anchor, n.Orphaned, n.Revision
		next.Updated = now
		if err := checkNote(next); err != nil {
			return err
		}
		if err := revisionMustExist(ctx, tx, next.ArticleID, next.Revision); err != nil {
			return err
		}
		// The stored time is compared again in the UPDATE itself: on
		// PostgreSQL another editor may commit between the read above and
		// this write.
		res, err := tx.ExecContext(ctx, `
			UPDATE notes SET status = ?, message = ?, revision = ?, orphaned = ?,
				anchor_start = ?, anchor_end = ?, anchor_exact = ?, anchor_prefix = ?, anchor_suffix = ?,
				updated = ?
			WHERE id = ? AND updated = ?`,
			string(next.Status), next.Message, next.Revision, next.Orphaned,
			next.Anchor.Span.Start, next.Anchor.Span.End, next.Anchor.Exact, next.Anchor.Prefix, next.Anchor.Suffix,
			tx.time(now), next.ID, tx.time(old.Updated))
		if err != nil {
			return err
		}
		if rows, err := res.RowsAffected(); err != nil {
			return err
		} else if rows == 0 {
			if out, err = note(ctx, tx, next.ID); err != nil {
				return err
			}
			return noteChanged(ctx, tx, out)
		}
		out = next
		if next.Message != old.Message {
			return indexNote(ctx, tx, next.ID)
		}
		return nil
	})
	if errors.Is(err, ErrConflict) && out.ID != 0 {
		return out, fmt.Errorf("storage: update note: %w", err)
	}
	if err != nil {
		return editor.Note{}, fmt.Errorf("storage: update note: %w", err)
	}
	return out, nil
}

// noteChanged is the error UpdateNote returns when the note was changed
// since the editor read it; now is the note as it is.
func noteChanged(ctx context.Context, tx *txn, now editor.Note) error {
	var replies int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM note_replies WHERE note_id = ?`, now.ID).Scan(&replies); err != nil {
		return err
	}
	return fmt.Errorf("%w: note %d was changed by someone else after you opened it (it is now %s, with %d %s); your change was not made",
		ErrConflict, now.ID, now.Status, replies, plural(replies, "reply", "replies"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// DeleteNote deletes a note and its replies.
func (db *DB) DeleteNote(ctx context.Context, id int64) error {
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		return updateOne(ctx, tx, fmt.Sprintf("note %d", id), `DELETE FROM notes WHERE id = ?`, id)
	})
	if err != nil {
		return fmt.Errorf("storage: delete note: %w", err)
	}
	return nil
}

// AddReply adds a message to the thread under a note and returns it as
// stored. The note's Updated time moves to now.
func (db *DB) AddReply(ctx context.Context, noteID int64, author, text string) (editor.Reply, error) {
	var r editor.Reply
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		r = editor.Reply{Author: author, Text: text}
		if err := checkReply(r); err != nil {
			return err
		}
		if err := updateOne(ctx, tx, fmt.Sprintf("note %d", noteID),
			`UPDATE notes SET updated = ? WHERE id = ?`, tx.time(now), noteID); err != nil {
			return err
		}
		var err error
		if r, err = insertReply(ctx, tx, noteID, r, now); err != nil {
			return err
		}
		return indexNote(ctx, tx, noteID)
	})
	if err != nil {
		return editor.Reply{}, fmt.Errorf("storage: add reply: %w", err)
	}
	return r, nil
}

// Replies returns the thread under a note, oldest first.
func (db *DB) Replies(ctx context.Context, noteID int64) ([]editor.Reply, error) {
	var list []editor.Reply
	err := db.view(ctx, func(tx *txn) error {
		list = nil
		ok, err := exists(ctx, tx, `SELECT 1 FROM notes WHERE id = ?`, noteID)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("note %d: %w", noteID, ErrNotFound)
		}
		list, err = queryAll(ctx, tx, func(s scanner) (editor.Reply, error) {
			var r editor.Reply
			err := s.Scan(&r.ID, &r.NoteID, &r.Author, &r.Text, timeColumn{&r.Created})
			return r, err
		}, `SELECT id, note_id, author, text, created FROM note_replies WHERE note_id = ? ORDER BY id`, noteID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: replies: %w", err)
	}
	return list, nil
}

// insertThread stores a note read from a file with its replies, keeping
// the times the file gives (Created of each note and reply; the zero time
// means now), since a comment imported from a Word file was made when its
// author made it, not when it was imported. The note's Updated is now.
func insertThread(ctx context.Context, tx *txn, th editor.Thread, now time.Time) (editor.Note, error) {
	n := th.Note
	if n.Status == "" {
		n.Status = editor.NoteOpen
	}
	if n.Created.IsZero() {
		n.Created = now
	}
	n.Updated = now
	if err := checkNote(n); err != nil {
		return editor.Note{}, err
	}
	if err := revisionMustExist(ctx, tx, n.ArticleID, n.Revision); err != nil {
		return editor.Note{}, err
	}
	err := tx.QueryRowContext(ctx, `
		INSERT INTO notes (article_id, revision, check_name, severity, status, message, author,
			anchor_start, anchor_end, anchor_exact, anchor_prefix, anchor_suffix, orphaned, created, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		RETURNING id`,
		n.ArticleID, n.Revision, n.Check, n.Severity.String(), string(n.Status), n.Message, n.Author,
		n.Anchor.Span.Start, n.Anchor.Span.End, n.Anchor.Exact, n.Anchor.Prefix, n.Anchor.Suffix,
		n.Orphaned, tx.time(n.Created), tx.time(n.Updated)).Scan(&n.ID)
	if err != nil {
		return editor.Note{}, err
	}
	for _, r := range th.Replies {
		if _, err := insertReply(ctx, tx, n.ID, r, now); err != nil {
			return editor.Note{}, err
		}
	}
	return n, indexNote(ctx, tx, n.ID)
}

// insertReply stores a reply and returns it as stored. A reply read from a
// file keeps its time; the zero time means now.
func insertReply(ctx context.Context, tx *txn, noteID int64, r editor.Reply, now time.Time) (editor.Reply, error) {
	if err := checkReply(r); err != nil {
		return editor.Reply{}, err
	}
	r.NoteID = noteID
	if r.Created.IsZero() {
		r.Created = now
	}
	err := tx.QueryRowContext(ctx,
		`INSERT INTO note_replies (note_id, author, text, created) VALUES (?, ?, ?, ?) RETURNING id`,
		noteID, r.Author, r.Text, tx.time(r.Created)).Scan(&r.ID)
	return r, err
}

func checkReply(r editor.Reply) error {
	if strings.TrimSpace(r.Text) == "" {
		return fmt.Errorf("%w: a reply needs text", ErrInvalid)
	}
	for _, f := range []struct{ name, value string }{{"author", r.Author}, {"text", r.Text}} {
		if err := checkText(f.name, f.value); err != nil {
			return err
		}
	}
	return nil
}

// MergeThreads adds, in one transaction, replies to notes of an article
// (keeping the times they carry) and new threads on revision rev of it,
// as revise does with the comments of a Word file sent back.
func (db *DB) MergeThreads(ctx context.Context, articleID int64, rev int, replies map[int64][]editor.Reply, threads []editor.Thread) error {
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		for noteID, rs := range replies {
			n, err := note(ctx, tx, noteID)
			if err != nil {
				return err
			}
			if n.ArticleID != articleID {
				return fmt.Errorf("%w: note %d is not on article %d", ErrInvalid, noteID, articleID)
			}
			for _, r := range rs {
				if _, err := insertReply(ctx, tx, noteID, r, now); err != nil {
					return err
				}
			}
			if err := indexNote(ctx, tx, noteID); err != nil {
				return err
			}
		}
		for _, th := range threads {
			th.Note.ArticleID, th.Note.Revision = articleID, rev
			if _, err := insertThread(ctx, tx, th, now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("storage: merge comments: %w", err)
	}
	return nil
}
