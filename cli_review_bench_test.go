package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusParagraphs returns the paragraphs of the shared PolNeAR training
// articles, skipping the benchmark when the corpus is absent.
func corpusParagraphs(b *testing.B) []string {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "shared", "corpus", "polnear", "data", "train", "text", "*.txt"))
	if len(files) == 0 {
		b.Skip("shared corpus not available")
	}
	var paras []string
	for _, path := range files {
		text, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range strings.Split(string(text), "\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
	}
	return paras
}

// shuffledParagraphs deals paragraphs in a shuffled order, reshuffling
// after each pass, until they hold at least words words.
func shuffledParagraphs(paras []string, words int, rng *rand.Rand) []string {
	var out []string
	for n := 0; n < words; {
		deck := append([]string(nil), paras...)
		rng.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
		for _, p := range deck {
			out = append(out, p)
			if n += len(strings.Fields(p)); n >= words {
				break
			}
		}
	}
	return out
}

// editedParagraphs returns a copy of paras with one word changed in about
// the given share of them: the small differences between an article, its
// notes and its previous revision.
func editedParagraphs(paras []string, share float64, rng *rand.Rand) []string {
	out := make([]string, len(paras))
	for i, p := range paras {
		ws := strings.Split(p, " ")
		if len(ws) > 4 && rng.Float64() < share {
			k := rng.IntN(len(ws))
			ws[k] += "x"
		}
		out[i] = strings.Join(ws, " ")
	}
	return out
}

// reviewFiles writes a draft of about words words of real news paragraphs,
// two sources (its notes, one word in five paragraphs changed, and another
// wire story as long) and its previous revision (one word in ten
// paragraphs changed), and returns their paths.
func reviewFiles(b *testing.B, words int) (draft, notes, wire, previous string) {
	b.Helper()
	paras := corpusParagraphs(b)
	rng := rand.New(rand.NewPCG(1, uint64(words)))
	body := shuffledParagraphs(paras, words, rng)
	dir := b.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		return path
	}
	const hed = "Lawmakers Trade Blame as Budget Talks Stall\n"
	draft = write("draft.txt", hed+strings.Join(body, "\n\n")+"\n")
	notes = write("notes.txt", strings.Join(editedParagraphs(body, 0.2, rng), "\n\n")+"\n")
	wire = write("wire.txt", strings.Join(shuffledParagraphs(paras, words, rng), "\n\n")+"\n")
	previous = write("previous.txt", hed+strings.Join(editedParagraphs(body, 0.1, rng), "\n\n")+"\n")
	return draft, notes, wire, previous
}

// BenchmarkCheckCommandSources runs the whole `copydesk check --source
// NOTES --source WIRE --previous PREVIOUS DRAFT --format json` command path
// (reading the files, the review with every check, writing the JSON) on
// drafts of real news paragraphs of 100,000 and 1,000,000 words with
// sources as long. Target: the 1M-word time at most ten times the
// 100k-word time (review linear in length).
func BenchmarkCheckCommandSources(b *testing.B) {
	for _, words := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("%dk", words/1000), func(b *testing.B) {
			if words > 100_000 && testing.Short() {
				b.Skip("1M words: not in -short")
			}
			draft, notes, wire, previous := reviewFiles(b, words)
			args := []string{"check", "--format", "json", "--source", notes, "--source", wire, "--previous", previous, draft}
			b.ReportAllocs()
			for b.Loop() {
				if code := run(context.Background(), args, io.Discard, io.Discard); code > 1 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
