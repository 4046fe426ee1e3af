package report

import (
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/review"
	"copydesk/editor/source"
)

func TestBuildListsOutstandingFindings(t *testing.T) {
	text := "Mayor Vows ‘No New Taxes’\n“We will not raise taxes,” Mayor Ana Ruiz remarked."
	kept := editor.Note{ID: 7, Check: editor.CheckAttributionVerb, Status: editor.NoteResolved, Message: "changed to said", Author: "desk",
		Anchor: editor.NewAnchor(text, editor.Span{Start: strings.Index(text, "remarked"), End: strings.Index(text, "remarked") + len("remarked")})}
	r := Build(Input{
		Article:  editor.Article{ID: 1, Title: "Mayor Vows"},
		Revision: editor.Revision{Number: 2, Text: text},
		Sources:  []editor.Source{{Title: "Notes", Text: "RUIZ: We will not raise taxes this year."}},
		Notes:    []editor.Note{kept},
		Replies:  map[int64][]editor.Reply{7: {{Text: "Done."}}},
	}, time.Unix(0, 0))
	var checks []string
	for _, n := range r.Notes {
		checks = append(checks, n.Check+"/"+n.Author)
	}
	got := strings.Join(checks, " ")
	if !strings.Contains(got, editor.CheckAttributionVerb+"/desk") || strings.Count(got, editor.CheckAttributionVerb) != 1 {
		t.Errorf("the kept note should stand for its finding once: %s", got)
	}
	if !strings.Contains(got, editor.CheckHeadlineUnsupported+"/Copydesk check") {
		t.Errorf("the outstanding headline finding is missing: %s", got)
	}
	if len(r.Quotes) == 0 || r.NoSources {
		t.Errorf("quote sheet %d rows, no sources %v", len(r.Quotes), r.NoSources)
	}
}

// TestBuildMarksFixedNotes: a misquote kept as a note and then corrected in
// the copy is shown as fixed, never as an open misquote beside a quote
// sheet that calls the quotation verbatim.
func TestBuildMarksFixedNotes(t *testing.T) {
	const notesText = "RUIZ: We expect the work to be finished well before the summer season."
	draft := "Harbor Work Starts\nDredging starts next week, Mayor Ana Ruiz said.\n" +
		"“We expect the work to finish before the summer season,” Ruiz said.\n"
	fixed := strings.Replace(draft, "to finish before", "to be finished well before", 1)
	var kept editor.Note
	for _, f := range review.Run(review.Input{Text: draft, Sources: []source.Text{{Title: "Notes", Text: notesText}}}).Findings {
		if f.Check == editor.CheckMisquoted {
			kept = editor.Note{ID: 3, Revision: 1, Check: f.Check, Severity: f.Severity, Status: editor.NoteOpen,
				Message: f.Message, Author: "desk", Anchor: editor.NewAnchor(draft, f.Span)}
		}
	}
	if kept.ID == 0 {
		t.Fatal("the draft's misquote is not raised, so this test proves nothing")
	}
	build := func(text string, sources ...editor.Source) Report {
		return Build(Input{
			Article:  editor.Article{ID: 1, Title: "Harbor Work Starts"},
			Revision: editor.Revision{Number: 2, Text: text},
			Sources:  sources,
			Notes:    []editor.Note{kept},
		}, time.Unix(0, 0))
	}
	notes := []editor.Source{{Title: "Notes", Text: notesText}}
	tests := []struct {
		name      string
		report    Report
		fixed     bool
		summary   string
		quoteSays string
	}{
		{"still misquoted", build(draft, notes...), false, "1 note: 1 open, 0 resolved, 0 dismissed.", "1 misquoted"},
		{"fixed", build(fixed, notes...), true, "1 note: 0 open, 1 fixed but not yet resolved, 0 resolved, 0 dismissed.", "1 verbatim"},
		{"no sources to tell", build(fixed), false, "1 note: 1 open, 0 resolved, 0 dismissed.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.report
			if len(r.Notes) == 0 || r.Notes[0].ID != 3 {
				t.Fatalf("notes = %+v, want the kept note first", r.Notes)
			}
			if r.Notes[0].Fixed != tt.fixed {
				t.Errorf("Fixed = %v, want %v", r.Notes[0].Fixed, tt.fixed)
			}
			if got := r.noteSummary(); !strings.HasPrefix(got, strings.TrimSuffix(tt.summary, ".")) {
				t.Errorf("note summary = %q, want %q", got, tt.summary)
			}
			if got := r.quoteSummary(); !strings.Contains(got, tt.quoteSays) {
				t.Errorf("quote summary = %q, want it to say %q", got, tt.quoteSays)
			}
			var b strings.Builder
			if err := WriteHTML(&b, r); err != nil {
				t.Fatal(err)
			}
			page := b.String()
			note := page[strings.Index(page, "<h3>Note 1 "):]
			note = note[:strings.Index(note, "</article>")]
			if tt.fixed != strings.Contains(note, `<span class="status fixed">fixed</span>`) || tt.fixed != strings.Contains(note, fixedLine) {
				t.Errorf("note 1 in the page, fixed %v:\n%s", tt.fixed, note)
			}
			if tt.fixed && strings.Contains(note, `status open`) {
				t.Errorf("a fixed note is shown as open:\n%s", note)
			}
		})
	}
}

// TestRecordListsFactChanges builds a record for a revision that changed a
// figure since the one before: the fact change is listed among the
// outstanding findings.
func TestRecordListsFactChanges(t *testing.T) {
	prev := "NATO Hands Over\nMr. Stoltenberg led the 32-member alliance for a decade.\n"
	cur := "NATO Hands Over\nMr. Stoltenberg led the 31-member alliance for a decade.\n"
	r := Build(Input{Article: editor.Article{ID: 1, Title: "NATO"}, Revision: editor.Revision{Number: 2, Text: cur}, Previous: prev}, time.Time{})
	for _, n := range r.Notes {
		if n.Check == editor.CheckFactChanged && n.Anchor.Exact == "31" {
			return
		}
	}
	t.Errorf("record notes %+v lack the changed figure", r.Notes)
}
