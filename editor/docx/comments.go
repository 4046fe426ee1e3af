package docx

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
)

// Comment is a Word comment: a remark on a stretch of the article text,
// by whom and when, with the replies under it. Word keeps a reply as a
// comment of its own that names its parent in word/commentsExtended.xml;
// here replies hang under the comment that opened the thread, in the
// order of the file.
type Comment struct {
	Author   string
	Initials string // empty: made from Author when written
	// Date is when the comment was made; the zero time when the file
	// does not say.
	Date time.Time
	// Text is the comment's text, one line per paragraph.
	Text string
	// Span is the commented text: byte offsets into the article text
	// (Document.Text when read; the clean copy, or the new revision of a
	// redline, when written). An empty span is a comment on a point.
	// Replies share their parent's span.
	Span editor.Span
	// Resolved is Word's "Resolve" (w15:done).
	Resolved bool
	Replies  []Comment
}

// Namespaces and package names of the comment parts.
const (
	nsW14 = "http://schemas.microsoft.com/office/word/2010/wordml"
	nsW15 = "http://schemas.microsoft.com/office/word/2012/wordml"

	commentsPart         = "word/comments.xml"
	commentsExtendedPart = "word/commentsExtended.xml"
)

// writtenComment is one w:comment of a written file: a thread's opening
// comment or one of its replies.
type writtenComment struct {
	Comment
	id     int
	parent int // id of the thread's opening comment, -1 for none
	paraID string
}

// flattenComments numbers the comments and their replies in the order
// Word keeps them: each thread's opening comment, then its replies. Spans
// are clamped into text and onto rune boundaries.
func flattenComments(comments []Comment, text string) []writtenComment {
	var out []writtenComment
	for _, c := range comments {
		c.Span = clampSpan(c.Span, text)
		parent := len(out)
		out = append(out, writtenComment{Comment: c, id: parent, parent: -1})
		for _, r := range c.Replies {
			r.Span = c.Span
			out = append(out, writtenComment{Comment: r, id: len(out), parent: parent})
		}
	}
	for i := range out {
		// w14:paraId is a hexadecimal number below 0x80000000; the last
		// paragraph of each comment carries it.
		out[i].paraID = fmt.Sprintf("%08X", i+1)
	}
	return out
}

func clampSpan(s editor.Span, text string) editor.Span {
	clamp := func(i int) int {
		i = max(0, min(i, len(text)))
		for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
			i--
		}
		return i
	}
	s.Start, s.End = clamp(s.Start), clamp(s.End)
	if s.End < s.Start {
		s.End = s.Start
	}
	return s
}

// markKind says which of a comment's marks in document.xml a mark is.
type markKind int

// The order of the kinds is the order of marks at one place: a comment
// that ends there closes (range end, then the reference run that shows it)
// before one that starts there opens; a comment on the point itself opens
// and closes there.
const (
	markEnd markKind = iota
	markStart
	markPointEnd
)

// commentMark is a w:commentRangeStart or w:commentRangeEnd (with its
// w:commentReference run) to write at a byte offset of the text.
type commentMark struct {
	at   int
	kind markKind
	id   int
}

// commentMarks are the marks of a document's comments, in text order, and
// how many have been written.
type commentMarks struct {
	marks []commentMark
	next  int
}

func newCommentMarks(comments []writtenComment) *commentMarks {
	cm := &commentMarks{}
	for _, c := range comments {
		end := markEnd
		if c.Span.Empty() {
			end = markPointEnd
		}
		cm.marks = append(cm.marks, commentMark{c.Span.Start, markStart, c.id}, commentMark{c.Span.End, end, c.id})
	}
	slices.SortStableFunc(cm.marks, func(a, b commentMark) int {
		return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.kind, b.kind), cmp.Compare(a.id, b.id))
	})
	return cm
}

// before writes the marks that come before text starting at offset at:
// all those up to at.
func (cm *commentMarks) before(b *strings.Builder, at int) {
	for cm.next < len(cm.marks) && cm.marks[cm.next].at <= at {
		cm.write(b, cm.marks[cm.next])
	}
}

// after writes the closings of comments on text that ends at offset end.
func (cm *commentMarks) after(b *strings.Builder, end int) {
	for cm.next < len(cm.marks) {
		m := cm.marks[cm.next]
		if m.at > end || m.at == end && m.kind != markEnd {
			return
		}
		cm.write(b, m)
	}
}

// inside returns the offsets in (start, end) where marks fall, so text can
// be cut there.
func (cm *commentMarks) inside(start, end int) []int {
	var cuts []int
	for _, m := range cm.marks[cm.next:] {
		if m.at >= end {
			break
		}
		if m.at > start && (len(cuts) == 0 || cuts[len(cuts)-1] != m.at) {
			cuts = append(cuts, m.at)
		}
	}
	return cuts
}

// rest writes every mark not yet written.
func (cm *commentMarks) rest(b *strings.Builder) {
	for cm.next < len(cm.marks) {
		cm.write(b, cm.marks[cm.next])
	}
}

func (cm *commentMarks) write(b *strings.Builder, m commentMark) {
	cm.next++
	if m.kind == markStart {
		fmt.Fprintf(b, `<w:commentRangeStart w:id="%d"/>`, m.id)
		return
	}
	fmt.Fprintf(b, `<w:commentRangeEnd w:id="%d"/><w:r><w:commentReference w:id="%d"/></w:r>`, m.id, m.id)
}

// commentsXML is word/comments.xml for the comments.
func commentsXML(comments []writtenComment) string {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<w:comments xmlns:w="` + nsW + `" xmlns:w14="` + nsW14 + `" xmlns:mc="` + nsMC + `" mc:Ignorable="w14">`)
	for _, c := range comments {
		fmt.Fprintf(&b, `<w:comment w:id="%d" w:author="%s"`, c.id, escaped(author(c.Author)))
		if !c.Date.IsZero() {
			fmt.Fprintf(&b, ` w:date="%s"`, isoDate(c.Date))
		}
		fmt.Fprintf(&b, ` w:initials="%s">`, escaped(initials(c.Comment)))
		paras := strings.Split(textOrDash(c.Text), "\n")
		for i, p := range paras {
			b.WriteString("<w:p")
			if i == len(paras)-1 {
				fmt.Fprintf(&b, ` w14:paraId="%s" w14:textId="%s"`, c.paraID, c.paraID)
			}
			b.WriteString(">")
			if i == 0 {
				// The mark Word shows at the start of a comment.
				b.WriteString("<w:r><w:annotationRef/></w:r>")
			}
			writeRuns(&b, p, "", "t")
			b.WriteString("</w:p>")
		}
		b.WriteString("</w:comment>")
	}
	b.WriteString("</w:comments>")
	return b.String()
}

// commentsExtendedXML is word/commentsExtended.xml: which comment each
// reply answers, and which threads are resolved.
func commentsExtendedXML(comments []writtenComment) string {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<w15:commentsEx xmlns:w15="` + nsW15 + `" xmlns:mc="` + nsMC + `" mc:Ignorable="w15">`)
	for _, c := range comments {
		fmt.Fprintf(&b, `<w15:commentEx w15:paraId="%s"`, c.paraID)
		if c.parent >= 0 {
			fmt.Fprintf(&b, ` w15:paraIdParent="%s"`, comments[c.parent].paraID)
		}
		done := "0"
		if c.Resolved {
			done = "1"
		}
		fmt.Fprintf(&b, ` w15:done="%s"/>`, done)
	}
	b.WriteString("</w15:commentsEx>")
	return b.String()
}

func author(name string) string {
	if strings.TrimSpace(name) == "" {
		return "Copydesk"
	}
	return name
}

// textOrDash keeps a comment with no text from vanishing: Word drops
// empty comments.
func textOrDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// initials are the comment's initials, or the first letters of up to
// three words of its author's name.
func initials(c Comment) string {
	if c.Initials != "" {
		return c.Initials
	}
	var b strings.Builder
	for i, w := range strings.Fields(author(c.Author)) {
		if i == 3 {
			break
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}
