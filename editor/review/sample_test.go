package review

import (
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/internal/newstest"
	"copydesk/editor/quote"
)

// paragraphOf returns the 1-based line of the file that offset falls on,
// the numbering the sample's README uses ("paragraph N" = line N).
func lineOf(text string, off int) int {
	line, _ := editor.LineColumn(text, off)
	return line
}

// TestSampleDraft checks the NATO draft against what its README says an
// editor flags, and against its expected quote sheet.
func TestSampleDraft(t *testing.T) {
	text := newstest.Read(t, "samples", "nato-rutte-draft.txt")
	r := Run(Input{Text: text})
	doc, findings := r.Doc, r.Findings

	has := func(check string, line int, words string) bool {
		for _, f := range findings {
			if f.Check == check && lineOf(text, f.Span.Start) == line && strings.Contains(f.Span.In(text), words) {
				return true
			}
		}
		return false
	}
	wantFindings := []struct {
		item, check string
		line        int
		words       string
	}{
		{"1 headline quotation unsupported", editor.CheckHeadlineUnsupported, 1, "Not Concerned"},
		{"2 ambiguous he", editor.CheckAmbiguousSpeaker, 6, "he"},
		{"2 she never named", editor.CheckAmbiguousSpeaker, 6, "She"},
		{"3 floating quote", editor.CheckFloating, 9, "NATO will be in safe hands."},
		{"4 remarked", editor.CheckAttributionVerb, 6, "remarked"},
		{"4 articulated", editor.CheckAttributionVerb, 8, "articulated"},
		{"4 commented", editor.CheckAttributionVerb, 16, "commented"},
		{"4 affirmed", editor.CheckAttributionVerb, 7, "affirmed"},
		{"5 distant pronoun", editor.CheckDistantPronoun, 16, "he"},
	}
	for _, w := range wantFindings {
		if !has(w.check, w.line, w.words) {
			t.Errorf("item %s: no %s finding on paragraph %d covering %q", w.item, w.check, w.line, w.words)
		}
	}
	// Nothing the README calls sound may be reported as unattributed, and
	// the style rule never fires inside quotation marks.
	for _, f := range findings {
		if f.Check == editor.CheckUnattributed {
			t.Errorf("unexpected %s at paragraph %d: %q", f.Check, lineOf(text, f.Span.Start), f.Span.In(text))
		}
		if f.Check == editor.CheckAttributionVerb {
			for _, q := range doc.Quotes {
				if q.Direct && q.Span.Contains(f.Span) {
					t.Errorf("%s fired inside a quotation: %q", f.Check, f.Span.In(text))
				}
			}
		}
	}

	// The quote sheet an editor expects.
	sheet := []struct {
		line        int
		start       string
		speaker     string
		attribution quote.Attribution
	}{
		{1, "Not Concerned", "Mark Rutte", quote.AttrExplicit},
		{2, "not worried", "Mark Rutte", quote.AttrExplicit},
		{4, "I’m not worried. I know both", "Mark Rutte", quote.AttrExplicit},
		{6, "She’s a highly respected leader", "", quote.AttrAmbiguous},
		{7, "safe hands", "Jens Stoltenberg", quote.AttrExplicit},
		{8, "He knows how to make compromises", "Jens Stoltenberg", quote.AttrExplicit},
		{9, "NATO will be in safe hands.", "Jens Stoltenberg", quote.AttrContinuation},
		{16, "We need to do more regarding our collective defense", "Mark Rutte", quote.AttrPronoun},
	}
	for _, w := range sheet {
		found := false
		for _, q := range doc.Quotes {
			if !q.Direct || !q.Speech || lineOf(text, q.Span.Start) != w.line || !strings.HasPrefix(q.Text, w.start) {
				continue
			}
			found = true
			if q.SpeakerName != w.speaker || q.Attribution != w.attribution {
				t.Errorf("paragraph %d %q: speaker %q (%s), want %q (%s)", w.line, w.start, q.SpeakerName, q.Attribution, w.speaker, w.attribution)
			}
		}
		if !found {
			t.Errorf("paragraph %d: no direct quotation starting %q on the sheet", w.line, w.start)
		}
	}
	// Reported speech: anonymous officials (paragraph 10) and "according to
	// diplomats and analysts" (paragraph 15).
	reported := map[int]quote.Attribution{10: quote.AttrAnonymous, 15: quote.AttrAnonymous}
	for line, attr := range reported {
		ok := false
		for _, q := range doc.Quotes {
			if !q.Direct && lineOf(text, q.Span.Start) == line && q.Attribution == attr {
				ok = true
			}
		}
		if !ok {
			t.Errorf("paragraph %d: no reported statement attributed %s", line, attr)
		}
	}
	// Speakers resolve to the full name given at first reference.
	for _, q := range doc.Quotes {
		if q.Speaker != nil && strings.Contains(q.Speaker.Text, "Rutte") && q.SpeakerName != "Mark Rutte" {
			t.Errorf("speaker %q resolved to %q, want Mark Rutte", q.Speaker.Text, q.SpeakerName)
		}
	}
}
