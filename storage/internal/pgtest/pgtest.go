// Package pgtest starts a throwaway PostgreSQL server for tests: a data
// folder in the test's temporary folder, reached through a Unix socket
// there, stopped when the test ends. initdb refuses to run as root, so
// under root the server runs as the unprivileged user nobody.
//
// Where PostgreSQL is not installed the test is skipped, unless
// COPYDESK_REQUIRE_POSTGRES is set (CI sets it), which makes it fail: the
// PostgreSQL tests never skip silently where they are meant to run.
package pgtest

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// RequireEnv names the variable that makes a missing PostgreSQL a failure.
const RequireEnv = "COPYDESK_REQUIRE_POSTGRES"

// Start starts a server and returns the URL of its postgres database, as
// the superuser copydesk.
func Start(t testing.TB) string {
	t.Helper()
	initdb, pgctl := tool(t, "initdb"), tool(t, "pg_ctl")
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	var asUser []string
	if os.Geteuid() == 0 {
		u, err := user.Lookup("nobody")
		if err != nil {
			t.Fatalf("pgtest: running as root and no user nobody to run PostgreSQL as: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		// nobody must reach the folder through its parents.
		for d := dir; d != filepath.Dir(d) && d != os.TempDir(); d = filepath.Dir(d) {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
		asUser = []string{"runuser", "-u", "nobody", "--"}
	}
	run := func(args ...string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		args = append(asUser, args...)
		var out bytes.Buffer
		cmd := exec.CommandContext(ctx, args[0], args[1:]...)
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("pgtest: %v: %v\n%s", args, err, out.Bytes())
		}
	}
	run(initdb, "-D", data, "-U", "copydesk", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")
	opts := fmt.Sprintf("-k %s -c listen_addresses='' -c fsync=off -c full_page_writes=off", dir)
	run(pgctl, "-D", data, "-o", opts, "-l", filepath.Join(dir, "server.log"), "-w", "-t", "60", "start")
	t.Cleanup(func() {
		args := append(asUser, pgctl, "-D", data, "-m", "immediate", "-w", "stop")
		exec.Command(args[0], args[1:]...).Run()
	})
	return fmt.Sprintf("postgres://copydesk@/postgres?host=%s&sslmode=disable", url.QueryEscape(dir))
}

// tool finds a PostgreSQL program on the PATH or in Debian's versioned
// folders.
func tool(t testing.TB, name string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	matches, _ := filepath.Glob(filepath.Join("/usr/lib/postgresql", "*", "bin", name))
	if len(matches) > 0 {
		return matches[len(matches)-1]
	}
	if os.Getenv(RequireEnv) != "" {
		t.Fatalf("pgtest: %s is not installed, and %s is set (Debian package postgresql)", name, RequireEnv)
	}
	t.Skipf("pgtest: %s is not installed (Debian package postgresql)", name)
	return ""
}
