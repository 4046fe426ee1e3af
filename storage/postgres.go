package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// IsServerURL reports whether a --db value names a PostgreSQL desk
// (postgres:// or postgresql://) rather than a SQLite file.
func IsServerURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// pgChannel is the LISTEN/NOTIFY channel every write on a PostgreSQL desk
// announces itself on.
const pgChannel = "copydesk"

// pgLockKey is the advisory lock migrations hold, so two processes opening
// a new desk at once do not both set it up.
const pgLockKey = applicationID

// pgMaxConns bounds one process's connections to the server.
const pgMaxConns = 8

// pgDesk is what only a PostgreSQL desk has: the listener that turns other
// processes' notifications into DataVersion.
type pgDesk struct {
	// token marks this DB's own notifications, which DataVersion ignores
	// as SQLite's data_version ignores the connection's own writes.
	token string
	// version counts notifications from others, and reconnections of the
	// listener (a change may have been missed while it was away).
	version atomic.Int64
	// listening is false while the listener is reconnecting.
	listening atomic.Bool
	stop      context.CancelFunc
	done      chan struct{}
}

// RedactURL is a desk URL as it may be shown: without a password in
// the user part or in the parameters.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "postgres://(unreadable URL)"
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// openPostgres opens the desk on the PostgreSQL server raw names and
// brings its schema up to date. The password comes from the URL, the
// PGPASSWORD variable or ~/.pgpass, as libpq takes it.
func openPostgres(ctx context.Context, raw string, migrations []migration, opts ...Option) (*DB, error) {
	db := &DB{path: RedactURL(raw), now: time.Now, d: postgresDialect}
	for _, opt := range opts {
		opt(db)
	}
	db.readOnly = db.forceReadOnly
	cfg, err := pgx.ParseConfig(raw)
	if err != nil {
		// pgx's message may quote the URL; say what is wrong without it.
		return nil, fmt.Errorf("%w: %s is not a PostgreSQL URL that can be used", ErrInvalid, db.path)
	}
	// Name the connections for the server's administrators
	// (pg_stat_activity), unless the URL names them.
	if cfg.RuntimeParams["application_name"] == "" {
		cfg.RuntimeParams["application_name"] = "copydesk"
	}
	pool := stdlib.OpenDB(*cfg)
	pool.SetMaxOpenConns(pgMaxConns)
	pool.SetMaxIdleConns(pgMaxConns)
	pool.SetConnMaxIdleTime(5 * time.Minute)
	db.rw, db.ro = pool, pool
	fail := func(err error) (*DB, error) {
		pool.Close()
		return nil, err
	}
	if err := pool.PingContext(ctx); err != nil {
		return fail(fmt.Errorf("%s: %w", db.path, err))
	}
	if db.fresh, err = db.migratePostgres(ctx, migrations); err != nil {
		return fail(err)
	}
	if err := db.startListening(ctx, cfg); err != nil {
		return fail(fmt.Errorf("%s: listen for changes: %w", db.path, err))
	}
	return db, nil
}

// migratePostgres brings the desk's schema up to the last of migrations,
// each in its own transaction under an advisory lock, and reports whether
// the desk was new. It refuses, changing nothing, a database that holds
// other tables and no desk, or a desk of a newer Copydesk.
func (db *DB) migratePostgres(ctx context.Context, migrations []migration) (fresh bool, err error) {
	version, err := db.pgSchemaVersion(ctx, len(migrations))
	db.schemaWas, db.schemaIs = version, version
	if err != nil || version >= len(migrations) {
		return false, err
	}
	if version == 0 && db.existingOnly {
		return false, noDesk(db.path)
	}
	if db.readOnly {
		return false, fmt.Errorf("%w: %s has schema version %d, this Copydesk needs version %d, and it was opened read-only",
			ErrReadOnly, db.path, version, len(migrations))
	}
	for _, m := range migrations[version:] {
		err := db.inTx(ctx, db.rw, nil, func(tx *txn) error {
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?)`, pgLockKey); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS copydesk_schema (
				only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
				version integer NOT NULL)`); err != nil {
				return err
			}
			var current int
			err := tx.QueryRowContext(ctx, `SELECT version FROM copydesk_schema`).Scan(&current)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if current >= m.version {
				return nil // another process applied it meanwhile
			}
			if current != m.version-1 {
				return fmt.Errorf("database is at version %d, want %d", current, m.version-1)
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `
				INSERT INTO copydesk_schema (version) VALUES (?)
				ON CONFLICT (only_row) DO UPDATE SET version = excluded.version`, m.version)
			return err
		})
		var pe *pgconn.PgError
		if errors.As(err, &pe) && (pe.Code == "42501" || pe.Code == "42P17") {
			return false, fmt.Errorf("%s needs its tables set up or upgraded to version %d, which this role may not do: the database's owner sets them up with copydesk setup (%s)",
				db.path, len(migrations), pe.Message)
		}
		if err != nil {
			return false, fmt.Errorf("%s: migration %04d_%s: %w", db.path, m.version, m.name, err)
		}
	}
	db.schemaIs = len(migrations)
	return version == 0, nil
}

// pgSchemaVersion reads the desk's schema version: 0 for a database with
// no tables in its schema yet.
func (db *DB) pgSchemaVersion(ctx context.Context, known int) (int, error) {
	var version, tables int
	err := db.view(ctx, func(tx *txn) error {
		var versionTable sql.NullString
		err := tx.QueryRowContext(ctx, `
			SELECT to_regclass('copydesk_schema')::text,
				(SELECT count(*) FROM pg_tables WHERE schemaname = current_schema())`).Scan(&versionTable, &tables)
		if err != nil || !versionTable.Valid {
			return err
		}
		err = tx.QueryRowContext(ctx, `SELECT version FROM copydesk_schema`).Scan(&version)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	switch {
	case err != nil:
		return 0, fmt.Errorf("%s: %w", db.path, err)
	case version == 0 && tables > 1:
		return 0, fmt.Errorf("%s %w (its schema holds %d tables of another program)", db.path, ErrCorrupt, tables)
	case version > known:
		return 0, fmt.Errorf("%s %w (its schema is version %d; this version knows up to %d)", db.path, ErrNewerSchema, version, known)
	}
	return version, nil
}

// announce tells the desk's other users that tx changed it. On
// PostgreSQL the notification is delivered when tx commits, and not at
// all if it rolls back; SQLite needs none (see DataVersion).
func (db *DB) announce(ctx context.Context, tx *txn) error {
	if db.pg == nil {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_notify(?, ?)`, pgChannel, db.pg.token)
	return err
}

// startListening connects the listener and has it LISTEN before Open
// returns, so no change made after Open is missed; then it keeps
// listening, reconnecting after a lost connection, until Close.
func (db *DB) startListening(ctx context.Context, cfg *pgx.ConnConfig) error {
	token := make([]byte, 12)
	if _, err := rand.Read(token); err != nil {
		return err
	}
	p := &pgDesk{token: hex.EncodeToString(token), done: make(chan struct{})}
	cfg = cfg.Copy()
	cfg.RuntimeParams["application_name"] = "copydesk listener " + p.token
	conn, err := listen(ctx, cfg)
	if err != nil {
		return err
	}
	lctx, stop := context.WithCancel(context.Background())
	p.stop = stop
	p.listening.Store(true)
	db.pg = p
	go p.run(lctx, cfg, conn)
	return nil
}

func listen(ctx context.Context, cfg *pgx.ConnConfig) (*pgx.Conn, error) {
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if _, err := conn.Exec(ctx, `LISTEN `+pgChannel); err != nil {
		conn.Close(ctx)
		return nil, err
	}
	return conn, nil
}

func (p *pgDesk) run(ctx context.Context, cfg *pgx.ConnConfig, conn *pgx.Conn) {
	defer close(p.done)
	backoff := 100 * time.Millisecond
	for {
		for conn != nil {
			n, err := conn.WaitForNotification(ctx)
			if err != nil {
				conn.Close(context.Background())
				conn = nil
				p.listening.Store(false)
				break
			}
			backoff = 100 * time.Millisecond
			if n.Payload != p.token {
				p.version.Add(1)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 5*time.Second)
		if c, err := listen(ctx, cfg); err == nil {
			conn = c
			p.listening.Store(true)
			p.version.Add(1) // whatever happened while away: look again
		}
	}
}

func (p *pgDesk) close() {
	p.stop()
	<-p.done
}

// isPGRetry reports a PostgreSQL error that running the transaction again
// cures: a serialization failure or a deadlock.
func isPGRetry(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// isPGReadOnly reports a write refused because the server or session takes
// only reads.
func isPGReadOnly(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "25006"
}
