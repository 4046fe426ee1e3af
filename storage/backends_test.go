package storage

import (
	"context"
	"path/filepath"
	"testing"

	"copydesk/storage/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// A backend is a kind of desk the storage tests run against: every test
// written with eachBackend runs once on a SQLite file and once on a
// PostgreSQL database of a throwaway server.
type backend struct {
	name string
	// newDesk returns where a new, empty desk is: a file path or a URL.
	newDesk func(t testing.TB) string
}

var backends = []backend{
	{"sqlite", func(t testing.TB) string { return filepath.Join(t.TempDir(), "copydesk.db") }},
	{"postgres", func(t testing.TB) string { return pgtest.Database(t) }},
}

// eachBackend runs test on each backend, as a subtest named after it.
// open opens a new desk with the test clock, closed when the test ends.
func eachBackend(t *testing.T, test func(t *testing.T, open func(t *testing.T) *DB)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			test(t, func(t *testing.T) *DB { return openTestDBAt(t, b.newDesk(t)) })
		})
	}
}

// eachBackendDesk is eachBackend for tests that open one desk more than
// once: desk is where a new desk is, for Open.
func eachBackendDesk(t *testing.T, test func(t *testing.T, desk string)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { test(t, b.newDesk(t)) })
	}
}

func TestOpenPostgresSetsUpAndReopens(t *testing.T) {
	ctx := context.Background()
	url := pgtest.Database(t)
	db, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	if !db.Fresh() || !db.Shared() {
		t.Errorf("new desk: Fresh %v, Shared %v; want both", db.Fresh(), db.Shared())
	}
	a, _ := mustCreateArticle(t, db, "Shared", "Text.")
	db.Close()
	db, err = Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if db.Fresh() {
		t.Error("reopened desk reports Fresh")
	}
	if got, err := db.Article(ctx, a.ID); err != nil || got.Title != "Shared" {
		t.Errorf("Article after reopening = %+v, %v", got, err)
	}
}
