package main

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/storage"
	"copydesk/storage/pgtest"
)

// secret is the password the tests put in PostgreSQL URLs. The test
// server trusts its local users and ignores it; it must never be printed.
const secret = "s3cret-pw"

// withPassword is a pgtest URL with secret in its user part.
func withPassword(t *testing.T, url string) string {
	t.Helper()
	u := strings.Replace(url, "://copydesk@", "://copydesk:"+secret+"@", 1)
	if u == url {
		t.Fatalf("pgtest URL %q has no user copydesk to give a password", url)
	}
	return u
}

// migrate runs copydesk migrate and checks that the password is not in
// its output.
func migrate(t *testing.T, from, to string) (code int, stdout, stderr string) {
	t.Helper()
	code, stdout, stderr = cli(t, "migrate", "--from", from, "--to", to)
	if strings.Contains(stdout+stderr, secret) {
		t.Errorf("migrate printed the password:\n%s\n%s", stdout, stderr)
	}
	return code, stdout, stderr
}

// checkMigrateOutput checks the report migrate prints for a copy that
// matched: the two desks, a line per table, the note on times and the
// final line.
func checkMigrateOutput(t *testing.T, out, from, to string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 13 {
		t.Fatalf("migrate printed %d lines, want 13:\n%s", len(lines), out)
	}
	if lines[0] != "from "+from || lines[1] != "to   "+to {
		t.Errorf("migrate names the desks as\n%s\n%s\nwant\nfrom %s\nto   %s", lines[0], lines[1], from, to)
	}
	if h := strings.Fields(lines[3]); strings.Join(h, " ") != "TABLE SOURCE ROWS COPY ROWS SOURCE SHA-256 COPY SHA-256 MATCH" {
		t.Errorf("table header %q", lines[3])
	}
	for i, table := range []string{"articles", "revisions", "working_copies", "sources", "notes", "note_replies"} {
		f := strings.Fields(lines[4+i])
		if len(f) != 6 || f[0] != table || f[1] != f[2] || len(f[3]) != 64 || f[3] != f[4] || f[5] != "yes" {
			t.Errorf("row for %s: %q", table, lines[4+i])
		}
	}
	if lines[11] != "Times are kept to the microsecond." {
		t.Errorf("times line %q", lines[11])
	}
	if want := "copied 1 article ("; !strings.HasPrefix(lines[12], want) || !strings.HasSuffix(lines[12], "to "+to+"; every table matches its source") {
		t.Errorf("last line %q", lines[12])
	}
}

// TestMigrateBothWays moves a desk made on the command line from a file
// to a PostgreSQL database given with a password, and from there into a
// new file: each run prints a matching report, the desk reads the same
// in the end, and the password is never printed.
func TestMigrateBothWays(t *testing.T) {
	desk := deskArticle(t)
	mustCLI(t, "source", "add", "--db", desk, "--kind", "transcript", "1", filepath.Join("assets", "sample-source.txt"))
	mustCLI(t, "notes", "add", "--db", desk, "--author", "Night desk", "1", "--find", "Elena Marsh said", "Check", "her", "title.")
	shared := pgtest.Database(t)
	redacted := strings.Replace(shared, "://copydesk@", "://copydesk:xxxxx@", 1)

	code, out, errOut := migrate(t, desk, withPassword(t, shared))
	if code != exitOK {
		t.Fatalf("migrate to PostgreSQL: exit %d\n%s%s", code, out, errOut)
	}
	checkMigrateOutput(t, out, desk, redacted)

	back := filepath.Join(t.TempDir(), "offline", "back.db")
	code, out, errOut = migrate(t, shared+"&password="+secret, back)
	if code != exitOK {
		t.Fatalf("migrate from PostgreSQL: exit %d\n%s%s", code, out, errOut)
	}
	checkMigrateOutput(t, out, strings.Replace(shared, "sslmode=disable", "password=xxxxx&sslmode=disable", 1), back)

	for _, args := range []func(db string) []string{
		func(db string) []string { return []string{"list", "--db", db, "--format", "json"} },
		func(db string) []string { return []string{"export", "--db", db, "1"} },
		func(db string) []string { return []string{"source", "list", "--db", db, "--format", "json", "1"} },
		func(db string) []string { return []string{"notes", "list", "--db", db, "--format", "json", "1"} },
	} {
		want := mustCLI(t, args(desk)...)
		for _, copyDesk := range []string{shared, back} {
			if got := mustCLI(t, args(copyDesk)...); got != want {
				t.Errorf("%v:\n%s\nwant (as on the original)\n%s", args(copyDesk), got, want)
			}
		}
	}
}

// TestMigrateRefuses runs migrate where it must not copy: each run fails
// with its exit status and a message without the password, and leaves no
// desk where there was none.
func TestMigrateRefuses(t *testing.T) {
	desk := deskArticle(t)
	dir := t.TempDir()
	full := pgtest.Database(t)
	if code, out, errOut := migrate(t, desk, full); code != exitOK {
		t.Fatalf("migrate: exit %d\n%s%s", code, out, errOut)
	}
	empty := pgtest.Database(t)
	missing := filepath.Join(dir, "missing", "desk.db")
	noDatabase := withPassword(t, strings.Replace(full, "/desk", "/nodesk", 1))

	tests := []struct {
		name     string
		args     []string
		code     int
		stderr   string
		notAfter string // a file that must not exist afterwards
	}{
		{"no flags", []string{}, exitUsage, "want --from DESK and --to DESK", ""},
		{"extra argument", []string{"--from", desk, "--to", withPassword(t, empty), withPassword(t, empty)}, exitUsage, "no other arguments", ""},
		{"destination holds articles", []string{"--from", desk, "--to", withPassword(t, full)}, exitUsage, "already holds 1 article", ""},
		{"into itself", []string{"--from", desk, "--to", desk}, exitUsage, "is both the source and the destination", ""},
		{"missing source file", []string{"--from", missing, "--to", filepath.Join(dir, "out.db")}, exitUsage, "holds no desk", filepath.Join(dir, "missing")},
		{"source database without a desk", []string{"--from", withPassword(t, empty), "--to", filepath.Join(dir, "out.db")}, exitUsage, "holds no desk", filepath.Join(dir, "out.db")},
		{"no such destination database", []string{"--from", desk, "--to", noDatabase}, exitFailure, "nodesk", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := cli(t, append([]string{"migrate"}, tc.args...)...)
			if code != tc.code || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tc.code, tc.stderr)
			}
			if strings.Contains(out+errOut, secret) {
				t.Errorf("the password was printed:\n%s%s", out, errOut)
			}
			if tc.notAfter != "" {
				if _, err := os.Stat(tc.notAfter); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("%s exists after the refused migrate: %v", tc.notAfter, err)
				}
			}
		})
	}
	// The empty database was not set up as a desk by being named a source.
	db, err := storage.Open(context.Background(), empty)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if !db.Fresh() {
		t.Error("migrate --from an empty database set a desk up in it")
	}
}

// TestMigrateFailureWritesNothing migrates desks the destination refuses
// part of: a text with a NUL, which PostgreSQL cannot store, and a working
// copy of a revision that does not exist (written behind the desk's back,
// without foreign keys). migrate exits 1 without reporting a copy, and
// the destination holds no article; a destination file it created is
// removed.
func TestMigrateFailureWritesNothing(t *testing.T) {
	tests := []struct {
		name   string
		damage string
		to     func(t *testing.T) string
		table  string
	}{
		{"NUL to PostgreSQL", `UPDATE sources SET text = 'before' || char(0) || 'after'`,
			func(t *testing.T) string { return withPassword(t, pgtest.Database(t)) }, "sources"},
		{"missing revision to a new file", `INSERT INTO working_copies (article_id, editor, base, text, updated) VALUES (1, 'x', 99, 't', '2025-01-01T00:00:00.000000000Z')`,
			func(t *testing.T) string { return filepath.Join(t.TempDir(), "new.db") }, "working_copies"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			desk := deskArticle(t)
			mustCLI(t, "source", "add", "--db", desk, "1", filepath.Join("assets", "sample-source.txt"))
			raw, err := sql.Open("sqlite3", desk)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := raw.Exec(tc.damage); err != nil {
				t.Fatal(err)
			}
			raw.Close()
			to := tc.to(t)
			code, out, errOut := migrate(t, desk, to)
			if code != exitFailure || !strings.Contains(errOut, tc.table) {
				t.Errorf("exit %d, stderr %q; want %d naming %s", code, errOut, exitFailure, tc.table)
			}
			if strings.Contains(out, "copied") {
				t.Errorf("migrate reported a copy:\n%s", out)
			}
			if !storage.IsServerURL(to) {
				if _, err := os.Stat(to); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("the new destination file is left after the failed migrate: %v", err)
				}
				return
			}
			if got := mustCLI(t, "list", "--db", to); strings.Count(got, "\n") != 1 {
				t.Errorf("the destination holds articles after the failed migrate:\n%s", got)
			}
		})
	}
}
