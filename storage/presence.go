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
// this DB, and clears rows that have timed out. It writes without
// notifying other workspaces: presence is read on its own clock (Editing),
// not pushed.
func (db *DB) Heartbeat(ctx context.Context, articleID int64) error {
	return db.presence(ctx, "heartbeat", func(tx *txn, now time.Time) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM presence WHERE seen < ?`, tx.time(now.Add(-PresenceTimeout))); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO presence (article_id, session, editor, seen) VALUES (?, ?, ?, ?)
			ON CONFLICT (article_id, session) DO UPDATE SET editor = excluded.editor, seen = excluded.seen`,
			articleID, db.sessionID(), db.editor, tx.time(now))
		return err
	})
}

// Leave records that the editor closed the article in this DB.
func (db *DB) Leave(ctx context.Context, articleID int64) error {
	return db.presence(ctx, "leave", func(tx *txn, now time.Time) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM presence WHERE article_id = ? AND session = ?`, articleID, db.sessionID())
		return err
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

// presence runs a presence write: like update, but a read-only desk
// skips it quietly and other workspaces are not notified.
func (db *DB) presence(ctx context.Context, what string, fn func(tx *txn, now time.Time) error) error {
	if db.readOnly || db.gone() != nil {
		return nil
	}
	now := db.now().UTC().Truncate(time.Microsecond)
	err := retryBusy(ctx, func() error {
		return db.inTx(ctx, db.rw, nil, func(tx *txn) error { return fn(tx, now) })
	})
	if err != nil {
		return fmt.Errorf("storage: %s: %w", what, err)
	}
	return nil
}
