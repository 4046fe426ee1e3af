package diff

import (
	"testing"
)

// FuzzWordDiff diffs arbitrary pairs of texts: the diff must rebuild both
// exactly, Apply must give New for all changes and Old for none, and any
// subset must give valid, stable text.
func FuzzWordDiff(f *testing.F) {
	seeds := [][2]string{
		{"", ""},
		{"The quick brown fox jumps.", "The slow red fox jumps."},
		{"Hed\nOne.\nTwo.", "Hed\nTwo.\nOne."},
		{"Hed\nA b. C d.", "Hed\nA b.\nC d."},
		{"He said “no” — twice…", "He said \"no\" - twice..."},
		{"a\n\n\nb", "a\nb\n"},
		{"我们今天开会 🇫🇷 cafe\u0301", "我们明天开会 🇩🇪 café"},
		{"x  y\t z", "x y z "},
		{"\xff\xfe“\xe2\x80", "\xe2\x80“"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, old, new string) {
		d := Words(old, new, Options{})
		checkDiff(t, d)
		checkSubsets(t, d, uint64(len(old)*31+len(new)))
		for _, c := range d.Changes {
			if c.Kind != ChangeMove && (c.Old.Start < 0 || c.New.Start < 0) {
				t.Fatalf("bad change %+v", c)
			}
		}
	})
}
