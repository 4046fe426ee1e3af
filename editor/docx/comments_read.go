package docx

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/editor/textio"
)

// errTooManyComments stops reading comments at MaxComments.
var errTooManyComments = errors.New("too many comments")

// rawComment is one w:comment of word/comments.xml as read.
type rawComment struct {
	id, author, initials string
	date                 time.Time
	text                 string
	// paraID is the w14:paraId of the comment's last paragraph, by which
	// word/commentsExtended.xml names it.
	paraID string
}

// readComments reads the comments of a document into doc.Comments, placed
// where the body's marks fell. Comments are a side matter: a damaged
// comments part leaves them out with a notice, and a damaged
// commentsExtended.xml only loses the threads, each reply then standing as
// a comment of its own.
func readComments(zr *zip.Reader, v view, doc *Document, marks map[string]*markPlace) {
	f := findFile(zr, commentsPart)
	if f == nil {
		if n := len(marks); n > 0 {
			doc.Notices = append(doc.Notices, plural(n, "1 comment was left out: the file has its mark but not its text.",
				"%d comments were left out: the file has their marks but not their text."))
		}
		return
	}
	raw, err := parseComments(f, v)
	if errors.Is(err, errTooManyComments) {
		doc.Notices = append(doc.Notices, fmt.Sprintf("Only the first %d comments were read.", MaxComments))
	} else if err != nil {
		doc.Notices = append(doc.Notices, fmt.Sprintf("The comments were left out: %v.", err))
		return
	}
	var ext map[string]commentEx
	if f := findFile(zr, commentsExtendedPart); f != nil {
		if ext, err = parseCommentsEx(f); err != nil {
			doc.Notices = append(doc.Notices, fmt.Sprintf("Replies are shown as comments of their own: %v.", err))
		}
	}
	doc.Comments = threadComments(raw, ext, func(id string) editor.Span { return placeComment(marks[id], len(doc.Text)) })
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}

// placeComment makes a comment's span from its marks: the range they
// enclose; a point where only one end, or only the reference, is found;
// the start of the text when none is.
func placeComment(mp *markPlace, textLen int) editor.Span {
	if mp == nil {
		return editor.Span{}
	}
	start, end := mp.start, mp.end
	switch {
	case start < 0 && end < 0:
		start = max(0, mp.ref)
		end = start
	case start < 0:
		start = end
	case end < start:
		end = start
	}
	return editor.Span{Start: min(start, textLen), End: min(end, textLen)}
}

// threadComments hangs each reply under the comment that opened its
// thread. A parent that is missing, or a chain of parents that loops,
// leaves a reply standing as a comment of its own.
func threadComments(raw []rawComment, ext map[string]commentEx, span func(id string) editor.Span) []Comment {
	byPara := make(map[string]int, len(raw))
	for i, c := range raw {
		if c.paraID != "" {
			if _, dup := byPara[c.paraID]; !dup {
				byPara[c.paraID] = i
			}
		}
	}
	parent := func(i int) int {
		p, ok := byPara[ext[raw[i].paraID].parent]
		if !ok || raw[i].paraID == "" || p == i {
			return -1
		}
		return p
	}
	root := func(i int) int {
		r := i
		for steps := 0; steps <= len(raw); steps++ {
			p := parent(r)
			if p < 0 {
				return r
			}
			r = p
		}
		return i // a loop
	}
	var out []Comment
	at := make(map[int]int) // raw index of a thread's opening → index in out
	for i, c := range raw {
		cm := Comment{Author: c.author, Initials: c.initials, Date: c.date, Text: c.text,
			Resolved: ext[c.paraID].done}
		r := root(i)
		if j, ok := at[r]; ok && r != i {
			cm.Span = out[j].Span
			out[j].Replies = append(out[j].Replies, cm)
			continue
		}
		if r != i {
			// A reply that comes before the comment it answers, which
			// Word never writes: it opens the thread.
			r = i
		}
		cm.Span = span(c.id)
		at[r] = len(out)
		out = append(out, cm)
	}
	return out
}

// parseComments reads the w:comment elements of word/comments.xml, each
// comment's text read as the body is (tracked changes resolved the same
// way).
func parseComments(f *zip.File, v view) ([]rawComment, error) {
	rc, err := openPart(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(bufio.NewReaderSize(skipBOM(rc), 64<<10))
	var (
		out   []rawComment
		cur   *rawComment
		sub   *bodyReader
		depth int // of the element being read
		at    int // depth of the open w:comment
		size  int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return nil, err
			}
			return nil, fmt.Errorf("%s is damaged (%v)", f.Name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return nil, fmt.Errorf("%s nests elements more than %d deep", f.Name, maxDepth)
			}
			if cur == nil {
				if (t.Name.Space == nsW || t.Name.Space == nsWStrict) && t.Name.Local == "comment" {
					if len(out) == MaxComments {
						return out, errTooManyComments
					}
					cur, sub, at = newRawComment(t.Attr), newBodyReader(v), depth
				}
				continue
			}
		case xml.EndElement:
			depth--
			if cur != nil && depth < at {
				sub.flush()
				cur.text, cur.paraID = strings.Join(sub.lines, "\n"), sub.lastParaID
				if size += len(cur.text); size > textio.MaxBytes {
					return nil, textTooLong()
				}
				out = append(out, *cur)
				cur, sub = nil, nil
				continue
			}
		}
		if cur != nil {
			if err := sub.token(tok); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func newRawComment(attrs []xml.Attr) *rawComment {
	c := &rawComment{}
	for _, a := range attrs {
		switch a.Name.Local {
		case "id":
			c.id = a.Value
		case "author":
			c.author = a.Value
		case "initials":
			c.initials = a.Value
		case "date":
			c.date = parseDate(a.Value)
		}
	}
	return c
}

// parseDate reads a w:date: ISO 8601, with or without a zone (Word
// writes local time without one; read as UTC), the zero time when it is
// not a date.
func parseDate(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// commentEx is what word/commentsExtended.xml says of a comment.
type commentEx struct {
	parent string // paraId of the comment it answers
	done   bool
}

// parseCommentsEx reads the w15:commentEx elements, by paraId.
func parseCommentsEx(f *zip.File) (map[string]commentEx, error) {
	rc, err := openPart(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(bufio.NewReaderSize(skipBOM(rc), 64<<10))
	out := map[string]commentEx{}
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s is damaged (%v)", f.Name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxDepth {
				return nil, fmt.Errorf("%s nests elements more than %d deep", f.Name, maxDepth)
			}
			if t.Name.Local != "commentEx" {
				continue
			}
			var id string
			var ex commentEx
			for _, a := range t.Attr {
				switch a.Name.Local {
				case "paraId":
					id = a.Value
				case "paraIdParent":
					ex.parent = a.Value
				case "done":
					ex.done = a.Value == "1" || a.Value == "true"
				}
			}
			if id != "" && len(out) < MaxComments {
				out[id] = ex
			}
		case xml.EndElement:
			depth--
		}
	}
}
