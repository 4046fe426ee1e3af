package convert

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
	"copydesk/editor/anchor"
	"copydesk/editor/docx"
	"copydesk/editor/textio"
)

// cleanControlsKeepingComments is textio.CleanControls for a text with
// comments on it: the comments' spans move with the characters removed.
func cleanControlsKeepingComments(text string, comments []docx.Comment) (string, int, []docx.Comment) {
	cleaned, n := textio.CleanControls(text)
	if n == 0 {
		return text, 0, comments
	}
	// removed[i] is the offset in text of the i-th character dropped;
	// shift[i] the bytes dropped up to and including it. A page break
	// becomes a line break of the same length, so it shifts nothing.
	var removed, shift []int
	total := 0
	for i, r := range text {
		if r == '\f' || r == '\v' {
			continue
		}
		if cleanedAway(r) {
			total += utf8.RuneLen(r)
			removed, shift = append(removed, i), append(shift, total)
		}
	}
	move := func(p int) int {
		k := sort.SearchInts(removed, p) // characters dropped before p
		if k == 0 {
			return p
		}
		return p - shift[k-1]
	}
	out := make([]docx.Comment, len(comments))
	for i, c := range comments {
		c.Span = editor.Span{Start: move(c.Span.Start), End: move(c.Span.End)}
		out[i] = c
	}
	return cleaned, n, out
}

// cleanedAway reports whether CleanControls drops r.
func cleanedAway(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r == 0x7F || r >= 0x80 && r <= 0x9F
}

// Threads makes the file's comments notes on im.Text, for the store to
// put on the article's first revision (it fills in ArticleID and
// Revision): each comment a note on its words (a comment on a point in
// the text is put on the word there), by its author, dated when it was
// made, resolved when the file says so, with its replies. They are the
// desk's own notes, raised by no check.
func (im Imported) Threads() []editor.Thread {
	var out []editor.Thread
	for _, c := range im.Comments {
		span := c.Span
		if span.Empty() {
			span = wordAt(im.Text, span.Start)
		}
		n := editor.Note{
			Severity: editor.Info, Status: editor.NoteOpen,
			Message: messageOf(c.Text), Author: c.Author, Created: c.Date,
			Anchor: editor.NewAnchor(im.Text, span),
		}
		if c.Resolved {
			n.Status = editor.NoteResolved
		}
		th := editor.Thread{Note: n}
		for _, r := range c.Replies {
			if strings.TrimSpace(r.Text) == "" {
				continue // an empty reply says nothing, and the store wants text
			}
			th.Replies = append(th.Replies, editor.Reply{Author: r.Author, Text: r.Text, Created: r.Date})
		}
		out = append(out, th)
	}
	return out
}

// messageOf is the note's message for a comment's text: a note must say
// something, and Word lets a comment be empty.
func messageOf(text string) string {
	if strings.TrimSpace(text) == "" {
		return "(an empty comment)"
	}
	return text
}

// wordAt is the word of text at offset at (or ending there), else the
// next word, else the last one before it: a note needs words to hold on
// to when the text changes, and a Word comment may sit on a point between
// them.
func wordAt(text string, at int) editor.Span {
	at = max(0, min(at, len(text)))
	notSpace := func(r rune) bool { return !unicode.IsSpace(r) }
	start := at
	switch {
	case at < len(text) && notSpace(firstRune(text[at:])), at > 0 && notSpace(lastRune(text[:at])):
		for start > 0 && notSpace(lastRune(text[:start])) {
			_, n := utf8.DecodeLastRuneInString(text[:start])
			start -= n
		}
	default:
		if i := strings.IndexFunc(text[at:], notSpace); i >= 0 {
			start = at + i
		} else if j := strings.LastIndexFunc(text[:at], notSpace); j >= 0 {
			return wordAt(text, j)
		} else {
			return editor.Span{Start: at, End: at}
		}
	}
	end := len(text)
	if j := strings.IndexFunc(text[start:], unicode.IsSpace); j >= 0 {
		end = start + j
	}
	return editor.Span{Start: start, End: end}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// Comments makes the Word comments for the desk's notes on text, the text
// the file shows (the new revision of a redline): each note's words are
// found again in text, as the desk finds them after an edit; a note whose
// words are gone goes on the start of the text, its words quoted in the
// comment. Dismissed notes stay on the desk.
func Comments(notes []editor.Thread, text string) []docx.Comment {
	var kept []editor.Thread
	var anchors []editor.Anchor
	for _, th := range notes {
		if th.Note.Status == editor.NoteDismissed {
			continue
		}
		kept = append(kept, th)
		anchors = append(anchors, th.Note.Anchor)
	}
	placed := anchor.ReanchorAll(anchors, text)
	out := make([]docx.Comment, 0, len(kept))
	for i, th := range kept {
		n := th.Note
		c := docx.Comment{Author: n.Author, Date: n.Created, Text: n.Message, Span: placed[i].Span,
			Resolved: n.Status == editor.NoteResolved}
		if placed[i].Orphaned() {
			c.Span = editor.Span{}
			c.Text = "On “" + n.Anchor.Exact + "”, words no longer in the text: " + n.Message
		}
		for _, r := range th.Replies {
			c.Replies = append(c.Replies, docx.Comment{Author: r.Author, Date: r.Created, Text: r.Text})
		}
		out = append(out, c)
	}
	return out
}

// MergeThreads sets the threads read from a file against the notes an
// article already has, as when a writer sends back the desk's Word file
// with answers: a comment with the same message (and author) as a note is
// that note, and its replies the note does not have yet are returned by
// note ID; any other comment is a new thread.
func MergeThreads(existing, incoming []editor.Thread) (replies map[int64][]editor.Reply, fresh []editor.Thread) {
	replies = map[int64][]editor.Reply{}
	same := func(a, b string) bool { return strings.TrimSpace(a) == strings.TrimSpace(b) }
	for _, in := range incoming {
		k := -1
		for i, ex := range existing {
			if same(ex.Note.Message, in.Note.Message) && (in.Note.Author == "" || same(ex.Note.Author, in.Note.Author)) {
				k = i
				break
			}
		}
		if k < 0 {
			fresh = append(fresh, in)
			continue
		}
		ex := existing[k]
	next:
		for _, r := range in.Replies {
			for _, have := range ex.Replies {
				if same(have.Author, r.Author) && same(have.Text, r.Text) {
					continue next
				}
			}
			for _, have := range replies[ex.Note.ID] {
				if same(have.Author, r.Author) && same(have.Text, r.Text) {
					continue next
				}
			}
			replies[ex.Note.ID] = append(replies[ex.Note.ID], r)
		}
	}
	return replies, fresh
}
