package app

import "testing"

func TestRowColumn(t *testing.T) {
	const text = "Hed’s\n“Quote” here\n\nlast"
	tests := []struct {
		name     string
		off      int
		row, col int
	}{
		{"start", 0, 0, 0},
		{"after curly apostrophe", len("Hed’"), 0, 4},
		{"inside a rune counts as its start", len("Hed") + 1, 0, 3},
		{"start of second line", len("Hed’s\n"), 1, 0},
		{"after curly quote", len("Hed’s\n“"), 1, 1},
		{"empty line", len("Hed’s\n“Quote” here\n"), 2, 0},
		{"end", len(text), 3, 4},
		{"past end clamps", len(text) + 10, 3, 4},
		{"negative clamps", -3, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row, col := rowColumn(text, tt.off)
			if row != tt.row || col != tt.col {
				t.Errorf("rowColumn(%d) = %d,%d, want %d,%d", tt.off, row, col, tt.row, tt.col)
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
