package quote

import "testing"

func TestReadsAsHeadline(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"title case with a stop", "Stealth Over Health: Clinton Was Headed to ER But Diverted to Avoid Bad Optics.\nBody.", true},
		{"short sentence case", "The Latest: Sanders declares ‘revolution,’ ignores losses.\nBody.", true},
		{"no stop", "Obama rips rhetoric over ‘radical Islam’\nBody.", true},
		{"one paragraph", "The mayor said on Monday that the bridge would reopen in May, and that “nobody” would pay more.", false},
		{"a long first paragraph", "Incoming NATO leader Mark Rutte expressed his willingness to collaborate with whichever candidate emerges victorious in the forthcoming US presidential election, stating that he is “not worried” about the outcome.\nBody.", false},
		{"two sentences", "The mayor resigned. She gave no reason.\nBody.", false},
		{"initials are no sentence break", "J. R. Hale Quits U.S. Senate Race\nBody.", true},
		{"a long sentence-case line with a stop", "The council voted on Monday to close the old bridge for repairs for at least two years.\nBody.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Analyze(tc.text).HasHeadline; got != tc.want {
				t.Errorf("HasHeadline = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestNoHeadlineNoHeadlineQuotes: in a text without a headline, quotations
// in the first paragraph are body quotations.
func TestNoHeadlineNoHeadlineQuotes(t *testing.T) {
	doc := Analyze("The mayor said the plan was “dead on arrival” and that voters would “never accept it,” according to aides who heard her.")
	for _, q := range doc.Quotes {
		if q.Headline {
			t.Errorf("%q is taken for a headline quotation", q.Text)
		}
	}
}

func TestHeadlineNameIsNoQuotation(t *testing.T) {
	named := "Actor upset ‘Harbor Lights’ fans at the gala\n" +
		"The actor, who starred in Harbor Lights, spoke at the gala on Friday.\n" +
		"“I came to support my friends,” he said.\n"
	if got := UnsupportedHeadlineQuotes(Analyze(named), nil); len(got) != 0 {
		t.Errorf("a title the story names was flagged: %v", got)
	}
	// The same words in lower case in the body are a paraphrase, not the
	// name: the headline still puts them in someone's mouth.
	para := "Mayor ‘Not Concerned’ about the storm\n" +
		"The mayor said she was not concerned about the storm.\n"
	if got := UnsupportedHeadlineQuotes(Analyze(para), nil); len(got) != 1 {
		t.Errorf("headline words the body only paraphrases: %d findings, want 1", len(got))
	}
}
