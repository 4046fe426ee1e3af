package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
)

// fixedMeasurer measures every rune as 10 wide and lines as 20 high, so
// layouts are exact and independent of fonts.
func fixedMeasurer() *measurer {
	m := newMeasurer(14)
	m.fn = func(text string, _ float32, _ fyne.TextStyle) fyne.Size {
		return fyne.NewSize(float32(10*utf8.RuneCountInString(text)), 20)
	}
	return m
}

func lineTexts(text string, l paragraphLayout) []string {
	var out []string
	for _, ln := range l.Lines {
		out = append(out, text[ln.Start:ln.End])
	}
	return out
}

func TestLayoutParagraphWraps(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float32
		want  []string
	}{
		{"fits", "one two", 100, []string{"one two"}},
		{"wraps at spaces", "one two three four", 100, []string{"one two ", "three four"}},
		{"spaces hang", "abcd     efgh", 40, []string{"abcd     ", "efgh"}},
		{"long word broken", "abcdefghij", 40, []string{"abcd", "efgh", "ij"}},
		{"dash breaks", "well-known fact", 60, []string{"well-", "known ", "fact"}},
		{"curly quotes count as runes", "“Hi,” she said", 60, []string{"“Hi,” ", "she ", "said"}},
		{"empty", "", 100, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lineTexts(tt.text, layoutParagraph(tt.text, nil, tt.width, fixedMeasurer()))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("lines = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLayoutKeepsEveryByteAndStyles(t *testing.T) {
	text := "He said “no” twice, then left."
	spans := []styledSpan{{Start: strings.Index(text, "“no”"), End: strings.Index(text, " twice"), Style: spanStyle{Underline: true, Background: "warning"}}}
	l := layoutParagraph(text, spans, 120, fixedMeasurer())
	var b strings.Builder
	for _, ln := range l.Lines {
		for _, f := range ln.Fragments {
			b.WriteString(text[f.Start:f.End])
			if f.Style.Underline != (text[f.Start:f.End] == "“no”") {
				t.Errorf("fragment %q underline = %v", text[f.Start:f.End], f.Style.Underline)
			}
		}
	}
	if b.String() != text {
		t.Errorf("fragments rebuild %q, want %q", b.String(), text)
	}
	// A style change inside a word is no place to wrap: "2019," stays whole.
	t2 := "abc 2019, ran"
	l2 := layoutParagraph(t2, []styledSpan{{Start: 4, End: 8, Style: spanStyle{Underline: true}}}, 80, fixedMeasurer())
	if got := lineTexts(t2, l2); strings.Join(got, "|") != "abc |2019, |ran" {
		t.Errorf("styled word wrapped as %q", got)
	}
	if l.Height() != float32(20*len(l.Lines)) {
		t.Errorf("height = %v for %d lines", l.Height(), len(l.Lines))
	}
}

func TestLayoutHitTesting(t *testing.T) {
	text := "one two three four" // lines: "one two " | "three four" at width 100
	m := fixedMeasurer()
	l := layoutParagraph(text, nil, 100, m)
	tests := []struct {
		name string
		x, y float32
		want int
	}{
		{"start", 0, 5, 0},
		{"rounds to nearest rune edge", 14, 5, 1},
		{"past the end of the first line stops before the wrap space", 95, 5, 7},
		{"second line", 12, 25, 9},
		{"below everything", 500, 500, len(text)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := l.offsetAt(text, tt.x, tt.y, m); got != tt.want {
				t.Errorf("offsetAt(%v,%v) = %d, want %d", tt.x, tt.y, got, tt.want)
			}
		})
	}
	if got := l.xOf(text, 9, m); got != 10 {
		t.Errorf("xOf(9) = %v, want 10", got)
	}
	if got := l.lineAt(8); got != 1 {
		t.Errorf("lineAt(8) = %d, want 1 (the wrap point starts the next line)", got)
	}
}

// TestLayoutBreaksALongWord lays out one 20,000-character word: every line
// fits the width, the lines follow on from each other at rune boundaries
// and rebuild the word exactly, and caret positions inside it map both
// ways.
func TestLayoutBreaksALongWord(t *testing.T) {
	word := strings.Repeat("abcdéfghij", 2000) // 20,000 runes, "é" two bytes
	const width, perLine = 400, 40             // fixedMeasurer: 10 per rune
	tests := []struct {
		name  string
		spans []styledSpan
	}{
		{"plain", nil},
		{"highlight inside the word", []styledSpan{{Start: 1000, End: 9000, Style: spanStyle{Underline: true, Background: "warning"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := fixedMeasurer()
			l := layoutParagraph(word, tt.spans, width, m)
			var b strings.Builder
			for i, ln := range l.Lines {
				if i > 0 && ln.Start != l.Lines[i-1].End {
					t.Fatalf("line %d starts at %d, the line before ends at %d", i, ln.Start, l.Lines[i-1].End)
				}
				if !utf8.RuneStart(word[min(ln.Start, len(word)-1)]) {
					t.Fatalf("line %d starts inside a rune at %d", i, ln.Start)
				}
				var w float32
				for _, f := range ln.Fragments {
					b.WriteString(word[f.Start:f.End])
					w = f.X + f.Width
				}
				if w > width {
					t.Errorf("line %d is %v wide, more than %v", i, w, float32(width))
				}
			}
			if b.String() != word {
				t.Fatalf("fragments rebuild %d bytes, want the word's %d", b.Len(), len(word))
			}
			if got, want := len(l.Lines), 20000/perLine; got != want {
				t.Errorf("%d lines, want %d", got, want)
			}
			for _, runes := range []int{0, 1, 39, 40, 41, 9999, 10005, 19999, 20000} {
				off := len(string([]rune(word)[:runes]))
				li, x := l.lineAt(off), l.xOf(word, off, m)
				if li != min(runes/perLine, len(l.Lines)-1) {
					t.Errorf("lineAt(rune %d) = %d, want %d", runes, li, runes/perLine)
				}
				wantX := float32(10 * (runes % perLine))
				if runes == 20000 {
					wantX = width // the end of the last line
				}
				if x != wantX {
					t.Errorf("xOf(rune %d) = %v, want %v", runes, x, wantX)
				}
				if got := l.offsetAt(word, x, float32(li)*l.LineHeight+l.LineHeight/2, m); got != off {
					t.Errorf("offsetAt(xOf(rune %d)) = %d, want %d", runes, got, off)
				}
			}
		})
	}
}
