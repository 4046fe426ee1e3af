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
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// RequireEnv names the variable that makes a missing PostgreSQL a failure.
const RequireEnv = "COPYDESK_REQUIRE_POSTGRES"

// Start starts a server for one test and returns the URL of its postgres
// database, as the superuser copydesk.
func Start(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	url, stop := start(t, dir)
	t.Cleanup(stop)
	return url
}

// shared is the server Database makes databases on: one per test binary,
// started by the first test that asks, stopped by Main.
var shared struct {
	mu   sync.Mutex
	url  string
	dir  string
	stop func()
	n    int
}

// Main runs a package's tests and then stops the shared server, if one
// was started. Call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	shared.mu.Lock()
	if shared.stop != nil {
		shared.stop()
		os.RemoveAll(shared.dir)
	}
	shared.mu.Unlock()
	os.Exit(code)
}

// Database creates a new, empty database on the shared server, dropped
// when the test ends, and returns its URL. The package must run its tests
// through Main.
func Database(t testing.TB) string {
	t.Helper()
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.url == "" {
		tool(t, "initdb") // skip, or fail, before making anything
		dir, err := os.MkdirTemp("", "pgtest-")
		if err != nil {
			t.Fatal(err)
		}
		shared.dir = dir
		shared.url, shared.stop = start(t, dir)
	}
	shared.n++
	name := fmt.Sprintf("desk%d", shared.n)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, shared.url)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	base := shared.url
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			return
		}
		defer conn.Close(ctx)
		conn.Exec(ctx, "DROP DATABASE "+name+" WITH (FORCE)")
	})
	u, err := url.Parse(shared.url)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// start starts a server with its data and socket in dir and returns the
// URL of its postgres database and a function that stops it.
func start(t testing.TB, dir string) (string, func()) {
	t.Helper()
	initdb, pgctl := tool(t, "initdb"), tool(t, "pg_ctl")
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
	opts := fmt.Sprintf("-k %s -c listen_addresses='' -c fsync=off -c full_page_writes=off -c max_connections=300", dir)
	run(pgctl, "-D", data, "-o", opts, "-l", filepath.Join(dir, "server.log"), "-w", "-t", "60", "start")
	stop := func() {
		args := append(asUser, pgctl, "-D", data, "-m", "immediate", "-w", "stop")
		exec.Command(args[0], args[1:]...).Run()
	}
	return fmt.Sprintf("postgres://copydesk@/postgres?host=%s&sslmode=disable", url.QueryEscape(dir)), stop
}

// Available reports whether PostgreSQL is installed here, for a test that
// runs on it where it can and without it elsewhere.
func Available() bool {
	if _, err := exec.LookPath("initdb"); err == nil {
		return true
	}
	matches, _ := filepath.Glob(filepath.Join("/usr/lib/postgresql", "*", "bin", "initdb"))
	return len(matches) > 0 || os.Getenv(RequireEnv) != ""
}

// Tool finds a PostgreSQL program (psql, pg_dump…) on the PATH or in
// Debian's versioned folders, skipping or failing the test as Start does
// where it is missing.
func Tool(t testing.TB, name string) string { return tool(t, name) }

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
