package editor

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestBufferReplace(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		from, to   Pos
		insert     string
		want       string
		wantCaret  Pos
		wantChange Change
	}{
		{"type in a paragraph", "Hed\nGraf", Pos{1, 4}, Pos{1, 4}, "s", "Hed\nGrafs", Pos{1, 5}, Change{1, 1, 1}},
		{"split a paragraph", "Hed\nOne two", Pos{1, 3}, Pos{1, 4}, "\n", "Hed\nOne\ntwo", Pos{2, 0}, Change{1, 1, 2}},
		{"join paragraphs", "Hed\nOne\ntwo", Pos{1, 3}, Pos{2, 0}, "", "Hed\nOnetwo", Pos{1, 3}, Change{1, 2, 1}},
		{"replace across paragraphs", "a\nb\nc\nd", Pos{0, 1}, Pos{2, 1}, "X\nY", "aX\nY\nd", Pos{1, 1}, Change{0, 3, 2}},
		{"reversed range", "abc", Pos{0, 3}, Pos{0, 1}, "", "a", Pos{0, 1}, Change{0, 1, 1}},
		{"clamps inside a rune", "“q”", Pos{0, 1}, Pos{0, 1}, "x", "x“q”", Pos{0, 1}, Change{0, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBuffer(tt.text)
			caret, ch := b.Replace(tt.from, tt.to, tt.insert, EditOther)
			if got := b.Text(); got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
			if caret != tt.wantCaret || ch != tt.wantChange {
				t.Errorf("caret %v change %+v, want %v %+v", caret, ch, tt.wantCaret, tt.wantChange)
			}
			if b.Len() != len(tt.want) {
				t.Errorf("Len = %d, want %d", b.Len(), len(tt.want))
			}
		})
	}
}

func TestBufferUndoGroupsTyping(t *testing.T) {
	b := NewBuffer("Hed\n")
	caret := Pos{1, 0}
	for _, r := range "He said no" {
		caret, _ = b.Replace(caret, caret, string(r), EditTyping)
	}
	if b.Text() != "Hed\nHe said no" {
		t.Fatalf("typed %q", b.Text())
	}
	var steps []string
	for b.CanUndo() {
		b.Undo()
		steps = append(steps, b.Text())
	}
	want := []string{"Hed\nHe said ", "Hed\nHe ", "Hed\n"}
	if strings.Join(steps, "|") != strings.Join(want, "|") {
		t.Errorf("undo steps = %q, want a word at a time %q", steps, want)
	}
	for b.CanRedo() {
		b.Redo()
	}
	if b.Text() != "Hed\nHe said no" {
		t.Errorf("redo all = %q", b.Text())
	}
}

func TestBufferUndoGroupsBackspace(t *testing.T) {
	b := NewBuffer("abcdef")
	caret := Pos{0, 6}
	for i := 0; i < 3; i++ {
		prev := b.Clamp(Pos{0, caret.Off - 1})
		caret, _ = b.Replace(prev, caret, "", EditDeleting)
	}
	if b.Text() != "abc" {
		t.Fatalf("after 3 backspaces: %q", b.Text())
	}
	c, _, ok := b.Undo()
	if !ok || b.Text() != "abcdef" || c != (Pos{0, 6}) {
		t.Errorf("one undo = %q caret %v, want abcdef with the caret at the end", b.Text(), c)
	}
	b.Replace(Pos{0, 0}, Pos{0, 0}, "x", EditOther)
	if b.CanRedo() {
		t.Error("a new edit kept the redo history")
	}
}

func TestBufferOffsets(t *testing.T) {
	b := NewBuffer("Hed\n“Quote”\n\nEnd")
	for off := 0; off <= b.Len(); off++ {
		p := b.PosAt(off)
		text := b.Text()
		if !utf8.RuneStart(text[min(off, len(text)-1)]) && off < len(text) {
			continue // PosAt moves back to the rune start
		}
		if got := b.Offset(p); got != off {
			t.Errorf("Offset(PosAt(%d)) = %d (pos %v)", off, got, p)
		}
	}
	if got := b.Slice(Pos{1, 0}, Pos{3, 1}); got != "“Quote”\n\nE" {
		t.Errorf("Slice = %q", got)
	}
}

// FuzzBufferUndo applies random edits, then checks the text matches a
// plain string model, and that undoing everything restores the original
// and redoing everything restores the result.
func FuzzBufferUndo(f *testing.F) {
	f.Add("Hed\nOne “two” three.\n\nFour", uint64(1), 20)
	f.Add("", uint64(7), 5)
	f.Add("é\n\n”", uint64(3), 40)
	f.Fuzz(func(t *testing.T, text string, seed uint64, n int) {
		if !utf8.ValidString(text) || n < 0 || n > 200 {
			return
		}
		rng := rand.New(rand.NewPCG(seed, 99))
		b := NewBuffer(text)
		model := text
		inserts := []string{"", "x", " ", "\n", "“é”", "ab\ncd", "—"}
		kinds := []EditKind{EditOther, EditTyping, EditDeleting}
		for range n {
			from := b.PosAt(rng.IntN(b.Len() + 1))
			to := b.PosAt(rng.IntN(b.Len() + 1))
			ins := inserts[rng.IntN(len(inserts))]
			lo, hi := b.Offset(from), b.Offset(to)
			if hi < lo {
				lo, hi = hi, lo
			}
			model = model[:lo] + ins + model[hi:]
			b.Replace(from, to, ins, kinds[rng.IntN(len(kinds))])
			if b.Text() != model || b.Len() != len(model) {
				t.Fatalf("buffer %q (len %d), model %q", b.Text(), b.Len(), model)
			}
		}
		for b.CanUndo() {
			b.Undo()
		}
		if b.Text() != text {
			t.Fatalf("undo all = %q, want %q", b.Text(), text)
		}
		for b.CanRedo() {
			b.Redo()
		}
		if b.Text() != model {
			t.Fatalf("redo all = %q, want %q", b.Text(), model)
		}
	})
}

func TestBufferCaretMotion(t *testing.T) {
	b := NewBuffer("Rutte’s plan, they said.\nNext day")
	tests := []struct {
		name string
		move func(Pos) Pos
		from Pos
		want Pos
	}{
		{"word left inside a word", b.WordLeft, Pos{0, 4}, Pos{0, 0}},
		{"word left over an apostrophe word", b.WordLeft, Pos{0, 10}, Pos{0, 0}},
		{"word left skips punctuation", b.WordLeft, Pos{0, 15}, Pos{0, 10}},
		{"word left at a paragraph start", b.WordLeft, Pos{1, 0}, Pos{0, 26}},
		{"word right to the end of a word", b.WordRight, Pos{0, 0}, Pos{0, 9}},
		{"word right skips punctuation", b.WordRight, Pos{0, 14}, Pos{0, 20}},
		{"word right at a paragraph end", b.WordRight, Pos{0, 26}, Pos{1, 0}},
		{"word right at the end of the text", b.WordRight, Pos{1, 8}, Pos{1, 8}},
		{"char left over a curly apostrophe", b.CharLeft, Pos{0, 8}, Pos{0, 5}},
		{"char left at the start of the text", b.CharLeft, Pos{0, 0}, Pos{0, 0}},
		{"char right across paragraphs", b.CharRight, Pos{0, 26}, Pos{1, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.move(tc.from); got != tc.want {
				t.Errorf("from %v: got %v, want %v", tc.from, got, tc.want)
			}
		})
	}
}
