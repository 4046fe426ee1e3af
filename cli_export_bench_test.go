package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkExportReportPDF runs the whole `copydesk export --format
// report-pdf` command path (open the desk, review the revision, set and
// write the record): on the bundled sample, and on a 2,000-word article
// that quotes in Arabic, Hebrew, Chinese, Korean and Hindi and carries
// emoji, so the fallback fonts, shaping and bidi are all paid for.
func BenchmarkExportReportPDF(b *testing.B) {
	sample, err := os.ReadFile(filepath.Join("assets", "sample-article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("sample", func(b *testing.B) { benchmarkExportPDF(b, string(sample)) })
	b.Run("scripts", func(b *testing.B) { benchmarkExportPDF(b, scriptsArticle()) })
}

func scriptsArticle() string {
	var text strings.Builder
	text.WriteString("Voices from the border\n")
	para := "“We will rebuild the schools,” the minister said on Tuesday, adding that the work would take two years. "
	scripts := []string{"قال الوزير «سنبني المدارس» أمس.", "אמר השר ״נבנה״ היום.", "他说：“我们会赢。”", "그는 “안녕하세요”라고 말했다.", "उन्होंने कहा, “नमस्ते दुनिया”।", "Fans cheered 🎉 👍🏽."}
	for i := range 100 {
		text.WriteString(para + scripts[i%len(scripts)] + "\n")
	}
	return text.String()
}

func benchmarkExportPDF(b *testing.B, text string) {
	dir := b.TempDir()
	src := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
	desk := filepath.Join(dir, "desk.db")
	if code := run(context.Background(), []string{"import", "--db", desk, src}, io.Discard, io.Discard); code != 0 {
		b.Fatalf("import: exit %d", code)
	}
	out := filepath.Join(dir, "record.pdf")
	for b.Loop() {
		if code := run(context.Background(), []string{"export", "--db", desk, "--format", "report-pdf", "--out", out, "1"}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("export: exit %d", code)
		}
	}
}
