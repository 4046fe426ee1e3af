package editor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FindAll returns the spans of text where query occurs, left to right and
// not overlapping. Unless matchCase, letters match regardless of case
// (Unicode lower-casing, so "ÉTÉ" finds "été").
func FindAll(text, query string, matchCase bool) []Span {
	if query == "" {
		return nil
	}
	if matchCase {
		var out []Span
		for from := 0; from <= len(text)-len(query); {
			i := strings.Index(text[from:], query)
			if i < 0 {
				break
			}
			out = append(out, Span{Start: from + i, End: from + i + len(query)})
			from += i + len(query)
		}
		return out
	}
	folded, back := foldCase(text)
	q, _ := foldCase(query)
	var out []Span
	for from := 0; from <= len(folded)-len(q); {
		i := strings.Index(folded[from:], q)
		if i < 0 {
			break
		}
		start, end := back[from+i], back[from+i+len(q)]
		out = append(out, Span{Start: start, End: end})
		from += i + len(q)
	}
	return out
}

// foldCase lower-cases s rune by rune and returns, for each byte offset of
// the result (and its length), the offset in s of the rune it came from.
func foldCase(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	back := make([]int, 0, len(s)+1)
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				b.WriteByte(s[i])
				back = append(back, i)
				continue
			}
		}
		lr := unicode.ToLower(r)
		n := utf8.RuneLen(lr)
		b.WriteRune(lr)
		for range n {
			back = append(back, i)
		}
	}
	back = append(back, len(s))
	return b.String(), back
}
