package app

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// rowColumn converts a byte offset into text to the zero-based row and rune
// column Fyne's Entry uses for its cursor. Rows are lines split at \n.
// Offsets outside the text are clamped; an offset inside a UTF-8 sequence
// counts as the start of that rune.
func rowColumn(text string, off int) (row, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(text) {
		off = len(text)
	}
	lineStart := 0
	for i := 0; i < off; i++ {
		if text[i] == '\n' {
			row++
			lineStart = i + 1
		}
	}
	for i := lineStart; i < off; {
		_, size := utf8.DecodeRuneInString(text[i:])
		if i+size > off {
			break
		}
		i += size
		col++
	}
	return row, col
}

// slugFileName turns a headline into a short file name.
func slugFileName(title string) string {
	var b []rune
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b = append(b, r)
			dash = false
		case !dash && len(b) > 0:
			b = append(b, '-')
			dash = true
		}
		if len(b) >= 48 {
			break
		}
	}
	s := strings.Trim(string(b), "-")
	if s == "" {
		return "article"
	}
	return s
}
