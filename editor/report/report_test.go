package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/review"
	"copydesk/editor/source"
)

// hostile is text from outside the newsroom that would run script in a
// page that did not escape it.
const hostile = `<script>document.title='pwned'</script> and <img src=x onerror="document.title='pwned'">`

// fixture is the review record of testdata/article.txt checked against
// testdata/source.txt, with a note for every finding (in each status), an
// editor's comment with replies, and an orphaned note.
func fixture(t *testing.T) Report {
	t.Helper()
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	text := read("article.txt")
	when := time.Date(2025, 3, 10, 16, 45, 0, 0, time.UTC)
	a := editor.Article{ID: 7, Title: "Café owners say quay works are ‘killing trade’", Slug: "quay-cafes", Byline: "Ana Ruiz — Carrow Gazette"}
	rev := editor.Revision{ArticleID: 7, Number: 3, Label: "Copy edit", Author: "Maya Lin", Text: text, Created: when}
	res := review.Run(review.Input{Text: text, Sources: []source.Text{{Title: "Quay traders notes", Text: read("source.txt")}}})
	statuses := []editor.NoteStatus{editor.NoteOpen, editor.NoteResolved, editor.NoteDismissed}
	var notes []editor.Note
	for i, f := range res.Findings {
		notes = append(notes, editor.Note{
			ID: int64(i + 1), ArticleID: 7, Revision: 3, Check: f.Check, Severity: f.Severity,
			Status: statuses[i%len(statuses)], Message: f.Message, Author: "Maya Lin",
			Anchor: editor.NewAnchor(text, f.Span), Created: when,
		})
	}
	comment := editor.NewAnchor(text, spanOf(t, text, "Le Petit Port"))
	notes = append(notes,
		editor.Note{ID: 90, ArticleID: 7, Revision: 3, Status: editor.NoteOpen, Author: "Sam Okoro",
			Message: "Check the café’s name — is it “Le Petit Port” or “Au Petit Port”? (The sign says " + hostile + ")",
			Anchor:  comment, Created: when},
		editor.Note{ID: 91, ArticleID: 7, Revision: 2, Check: editor.CheckUnverified, Severity: editor.Warning,
			Status: editor.NoteOpen, Author: "Maya Lin", Orphaned: true,
			Message: "This quotation is in none of the attached sources; check it against the notes or recording.",
			Anchor:  editor.Anchor{Exact: "“We will reopen in May,”", Prefix: "the harbor master said. ", Suffix: " said Mr. Mehta."}, Created: when},
	)
	replies := map[int64][]editor.Reply{
		90: {
			{ID: 1, NoteID: 90, Author: "Ana Ruiz", Text: "It’s “Le Petit Port” — I checked the sign.", Created: when.Add(time.Hour)},
			{ID: 2, NoteID: 90, Author: "Sam Okoro", Text: "Thanks. " + hostile, Created: when.Add(2 * time.Hour)},
		},
	}
	r := New(a, rev, res, notes, replies)
	r.Generated = when.Add(3 * time.Hour)
	return r
}

func spanOf(t *testing.T, text, words string) editor.Span {
	t.Helper()
	i := strings.Index(text, words)
	if i < 0 {
		t.Fatalf("%q not in the text", words)
	}
	return editor.Span{Start: i, End: i + len(words)}
}

func TestNew(t *testing.T) {
	r := fixture(t)
	byCheck := func(check string, orphaned bool) *Note {
		for i := range r.Notes {
			if r.Notes[i].Check == check && r.Notes[i].Orphaned == orphaned {
				return &r.Notes[i]
			}
		}
		t.Fatalf("no note of %q (orphaned %v)", check, orphaned)
		return nil
	}
	tests := []struct {
		name        string
		note        *Note
		wantPassage string // "" for none
	}{
		{"misquotation gets the source wording", byCheck(editor.CheckMisquoted, false), "We have lost nearly half our customers since the fences went up"},
		{"content drift gets the source sentence", byCheck("drift.content", false), "We will look at what we can do on rents."},
		{"unverified quotation has no passage", byCheck(editor.CheckUnverified, false), ""},
		{"orphaned note has no passage", byCheck(editor.CheckUnverified, true), ""},
		{"comment has no passage", byCheck("", false), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if tt.note.Source != nil {
				got = tt.note.Source.Text
				if tt.note.Source.File != "Quay traders notes" {
					t.Errorf("source: got %q, want %q", tt.note.Source.File, "Quay traders notes")
				}
			}
			if got != tt.wantPassage {
				t.Errorf("passage: got %q, want %q", got, tt.wantPassage)
			}
		})
	}
	if got := len(byCheck("", false).Replies); got != 2 {
		t.Errorf("comment replies: got %d, want 2", got)
	}
}

func TestQuoteSheet(t *testing.T) {
	r := fixture(t)
	tests := []struct {
		text    string // start of the quotation
		speaker string
		status  source.Status
		passage string
	}{
		{"We have lost half", "Renée Dubois", source.Misquoted, "We have lost nearly half our customers since the fences went up"},
		{"Nobody wants to see", "Tom Reyes", source.Verbatim, "Nobody wants to see these businesses close"},
		{"The works will be finished", "Anil Mehta", source.Unverified, ""},
		{"the council would look", "Tom Reyes", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var q *Quote
			for i := range r.Quotes {
				if strings.HasPrefix(r.Quotes[i].Text, tt.text) {
					q = &r.Quotes[i]
				}
			}
			if q == nil {
				t.Fatalf("no quotation starting %q in %+v", tt.text, r.Quotes)
			}
			if q.Speaker != tt.speaker || q.Status != tt.status || q.Passage != tt.passage {
				t.Errorf("got speaker %q, status %q, passage %q; want %q, %q, %q", q.Speaker, q.Status, q.Passage, tt.speaker, tt.status, tt.passage)
			}
		})
	}
}

func TestSummaries(t *testing.T) {
	tests := []struct {
		name   string
		report Report
		notes  string
		quotes string
	}{
		{"empty", Report{}, "No notes.", "No quotations or reported statements."},
		{
			name: "counts",
			report: Report{
				Notes:  []Note{{Note: editor.Note{Status: editor.NoteOpen, Orphaned: true}}, {Note: editor.Note{Status: editor.NoteResolved}}},
				Quotes: []Quote{{Status: source.Verbatim}, {Status: source.Misquoted}, {Status: source.Misquoted}, {}},
			},
			notes:  "2 notes: 1 open, 1 resolved, 0 dismissed; 1 no longer found in the text.",
			quotes: "4 quotations and reported statements; against the sources: 1 verbatim, 2 misquoted.",
		},
		{
			name:   "no sources",
			report: Report{NoSources: true, Quotes: []Quote{{Status: source.NoSources}}},
			notes:  "No notes.",
			quotes: "1 quotation or reported statement. " + review.NoSourcesMessage,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.report.noteSummary(); got != tt.notes {
				t.Errorf("notes: got %q, want %q", got, tt.notes)
			}
			if got := tt.report.quoteSummary(); got != tt.quotes {
				t.Errorf("quotes: got %q, want %q", got, tt.quotes)
			}
		})
	}
}
