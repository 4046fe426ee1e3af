package quote

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzAnalyze feeds arbitrary text to the analyser: it must not panic and
// every span must lie within the text on rune boundaries. (FuzzReview in
// the review package runs the checks on the same kind of input.)
func FuzzAnalyze(f *testing.F) {
	seeds := []string{
		"",
		"Hed\n“Quote,” he said.",
		"‘Not Concerned’ Hed\n\"unbalanced\n“multi\n“para,” she said.",
		"Hed\nRock ’n’ roll ’90s Rutte’s candidates’ ‘x ’ '' `` '\n\n\n”",
		"Hed\nMr. J. R. Hale of U.S. Inc., a firm, said that, according to officials, “it is 3.5.”",
		"\xff\xfe“\xe2\x80",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	if files, err := filepath.Glob(filepath.Join("testdata", "quotes", "*.txt")); err == nil {
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b))
			}
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := Analyze(text)
		checkSpans(t, doc)
		if _, err := SheetJSON(doc); err != nil {
			t.Fatal(err)
		}
	})
}
