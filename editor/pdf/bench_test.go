package pdf

import (
	"io"
	"strings"
	"testing"

	"copydesk/editor/internal/newstest"
)

// BenchmarkSet100k sets a 100,000-word article as a PDF, paragraph by
// paragraph, as the review record sets its text: layout, page breaks,
// font subsetting and the file written.
func BenchmarkSet100k(b *testing.B) {
	fonts := testFonts(b, true)
	paras := strings.Split(newstest.Article(100_000), "\n")
	b.ResetTimer()
	for b.Loop() {
		d := New(fonts)
		d.Top, d.Bottom = 22, 18
		d.AddPage()
		for _, p := range paras {
			d.Draw(d.Layout([]Span{{Text: p, Style: Style{Size: 10}}}, 174, 5), 18, 174)
			d.Space(2)
		}
		if err := d.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
