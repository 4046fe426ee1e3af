package app

import (
	"testing"

	"fyne.io/fyne/v2/widget"
)

func TestRuneOffset(t *testing.T) {
	const text = "Hed’s\n“Quote” here"
	tests := []struct {
		name string
		off  int
		want int
	}{
		{"start", 0, 0},
		{"after curly apostrophe", len("Hed’"), 4},
		{"inside a rune counts as its start", len("Hed") + 1, 3},
		{"after the newline", len("Hed’s\n"), 6},
		{"end", len(text), 18},
		{"past end clamps", len(text) + 10, 18},
		{"negative clamps", -3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := runeOffset(text, tt.off); got != tt.want {
				t.Errorf("runeOffset(%d) = %d, want %d", tt.off, got, tt.want)
			}
		})
	}
}

func TestSlugFileName(t *testing.T) {
	for in, want := range map[string]string{
		"Harbor Chief Says Dredging Will Be ‘Finished’": "harbor-chief-says-dredging-will-be-finished",
		"  ":          "article",
		"Café — 2026": "café-2026",
	} {
		if got := slugFileName(in); got != want {
			t.Errorf("slugFileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func widgetCell(row, col int) widget.TableCellID { return widget.TableCellID{Row: row, Col: col} }
