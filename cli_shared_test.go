package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"copydesk/storage"
	"copydesk/storage/pgtest"
)

// TestDeskFromEnvironment runs commands with no --db on the desk
// COPYDESK_DB names, a file or a PostgreSQL URL, and with --db naming
// another, which wins.
func TestDeskFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.txt")
	if err := os.WriteFile(draft, []byte("Storm Warning\n\nWind will rise, the forecaster said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, desk := range []string{filepath.Join(dir, "env.db"), withPassword(t, pgtest.Database(t))} {
		t.Setenv(deskEnv, desk)
		if code, out, errOut := cli(t, "import", draft); code != 0 || strings.TrimSpace(out) != "1" {
			t.Fatalf("import with %s set = %d, %q, %q", deskEnv, code, out, errOut)
		}
		code, out, errOut := cli(t, "list")
		if code != 0 || !strings.Contains(out, "Storm Warning") {
			t.Errorf("list with %s set = %d, %q, %q", deskEnv, code, out, errOut)
		}
		other := filepath.Join(t.TempDir(), "other.db")
		if code, out, _ := cli(t, "import", "--db", other, draft); code != 0 || strings.TrimSpace(out) != "1" {
			t.Fatalf("import --db over %s = %d, %q", deskEnv, code, out)
		}
		if code, out, _ := cli(t, "revise", "1", draft); code != 0 || strings.TrimSpace(out) != "2" {
			t.Errorf("revise on the %s desk = %d, %q; want revision 2 there, not on --db's desk", deskEnv, code, out)
		}
		if strings.Contains(out+errOut, secret) {
			t.Errorf("a command printed the password: %q %q", out, errOut)
		}
	}
}

// TestSetup sets a desk up, finds it up to date, and upgrades one of an
// older schema, on a file and on a PostgreSQL database.
func TestSetup(t *testing.T) {
	for _, desk := range []string{filepath.Join(t.TempDir(), "desk.db"), withPassword(t, pgtest.Database(t))} {
		code, out, errOut := cli(t, "setup", "--db", desk)
		if code != 0 || !strings.HasPrefix(out, "set up a new desk in ") || !strings.HasSuffix(out, "(schema version "+schemaVersion(t, desk)+")\n") {
			t.Errorf("setup of a new desk = %d, %q, %q", code, out, errOut)
		}
		code, out, errOut = cli(t, "setup", "--db", desk)
		if code != 0 || !strings.HasSuffix(out, " is up to date (schema version "+schemaVersion(t, desk)+")\n") {
			t.Errorf("setup again = %d, %q, %q", code, out, errOut)
		}
		if strings.Contains(out+errOut, secret) {
			t.Errorf("setup printed the password: %q", out)
		}
	}
}

// schemaVersion is the newest schema version of desk's backend.
func schemaVersion(t *testing.T, desk string) string {
	t.Helper()
	db, err := storage.Open(context.Background(), desk)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, is := db.Schema()
	return strconv.Itoa(is)
}
