package review

import (
	"encoding/json"
	"fmt"
	"io"

	"copydesk/editor"
	"copydesk/editor/quote"
)

type findingJSON struct {
	Check    string          `json:"check"`
	Severity editor.Severity `json:"severity"`
	Start    int             `json:"start"`
	End      int             `json:"end"`
	Line     int             `json:"line"`
	Column   int             `json:"column"`
	// Paragraph counts as the quote sheet does: 0 is the headline, then
	// the non-blank lines of the body.
	Paragraph int             `json:"paragraph"`
	Message   string          `json:"message"`
	Related   *editor.Related `json:"related,omitempty"`
	Why       string          `json:"why,omitempty"`
	Fix       *fixJSON        `json:"fix,omitempty"`
}

// fixJSON is a finding's suggested edit: byte spans of the text checked
// and what to put there.
type fixJSON struct {
	Message string     `json:"message"`
	Edits   []editJSON `json:"edits"`
}

type editJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}

func toFixJSON(f *editor.Fix) *fixJSON {
	if f == nil {
		return nil
	}
	out := &fixJSON{Message: f.Message, Edits: make([]editJSON, 0, len(f.Edits))}
	for _, e := range f.Edits {
		out.Edits = append(out.Edits, editJSON{e.Span.Start, e.Span.End, e.New})
	}
	return out
}

// FindingsJSON renders findings on text as JSON: {"findings":[{"check",
// "severity","start","end","line","column","paragraph","message"}]}, with
// "related" when a finding points at a second passage, "why" when the
// rule that raised it is named and "fix" ({"message","edits":[{"start",
// "end","new"}]}) when it suggests an edit. Lines and columns count from 1 in the
// text; paragraphs count as the quote sheet's do.
func FindingsJSON(text string, fs []editor.Finding) ([]byte, error) {
	out := struct {
		Findings []findingJSON `json:"findings"`
	}{Findings: make([]findingJSON, 0, len(fs))}
	lc := newLineIndex(text)
	paras := quote.Paragraphs(text)
	for _, f := range fs {
		line, col := lc.lineColumn(f.Span.Start)
		out.Findings = append(out.Findings, findingJSON{
			Check: f.Check, Severity: f.Severity, Start: f.Span.Start, End: f.Span.End,
			Line: line, Column: col, Paragraph: quote.ParagraphAt(paras, f.Span.Start),
			Message: f.Message, Related: f.Related, Why: f.Why, Fix: toFixJSON(f.Fix),
		})
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("findings: %w", err)
	}
	return b, nil
}

// lineIndex answers LineColumn for many offsets without rescanning the text
// from the start each time.
type lineIndex struct {
	text   string
	starts []int
}

func newLineIndex(text string) lineIndex {
	li := lineIndex{text: text, starts: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

func (li lineIndex) lineColumn(off int) (int, int) {
	if off > len(li.text) {
		off = len(li.text)
	}
	lo, hi := 0, len(li.starts)-1
	for lo < hi {
		m := (lo + hi + 1) / 2
		if li.starts[m] <= off {
			lo = m
		} else {
			hi = m - 1
		}
	}
	_, col := editor.LineColumn(li.text[li.starts[lo]:], off-li.starts[lo])
	return lo + 1, col
}

// WriteFindingsText writes one line per finding: file:line:col severity
// check message; with explain, an indented "why:" line follows each
// finding whose rule is named.
func WriteFindingsText(w io.Writer, file, text string, fs []editor.Finding, explain bool) error {
	lc := newLineIndex(text)
	for _, f := range fs {
		line, col := lc.lineColumn(f.Span.Start)
		if _, err := fmt.Fprintf(w, "%s:%d:%d %s %s %s\n", file, line, col, f.Severity, f.Check, f.Message); err != nil {
			return fmt.Errorf("write findings: %w", err)
		}
		if explain && f.Why != "" {
			if _, err := fmt.Fprintf(w, "    why: %s\n", f.Why); err != nil {
				return fmt.Errorf("write findings: %w", err)
			}
		}
	}
	return nil
}
