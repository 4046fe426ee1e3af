// Package report writes the review record of an article revision for the
// desk: the article and revision, the quote sheet with what the sources
// bear out, and every note with its thread, as a printable HTML page or a
// PDF.
package report

import (
	"fmt"
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/editor/quote"
	"copydesk/editor/review"
	"copydesk/editor/source"
	"copydesk/editor/textio"
)

// Report is what a review record shows.
type Report struct {
	Article editor.Article
	// Revision is the revision reviewed; its Text is printed in full.
	Revision editor.Revision
	// Quotes is the quote sheet, in the order of the text.
	Quotes []Quote
	// NoSources is true when no source was attached, so no quotation
	// could be checked.
	NoSources bool
	// Notes are every note on the article, whatever their status.
	Notes []Note
	// Generated is when the record was made; the zero time leaves it out.
	Generated time.Time
}

// Quote is one line of the quote sheet.
type Quote struct {
	Text string
	// Direct is true for words in quotation marks, false for reported
	// speech.
	Direct bool
	// Speaker is who the story says spoke, "" when nobody.
	Speaker     string
	Attribution quote.Attribution
	// Status is what the check against the sources found; "" for
	// quotations that are not checked (reported speech).
	Status source.Status
	// Source names the source the quotation was found in and Passage is
	// its wording there; both "" when not found.
	Source, Passage string
}

// Note is an editor's note with its discussion.
type Note struct {
	editor.Note
	Replies []editor.Reply
	// Source is the source passage a source check compared the noted
	// words with, nil when there is none.
	Source *editor.Related
	// Fixed is true for an open note kept from a finding that the checks,
	// run on the revision reviewed, no longer raise: the copy was fixed
	// and the note waits to be resolved. The record shows it as fixed, not
	// as an open problem the quote sheet contradicts.
	Fixed bool
}

// status is how the record names where a note stands: its status, or
// "fixed" for an open note whose finding is gone.
func (n Note) status() string {
	if n.Fixed && n.Status == editor.NoteOpen {
		return "fixed"
	}
	return string(n.Status)
}

// fixedLine is what the record says under a fixed note.
const fixedLine = "The checks no longer raise this in the text reviewed here: the copy was fixed after the note was kept. The note stays open until an editor resolves it."

// New assembles a report from a review of the revision and the article's
// notes and replies (keyed by note ID). A note raised by a source check
// gets the source passage of the matching finding of the review: the same
// check on the same words. res may be nil when no review was run.
func New(a editor.Article, rev editor.Revision, res *review.Result, notes []editor.Note, replies map[int64][]editor.Reply) Report {
	r := Report{Article: a, Revision: rev}
	if res != nil {
		r.Quotes = QuoteSheet(res)
		r.NoSources = res.NoSources
	}
	for _, n := range notes {
		rn := Note{Note: n, Replies: replies[n.ID]}
		if res != nil {
			rn.Source = sourcePassage(n, rev.Text, res.Findings)
		}
		r.Notes = append(r.Notes, rn)
	}
	return r
}

// QuoteSheet lists the spoken quotations and reported statements of a
// review, with what the sources say about each direct quotation.
func QuoteSheet(res *review.Result) []Quote {
	checked := make(map[int]source.Verification, len(res.Quotes))
	for _, v := range res.Quotes {
		checked[v.Quote] = v
	}
	var out []Quote
	for i, q := range res.Doc.Quotes {
		if !q.Speech {
			continue
		}
		line := Quote{Text: q.Text, Direct: q.Direct, Speaker: q.SpeakerName, Attribution: q.Attribution}
		if line.Speaker == "" && q.Speaker != nil {
			line.Speaker = q.Speaker.Text
		}
		if v, ok := checked[i]; ok {
			line.Status, line.Source, line.Passage = v.Status, v.Source, v.Passage
		}
		out = append(out, line)
	}
	return out
}

// sourcePassage finds the passage a note's finding points at: a finding of
// the same check, with a related passage, on the note's words, preferably
// at the note's place.
func sourcePassage(n editor.Note, text string, fs []editor.Finding) *editor.Related {
	if n.Check == "" || n.Orphaned {
		return nil
	}
	var found *editor.Related
	for _, f := range fs {
		if f.Check != n.Check || f.Related == nil || f.Span.Check(text) != nil || f.Span.In(text) != n.Anchor.Exact {
			continue
		}
		if f.Span == n.Anchor.Span {
			return f.Related
		}
		if found == nil {
			found = f.Related
		}
	}
	return found
}

// counts sums up the notes and quotations for the summary line.
type counts struct {
	open, fixed, resolved, dismissed, orphaned int
	byStatus                                   map[source.Status]int
}

func (r Report) counts() counts {
	c := counts{byStatus: make(map[source.Status]int)}
	for _, n := range r.Notes {
		switch {
		case n.Status == editor.NoteOpen && n.Fixed:
			c.fixed++
		case n.Status == editor.NoteOpen:
			c.open++
		case n.Status == editor.NoteResolved:
			c.resolved++
		case n.Status == editor.NoteDismissed:
			c.dismissed++
		}
		if n.Orphaned {
			c.orphaned++
		}
	}
	for _, q := range r.Quotes {
		if q.Status != "" {
			c.byStatus[q.Status]++
		}
	}
	return c
}

// noteSummary says how many notes there are and where they stand.
func (r Report) noteSummary() string {
	c := r.counts()
	if len(r.Notes) == 0 {
		return "No notes."
	}
	s := fmt.Sprintf("%s: %d open", plural(len(r.Notes), "note", "notes"), c.open)
	if c.fixed > 0 {
		s += fmt.Sprintf(", %d fixed but not yet resolved", c.fixed)
	}
	s += fmt.Sprintf(", %d resolved, %d dismissed", c.resolved, c.dismissed)
	if c.orphaned > 0 {
		s += fmt.Sprintf("; %d no longer found in the text", c.orphaned)
	}
	return s + "."
}

// quoteSummary says how the quotations fared against the sources.
func (r Report) quoteSummary() string {
	if len(r.Quotes) == 0 {
		return "No quotations or reported statements."
	}
	s := plural(len(r.Quotes), "quotation or reported statement", "quotations and reported statements")
	if r.NoSources {
		return s + ". " + review.NoSourcesMessage
	}
	c := r.counts()
	var parts []string
	for _, st := range []source.Status{source.Verbatim, source.Misquoted, source.Unverified} {
		if c.byStatus[st] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.byStatus[st], statusLabel(st)))
		}
	}
	if len(parts) > 0 {
		s += "; against the sources: " + strings.Join(parts, ", ")
	}
	return s + "."
}

// statusLabel is how the record names a quotation's status.
func statusLabel(s source.Status) string {
	switch s {
	case source.Verbatim:
		return "verbatim"
	case source.Misquoted:
		return "misquoted"
	case source.Unverified:
		return "not in the sources"
	case source.NoSources:
		return "not checked (no sources)"
	case "":
		return "not checked"
	}
	return string(s)
}

// checkLabel names the check that raised a note, or says it is the
// editor's own comment.
func checkLabel(n Note) string {
	if n.Check == "" {
		return "comment"
	}
	return n.Check
}

// revisionLabel reads "3 · Copy edit" or "3".
func (r Report) revisionLabel() string {
	s := fmt.Sprintf("%d", r.Revision.Number)
	if l := strings.TrimSpace(r.Revision.Label); l != "" {
		s += " · " + l
	}
	return s
}

// title is the article's title, else the revision's headline.
func (r Report) title() string {
	if t := strings.TrimSpace(r.Article.Title); t != "" {
		return t
	}
	if t := textio.TitleOf(r.Revision.Text); t != "" {
		return t
	}
	return "Untitled article"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// formatTime writes a date and time the way the record shows them, or ""
// for the zero time.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 Jan 2006 15:04 MST")
}

// paragraphs returns the non-blank lines of text, trimmed.
func paragraphs(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// clean makes a string safe to print: valid UTF-8, tabs as spaces and no
// other control characters.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case r == '\n':
			return r
		case r < 0x20 || r == 0x7F || r >= 0x80 && r < 0xA0:
			return -1
		}
		return r
	}, s)
}
