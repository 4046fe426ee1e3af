package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
)

// spanStyle is how a stretch of text is drawn: weight, colours and lines.
// The zero value is plain text in the theme's foreground colour.
type spanStyle struct {
	Bold, Italic bool
	Color        fyne.ThemeColorName // "" for the foreground colour
	Background   fyne.ThemeColorName // "" for none
	Underline    bool
	Strike       bool
}

// styledSpan styles bytes [Start, End) of a paragraph. Spans may overlap;
// later spans win for colours, and flags add up.
type styledSpan struct {
	Start, End int
	Style      spanStyle
}

// fragment is a run of text on one line drawn in one style.
type fragment struct {
	Start, End int // bytes of the paragraph
	X, Width   float32
	Style      spanStyle
}

// line is one display line of a wrapped paragraph.
type line struct {
	Start, End int // bytes of the paragraph, including trailing spaces
	Fragments  []fragment
}

// paragraphLayout is a paragraph wrapped to a width.
type paragraphLayout struct {
	Lines      []line
	LineHeight float32
}

// Height is the layout's total height.
func (l paragraphLayout) Height() float32 { return float32(len(l.Lines)) * l.LineHeight }

// measurer measures text widths, caching per style; it is not safe for
// concurrent use.
type measurer struct {
	size  float32
	cache map[measureKey]float32
	fn    func(text string, size float32, style fyne.TextStyle) fyne.Size
	// line and avgRune are the line height and the average width of a
	// rune of running text, measured once; 0 before.
	line, avgRune float32
}

// measureCacheSize bounds the width cache: enough for the vocabulary of a
// book-length article (about 55,000 distinct words and spaces in a
// million words of news), so that laying it out does not shape the same
// words again.
const measureCacheSize = 200_000

type measureKey struct {
	text         string
	bold, italic bool
}

func newMeasurer(size float32) *measurer {
	return &measurer{size: size, cache: make(map[measureKey]float32), fn: fyne.MeasureText}
}

func (m *measurer) width(text string, bold, italic bool) float32 {
	k := measureKey{text, bold, italic}
	if w, ok := m.cache[k]; ok {
		return w
	}
	w := m.fn(text, m.size, fyne.TextStyle{Bold: bold, Italic: italic}).Width
	if len(m.cache) >= measureCacheSize {
		clear(m.cache)
	}
	// The key is copied: a slice of a paragraph would keep the whole
	// paragraph alive in the cache.
	m.cache[measureKey{strings.Clone(text), bold, italic}] = w
	return w
}

func (m *measurer) lineHeight() float32 {
	if m.line == 0 {
		m.line = m.fn("Mg", m.size, fyne.TextStyle{}).Height
	}
	return m.line
}

// averageRune returns the average width of a rune in running text, for
// estimating how many lines a paragraph not yet laid out takes.
func (m *measurer) averageRune() float32 {
	if m.avgRune == 0 {
		const sample = "The council voted on Tuesday to approve the budget, officials said."
		m.avgRune = m.fn(sample, m.size, fyne.TextStyle{}).Width / float32(utf8.RuneCountInString(sample))
	}
	return m.avgRune
}

// styleAt resolves the style of byte i from spans.
func styleAt(spans []styledSpan, i int) spanStyle {
	var st spanStyle
	for _, s := range spans {
		if i < s.Start || i >= s.End {
			continue
		}
		st.Bold = st.Bold || s.Style.Bold
		st.Italic = st.Italic || s.Style.Italic
		st.Underline = st.Underline || s.Style.Underline
		st.Strike = st.Strike || s.Style.Strike
		if s.Style.Color != "" {
			st.Color = s.Style.Color
		}
		if s.Style.Background != "" {
			st.Background = s.Style.Background
		}
	}
	return st
}

// piece is a word or a run of spaces in one style: the unit of wrapping.
type piece struct {
	start, end int
	space      bool
	style      spanStyle
	width      float32
	// runeSum is the sum of the widths of the piece's runes, once a long
	// word has been measured rune by rune; 0 before.
	runeSum float32
}

// pieces splits text at word/space boundaries and at style changes,
// measuring each for wrapping at width.
func pieces(text string, spans []styledSpan, width float32, m *measurer) []piece {
	bounds := make(map[int]bool, 2*len(spans)) // style boundaries
	for _, s := range spans {
		bounds[s.Start], bounds[s.End] = true, true
	}
	isBound := func(i int) bool { return bounds[i] }
	var out []piece
	start := 0
	for start < len(text) {
		r, size := utf8.DecodeRuneInString(text[start:])
		space := unicode.IsSpace(r)
		end := start + size
		for end < len(text) && !isBound(end) {
			r2, s2 := utf8.DecodeRuneInString(text[end:])
			if unicode.IsSpace(r2) != space {
				break
			}
			// Break after dashes and slashes inside words so long compounds wrap.
			if !space && (r == '—' || r == '-' || r == '/') {
				break
			}
			r = r2
			end += s2
		}
		out = append(out, measurePiece(text, piece{start: start, end: end, space: space, style: styleAt(spans, start)}, width, m))
		start = end
	}
	return out
}

// longPiece is the length in bytes above which a piece is first measured
// rune by rune, to learn whether it is far wider than a line.
const longPiece = 256

// measurePiece sets p's width. A long piece that the sum of its runes'
// widths shows to be more than twice the line wide keeps that sum as its
// width: it is broken anyway, and shaping a word of 100,000 characters
// whole at every layout (every keystroke) is what made such words slow.
func measurePiece(text string, p piece, width float32, m *measurer) piece {
	if p.end-p.start > longPiece && !p.space {
		p.runeSum = runeSum(text[p.start:p.end], p.style, m)
		if p.runeSum > 2*width {
			p.width = p.runeSum
			return p
		}
	}
	p.width = m.width(text[p.start:p.end], p.style.Bold, p.style.Italic)
	return p
}

// runeSum adds up the widths of the runes of s, each measured alone.
func runeSum(s string, st spanStyle, m *measurer) float32 {
	sum := float32(0)
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		sum += m.width(s[i:i+size], st.Bold, st.Italic)
		i += size
	}
	return sum
}

// layoutParagraph wraps text to width, greedily at spaces; a word wider
// than the line is broken between runes, filling each line as browsers
// do, in time proportional to its length. Spaces at the end of a line hang
// past the margin. An empty paragraph has one empty line.
func layoutParagraph(text string, spans []styledSpan, width float32, m *measurer) paragraphLayout {
	lay := paragraphLayout{LineHeight: m.lineHeight()}
	if width < 1 {
		width = 1
	}
	cur := line{}
	x := float32(0)
	flush := func(end int) {
		cur.End = end
		lay.Lines = append(lay.Lines, cur)
		cur = line{Start: end}
		x = 0
	}
	add := func(p piece) {
		if n := len(cur.Fragments); n > 0 {
			last := &cur.Fragments[n-1]
			if last.End == p.start && last.Style == p.style {
				last.End = p.end
				last.Width += p.width
				x += p.width
				return
			}
		}
		cur.Fragments = append(cur.Fragments, fragment{Start: p.start, End: p.end, X: x, Width: p.width, Style: p.style})
		x += p.width
	}
	ps := pieces(text, spans, width, m)
	// glued reports whether piece k continues the word of piece k-1: no
	// space between them and no dash or slash to break after.
	glued := func(k int) bool {
		if k == 0 || ps[k].space || ps[k-1].space {
			return false
		}
		r, _ := utf8.DecodeLastRuneInString(text[ps[k-1].start:ps[k-1].end])
		return r != '—' && r != '-' && r != '/'
	}
	for i := 0; i < len(ps); {
		p := ps[i]
		if p.space {
			add(p) // spaces never wrap; they hang at the end of a line
			i++
			continue
		}
		// A word may be several pieces (a style changes inside it); it
		// wraps as a whole.
		j, w := i+1, p.width
		for j < len(ps) && glued(j) {
			w += ps[j].width
			j++
		}
		if x+w <= width {
			for _, q := range ps[i:j] {
				add(q)
			}
			i = j
			continue
		}
		if x > 0 && !glued(i) {
			flush(p.start) // the word goes on the next line
			continue
		}
		// A word wider than a whole line, or the rest of one already
		// broken on this line: fill the line with its first piece, broken
		// between runes, and go on with the rest.
		cut, pw := cutToWidth(text, p, width-x, x == 0, m)
		if cut > p.start {
			add(piece{start: p.start, end: cut, style: p.style, width: pw})
		}
		if cut < p.end {
			flush(cut)
			ps[i] = restOf(text, p, cut, pw, width, m)
			continue
		}
		i++
	}
	cur.End = len(text)
	lay.Lines = append(lay.Lines, cur)
	return lay
}

// cutToWidth returns the end of the longest run of whole runes at the
// start of p whose widths add up to no more than width (at least one rune
// when atLeastOne, so a line always moves on), and that sum. It reads only
// the runes it keeps, so breaking a long word costs in proportion to the
// word, not to its square.
func cutToWidth(text string, p piece, width float32, atLeastOne bool, m *measurer) (int, float32) {
	cut, sum := p.start, float32(0)
	for cut < p.end {
		_, size := utf8.DecodeRuneInString(text[cut:])
		rw := m.width(text[cut:cut+size], p.style.Bold, p.style.Italic)
		if sum+rw > width && (cut > p.start || !atLeastOne) {
			break
		}
		sum += rw
		cut += size
	}
	return cut, sum
}

// restOf is what is left of the wide word piece p after a line break at
// cut, the runes before it adding up to cutSum. Measuring the rest whole
// at every break would make a long word quadratic, so the rest is measured
// whole only when the sum of its runes' widths is within twice the line
// (kerning never halves a width): then the wrap decides exactly as if it
// had measured every time. Otherwise that sum stands in for its width,
// which is enough to know the rest does not fit.
func restOf(text string, p piece, cut int, cutSum, width float32, m *measurer) piece {
	if p.runeSum == 0 {
		p.runeSum = runeSum(text[p.start:p.end], p.style, m)
	}
	rest := p
	rest.start = cut
	rest.runeSum = max(p.runeSum-cutSum, 0)
	if rest.runeSum <= 2*width {
		rest.width = m.width(text[cut:p.end], p.style.Bold, p.style.Italic)
	} else {
		rest.width = rest.runeSum
	}
	return rest
}

// lineAt returns the index of the line holding byte offset off; an offset
// at a wrap point belongs to the later line.
func (l paragraphLayout) lineAt(off int) int {
	for i := len(l.Lines) - 1; i > 0; i-- {
		if off >= l.Lines[i].Start {
			return i
		}
	}
	return 0
}

// xOf returns the horizontal position of byte offset off on its line.
func (l paragraphLayout) xOf(text string, off int, m *measurer) float32 {
	ln := l.Lines[l.lineAt(off)]
	for _, f := range ln.Fragments {
		if off <= f.End {
			if off <= f.Start {
				return f.X
			}
			return f.X + m.width(text[f.Start:off], f.Style.Bold, f.Style.Italic)
		}
	}
	if n := len(ln.Fragments); n > 0 {
		last := ln.Fragments[n-1]
		return last.X + last.Width
	}
	return 0
}

// offsetAt returns the byte offset nearest to point (x, y) in the layout.
func (l paragraphLayout) offsetAt(text string, x, y float32, m *measurer) int {
	li := int(y / l.LineHeight)
	if li < 0 {
		li = 0
	}
	if li >= len(l.Lines) {
		li = len(l.Lines) - 1
	}
	ln := l.Lines[li]
	end := ln.End
	if li < len(l.Lines)-1 && end > ln.Start {
		// The wrap point belongs to the next line; stop before it.
		_, size := utf8.DecodeLastRuneInString(text[ln.Start:end])
		if r, _ := utf8.DecodeLastRuneInString(text[ln.Start:end]); unicode.IsSpace(r) {
			end -= size
		}
	}
	for _, f := range ln.Fragments {
		if x > f.X+f.Width {
			continue
		}
		pos := f.Start
		prev := f.X
		for pos < f.End && pos < end {
			_, size := utf8.DecodeRuneInString(text[pos:])
			next := f.X + m.width(text[f.Start:pos+size], f.Style.Bold, f.Style.Italic)
			if x < (prev+next)/2 {
				return pos
			}
			prev = next
			pos += size
		}
		if pos >= end {
			return end
		}
	}
	return end
}
