package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"copydesk/editor"
)

// testClock starts at a fixed time and moves one second on each time it
// is read, so every stored time is known and distinct.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock() *testClock {
	return &testClock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

// at is the time the test clock gives at its nth reading.
func at(n int) time.Time {
	return newTestClock().t.Add(time.Duration(n) * time.Second)
}

// openTestDB opens a new database in a temporary folder through the
// production Open.
func openTestDB(t *testing.T) *DB {
	t.Helper()
	return openTestDBAt(t, filepath.Join(t.TempDir(), "copydesk.db"))
}

func openTestDBAt(t *testing.T, path string) *DB {
	t.Helper()
	db, err := Open(context.Background(), path, WithClock(newTestClock().Now))
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

func allMigrations(t *testing.T) []migration {
	t.Helper()
	ms, err := loadMigrations(migrationFiles, sqliteMigrations)
	if err != nil {
		t.Fatalf("loadMigrations: %v", err)
	}
	return ms
}

func pragmaInt(t *testing.T, pool *sql.DB, name string) int {
	t.Helper()
	var v int
	if err := pool.QueryRow(`PRAGMA ` + name).Scan(&v); err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

func mustCreateArticle(t *testing.T, db *DB, title, text string) (editor.Article, editor.Revision) {
	t.Helper()
	a, rev, err := db.CreateArticle(context.Background(), editor.Article{Title: title}, text, "first draft", "reporter")
	if err != nil {
		t.Fatalf("CreateArticle(%q): %v", title, err)
	}
	return a, rev
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOpenTwiceKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "copydesk.db")
	db, err := Open(ctx, path, WithClock(newTestClock().Now))
	if err != nil {
		t.Fatalf("first Open: %v", err)
	}
	a, _ := mustCreateArticle(t, db, "Council votes", "The council voted.")
	if err := db.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	db = openTestDBAt(t, path)
	got, err := db.Article(ctx, a.ID)
	if err != nil {
		t.Fatalf("Article after reopening: %v", err)
	}
	if got != a {
		t.Errorf("Article after reopening = %+v, want %+v", got, a)
	}
	if got, want := pragmaInt(t, db.rw, "user_version"), len(allMigrations(t)); got != want {
		t.Errorf("user_version = %d, want %d", got, want)
	}
	if got := pragmaInt(t, db.rw, "application_id"); got != applicationID {
		t.Errorf("application_id = %#x, want %#x", got, applicationID)
	}
	backups, _ := filepath.Glob(path + ".bak-*")
	if len(backups) != 0 {
		t.Errorf("reopening an up-to-date database made backups %v", backups)
	}
}

func TestOpenConfiguresEveryConnection(t *testing.T) {
	db := openTestDB(t)
	for _, tc := range []struct {
		name string
		pool *sql.DB
	}{{"writer", db.rw}, {"reader", db.ro}} {
		t.Run(tc.name, func(t *testing.T) {
			var mode string
			if err := tc.pool.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
				t.Fatal(err)
			}
			if mode != "wal" {
				t.Errorf("journal_mode = %q, want wal", mode)
			}
			if got := pragmaInt(t, tc.pool, "foreign_keys"); got != 1 {
				t.Errorf("foreign_keys = %d, want 1", got)
			}
			if got, want := pragmaInt(t, tc.pool, "busy_timeout"), int(busyTimeout.Milliseconds()); got != want {
				t.Errorf("busy_timeout = %d, want %d", got, want)
			}
		})
	}
	if _, err := db.ro.Exec(`UPDATE articles SET title = 'x'`); err == nil {
		t.Error("the reader pool accepted a write")
	}
	// Every write is on disk (the log fsynced) before it is acknowledged:
	// synchronous=FULL on the writer (2; NORMAL, 1, syncs only at
	// checkpoints in WAL mode, so a power cut could take back a save the
	// editor was told of).
	if got := pragmaInt(t, db.rw, "synchronous"); got != 2 {
		t.Errorf("writer synchronous = %d, want 2 (FULL)", got)
	}
}

func TestOpenPathNeedsNoEscapingByCaller(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "news desk ?#% é")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "copy?desk#1.db")
	openTestDBAt(t, path)
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not created at %q: %v", path, err)
	}
}

func TestOpenRefusesMemoryDatabases(t *testing.T) {
	for _, path := range []string{"", ":memory:", "file::memory:?cache=shared"} {
		t.Run(path, func(t *testing.T) {
			db, err := Open(context.Background(), path)
			if err == nil {
				db.Close()
				t.Fatalf("Open(%q) succeeded, want an error", path)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("Open(%q) = %v, want ErrInvalid", path, err)
			}
		})
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	known := len(allMigrations(t))
	// In rollback-journal mode, merely opening the file the usual way would
	// switch it to WAL and so change its header.
	for _, mode := range []string{"wal", "delete"} {
		t.Run(mode, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "copydesk.db")
			db, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			mustCreateArticle(t, db, "From the future", "Text.")
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			raw, err := sql.Open("sqlite3", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := raw.Exec(`PRAGMA journal_mode = ` + mode + `; PRAGMA user_version = 99`); err != nil {
				t.Fatal(err)
			}
			if err := raw.Close(); err != nil {
				t.Fatal(err)
			}
			before := readFile(t, path)

			db, err = Open(ctx, path)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded on a database with a newer schema")
			}
			if !errors.Is(err, ErrNewerSchema) {
				t.Errorf("Open error = %v, want ErrNewerSchema", err)
			}
			for _, want := range []string{path, "version 99", "up to " + strconv.Itoa(known)} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("Open error %q does not mention %q", err, want)
				}
			}
			if after := readFile(t, path); !bytes.Equal(before, after) {
				t.Error("Open changed the file it refused")
			}
		})
	}
}

func TestOpenRefusesDamagedFiles(t *testing.T) {
	// writeDatabase leaves a real Copydesk database with enough text to
	// fill many pages.
	writeDatabase := func(t *testing.T, path string) {
		db, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 20 {
			mustCreateArticle(t, db, "Article "+strconv.Itoa(i), strings.Repeat("Words of the story. ", 400))
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(path + "-wal"); err == nil {
			t.Fatal("the write-ahead log is still there after Close")
		}
	}
	garble := func(t *testing.T, path string, from, to int64) {
		b := readFile(t, path)
		if to > int64(len(b)) {
			to = int64(len(b))
		}
		r := rand.New(rand.NewPCG(1, 2))
		for i := from; i < to; i++ {
			b[i] = byte(r.IntN(256))
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		write func(t *testing.T, path string)
	}{
		{"text file", func(t *testing.T, path string) {
			text := strings.Repeat("These are the minutes of the council meeting.\n", 200)
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"short text file", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte("hello\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"garbage header", func(t *testing.T, path string) {
			writeDatabase(t, path)
			garble(t, path, 0, 100)
		}},
		{"garbage pages", func(t *testing.T, path string) {
			writeDatabase(t, path)
			garble(t, path, 4096, 1<<40)
		}},
		{"garbage in the middle", func(t *testing.T, path string) {
			writeDatabase(t, path)
			garble(t, path, 16*4096, 20*4096)
		}},
		{"another program's database", func(t *testing.T, path string) {
			other, err := sql.Open("sqlite3", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := other.Exec(`CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')`); err != nil {
				t.Fatal(err)
			}
			other.Close()
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "copydesk.db")
			tc.write(t, path)
			before := readFile(t, path)

			db, err := Open(context.Background(), path)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded, want ErrCorrupt")
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("Open error = %v, want ErrCorrupt", err)
			}
			if want := path + " is not a Copydesk database or is damaged"; !strings.Contains(err.Error(), want) {
				t.Errorf("Open error = %q, want it to say %q", err, want)
			}
			if after := readFile(t, path); !bytes.Equal(before, after) {
				t.Error("Open changed the file it refused")
			}
		})
	}
}

func TestOpenAcceptsEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "copydesk.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	db := openTestDBAt(t, path)
	mustCreateArticle(t, db, "First", "Text.")
}

func TestMigrateBacksUpOlderDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "copydesk.db")
	all := allMigrations(t)
	if len(all) < 2 {
		t.Fatalf("have %d migrations, the test needs at least 2", len(all))
	}

	// A database from the first release: no search tables yet.
	old, err := open(ctx, path, all[:1], WithClock(newTestClock().Now))
	if err != nil {
		t.Fatalf("open at version 1: %v", err)
	}
	a, rev := mustCreateArticle(t, old, "Harbour dredging", "The harbour will be dredged in spring.")
	n, err := old.AddNote(ctx, editor.Note{ArticleID: a.ID, Revision: rev.Number, Message: "Which harbour authority?"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.AddReply(ctx, n.ID, "desk", "Ask the port captain"); err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	clock := newTestClock()
	backup := path + ".bak-v1-" + clock.t.Add(time.Second).Format("20060102T150405Z")
	db, err := Open(ctx, path, WithClock(clock.Now))
	if err != nil {
		t.Fatalf("Open of a version 1 database: %v", err)
	}
	defer db.Close()

	if got, want := pragmaInt(t, db.rw, "user_version"), len(all); got != want {
		t.Errorf("user_version after migrating = %d, want %d", got, want)
	}
	t.Run("backup", func(t *testing.T) {
		bak, err := sql.Open("sqlite3", "file:"+backup+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		defer bak.Close()
		if got := pragmaInt(t, bak, "user_version"); got != 1 {
			t.Errorf("backup user_version = %d, want 1", got)
		}
		var title string
		if err := bak.QueryRow(`SELECT title FROM articles WHERE id = ?`, a.ID).Scan(&title); err != nil {
			t.Fatalf("reading the backup %s: %v", backup, err)
		}
		if title != a.Title {
			t.Errorf("backup holds title %q, want %q", title, a.Title)
		}
	})
	t.Run("existing rows are searchable", func(t *testing.T) {
		for _, q := range []string{"dredged", "harbour authority", "captain"} {
			hits, err := db.Search(ctx, q)
			if err != nil {
				t.Fatalf("Search(%q): %v", q, err)
			}
			if len(hits) != 1 || hits[0].ArticleID != a.ID {
				t.Errorf("Search(%q) = %+v, want one hit in article %d", q, hits, a.ID)
			}
		}
	})
}

func TestLoadMigrationsRefusesBadNumbering(t *testing.T) {
	file := &fstest.MapFile{Data: []byte("CREATE TABLE t (x);")}
	tests := []struct {
		name  string
		files fstest.MapFS
	}{
		{"none", fstest.MapFS{"migrations": &fstest.MapFile{Mode: fs.ModeDir}}},
		{"not sql", fstest.MapFS{"migrations/0001_init.sql": file, "migrations/README": file}},
		{"gap", fstest.MapFS{"migrations/0001_init.sql": file, "migrations/0003_more.sql": file}},
		{"not from one", fstest.MapFS{"migrations/0002_init.sql": file}},
		{"bad name", fstest.MapFS{"migrations/0001_init.sql": file, "migrations/2_more.sql": file}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if ms, err := loadMigrations(tc.files, sqliteMigrations); err == nil {
				t.Errorf("loadMigrations = %d migrations, want an error", len(ms))
			}
		})
	}
}

func TestOpenAfterCrash(t *testing.T) {
	// A crash leaves committed writes in the write-ahead log, with or
	// without its index file. Copying the files of a database still open
	// captures that state.
	for _, tc := range []struct {
		name  string
		files []string
	}{
		{"log and index", []string{"", "-wal", "-shm"}},
		{"log only", []string{"", "-wal"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			live := openTestDB(t)
			a, _ := mustCreateArticle(t, live, "Late news", "First text.")
			if _, err := live.AddRevision(ctx, a.ID, "Second text.", "", ""); err != nil {
				t.Fatal(err)
			}
			crashed := filepath.Join(t.TempDir(), "copydesk.db")
			for _, suffix := range tc.files {
				if err := os.WriteFile(crashed+suffix, readFile(t, live.Path()+suffix), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if fi, err := os.Stat(crashed + "-wal"); err != nil || fi.Size() == 0 {
				t.Fatalf("the copied log is empty or missing (%v), the test proves nothing", err)
			}

			db := openTestDBAt(t, crashed)
			latest, err := db.LatestRevision(ctx, a.ID)
			if err != nil || latest.Text != "Second text." {
				t.Errorf("LatestRevision after the crash = %+v, %v; want the second revision", latest, err)
			}
		})
	}
}

// TestWithExistingDeskSetsNothingUp opens a place without a desk with
// WithExistingDesk: ErrNotFound, and no desk (no file, no schema) is left
// there; a desk that exists opens as usual.
func TestWithExistingDeskSetsNothingUp(t *testing.T) {
	eachBackendDesk(t, func(t *testing.T, desk string) {
		ctx := context.Background()
		if db, err := Open(ctx, desk, WithExistingDesk()); !errors.Is(err, ErrNotFound) {
			if err == nil {
				db.Close()
			}
			t.Fatalf("Open(no desk, WithExistingDesk) = %v, want ErrNotFound", err)
		}
		if !IsServerURL(desk) {
			if _, err := os.Stat(desk); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("a file was left at %s: %v", desk, err)
			}
		}
		db := openTestDBAt(t, desk)
		if !db.Fresh() {
			t.Error("the desk was set up by the refused Open: Fresh is false afterwards")
		}
		mustCreateArticle(t, db, "Kept", "Text.")
		again, err := Open(ctx, desk, WithExistingDesk())
		if err != nil {
			t.Fatalf("Open(desk, WithExistingDesk) = %v", err)
		}
		again.Close()
	})
}
