package pdf

import "testing"

// TestIsolatesDrawNothing sets text with bidi isolates and marks: they
// order the text and take no room; none draws as a box.
func TestIsolatesDrawNothing(t *testing.T) {
	d := New(testFonts(t, false))
	text := "Named \u2067אמר השר\u2069 and \u2066abc\u2069, \u2068x\u2069 \u200fok\u200e \u202bנ\u202c."
	b := d.Layout([]Span{{Text: text, Style: Style{Size: 10}}}, 170, 5)
	for _, l := range b.lines {
		for _, r := range l.runs {
			for _, g := range r.glyphs {
				if g.id == 0 {
					t.Errorf("cluster %q draws as a missing-glyph box", string(r.chars(g)))
				}
			}
		}
	}
	if m := d.Missing(); len(m) > 0 {
		t.Errorf("Missing = %q, want none", m)
	}
}
