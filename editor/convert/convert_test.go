package convert

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestImport(t *testing.T) {
	dir := t.TempDir()
	cp1252, _ := charmap.Windows1252.NewEncoder().String("Hed\r\n“Quote,” she said.")
	write(t, filepath.Join(dir, "a.txt"), cp1252)
	write(t, filepath.Join(dir, "b.MD"), "# Hed\n\nOne\ngraf.")
	write(t, filepath.Join(dir, "c.pdf"), "%PDF-1.4")
	tests := []struct {
		name, file, want, notice string
		wantErr                  error
	}{
		{"windows-1252 text", "a.txt", "Hed\n“Quote,” she said.", "Windows-1252", nil},
		{"markdown by extension, any case", "b.MD", "Hed\nOne graf.", "", nil},
		{"unsupported", "c.pdf", "", "", ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im, err := Import(filepath.Join(dir, tt.file))
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || im.Text != tt.want {
				t.Fatalf("Import = %q, %v; want %q", im.Text, err, tt.want)
			}
			if got := strings.Join(im.Notices, "; "); !strings.Contains(got, tt.notice) {
				t.Errorf("notices %q lack %q", got, tt.notice)
			}
		})
	}
}

func TestImportFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "one.txt"), "x")
	write(t, filepath.Join(dir, "sub", "two.md"), "y")
	write(t, filepath.Join(dir, "photo.jpg"), "z")
	write(t, filepath.Join(dir, ".hidden", "three.txt"), "w")
	files, skipped, err := ImportFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || !strings.HasSuffix(files[0], "one.txt") || !strings.HasSuffix(files[1], filepath.Join("sub", "two.md")) {
		t.Errorf("files = %q", files)
	}
	if len(skipped) != 1 || skipped[filepath.Join(dir, "photo.jpg")] == "" {
		t.Errorf("skipped = %v", skipped)
	}
}
