package textio

import "strings"

// CleanControls normalises the control characters a text may carry from
// another system: a form feed or vertical tab (a page or section break)
// becomes a paragraph break, and every other control character but tab
// and newline (C0, DEL, C1) is removed; the text's own characters are kept.
// It returns the text and how many characters it changed.
func CleanControls(text string) (string, int) {
	n := 0
	for _, r := range text {
		if isStrayControl(r) {
			n++
		}
	}
	if n == 0 {
		return text, 0
	}
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		switch {
		case r == '\f' || r == '\v':
			b.WriteByte('\n')
		case isStrayControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), n
}

// isStrayControl reports whether r is a control character other than tab
// and newline.
func isStrayControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r == 0x7F || r >= 0x80 && r <= 0x9F
}
