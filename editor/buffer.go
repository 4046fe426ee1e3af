package editor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pos is a position in a Buffer: a paragraph and a byte offset into it.
type Pos struct {
	Para, Off int
}

// Before reports whether p comes before q.
func (p Pos) Before(q Pos) bool {
	return p.Para < q.Para || p.Para == q.Para && p.Off < q.Off
}

// EditKind tells how an edit came about, so consecutive keystrokes undo
// together the way editors expect.
type EditKind int

// Kinds of edit.
const (
	EditOther    EditKind = iota // paste, replace, cut: always its own undo step
	EditTyping                   // typed characters: a word at a time
	EditDeleting                 // Backspace or Delete: a run at a time
)

// Change says which paragraphs an edit replaced: paragraphs [First,
// First+Removed) of the old text became [First, First+Added) of the new.
type Change struct {
	First, Removed, Added int
}

// bufferEdit is one undoable step: at offset At, the text Removed was
// replaced with Inserted.
type bufferEdit struct {
	At                int
	Removed, Inserted string
	Kind              EditKind
	Before, After     Pos // caret before and after
}

// Buffer is the text of an article being edited, held as paragraphs (the
// lines of the text) so an edit touches only the paragraphs it changes,
// with undo and redo across the whole document.
type Buffer struct {
	paras  []string
	starts []int // byte offset of each paragraph in Text; valid when !dirty
	dirty  bool
	size   int
	undo   []bufferEdit
	redo   []bufferEdit
}

// NewBuffer returns a buffer holding text.
func NewBuffer(text string) *Buffer {
	b := &Buffer{paras: strings.Split(text, "\n"), dirty: true, size: len(text)}
	return b
}

// Text returns the whole text, paragraphs joined by \n.
func (b *Buffer) Text() string { return strings.Join(b.paras, "\n") }

// Len returns the length of Text in bytes.
func (b *Buffer) Len() int { return b.size }

// Paragraphs returns how many paragraphs (lines) the text has; at least 1.
func (b *Buffer) Paragraphs() int { return len(b.paras) }

// Paragraph returns paragraph i without its line break.
func (b *Buffer) Paragraph(i int) string { return b.paras[i] }

func (b *Buffer) index() {
	if !b.dirty {
		return
	}
	if cap(b.starts) < len(b.paras) {
		b.starts = make([]int, len(b.paras))
	}
	b.starts = b.starts[:len(b.paras)]
	off := 0
	for i, p := range b.paras {
		b.starts[i] = off
		off += len(p) + 1
	}
	b.dirty = false
}

// ParagraphStart returns the byte offset in Text where paragraph i starts.
func (b *Buffer) ParagraphStart(i int) int {
	b.index()
	return b.starts[i]
}

// Offset converts a position to a byte offset in Text.
func (b *Buffer) Offset(p Pos) int {
	p = b.Clamp(p)
	return b.ParagraphStart(p.Para) + p.Off
}

// PosAt converts a byte offset in Text to a position; offsets are clamped
// and moved back to a rune boundary.
func (b *Buffer) PosAt(off int) Pos {
	b.index()
	if off < 0 {
		off = 0
	}
	if off > b.size {
		off = b.size
	}
	lo, hi := 0, len(b.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if b.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return b.Clamp(Pos{lo, off - b.starts[lo]})
}

// Clamp returns the nearest valid position: inside the text and on a rune
// boundary.
func (b *Buffer) Clamp(p Pos) Pos {
	if p.Para < 0 {
		return Pos{}
	}
	if p.Para >= len(b.paras) {
		last := len(b.paras) - 1
		return Pos{last, len(b.paras[last])}
	}
	s := b.paras[p.Para]
	if p.Off < 0 {
		p.Off = 0
	}
	if p.Off > len(s) {
		p.Off = len(s)
	}
	for p.Off > 0 && p.Off < len(s) && !utf8.RuneStart(s[p.Off]) {
		p.Off--
	}
	return p
}

// Slice returns the text between two positions, in either order.
func (b *Buffer) Slice(from, to Pos) string {
	from, to = order(b.Clamp(from), b.Clamp(to))
	if from.Para == to.Para {
		return b.paras[from.Para][from.Off:to.Off]
	}
	var s strings.Builder
	s.WriteString(b.paras[from.Para][from.Off:])
	for i := from.Para + 1; i < to.Para; i++ {
		s.WriteByte('\n')
		s.WriteString(b.paras[i])
	}
	s.WriteByte('\n')
	s.WriteString(b.paras[to.Para][:to.Off])
	return s.String()
}

func order(a, c Pos) (Pos, Pos) {
	if c.Before(a) {
		return c, a
	}
	return a, c
}

// Replace replaces the text between two positions with text (which may
// hold line breaks) and returns the caret after the inserted text and the
// paragraphs that changed. Consecutive typing or deleting merges into one
// undo step; any edit clears the redo history.
func (b *Buffer) Replace(from, to Pos, text string, kind EditKind) (Pos, Change) {
	from, to = order(b.Clamp(from), b.Clamp(to))
	// Undo puts the caret after the restored text: where it was before a
	// Backspace run or a typed word.
	e := bufferEdit{At: b.Offset(from), Removed: b.Slice(from, to), Inserted: text, Kind: kind, Before: to}
	caret, ch := b.apply(from, to, text)
	e.After = caret
	b.redo = b.redo[:0]
	if n := len(b.undo); n > 0 && b.merges(b.undo[n-1], e) {
		last := &b.undo[n-1]
		if kind == EditTyping {
			last.Inserted += e.Inserted
		} else if e.At+len(e.Removed) == last.At { // Backspace
			last.At = e.At
			last.Removed = e.Removed + last.Removed
		} else { // Delete
			last.Removed += e.Removed
		}
		last.After = e.After
	} else {
		b.undo = append(b.undo, e)
	}
	return caret, ch
}

// merges reports whether edit e continues prev as one undo step: typing
// straight on within a word, or deleting straight on.
func (b *Buffer) merges(prev, e bufferEdit) bool {
	if prev.Kind != e.Kind || e.Kind == EditOther {
		return false
	}
	switch e.Kind {
	case EditTyping:
		if e.Removed != "" || prev.At+len(prev.Inserted) != e.At {
			return false
		}
		// A word and the spaces after it undo together; the next word
		// starts a new step.
		r, _ := utf8.DecodeRuneInString(e.Inserted)
		last, _ := utf8.DecodeLastRuneInString(prev.Inserted)
		return !(!unicode.IsSpace(r) && unicode.IsSpace(last)) && r != '\n'
	case EditDeleting:
		return e.Inserted == "" && prev.Inserted == "" &&
			(e.At+len(e.Removed) == prev.At || e.At == prev.At)
	}
	return false
}

// apply performs a replacement without recording it.
func (b *Buffer) apply(from, to Pos, text string) (Pos, Change) {
	head := b.paras[from.Para][:from.Off]
	tail := b.paras[to.Para][to.Off:]
	newParas := strings.Split(head+text, "\n")
	caret := Pos{from.Para + len(newParas) - 1, len(newParas[len(newParas)-1])}
	newParas[len(newParas)-1] += tail
	removed := to.Para - from.Para + 1
	b.size += len(text) - len(b.Slice(from, to))
	if removed == len(newParas) {
		copy(b.paras[from.Para:], newParas)
	} else {
		rest := append([]string(nil), b.paras[to.Para+1:]...)
		b.paras = append(append(b.paras[:from.Para], newParas...), rest...)
	}
	b.dirty = true
	return caret, Change{First: from.Para, Removed: removed, Added: len(newParas)}
}

// CanUndo reports whether there is an edit to undo.
func (b *Buffer) CanUndo() bool { return len(b.undo) > 0 }

// CanRedo reports whether there is an undone edit to redo.
func (b *Buffer) CanRedo() bool { return len(b.redo) > 0 }

// Undo reverts the last edit and returns the caret before it and the
// paragraphs that changed; ok is false when there is nothing to undo.
func (b *Buffer) Undo() (caret Pos, ch Change, ok bool) {
	if len(b.undo) == 0 {
		return Pos{}, Change{}, false
	}
	e := b.undo[len(b.undo)-1]
	b.undo = b.undo[:len(b.undo)-1]
	from := b.PosAt(e.At)
	to := b.PosAt(e.At + len(e.Inserted))
	_, ch = b.apply(from, to, e.Removed)
	b.redo = append(b.redo, e)
	return b.Clamp(e.Before), ch, true
}

// Redo re-applies the last undone edit.
func (b *Buffer) Redo() (caret Pos, ch Change, ok bool) {
	if len(b.redo) == 0 {
		return Pos{}, Change{}, false
	}
	e := b.redo[len(b.redo)-1]
	b.redo = b.redo[:len(b.redo)-1]
	from := b.PosAt(e.At)
	to := b.PosAt(e.At + len(e.Removed))
	_, ch = b.apply(from, to, e.Inserted)
	b.undo = append(b.undo, e)
	return b.Clamp(e.After), ch, true
}

// CharLeft returns the position one character before p, crossing to the
// end of the previous paragraph.
func (b *Buffer) CharLeft(p Pos) Pos {
	if p.Off > 0 {
		_, size := utf8.DecodeLastRuneInString(b.paras[p.Para][:p.Off])
		return Pos{Para: p.Para, Off: p.Off - size}
	}
	if p.Para > 0 {
		return Pos{Para: p.Para - 1, Off: len(b.paras[p.Para-1])}
	}
	return p
}

// CharRight returns the position one character after p, crossing to the
// start of the next paragraph.
func (b *Buffer) CharRight(p Pos) Pos {
	text := b.paras[p.Para]
	if p.Off < len(text) {
		_, size := utf8.DecodeRuneInString(text[p.Off:])
		return Pos{Para: p.Para, Off: p.Off + size}
	}
	if p.Para < len(b.paras)-1 {
		return Pos{Para: p.Para + 1}
	}
	return p
}

// inWord reports whether r belongs to a word for caret motion: letters,
// digits and apostrophes, so "Rutte’s" and "don't" are one word.
func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
}

// WordLeft returns the start of the word before p (Ctrl+Left), or the end
// of the previous paragraph when p starts its own.
func (b *Buffer) WordLeft(p Pos) Pos {
	if p.Off == 0 {
		return b.CharLeft(p)
	}
	text := b.paras[p.Para][:p.Off]
	trimmed := strings.TrimRightFunc(text, func(r rune) bool { return !inWord(r) })
	start := strings.LastIndexFunc(trimmed, func(r rune) bool { return !inWord(r) })
	if start < 0 {
		return Pos{Para: p.Para}
	}
	_, size := utf8.DecodeRuneInString(trimmed[start:])
	return Pos{Para: p.Para, Off: start + size}
}

// WordRight returns the end of the word after p (Ctrl+Right), or the start
// of the next paragraph when p ends its own.
func (b *Buffer) WordRight(p Pos) Pos {
	text := b.paras[p.Para]
	if p.Off >= len(text) {
		return b.CharRight(p)
	}
	rest := text[p.Off:]
	skip := strings.IndexFunc(rest, inWord)
	if skip < 0 {
		return Pos{Para: p.Para, Off: len(text)}
	}
	end := strings.IndexFunc(rest[skip:], func(r rune) bool { return !inWord(r) })
	if end < 0 {
		return Pos{Para: p.Para, Off: len(text)}
	}
	return Pos{Para: p.Para, Off: p.Off + skip + end}
}
