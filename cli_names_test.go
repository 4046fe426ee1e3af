package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"copydesk/storage"
)

// TestOddFileNamesAndControlCharacters imports a file whose name holds a
// line break and whose text holds a form feed and a stray control
// character: the revision label stays on one line, the form feed becomes
// a paragraph break with a notice, and a message naming the file quotes
// it.
func TestOddFileNamesAndControlCharacters(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "draft\nnotes.txt")
	if err := os.WriteFile(name, []byte("Storm Hits Coast\nWinds rose.\fPage two starts here.\n"), 0o644); err != nil {
		t.Skipf("cannot name a file with a line break here: %v", err)
	}
	db := filepath.Join(dir, "desk.db")
	code, out, errOut := cli(t, "import", "--db", db, name)
	if code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	if !strings.Contains(errOut, `"`+filepath.Join(dir, `draft\nnotes.txt"`)) || !strings.Contains(errOut, "1 control character normalised") {
		t.Errorf("notice = %q, want the quoted name and the count", errOut)
	}
	id, _ := strconv.ParseInt(strings.TrimSpace(out), 10, 64)
	store, err := storage.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	revs, err := store.Revisions(context.Background(), id)
	if err != nil || len(revs) != 1 {
		t.Fatal(revs, err)
	}
	if revs[0].Label != "imported from draft notes.txt" {
		t.Errorf("label = %q, want it on one line", revs[0].Label)
	}
	if revs[0].Text != "Storm Hits Coast\nWinds rose.\nPage two starts here.\n" {
		t.Errorf("text = %q", revs[0].Text)
	}
	bad := filepath.Join(dir, "bad\nname.txt")
	if err := os.WriteFile(bad, []byte{0xff, 0xfe, 0x00}, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, errOut := cli(t, "check", bad); strings.Count(errOut, "\n") > 1 || !strings.Contains(errOut, `bad\nname.txt`) {
		t.Errorf("a message about a file with a line break in its name: %q", errOut)
	}
}

// TestReadCommandsNeverCreateADesk points list, export and revise at a
// desk that is not there (moved, deleted, mistyped): each says so and
// creates nothing.
func TestReadCommandsNeverCreateADesk(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "gone.db")
	draft := filepath.Join(dir, "r2.txt")
	if err := os.WriteFile(draft, []byte("Hed\nText."), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"list", "--db", db},
		{"export", "--db", db, "1"},
		{"revise", "--db", db, "1", draft},
	} {
		code, _, errOut := cli(t, args...)
		if code != 2 || !strings.Contains(errOut, "no desk at") {
			t.Errorf("%s: %d %q; want 2 and \"no desk at\"", args[0], code, errOut)
		}
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Fatalf("%s created a desk at %s", args[0], db)
		}
	}
}

// TestCurrentUserWithoutEnvironment finds the user's name when the session
// sets neither USER nor USERNAME.
func TestCurrentUserWithoutEnvironment(t *testing.T) {
	t.Setenv("USER", "")
	t.Setenv("USERNAME", "")
	if currentUser() == "" {
		t.Error("no user name without USER or USERNAME")
	}
}
