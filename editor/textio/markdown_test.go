package textio

import "testing"

func TestFromMarkdown(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"heading and wrapped paragraphs",
			"# Council Votes ‘Yes’\n\nThe council voted on\nTuesday, officials said.\n\n“It passed,” she said.\n",
			"Council Votes ‘Yes’\nThe council voted on Tuesday, officials said.\n“It passed,” she said."},
		{"emphasis and links dropped", "He said it was *very* [clear](http://x).", "He said it was very clear."},
		{"escapes and entities", `Price: \*5 &amp; up`, "Price: *5 & up"},
		{"list items and quotes", "- one\n- two\n\n> quoted graf", "one\ntwo\nquoted graf"},
		{"html dropped", "<div>x</div>\n\nText", "Text"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FromMarkdown(tt.in); got != tt.want {
				t.Errorf("FromMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTitleOf(t *testing.T) {
	for in, want := range map[string]string{
		"\n\n  ## Hed here \nbody": "Hed here",
		"Plain hed\nGraf":          "Plain hed",
		"":                         "",
	} {
		if got := TitleOf(in); got != want {
			t.Errorf("TitleOf(%q) = %q, want %q", in, got, want)
		}
	}
}
