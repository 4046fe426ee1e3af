// Package convert reads and writes articles in the formats newsrooms use,
// choosing the format from the file name: plain text and Markdown (package
// editor), Word documents (editor/docx) and web pages (editor/webpage).
package convert

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"copydesk/editor/docx"
	"copydesk/editor/textio"
	"copydesk/editor/webpage"
)

// Imported is an article read from a file.
type Imported struct {
	Text string
	// Notices tell the editor what was done to read the file (an encoding
	// decoded, tracked changes accepted, footnotes left out).
	Notices []string
	// Comments are the file's comments on Text, with their replies (Word
	// files have them); Threads makes them notes.
	Comments []docx.Comment
}

// ErrUnsupported is returned for a file whose type Copydesk does not read.
var ErrUnsupported = errors.New("not a file type Copydesk imports")

// readers maps a lower-case extension to its reader.
var readers = map[string]func(path string) (Imported, error){
	".txt":      readText,
	".text":     readText,
	".md":       readText,
	".markdown": readText,
	".docx":     readDOCX,
	".html":     readHTML,
	".htm":      readHTML,
}

// Extensions lists the file extensions Import reads, sorted.
func Extensions() []string {
	var out []string
	for ext := range readers {
		out = append(out, ext)
	}
	slices.Sort(out)
	return out
}

// Supported reports whether Import reads files named like path.
func Supported(path string) bool {
	_, ok := readers[strings.ToLower(filepath.Ext(path))]
	return ok
}

// Import reads the article in the file at path, refusing files whose
// name is not one of Extensions: it is what takes a file into the desk.
func Import(path string) (Imported, error) {
	read, ok := readers[strings.ToLower(filepath.Ext(path))]
	if !ok {
		return Imported{}, fmt.Errorf("%s: %w (it reads %s)", path, ErrUnsupported, strings.Join(Extensions(), ", "))
	}
	im, err := readWith(path, read, true)
	if n := len(im.Comments); n > 0 {
		im.Notices = append(im.Notices, plural(n, "1 comment comes in as a note, with its replies.", "%d comments come in as notes, with their replies."))
	}
	return im, err
}

// Read reads a file handed to a command that reports on it (check,
// quotes, diff), in any format Import reads. A file whose name Import
// does not know is read as text, unless its first bytes say it is a Word
// file (a .docx or a legacy .doc mailed without its extension), which the
// Word reader takes or refuses with the reason. The text is kept as
// decoded, control characters included, so the offsets a command prints
// are offsets into the file's text; comments are left out, with a notice.
func Read(path string) (Imported, error) {
	im, err := readAny(path, false)
	return withoutComments(im), err
}

// ReadForStore reads a file whose text is stored (a source), as Read does
// but with control characters normalised as import normalises them.
func ReadForStore(path string) (Imported, error) {
	im, err := readAny(path, true)
	return withoutComments(im), err
}

// ReadWithComments reads a file stored as a revision: normalised as
// import does, with its comments, for revise, which merges a Word file's
// comments and replies into the article's notes.
func ReadWithComments(path string) (Imported, error) {
	return readAny(path, true)
}

func readAny(path string, clean bool) (Imported, error) {
	read, ok := readers[strings.ToLower(filepath.Ext(path))]
	if !ok {
		read = readText
		if looksLikeWord(path) {
			read = readDOCX
		}
	}
	return readWith(path, read, clean)
}

func withoutComments(im Imported) Imported {
	if n := len(im.Comments); n > 0 {
		im.Notices = append(im.Notices, plural(n, "1 comment was left out (only import keeps comments, as notes).",
			"%d comments were left out (only import keeps comments, as notes)."))
		im.Comments = nil
	}
	return im
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}

// looksLikeWord reports whether the file at path starts like a zip
// archive or an OLE compound file, the containers of Word documents.
// Anything it cannot open is left for the reader to refuse.
func looksLikeWord(path string) bool {
	f, _, err := textio.OpenRegular(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	return docx.Sniff(head[:n])
}

// readWith reads path with read and, with clean, normalises its control
// characters with a notice.
func readWith(path string, read func(string) (Imported, error), clean bool) (Imported, error) {
	info, err := os.Stat(path)
	if err != nil {
		return Imported{}, err
	}
	if info.IsDir() {
		return Imported{}, fmt.Errorf("%q is a folder, not a file", path)
	}
	im, err := read(path)
	if err != nil {
		return Imported{}, err
	}
	if !clean {
		return im, nil
	}
	var n int
	if len(im.Comments) > 0 {
		im.Text, n, im.Comments = cleanControlsKeepingComments(im.Text, im.Comments)
	} else {
		im.Text, n = textio.CleanControls(im.Text)
	}
	if n > 0 {
		im.Notices = append(im.Notices, ControlsNotice(n))
	}
	return im, nil
}

// ControlsNotice says what CleanControls did to n characters.
func ControlsNotice(n int) string {
	if n == 1 {
		return "1 control character normalised (a page break became a paragraph break, others removed)"
	}
	return fmt.Sprintf("%d control characters normalised (page breaks became paragraph breaks, others removed)", n)
}

func readText(path string) (Imported, error) {
	text, enc, err := textio.ReadArticle(path)
	if err != nil {
		return Imported{}, err
	}
	var im Imported
	im.Text = text
	if enc != textio.UTF8 {
		im.Notices = append(im.Notices, "decoded from "+string(enc))
	}
	return im, nil
}

// ImportFolder lists the files Import reads in a folder and its
// subfolders, in name order, and the files it passes over with the reason.
func ImportFolder(dir string) (files []string, skipped map[string]string, err error) {
	skipped = make(map[string]string)
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			skipped[path] = err.Error()
			return nil
		}
		if d.IsDir() {
			if path != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if Supported(path) {
			files = append(files, path)
		} else {
			skipped[path] = "not a file type Copydesk imports"
		}
		return nil
	})
	return files, skipped, err
}

func readDOCX(path string) (Imported, error) {
	f, info, err := textio.OpenRegular(path)
	if err != nil {
		return Imported{}, err
	}
	defer f.Close()
	d, err := docx.Read(f, info.Size())
	if err != nil {
		return Imported{}, fmt.Errorf("%s: %w", path, err)
	}
	return Imported{Text: d.Text, Notices: d.Notices, Comments: d.Comments}, nil
}

func readHTML(path string) (Imported, error) {
	f, _, err := textio.OpenRegular(path)
	if err != nil {
		return Imported{}, err
	}
	defer f.Close()
	d, err := webpage.Read(f, 0)
	if err != nil {
		return Imported{}, fmt.Errorf("%s: %w", path, err)
	}
	return Imported{Text: d.Text, Notices: d.Notices}, nil
}
