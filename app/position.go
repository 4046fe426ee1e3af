package app

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// runeOffset converts a byte offset into text to the rune offset Fyne's
// Entry counts in. Offsets outside the text are clamped; an offset inside a
// UTF-8 sequence counts as the start of that rune.
func runeOffset(text string, off int) int {
	if off <= 0 {
		return 0
	}
	if off > len(text) {
		off = len(text)
	}
	n := 0
	for i := 0; i < off; {
		_, size := utf8.DecodeRuneInString(text[i:])
		if i+size > off {
			break
		}
		i += size
		n++
	}
	return n
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
