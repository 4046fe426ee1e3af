package textio

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// ReadFile reads and decodes a text file (see Decode), refusing
// files over MaxBytes before reading them whole.
func ReadFile(path string) (string, Encoding, error) {
	f, info, err := OpenRegular(path)
	if err != nil {
		return "", encodingNone, err
	}
	defer f.Close()
	if info.Size() > MaxBytes {
		return "", encodingNone, fmt.Errorf("%q: %w", path, ErrTooLarge)
	}
	b := make([]byte, info.Size())
	if _, err := io.ReadFull(f, b); err != nil {
		return "", encodingNone, err
	}
	text, enc, err := Decode(b)
	if err != nil {
		return "", encodingNone, fmt.Errorf("%q: %w", path, err)
	}
	return text, enc, nil
}

// WriteFileAtomic writes data to path so that readers see either the old
// file or the complete new one, never a partial write: it writes a
// temporary file in the same folder, syncs it and renames it into place.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	partial.Store(tmp.Name(), struct{}{})
	defer partial.Delete(tmp.Name())
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// partial holds the temporary files WriteFileAtomic is writing now.
var partial sync.Map

// RemovePartialFiles removes the temporary files of writes still under
// way, for a process that is about to end mid-write (a signal): the files
// they were to become are left as they were.
func RemovePartialFiles() {
	partial.Range(func(name, _ any) bool {
		os.Remove(name.(string))
		return true
	})
}

// ErrNoText is returned for a file that decodes to nothing but white space.
var ErrNoText = errors.New("the file holds no text")

// ReadArticle reads a file handed in as an article, revision or source:
// it decodes it (see Decode) and converts Markdown (.md, .markdown) to
// article text.
func ReadArticle(path string) (string, Encoding, error) {
	text, enc, err := ReadFile(path)
	if err != nil {
		return "", encodingNone, err
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		text = FromMarkdown(text)
	}
	if strings.TrimSpace(text) == "" {
		return "", encodingNone, fmt.Errorf("%s: %w", path, ErrNoText)
	}
	return text, enc, nil
}
