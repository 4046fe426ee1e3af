package review

import (
	"errors"
	"fmt"
	"sync"

	"copydesk/editor"
	"copydesk/editor/quote"
	"copydesk/editor/source"
)

// Check is one editorial rule: a stable name (stored with notes, never
// renamed), a one-line description, the severity of its findings, what it
// needs besides the draft, and a function from a review pass to findings.
type Check struct {
	Name     string
	Doc      string
	Severity editor.Severity
	Needs    Need
	Run      func(*Pass) []editor.Finding
}

// Need is what a check reads besides the draft. A check whose need a review
// could not meet raised nothing because it did not run, not because the
// draft is clean: see Result.Ran.
type Need int

// What checks need.
const (
	// NeedsDraft: the draft alone.
	NeedsDraft Need = iota
	// NeedsSources: a source with words in it.
	NeedsSources
	// NeedsPrevious: the previous revision.
	NeedsPrevious
)

// met reports whether pass p has what a check with need n reads.
func (n Need) met(p *Pass) bool {
	switch n {
	case NeedsSources:
		return !p.NoSources
	case NeedsPrevious:
		return p.Previous != nil
	}
	return true
}

// Pass is one review of one draft: the analysed text, what it is checked
// against, and the work several checks share, each done at most once.
type Pass struct {
	Doc     *quote.Document
	Sources *source.Index
	// Previous is the previous revision analysed, nil when there is none.
	Previous *quote.Document
	// NoSources is true when no source with any words is attached.
	NoSources bool

	verified      []source.Verification
	verifiedRun   bool
	quoteFindings []editor.Finding
	quotesRun     bool
	drift         []editor.Finding
	driftRun      bool
}

// NewPass analyses the draft and the previous revision and indexes the
// sources.
func NewPass(in Input) *Pass {
	p := &Pass{Doc: quote.Analyze(in.Text), Sources: source.NewIndex(in.Sources), NoSources: !hasWords(in.Sources)}
	if in.Previous != "" {
		p.Previous = quote.Analyze(in.Previous)
	}
	return p
}

func hasWords(sources []source.Text) bool {
	for _, s := range sources {
		if editor.CountWords(s.Text) > 0 {
			return true
		}
	}
	return false
}

// Verifications checks each spoken direct quotation against the sources,
// once per pass.
func (p *Pass) Verifications() []source.Verification {
	if !p.verifiedRun {
		p.verified, p.verifiedRun = p.Sources.VerifyQuotes(p.Doc), true
	}
	return p.verified
}

// SourceQuoteFindings returns the findings of the quote verification
// (misquoted and unverified quotations), once per pass. With no sources
// there are none: see Result.NoSources.
func (p *Pass) SourceQuoteFindings() []editor.Finding {
	if !p.quotesRun {
		if !p.NoSources {
			p.quoteFindings = p.Sources.QuoteFindings(p.Doc, p.Verifications())
		}
		p.quotesRun = true
	}
	return p.quoteFindings
}

// Drift compares each sentence with its closest source passage, once per
// pass, and returns the findings of every paraphrase check.
func (p *Pass) Drift() []editor.Finding {
	if !p.driftRun {
		if !p.NoSources {
			p.drift = p.Sources.Drift(p.Doc)
		}
		p.driftRun = true
	}
	return p.drift
}

// Registry is a set of checks with unique names, run together.
type Registry struct {
	checks []Check
}

// ErrDuplicateCheck is returned by NewRegistry when two checks share a name.
var ErrDuplicateCheck = errors.New("duplicate check name")

// NewRegistry returns a registry of the given checks, refusing empty and
// duplicate names.
func NewRegistry(checks ...Check) (*Registry, error) {
	seen := make(map[string]bool, len(checks))
	for _, c := range checks {
		if c.Name == "" || c.Run == nil {
			return nil, fmt.Errorf("registry: check %q: name and Run are required", c.Name)
		}
		if seen[c.Name] {
			return nil, fmt.Errorf("registry: %q: %w", c.Name, ErrDuplicateCheck)
		}
		seen[c.Name] = true
	}
	return &Registry{checks: append([]Check(nil), checks...)}, nil
}

// Checks returns the registered checks in registration order.
func (r *Registry) Checks() []Check { return append([]Check(nil), r.checks...) }

// Run applies every check to a pass and returns the findings sorted by
// position.
func (r *Registry) Run(p *Pass) []editor.Finding {
	var out []editor.Finding
	for _, c := range r.checks {
		out = append(out, c.Run(p)...)
	}
	editor.SortFindings(out)
	return out
}

// registry is the registry of Checks, built once.
var registry = sync.OnceValue(func() *Registry {
	r, err := NewRegistry(Checks()...)
	if err != nil {
		panic(err) // Checks is a fixed list; its test keeps the names unique
	}
	return r
})

// Checks returns every check a review runs, in the order the README's table
// lists them.
func Checks() []Check {
	return []Check{
		{Name: editor.CheckUnattributed, Severity: editor.Warning,
			Doc: "A quotation has no speaker, and nothing around it (the previous speaker, a name in its paragraph, a colon lead-in) gives it one.",
			Run: func(p *Pass) []editor.Finding { return quote.Unattributed(p.Doc) }},
		{Name: editor.CheckAmbiguousSpeaker, Severity: editor.Warning,
			Doc: "The speaker is a pronoun or description that could be more than one person, or the quote refers to someone never named.",
			Run: func(p *Pass) []editor.Finding { return quote.AmbiguousSpeakers(p.Doc) }},
		{Name: editor.CheckHeadlineUnsupported, Severity: editor.Warning,
			Doc: "Words in quotation marks in the headline appear in no quotation in the story nor in what the sources record as said.",
			Run: func(p *Pass) []editor.Finding {
				return quote.UnsupportedHeadlineQuotes(p.Doc, p.Sources.SpeechTexts())
			}},
		{Name: editor.CheckUnbalanced, Severity: editor.Warning,
			Doc: "A quotation mark has no partner, so where the quotation starts or ends is unclear.",
			Run: func(p *Pass) []editor.Finding { return quote.UnbalancedMarks(p.Doc) }},
		{Name: editor.CheckFloating, Severity: editor.Info,
			Doc: "A quotation paragraph has no attribution of its own and is read as the previous speaker continuing.",
			Run: func(p *Pass) []editor.Finding { return quote.FloatingQuotes(p.Doc) }},
		{Name: editor.CheckDistantPronoun, Severity: editor.Info,
			Doc: "A pronoun attribution points to a person last quoted several paragraphs earlier.",
			Run: func(p *Pass) []editor.Finding { return quote.DistantPronouns(p.Doc) }},
		{Name: editor.CheckAttributionVerb, Severity: editor.Info,
			Doc: "An attribution verb other than said, says, told or asked.",
			Run: func(p *Pass) []editor.Finding { return quote.LoadedAttributionVerbs(p.Doc) }},
		{Name: editor.CheckMisquoted, Severity: editor.Warning, Needs: NeedsSources,
			Doc: "A quotation is close to, but not the same as, the wording in a source.",
			Run: quoteVerification(editor.CheckMisquoted)},
		{Name: editor.CheckUnverified, Severity: editor.Warning, Needs: NeedsSources,
			Doc: "A quotation is found in none of the attached sources.",
			Run: quoteVerification(editor.CheckUnverified)},
		{Name: editor.CheckAltered, Severity: editor.Warning, Needs: NeedsPrevious,
			Doc: "A quotation's words changed since the previous revision, other than toward the wording of a source.",
			Run: func(p *Pass) []editor.Finding {
				if p.Previous == nil {
					return nil
				}
				return p.Sources.AlteredQuotes(p.Previous, p.Doc, p.Verifications())
			}},
		{Name: editor.CheckFactChanged, Severity: editor.Info, Needs: NeedsPrevious,
			Doc: "A figure, name, negation or hedge changed since the previous revision, outside quotation marks.",
			Run: func(p *Pass) []editor.Finding {
				if p.Previous == nil {
					return nil
				}
				return source.FactChanges(p.Previous, p.Doc)
			}},
		{Name: editor.CheckDriftNegation, Severity: editor.Warning, Needs: NeedsSources,
			Doc: "A sentence restating a source adds or drops a negation or puts an opposite in, reversing the source.",
			Run: drift(editor.CheckDriftNegation)},
		{Name: editor.CheckDriftNumber, Severity: editor.Warning, Needs: NeedsSources,
			Doc: "A sentence restating a source gives a figure, amount or date the source does not.",
			Run: drift(editor.CheckDriftNumber)},
		{Name: editor.CheckDriftEntity, Severity: editor.Warning, Needs: NeedsSources,
			Doc: "A sentence restating a source names a different person, place or organisation.",
			Run: drift(editor.CheckDriftEntity)},
		{Name: editor.CheckDriftCertainty, Severity: editor.Warning, Needs: NeedsSources,
			Doc: "A sentence restating a source is more or less certain than the source: a hedge, condition or scope word is changed.",
			Run: drift(editor.CheckDriftCertainty)},
		{Name: editor.CheckDriftContent, Severity: editor.Info, Needs: NeedsSources,
			Doc: "A sentence restating a source adds a name, figure, date or other content words that no source has.",
			Run: drift(editor.CheckDriftContent)},
	}
}

// quoteVerification runs the check named name over the shared quote
// verification.
func quoteVerification(name string) func(*Pass) []editor.Finding {
	return func(p *Pass) []editor.Finding { return only(name, p.SourceQuoteFindings()) }
}

// drift runs the paraphrase check named name over the shared drift pass.
func drift(name string) func(*Pass) []editor.Finding {
	return func(p *Pass) []editor.Finding { return only(name, p.Drift()) }
}

// only keeps the findings of one check.
func only(name string, fs []editor.Finding) []editor.Finding {
	var out []editor.Finding
	for _, f := range fs {
		if f.Check == name {
			out = append(out, f)
		}
	}
	return out
}
