package source

import (
	"strings"
	"testing"

	"copydesk/editor/quote"
)

// TestFactChanges reads pairs of revisions: a changed figure, name,
// negation or hedge outside quotation marks is reported on its new words;
// rewording that keeps the facts, a fact moved within the changed
// sentences, a sentence split in two and a change inside a quotation are
// not.
func TestFactChanges(t *testing.T) {
	const hed = "NATO Hands Over\n"
	tests := []struct {
		name       string
		prev, cur  string
		want       []string // the words each finding covers, in order
		wantInText []string // words each message quotes
	}{
		{"figure", "Mr. Stoltenberg led the 32-member alliance for a decade.", "Mr. Stoltenberg led the 31-member alliance for a decade.",
			[]string{"31"}, []string{`"31" where it had "32"`}},
		{"figure in words", "The alliance has three new members.", "The alliance has four new members.",
			[]string{"four"}, []string{`"four" where it had "three"`}},
		{"same figure, other form", "The alliance has three new members.", "The alliance has 3 new members.", nil, nil},
		{"name", "The talks were led by Mark Rutte on Tuesday.", "The talks were led by Jens Stoltenberg on Tuesday.",
			[]string{"Jens", "Stoltenberg"}, []string{`"Jens" where it had "Mark"`}},
		{"negation dropped", "He said the allies would not send troops.", "He said the allies would send troops.",
			[]string{"would"}, []string{`negation "not" was taken out`}},
		{"hedge for certainty", "The summit will end on Friday.", "The summit may end on Friday.",
			[]string{"may"}, []string{`"may" where it had "will"`}},
		{"will and would are alike", "He said the summit will end on Friday.", "He said the summit would end on Friday.", nil, nil},
		{"rewording keeps the facts", "On Tuesday, the 32 allies met in Brussels.", "The 32 allies met in Brussels on Tuesday.", nil, nil},
		{"a sentence split in two", "The 32 allies met in Brussels on Tuesday and agreed a plan.", "The 32 allies met in Brussels on Tuesday. They agreed a plan.", nil, nil},
		{"a new sentence", "The allies met.", "The allies met. Troops from Spain numbered 400.",
			[]string{"Spain", "400"}, []string{`"Spain" is new`, `"400" is new`}},
		{"a sentence taken out", "The allies met. Troops from Spain numbered 400.", "The allies met.",
			[]string{"met"}, []string{`"Spain" and "400" were taken out`}},
		{"a name that starts a sentence", "The talks went on. He said the plan was sound, Mr. Rutte added.", "The talks went on. Rutte said the plan was sound, Mr. Rutte added.",
			[]string{"Rutte"}, []string{`"Rutte" is new`}},
		{"inside a quotation", "“We sent 400 troops,” Mr. Sánchez said.", "“We sent 500 troops,” Mr. Sánchez said.", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev, cur := hed+tt.prev+"\n", hed+tt.cur+"\n"
			fs := FactChanges(quote.Analyze(prev), quote.Analyze(cur))
			var got []string
			for _, f := range fs {
				got = append(got, f.Span.In(cur))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("findings on %q, want %q; messages: %v", got, tt.want, fs)
			}
			for i, w := range tt.wantInText {
				if !strings.Contains(fs[i].Message, w) {
					t.Errorf("message %q lacks %q", fs[i].Message, w)
				}
			}
		})
	}
}

// FuzzFactChanges compares any two texts: nothing panics and every finding
// lies in the current text (as the analysis reads it: invalid UTF-8 is
// replaced).
func FuzzFactChanges(f *testing.F) {
	f.Add("Hed\nThe 32 allies met.", "Hed\nThe 31 allies met. Spain sent 400 troops.")
	f.Add("", "Hed\n“Quote 3,” he said.")
	f.Add("A. B. C.", "")
	f.Fuzz(func(t *testing.T, prev, cur string) {
		doc := quote.Analyze(cur)
		for _, fd := range FactChanges(quote.Analyze(prev), doc) {
			if fd.Span.Start < 0 || fd.Span.End > len(doc.Text) || fd.Span.Start > fd.Span.End {
				t.Fatalf("finding %+v outside the text (%d bytes)", fd.Span, len(doc.Text))
			}
		}
	})
}
