//go:build unix

package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage"
)

// bigArticle writes an article long enough that checking or exporting it
// takes seconds.
func bigArticle(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("Council Backs Budget\n")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&b, "The council met on day %d to discuss the budget and the roads. “We will build it,” Mayor Ana Ruiz said.\n", i)
	}
	path := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// signalChild starts the command line in a child process, sends it sig
// after wait, and returns its exit status and how long it ran after the
// signal.
func signalChild(t *testing.T, args string, sig syscall.Signal, wait time.Duration) (int, time.Duration, string) {
	t.Helper()
	cmd := cliChild(context.Background(), args)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(wait)
	sent := time.Now()
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	after := time.Since(sent)
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), after, stderr.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, after, stderr.String()
}

// TestCommandsStopOnSignals sends SIGINT to a long check and SIGTERM to a
// long PDF export in real child processes: each stops within a second
// with the shell's status for the signal, and the export leaves no file,
// whole or partial, behind.
func TestCommandsStopOnSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("runs long commands in child processes")
	}
	dir := t.TempDir()
	big := bigArticle(t, dir)

	code, after, stderr := signalChild(t, "check "+big, syscall.SIGINT, 300*time.Millisecond)
	if code != 130 || after > 2*time.Second {
		t.Errorf("check after SIGINT: exit %d after %v (%s); want 130 within a second", code, after, stderr)
	}

	db := filepath.Join(dir, "desk.db")
	store, err := storage.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(big)
	if err == nil {
		_, _, err = store.CreateArticle(context.Background(), editor.Article{Title: "Council Backs Budget"}, string(text), "r1", "w")
	}
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out", "record.pdf")
	if err := os.Mkdir(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	code, after, stderr = signalChild(t, "export --db "+db+" --format report-pdf --out "+out+" 1", syscall.SIGTERM, time.Second)
	if code != 143 || after > 2*time.Second {
		t.Errorf("export after SIGTERM: exit %d after %v (%s); want 143 within a second", code, after, stderr)
	}
	if left, _ := os.ReadDir(filepath.Dir(out)); len(left) != 0 {
		t.Errorf("the interrupted export left %v", left)
	}
}
