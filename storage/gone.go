package storage

import (
	"context"
	"errors"
	"fmt"
	"os"

	"copydesk/editor"
)

// ErrDeskGone means the desk's file was deleted, moved or replaced while
// it was open: a write would go to a file no one can open again, so none
// is made, and nothing is reported saved that is not.
var ErrDeskGone = editor.ErrDeskGone

// gone reports ErrDeskGone when the file at the desk's path is no longer
// the file that was opened.
func (db *DB) gone() error {
	if db.ident == nil {
		return nil
	}
	fi, err := os.Stat(db.path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("%w: %s was deleted or moved while it was open", ErrDeskGone, db.path)
	case err != nil:
		return nil // cannot tell; the write itself will say what is wrong
	case !os.SameFile(fi, db.ident):
		return fmt.Errorf("%w: %s was replaced by another file while it was open", ErrDeskGone, db.path)
	}
	return nil
}

// SaveCopy writes the whole desk, as the open connection sees it, to a new
// database file at path (SQLite's VACUUM INTO), then stores the working
// copies given in the new file: the unsaved text of a window that could
// not save it. It works when the desk's own file is gone: that is what it
// is for.
func (db *DB) SaveCopy(ctx context.Context, path string, working ...editor.WorkingCopy) error {
	if db.d != sqliteDialect {
		return fmt.Errorf("%w: a copy of a shared desk is made with copydesk migrate", ErrInvalid)
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%w: %s already exists", ErrInvalid, path)
	}
	if _, err := db.rw.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("save a copy of the desk to %s: %w", path, err)
	}
	if len(working) == 0 {
		return nil
	}
	cp, err := Open(ctx, path, WithEditor(db.editor))
	if err != nil {
		return err
	}
	defer cp.Close()
	for _, wc := range working {
		// The copy holds the working copy as it was last saved: the text
		// given replaces it (see draftUnchanged).
		if _, err := cp.WorkingCopy(ctx, wc.ArticleID); err != nil && !errors.Is(err, ErrNotFound) {
			return fmt.Errorf("save the unsaved text in the copy: %w", err)
		}
		if err := cp.SaveWorkingCopy(ctx, wc); err != nil {
			return fmt.Errorf("save the unsaved text in the copy: %w", err)
		}
	}
	return nil
}
