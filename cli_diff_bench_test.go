package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkDiffCommand100k runs the whole `copydesk diff OLD NEW` command
// path (reading and decoding both files, the word diff, writing the text
// output) on two 100,000-word revisions of real news text, one word in
// twenty edited, as a user pays for it. Compare a whole process with
// `git diff --no-index --word-diff=porcelain` on the same files.
func BenchmarkDiffCommand100k(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "shared", "corpus", "polnear", "data", "train", "text", "*.txt"))
	if len(files) == 0 {
		b.Skip("shared corpus not available")
	}
	var words []string
	for _, path := range files {
		text, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		words = append(words, strings.Fields(string(text))...)
		if len(words) >= 100_000 {
			break
		}
	}
	words = words[:100_000]
	edited := append([]string(nil), words...)
	for i := 0; i < len(edited); i += 20 {
		edited[i] += "x"
	}
	paras := func(ws []string) string {
		var b strings.Builder
		b.WriteString("Hed\n")
		for i := 0; i < len(ws); i += 80 {
			b.WriteString(strings.Join(ws[i:min(i+80, len(ws))], " "))
			b.WriteByte('\n')
		}
		return b.String()
	}
	dir := b.TempDir()
	oldPath, newPath := filepath.Join(dir, "old.txt"), filepath.Join(dir, "new.txt")
	if err := os.WriteFile(oldPath, []byte(paras(words)), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(newPath, []byte(paras(edited)), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if code := run(context.Background(), []string{"diff", oldPath, newPath}, io.Discard, io.Discard); code > 1 {
			b.Fatalf("exit %d", code)
		}
	}
}
