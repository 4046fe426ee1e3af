package quote

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"copydesk/editor"
)

// Check is one editorial rule: a stable name (stored with notes, never
// renamed), a one-line description, a severity and a pure function from an
// analysed document to findings.
type Check struct {
	Name     string
	Doc      string
	Severity editor.Severity
	Run      func(*Document) []editor.Finding
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

// Run applies every check to doc and returns the findings sorted by
// position.
func (r *Registry) Run(doc *Document) []editor.Finding {
	var out []editor.Finding
	for _, c := range r.checks {
		out = append(out, c.Run(doc)...)
	}
	editor.SortFindings(out)
	return out
}

// Names of the quotation checks. They are stored in the database: never
// change them.
const (
	CheckUnattributed        = "quote.unattributed"
	CheckAmbiguousSpeaker    = "quote.ambiguous-speaker"
	CheckFloating            = "quote.floating"
	CheckHeadlineUnsupported = "quote.headline-unsupported"
	CheckDistantPronoun      = "quote.distant-pronoun"
	CheckUnbalanced          = "quote.unbalanced"
	CheckAttributionVerb     = "style.attribution-verb"
)

// HeadlineOptions configures the headline check. Sources are texts the
// story was written from (transcripts, wire copy); a headline quotation
// found in one of them is supported even if the body does not quote it.
type HeadlineOptions struct {
	Sources []string
}

// DefaultChecks returns the quotation and attribution checks with default
// options.
func DefaultChecks() []Check {
	return []Check{
		UnattributedCheck(),
		AmbiguousSpeakerCheck(),
		FloatingQuoteCheck(),
		HeadlineQuoteCheck(HeadlineOptions{}),
		DistantPronounCheck(),
		UnbalancedMarksCheck(),
		AttributionVerbCheck(),
	}
}

// UnattributedCheck flags statements with no speaker at all.
func UnattributedCheck() Check {
	return Check{
		Name:     CheckUnattributed,
		Doc:      "A quotation or reported statement has no speaker.",
		Severity: editor.Warning,
		Run: func(d *Document) []editor.Finding {
			var out []editor.Finding
			for _, q := range d.Quotes {
				if !q.Speech || q.Headline || q.Attribution != AttrNone || q.stance {
					continue
				}
				what := "This quotation"
				if !q.Direct {
					what = "This statement"
				}
				out = append(out, editor.Finding{
					Check: CheckUnattributed, Severity: editor.Warning, Span: q.Span,
					Message: what + " has no speaker; say who said it.",
				})
			}
			return out
		},
	}
}

// AmbiguousSpeakerCheck flags speakers that do not point to one person and
// quotations that refer by pronoun to someone the story never names.
func AmbiguousSpeakerCheck() Check {
	return Check{
		Name:     CheckAmbiguousSpeaker,
		Doc:      "The speaker is a pronoun or description that could be more than one person, or the quote refers to someone never named.",
		Severity: editor.Warning,
		Run: func(d *Document) []editor.Finding {
			var out []editor.Finding
			for _, q := range d.Quotes {
				if !q.Speech || q.Headline {
					continue
				}
				if q.Attribution == AttrAmbiguous && q.Speaker != nil {
					out = append(out, editor.Finding{
						Check: CheckAmbiguousSpeaker, Severity: editor.Warning, Span: q.Speaker.Span,
						Message: fmt.Sprintf("%q could refer to more than one person here; name the speaker.", q.Speaker.Text),
					})
				}
				if !q.Direct {
					continue
				}
				if sp, g, ok := d.unnamedReferent(q); ok {
					out = append(out, editor.Finding{
						Check: CheckAmbiguousSpeaker, Severity: editor.Warning, Span: sp,
						Message: fmt.Sprintf("The quote refers to %q, but the story names no %s it could be; say who is meant.", sp.In(d.Text), g),
					})
				}
			}
			return out
		},
	}
}

// unnamedReferent finds a he or she at the start of a quotation when the
// story names no person of that gender before the quotation.
func (d *Document) unnamedReferent(q Quote) (editor.Span, string, bool) {
	inner := strings.TrimLeftFunc(q.Text, func(r rune) bool { return !unicode.IsLetter(r) })
	w := strings.ToLower(firstWord(inner))
	w = strings.ReplaceAll(w, "’", "'")
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'d")
	var g gender
	switch w {
	case "she", "her":
		g = genderFemale
	case "he", "him", "his":
		g = genderMale
	default:
		return editor.Span{}, "", false
	}
	for _, m := range d.mentions {
		if m.span.Start >= q.Span.Start {
			break
		}
		if d.People[m.person].Gender == g.String() {
			return editor.Span{}, "", false
		}
	}
	// "my father", "his wife" just before also give the pronoun a referent.
	from := max(0, q.Span.Start-400)
	for _, w := range strings.FieldsFunc(strings.ToLower(d.Text[from:q.Span.Start]), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if gendered[w] == g {
			return editor.Span{}, "", false
		}
	}
	fw := firstWord(inner)
	pro := fw
	if k := strings.IndexAny(fw, "’'"); k > 0 {
		pro = fw[:k] // She’s -> She
	}
	start := q.Span.Start + strings.Index(d.Text[q.Span.Start:q.Span.End], fw)
	word := "woman"
	if g == genderMale {
		word = "man"
	}
	return editor.Span{Start: start, End: start + len(pro)}, word, true
}

// gendered lists common nouns that name a man or a woman.
var gendered = map[string]gender{
	"father": genderMale, "mother": genderFemale, "husband": genderMale, "wife": genderFemale,
	"son": genderMale, "daughter": genderFemale, "brother": genderMale, "sister": genderFemale,
	"man": genderMale, "woman": genderFemale, "boy": genderMale, "girl": genderFemale,
	"uncle": genderMale, "aunt": genderFemale, "grandfather": genderMale, "grandmother": genderFemale,
	"boyfriend": genderMale, "girlfriend": genderFemale, "king": genderMale, "queen": genderFemale,
	"dad": genderMale, "mom": genderFemale, "nephew": genderMale, "niece": genderFemale,
	"businessman": genderMale, "businesswoman": genderFemale, "chairwoman": genderFemale,
	"spokeswoman": genderFemale, "spokesman": genderMale, "congresswoman": genderFemale,
}

func firstWord(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '.' })
	if end < 0 {
		return s
	}
	return s[:end]
}

// FloatingQuoteCheck notes quotations attributed only by following
// another speaker's quotation.
func FloatingQuoteCheck() Check {
	return Check{
		Name:     CheckFloating,
		Doc:      "A quotation paragraph has no attribution of its own and is read as the previous speaker continuing.",
		Severity: editor.Info,
		Run: func(d *Document) []editor.Finding {
			var out []editor.Finding
			for _, q := range d.Quotes {
				if !q.Speech || q.Attribution != AttrContinuation {
					continue
				}
				who := "the previous speaker"
				if q.SpeakerName != "" {
					who = q.SpeakerName
				}
				out = append(out, editor.Finding{
					Check: CheckFloating, Severity: editor.Info, Span: q.Span,
					Message: fmt.Sprintf("This quotation has no attribution of its own and is read as %s continuing; consider naming the speaker.", who),
				})
			}
			return out
		},
	}
}

// HeadlineQuoteCheck flags words in quotation marks in the headline that
// no quotation in the body (or, with options, no source text) contains.
func HeadlineQuoteCheck(opts HeadlineOptions) Check {
	sources := make([]string, len(opts.Sources))
	for i, s := range opts.Sources {
		sources[i] = normalizeForMatch(s)
	}
	return Check{
		Name:     CheckHeadlineUnsupported,
		Doc:      "Words in quotation marks in the headline appear in no quotation in the story.",
		Severity: editor.Warning,
		Run: func(d *Document) []editor.Finding {
			var body []string
			for _, q := range d.Quotes {
				if q.Direct && !q.Headline {
					body = append(body, normalizeForMatch(q.Text))
				}
			}
			var out []editor.Finding
			for _, q := range d.Quotes {
				if !q.Headline || !q.Direct {
					continue
				}
				want := normalizeForMatch(q.Text)
				if want == "" || containsAny(body, want) || containsAny(sources, want) {
					continue
				}
				out = append(out, editor.Finding{
					Check: CheckHeadlineUnsupported, Severity: editor.Warning, Span: q.Span,
					Message: fmt.Sprintf("The headline quotes %q, but no quotation in the story contains those words; quote what was said or drop the quote marks.", q.Text),
				})
			}
			return out
		},
	}
}

func containsAny(hay []string, needle string) bool {
	for _, h := range hay {
		if strings.Contains(" "+h+" ", " "+needle+" ") {
			return true
		}
	}
	return false
}

// normalizeForMatch folds case, quotation-mark style, apostrophes and
// punctuation so "Not worried," matches “not worried”.
func normalizeForMatch(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '’' || r == '\'':
			b.WriteRune('\'')
			space = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// DistantPronounCheck notes a pronoun attribution that resolves to a person
// last quoted several paragraphs earlier, with someone else quoted since.
func DistantPronounCheck() Check {
	const gap = 3
	return Check{
		Name:     CheckDistantPronoun,
		Doc:      "A pronoun attribution points to a person last quoted several paragraphs earlier.",
		Severity: editor.Info,
		Run: func(d *Document) []editor.Finding {
			var out []editor.Finding
			for i, q := range d.Quotes {
				if !q.Speech || q.Attribution != AttrPronoun || q.person < 0 || q.Speaker == nil || q.Verb == nil || q.stance {
					continue
				}
				lastOwn, other := -1, false
				for k := i - 1; k >= 0; k-- {
					p := d.Quotes[k]
					if p.Paragraph < q.Paragraph-lookBack {
						break
					}
					if !p.Speech || p.Headline || p.stance || p.Span.Start >= q.Span.Start {
						continue
					}
					if p.person == q.person {
						lastOwn = p.Paragraph
						break
					}
					if p.person >= 0 {
						other = true
					}
				}
				if lastOwn < 0 || q.Paragraph-lastOwn < gap || !other {
					continue
				}
				out = append(out, editor.Finding{
					Check: CheckDistantPronoun, Severity: editor.Info, Span: q.Speaker.Span,
					Message: fmt.Sprintf("%q is taken to mean %s, last quoted %d paragraphs earlier; consider repeating the name.", q.Speaker.Text, q.SpeakerName, q.Paragraph-lastOwn),
				})
			}
			return out
		},
	}
}

// UnbalancedMarksCheck flags quotation marks that open or close nothing.
func UnbalancedMarksCheck() Check {
	return Check{
		Name:     CheckUnbalanced,
		Doc:      "A quotation mark has no partner, so where the quotation starts or ends is unclear.",
		Severity: editor.Warning,
		Run: func(d *Document) []editor.Finding {
			out := make([]editor.Finding, 0, len(d.Unbalanced))
			for _, s := range d.Unbalanced {
				out = append(out, editor.Finding{
					Check: CheckUnbalanced, Severity: editor.Warning, Span: s,
					Message: "This quotation mark has no matching mark; close the quotation or remove the mark.",
				})
			}
			return out
		},
	}
}

// AttributionVerbCheck notes attribution verbs that add colour or judgement
// where news style uses "said".
func AttributionVerbCheck() Check {
	lx := sharedLexicon()
	return Check{
		Name:     CheckAttributionVerb,
		Doc:      "An attribution verb other than said, says, told or asked.",
		Severity: editor.Info,
		Run: func(d *Document) []editor.Finding {
			var out []editor.Finding
			seen := make(map[editor.Span]bool)
			for _, q := range d.Quotes {
				if !q.Speech || q.Verb == nil || seen[q.Verb.Span] {
					continue
				}
				v := lx.cues[strings.ToLower(strings.ReplaceAll(q.Verb.Text, "’", "'"))]
				if !v.loaded {
					continue
				}
				seen[q.Verb.Span] = true
				out = append(out, editor.Finding{
					Check: CheckAttributionVerb, Severity: editor.Info, Span: q.Verb.Span,
					Message: fmt.Sprintf("%q adds colour or judgement to the attribution; news style uses \"said\" unless the meaning is intended.", q.Verb.Text),
				})
			}
			return out
		},
	}
}
