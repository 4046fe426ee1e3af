//go:build !unix

package storage

import "os"

// On systems without flock the lock file only records the holder; two
// windows on one database are then not prevented.
func lockFile(f *os.File) error   { return nil }
func unlockFile(f *os.File) error { return nil }
