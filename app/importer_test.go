package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportFolderAndFilesWithSummary(t *testing.T) {
	ws, _, _ := newTestWorkspace(t)
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "desk", "late"), 0o755))
	must(writeTestFile(filepath.Join(dir, "desk", "a.txt"), "Storm Nears Coast\nWinds rose."))
	must(writeTestFile(filepath.Join(dir, "desk", "late", "b.md"), "# Vote Delayed\n\nThe council\nwaited."))
	must(writeTestFile(filepath.Join(dir, "desk", "photo.jpg"), "\xff\xd8\xff\xe0"))
	must(writeTestFile(filepath.Join(dir, "desk", "broken.txt"), "\x00\x01\x02binary"))
	loose := filepath.Join(dir, "loose.txt")
	must(writeTestFile(loose, "Loose Copy\nText."))
	var steps []int
	sum := ws.importPaths([]string{filepath.Join(dir, "desk"), loose}, func(done, total int) { steps = append(steps, done) })
	if len(sum.Imported) != 3 || len(sum.Skipped) != 2 {
		t.Fatalf("imported %d, skipped %d:\n%s", len(sum.Imported), len(sum.Skipped), sum)
	}
	if len(steps) != 4 || steps[3] != 4 {
		t.Errorf("progress steps = %v, want 1..4", steps)
	}
	text := sum.String()
	for _, want := range []string{"Imported 3, skipped 2.", "“Vote Delayed”", "photo.jpg — not a file type", "broken.txt — "} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	ws.finishImport(sum)
	if len(ws.library.items) != 4 || ws.Text() != "Loose Copy\nText." {
		t.Errorf("library has %d articles; open text %q", len(ws.library.items), ws.Text())
	}
}
