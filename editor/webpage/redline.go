package webpage

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"copydesk/editor"
	"copydesk/editor/diff"
)

const redlineStyle = pageStyle + `
del{background:#fdd;color:#900}
ins{background:#dfd;color:#060;text-decoration:none;border-bottom:1px solid #060}
del.move,ins.move{background:#def;color:#036}
.pm{font-family:sans-serif;opacity:.7}
.stats{font:14px sans-serif;color:#555}
@media print{del,ins,del.move,ins.move{background:none}}`

// WriteRedline writes the changes between two revisions as a standalone
// UTF-8 page. Inline, the new revision reads as running text with each
// deletion in <del> where the words were and each insertion in <ins>; a
// moved passage shows struck out at its old place and inserted at its
// new one, and a joined or split paragraph shows a ¶ in the <del> or
// <ins>. Otherwise the revisions stand side by side (Diff.WriteHTML).
// Changes the diff's options hide show as their new text. All text is
// escaped.
func WriteRedline(w io.Writer, d *diff.Diff, title string, inline bool) error {
	if !inline {
		return d.WriteHTML(w, title)
	}
	bw := bufio.NewWriter(w)
	writeHead(bw, title, redlineStyle)
	fmt.Fprintf(bw, "<h1>%s</h1>\n<p class=\"stats\">%d words inserted, %d deleted, %d paragraphs changed",
		escape(title), d.Stats.InsertedWords, d.Stats.DeletedWords, d.Stats.ChangedParagraphs)
	if d.Options.HideTypography {
		bw.WriteString("; whitespace and typography changes not shown")
	}
	bw.WriteString(".</p>\n<div class=\"redline\">\n")
	r := &redline{bw: bw, text: d.New}
	r.open("")
	pos := 0
	for _, m := range redlineMarks(d) {
		at := max(m.at, pos)
		r.write(pos, at)
		if m.del != "" {
			r.writeChange("del", m, m.del)
		}
		if start := max(m.ins.Start, at); start < m.ins.End {
			r.writeChange("ins", m, d.New[start:m.ins.End])
			at = m.ins.End
		}
		pos = at
	}
	r.write(pos, len(d.New))
	r.close()
	bw.WriteString("</div>\n</body>\n</html>\n")
	return bw.Flush()
}

// redlineMark is one change placed in the new revision's text: the old
// words to show struck out at offset at, then the new words in ins.
type redlineMark struct {
	at int
	// old is where the mark stands in the old text; it orders marks at
	// the same place in the new text.
	old   int
	del   string
	ins   editor.Span
	index int
	move  bool
}

// redlineMarks places the visible changes of d in the new text, in order.
func redlineMarks(d *diff.Diff) []redlineMark {
	var ms []redlineMark
	for _, c := range d.Changes {
		if d.Hidden(c) {
			continue
		}
		if c.Kind == diff.ChangeMove {
			// The old place is a point in the new text; the new place
			// is the moved words themselves.
			ms = append(ms,
				redlineMark{at: c.MovedFrom, old: c.Old.Start, del: c.OldText, ins: editor.Span{Start: c.MovedFrom, End: c.MovedFrom}, index: c.Index, move: true},
				redlineMark{at: c.New.Start, old: c.MovedTo, ins: c.New, index: c.Index, move: true})
			continue
		}
		ms = append(ms, redlineMark{at: c.New.Start, old: c.Old.Start, del: c.OldText, ins: c.New, index: c.Index})
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].at != ms[j].at {
			return ms[i].at < ms[j].at
		}
		return ms[i].old < ms[j].old
	})
	return ms
}

// redline writes paragraphs of marked-up text.
type redline struct {
	bw   *bufio.Writer
	text string
	seen map[int]bool
}

// open starts a paragraph; class marks one that an inserted line break
// split off from the paragraph before.
func (r *redline) open(class string) {
	if class != "" {
		fmt.Fprintf(r.bw, "<p class=%q>", class)
		return
	}
	r.bw.WriteString("<p>")
}

func (r *redline) close() { r.bw.WriteString("</p>\n") }

// write writes r.text[from:to] as unchanged text, breaking paragraphs at
// its line breaks.
func (r *redline) write(from, to int) {
	if from >= to {
		return
	}
	for i, part := range strings.Split(r.text[from:to], "\n") {
		if i > 0 {
			r.close()
			r.open("")
		}
		r.bw.WriteString(escape(part))
	}
}

// writeChange writes the words of one side of a change inside tag (del or
// ins). A deleted line break shows as a ¶; an inserted one shows as a ¶
// and then starts a new paragraph.
func (r *redline) writeChange(tag string, m redlineMark, words string) {
	attrs := ""
	if r.seen == nil {
		r.seen = make(map[int]bool)
	}
	if !r.seen[m.index] {
		r.seen[m.index] = true
		attrs = fmt.Sprintf(" id=\"c%d\"", m.index)
	}
	if m.move {
		attrs += ` class="move"`
	}
	const pilcrow = `<span class="pm">¶</span>`
	r.bw.WriteString("<" + tag + attrs + ">")
	for i, part := range strings.Split(words, "\n") {
		if i > 0 {
			r.bw.WriteString(pilcrow)
			if tag == "ins" {
				r.bw.WriteString("</ins>")
				r.close()
				r.open("split")
				r.bw.WriteString("<ins")
				if m.move {
					r.bw.WriteString(` class="move"`)
				}
				r.bw.WriteString(">")
			}
		}
		r.bw.WriteString(escape(part))
	}
	r.bw.WriteString("</" + tag + ">")
}
