package quote

import (
	"strings"

	"copydesk/editor"
)

// splitParagraphs returns the non-blank lines of text as spans, trimmed of
// surrounding spaces. The first is the headline.
func splitParagraphs(text string) []editor.Span {
	var out []editor.Span
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, editor.Span{Start: s, End: e})
		}
		start = end + 1
	}
	return out
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v' }

// sentenceBreaks splits the tokens toks[lo:hi] of one paragraph into
// sentences and returns the token index where each sentence starts. It never
// breaks inside a quotation, so "“I agree. We will,” she said." is one
// sentence; it does not break after abbreviations (Mr., Sen., Jan.), initials
// (J. Smith) or inside numbers (3.5, which the tokenizer keeps whole).
func sentenceBreaks(text string, toks []token, lo, hi int, lx *lexicon) []int {
	starts := []int{lo}
	for i := lo; i < hi-1; i++ {
		t := toks[i]
		if t.region >= 0 && !(t.kind == tokQuote && isClosingOf(toks, i)) {
			continue
		}
		end := i
		if t.kind == tokQuote {
			// After a closing mark: the quotation itself must end a sentence.
			if i == 0 || !isTerminal(text, toks[i-1]) {
				continue
			}
		} else if !isTerminal(text, t) {
			continue
		}
		// Swallow closing brackets and further terminal punctuation.
		for end+1 < hi && toks[end+1].kind == tokPunct && strings.ContainsAny(toks[end+1].text(text), ".!?)]…") {
			end++
		}
		if end+1 >= hi {
			break
		}
		next := toks[end+1]
		if !startsSentence(text, next) {
			continue
		}
		if t.kind == tokPunct && t.text(text) == "." && i > lo && notSentenceEnd(toks[i-1], next, lx) {
			continue
		}
		starts = append(starts, end+1)
		i = end
	}
	return starts
}

func (t token) text(s string) string { return s[t.start:t.end] }

func isTerminal(text string, t token) bool {
	if t.kind != tokPunct {
		return false
	}
	switch t.text(text) {
	case ".", "!", "?", "…":
		return true
	}
	return false
}

// isClosingOf reports whether the quote token i closes its region.
func isClosingOf(toks []token, i int) bool {
	return toks[i].role != roleOpen && (i+1 >= len(toks) || toks[i+1].region != toks[i].region || toks[i+1].paragraph != toks[i].paragraph)
}

func startsSentence(text string, t token) bool {
	switch t.kind {
	case tokWord:
		return t.upper || (t.lower[0] >= '0' && t.lower[0] <= '9')
	case tokQuote:
		return t.role != roleClose
	}
	s := t.text(text)
	return s == "(" || s == "[" || s == "—"
}

// notSentenceEnd reports whether a period after prev is part of an
// abbreviation or initial rather than the end of a sentence.
func notSentenceEnd(prev, next token, lx *lexicon) bool {
	if prev.kind != tokWord {
		return false
	}
	w := prev.lower
	if lx.abbrevs[w] {
		// "Jan." ends a sentence only before a word that usually starts one.
		return !(isMonthAbbrev(w) && next.kind == tokWord && lx.starters[next.lower])
	}
	if prev.upper && len([]rune(w)) == 1 {
		return true // an initial
	}
	if strings.Contains(w, ".") {
		// U.S, U.N: an end only before a typical sentence opener.
		return !(next.kind == tokWord && lx.starters[next.lower]) && next.kind != tokQuote
	}
	return false
}

func isMonthAbbrev(w string) bool {
	switch w {
	case "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}
