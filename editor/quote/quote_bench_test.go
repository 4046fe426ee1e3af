package quote

import (
	"testing"

	"copydesk/editor/internal/newstest"
)

func benchmarkQuoteSheet(b *testing.B, words int) {
	text := newstest.Article(words)
	reg, err := NewRegistry(DefaultChecks()...)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		doc := Analyze(text)
		reg.Run(doc)
	}
}

func BenchmarkQuoteSheet1k(b *testing.B)   { benchmarkQuoteSheet(b, 1_000) }
func BenchmarkQuoteSheet10k(b *testing.B)  { benchmarkQuoteSheet(b, 10_000) }
func BenchmarkQuoteSheet100k(b *testing.B) { benchmarkQuoteSheet(b, 100_000) }
