package storage

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// ErrInUse is returned by LockForEditing when another Copydesk window
// already edits the same database.
var ErrInUse = errors.New("the database is already open in another Copydesk window")

// EditLock is held by the one app instance that edits a database, so two
// windows never autosave over each other's working copies. The command-line
// tools do not take it: SQLite serialises their writes.
type EditLock struct {
	f *os.File
}

// LockForEditing takes the edit lock beside the database at dbPath
// (dbPath + ".lock"). It fails with ErrInUse, naming the holder's process
// ID, when another process holds it. The operating system drops the lock
// when the process ends, however it ends.
func LockForEditing(dbPath string) (*EditLock, error) {
	path := dbPath + ".lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("storage: lock %s: %w", path, err)
	}
	if err := lockFile(f); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		if pid, perr := strconv.Atoi(strings.TrimSpace(string(holder))); perr == nil {
			return nil, fmt.Errorf("%w (process %d)", ErrInUse, pid)
		}
		return nil, ErrInUse
	}
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &EditLock{f: f}, nil
}

// Release gives the lock up.
func (l *EditLock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := unlockFile(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}
