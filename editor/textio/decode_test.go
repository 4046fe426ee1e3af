package textio

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestDecode(t *testing.T) {
	const want = "“Not worried,” he said — it’s fine.\nSecond graf."
	cp1252, err := charmap.Windows1252.NewEncoder().String(want)
	if err != nil {
		t.Fatal(err)
	}
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(want)
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(want)
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantEnc Encoding
	}{
		{"utf8", []byte(want), want, UTF8},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, want...), want, UTF8BOM},
		{"utf16le bom", []byte(utf16le), want, UTF16LE},
		{"utf16be bom", []byte(utf16be), want, UTF16BE},
		{"windows-1252 smart quotes", []byte(cp1252), want, Windows1252},
		{"crlf", []byte("a\r\nb\r\n"), "a\nb\n", UTF8},
		{"lone cr", []byte("a\rb"), "a\nb", UTF8},
		{"empty", nil, "", UTF8},
		{"tabs and form feed are text", []byte("a\tb\fc"), "a\tb\fc", UTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.in)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got != tt.want || enc != tt.wantEnc {
				t.Errorf("Decode = %q (%s), want %q (%s)", got, enc, tt.want, tt.wantEnc)
			}
		})
	}
}

func TestDecodeRefuses(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	tests := []struct {
		name    string
		in      []byte
		wantErr error
	}{
		{"nul bytes", png, ErrBinary},
		{"utf16 without bom", []byte("h\x00i\x00"), ErrBinary},
		{"control characters", []byte(strings.Repeat("ab\x01\x02\x03", 10)), ErrBinary},
		{"undefined in 1252", []byte("caf\x81\xe9"), nil},
		{"bad utf8 after bom", []byte("\xEF\xBB\xBFab\xff"), nil},
		{"odd utf16", []byte("\xFF\xFEa"), nil},
		{"too large", bytes.Repeat([]byte("a"), MaxBytes+1), ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := Decode(tt.in)
			if err == nil {
				t.Fatalf("Decode = %q, want an error", got)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "draft.txt")
	if err := os.WriteFile(path, []byte("Hed\r\nGraf"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, enc, err := ReadFile(path)
	if err != nil || got != "Hed\nGraf" || enc != UTF8 {
		t.Errorf("ReadFile = %q, %s, %v", got, enc, err)
	}
	if _, _, err := ReadFile(dir); err == nil {
		t.Error("ReadFile(folder) succeeded, want an error")
	}
	if _, _, err := ReadFile(filepath.Join(dir, "missing.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadFile(missing) = %v, want ErrNotExist", err)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	for _, content := range []string{"first", "second, longer"} {
		if err := WriteFileAtomic(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != content {
			t.Errorf("after write: %q, %v; want %q", got, err, content)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the file (no temp files left)", len(entries))
	}
	if err := WriteFileAtomic(filepath.Join(dir, "no", "such", "dir.txt"), []byte("x"), 0o644); err == nil {
		t.Error("write into a missing folder succeeded")
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("plain"))
	f.Add([]byte("\xEF\xBB\xBFbom"))
	f.Add([]byte("\xFF\xFEh\x00i\x00"))
	f.Add([]byte("caf\xe9 \x93quoted\x94\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, _, err := Decode(b)
		if err != nil {
			return
		}
		if strings.ContainsRune(s, '\r') {
			t.Errorf("decoded text keeps a CR: %q", s)
		}
		if !strings.ContainsRune(string(b), '\r') && len(b) > 0 && !bytes.HasPrefix(b, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(b, []byte{0xFE, 0xFF}) && !bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) && s == "" {
			t.Errorf("non-empty input %q decoded to nothing", b)
		}
	})
}
