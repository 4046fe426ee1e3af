//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFilesThatAreNotRegularAreRefused hands a named pipe (with no writer,
// so reading it would wait forever), a link to one and a character device
// to import, revise and check in a real child process, and wants each
// refused at once with a message that says what the path is.
func TestFilesThatAreNotRegularAreRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "draft.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "desk.db")
	for _, tc := range []struct{ args, want string }{
		{"import --db " + db + " " + fifo, "named pipe"},
		{"import --db " + db + " " + link, "named pipe"},
		{"check " + fifo, "named pipe"},
		{"check /dev/null", "character device"},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		cmd := cliChild(ctx, tc.args)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		timedOut := ctx.Err() == context.DeadlineExceeded
		cancel()
		var exit *exec.ExitError
		if timedOut {
			t.Fatalf("%s: still running after 20 s", tc.args)
		}
		if !errors.As(err, &exit) || exit.ExitCode() != 2 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%s: %v, stderr %q; want exit 2 saying %q", tc.args, err, stderr.String(), tc.want)
		}
	}
}
