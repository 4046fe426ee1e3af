package app

import (
	"testing"

	"fyne.io/fyne/v2/widget"
)

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
