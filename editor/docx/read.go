package docx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"

	"copydesk/editor/textio"
)

// Limits on what Read accepts. A long feature with photos is a few MiB; its
// document.xml is rarely over 1 MiB uncompressed.
const (
	// MaxFileBytes is the largest .docx file Read opens.
	MaxFileBytes = 64 << 20
	// MaxPartBytes is the most Read decompresses of word/document.xml.
	// Anything larger is a zip bomb or not copy.
	MaxPartBytes = 64 << 20
	// MaxEntries is the most files a .docx zip may hold. Word writes a
	// dozen, plus one per picture.
	MaxEntries = 10000
	// MaxComments is the most comments Read takes from a file, and the
	// most comment marks it follows is a few times that: a long feature
	// under heavy edit has a few hundred.
	MaxComments     = 10000
	maxCommentMarks = 4 * MaxComments
	// maxDepth caps the nesting of XML elements. Word nests tables in
	// tables and text boxes in drawings, but never more than a few dozen
	// levels.
	maxDepth = 256
)

// Errors Read returns, wrapped with details; test them with errors.Is.
var (
	ErrNotWord   = errors.New("not a Word document")
	ErrLegacyDoc = errors.New("an old-style .doc file; save it as .docx")
	ErrEncrypted = errors.New("a password-protected Word file; remove the password in Word and save it again")
	ErrTooLarge  = errors.New("the Word file is too large")
	ErrMalformed = errors.New("the Word file is damaged")
)

// Document is what Read makes of a Word file.
type Document struct {
	// Text is the article text: the headline on the first line, then one
	// line per paragraph.
	Text string
	// Notices tell the editor what was left out or changed on the way in,
	// one sentence each.
	Notices []string
	// Comments are the document's comments on its text, with their
	// replies, in the order of word/comments.xml.
	Comments []Comment
}

// Read reads the .docx file r of size bytes into article text: one line per
// paragraph (headings, list items and table cells are paragraphs too), the
// first line being the headline. Character formatting is dropped, tabs and
// line breaks become spaces, and every character is kept as written; space
// at either end of a paragraph, empty paragraphs and hidden text are
// dropped. Tracked changes are read as if all were accepted; footnotes
// and endnotes are left out; text boxes follow the paragraph they are
// anchored to. Each of these is reported in Notices. Comments come back in
// Comments, on their place in Text; a damaged comments part leaves them
// out, with a notice, rather than refusing the text.
//
// Read refuses, with an error and no text, anything that is not a .docx
// file (legacy .doc, password-protected, RTF, OpenDocument, other zips),
// damaged XML, files over the limits above or whose text is over
// textio.MaxBytes, and files with no text (textio.ErrNoText).
func Read(r io.ReaderAt, size int64) (Document, error) {
	return read(r, size, acceptAll)
}

// view says which version of a document with tracked changes to read.
type view int

const (
	acceptAll view = iota // the text as if every change were accepted
	rejectAll             // the text as if every change were rejected
)

// Signatures of the file kinds a .docx is confused with.
var (
	zipSig      = []byte("PK\x03\x04")
	emptyZipSig = []byte("PK\x05\x06")
	oleSig      = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	rtfSig      = []byte(`{\rtf`)
	// encryptedPackage is the OLE stream name, in UTF-16LE, under which
	// Word stores a password-protected .docx.
	encryptedPackage = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
)

func read(r io.ReaderAt, size int64, v view) (Document, error) {
	if size < 0 {
		return Document{}, fmt.Errorf("%w: negative size", ErrNotWord)
	}
	if size > MaxFileBytes {
		return Document{}, fmt.Errorf("%w: it is %.1f MiB, the limit is %d MiB", ErrTooLarge, float64(size)/(1<<20), MaxFileBytes>>20)
	}
	if err := sniff(r, size); err != nil {
		return Document{}, err
	}
	if err := checkEntryCount(r, size); err != nil {
		return Document{}, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return Document{}, fmt.Errorf("%w: %v", ErrNotWord, err)
	}
	if len(zr.File) > MaxEntries {
		return Document{}, fmt.Errorf("%w: it holds %d files, the limit is %d", ErrTooLarge, len(zr.File), MaxEntries)
	}
	f := findFile(zr, "word/document.xml")
	if f == nil {
		if isOpenDocument(zr) {
			return Document{}, fmt.Errorf("%w: an OpenDocument (.odt) file; save it as .docx", ErrNotWord)
		}
		return Document{}, fmt.Errorf("%w: the zip has no word/document.xml", ErrNotWord)
	}
	rc, err := openPart(f)
	if err != nil {
		return Document{}, err
	}
	defer rc.Close()
	doc, marks, err := readBody(rc, v)
	if err != nil {
		return Document{}, err
	}
	readComments(zr, v, &doc, marks)
	return doc, nil
}

// Sniff reports whether head, the first bytes of a file, starts the way a
// Word file does: a zip archive (.docx) or an OLE compound file (legacy
// .doc, or a password-protected .docx). Read says which it is.
func Sniff(head []byte) bool {
	return bytes.HasPrefix(head, zipSig) || bytes.HasPrefix(head, emptyZipSig) || bytes.HasPrefix(head, oleSig)
}

// sniff refuses the formats that are commonly saved with a .docx name by
// mistake, with a message that says what they are.
func sniff(r io.ReaderAt, size int64) error {
	head := make([]byte, min(size, 8))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return fmt.Errorf("read: %w", err)
	}
	switch {
	case bytes.HasPrefix(head, oleSig):
		if oleHolds(r, size, encryptedPackage) {
			return ErrEncrypted
		}
		return ErrLegacyDoc
	case bytes.HasPrefix(head, rtfSig):
		return fmt.Errorf("%w: an RTF file; save it as .docx", ErrNotWord)
	case bytes.HasPrefix(head, zipSig), bytes.HasPrefix(head, emptyZipSig):
		return nil
	}
	return fmt.Errorf("%w: a .docx file is a zip archive and this is not one", ErrNotWord)
}

// oleHolds reports whether the first MiB of an OLE compound file contains
// name; the directory of a small file lives there.
func oleHolds(r io.ReaderAt, size int64, name []byte) bool {
	buf := make([]byte, min(size, 1<<20))
	n, _ := r.ReadAt(buf, 0)
	return bytes.Contains(buf[:n], name)
}

// checkEntryCount reads the entry count from the zip's end-of-directory
// record before archive/zip allocates a header for each entry, so a file
// claiming millions of entries is refused cheaply. A file whose record
// cannot be found is left for archive/zip to reject.
func checkEntryCount(r io.ReaderAt, size int64) error {
	const (
		endLen    = 22
		maxSearch = endLen + 0xFFFF // the record plus the longest comment
	)
	n := min(size, maxSearch)
	buf := make([]byte, n)
	if _, err := r.ReadAt(buf, size-n); err != nil && err != io.EOF {
		return fmt.Errorf("read: %w", err)
	}
	for i := len(buf) - endLen; i >= 0; i-- {
		if !bytes.HasPrefix(buf[i:], emptyZipSig) {
			continue
		}
		commentLen := int(binary.LittleEndian.Uint16(buf[i+20:]))
		if i+endLen+commentLen > len(buf) {
			continue
		}
		entries := int(binary.LittleEndian.Uint16(buf[i+10:]))
		if entries == 0xFFFF {
			// A Zip64 count: only archives of 65,535 entries or more
			// need one.
			return fmt.Errorf("%w: it holds 65,535 files or more, the limit is %d", ErrTooLarge, MaxEntries)
		}
		if entries > MaxEntries {
			return fmt.Errorf("%w: it holds %d files, the limit is %d", ErrTooLarge, entries, MaxEntries)
		}
		return nil
	}
	return nil
}

func findFile(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// isOpenDocument reports a zip whose mimetype entry names an OpenDocument
// format.
func isOpenDocument(zr *zip.Reader) bool {
	f := findFile(zr, "mimetype")
	if f == nil || f.UncompressedSize64 > 100 {
		return false
	}
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 100))
	return strings.HasPrefix(string(b), "application/vnd.oasis.opendocument")
}

// openPart opens a zip entry for reading, refusing encrypted entries and
// entries that would decompress to more than MaxPartBytes. The size check
// happens twice: on the size the zip declares, and while reading, in case
// the declaration lies.
func openPart(f *zip.File) (io.ReadCloser, error) {
	if f.Flags&0x1 != 0 {
		return nil, ErrEncrypted
	}
	if f.UncompressedSize64 > MaxPartBytes {
		return nil, fmt.Errorf("%w: %s unpacks to %d MiB, the limit is %d MiB", ErrTooLarge, f.Name, f.UncompressedSize64>>20, MaxPartBytes>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, f.Name, err)
	}
	return &cappedReader{rc: rc, r: io.LimitReader(rc, MaxPartBytes+1), name: f.Name}, nil
}

// cappedReader fails once more than MaxPartBytes have been read.
type cappedReader struct {
	rc   io.ReadCloser
	r    io.Reader
	n    int64
	name string
}

func (c *cappedReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > MaxPartBytes {
		return 0, fmt.Errorf("%w: %s unpacks to more than %d MiB", ErrTooLarge, c.name, MaxPartBytes>>20)
	}
	return n, err
}

func (c *cappedReader) Close() error { return c.rc.Close() }

// textTooLong is the error for a document whose text is over the limit
// Copydesk sets on any article.
func textTooLong() error {
	return fmt.Errorf("%w: its text is over the %d MiB limit for an article", ErrTooLarge, textio.MaxBytes>>20)
}
