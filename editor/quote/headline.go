package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Headline limits: a first paragraph longer than maxHeadlineWords, or of
// more than one sentence, is the story's first paragraph, not its
// headline; one of more than maxSentenceHeadlineWords must also be in
// title case or end without a full stop.
const (
	maxHeadlineWords         = 25
	maxSentenceHeadlineWords = 12
)

// isHeadline reports whether paragraph p is the headline.
func (d *Document) isHeadline(p int) bool { return p == 0 && d.HasHeadline }

// readsAsHeadline says whether the first paragraph is a headline: the
// story has a paragraph after it, and it is short, one sentence, and in
// title case or without a closing full stop (a short sentence-case line
// such as "The Latest: Sanders declares ‘revolution,’ ignores losses." is a
// headline too). A text with no line breaks, or a first paragraph of
// several sentences, has none.
func (d *Document) readsAsHeadline() bool {
	if len(d.Paragraphs) < 2 {
		return false
	}
	words := strings.Fields(d.Paragraphs[0].In(d.Text))
	if len(words) == 0 || len(words) > maxHeadlineWords || sentencesIn(words, d.lx) > 1 {
		return false
	}
	if len(words) <= maxSentenceHeadlineWords {
		return true
	}
	last := strings.TrimRight(words[len(words)-1], "”’\"')")
	return !strings.HasSuffix(last, ".") || titleCased(words, d.lx)
}

// sentencesIn counts the sentences of a line: a word ending in . ! or ?
// ends one when another word follows that starts with a capital or a
// quotation mark, unless it is an abbreviation or an initial.
func sentencesIn(words []string, lx *lexicon) int {
	n := 1
	for i, w := range words[:len(words)-1] {
		core := strings.TrimRight(w, "”’\"')")
		if !strings.HasSuffix(core, ".") && !strings.HasSuffix(core, "!") && !strings.HasSuffix(core, "?") {
			continue
		}
		stem := strings.ToLower(strings.TrimRight(core, ".!?"))
		if lx.abbrevs[stem] || utf8.RuneCountInString(stem) <= 1 || strings.Contains(stem, ".") {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(words[i+1], "“‘\"'(")); unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// titleCased reports whether the words are capitalised but for the small
// words titles leave in lower case.
func titleCased(words []string, lx *lexicon) bool {
	lower := 0
	for _, w := range words {
		w = strings.TrimLeft(w, "“‘\"'(")
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !lx.titleSmallWords[strings.ToLower(strings.Trim(w, ".,:;!?’'”\""))] {
			lower++
		}
	}
	return lower*5 <= len(words)
}
