package textio

import "testing"

func TestCleanControls(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		n        int
	}{
		{"Hed\nBody text.", "Hed\nBody text.", 0},
		{"Page one.\fPage two.", "Page one.\nPage two.", 1},
		{"bell\x07 and\x00 nul\x7f, C1\u0085 too\tand a tab", "bell and nul, C1 too\tand a tab", 4},
		{"Ünïcödé “quotes” — kept", "Ünïcödé “quotes” — kept", 0},
	} {
		got, n := CleanControls(tc.in)
		if got != tc.want || n != tc.n {
			t.Errorf("CleanControls(%q) = %q, %d; want %q, %d", tc.in, got, n, tc.want, tc.n)
		}
	}
}
