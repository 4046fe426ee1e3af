package textio

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// ErrNotRegular is returned for a path that names something other than a
// regular file: a named pipe, a device, a socket or a folder. Reading one
// could wait forever (a pipe with no writer) or never end (a device).
var ErrNotRegular = errors.New("not a regular file")

// OpenRegular opens path for reading when it is a regular file (following
// symbolic links) and refuses anything else at once. The open does not
// wait: a named pipe is opened without blocking, found to be a pipe, and
// refused.
func OpenRegular(path string) (*os.File, os.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, fmt.Errorf("%q is %s: %w", path, kindOf(info.Mode()), ErrNotRegular)
	}
	return f, info, nil
}

// kindOf names what a non-regular file is.
func kindOf(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}
