package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// applicationID marks a SQLite file as Copydesk's ("CpDk"), so Open can
// tell its own databases from other programs' SQLite files.
const applicationID = 0x4370446B

// migrationFiles holds the schema as numbered scripts. They are
// append-only: a shipped script never changes, a new one is added.
//
//go:embed migrations/*.sql postgres/*.sql
var migrationFiles embed.FS

// Where migrationFiles keeps each backend's scripts.
const (
	sqliteMigrations   = "migrations"
	postgresMigrations = "postgres"
)

// migration is one numbered schema script. A database's PRAGMA
// user_version is the number of the last migration applied to it.
type migration struct {
	version int
	name    string
	sql     string
}

var migrationName = regexp.MustCompile(`^(\d{4})_([a-z0-9_]+)\.sql$`)

// loadMigrations reads dir/NNNN_name.sql from fsys, in order, and checks
// they are numbered 1, 2, 3... without gaps.
func loadMigrations(fsys fs.FS, dir string) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries { // ReadDir sorts by name
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("migration %s: want a name like 0001_init.sql", e.Name())
		}
		version, _ := strconv.Atoi(m[1])
		if version != len(ms)+1 {
			return nil, fmt.Errorf("migration %s: want number %04d", e.Name(), len(ms)+1)
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		ms = append(ms, migration{version: version, name: m[2], sql: string(b)})
	}
	if len(ms) == 0 {
		return nil, errors.New("no migrations")
	}
	return ms, nil
}

// inspect looks at the file at path through a read-only connection and
// returns its schema version: 0 for a missing or empty file. It refuses a
// file that is not a Copydesk database, is damaged (a full quick_check),
// or has a schema newer than the known migrations. It never writes to the
// file. immutable opens it as readOnlyParams explains, for a file in a
// folder that cannot be written.
func inspect(ctx context.Context, path string, known int, immutable bool) (int, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if !fi.Mode().IsRegular() {
		return 0, fmt.Errorf("%s is not a regular file", path)
	}
	if fi.Size() == 0 {
		return 0, nil // SQLite's empty database
	}
	corrupt := func(cause error) error {
		return fmt.Errorf("%s %w (%w)", path, ErrCorrupt, cause)
	}

	params := url.Values{
		"mode":          {"ro"},
		"_busy_timeout": {fmt.Sprint(busyTimeout.Milliseconds())},
	}
	if immutable {
		params.Set("immutable", "1")
	}
	pool, err := sql.Open("sqlite3", dsn(path, params))
	if err != nil {
		return 0, err
	}
	defer pool.Close()
	var appID, version, objects int
	err = retryBusy(ctx, func() error {
		return pool.QueryRowContext(ctx, `
			SELECT a.application_id, v.user_version, (SELECT count(*) FROM sqlite_schema)
			FROM pragma_application_id AS a, pragma_user_version AS v`).Scan(&appID, &version, &objects)
	})
	if isCorrupt(err) {
		return 0, corrupt(err)
	}
	if err != nil {
		return 0, err
	}
	switch {
	case appID == applicationID:
	case appID == 0 && version == 0 && objects == 0:
		return 0, nil // an empty SQLite database
	case appID == 0:
		return 0, corrupt(errors.New("a SQLite database of another program"))
	default:
		return 0, corrupt(fmt.Errorf("a SQLite database of another program, application id %#x", appID))
	}
	if version > known {
		return 0, fmt.Errorf("%s %w (its schema is version %d; this version knows up to %d)", path, ErrNewerSchema, version, known)
	}

	var problems []string
	err = retryBusy(ctx, func() error {
		problems = problems[:0]
		rows, err := pool.QueryContext(ctx, `PRAGMA quick_check(3)`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var p string
			if err := rows.Scan(&p); err != nil {
				return err
			}
			p = strings.TrimPrefix(p, "*** in database main ***")
			problems = append(problems, strings.Join(strings.Fields(p), " "))
		}
		return rows.Err()
	})
	if isCorrupt(err) {
		return 0, corrupt(err)
	}
	if err != nil {
		return 0, err
	}
	if len(problems) != 1 || problems[0] != "ok" {
		return 0, corrupt(errors.New(strings.Join(problems, "; ")))
	}
	return version, nil
}

// migrate brings the database from version up to the last of migrations,
// copying the file aside first when it already holds a schema.
func (db *DB) migrate(ctx context.Context, migrations []migration, version int) error {
	if version >= len(migrations) {
		return nil
	}
	if version > 0 {
		if err := db.backup(ctx, version); err != nil {
			return fmt.Errorf("back up before migrating: %w", err)
		}
	}
	for _, m := range migrations[version:] {
		if err := retryBusy(ctx, func() error { return db.apply(ctx, m) }); err != nil {
			return fmt.Errorf("migration %04d_%s: %w", m.version, m.name, err)
		}
	}
	return nil
}

// backup copies the database to path.bak-v<version>-<time>. VACUUM INTO
// writes a consistent snapshot even while other processes use the WAL.
func (db *DB) backup(ctx context.Context, version int) error {
	base := fmt.Sprintf("%s.bak-v%d-%s", db.path, version, db.now().UTC().Format("20060102T150405Z"))
	name := base
	for n := 2; ; n++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			break
		}
		name = fmt.Sprintf("%s-%d", base, n)
	}
	return retryBusy(ctx, func() error {
		_, err := db.rw.ExecContext(ctx, `VACUUM INTO ?`, name)
		return err
	})
}

// apply runs one migration in its own transaction, unless another process
// has applied it meanwhile.
func (db *DB) apply(ctx context.Context, m migration) (err error) {
	conn, err := db.rw.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// Foreign keys can only be switched outside a transaction. Off, a
	// migration can rebuild a table without its ON DELETE CASCADE
	// emptying the tables that refer to it; foreign_key_check below makes
	// sure the result is still consistent.
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return err
	}
	defer func() {
		if _, ferr := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`); ferr != nil && err == nil {
			err = ferr
		}
	}()

	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var current int
	if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&current); err != nil {
		return err
	}
	if current >= m.version {
		return nil
	}
	if current != m.version-1 {
		return fmt.Errorf("database is at version %d, want %d", current, m.version-1)
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	var violations int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&violations); err != nil {
		return err
	}
	if violations > 0 {
		return fmt.Errorf("%d foreign key violations", violations)
	}
	// PRAGMA takes no bound parameters; both values are integers.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d; PRAGMA application_id = %d`, m.version, applicationID)); err != nil {
		return err
	}
	return tx.Commit()
}
