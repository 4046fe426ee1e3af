package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"

	"github.com/mattn/go-sqlite3"
)

// access is what this process may write: the database file and the folder
// it is in, where SQLite keeps the -wal and -shm files beside it.
type access struct {
	file, folder bool
}

func (a access) readOnly() bool { return !a.file || !a.folder }

// why says, for an error message, what cannot be written.
func (a access) why() string {
	switch {
	case !a.file && !a.folder:
		return "neither the file nor its folder can be written"
	case !a.file:
		return "the file cannot be written"
	case !a.folder:
		return "its folder cannot be written"
	}
	return "it was opened read-only"
}

// probeAccess finds out by trying, which also sees read-only mounts, ACLs
// and network shares that permission bits do not tell about. A missing
// file counts as writable: whether it can be created is the folder's
// question.
func probeAccess(path string) access {
	var a access
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Close()
		a.file = true
	} else if errors.Is(err, fs.ErrNotExist) {
		a.file = true
	}
	if f, err := os.CreateTemp(filepath.Dir(path), ".copydesk-probe-*"); err == nil {
		name := f.Name()
		f.Close()
		os.Remove(name)
		a.folder = true
	}
	return a
}

// WithReadOnly opens the database read-only even where it could be
// written, as Open does by itself on read-only storage.
func WithReadOnly() Option {
	return func(db *DB) { db.forceReadOnly = true }
}

// ReadOnly reports whether db was opened read-only; its writing methods
// then fail with ErrReadOnly.
func (db *DB) ReadOnly() bool { return db.readOnly }

// readOnlyParams are the URI parameters of every connection to a
// read-only desk.
//
// mode=ro opens the file without asking for write access, so no write can
// reach it, yet SQLite still takes its locks and reads the write-ahead log,
// and sees what other processes commit. For a WAL database it needs the
// -shm file, which it creates if it is missing: that works when the
// folder can be written even though the file cannot.
//
// immutable=1 goes further: SQLite takes no locks, ignores -wal and -shm
// and assumes the file never changes. That is the one way to read a WAL
// database whose folder cannot be written (no -shm can be made), but if
// the file did change, SQLite could return wrong results or report the
// file corrupt. So it is used only where the folder cannot be written and
// no -wal file lies beside the database: no one can be writing it through
// this folder (a writer needs its -wal there), and nothing committed is
// waiting in a log. That is a read-only mount or archive share, and also
// a writable file in a read-only folder, which mode=ro alone cannot open
// once SQLite has removed its -shm on the last close. A read-only folder
// that does hold a -wal (a writer with more rights, or one that crashed)
// gets mode=ro alone, reading through the log and its -shm.
func readOnlyParams(a access, path string) url.Values {
	v := url.Values{
		"mode":          {"ro"},
		"_busy_timeout": {fmt.Sprint(busyTimeout.Milliseconds())},
		"_foreign_keys": {"on"},
		"_query_only":   {"on"},
		"_txlock":       {"deferred"},
	}
	if !a.folder && !fileExists(path+"-wal") {
		v.Set("immutable", "1")
	}
	return v
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// readOnlyError is what a writing method returns on a read-only desk.
func (db *DB) readOnlyError() error {
	return fmt.Errorf("%w: %s cannot be changed (%s)", ErrReadOnly, db.path, db.access.why())
}

// isReadOnly reports a write refused by the storage: a read-only SQLite
// file, or a PostgreSQL server that takes only reads (a standby, or
// default_transaction_read_only).
func isReadOnly(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrReadonly || isPGReadOnly(err)
}

// openReadOnly opens the pools of a read-only desk, both with
// readOnlyParams; rw keeps its single connection so that DataVersion reads
// one connection's count as it does on a writable desk. Nothing is
// migrated: a schema older than known is refused.
func (db *DB) openReadOnly(ctx context.Context, abs string, known int) error {
	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		if db.existingOnly {
			return noDesk(abs)
		}
		return fmt.Errorf("%w: %s does not exist and cannot be created (%s)", ErrReadOnly, abs, db.access.why())
	}
	params := readOnlyParams(db.access, abs)
	version, err := inspect(ctx, abs, known, params.Get("immutable") == "1")
	if errors.Is(err, ErrCorrupt) || errors.Is(err, ErrNewerSchema) {
		return err
	}
	if err != nil {
		return fmt.Errorf("%s cannot be read (%s): %w", abs, db.access.why(), err)
	}
	switch {
	case version == 0 && db.existingOnly:
		return noDesk(abs)
	case version == 0:
		return fmt.Errorf("%w: %s holds no desk yet and cannot be set up (%s)", ErrReadOnly, abs, db.access.why())
	case version < known:
		return fmt.Errorf("%w: %s has schema version %d, this Copydesk needs version %d, and it cannot be upgraded (%s); open it once where it can be written",
			ErrReadOnly, abs, version, known, db.access.why())
	}
	db.schemaWas, db.schemaIs = version, version
	if db.rw, err = sql.Open("sqlite3", dsn(abs, params)); err != nil {
		return err
	}
	db.rw.SetMaxOpenConns(1)
	if err := retryBusy(ctx, func() error { return db.rw.PingContext(ctx) }); err != nil {
		db.rw.Close()
		return fmt.Errorf("%s cannot be read (%s): %w", abs, db.access.why(), err)
	}
	if db.ro, err = sql.Open("sqlite3", dsn(abs, params)); err != nil {
		db.rw.Close()
		return err
	}
	db.ro.SetMaxOpenConns(4)
	return nil
}
