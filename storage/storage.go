// Package storage keeps Copydesk's articles, revisions, working copies,
// sources and notes in one SQLite file.
//
// Every exported method takes a context, runs in one transaction and
// returns errors wrapped with the operation's name; missing records are
// reported with ErrNotFound. Several processes may use the same file at
// once: SQLite serialises their writes and DB waits for its turn rather
// than failing with "database is locked".
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/mattn/go-sqlite3"

	"copydesk/editor"
)

// Errors callers tell apart with errors.Is.
var (
	// ErrNotFound means the article, revision, note or other record asked
	// for does not exist.
	ErrNotFound = editor.ErrNotFound

	// ErrInvalid means a value was refused before it reached the
	// database: an empty title, an unknown note status, a malformed span.
	ErrInvalid = errors.New("invalid")

	// ErrConflict means the request does not fit the record's current
	// state, such as committing a working copy whose base revision is no
	// longer the latest.
	ErrConflict = editor.ErrConflict

	// ErrNoChanges means a working copy was committed whose text is the
	// same as the latest revision's.
	ErrNoChanges = editor.ErrNoChanges

	// ErrNewerSchema means the file was written by a newer Copydesk. Open
	// refuses it without writing to it.
	ErrNewerSchema = errors.New("was written by a newer version of Copydesk")

	// ErrCorrupt means the file is not a SQLite database, is a SQLite
	// database of another program, or is damaged. Open refuses it without
	// writing to it. The text reads on from the file name Open puts
	// before it.
	ErrCorrupt = errors.New("is not a Copydesk database or is damaged")

	// ErrReadOnly means a change was asked of a desk opened read-only:
	// one on read-only storage, or opened WithReadOnly.
	ErrReadOnly = editor.ErrReadOnly
)

// busyTimeout is how long SQLite waits for another connection or process
// to release the database before reporting it busy.
const busyTimeout = 10 * time.Second

// maxBusyAttempts bounds how often a transaction is run again when the
// database stays busy past busyTimeout.
const maxBusyAttempts = 3

// DB is an open Copydesk database. It is safe for concurrent use.
type DB struct {
	path string
	// rw holds a single connection: writers in this process queue for it
	// in database/sql, where waiting honours the context, and only writers
	// in other processes meet SQLite's busy handler. Its transactions
	// begin IMMEDIATE, so they hold the write lock from the start and
	// never fail half-way on a lock upgrade.
	rw *sql.DB
	// ro serves the read-only methods with deferred transactions, which
	// in WAL mode read a consistent snapshot without blocking writers.
	ro *sql.DB
	// d is the SQL the desk's server speaks; pg holds what only a
	// PostgreSQL desk has (see postgres.go).
	d   dialect
	pg  *pgDesk
	now func() time.Time
	// fresh is set when Open set up a new desk (see Fresh); schemaWas and
	// schemaIs are its schema version before and after Open (see Schema).
	fresh               bool
	schemaWas, schemaIs int
	// existingOnly refuses a place that holds no desk (WithExistingDesk).
	existingOnly bool
	// editor names whose working copies this DB reads and writes, and
	// session tells this DB's presence apart from the editor's other
	// windows (see WithEditor and Heartbeat).
	editor, session string
	sessionOnce     sync.Once
	// drafts holds, per article, the Updated time of the working copy this
	// DB last read or wrote (the zero time for none), so that
	// SaveWorkingCopy can tell when another window of the same editor
	// wrote it meanwhile.
	drafts sync.Map // int64 → time.Time
	// draftsSaved is set once a working copy is saved: its search index
	// is brought up to date at the latest when the desk is closed.
	draftsSaved atomic.Bool
	// readOnly is set when the desk cannot be written (see access) or
	// WithReadOnly asked for it; update then refuses every change.
	readOnly, forceReadOnly bool
	onWait                  func() // see WithWaitNotice
	// ident is the file opened, to notice it deleted, moved or replaced
	// while open (see gone).
	ident  os.FileInfo
	access access
	// probe finds out what can be written; tests replace it (see
	// withAccess).
	probe func(path string) access
}

// Option changes how Open sets up a DB.
type Option func(*DB)

// waitNotice is how long a write may wait for the database before the
// caller is told (WithWaitNotice).
const waitNotice = time.Second

// WithWaitNotice calls notice, once per write, when a write has waited a
// second for another writer to finish, so that a command can say why it
// is slow instead of seeming to hang.
func WithWaitNotice(notice func()) Option {
	return func(db *DB) { db.onWait = notice }
}

// WithClock makes the DB take the time from now instead of time.Now.
// Times are stored in UTC.
func WithClock(now func() time.Time) Option {
	return func(db *DB) {
		if now != nil {
			db.now = now
		}
	}
}

// WithExistingDesk makes Open refuse, with ErrNotFound and writing
// nothing, a file or database that holds no desk yet (a missing or empty
// file, an empty PostgreSQL database), instead of setting one up there.
// A command that only reads a desk, such as the source of a copy, uses it
// so that a mistyped name never leaves an empty desk behind.
func WithExistingDesk() Option {
	return func(db *DB) { db.existingOnly = true }
}

// Open opens the Copydesk database at path, creating it if it does not
// exist, and brings its schema up to date. Before an older schema is
// migrated the file is copied to path.bak-v<old version>-<time>.
//
// A file Open cannot use is left exactly as it was: ErrCorrupt reports one
// that is damaged or is not a Copydesk database, ErrNewerSchema one written
// by a newer Copydesk.
//
// When the file or its folder cannot be written (a read-only share, a
// read-only mount) the desk opens read-only: it reads as usual, its
// writing methods fail with ErrReadOnly, and ReadOnly reports it. Its
// schema is not migrated; a read-only desk whose schema is older than this
// Copydesk's is refused with ErrReadOnly.
//
// A postgres:// or postgresql:// URL opens a desk on a PostgreSQL server
// instead (see openPostgres), setting it up in an empty database. It works
// the same, shared by every editor who opens it.
func Open(ctx context.Context, path string, opts ...Option) (*DB, error) {
	var (
		db  *DB
		err error
	)
	if IsServerURL(path) {
		var migrations []migration
		if migrations, err = loadMigrations(migrationFiles, postgresMigrations); err == nil {
			db, err = openPostgres(ctx, path, migrations, opts...)
		}
	} else {
		var migrations []migration
		if migrations, err = loadMigrations(migrationFiles, sqliteMigrations); err == nil {
			db, err = open(ctx, path, migrations, opts...)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("storage: open: %w", err)
	}
	return db, nil
}

func open(ctx context.Context, path string, migrations []migration, opts ...Option) (*DB, error) {
	if path == "" || strings.HasPrefix(path, ":memory:") || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("%w: database path %q: want a file path", ErrInvalid, path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	db := &DB{path: abs, now: time.Now, probe: probeAccess}
	for _, opt := range opts {
		opt(db)
	}
	db.access = db.probe(abs)
	db.readOnly = db.forceReadOnly || db.access.readOnly()
	if db.readOnly {
		if err := db.openReadOnly(ctx, abs, len(migrations)); err != nil {
			return nil, err
		}
		return db, nil
	}
	// Look before writing anything: even switching to WAL writes the file
	// header, and a newer or damaged file must stay as it is.
	version, err := inspect(ctx, abs, len(migrations), false)
	if err != nil {
		return nil, err
	}
	if version == 0 && db.existingOnly {
		return nil, noDesk(abs)
	}
	db.fresh = version == 0
	db.schemaWas, db.schemaIs = version, len(migrations)

	db.rw, err = sql.Open("sqlite3", dsn(abs, url.Values{
		"_journal_mode": {"WAL"},
		"_foreign_keys": {"on"},
		"_busy_timeout": {fmt.Sprint(busyTimeout.Milliseconds())},
		"_txlock":       {"immediate"},
		// FULL: each commit fsyncs the log before it returns, so a save
		// the editor is told of survives a power cut. Measured with
		// BenchmarkSaveWorkingCopy and BenchmarkCommitRevision on the
		// desk's disk: an autosave 0.35 → 0.65 ms, a revision 0.9 → 2.1 ms.
		"_synchronous": {"FULL"},
	}))
	if err != nil {
		return nil, err
	}
	db.rw.SetMaxOpenConns(1)
	if err := retryBusy(ctx, func() error { return db.rw.PingContext(ctx) }); err != nil {
		db.rw.Close()
		return nil, fmt.Errorf("%s: %w", abs, err)
	}
	if err := db.migrate(ctx, migrations, version); err != nil {
		db.rw.Close()
		return nil, err
	}

	db.ro, err = sql.Open("sqlite3", dsn(abs, url.Values{
		"_foreign_keys": {"on"},
		"_busy_timeout": {fmt.Sprint(busyTimeout.Milliseconds())},
		"_txlock":       {"deferred"},
		"_query_only":   {"on"},
	}))
	if err != nil {
		db.rw.Close()
		return nil, err
	}
	db.ro.SetMaxOpenConns(4)
	if fi, err := os.Stat(abs); err == nil {
		db.ident = fi
	}
	return db, nil
}

// noDesk is the error WithExistingDesk gives for a place without a desk.
func noDesk(where string) error {
	return fmt.Errorf("%w: %s holds no desk", ErrNotFound, where)
}

// dsn builds a go-sqlite3 data source name for the file at the absolute
// path abs. The path goes in a file: URI so that characters such as '?'
// and '#' in folder names are escaped rather than read as parameters.
func dsn(abs string, params url.Values) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter: file:///C:/...
	}
	return "file://" + (&url.URL{Path: p}).EscapedPath() + "?" + params.Encode()
}

// Path returns the absolute path of the database file, or the URL of a
// PostgreSQL desk without its password.
func (db *DB) Path() string { return db.path }

// Fresh reports whether Open set the desk up: the file or the database
// held no desk before.
func (db *DB) Fresh() bool { return db.fresh }

// Schema returns the schema version the desk had when Open found it (0
// for a new desk) and the one it has now, after any migration.
func (db *DB) Schema() (was, is int) { return db.schemaWas, db.schemaIs }

// Shared reports whether the desk is on a PostgreSQL server, where many
// editors work at once, rather than in a SQLite file.
func (db *DB) Shared() bool { return db.d == postgresDialect }

// Close closes the database. The last process to close it folds the
// write-ahead log back into the file.
func (db *DB) Close() error {
	var errs []error
	// Leave the search index in step with the drafts saved here for
	// whoever opens the desk next, read-only perhaps. A desk that has gone
	// is not written; any other failure is reported.
	if db.draftsSaved.Load() && db.gone() == nil {
		if err := db.indexDrafts(context.Background()); err != nil {
			errs = append(errs, err)
		}
	}
	if db.pg != nil {
		db.pg.close()
	}
	if db.ro != nil && db.ro != db.rw {
		errs = append(errs, db.ro.Close())
	}
	if db.rw != nil {
		errs = append(errs, db.rw.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("storage: close: %w", err)
	}
	return nil
}

// update runs fn in a write transaction, passing it the time the change
// is made. fn may run more than once if the database stays busy, so it
// must only assign its results, never accumulate them.
func (db *DB) update(ctx context.Context, fn func(tx *txn, now time.Time) error) error {
	if db.readOnly {
		return db.readOnlyError()
	}
	if err := db.gone(); err != nil {
		return err
	}
	// Times are kept to the microsecond, PostgreSQL's precision, so a desk
	// moved between the two backends keeps them exactly.
	now := db.now().UTC().Truncate(time.Microsecond)
	// A writer that has to wait for another (SQLite's busy handler, inside
	// BEGIN IMMEDIATE) says so once the wait passes waitNotice.
	if db.onWait != nil {
		t := time.AfterFunc(waitNotice, db.onWait)
		defer t.Stop()
	}
	err := retryBusy(ctx, func() error {
		return db.inTx(ctx, db.rw, nil, func(tx *txn) error {
			if err := fn(tx, now); err != nil || tx.quiet {
				return err
			}
			return db.announce(ctx, tx)
		})
	})
	if isReadOnly(err) {
		// The storage became read-only after Open looked.
		return fmt.Errorf("%w: %s cannot be changed (%w)", ErrReadOnly, db.path, err)
	}
	return err
}

// view runs fn in a read-only transaction.
func (db *DB) view(ctx context.Context, fn func(tx *txn) error) error {
	var opts *sql.TxOptions
	if db.d == postgresDialect {
		// One snapshot for the whole read, as SQLite's WAL gives.
		opts = &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	}
	return retryBusy(ctx, func() error { return db.inTx(ctx, db.ro, opts, fn) })
}

func (db *DB) inTx(ctx context.Context, pool *sql.DB, opts *sql.TxOptions, fn func(tx *txn) error) error {
	stx, err := pool.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	tx := &txn{Tx: stx, d: db.d}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// retryBusy runs attempt again, a bounded number of times, while it fails
// because another process kept the database locked past the busy timeout.
// This is the one place such errors are absorbed.
func retryBusy(ctx context.Context, attempt func() error) error {
	for n := 1; ; n++ {
		err := attempt()
		if err == nil || !isBusy(err) || n == maxBusyAttempts {
			return err
		}
		t := time.NewTimer(time.Duration(n) * 50 * time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
	}
}

// isBusy reports an error that running the transaction again may cure:
// SQLite busy or locked past its timeout, or a PostgreSQL serialization
// failure or deadlock.
func isBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked) || isPGRetry(err)
}

func isCorrupt(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

// Times are stored as fixed-width UTC text, so they read well in the
// sqlite3 shell and sort as text in the same order as in time.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// timeColumn scans a stored time into t; NULL leaves the zero time.
type timeColumn struct{ t *time.Time }

func (c timeColumn) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
		*c.t = time.Time{}
		return nil
	case time.Time:
		*c.t = v.UTC()
		return nil
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("time column holds %T", src)
	}
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return err
	}
	*c.t = t
	return nil
}

// scanner is what *sql.Row and *sql.Rows have in common.
type scanner interface{ Scan(dest ...any) error }

// checkText refuses text that is not valid UTF-8, since every offset
// stored beside it is a byte offset into UTF-8.
func checkText(field, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: %s is not valid UTF-8", ErrInvalid, field)
	}
	return nil
}

// exists reports whether query, which selects one row or none, finds a row.
func exists(ctx context.Context, tx *txn, query string, args ...any) (bool, error) {
	var one int
	err := tx.QueryRowContext(ctx, query, args...).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

func articleMustExist(ctx context.Context, tx *txn, id int64) error {
	return articleMustExistQuery(ctx, tx, `SELECT 1 FROM articles WHERE id = ?`, id)
}

// articleMustExistQuery is articleMustExist with the query that looks the
// article up, one that may also lock its row.
func articleMustExistQuery(ctx context.Context, tx *txn, query string, id int64) error {
	ok, err := exists(ctx, tx, query, id)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	return nil
}

// queryAll runs a query in tx and scans every row with scan.
func queryAll[T any](ctx context.Context, tx *txn, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
