package review

import (
	"slices"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/internal/newstest"
	"copydesk/editor/source"
)

// reviewInputOfWords builds a draft of about n words and 2n words of
// sources: the draft's own text with some words changed (so that some
// quotations are misquoted and some sentences drift) and a second source
// with other names.
func reviewInputOfWords(n int) Input {
	draft := newstest.Article(n)
	paras := strings.Split(draft, "\n\n")
	for i := range paras {
		if i%7 == 3 {
			paras[i] = strings.NewReplacer("4.5", "5.4", "hard choices", "tough choices", "Thursday", "Friday", "would", "could").Replace(paras[i])
		}
	}
	notes := strings.Join(paras, "\n\n")
	other := strings.NewReplacer("Lindqvist", "Berg", "Moreno", "Castillo", "Achebe", "Okonkwo", "Novak", "Horvat", "Tanaka", "Sato", "Brennan", "Walsh").Replace(newstest.Article(n))
	return Input{Text: draft, Sources: []source.Text{{Title: "notes", Text: notes}, {Title: "wire", Text: other}}}
}

func benchmarkReview(b *testing.B, words int) {
	in := reviewInputOfWords(words)
	b.SetBytes(int64(len(in.Text)))
	b.ResetTimer()
	for b.Loop() {
		Run(in)
	}
}

// BenchmarkReview10k is the whole review (quote sheet, attribution and
// source checks) of a 10,000-word draft against 20,000 words of sources.
// Target: 50 ms/op.
func BenchmarkReview10k(b *testing.B) { benchmarkReview(b, 10_000) }

// BenchmarkReviewWithPrevious10k adds the previous revision: the draft
// with a figure, a date and a modal changed in one paragraph in seven, so
// quote.altered and revision.fact-changed compare the two.
func BenchmarkReviewWithPrevious10k(b *testing.B) {
	in := reviewInputOfWords(10_000)
	paras := strings.Split(in.Text, "\n\n")
	for i := range paras {
		if i%7 == 5 {
			paras[i] = strings.NewReplacer("4.5", "4.6", "Thursday", "Wednesday", "would", "might").Replace(paras[i])
		}
	}
	in.Previous = strings.Join(paras, "\n\n")
	if r := Run(in); !slices.ContainsFunc(r.Findings, func(f editor.Finding) bool { return f.Check == editor.CheckFactChanged }) {
		b.Fatal("the benchmark's revisions raise no fact change")
	}
	b.SetBytes(int64(len(in.Text)))
	b.ResetTimer()
	for b.Loop() {
		Run(in)
	}
}
func BenchmarkReview1k(b *testing.B)   { benchmarkReview(b, 1_000) }
func BenchmarkReview100k(b *testing.B) { benchmarkReview(b, 100_000) }

// attributionChecks is the registry of the checks that read the draft
// alone: what the quote sheet and `copydesk check` without sources cost.
func attributionChecks(b *testing.B) *Registry {
	var cs []Check
	for _, c := range Checks() {
		if strings.HasPrefix(c.Name, "quote.") || strings.HasPrefix(c.Name, "style.") {
			if c.Name != editor.CheckMisquoted && c.Name != editor.CheckUnverified && c.Name != editor.CheckAltered {
				cs = append(cs, c)
			}
		}
	}
	reg, err := NewRegistry(cs...)
	if err != nil {
		b.Fatal(err)
	}
	return reg
}

// benchmarkQuoteSheet times the analysis of a draft (its quote sheet) and
// the attribution checks on it.
func benchmarkQuoteSheet(b *testing.B, words int) {
	text := newstest.Article(words)
	reg := attributionChecks(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		reg.Run(NewPass(Input{Text: text}))
	}
}

// BenchmarkQuoteSheet10k: target 10 ms/op.
func BenchmarkQuoteSheet1k(b *testing.B)   { benchmarkQuoteSheet(b, 1_000) }
func BenchmarkQuoteSheet10k(b *testing.B)  { benchmarkQuoteSheet(b, 10_000) }
func BenchmarkQuoteSheet100k(b *testing.B) { benchmarkQuoteSheet(b, 100_000) }
