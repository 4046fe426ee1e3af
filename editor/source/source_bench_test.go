package source

import (
	"strings"
	"testing"

	"copydesk/editor/internal/newstest"
)

// reviewInputOfWords builds a draft of about n words and 2n words of
// sources: the draft's own text with some words changed (so that some
// quotations are misquoted and some sentences drift) and a second source
// with other names.
func reviewInputOfWords(n int) ReviewInput {
	draft := newstest.Article(n)
	paras := strings.Split(draft, "\n\n")
	for i := range paras {
		if i%7 == 3 {
			paras[i] = strings.NewReplacer("4.5", "5.4", "hard choices", "tough choices", "Thursday", "Friday", "would", "could").Replace(paras[i])
		}
	}
	notes := strings.Join(paras, "\n\n")
	other := strings.NewReplacer("Lindqvist", "Berg", "Moreno", "Castillo", "Achebe", "Okonkwo", "Novak", "Horvat", "Tanaka", "Sato", "Brennan", "Walsh").Replace(newstest.Article(n))
	return ReviewInput{Text: draft, Sources: []SourceText{{Title: "notes", Text: notes}, {Title: "wire", Text: other}}}
}

func benchmarkReview(b *testing.B, words int) {
	in := reviewInputOfWords(words)
	b.SetBytes(int64(len(in.Text)))
	b.ResetTimer()
	for b.Loop() {
		Review(in)
	}
}

// BenchmarkReview10k is the whole review (quote sheet, attribution and
// source checks) of a 10,000-word draft against 20,000 words of sources.
// Target: 50 ms/op.
func BenchmarkReview10k(b *testing.B)  { benchmarkReview(b, 10_000) }
func BenchmarkReview1k(b *testing.B)   { benchmarkReview(b, 1_000) }
func BenchmarkReview100k(b *testing.B) { benchmarkReview(b, 100_000) }
