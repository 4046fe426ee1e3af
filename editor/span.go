package editor

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open range [Start, End) of byte offsets into UTF-8 text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Contains reports whether other lies entirely inside s.
func (s Span) Contains(other Span) bool { return s.Start <= other.Start && other.End <= s.End }

// Overlaps reports whether s and other share at least one byte.
func (s Span) Overlaps(other Span) bool { return s.Start < other.End && other.Start < s.End }

// In returns the text the span covers. The span must be valid for text.
func (s Span) In(text string) string { return text[s.Start:s.End] }

// Check returns an error unless the span lies within text and starts and
// ends on rune boundaries.
func (s Span) Check(text string) error {
	if s.Start < 0 || s.End < s.Start || s.End > len(text) {
		return fmt.Errorf("span [%d,%d) out of bounds for %d bytes", s.Start, s.End, len(text))
	}
	if !onRuneBoundary(text, s.Start) || !onRuneBoundary(text, s.End) {
		return fmt.Errorf("span [%d,%d) splits a UTF-8 sequence", s.Start, s.End)
	}
	return nil
}

func onRuneBoundary(text string, i int) bool {
	return i == 0 || i == len(text) || utf8.RuneStart(text[i])
}

// LineColumn returns the 1-based line and column (in runes) of byte offset
// off in text. Offsets past the end are clamped.
func LineColumn(text string, off int) (line, column int) {
	if off > len(text) {
		off = len(text)
	}
	line, column = 1, 1
	for _, r := range text[:off] {
		if r == '\n' {
			line++
			column = 1
			continue
		}
		column++
	}
	return line, column
}

// CountWords returns the number of words in text: runs of letters, digits
// and joining punctuation (it’s, 9.5, U.S.) separated by space or dashes.
func CountWords(text string) int {
	n := 0
	in := false
	for _, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || (in && (r == '\'' || r == '’' || r == '.' || r == ',' || r == '-'))
		if word && !in {
			n++
		}
		in = word
	}
	return n
}
