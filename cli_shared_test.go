package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
