package editor

import "errors"

// Errors a store reports, shared so that the interface can tell them apart
// without depending on the store's package.
var (
	// ErrNotFound means the article, revision, note or other record asked
	// for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrNoChanges means a working copy was committed whose text is the
	// same as the latest revision's.
	ErrNoChanges = errors.New("no changes since the latest revision")
	// ErrConflict means a request does not fit the record's current state,
	// such as committing a working copy whose base revision is no longer
	// the latest.
	ErrConflict = errors.New("conflict")
	// ErrReadOnly means a change was asked of a desk opened read-only,
	// such as an archive on a read-only share.
	ErrReadOnly = errors.New("this desk is read-only")
	// ErrDeskGone means the desk's file was deleted, moved or replaced
	// while it was open, so nothing more is written to it.
	ErrDeskGone = errors.New("the desk file is gone")
)
