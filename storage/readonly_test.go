package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"copydesk/editor"
)

// withAccess replaces the probe of what can be written. Tests running as
// root need it: root writes through chmod 0444 and 0555, so only the
// probe's answer, not the permission bits, can take Open down the
// read-only path there.
func withAccess(a access) Option {
	return func(db *DB) { db.probe = func(string) access { return a } }
}

// deskWithArticle makes a desk holding one article and closes it, so that
// only the database file is left in its folder.
func deskWithArticle(t *testing.T) (path string, id int64) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "archive.db")
	db := openTestDBAt(t, path)
	a, _ := mustCreateArticle(t, db, "Harbor Dredging Approved", "Harbor Dredging Approved\n\nThe council voted 5-2 to dredge the harbor.\n")
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path, a.ID
}

func folderListing(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// makeReadOnly takes write permission away from the file, unless
// keepFile, and, if folder, from its folder, and gives it back when the
// test ends so t.TempDir can be removed.
func makeReadOnly(t *testing.T, path string, keepFile, folder bool) {
	t.Helper()
	if !keepFile {
		if err := os.Chmod(path, 0o444); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(path, 0o644) })
	}
	if folder {
		dir := filepath.Dir(path)
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
	}
}

func TestReadOnlyDeskReadsAndRefusesWrites(t *testing.T) {
	asRoot := os.Geteuid() == 0
	tests := []struct {
		name          string
		access        access // what the probe reports when running as root
		chmodFolder   bool
		force         bool
		wantImmutable bool
	}{
		{name: "read-only file", access: access{file: false, folder: true}},
		{name: "read-only file in read-only folder", access: access{}, chmodFolder: true, wantImmutable: true},
		{name: "writable file in read-only folder", access: access{file: true}, chmodFolder: true, wantImmutable: true},
		{name: "asked for", access: access{file: true, folder: true}, force: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			path, id := deskWithArticle(t)
			var opts []Option
			switch {
			case tt.force:
				opts = append(opts, WithReadOnly())
			case asRoot:
				opts = append(opts, withAccess(tt.access))
			default:
				makeReadOnly(t, path, tt.access.file, tt.chmodFolder)
			}
			before := readFile(t, path)
			db, err := Open(ctx, path, opts...)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer db.Close()
			if !db.ReadOnly() {
				t.Fatal("ReadOnly() = false, want true")
			}
			if got := readOnlyParams(db.access, path).Get("immutable") == "1"; got != tt.wantImmutable && !tt.force {
				t.Errorf("immutable = %v, want %v", got, tt.wantImmutable)
			}

			list, err := db.ListArticles(ctx, editor.ArticleFilter{})
			if err != nil || len(list) != 1 || list[0].Title != "Harbor Dredging Approved" {
				t.Fatalf("ListArticles = %+v, %v; want the one article", list, err)
			}
			if rev, err := db.LatestRevision(ctx, id); err != nil || rev.Number != 1 {
				t.Errorf("LatestRevision = %+v, %v", rev, err)
			}
			if hits, err := db.Search(ctx, "dredge"); err != nil || len(hits) == 0 {
				t.Errorf("Search(dredge) = %+v, %v; want a hit", hits, err)
			}
			if _, err := db.DataVersion(ctx); err != nil {
				t.Errorf("DataVersion: %v", err)
			}
			listing := folderListing(t, filepath.Dir(path))

			writes := map[string]error{}
			_, _, writes["CreateArticle"] = db.CreateArticle(ctx, editor.Article{Title: "New"}, "New\n", "", "ed")
			_, writes["AddRevision"] = db.AddRevision(ctx, id, "changed\n", "", "ed")
			writes["SaveWorkingCopy"] = db.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: id, Base: 1, Text: "changed\n"})
			writes["TrashArticle"] = db.TrashArticle(ctx, id)
			_, writes["AddNote"] = db.AddNote(ctx, editor.Note{ArticleID: id, Revision: 1, Message: "check"})
			_, writes["AddSource"] = db.AddSource(ctx, editor.Source{ArticleID: id, Title: "minutes", Text: "x"})
			for name, err := range writes {
				if !errors.Is(err, ErrReadOnly) {
					t.Errorf("%s: err = %v, want ErrReadOnly", name, err)
				}
			}
			if err := db.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
			if got := readFile(t, path); string(got) != string(before) {
				t.Error("the database file changed")
			}
			if got := folderListing(t, filepath.Dir(path)); !slices.Equal(got, listing) && tt.wantImmutable {
				t.Errorf("folder after writes = %v, want %v", got, listing)
			}
		})
	}
}

func TestReadOnlyDeskMessageSaysWhy(t *testing.T) {
	path, id := deskWithArticle(t)
	db, err := Open(context.Background(), path, withAccess(access{}))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = db.AddRevision(context.Background(), id, "x\n", "", "ed")
	want := "storage: add revision: this desk is read-only: " + path + " cannot be changed (neither the file nor its folder can be written)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

func TestReadOnlyDeskIsNotMigrated(t *testing.T) {
	ctx := context.Background()
	ms := allMigrations(t)
	if len(ms) < 2 {
		t.Skip("needs two migrations")
	}
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(ctx, path, ms[:1])
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	before := readFile(t, path)
	listing := folderListing(t, filepath.Dir(path))

	_, err = open(ctx, path, ms, withAccess(access{}))
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("open older schema read-only: err = %v, want ErrReadOnly", err)
	}
	if string(readFile(t, path)) != string(before) {
		t.Error("the database file changed")
	}
	if got := folderListing(t, filepath.Dir(path)); !slices.Equal(got, listing) {
		t.Errorf("folder = %v, want %v (no backup, no -wal)", got, listing)
	}
}

func TestReadOnlyFolderCannotCreateDesk(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	_, err := Open(context.Background(), path, withAccess(access{file: true, folder: false}))
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("err = %v, want ErrReadOnly", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file was created: %v", err)
	}
}

func TestProbeAccessSeesPermissions(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes through permission bits; the read-only path is covered through withAccess")
	}
	path, _ := deskWithArticle(t)
	if got := probeAccess(path); got != (access{file: true, folder: true}) {
		t.Errorf("writable desk: probe = %+v", got)
	}
	makeReadOnly(t, path, false, true)
	if got := probeAccess(path); got != (access{}) {
		t.Errorf("0444 file in 0555 folder: probe = %+v, want nothing writable", got)
	}
}
