package source

import (
	"fmt"
	"strings"

	"copydesk/editor"
	"copydesk/editor/quote"
)

// Verification is how one quotation of a draft fared against the
// sources, for the quote sheet.
type Verification struct {
	// Quote indexes Document.Quotes.
	Quote  int
	Status Status
	// Source names the source the quotation was found in ("" if none), and
	// SourceIndex indexes the sources given (-1 if none).
	Source      string
	SourceIndex int
	// Passage is the source's wording and Span where it stands in that
	// source's text.
	Passage    string
	Span       editor.Span
	Similarity float64
	// Changes are the words that differ between the source wording (A,
	// offsets into Passage) and the quotation (B, offsets into the
	// document's text). Empty unless misquoted.
	Changes []WordChange
}

// VerifyQuotes checks every spoken direct quotation of d against the
// sources, in the order of d.Quotes. Quotations that are not speech (scare
// quotes, titles) are left out.
func (ix *Index) VerifyQuotes(d *quote.Document) []Verification {
	var out []Verification
	for qi, q := range d.Quotes {
		if !q.Direct || !q.Speech {
			continue
		}
		m := ix.VerifyQuote(q.Text)
		v := Verification{Quote: qi, Status: m.Status, SourceIndex: m.Source, Passage: m.Passage, Span: m.Span, Similarity: m.Similarity}
		if m.Source >= 0 {
			v.Source = ix.sources[m.Source].Label()
		}
		if m.Status == Misquoted {
			off := quoteTextStart(d, q)
			for _, c := range CompareWords(m.Passage, q.Text) {
				c.B.Start += off
				c.B.End += off
				v.Changes = append(v.Changes, c)
			}
		}
		out = append(out, v)
	}
	return out
}

// quoteTextStart returns where a quotation's words start in the document.
func quoteTextStart(d *quote.Document, q quote.Quote) int {
	if k := strings.Index(q.Span.In(d.Text), q.Text); k >= 0 {
		return q.Span.Start + k
	}
	return q.Span.Start
}

// QuoteFindings turns verifications into findings. Headline quotations are
// left to the headline check.
func (ix *Index) QuoteFindings(d *quote.Document, vs []Verification) []editor.Finding {
	var out []editor.Finding
	for _, v := range vs {
		q := d.Quotes[v.Quote]
		if q.Headline {
			continue
		}
		switch v.Status {
		case Misquoted:
			off := quoteTextStart(d, q)
			changes := make([]WordChange, len(v.Changes))
			for i, c := range v.Changes {
				c.B.Start -= off
				c.B.End -= off
				changes[i] = c
			}
			out = append(out, editor.Finding{
				Check: editor.CheckMisquoted, Severity: editor.Warning, Span: q.Span,
				Message: fmt.Sprintf("This quotation does not match %s word for word (%s); quote the source exactly or paraphrase without quote marks.",
					v.Source, describeChanges(v.Passage, q.Text, changes)),
				Related: &editor.Related{Text: v.Passage, File: v.Source, Span: v.Span},
				Fix:     sourceWording(d.Text, v),
			})
		case Unverified:
			out = append(out, editor.Finding{
				Check: editor.CheckUnverified, Severity: editor.Warning, Span: q.Span,
				Message: "This quotation is in none of the attached sources; check it against the notes or recording.",
			})
		}
	}
	return out
}

// sourceWording is the fix that puts the source's words in place of those
// a misquote changed, word run by word run, leaving the rest of the
// quotation (and its punctuation) as written. A dropped source word is put
// back with a space; an added word goes with one space beside it.
func sourceWording(text string, v Verification) *editor.Fix {
	if len(v.Changes) == 0 {
		return nil
	}
	fix := &editor.Fix{Message: "Use the source’s wording"}
	for _, c := range v.Changes {
		if c.A.End > len(v.Passage) || c.B.End > len(text) || c.A.Start > c.A.End || c.B.Start > c.B.End {
			return nil
		}
		from := v.Passage[c.A.Start:c.A.End]
		e := editor.Edit{Span: c.B, New: from}
		switch {
		case c.B.Start == c.B.End && from != "": // words the quotation lacks
			if c.B.Start > 0 && isWordByte(text[c.B.Start-1]) {
				e.New = " " + from
			} else {
				e.New = from + " "
			}
		case from == "": // words the quotation adds, with a space beside them
			if c.B.End < len(text) && text[c.B.End] == ' ' {
				e.Span.End++
			} else if c.B.Start > 0 && text[c.B.Start-1] == ' ' {
				e.Span.Start--
			}
		}
		if n := len(fix.Edits); n > 0 && e.Span.Start < fix.Edits[n-1].Span.End {
			return nil
		}
		fix.Edits = append(fix.Edits, e)
	}
	return fix
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}
