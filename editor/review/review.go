// Package review runs every check on a draft: the quotation and attribution
// checks, the quotations and paraphrase against the sources, and the
// quotations against the previous revision. Its registry is the one list
// of checks; work several checks share (the analysis, the source index, the
// quote verification, the drift pass) is done once per review.
package review

import (
	"copydesk/editor"
	"copydesk/editor/quote"
	"copydesk/editor/source"
)

// Input is what a review reads: the draft, the sources it was written from
// and, when there is one, the previous revision's text.
type Input struct {
	Text     string
	Sources  []source.Text
	Previous string // "" when there is no previous revision
}

// Result is a full review of a draft.
type Result struct {
	Doc *quote.Document
	// Findings of every check, sorted by position.
	Findings []editor.Finding
	// Quotes says, for each spoken direct quotation, whether the sources
	// bear it out; with no sources each has status source.NoSources.
	Quotes []source.Verification
	// NoSources is true when no source with any words is attached, so no
	// quotation or paraphrase could be checked.
	NoSources bool
	// ran holds the names of the checks that ran: those whose needs the
	// input met.
	ran map[string]bool
}

// Ran reports whether the check named check ran in this review: it is
// registered and the input had what it needs (sources, a previous
// revision). Only a check that ran can tell that a finding it raised
// before is gone.
func (r *Result) Ran(check string) bool { return r.ran[check] }

// NoSourcesMessage is what to tell the editor when a review had no sources
// to check quotations and paraphrase against.
const NoSourcesMessage = "No sources are attached, so quotations and paraphrases were not checked; attach the notes, transcript or wire copy the story was written from."

// Run analyses a draft and runs every registered check on it.
func Run(in Input) *Result {
	p := NewPass(in)
	r := &Result{Doc: p.Doc, NoSources: p.NoSources, ran: make(map[string]bool)}
	reg := registry()
	for _, c := range reg.checks {
		if c.Needs.met(p) {
			r.ran[c.Name] = true
		}
	}
	r.Findings = reg.Run(p)
	r.Quotes = p.Verifications()
	if p.NoSources {
		for i := range r.Quotes {
			r.Quotes[i].Status = source.NoSources
		}
	}
	return r
}
