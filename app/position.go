package app

import (
	"strings"
	"unicode"
)

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
