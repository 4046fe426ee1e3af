package convert

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"copydesk/editor/docx"
	"copydesk/editor/textio"
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
	write(t, filepath.Join(dir, "d.html"), "<html><head><title>Site</title><script>x()</script></head><body><nav>Menu</nav><article><h1>Storm Hits</h1><p>Winds &amp; rain, officials said.</p></article></body></html>")
	write(t, filepath.Join(dir, "e.docx"), "not a zip at all")
	var buf bytes.Buffer
	if err := docx.Write(&buf, "Hed\n“Quote,” she said.", docx.Meta{}); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "f.docx"), buf.String())
	tests := []struct {
		name, file, want, notice string
		wantErr                  error
	}{
		{"windows-1252 text", "a.txt", "Hed\n“Quote,” she said.", "Windows-1252", nil},
		{"markdown by extension, any case", "b.MD", "Hed\nOne graf.", "", nil},
		{"unsupported", "c.pdf", "", "", ErrUnsupported},
		{"web page body", "d.html", "Storm Hits\nWinds & rain, officials said.", "", nil},
		{"word document", "f.docx", "Hed\n“Quote,” she said.", "", nil},
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

func TestImportRefusesABrokenWordFile(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "e.docx"), "not a zip at all")
	if _, err := Import(filepath.Join(dir, "e.docx")); err == nil || !strings.Contains(err.Error(), "e.docx") {
		t.Errorf("broken .docx: %v", err)
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

// TestRead reads what commands are handed: the formats Import reads, by
// their names, and any other file as text unless it starts like a Word
// file.
func TestRead(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := docx.Write(&buf, "Hed\nGraf.", docx.Meta{}); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "draft.docx"), buf.String())
	write(t, filepath.Join(dir, "draft"), buf.String())
	write(t, filepath.Join(dir, "notes.log"), "Hed\r\nGraf.")
	write(t, filepath.Join(dir, "page.htm"), "<html><body><article><h1>Hed</h1><p>Graf.</p></article></body></html>")
	write(t, filepath.Join(dir, "old.doc"), string(append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)))
	write(t, filepath.Join(dir, "photo"), "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00")
	for _, tt := range []struct {
		file, want string
		wantErr    error
	}{
		{"draft.docx", "Hed\nGraf.", nil},
		{"draft", "Hed\nGraf.", nil},
		{"notes.log", "Hed\nGraf.", nil},
		{"page.htm", "Hed\nGraf.", nil},
		{"old.doc", "", docx.ErrLegacyDoc},
		{"photo", "", textio.ErrBinary},
	} {
		t.Run(tt.file, func(t *testing.T) {
			im, err := Read(filepath.Join(dir, tt.file))
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || im.Text != tt.want {
				t.Fatalf("Read = %q, %v; want %q", im.Text, err, tt.want)
			}
		})
	}
}
