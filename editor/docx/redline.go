package docx

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"copydesk/editor"
	"copydesk/editor/diff"
	"copydesk/editor/textio"
)

// WriteRedline writes the comparison d of two revisions as a .docx file
// with real tracked changes, so the writer can accept or reject each one in
// Word or LibreOffice: deleted text in w:del, inserted text in w:ins, each
// signed with meta.Author and dated meta.Date. Paragraphs added or removed
// carry an inserted or deleted paragraph mark, so accepting every change
// gives d.New and rejecting every change gives d.Old. A move shows as a
// deletion where the text was and an insertion where it went.
//
// accepted, when not nil, picks changes the desk has already accepted: they
// are written as plain new text, not as tracked changes. Changes that d's
// options hide (spacing and typography) are written the same way, as the
// other views of a diff show them. accepted is called once per change, in
// order.
//
// Track Changes is left on in the file, so the writer's own edits are
// tracked as well.
func WriteRedline(w io.Writer, d *diff.Diff, meta Meta, accepted func(diff.Change) bool) error {
	pieces, err := walkDiff(d)
	if err != nil {
		return fmt.Errorf("docx: redline: %w", err)
	}
	settled := make([]bool, len(d.Changes))
	for i, c := range d.Changes {
		settled[i] = accepted != nil && accepted(c)
		settled[i] = settled[i] || d.Hidden(c)
	}
	var spans []trackedText
	for _, p := range pieces {
		oldText, newText := p.old.In(d.Old), p.new.In(d.New)
		at := p.new.Start
		switch {
		case p.change < 0:
			spans = append(spans, trackedText{plain, oldText, at})
		case settled[p.change]:
			spans = append(spans, trackedText{plain, newText, at})
		default:
			spans = append(spans, trackedText{deleted, oldText, at}, trackedText{inserted, newText, at})
		}
	}
	comments := flattenComments(meta.Comments, d.New)
	rw := redlineWriter{attrs: revisionAttrs(meta)}
	if len(comments) > 0 {
		rw.marks = newCommentMarks(comments)
	}
	rw.paragraphs(splitParagraphs(spans))
	if meta.Title == "" {
		meta.Title = textio.TitleOf(d.New)
	}
	return writePackage(w, rw.b.String(), d.New, meta, true, comments)
}

// revisionState says whether text is unchanged, inserted or deleted.
type revisionState int

const (
	plain revisionState = iota
	inserted
	deleted
)

// trackedText is a stretch of the redline in one state. Its text may hold
// line breaks: those are paragraph marks in that state. at is the byte
// offset in the new text where it starts, or for deleted text, where it
// was taken out.
type trackedText struct {
	state revisionState
	text  string
	at    int
}

// redlineParagraph is one w:p of the redline: its text and the state of
// its paragraph mark.
type redlineParagraph struct {
	runs []trackedText
	mark revisionState
}

// splitParagraphs cuts the stream of tracked text at its line breaks.
// A final plain line break ends the last paragraph, as in Write; one that
// is inserted or deleted opens an empty last paragraph, since its mark is
// what accepting or rejecting the change removes.
func splitParagraphs(spans []trackedText) []redlineParagraph {
	paras := []redlineParagraph{{}}
	for _, s := range spans {
		at := s.at
		for i, part := range strings.Split(s.text, "\n") {
			if i > 0 && s.state != deleted {
				at++ // past the line break
			}
			partAt := at
			if s.state != deleted {
				at += len(part)
			}
			cur := &paras[len(paras)-1]
			if i > 0 {
				cur.mark = s.state
				paras = append(paras, redlineParagraph{})
				cur = &paras[len(paras)-1]
			}
			if part == "" {
				continue
			}
			if n := len(cur.runs); n > 0 && cur.runs[n-1].state == s.state {
				cur.runs[n-1].text += part
			} else {
				cur.runs = append(cur.runs, trackedText{s.state, part, partAt})
			}
		}
	}
	if n := len(paras); n > 1 && len(paras[n-1].runs) == 0 && paras[n-2].mark == plain {
		paras = paras[:n-1]
	}
	return paras
}

// redlineWriter writes the paragraphs of a redline, numbering its
// revisions.
type redlineWriter struct {
	b      strings.Builder
	attrs  string
	lastID int
	// marks, when there are comments, places them in the new text.
	marks *commentMarks
}

// revisionAttrs are the attributes after w:id that every revision carries.
func revisionAttrs(meta Meta) string {
	a := ` w:author="` + escaped(meta.author()) + `"`
	if !meta.Date.IsZero() {
		a += ` w:date="` + isoDate(meta.Date) + `"`
	}
	return a
}

// open writes the start of a w:ins or w:del element with a new id; empty
// closes it at once.
func (rw *redlineWriter) open(tag string, empty bool) {
	rw.lastID++
	fmt.Fprintf(&rw.b, `<w:%s w:id="%d"%s`, tag, rw.lastID, rw.attrs)
	if empty {
		rw.b.WriteString("/>")
	} else {
		rw.b.WriteString(">")
	}
}

func (rw *redlineWriter) paragraphs(paras []redlineParagraph) {
	for i, p := range paras {
		rw.b.WriteString("<w:p>")
		if i == 0 || p.mark != plain {
			rw.b.WriteString("<w:pPr>")
			if i == 0 {
				rw.b.WriteString(`<w:pStyle w:val="Title"/>`)
			}
			switch p.mark {
			case inserted:
				rw.b.WriteString("<w:rPr>")
				rw.open("ins", true)
				rw.b.WriteString("</w:rPr>")
			case deleted:
				rw.b.WriteString("<w:rPr>")
				rw.open("del", true)
				rw.b.WriteString("</w:rPr>")
			}
			rw.b.WriteString("</w:pPr>")
		}
		for _, r := range p.runs {
			switch r.state {
			case plain:
				rw.marked(r, func(s string) { writeRuns(&rw.b, s, "", "t") })
			case inserted:
				rw.marked(r, func(s string) {
					rw.open("ins", false)
					writeRuns(&rw.b, s, "", "t")
					rw.b.WriteString("</w:ins>")
				})
			case deleted:
				rw.open("del", false)
				writeRuns(&rw.b, r.text, "", "delText")
				rw.b.WriteString("</w:del>")
			}
		}
		if i == len(paras)-1 && rw.marks != nil {
			rw.marks.rest(&rw.b)
		}
		rw.b.WriteString("</w:p>")
	}
}

// marked writes the text of r, which is in the new text, with the comment
// marks that fall in it: write writes each piece of text between them,
// so that an insertion is cut in two rather than holding a mark.
func (rw *redlineWriter) marked(r trackedText, write func(string)) {
	if rw.marks == nil {
		write(r.text)
		return
	}
	end := r.at + len(r.text)
	rw.marks.before(&rw.b, r.at)
	prev := r.at
	for _, cut := range rw.marks.inside(r.at, end) {
		write(r.text[prev-r.at : cut-r.at])
		rw.marks.before(&rw.b, cut)
		prev = cut
	}
	write(r.text[prev-r.at:])
	rw.marks.after(&rw.b, end)
}

// diffPiece is a stretch of the two texts walked side by side: unchanged
// text (change < 0) or one piece of a change. A move has two pieces: the
// text leaving its old place, and arriving at its new one.
type diffPiece struct {
	old, new editor.Span
	change   int
}

var errDiffOrder = errors.New("the diff's changes do not line up with its texts")

// walkDiff rebuilds the walk through both texts that Diff.Apply makes from
// the exported spans of the changes: it orders the pieces on both sides,
// fills the stretches between them with unchanged text and checks that
// those stretches are the same in both texts.
func walkDiff(d *diff.Diff) ([]diffPiece, error) {
	changed := make([]diffPiece, 0, len(d.Changes)+1)
	for i, c := range d.Changes {
		if c.Kind == diff.ChangeMove {
			changed = append(changed,
				diffPiece{c.Old, editor.Span{Start: c.MovedFrom, End: c.MovedFrom}, i},
				diffPiece{editor.Span{Start: c.MovedTo, End: c.MovedTo}, c.New, i})
			continue
		}
		changed = append(changed, diffPiece{c.Old, c.New, i})
	}
	slices.SortStableFunc(changed, func(a, b diffPiece) int {
		return cmp.Or(cmp.Compare(a.old.Start, b.old.Start), cmp.Compare(a.new.Start, b.new.Start),
			cmp.Compare(a.old.End, b.old.End), cmp.Compare(a.new.End, b.new.End))
	})
	end := diffPiece{editor.Span{Start: len(d.Old), End: len(d.Old)}, editor.Span{Start: len(d.New), End: len(d.New)}, -1}
	changed = append(changed, end)
	out := make([]diffPiece, 0, 2*len(changed))
	o, n := 0, 0
	for _, p := range changed {
		if p.old.Start < o || p.new.Start < n || p.old.End < p.old.Start || p.new.End < p.new.Start ||
			p.old.End > len(d.Old) || p.new.End > len(d.New) {
			return nil, errDiffOrder
		}
		same := diffPiece{editor.Span{Start: o, End: p.old.Start}, editor.Span{Start: n, End: p.new.Start}, -1}
		if same.old.In(d.Old) != same.new.In(d.New) {
			return nil, errDiffOrder
		}
		if !same.old.Empty() {
			out = append(out, same)
		}
		if p.change >= 0 {
			out = append(out, p)
		}
		o, n = p.old.End, p.new.End
	}
	return out, nil
}
