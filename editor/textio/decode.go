package textio

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// MaxBytes is the largest file Copydesk reads as article or source text.
// A 10,000-word feature is about 60 KB; 16 MiB leaves room for book-length
// material while refusing logs, dumps and disk images that arrive by mistake.
const MaxBytes = 16 << 20

// Encoding names the character encoding a text was decoded from.
type Encoding string

// Encodings Decode recognises.
const (
	UTF8         Encoding = "UTF-8"
	UTF8BOM      Encoding = "UTF-8 with BOM"
	UTF16LE      Encoding = "UTF-16LE"
	UTF16BE      Encoding = "UTF-16BE"
	Windows1252  Encoding = "Windows-1252"
	encodingNone Encoding = ""
)

// ErrBinary is returned for input that is not text in any encoding we read.
var ErrBinary = errors.New("not a text file (binary content)")

// ErrTooLarge is returned for input over MaxBytes.
var ErrTooLarge = fmt.Errorf("file is larger than the %d MiB limit", MaxBytes>>20)

// Decode turns the bytes of a text file into normalised UTF-8 text and
// reports the encoding it found. It reads UTF-8 (with or without a byte
// order mark), UTF-16 with a byte order mark, and Windows-1252, which is
// what Word's "plain text" and older newsroom systems write. It never
// guesses silently: input that is valid in none of these, or that looks
// binary, is refused. Line endings are normalised to \n; every other
// character is kept as the user wrote it.
func Decode(b []byte) (string, Encoding, error) {
	if len(b) > MaxBytes {
		return "", encodingNone, ErrTooLarge
	}
	text, enc, err := decode(b)
	if err != nil {
		return "", encodingNone, err
	}
	if looksBinary(text) {
		return "", encodingNone, ErrBinary
	}
	return NormalizeNewlines(text), enc, nil
}

func decode(b []byte) (string, Encoding, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		rest := b[3:]
		if !utf8.Valid(rest) {
			return "", encodingNone, errors.New("file starts with a UTF-8 byte order mark but is not valid UTF-8")
		}
		return string(rest), UTF8BOM, nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), b, UTF16LE)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), b, UTF16BE)
	}
	if bytes.IndexByte(b, 0) >= 0 {
		// UTF-16 without a byte order mark is indistinguishable from binary
		// data with certainty, so it is refused rather than guessed.
		return "", encodingNone, ErrBinary
	}
	if utf8.Valid(b) {
		return string(b), UTF8, nil
	}
	if undefinedIn1252(b) {
		return "", encodingNone, errors.New("text is neither UTF-8 nor Windows-1252; save it as UTF-8 and import again")
	}
	s, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return "", encodingNone, fmt.Errorf("decode Windows-1252: %w", err)
	}
	return string(s), Windows1252, nil
}

func decodeWith(e encoding.Encoding, b []byte, name Encoding) (string, Encoding, error) {
	if len(b)%2 != 0 {
		return "", encodingNone, fmt.Errorf("file starts with a %s byte order mark but has an odd number of bytes", name)
	}
	s, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return "", encodingNone, fmt.Errorf("decode %s: %w", name, err)
	}
	if bytes.ContainsRune(s, utf8.RuneError) && !bytes.Contains(b, []byte{0xFD, 0xFF}) && !bytes.Contains(b, []byte{0xFF, 0xFD}) {
		return "", encodingNone, fmt.Errorf("file starts with a %s byte order mark but holds invalid UTF-16", name)
	}
	return string(s), name, nil
}

// undefinedIn1252 reports bytes that Windows-1252 leaves unassigned; their
// presence means the text is in some other encoding.
func undefinedIn1252(b []byte) bool {
	for _, c := range b {
		switch c {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			return true
		}
	}
	return false
}

// looksBinary reports text with control characters no prose contains:
// more than a handful, or more than one in a thousand characters.
func looksBinary(s string) bool {
	var control, total int
	for _, r := range s {
		total++
		if r == utf8.RuneError {
			continue
		}
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			control++
		} else if r == 0x7F {
			control++
		}
	}
	return control > 8 || (control > 0 && control*1000 > total)
}

// NormalizeNewlines converts CRLF and lone CR line endings to LF.
func NormalizeNewlines(s string) string {
	if !strings.ContainsRune(s, '\r') {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// TitleOf returns the headline of an article text: its first non-blank
// line, with Markdown heading marks removed and space trimmed.
func TitleOf(text string) string {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#"))
		if line != "" {
			return line
		}
	}
	return ""
}
