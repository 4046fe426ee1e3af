package quote

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/rivo/uniseg"

	"copydesk/editor"
)

type mentionJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type quoteJSON struct {
	Start       int          `json:"start"`
	End         int          `json:"end"`
	Text        string       `json:"text"`
	Direct      bool         `json:"direct"`
	Speech      bool         `json:"speech"`
	Speaker     *mentionJSON `json:"speaker"`
	SpeakerName string       `json:"speaker_name"`
	Verb        *mentionJSON `json:"verb"`
	Attribution Attribution  `json:"attribution"`
	Line        int          `json:"line"`
	Column      int          `json:"column"`
	Paragraph   int          `json:"paragraph"`
	Headline    bool         `json:"headline"`
	Partial     bool         `json:"partial"`
	Why         string       `json:"why,omitempty"`
	Candidates  []string     `json:"candidates,omitempty"`
}

func mentionToJSON(m *Mention) *mentionJSON {
	if m == nil {
		return nil
	}
	return &mentionJSON{Start: m.Span.Start, End: m.Span.End, Text: m.Text}
}

// SheetJSON renders the quote sheet as JSON for the command line:
// {"quotes":[{"start","end","text","direct","speech","speaker","speaker_name",
// "verb","attribution","line","column","paragraph","headline","partial",
// "why","candidates"}]}, with byte offsets; lines and columns count from 1
// as check's do; "why" names the rule that chose the speaker and
// "candidates" the people an ambiguous speaker could be.
func SheetJSON(doc *Document) ([]byte, error) {
	out := struct {
		Quotes []quoteJSON `json:"quotes"`
	}{Quotes: make([]quoteJSON, 0, len(doc.Quotes))}
	for _, q := range doc.Quotes {
		line, col := editor.LineColumn(doc.Text, q.Span.Start)
		out.Quotes = append(out.Quotes, quoteJSON{
			Line: line, Column: col,
			Start: q.Span.Start, End: q.Span.End, Text: q.Text,
			Direct: q.Direct, Speech: q.Speech,
			Speaker: mentionToJSON(q.Speaker), SpeakerName: q.SpeakerName,
			Verb: mentionToJSON(q.Verb), Attribution: q.Attribution,
			Paragraph: q.Paragraph, Headline: q.Headline, Partial: q.Partial,
			Why: q.Why, Candidates: q.Candidates,
		})
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("quote sheet: %w", err)
	}
	return b, nil
}

// WriteSheetText writes the quote sheet as a table an editor can read:
// line (as check counts it), paragraph, kind, speaker, how attributed and the start of the quote;
// with explain, an indented line under each row names the rule that chose
// its speaker.
func WriteSheetText(w io.Writer, doc *Document, explain bool) error {
	rows := [][]string{{"LINE", "PARA", "KIND", "SPEAKER", "ATTRIBUTION", "QUOTE"}}
	whys := []string{""}
	for _, q := range doc.Quotes {
		para := fmt.Sprint(q.Paragraph)
		if q.Headline {
			para = "hed"
		}
		kind := "reported"
		switch {
		case q.Direct && !q.Speech:
			kind = "not speech"
		case q.Direct && q.Partial:
			kind = "partial"
		case q.Direct:
			kind = "direct"
		}
		who := q.SpeakerName
		if who == "" && q.Speaker != nil {
			who = q.Speaker.Text
		}
		if who == "" {
			who = "—"
		}
		attr := string(q.Attribution)
		if !q.Speech {
			attr = ""
		}
		line, _ := editor.LineColumn(doc.Text, q.Span.Start)
		rows = append(rows, []string{fmt.Sprint(line), para, kind, truncateWidth(who, 28), attr, truncateWidth(q.Text, 60)})
		why := ""
		if explain && q.Speech && q.Why != "" {
			why = "    why: " + q.Why
			if len(q.Candidates) > 1 {
				why += " (" + orList(q.Candidates) + ")"
			}
			why += "\n"
		}
		whys = append(whys, why)
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], uniseg.StringWidth(c))
		}
	}
	for ri, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-uniseg.StringWidth(c)+2))
			}
		}
		b.WriteByte('\n')
		b.WriteString(whys[ri])
		if _, err := io.WriteString(w, b.String()); err != nil {
			return fmt.Errorf("write quote sheet: %w", err)
		}
	}
	return nil
}

// truncateWidth shortens s to at most width display cells, ending in "…",
// without splitting a grapheme cluster.
func truncateWidth(s string, width int) string {
	s = strings.Join(strings.Fields(s), " ")
	if uniseg.StringWidth(s) <= width {
		return s
	}
	var b strings.Builder
	w := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cw := g.Width()
		if w+cw > width-1 {
			break
		}
		b.WriteString(g.Str())
		w += cw
	}
	b.WriteString("…")
	return b.String()
}

// Paragraphs returns the spans of text's paragraphs as the quote sheet
// numbers them: the non-blank lines, the first (the headline) 0.
func Paragraphs(text string) []editor.Span { return splitParagraphs(text) }

// ParagraphAt returns the number of the paragraph holding offset off, or
// of the last one before it.
func ParagraphAt(paras []editor.Span, off int) int {
	i := sort.Search(len(paras), func(i int) bool { return paras[i].Start > off })
	return max(i-1, 0)
}
