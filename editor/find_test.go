package editor

import (
	"testing"
	"unicode/utf8"
)

func TestFindAll(t *testing.T) {
	tests := []struct {
		name, text, query string
		matchCase         bool
		want              []Span
	}{
		{"ignores case", "Said he. SAID she. said.", "said", false, []Span{{0, 4}, {9, 13}, {19, 23}}},
		{"matches case", "Said he. SAID she. said.", "said", true, []Span{{19, 23}}},
		{"no overlap", "aaaa", "aa", false, []Span{{0, 2}, {2, 4}}},
		{"accents", "ÉTÉ and été", "été", false, []Span{{0, 5}, {10, 15}}},
		{"curly quotes", "“No,” he said. “No.”", "“no", false, []Span{{0, 5}, {19, 24}}},
		{"empty query", "text", "", false, nil},
		{"not found", "text", "xyz", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindAll(tt.text, tt.query, tt.matchCase)
			if len(got) != len(tt.want) {
				t.Fatalf("FindAll = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("match %d = %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func FuzzFindAll(f *testing.F) {
	f.Add("Said “he” said", "SAID", false)
	f.Add("İstanbul ıi", "i", false)
	f.Add("\xff\xfeab", "AB", false)
	f.Fuzz(func(t *testing.T, text, query string, matchCase bool) {
		prev := 0
		for _, s := range FindAll(text, query, matchCase) {
			if err := s.Check(text); err != nil && utf8.ValidString(text) {
				t.Fatalf("span %v: %v", s, err)
			}
			if s.Start < prev || s.End <= s.Start {
				t.Fatalf("spans out of order or empty: %v after %d", s, prev)
			}
			prev = s.End
		}
	})
}
