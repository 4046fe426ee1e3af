package source

import (
	"testing"
	"unicode/utf8"
)

// FuzzVerifyQuote checks the source matcher on arbitrary quotations and
// sources: no panics, and every passage span, word change and drift
// finding lies within its text on rune boundaries. (FuzzReview in the
// review package runs the whole review on such quotations.)
func FuzzVerifyQuote(f *testing.F) {
	f.Add("We have had no serious delays.", "MARSH:\nWe have had no major delays. The crews are working two shifts.")
	f.Add("[It] protects … every teacher", "The plan is balanced. It protects every classroom teacher.")
	f.Add("...", "…")
	f.Add("U.S. 06:00 70% $4.2 million", "The U.S. said at 0600 that 70 percent of $4.2m was spent.")
	f.Add("not un[", "Q: not\xffunhappy ]]")
	f.Fuzz(func(t *testing.T, quote, source string) {
		ix := NewIndex([]Text{{Title: "s", Text: source}})
		text := ix.Sources()[0].Text
		m := ix.VerifyQuote(quote)
		if m.Source >= 0 {
			if err := m.Span.Check(text); err != nil {
				t.Fatalf("passage span: %v", err)
			}
		}
		if m.Similarity < 0 || m.Similarity > 1 {
			t.Fatalf("similarity %v", m.Similarity)
		}
		if !utf8.ValidString(quote) || !utf8.ValidString(source) {
			return // documents are decoded to UTF-8 before they get here
		}
		for _, c := range CompareWords(source, quote) {
			if err := c.A.Check(source); err != nil {
				t.Fatalf("change in source: %v", err)
			}
			if err := c.B.Check(quote); err != nil {
				t.Fatalf("change in quote: %v", err)
			}
		}
		for _, fd := range DriftBetween(source, quote) {
			if err := fd.Span.Check(quote); err != nil {
				t.Fatalf("drift span: %v", err)
			}
		}
	})
}
