package diff

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"sort"
	"strings"

	"copydesk/editor"
)

// ANSI colours for WriteText.
const (
	ansiDelete = "\x1b[31m"
	ansiInsert = "\x1b[32m"
	ansiMove   = "\x1b[36m"
	ansiReset  = "\x1b[0m"
)

// WriteText writes the diff as running text with deletions in [-…-] and
// insertions in {+…+}, the way git's word diff does; a move shows as a
// deletion where the text was and an insertion where it went. With color
// set, deletions are red, insertions green and moves cyan. Changes the
// options hide show as their new text.
func (d *Diff) WriteText(w io.Writer, color bool) error {
	bw := bufio.NewWriter(w)
	mark := func(open, text, close, colour string) {
		if text == "" {
			return
		}
		if color {
			bw.WriteString(colour)
		}
		bw.WriteString(open)
		bw.WriteString(text)
		bw.WriteString(close)
		if color {
			bw.WriteString(ansiReset)
		}
	}
	for _, s := range d.segs {
		oldText, newText := s.Old.In(d.Old), s.New.In(d.New)
		if s.change < 0 {
			bw.WriteString(oldText)
			continue
		}
		c := d.Changes[s.change]
		if d.Hidden(c) {
			bw.WriteString(newText)
			continue
		}
		del, ins := ansiDelete, ansiInsert
		if c.Kind == ChangeMove {
			del, ins = ansiMove, ansiMove
		}
		mark("[-", oldText, "-]", del)
		mark("{+", newText, "+}", ins)
	}
	return bw.Flush()
}

// jsonSide is one side of a change in the JSON output.
type jsonSide struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type jsonChange struct {
	Index          int        `json:"index"`
	Kind           ChangeKind `json:"kind"`
	Old            jsonSide   `json:"old"`
	New            jsonSide   `json:"new"`
	MovedTo        *int       `json:"moved_to,omitempty"`
	MovedFrom      *int       `json:"moved_from,omitempty"`
	WhitespaceOnly bool       `json:"whitespace_only,omitempty"`
	TypographyOnly bool       `json:"typography_only,omitempty"`
}

type jsonRow struct {
	Kind    RowKind `json:"kind"`
	Old     []int   `json:"old"`
	New     []int   `json:"new"`
	Changes []int   `json:"changes"`
}

// MarshalJSON writes the changes (byte offsets and texts on both sides),
// the stats and the paragraph rows. Changes the options hide are left out.
func (d *Diff) MarshalJSON() ([]byte, error) {
	out := struct {
		Changes []jsonChange `json:"changes"`
		Stats   Stats        `json:"stats"`
		Rows    []jsonRow    `json:"rows"`
	}{Changes: []jsonChange{}, Stats: d.Stats, Rows: []jsonRow{}}
	for _, c := range d.Changes {
		if d.Hidden(c) {
			continue
		}
		jc := jsonChange{
			Index: c.Index, Kind: c.Kind,
			Old:            jsonSide{c.Old.Start, c.Old.End, c.OldText},
			New:            jsonSide{c.New.Start, c.New.End, c.NewText},
			WhitespaceOnly: c.WhitespaceOnly, TypographyOnly: c.TypographyOnly,
		}
		if c.Kind == ChangeMove {
			to, from := c.MovedTo, c.MovedFrom
			jc.MovedTo, jc.MovedFrom = &to, &from
		}
		out.Changes = append(out.Changes, jc)
	}
	for _, r := range d.Rows {
		jr := jsonRow{Kind: r.Kind, Old: nonNil(r.Old), New: nonNil(r.New), Changes: []int{}}
		for _, ci := range r.Changes {
			if !d.Hidden(d.Changes[ci]) {
				jr.Changes = append(jr.Changes, ci)
			}
		}
		if len(jr.Changes) == 0 && len(r.Changes) > 0 && r.Kind == RowModified {
			jr.Kind = RowUnchanged
		}
		out.Rows = append(out.Rows, jr)
	}
	return json.Marshal(out)
}

func nonNil(xs []int) []int {
	if xs == nil {
		return []int{}
	}
	return xs
}

const diffPageStyle = `body{font:16px/1.5 Georgia,serif;margin:1.5em;color:#222}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{vertical-align:top;padding:.3em .6em;border-bottom:1px solid #eee}
th{text-align:left;font:600 13px sans-serif;color:#555}
td.kind{width:6em;font:12px sans-serif;color:#888}
td p{margin:0 0 .4em}
del{background:#fdd;color:#900}
ins{background:#dfd;color:#060;text-decoration:none}
del.move,ins.move{background:#def;color:#036}
tr.unchanged td{color:#777}
.stats{font:14px sans-serif;color:#555}`

// WriteHTML writes the diff as a standalone UTF-8 page: the old and new
// paragraphs side by side, one row per Row, with <del> and <ins>
// around the changes. Every change has an id (c0, c1, …) to jump to.
func (d *Diff) WriteHTML(w io.Writer, title string) error {
	bw := bufio.NewWriter(w)
	esc := html.EscapeString
	fmt.Fprintf(bw, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n<style>\n%s\n</style>\n</head>\n<body>\n",
		esc(title), diffPageStyle)
	fmt.Fprintf(bw, "<h1>%s</h1>\n<p class=\"stats\">%d words inserted, %d deleted, %d paragraphs changed",
		esc(title), d.Stats.InsertedWords, d.Stats.DeletedWords, d.Stats.ChangedParagraphs)
	if d.Options.HideTypography {
		bw.WriteString("; whitespace and typography changes not shown")
	}
	bw.WriteString(".</p>\n<table>\n<tr><th></th><th>Old</th><th>New</th></tr>\n")
	seen := make(map[int]bool)
	for _, r := range d.Rows {
		fmt.Fprintf(bw, "<tr class=\"%s\"><td class=\"kind\">%s</td><td>", r.Kind, r.Kind)
		for _, p := range r.Old {
			bw.WriteString("<p>")
			d.writeHTMLSide(bw, true, d.OldParagraphs[p], seen)
			bw.WriteString("</p>")
		}
		bw.WriteString("</td><td>")
		for _, p := range r.New {
			bw.WriteString("<p>")
			d.writeHTMLSide(bw, false, d.NewParagraphs[p], seen)
			bw.WriteString("</p>")
		}
		bw.WriteString("</td></tr>\n")
	}
	bw.WriteString("</table>\n</body>\n</html>\n")
	return bw.Flush()
}

// writeHTMLSide writes the part rng of one side's text, marking the
// changed stretches in it.
func (d *Diff) writeHTMLSide(bw *bufio.Writer, old bool, rng editor.Span, seen map[int]bool) {
	side := func(s diffSeg) editor.Span {
		if old {
			return s.Old
		}
		return s.New
	}
	text := d.New
	tag := "ins"
	if old {
		text, tag = d.Old, "del"
	}
	// Pieces are in order on both sides; find the first that reaches rng.
	k := sort.Search(len(d.segs), func(i int) bool { return side(d.segs[i]).End > rng.Start })
	for ; k < len(d.segs); k++ {
		s := d.segs[k]
		sp := side(s)
		if sp.Start >= rng.End {
			break
		}
		part := editor.Span{Start: max(sp.Start, rng.Start), End: min(sp.End, rng.End)}
		if part.Empty() {
			continue
		}
		escaped := html.EscapeString(part.In(text))
		if s.change < 0 || d.Hidden(d.Changes[s.change]) {
			bw.WriteString(escaped)
			continue
		}
		c := d.Changes[s.change]
		bw.WriteString("<" + tag)
		if !seen[c.Index] {
			seen[c.Index] = true
			fmt.Fprintf(bw, " id=\"c%d\"", c.Index)
		}
		if c.Kind == ChangeMove {
			bw.WriteString(" class=\"move\"")
		}
		bw.WriteString(">")
		bw.WriteString(strings.ReplaceAll(escaped, "\n", "<br>"))
		bw.WriteString("</" + tag + ">")
	}
}
