package pdf

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func testFonts(t testing.TB, system bool) *Fonts {
	t.Helper()
	reg, err := os.ReadFile("../report/fonts/DejaVuSans.ttf")
	if err != nil {
		t.Fatal(err)
	}
	bold, err := os.ReadFile("../report/fonts/DejaVuSans-Bold.ttf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := NewFonts(FontOptions{Family: "DejaVu Sans", Regular: reg, Bold: bold, NoSystemFonts: !system})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestLayoutBreaksLines sets a paragraph narrower than its text: it
// takes several lines, none wider than the column, and a word longer
// than the line is broken inside.
func TestLayoutBreaksLines(t *testing.T) {
	d := New(testFonts(t, false))
	tests := []struct {
		name      string
		text      string
		width     float64
		wantLines int // at least
	}{
		{"words", strings.Repeat("The council said the works would end by Easter. ", 10), 80, 6},
		{"one long word", strings.Repeat("x", 400), 80, 4},
		{"right to left", strings.Repeat("אמר השר היום ", 20), 60, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := d.Layout([]Span{{Text: tt.text, Style: Style{Size: 10}}}, tt.width, 5)
			if b.Lines() < tt.wantLines {
				t.Errorf("%d lines, want at least %d", b.Lines(), tt.wantLines)
			}
			if w := b.Width(); w > tt.width+0.01 {
				t.Errorf("widest line %.2f mm, column %.2f mm", w, tt.width)
			}
		})
	}
}

// TestPagesFlow draws more lines than a page holds: the text runs onto
// new pages between the margins, each with its header.
func TestPagesFlow(t *testing.T) {
	d := New(testFonts(t, false))
	d.Top, d.Bottom = 20, 20
	headers := 0
	d.Header = func(*Doc) { headers++ }
	d.AddPage()
	b := d.Layout([]Span{{Text: strings.Repeat("A line of copy that wraps across the column. ", 400), Style: Style{Size: 10}}}, 170, 5)
	d.Draw(b, 20, 170)
	usable := PageHeight - 40
	perPage := int(usable / 5)
	if want := (b.Lines() + perPage - 1) / perPage; d.Pages() != want {
		t.Errorf("%d lines set on %d pages, want %d", b.Lines(), d.Pages(), want)
	}
	if headers != d.Pages() {
		t.Errorf("%d headers for %d pages", headers, d.Pages())
	}
	var out bytes.Buffer
	if err := d.Write(&out); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out.Bytes(), []byte("%PDF-1.7")) || !bytes.HasSuffix(out.Bytes(), []byte("%%EOF\n")) {
		t.Errorf("output is not a complete PDF file")
	}
}

// FuzzLayout sets any text, with both fonts and the installed ones:
// nothing panics and a PDF comes out.
func FuzzLayout(f *testing.F) {
	for _, s := range []string{"", "plain", "قال «سنبني» 12", "a\u202eb\u202cc", "\u0301\u0301", "😀👍🏽🇫🇷", "न्ह", "\x00\uFFFD", "东京 ㅎ"} {
		f.Add(s, false)
	}
	fonts := testFonts(f, true)
	f.Fuzz(func(t *testing.T, s string, bold bool) {
		d := New(fonts)
		d.Top, d.Bottom = 20, 20
		d.AddPage()
		b := d.Layout([]Span{{Text: s, Style: Style{Size: 10}}, {Text: s, Style: Style{Size: 12, Bold: bold}}}, 50, 5)
		d.Draw(b, 20, 50)
		var out bytes.Buffer
		if err := d.Write(&out); err != nil {
			t.Fatalf("Write: %v", err)
		}
	})
}
