package source

import (
	"fmt"
	"strings"

	"copydesk/editor"
	"copydesk/editor/quote"
)

// Names of the source checks. They are stored in the database: never
// change them.
const (
	CheckMisquoted  = "quote.misquoted"
	CheckUnverified = "quote.unverified"
)

// QuoteVerification is how one quotation of a draft fared against the
// sources, for the quote sheet.
type QuoteVerification struct {
	// Quote indexes Document.Quotes.
	Quote  int
	Status QuoteStatus
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
func (ix *SourceIndex) VerifyQuotes(d *quote.Document) []QuoteVerification {
	var out []QuoteVerification
	for qi, q := range d.Quotes {
		if !q.Direct || !q.Speech {
			continue
		}
		m := ix.VerifyQuote(q.Text)
		v := QuoteVerification{Quote: qi, Status: m.Status, SourceIndex: m.Source, Passage: m.Passage, Span: m.Span, Similarity: m.Similarity}
		if m.Source >= 0 {
			v.Source = ix.sources[m.Source].Label()
		}
		if m.Status == QuoteMisquoted {
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

// quoteFindings turns verifications into findings. Headline quotations are
// left to the headline check.
func (ix *SourceIndex) quoteFindings(d *quote.Document, vs []QuoteVerification) []editor.Finding {
	var out []editor.Finding
	for _, v := range vs {
		q := d.Quotes[v.Quote]
		if q.Headline {
			continue
		}
		switch v.Status {
		case QuoteMisquoted:
			off := quoteTextStart(d, q)
			changes := make([]WordChange, len(v.Changes))
			for i, c := range v.Changes {
				c.B.Start -= off
				c.B.End -= off
				changes[i] = c
			}
			out = append(out, editor.Finding{
				Check: CheckMisquoted, Severity: editor.Warning, Span: q.Span,
				Message: fmt.Sprintf("This quotation does not match %s word for word (%s); quote the source exactly or paraphrase without quote marks.",
					v.Source, describeChanges(v.Passage, q.Text, changes)),
				Related: &editor.Related{Text: v.Passage, File: v.Source, Span: v.Span},
			})
		case QuoteUnverified:
			out = append(out, editor.Finding{
				Check: CheckUnverified, Severity: editor.Warning, Span: q.Span,
				Message: "This quotation is in none of the attached sources; check it against the notes or recording.",
			})
		}
	}
	return out
}

// QuoteChecks returns the quote verification checks against the indexed
// sources. With no sources they report nothing: see ReviewResult.NoSources.
func QuoteChecks(ix *SourceIndex) []quote.Check {
	run := func(name string) func(*quote.Document) []editor.Finding {
		return func(d *quote.Document) []editor.Finding {
			var out []editor.Finding
			for _, f := range ix.quoteFindings(d, ix.VerifyQuotes(d)) {
				if f.Check == name {
					out = append(out, f)
				}
			}
			return out
		}
	}
	return []quote.Check{
		{Name: CheckMisquoted, Doc: "A quotation is close to, but not the same as, the wording in a source.", Severity: editor.Warning, Run: run(CheckMisquoted)},
		{Name: CheckUnverified, Doc: "A quotation is found in none of the attached sources.", Severity: editor.Warning, Run: run(CheckUnverified)},
	}
}

// ReviewInput is what a review reads: the draft, the sources it was written
// from and, when there is one, the previous revision's text.
type ReviewInput struct {
	Text     string
	Sources  []SourceText
	Previous string // "" when there is no previous revision
}

// ReviewResult is a full review of a draft.
type ReviewResult struct {
	Doc *quote.Document
	// Findings of every check, sorted by position.
	Findings []editor.Finding
	// Quotes says, for each spoken direct quotation, whether the sources
	// bear it out; with no sources each has status QuoteNoSources.
	Quotes []QuoteVerification
	// NoSources is true when no source with any words is attached, so no
	// quotation or paraphrase could be checked.
	NoSources bool
}

// ReviewChecks returns the checks a review runs: the quotation and
// attribution checks, with the headline check reading what the sources
// record as said, then the quote verification, paraphrase and revision
// checks. previous may be nil.
func ReviewChecks(ix *SourceIndex, previous *quote.Document) []quote.Check {
	var checks []quote.Check
	for _, c := range quote.DefaultChecks() {
		if c.Name == quote.CheckHeadlineUnsupported {
			c = quote.HeadlineQuoteCheck(quote.HeadlineOptions{Sources: ix.SpeechTexts()})
		}
		checks = append(checks, c)
	}
	checks = append(checks, QuoteChecks(ix)...)
	checks = append(checks, DriftChecks(ix)...)
	checks = append(checks, AlteredQuoteCheck(previous))
	return checks
}

// Review analyses a draft and checks it against its sources and previous
// revision. It runs each kind of check once; the result is the same as
// running ReviewChecks.
func Review(in ReviewInput) *ReviewResult {
	doc := quote.Analyze(in.Text)
	ix := NewSourceIndex(in.Sources)
	r := &ReviewResult{Doc: doc, NoSources: !hasWords(in.Sources)}
	for _, c := range quote.DefaultChecks() {
		if c.Name == quote.CheckHeadlineUnsupported {
			c = quote.HeadlineQuoteCheck(quote.HeadlineOptions{Sources: ix.SpeechTexts()})
		}
		r.Findings = append(r.Findings, c.Run(doc)...)
	}
	r.Quotes = ix.VerifyQuotes(doc)
	if !r.NoSources {
		r.Findings = append(r.Findings, ix.quoteFindings(doc, r.Quotes)...)
		r.Findings = append(r.Findings, ix.Drift(doc)...)
	} else {
		for i := range r.Quotes {
			r.Quotes[i].Status = QuoteNoSources
		}
	}
	if in.Previous != "" {
		r.Findings = append(r.Findings, AlteredQuotes(quote.Analyze(in.Previous), doc)...)
	}
	editor.SortFindings(r.Findings)
	return r
}

func hasWords(sources []SourceText) bool {
	for _, s := range sources {
		if editor.CountWords(s.Text) > 0 {
			return true
		}
	}
	return false
}

// NoSourcesMessage is what to tell the editor when a review had no sources
// to check quotations and paraphrase against.
const NoSourcesMessage = "No sources are attached, so quotations and paraphrases were not checked; attach the notes, transcript or wire copy the story was written from."
