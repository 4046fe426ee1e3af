package review

import (
	"testing"

	"copydesk/editor"
	"copydesk/editor/source"
)

// TestFixes runs the review on short drafts and applies each finding's
// suggested edit: the fixed text says what the fix promises, and nothing
// outside the edit changes.
func TestFixes(t *testing.T) {
	tests := []struct {
		name, check, text, source, want string
	}{
		{"loaded verb, past", editor.CheckAttributionVerb,
			"Hed\n“The plan is sound,” she remarked on Monday.",
			"", "Hed\n“The plan is sound,” she said on Monday."},
		{"loaded verb, present and capital", editor.CheckAttributionVerb,
			"Hed\n“The plan is sound,” Ruiz insists. Claims Ruiz: “It will work.”",
			"", "Hed\n“The plan is sound,” Ruiz says. Claims Ruiz: “It will work.”"},
		{"headline quote no one said", editor.CheckHeadlineUnsupported,
			"Mayor Says “Bridge Will Open Soon”\nThe mayor spoke about roads on Monday.",
			"", "Mayor Says Bridge Will Open Soon\nThe mayor spoke about roads on Monday."},
		{"misquote, a word changed", editor.CheckMisquoted,
			"Hed\nRuiz said the council “will never raise the tax on homes again,” on Monday.",
			"Ruiz: The council will not raise the tax on homes again this year.",
			"Hed\nRuiz said the council “will not raise the tax on homes again,” on Monday."},
		{"misquote, a word dropped", editor.CheckMisquoted,
			"Hed\nRuiz said the council “will not raise the tax on family homes again,” on Monday.",
			"Ruiz: The council will not raise the tax on homes again this year.",
			"Hed\nRuiz said the council “will not raise the tax on homes again,” on Monday."},
		{"misquote, a word added back", editor.CheckMisquoted,
			"Hed\nRuiz said the council “will not raise tax on homes again,” on Monday.",
			"Ruiz: The council will not raise the tax on homes again this year.",
			"Hed\nRuiz said the council “will not raise the tax on homes again,” on Monday."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Text: tt.text}
			if tt.source != "" {
				in.Sources = []source.Text{{Title: "notes", Text: tt.source}}
			}
			r := Run(in)
			var fix *editor.Fix
			for _, f := range r.Findings {
				if f.Check == tt.check {
					fix = f.Fix
				}
			}
			if fix == nil {
				t.Fatalf("no %s finding with a fix; findings: %+v", tt.check, r.Findings)
			}
			got, err := fix.Apply(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("fixed text:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestFixApplyRefusesBadEdits: edits out of order, overlapping, past the
// end or inside a character are refused, and the text is left alone.
func TestFixApplyRefusesBadEdits(t *testing.T) {
	text := "Café “quote”"
	for _, tc := range []struct {
		name  string
		edits []editor.Edit
	}{
		{"none", nil},
		{"out of order", []editor.Edit{{Span: editor.Span{Start: 6, End: 7}}, {Span: editor.Span{Start: 0, End: 1}}}},
		{"overlapping", []editor.Edit{{Span: editor.Span{Start: 0, End: 4}}, {Span: editor.Span{Start: 2, End: 5}}}},
		{"past the end", []editor.Edit{{Span: editor.Span{Start: 10, End: 99}}}},
		{"inside a character", []editor.Edit{{Span: editor.Span{Start: 4, End: 5}}}},
	} {
		if got, err := (editor.Fix{Message: tc.name, Edits: tc.edits}).Apply(text); err == nil {
			t.Errorf("%s: Apply = %q, want an error", tc.name, got)
		}
	}
}
