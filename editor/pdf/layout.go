package pdf

import (
	"sort"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

// RGB is a colour, 0–255 per channel.
type RGB [3]uint8

// Style is how a span of text is set.
type Style struct {
	Size   float64 // points
	Bold   bool
	Colour RGB
}

// Span is text in one style.
type Span struct {
	Text  string
	Style Style
}

// Block is a paragraph set into lines at a width: shaped (Arabic joined,
// Indic clusters reordered, kerning), broken at the places Unicode allows
// (UAX #14, inside a word only when it is wider than the line) and put in
// visual order line by line (the Unicode bidirectional algorithm), so
// Hebrew and Arabic read right to left inside left-to-right copy.
type Block struct {
	lines      []setLine
	lineHeight float64 // mm
	rtl        bool
}

// Lines is the number of lines.
func (b *Block) Lines() int { return max(len(b.lines), 1) }

// Height is the height of the block in mm.
func (b *Block) Height() float64 { return float64(b.Lines()) * b.lineHeight }

// Width is the width of the widest line in mm.
func (b *Block) Width() float64 {
	var w float64
	for _, l := range b.lines {
		w = max(w, l.width)
	}
	return w
}

// setLine is one line of a block: its runs in visual order.
type setLine struct {
	runs  []setRun
	width float64 // mm
	size  float64 // largest point size on the line
}

// setRun is a run of glyphs in one face, size and colour, left to right.
type setRun struct {
	face     *font.Face
	style    Style
	fakeBold bool // the face has no bold; draw it stroked
	glyphs   []setGlyph
	advance  float64 // mm
	// text is the paragraph's characters, which the glyphs' clusters
	// index.
	text []rune
}

// setGlyph is one glyph: its id in its face, its position relative to
// the pen, and on a cluster's first glyph the characters it stands for.
type setGlyph struct {
	id         font.GID
	advance    float32 // mm
	xOff, yOff float32 // mm
	// from and to index the run's text: the cluster's characters, on its
	// first glyph.
	from, to      int32
	clusterGlyphs int16 // glyphs in the cluster, on its first glyph; 0 on the others
	missing       bool  // no installed font has this character
	// actual marks a cluster whose glyphs do not read as its characters
	// through the font's ToUnicode map (set when the file is written).
	actual bool
}

// chars returns the characters a cluster's first glyph stands for.
func (r *setRun) chars(g setGlyph) []rune { return r.text[g.from:g.to] }

const (
	ptPerMM = 72 / 25.4
	// shapeScale sets text at this many times its size, so that the line
	// breaker's whole units are fine enough (1/16 pt).
	shapeScale = 16
)

func toMM(v fixed.Int26_6) float64 { return float64(v) / 64 / shapeScale / ptPerMM }

// Layout sets spans as one paragraph across width mm with lines
// lineHeight mm apart.
func (d *Doc) Layout(spans []Span, width, lineHeight float64) *Block {
	var text []rune
	var bounds []int // rune offset where each span starts
	for _, s := range spans {
		bounds = append(bounds, len(text))
		text = append(text, []rune(s.Text)...)
	}
	b := &Block{lineHeight: lineHeight}
	if len(text) == 0 {
		return b
	}
	dir := di.DirectionLTR
	if baseRTL(text) {
		dir = di.DirectionRTL
		b.rtl = true
	}
	runs := d.shape(text, dir, spans, bounds)
	maxWidth := int(width * ptPerMM * shapeScale)
	lines, _ := d.wrapper.WrapParagraph(shaping.WrapConfig{Direction: dir, BreakPolicy: shaping.WhenNecessary}, maxWidth, text, shaping.NewSliceIterator(runs))
	for _, line := range lines {
		b.lines = append(b.lines, d.setLine(text, line, spans, bounds))
	}
	return b
}

// baseRTL reports whether a paragraph reads right to left: its first
// strong character is Hebrew, Arabic or another right-to-left script
// (rules P2 and P3 of the bidirectional algorithm).
func baseRTL(text []rune) bool {
	for _, r := range text {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return false
}

// fontmapFunc adapts Fonts to the segmenter.
type fontmapFunc func(rune) *font.Face

func (f fontmapFunc) ResolveFace(r rune) *font.Face { return f(r) }

// shape splits the paragraph into runs of one direction, script, face and
// span, and shapes each.
func (d *Doc) shape(text []rune, dir di.Direction, spans []Span, bounds []int) []shaping.Output {
	in := shaping.Input{Text: text, RunStart: 0, RunEnd: len(text), Direction: dir, Size: fixed.I(10)}
	var pieces []shaping.Input
	if d.plainLatin(text) {
		// Most copy is Latin, Greek or Cyrillic the document font has in
		// full: one left-to-right run, with no bidi or font splitting to
		// do (both cost more than shaping it).
		in.Face, in.Script = d.fonts.primary, language.Latin
		pieces = []shaping.Input{in}
	} else {
		pieces = d.segmenter.Split(in, fontmapFunc(func(r rune) *font.Face {
			face, _ := d.fonts.resolve(r, false)
			return face
		}))
	}
	var out []shaping.Output
	for _, p := range pieces {
		for start := p.RunStart; start < p.RunEnd; {
			si := spanAt(bounds, start)
			end := p.RunEnd
			if si+1 < len(bounds) && bounds[si+1] < end {
				end = bounds[si+1]
			}
			// White space is set in the document font: a fallback font
			// (colour emoji above all) may give a space no width.
			face := p.Face
			if face != d.fonts.primary {
				if sp := spaceRun(text, start, end); sp > start {
					end, face = sp, d.fonts.primary
				} else if sp := nextSpace(text, start, end); sp < end {
					end = sp
				}
			}
			piece := p
			piece.RunStart, piece.RunEnd, piece.Face = start, end, face
			st := spans[si].Style
			piece.Size = fixed.Int26_6(st.Size * shapeScale * 64)
			if st.Bold {
				piece.Face = d.boldFace(text[start:end], face)
			}
			out = append(out, d.fonts.shape(piece))
			start = end
		}
	}
	return out
}

// plainLatin reports whether a paragraph is all Latin (with its
// punctuation and symbols) that the document font covers, so that it needs
// neither bidi ordering nor font fallback. Greek and Cyrillic go through
// the segmenter, which gives each script its own run.
func (d *Doc) plainLatin(text []rune) bool {
	for _, r := range text {
		if r >= 0x0370 && r < 0x2000 || r >= 0xFB1D && r <= 0xFEFF || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r >= 0x202A && r <= 0x202E {
			return false // another script (Hebrew and Arabic presentation forms too), or a bidi control
		}
		if r >= 0x80 {
			if _, ok := d.fonts.primary.NominalGlyph(r); !ok {
				return false
			}
		}
	}
	return true
}

// boldFace returns the bold face for text set in face, or face itself
// where no bold face covers the text (it is then drawn stroked).
func (d *Doc) boldFace(text []rune, face *font.Face) *font.Face {
	var bold *font.Face
	for _, r := range text {
		if unicode.IsSpace(r) || unicode.Is(unicode.Mn, r) {
			continue
		}
		f, ok := d.fonts.resolve(r, true)
		if !ok {
			return face
		}
		if bold == nil {
			bold = f
		}
		if f != bold {
			return face
		}
	}
	if bold == nil {
		if face == d.fonts.primary {
			return d.fonts.primaryBold
		}
		return face
	}

	return bold
}

// spaceRun returns the end of the white space that starts at start
// (start itself if there is none).
func spaceRun(text []rune, start, end int) int {
	for start < end && unicode.IsSpace(text[start]) {
		start++
	}
	return start
}

// nextSpace returns the offset of the first white space at or after
// start, or end.
func nextSpace(text []rune, start, end int) int {
	for start < end && !unicode.IsSpace(text[start]) {
		start++
	}
	return start
}

// spanAt returns the span holding rune offset i.
func spanAt(bounds []int, i int) int {
	return sort.Search(len(bounds), func(k int) bool { return bounds[k] > i }) - 1
}

// setLine turns a wrapped line into runs in visual order.
func (d *Doc) setLine(text []rune, line shaping.Line, spans []Span, bounds []int) setLine {
	runs := make([]shaping.Output, len(line))
	copy(runs, line)
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].VisualIndex < runs[j].VisualIndex })
	var l setLine
	for _, o := range runs {
		if len(o.Glyphs) == 0 {
			continue
		}
		st := spans[spanAt(bounds, o.Runes.Offset)].Style
		r := setRun{face: o.Face, style: st, advance: toMM(o.Advance), text: text}
		r.fakeBold = st.Bold && o.Face != d.fonts.primaryBold && !d.fonts.isBold(o.Face)
		for i := 0; i < len(o.Glyphs); {
			g := o.Glyphs[i]
			n := max(g.GlyphCount, 1)
			end := min(g.ClusterIndex+g.RuneCount, len(text))
			for k := 0; k < n && i+k < len(o.Glyphs); k++ {
				gk := o.Glyphs[i+k]
				sg := setGlyph{
					id: gk.GlyphID, advance: float32(toMM(gk.XAdvance)),
					xOff: float32(toMM(gk.XOffset)), yOff: float32(toMM(gk.YOffset)),
				}
				if k == 0 {
					sg.from, sg.to, sg.clusterGlyphs = int32(g.ClusterIndex), int32(end), int16(n)
				}
				if gk.GlyphID == 0 && visible(text[g.ClusterIndex:end]) {
					sg.missing = true
					d.noteMissing(string(text[g.ClusterIndex:end]))
				}
				r.glyphs = append(r.glyphs, sg)
			}
			i += n
		}
		l.runs = append(l.runs, r)
		l.width += r.advance
		l.size = max(l.size, st.Size)
	}
	return l
}

// visible reports whether a cluster holds a character that should show.
func visible(s []rune) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && !unicode.IsControl(r) {
			return true
		}
	}
	return false
}
