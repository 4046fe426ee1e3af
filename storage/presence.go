package storage

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"
)

// Presence tells editors who else has an article open ("Ana is editing").
// It is advisory: nothing is locked by it. Each open workspace calls
// Heartbeat every HeartbeatEvery while it shows an article; a row not
// refreshed for PresenceTimeout is taken as gone (a window that crashed
// or lost its network leaves no row behind for long).
const (
	HeartbeatEvery  = 10 * time.Second
	PresenceTimeout = 3 * HeartbeatEvery
)

// sessionID tells this DB's presence apart from other windows of the
// same editor.
func (db *DB) sessionID() string {
	db.sessionOnce.Do(func() {
		b := make([]byte, 12)
		_, _ = rand.Read(b)
		db.session = hex.EncodeToString(b)
	})
	return db.session
}

// Heartbeat records that the editor (WithEditor) has the article open in
// this DB, and clears rows that have timed out. Arriving in an article
// notifies other workspaces (DataVersion moves), so they show the editor
// at once; the heartbeats that follow write without notifying anyone.
func (db *DB) Heartbeat(ctx context.Context, articleID int64) error {
	return db.presence(ctx, "heartbeat", func(tx *txn, now time.Time) (bool, error) {
		if _, err := tx.ExecContext(ctx, `DELETE FROM presence WHERE seen < ?`, tx.time(now.Add(-PresenceTimeout))); err != nil {
			return false, err
		}
		there, err := exists(ctx, tx, `SELECT 1 FROM presence WHERE article_id = ? AND session = ?`, articleID, db.sessionID())
		if err != nil {
			return false, err
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO presence (article_id, session, editor, seen) VALUES (?, ?, ?, ?)
			ON CONFLICT (article_id, session) DO UPDATE SET editor = excluded.editor, seen = excluded.seen`,
			articleID, db.sessionID(), db.editor, tx.time(now))
		return !there, err
	})
}

// Leave records that the editor closed the article in this DB, and
// notifies other workspaces.
func (db *DB) Leave(ctx context.Context, articleID int64) error {
	return db.presence(ctx, "leave", func(tx *txn, now time.Time) (bool, error) {
		res, err := tx.ExecContext(ctx, `DELETE FROM presence WHERE article_id = ? AND session = ?`, articleID, db.sessionID())
		if err != nil {
			return false, err
		}
		n, err := res.RowsAffected()
		return n > 0, err
	})
}

// Editing returns the names of the other editors who have the article
// open (a heartbeat within PresenceTimeout), sorted, each once. Other
// windows of this editor count; this DB's own presence does not.
func (db *DB) Editing(ctx context.Context, articleID int64) ([]string, error) {
	var names []string
	err := db.view(ctx, func(tx *txn) error {
		var err error
		names, err = queryAll(ctx, tx, scanString, `
			SELECT DISTINCT editor FROM presence
			WHERE article_id = ? AND session <> ? AND seen >= ?
			ORDER BY editor`,
			articleID, db.sessionID(), tx.time(db.now().UTC().Add(-PresenceTimeout)))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: editing: %w", err)
	}
	return names, nil
}

// presence runs a presence write through update, except that a
// read-only or gone desk skips it quietly (presence is advisory), and
// other workspaces are notified only when fn says someone arrived or
// left.
func (db *DB) presence(ctx context.Context, what string, fn func(tx *txn, now time.Time) (announce bool, err error)) error {
	if db.readOnly || db.gone() != nil {
		return nil
	}
	err := db.update(ctx, func(tx *txn, now time.Time) error {
		announce, err := fn(tx, now)
		tx.quiet = !announce
		return err
	})
	if err != nil {
		return fmt.Errorf("storage: %s: %w", what, err)
	}
	return nil
}
