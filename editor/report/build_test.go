package report

import (
	"strings"
	"testing"
	"time"

	"copydesk/editor"
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
