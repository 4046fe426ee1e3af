package storage

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

func TestLockForEditing(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("edit lock needs flock")
	}
	path := filepath.Join(t.TempDir(), "desk.db")
	first, err := LockForEditing(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = LockForEditing(path)
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), strconv.Itoa(os.Getpid())) {
		t.Fatalf("second lock: %v, want ErrInUse naming this process", err)
	}
	if err := first.Release(); err != nil {
		t.Fatal(err)
	}
	again, err := LockForEditing(path)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	again.Release()
}

func TestDefaultPath(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("XDG layout")
	}
	t.Setenv("XDG_DATA_HOME", "/data/home")
	if got, err := DefaultPath(); err != nil || got != "/data/home/copydesk/copydesk.db" {
		t.Errorf("DefaultPath = %q, %v", got, err)
	}
	t.Setenv("XDG_DATA_HOME", "relative/ignored")
	t.Setenv("HOME", "/home/ed")
	if got, err := DefaultPath(); err != nil || got != "/home/ed/.local/share/copydesk/copydesk.db" {
		t.Errorf("DefaultPath = %q, %v", got, err)
	}
}
