package diff

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// The word diff runs go-diff over runes that each stand for one token (a
// word, a run of spaces, a line break or a punctuation mark), the way
// line-mode diffs stand a rune for a line.

// maxRune is the highest rune handed out for a token; it is itself the
// shared stand-in for every token past the 1,112,063rd distinct one.
const maxRune = unicode.MaxRune

// tokenKind classifies a token by its first rune.
type tokenKind uint8

const (
	kindSpace   tokenKind = iota // a run of spaces or tabs
	kindNewline                  // one \n
	kindWord                     // letters, digits and the marks joining them
	kindPunct                    // anything else, one character at a time
)

// tokenMap gives each distinct token a rune, skipping the surrogate range
// (those runes do not survive go-diff's string conversions). Once the runes
// run out, further new tokens share the last rune, and diffs of sequences
// holding it are checked token by token afterwards.
type tokenMap struct {
	ids      map[string]rune
	next     rune
	limit    rune
	overflow bool
}

func newTokenMap(limit rune, sizeHint int) *tokenMap {
	return &tokenMap{ids: make(map[string]rune, sizeHint), limit: limit}
}

func (m *tokenMap) id(tok string) rune {
	if r, ok := m.ids[tok]; ok {
		return r
	}
	if m.next >= m.limit {
		m.overflow = true
		return m.limit
	}
	r := m.next
	m.next++
	if m.next == 0xD800 {
		m.next = 0xE000
	}
	m.ids[tok] = r
	return r
}

// tokenText is one side of a diff with the paragraphs that need it cut into
// tokens; each run of paragraphs cut at once has consecutive tokens.
type tokenText struct {
	text         string
	starts, ends []int // token i is text[starts[i]:ends[i]]
	ids          []rune
	kinds        []tokenKind
	over         rune // the rune tokens share once the map runs out
	m            *tokenMap
	lo, hi       int // the tokens of the block being cleaned
}

func newDiffText(text string, m *tokenMap) *tokenText {
	return &tokenText{text: text, over: m.limit, m: m}
}

func (t *tokenText) n() int           { return len(t.ids) }
func (t *tokenText) tok(i int) string { return t.text[t.starts[i]:t.ends[i]] }

// bytesOf returns the text of tokens [lo,hi), which must be consecutive.
func (t *tokenText) bytesOf(lo, hi int) string {
	if hi <= lo {
		return ""
	}
	return t.text[t.starts[lo]:t.ends[hi-1]]
}

// reserve makes room for n more tokens.
func (t *tokenText) reserve(n int) {
	t.starts = slices.Grow(t.starts, n)
	t.ends = slices.Grow(t.ends, n)
	t.ids = slices.Grow(t.ids, n)
	t.kinds = slices.Grow(t.kinds, n)
}

// tokenize cuts text[lo:hi] into tokens and returns the index of the first.
func (t *tokenText) tokenize(lo, hi int) int {
	first := len(t.ids)
	for i := lo; i < hi; {
		j, kind := nextDiffToken(t.text, i)
		t.starts = append(t.starts, i)
		t.ends = append(t.ends, j)
		t.ids = append(t.ids, t.m.id(t.text[i:j]))
		t.kinds = append(t.kinds, kind)
		i = j
	}
	return first
}

// asciiKind classifies ASCII bytes for the tokenizer's fast path.
var asciiKind = func() (c [128]tokenKind) {
	for b := range c {
		r := rune(b)
		switch {
		case r == '\n':
			c[b] = kindNewline
		case isSpace(r):
			c[b] = kindSpace
		case isWordTokenRune(r):
			c[b] = kindWord
		default:
			c[b] = kindPunct
		}
	}
	return c
}()

// nextDiffToken returns the end of the token starting at i and its kind.
func nextDiffToken(text string, i int) (int, tokenKind) {
	if c := text[i]; c < utf8.RuneSelf {
		switch k := asciiKind[c]; k {
		case kindNewline:
			return i + 1, k
		case kindPunct:
			if i+1 == len(text) || text[i+1] < utf8.RuneSelf {
				return i + 1, k
			}
		case kindSpace:
			j := i + 1
			for j < len(text) && text[j] < utf8.RuneSelf && asciiKind[text[j]] == kindSpace {
				j++
			}
			if j == len(text) || text[j] < utf8.RuneSelf {
				return j, k
			}
		case kindWord:
			j := i + 1
			for j < len(text) && text[j] < utf8.RuneSelf && asciiKind[text[j]] == kindWord {
				j++
			}
			if j == len(text) || text[j] < utf8.RuneSelf && asciiKind[text[j]] != kindPunct && asciiKind[text[j]] != kindWord {
				return j, k
			}
		}
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	j := i + size
	switch {
	case r == '\n':
		return j, kindNewline
	case isSpace(r):
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if r == '\n' || !isSpace(r) {
				break
			}
			j += size
		}
		return j, kindSpace
	case isWordTokenRune(r) && !oneCharWords(r):
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if isWordTokenRune(r) && !oneCharWords(r) {
				j += size
				continue
			}
			// Apostrophes join letters (it's, Kosovo’s); points and commas
			// join digits (9.5, 1,000).
			if next, nsize := utf8.DecodeRuneInString(text[j+size:]); nsize > 0 {
				prev, _ := utf8.DecodeLastRuneInString(text[:j])
				if (r == '\'' || r == '’') && isWordTokenRune(next) && !oneCharWords(next) ||
					(r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next) {
					j += size + nsize
					continue
				}
			}
			break
		}
		return j, kindWord
	case isWordTokenRune(r):
		return skipMarks(text, j), kindWord
	}
	return skipMarks(text, j), kindPunct
}

// skipMarks moves past combining marks, variation selectors, emoji
// modifiers and zero-width-joined sequences that belong to the character
// before j, so a change never splits what a reader sees as one character.
func skipMarks(text string, j int) int {
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		switch {
		case unicode.Is(unicode.M, r), r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF,
			r >= 0x1F3FB && r <= 0x1F3FF, r >= 0xE0020 && r <= 0xE007F:
			j += size
		case r == 0x200D:
			j += size
			if j < len(text) {
				_, size = utf8.DecodeRuneInString(text[j:])
				j += size
			}
		case r >= 0x1F1E6 && r <= 0x1F1FF:
			// Regional indicators pair up into flags.
			prev, _ := utf8.DecodeLastRuneInString(text[:j])
			if prev >= 0x1F1E6 && prev <= 0x1F1FF {
				j += size
			}
			return j
		default:
			return j
		}
	}
	return j
}

func isSpace(r rune) bool { return r != '\n' && unicode.IsSpace(r) }

// isWordTokenRune reports whether r is part of a word token: letters,
// digits, combining marks and the underscore.
func isWordTokenRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) || r == '_'
}

// oneCharWords reports scripts written without spaces, whose characters
// are diffed one at a time.
func oneCharWords(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r)) ||
		r >= 0x0E00 && r <= 0x0EFF // Thai, Lao
}

// editOp is a run of one go-diff operation, counted in tokens.
type editOp struct {
	op diffmatchpatch.Operation
	n  int
}

// diffRunes diffs two rune strings exactly (no timeout, so the result is
// the same on every machine) and returns the runs of operations.
func diffRunes(a, b []rune) []editOp {
	switch {
	case len(a) == 0 && len(b) == 0:
		return nil
	case len(a) == 0:
		return []editOp{{diffmatchpatch.DiffInsert, len(b)}}
	case len(b) == 0:
		return []editOp{{diffmatchpatch.DiffDelete, len(a)}}
	}
	// Unchanged text at the ends is the common case; keep it out of go-diff,
	// which would turn it into strings and back.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []editOp
	if pre > 0 {
		ops = append(ops, editOp{diffmatchpatch.DiffEqual, pre})
	}
	if ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]; len(ma) == 0 || len(mb) == 0 {
		if len(ma) > 0 {
			ops = append(ops, editOp{diffmatchpatch.DiffDelete, len(ma)})
		}
		if len(mb) > 0 {
			ops = append(ops, editOp{diffmatchpatch.DiffInsert, len(mb)})
		}
	} else {
		dmp := diffmatchpatch.New()
		dmp.DiffTimeout = 0
		for _, d := range dmp.DiffMainRunes(ma, mb, false) {
			if n := utf8.RuneCountInString(d.Text); n > 0 {
				if k := len(ops) - 1; k >= 0 && ops[k].op == d.Type {
					ops[k].n += n
				} else {
					ops = append(ops, editOp{d.Type, n})
				}
			}
		}
	}
	if suf > 0 {
		if k := len(ops) - 1; k >= 0 && ops[k].op == diffmatchpatch.DiffEqual {
			ops[k].n += suf
		} else {
			ops = append(ops, editOp{diffmatchpatch.DiffEqual, suf})
		}
	}
	return ops
}

// verifyEqual splits the equal runs of ops where same says the elements at
// i (in a) and j (in b) differ after all: needed when tokens share the
// overflow rune.
func verifyEqual(ops []editOp, same func(i, j int) bool) []editOp {
	out := make([]editOp, 0, len(ops))
	add := func(op diffmatchpatch.Operation, n int) {
		if n == 0 {
			return
		}
		if k := len(out) - 1; k >= 0 && out[k].op == op {
			out[k].n += n
			return
		}
		out = append(out, editOp{op, n})
	}
	i, j := 0, 0
	for _, o := range ops {
		switch o.op {
		case diffmatchpatch.DiffDelete:
			add(o.op, o.n)
			i += o.n
		case diffmatchpatch.DiffInsert:
			add(o.op, o.n)
			j += o.n
		default:
			for k := 0; k < o.n; k++ {
				if same(i+k, j+k) {
					add(diffmatchpatch.DiffEqual, 1)
				} else {
					add(diffmatchpatch.DiffDelete, 1)
					add(diffmatchpatch.DiffInsert, 1)
				}
			}
			i += o.n
			j += o.n
		}
	}
	return out
}

// tokenPiece is a stretch of a diff in tokens: unchanged (eq) or a change of
// o old tokens into n new ones, starting at old token os and new token ns.
type tokenPiece struct {
	eq     bool
	os, o  int
	ns, n  int
	ow, nw int // weights of the old and new tokens, see tokenWeight
}

// tokenWeight is how much a token counts when deciding whether a short
// unchanged stretch between two changes is worth showing: words and
// punctuation count one, spaces nothing, and a line break is never merged
// across.
const newlineWeight = 1 << 20

func tokenWeight(k tokenKind) int {
	switch k {
	case kindSpace:
		return 0
	case kindNewline:
		return newlineWeight
	}
	return 1
}

// tokenCleaner turns the token runs go-diff finds into changes an editor
// would make: edits start at words rather than spaces, and replacements
// of neighbouring words read as one change.
type tokenCleaner struct {
	a, b *tokenText
}

func (c *tokenCleaner) same(i, j int) bool {
	return c.a.ids[i] == c.b.ids[j] && (c.a.ids[i] != c.a.over || c.a.tok(i) == c.b.tok(j))
}

func (c *tokenCleaner) weight(t *tokenText, lo, n int) int {
	w := 0
	for k := lo; k < lo+n; k++ {
		w += tokenWeight(t.kinds[k])
	}
	return w
}

// pieces converts go-diff runs over old tokens from ao and new tokens from
// bo into pieces, one per unchanged run and one per change.
func (c *tokenCleaner) pieces(ops []editOp, ao, bo int) []tokenPiece {
	var ps []tokenPiece
	i, j := ao, bo
	for _, o := range ops {
		switch o.op {
		case diffmatchpatch.DiffEqual:
			ps = append(ps, tokenPiece{eq: true, os: i, o: o.n, ns: j, n: o.n})
			i += o.n
			j += o.n
		case diffmatchpatch.DiffDelete:
			if k := len(ps) - 1; k >= 0 && !ps[k].eq {
				ps[k].o += o.n
			} else {
				ps = append(ps, tokenPiece{os: i, o: o.n, ns: j})
			}
			i += o.n
		case diffmatchpatch.DiffInsert:
			if k := len(ps) - 1; k >= 0 && !ps[k].eq {
				ps[k].n += o.n
			} else {
				ps = append(ps, tokenPiece{os: i, ns: j, n: o.n})
			}
			j += o.n
		}
	}
	return ps
}

// clean slides pure insertions and deletions to word boundaries, then
// merges changes separated only by a space, or by a stretch shorter than
// the changes either side of it.
func (c *tokenCleaner) clean(ps []tokenPiece) []tokenPiece {
	for k := range ps {
		if !ps[k].eq && (ps[k].o == 0 || ps[k].n == 0) {
			c.slide(ps, k)
		}
	}
	out := ps[:0:0]
	for _, p := range ps {
		if p.eq && p.o == 0 {
			continue
		}
		p.ow, p.nw = c.weight(c.a, p.os, p.o), c.weight(c.b, p.ns, p.n)
		if p.eq {
			out = append(out, p)
			continue
		}
		for {
			k := len(out)
			if k > 0 && !out[k-1].eq {
				p = joinPieces(out[k-1], p)
				out = out[:k-1]
				continue
			}
			if k >= 2 && c.mergeAcross(out[k-2], out[k-1], p) {
				p = joinPieces(joinPieces(out[k-2], out[k-1]), p)
				out = out[:k-2]
				continue
			}
			break
		}
		out = append(out, p)
	}
	return out
}

func joinPieces(x, y tokenPiece) tokenPiece {
	return tokenPiece{os: x.os, o: x.o + y.o, ns: x.ns, n: x.n + y.n, ow: x.ow + y.ow, nw: x.nw + y.nw}
}

// mergeAcross decides whether the unchanged stretch e between changes x
// and y should become part of one change. Two deletions (or two
// insertions) stay apart: merging them would show kept words as replaced.
func (c *tokenCleaner) mergeAcross(x, e, y tokenPiece) bool {
	if x.eq || !e.eq || y.eq {
		return false
	}
	if x.o == 0 && y.o == 0 || x.n == 0 && y.n == 0 {
		return false
	}
	if e.o == 1 && c.a.kinds[e.os] == kindSpace {
		return true
	}
	return e.ow < max(x.ow, x.nw) && e.ow < max(y.ow, y.nw)
}

// slide moves the pure insertion or deletion ps[k] along the identical
// tokens around it to the place that reads best: starting a word, ending
// with a space.
func (c *tokenCleaner) slide(ps []tokenPiece, k int) {
	p := ps[k]
	t, start, n := c.b, p.ns, p.n
	if p.n == 0 {
		t, start, n = c.a, p.os, p.o
	}
	// Sliding moves identical tokens from one neighbouring unchanged run
	// to the other, so both must exist.
	if k == 0 || k+1 >= len(ps) || !ps[k-1].eq || !ps[k+1].eq {
		return
	}
	before, after := ps[k-1].o, ps[k+1].o
	same := func(i, j int) bool {
		return t.ids[i] == t.ids[j] && (t.ids[i] != t.over || t.tok(i) == t.tok(j))
	}
	left := 0
	for left < before && same(start-1-left, start+n-1-left) {
		left++
	}
	right := 0
	for right < after && same(start+right, start+n+right) {
		right++
	}
	if left == 0 && right == 0 {
		return
	}
	// The rightmost of the best places wins, so the result does not
	// depend on where go-diff happened to put the edit.
	best, bestScore := -left, -1
	for s := -left; s <= right; s++ {
		if sc := slideScore(t, start+s, n); sc >= bestScore {
			best, bestScore = s, sc
		}
	}
	if best == 0 {
		return
	}
	ps[k].os += best
	ps[k].ns += best
	ps[k-1].o += best
	ps[k-1].n += best
	ps[k+1].os += best
	ps[k+1].ns += best
	ps[k+1].o -= best
	ps[k+1].n -= best
}

// slideScore rates an edit of n tokens from start by how well its two ends
// fall on natural breaks.
func slideScore(t *tokenText, start, n int) int {
	return boundaryScore(t, start-1, start) + boundaryScore(t, start+n-1, start+n)
}

// boundaryScore rates the break between tokens x and y = x+1: the ends of
// the text and line breaks best, then the start of a word or sentence,
// the end of a word, punctuation, and worst the middle of a run of words.
func boundaryScore(t *tokenText, x, y int) int {
	if x < t.lo || y >= t.hi {
		return 5 // a block starts and ends at line breaks
	}
	kx, ky := t.kinds[x], t.kinds[y]
	switch {
	case kx == kindNewline || ky == kindNewline:
		return 5
	case kx == kindSpace:
		return 3
	case ky == kindSpace && kx == kindPunct:
		switch t.tok(x) {
		case ".", "!", "?", "…", ":", ";":
			return 3
		}
		return 2
	case ky == kindSpace:
		return 2
	case kx == kindPunct || ky == kindPunct:
		return 1
	}
	return 0
}
