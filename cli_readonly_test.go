package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadOnlyDeskCommands runs the commands on a desk in a read-only
// folder. Root writes through chmod 0444 and 0555, so as root the test
// asks for read-only with --read-only instead; storage's tests cover what
// Open does by itself on read-only storage.
func TestReadOnlyDeskCommands(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "archive")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "desk.db")
	in := writeFile(t, t.TempDir(), "draft.txt", "Harbor Dredging Approved\n\n“We will dredge,” the mayor said.\n")
	code, out, errOut := cli(t, "import", "--db", db, in)
	if code != 0 {
		t.Fatalf("import exit %d: %s", code, errOut)
	}
	id := strings.TrimSpace(out)

	var ro []string
	if os.Geteuid() == 0 {
		ro = []string{"--read-only"}
	} else {
		for _, p := range []struct {
			path string
			mode os.FileMode
		}{{db, 0o444}, {dir, 0o555}} {
			if err := os.Chmod(p.path, p.mode); err != nil {
				t.Fatal(err)
			}
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755); os.Chmod(db, 0o644) })
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	args := func(cmd string, rest ...string) []string {
		return append(append([]string{cmd, "--db", db}, ro...), rest...)
	}

	reads := []struct {
		name string
		args []string
		want string
	}{
		{"list", args("list"), "Harbor Dredging Approved"},
		{"export", args("export", id), "the mayor said"},
		{"diff", args("diff", "--from", "1", id), ""},
	}
	for _, tc := range reads {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := cli(t, tc.args...)
			if code != exitOK || !strings.Contains(out, tc.want) {
				t.Errorf("%v = %d %q %q, want exit 0 and %q", tc.args, code, out, errOut, tc.want)
			}
		})
	}

	v2 := writeFile(t, t.TempDir(), "v2.txt", "Harbor Dredging Approved\n\nThe mayor said it again.\n")
	writes := []struct {
		name string
		args []string
	}{
		{"import", args("import", in)},
		{"revise", args("revise", id, v2)},
	}
	for _, tc := range writes {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := cli(t, tc.args...)
			if code != exitFailure || out != "" || !strings.Contains(errOut, "this desk is read-only: "+db) {
				t.Errorf("%v = %d %q %q, want exit %d and the read-only message", tc.args, code, out, errOut, exitFailure)
			}
			if strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("error is not one line: %q", errOut)
			}
		})
	}
	after, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the database file changed")
	}
}
