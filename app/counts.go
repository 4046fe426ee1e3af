package app

import (
	"slices"
	"unicode/utf8"

	"copydesk/editor"
)

// textCounts keeps the words and characters of each paragraph of the
// editor's buffer, so that the counts in the status line cost the
// paragraphs an edit touched, not a pass over a book-length text at every
// key.
type textCounts struct {
	words, runes       []int // per paragraph
	sumWords, sumRunes int
}

// reset counts every paragraph of b.
func (c *textCounts) reset(b *editor.Buffer) {
	c.words, c.runes = c.words[:0], c.runes[:0]
	c.sumWords, c.sumRunes = 0, 0
	for i := range b.Paragraphs() {
		w, r := paragraphCounts(b.Paragraph(i))
		c.words, c.runes = append(c.words, w), append(c.runes, r)
		c.sumWords += w
		c.sumRunes += r
	}
}

// update counts the paragraphs ch replaced in b again.
func (c *textCounts) update(b *editor.Buffer, ch editor.Change) {
	if ch.First+ch.Removed > len(c.words) {
		c.reset(b) // not counted in step with the buffer
		return
	}
	for i := ch.First; i < ch.First+ch.Removed; i++ {
		c.sumWords -= c.words[i]
		c.sumRunes -= c.runes[i]
	}
	ws, rs := make([]int, ch.Added), make([]int, ch.Added)
	for k := range ch.Added {
		ws[k], rs[k] = paragraphCounts(b.Paragraph(ch.First + k))
		c.sumWords += ws[k]
		c.sumRunes += rs[k]
	}
	c.words = slices.Replace(c.words, ch.First, ch.First+ch.Removed, ws...)
	c.runes = slices.Replace(c.runes, ch.First, ch.First+ch.Removed, rs...)
}

// total returns the words and characters of the whole text, the line
// breaks between paragraphs included, as editor.CountWords and a count of
// runes give them.
func (c *textCounts) total() (words, chars int) {
	if len(c.runes) == 0 {
		return 0, 0
	}
	return c.sumWords, c.sumRunes + len(c.runes) - 1
}

// paragraphCounts returns the words and runes of one paragraph. A line
// break ends any word, so the words of a text are the sum of its
// paragraphs'.
func paragraphCounts(p string) (words, runes int) {
	return editor.CountWords(p), utf8.RuneCountInString(p)
}
