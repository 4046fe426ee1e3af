package quote

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token of an article.
type tokKind uint8

const (
	tokWord  tokKind = iota // letters and digits, with inner apostrophes, hyphens and dots
	tokPunct                // one punctuation rune
	tokQuote                // a quotation mark
)

// markRole says whether a quotation mark can open or close a quotation.
type markRole uint8

const (
	roleOpen markRole = iota
	roleClose
	roleEither
)

// token is one word, punctuation rune or quotation mark, by byte offsets.
type token struct {
	start, end int
	kind       tokKind
	lower      string // words: lower case, apostrophes folded to '
	upper      bool   // words: first letter is upper case
	double     bool   // quotes: a double mark
	role       markRole
	paragraph  int
	region     int // index of the outermost quotation containing the token, -1 outside
}

// region is a pair of quotation marks (or an opening mark left open to the
// end of its paragraph) found in one paragraph.
type region struct {
	open, close int // token indices; close is -1 when left open
	depth       int // 0 for outermost quotations
	// wrongWay: the opening mark is a closing mark typed the wrong way
	// round (”Mr. Trump …”).
	wrongWay  bool
	paragraph int
	openEnded bool // no closing mark in the paragraph
	continues bool // carries on a quotation left open in the previous paragraph
}

func isSpaceRune(r rune) bool { return unicode.IsSpace(r) }

// markupEnd returns the end of an HTML or XML tag starting at text[i]
// ("<tweet …>", "</a>"): a letter or slash after the "<" and a ">" before
// the paragraph ends, with no other "<" between; 0 when there is none. A
// tag whose attributes run past the paragraph's end (an embedded tweet
// pasted with a blank line inside its tag) ends with the paragraph, once
// it has shown an attribute (`<tweet author="`).
func markupEnd(text string, i, end int) int {
	if i+1 >= end || !(text[i+1] == '/' || 'a' <= text[i+1] && text[i+1] <= 'z' || 'A' <= text[i+1] && text[i+1] <= 'Z') {
		return 0
	}
	for k := i + 1; k < end && k < i+600; k++ {
		switch text[k] {
		case '>':
			return k + 1
		case '<', '\n':
			return 0
		}
	}
	if openTagRE.MatchString(text[i:end]) {
		return end
	}
	return 0
}

// openTagRE matches the start of a tag that has at least one attribute.
var openTagRE = regexp.MustCompile(`^<[A-Za-z][\w-]*\s+[\w-]+=["”]`)

// markupTail reports whether the quotation mark at text[i:j] closes the
// attributes of a tag begun in an earlier paragraph (`">` at the start of
// an embedded tweet's text): markup, not a quotation mark.
func markupTail(text string, j, end int) bool {
	return j < end && text[j] == '>'
}

// tokenizeParagraph appends the tokens of text[start:end] to toks.
func tokenizeParagraph(text string, start, end, par int, toks []token) []token {
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case isSpaceRune(r):
			i += size
		case r == '<' && markupEnd(text, i, end) > 0:
			// Markup pasted with the copy (<tweet author="…">, <a
			// href=”…”>) is no part of it: its quotation marks pair
			// nothing.
			i = markupEnd(text, i, end)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := scanWord(text, i, end)
			toks = append(toks, newWord(text, i, j, par))
			i = j
		case isQuoteRune(r) && (r == '"' || r == '”') && markupTail(text, i+size, end):
			i += size + 1
		case isQuoteRune(r):
			j := i + size
			// `` and '' written as double marks.
			if (r == '`' || r == '\'') && j < end && text[j] == byte(r) {
				j++
				role := roleEither
				if r == '`' {
					role = roleOpen
				}
				toks = append(toks, token{start: i, end: j, kind: tokQuote, double: true, role: role, paragraph: par, region: -1})
				i = j
				continue
			}
			if r == '`' {
				toks = append(toks, token{start: i, end: j, kind: tokPunct, paragraph: par, region: -1})
				i = j
				continue
			}
			// A left single mark right after a word is an apostrophe
			// typed the wrong way round ("CBS‘ Face the Nation").
			if r == '‘' && i > start {
				if pr, _ := utf8.DecodeLastRuneInString(text[start:i]); unicode.IsLetter(pr) || unicode.IsDigit(pr) {
					toks = append(toks, token{start: i, end: j, kind: tokPunct, paragraph: par, region: -1})
					i = j
					continue
				}
			}
			// A year written with a left mark: ‘08, ‘90s.
			if r == '‘' && prevIsSpace(text, start, i) && j+1 < end && isASCIIDigit(text[j]) && isASCIIDigit(text[j+1]) &&
				(j+2 >= end || !isASCIIDigit(text[j+2])) {
				k := scanWord(text, j, end)
				toks = append(toks, newWord(text, i, k, par))
				i = k
				continue
			}
			// Feet and inches: 6’2”, 5'10".
			if (r == '”' || r == '"') && inchesBefore(text[start:i]) {
				toks = append(toks, token{start: i, end: j, kind: tokPunct, paragraph: par, region: -1})
				i = j
				continue
			}
			// An elided word: ’90s, ’em, rock ’n’ roll.
			if (r == '’' || r == '\'') && prevIsSpace(text, start, i) {
				if isNApostrophe(text, i, end) {
					k := i + 2*size + 1
					toks = append(toks, newWord(text, i, k, par))
					i = k
					continue
				}
				if j < end {
					nr, _ := utf8.DecodeRuneInString(text[j:end])
					if unicode.IsDigit(nr) || (r == '’' && unicode.IsLetter(nr)) {
						k := scanWord(text, j, end)
						toks = append(toks, newWord(text, i, k, par))
						i = k
						continue
					}
				}
			}
			toks = append(toks, quoteToken(text, start, end, i, j, r, par))
			i = j
		default:
			toks = append(toks, token{start: i, end: i + size, kind: tokPunct, paragraph: par, region: -1})
			i += size
		}
	}
	return toks
}

// inchesBefore says s ends in a height in feet and inches before its
// inch mark: "6’2", "5'10".
func inchesBefore(s string) bool {
	n := 0
	for n < len(s) && n < 2 && isASCIIDigit(s[len(s)-1-n]) {
		n++
	}
	if n == 0 {
		return false
	}
	s = s[:len(s)-n]
	switch {
	case strings.HasSuffix(s, "’"):
		s = strings.TrimSuffix(s, "’")
	case strings.HasSuffix(s, "'"):
		s = strings.TrimSuffix(s, "'")
	default:
		return false
	}
	return len(s) > 0 && isASCIIDigit(s[len(s)-1]) && (len(s) == 1 || !isASCIIDigit(s[len(s)-2]))
}

func isASCIIDigit(b byte) bool { return '0' <= b && b <= '9' }

// isNApostrophe reports whether text[i:] starts with ’n’ or 'n' (rock ’n’ roll).
func isNApostrophe(text string, i, end int) bool {
	s := text[i:end]
	return strings.HasPrefix(s, "’n’") || strings.HasPrefix(s, "'n'")
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‹', '›', '`':
		return true
	}
	return false
}

func prevIsSpace(text string, lo, i int) bool {
	if i <= lo {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[lo:i])
	return isSpaceRune(r) || strings.ContainsRune("([{—–-/", r) || r == '“' || r == '‘' || r == '"'
}

func nextIsSpace(text string, j, hi int) bool {
	if j >= hi {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[j:hi])
	return isSpaceRune(r) || strings.ContainsRune(",.;:!?)]}—–…", r) || r == '”' || r == '’' || r == '"'
}

func quoteToken(text string, lo, hi, i, j int, r rune, par int) token {
	t := token{start: i, end: j, kind: tokQuote, paragraph: par, region: -1}
	switch r {
	case '“', '«', '„':
		t.double, t.role = true, roleOpen
	case '”', '»':
		t.double, t.role = true, roleClose
	case '‘', '‹':
		t.role = roleOpen
	case '’', '›':
		t.role = roleClose
	case '"', '\'':
		t.double = r == '"'
		ps, ns := prevIsSpace(text, lo, i), nextIsSpace(text, j, hi)
		switch {
		case ps && !ns:
			t.role = roleOpen
		case !ps && ns:
			t.role = roleClose
		default:
			t.role = roleEither
		}
	}
	return t
}

// scanWord returns the end of the word starting at i: letters, digits and
// marks, with apostrophes, hyphens, periods and commas kept when a letter or
// digit follows (He’s, U.S, 3.5, 1,000, well-known).
func scanWord(text string, i, end int) int {
	j := i
	for j < end {
		r, size := utf8.DecodeRuneInString(text[j:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			j += size
			continue
		}
		if j+size < end {
			nr, _ := utf8.DecodeRuneInString(text[j+size : end])
			switch r {
			case '\'', '’', '‘', '-', '‐':
				// A left mark typed for an apostrophe: National Review‘s.
				if unicode.IsLetter(nr) || unicode.IsDigit(nr) {
					j += size
					continue
				}
			case '.':
				// U.S, p.m, 3.5: a single letter or digits on both sides.
				if unicode.IsDigit(nr) && j > i && isDigitBefore(text, j) {
					j += size
					continue
				}
				if unicode.IsLetter(nr) && singleLetterBefore(text, i, j) && letterThenDot(text, j+size, end) {
					j += size
					continue
				}
			case ',':
				if unicode.IsDigit(nr) && isDigitBefore(text, j) {
					j += size
					continue
				}
			}
		}
		break
	}
	if j == i {
		_, size := utf8.DecodeRuneInString(text[i:end])
		j = i + size
	}
	return j
}

func isDigitBefore(text string, j int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:j])
	return unicode.IsDigit(r)
}

// singleLetterBefore reports whether the run of letters just before j (after
// i or the last period) is one letter long.
func singleLetterBefore(text string, i, j int) bool {
	r, size := utf8.DecodeLastRuneInString(text[i:j])
	if !unicode.IsLetter(r) {
		return false
	}
	k := j - size
	if k == i {
		return true
	}
	p, _ := utf8.DecodeLastRuneInString(text[i:k])
	return p == '.'
}

// letterThenDot reports whether text[j:] is a letter followed by a period.
func letterThenDot(text string, j, end int) bool {
	_, size := utf8.DecodeRuneInString(text[j:end])
	return j+size < end && text[j+size] == '.'
}

func newWord(text string, i, j, par int) token {
	w := text[i:j]
	lower := w
	if needsLower(w) {
		lower = strings.ToLower(w)
	}
	if strings.ContainsAny(lower, "’‘") {
		lower = strings.NewReplacer("’", "'", "‘", "'").Replace(lower)
	}
	first, _ := utf8.DecodeRuneInString(w)
	if first == '’' || first == '\'' || first == '‘' {
		_, size := utf8.DecodeRuneInString(w)
		first, _ = utf8.DecodeRuneInString(w[size:])
	}
	return token{start: i, end: j, kind: tokWord, lower: lower, upper: unicode.IsUpper(first), paragraph: par, region: -1}
}

// needsLower reports whether w has any byte ToLower could change.
func needsLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			return true
		}
	}
	return false
}

// wrongWayOpen says the closing double mark toks[i], with nothing open,
// stands where a quotation opens: at the start of the paragraph or after a
// space, right before a word or an ellipsis, with a closing mark later in
// the paragraph to pair with.
func wrongWayOpen(toks []token, lo, hi, i int) bool {
	t := toks[i]
	if !(i == lo || toks[i-1].end < t.start || i == lo+1 && toks[lo].kind == tokPunct) || i+1 >= hi {
		return false
	}
	n := toks[i+1]
	if !(n.kind == tokWord && n.start == t.end || n.kind == tokPunct && n.end-n.start == len("…")) {
		return false
	}
	for j := i + 1; j < hi; j++ {
		if toks[j].kind == tokQuote && toks[j].double && toks[j].role != roleOpen {
			return true
		}
	}
	return false
}

// pairMarks matches the quotation marks among toks[lo:hi] (one paragraph)
// and appends the regions found. Stray closing marks are returned as
// unbalanced token indices.
func pairMarks(toks []token, lo, hi int, regions []region, stray []int) ([]region, []int) {
	type open struct{ tok, reg int }
	var stack []open
	nearestDouble := func() int {
		for k := len(stack) - 1; k >= 0; k-- {
			if toks[stack[k].tok].double {
				return k
			}
		}
		return -1
	}
	push := func(i int) {
		regions = append(regions, region{open: i, close: -1, depth: len(stack), paragraph: toks[i].paragraph})
		stack = append(stack, open{i, len(regions) - 1})
	}
	closeAt := func(k, i int) {
		regions[stack[k].reg].close = i
		stack = stack[:k]
	}
	for i := lo; i < hi; i++ {
		t := &toks[i]
		if t.kind != tokQuote {
			continue
		}
		if t.double {
			k := nearestDouble()
			switch {
			case t.role == roleOpen && k >= 0 && i > lo && toks[i-1].kind == tokPunct && toks[i-1].end == t.start &&
				(i+1 >= hi || toks[i+1].start > t.end):
				// An opening mark typed for a closing one: “It’s unusual,“ said.
				closeAt(k, i)
			case t.role == roleOpen:
				push(i)
			case k >= 0:
				closeAt(k, i)
			case t.role == roleEither:
				push(i)
			case wrongWayOpen(toks, lo, hi, i):
				// A closing mark typed for an opening one: ”Mr. Trump
				// embodies …,” or ” … he delivered …,” Barabak wrote.
				push(i)
				regions[len(regions)-1].wrongWay = true
			default:
				stray = append(stray, i)
			}
			continue
		}
		// Single marks: open a nested quotation or close the one on top;
		// a lone ’ or ' is an apostrophe.
		top := len(stack) - 1
		switch {
		case t.role == roleOpen:
			push(i)
		case top >= 0 && !toks[stack[top].tok].double:
			closeAt(top, i)
		case t.role == roleEither && i+1 < hi && toks[i+1].kind == tokWord:
			push(i)
		default:
			t.kind = tokPunct
		}
	}
	// Marks left open: double ones run to the end of the paragraph; single
	// ones were most likely apostrophes, unless curly.
	for _, o := range stack {
		r := &regions[o.reg]
		if toks[o.tok].double || isCurlyOpenSingle(toks[o.tok]) {
			r.openEnded = true
			continue
		}
		r.open = -1
		toks[o.tok].kind = tokPunct
	}
	return regions, stray
}

// isCurlyOpenSingle reports whether an opening single mark is a curly ‘,
// which is never an apostrophe.
func isCurlyOpenSingle(t token) bool { return t.end-t.start == len("‘") && t.role == roleOpen }
