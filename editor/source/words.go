package source

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
)

// word is one word of a text as the source checks compare it: its byte
// span in the text and a folded form in which typography does not count
// (case, curly or straight apostrophes).
type srcWord struct {
	span editor.Span
	norm string
}

// splitWords returns the words of text: runs of letters and digits, joined
// by an apostrophe between letters (don’t, Rutte’s) or a point or comma
// between digits (9.5, 1,000). Hyphens and dashes separate words, so
// "well-known" and "well known" compare equal. A percent sign is a word of
// its own, read as "percent", so "70%" and "70 percent" compare equal.
func splitWords(text string) []srcWord {
	out := make([]srcWord, 0, len(text)/6+1)
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '%' {
			out = append(out, srcWord{editor.Span{Start: i, End: i + n}, "percent"})
			i += n
			continue
		}
		if !isLetterOrDigit(r) {
			i += n
			continue
		}
		start := i
		i += n
		prev := r
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isLetterOrDigit(r) {
				prev = r
				i += n
				continue
			}
			// A joiner counts only between two word runes of the right kind.
			if i+n < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i+n:])
				if (r == '\'' || r == '’') && unicode.IsLetter(prev) && unicode.IsLetter(next) ||
					(r == '.' || r == ',' || r == ':') && unicode.IsDigit(prev) && unicode.IsDigit(next) ||
					r == '.' && unicode.IsUpper(prev) && unicode.IsUpper(next) && initialBefore(text, start, i) {
					prev = next
					i += n
					continue
				}
			}
			break
		}
		norm := foldWord(text[start:i])
		if strings.IndexByte(norm, '.') > 0 && unicode.IsLetter(r) {
			norm = strings.ReplaceAll(norm, ".", "") // U.K. is UK
		} else if strings.IndexByte(norm, ':') > 0 {
			norm = strings.ReplaceAll(norm, ":", "") // 06:00 is 0600
		}
		out = append(out, srcWord{editor.Span{Start: start, End: i}, norm})
	}
	return out
}

// initialBefore reports whether the word run text[start:i] ends in a
// single letter after a point or at its start, as in "U.S" before ".".
func initialBefore(text string, start, i int) bool {
	_, n := utf8.DecodeLastRuneInString(text[start:i])
	return i-n == start || text[i-n-1] == '.'
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// foldWord lower-cases w and straightens its apostrophes. Plain ASCII
// lower-case words, the common case, are returned without copying.
func foldWord(w string) string {
	plain := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

// stopWords are function words: they carry little of what a sentence is
// about, so they neither find candidate source passages nor make two
// sentences look related.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but if then so as at by for from in into of off on onto
		out over to up with about after again against before below between during through under until
		is are was were be been being am do does did doing have has had having will would shall should
		can could may might must it its it's this that these those there here he she they we you i me him
		her them us my his our your their mine hers ours yours theirs who whom whose which what when where
		why how than too very just also not no nor only own same such both each few more most other some
		any all said says say told tell according while because since said mr ms mrs dr one`) {
		m[w] = true
	}
	return m
}()

// isContent reports whether a folded word carries content.
func isContent(w string) bool {
	if stopWords[w] {
		return false
	}
	if len(w) < 2 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsDigit(r)
	}
	return true
}

// stemWord strips the commonest English inflections, enough to let "removed"
// meet "remove" and "contractors" meet "contractor" when sentences are
// compared. It is not a lemmatiser: it only has to be consistent.
func stemWord(w string) string {
	w = strings.TrimSuffix(w, "'s")
	if len(w) <= 4 {
		return w
	}
	for _, suf := range []string{"ing", "ed", "es", "s", "ly"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	return strings.TrimSuffix(w, "e")
}
