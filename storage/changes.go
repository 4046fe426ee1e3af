package storage

import (
	"context"
	"fmt"
)

// DataVersion returns a number that changes whenever another connection
// commits a change to the database: another process such as `copydesk
// revise`, or another DB open on the same file. Changes made through db
// itself leave it as it was. Only whether it changed means anything, not
// by how much; one call is a single round trip to SQLite, cheap enough to
// poll a few times a second.
//
// On a PostgreSQL desk the number counts the notifications other
// processes' writes send (LISTEN/NOTIFY), so reading it makes no round
// trip; a change arrives within milliseconds of its commit.
func (db *DB) DataVersion(ctx context.Context) (int64, error) {
	if db.pg != nil {
		return db.pg.version.Load(), nil
	}
	var v int64
	// SQLite counts data_version per connection, so it is read on rw, the
	// pool's one connection, through which all of db's writes go too. It
	// runs outside a transaction: rw's begin IMMEDIATE, and a poll must
	// not take the write lock.
	err := retryBusy(ctx, func() error {
		return db.rw.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v)
	})
	if err != nil {
		return 0, fmt.Errorf("storage: data version: %w", err)
	}
	return v, nil
}
