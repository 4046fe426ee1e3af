package storage

import (
	"context"
	"errors"
	"net/url"
	"os/exec"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/storage/pgtest"
)

// TestLeastPrivilegeRoles sets a server up with scripts/postgres-setup.sql,
// as the README tells an administrator to, and works the desk as an
// editor's own role: everything an editor does works, and changing the
// tables does not.
func TestLeastPrivilegeRoles(t *testing.T) {
	ctx := context.Background()
	admin := pgtest.Start(t)
	out, err := exec.Command(pgtest.Tool(t, "psql"), "--no-psqlrc", "-q", "-v", "owner_password=owner-secret",
		"-f", "../scripts/postgres-setup.sql", admin).CombinedOutput()
	if err != nil {
		t.Fatalf("postgres-setup.sql: %v\n%s", err, out)
	}
	as := func(role string) string {
		u, err := url.Parse(admin)
		if err != nil {
			t.Fatal(err)
		}
		u.User = url.User(role)
		u.Path = "/copydesk"
		return u.String()
	}
	if out, err := exec.Command(pgtest.Tool(t, "psql"), "--no-psqlrc", "-q", "-c", "CREATE ROLE ana LOGIN IN ROLE copydesk_editor", admin).CombinedOutput(); err != nil {
		t.Fatalf("creating an editor's role: %v\n%s", err, out)
	}

	// An editor cannot set the tables up, and is told who can.
	if _, err := Open(ctx, as("ana")); err == nil || !strings.Contains(err.Error(), "the database's owner sets them up with copydesk setup") {
		t.Errorf("Open of a new desk as an editor = %v, want it refused naming the owner", err)
	}

	// The owner's first run sets the desk up.
	owner, err := Open(ctx, as("copydesk_owner"))
	if err != nil {
		t.Fatalf("Open as the owner: %v", err)
	}
	owner.Close()

	ana, err := Open(ctx, as("ana"), WithEditor("Ana"))
	if err != nil {
		t.Fatalf("Open as an editor: %v", err)
	}
	defer ana.Close()
	a, rev, err := ana.CreateArticle(ctx, editor.Article{Title: "Harbour"}, "The harbour will be dredged.", "", "Ana")
	if err != nil {
		t.Fatalf("CreateArticle as an editor: %v", err)
	}
	n, err := ana.AddNote(ctx, editor.Note{ArticleID: a.ID, Revision: rev.Number, Severity: editor.Info, Message: "Which harbour?"})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		do   func() error
	}{
		{"reply", func() error { _, err := ana.AddReply(ctx, n.ID, "Ana", "The old one."); return err }},
		{"resolve", func() error {
			n, err := ana.Note(ctx, n.ID)
			if err == nil {
				n.Status = editor.NoteResolved
				_, err = ana.UpdateNote(ctx, n)
			}
			return err
		}},
		{"working copy", func() error {
			return ana.SaveWorkingCopy(ctx, editor.WorkingCopy{ArticleID: a.ID, Base: rev.Number, Text: "The harbour will be dredged in May."})
		}},
		{"commit", func() error { _, err := ana.CommitWorkingCopy(ctx, a.ID, "", "Ana"); return err }},
		{"source", func() error {
			_, err := ana.AddSource(ctx, editor.Source{ArticleID: a.ID, Kind: editor.SourceNotes, Text: "Dredging in May."})
			return err
		}},
		{"search", func() error { _, err := ana.Search(ctx, "dredged"); return err }},
		{"presence", func() error { return ana.Heartbeat(ctx, a.ID) }},
		{"trash and purge", func() error {
			b, _, err := ana.CreateArticle(ctx, editor.Article{Title: "Spike"}, "x", "", "Ana")
			if err == nil {
				err = ana.TrashArticle(ctx, b.ID)
			}
			if err == nil {
				err = ana.PurgeArticle(ctx, b.ID)
			}
			return err
		}},
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			t.Errorf("%s as an editor: %v", s.name, err)
		}
	}
	for _, ddl := range []string{`DROP TABLE notes`, `ALTER TABLE notes ADD COLUMN x int`, `CREATE TABLE mine (x int)`} {
		if _, err := ana.rw.Exec(ddl); err == nil || !strings.Contains(err.Error(), "must be owner") && !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("%s as an editor: %v, want it refused", ddl, err)
		}
	}
}

// TestBackupRestore backs a desk up with pg_dump and restores it into a
// new database with pg_restore, as the README says: the copy opens, holds
// the same articles and notes, is searched, and takes new rows.
func TestBackupRestore(t *testing.T) {
	ctx := context.Background()
	desk := pgtest.Database(t)
	db := openTestDBAt(t, desk)
	a, rev := mustCreateArticle(t, db, "Harbour", "The harbour will be dredged.")
	if _, err := db.AddNote(ctx, editor.Note{ArticleID: a.ID, Revision: rev.Number, Severity: editor.Info, Message: "Which harbour?"}); err != nil {
		t.Fatal(err)
	}
	dump := t.TempDir() + "/desk.dump"
	if out, err := exec.Command(pgtest.Tool(t, "pg_dump"), "--format=custom", "--file", dump, desk).CombinedOutput(); err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, out)
	}
	restored := pgtest.Database(t)
	if out, err := exec.Command(pgtest.Tool(t, "pg_restore"), "--no-owner", "--exit-on-error", "--dbname", restored, dump).CombinedOutput(); err != nil {
		t.Fatalf("pg_restore: %v\n%s", err, out)
	}
	cp := openTestDBAt(t, restored)
	if cp.Fresh() {
		t.Error("the restored desk was set up anew")
	}
	notes, err := cp.Notes(ctx, a.ID, editor.NoteFilter{})
	if err != nil || len(notes) != 1 || notes[0].Message != "Which harbour?" {
		t.Errorf("notes of the restored desk = %+v, %v", notes, err)
	}
	if hits, err := cp.Search(ctx, "dredged"); err != nil || len(hits) != 1 {
		t.Errorf("search of the restored desk = %+v, %v", hits, err)
	}
	b, _ := mustCreateArticle(t, cp, "After the restore", "New.")
	if b.ID <= a.ID {
		t.Errorf("a new article after the restore got ID %d, not past %d", b.ID, a.ID)
	}
}

// TestReadOnlyServer opens a desk whose server takes only reads (as a
// standby does): reading works and a write is refused with ErrReadOnly.
func TestReadOnlyServer(t *testing.T) {
	ctx := context.Background()
	desk := pgtest.Database(t)
	db := openTestDBAt(t, desk)
	mustCreateArticle(t, db, "Kept", "Text.")
	var name string
	if err := db.rw.QueryRow(`SELECT current_database()`).Scan(&name); err != nil {
		t.Fatal(err)
	}
	if _, err := db.rw.Exec(`ALTER DATABASE ` + name + ` SET default_transaction_read_only = on`); err != nil {
		t.Fatal(err)
	}
	ro := openTestDBAt(t, desk)
	if list, err := ro.ListArticles(ctx, editor.ArticleFilter{}); err != nil || len(list) != 1 {
		t.Errorf("ListArticles on a read-only server = %v, %v", list, err)
	}
	if _, _, err := ro.CreateArticle(ctx, editor.Article{Title: "New"}, "x", "", ""); !errors.Is(err, ErrReadOnly) {
		t.Errorf("CreateArticle on a read-only server = %v, want ErrReadOnly", err)
	}
}
