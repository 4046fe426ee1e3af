package source

import (
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/quote"
)

const testTranscript = `Council meeting, budget session — transcript

MAYOR DIANE ALVAREZ:
We cannot keep patching a system that was built for half as many people. This is the moment. The plan is bold, and bold plans cost money, but the city's credit is in safe hands.
Q: When will the first line open?
A: If the council approves it in June, the first line opens in 2031.`

func TestVerifyQuote(t *testing.T) {
	ix := NewIndex([]Text{{Title: "Transcript", Text: testTranscript}})
	tests := []struct {
		name    string
		quote   string
		want    Status
		passage string // a part of the matched passage, when found
	}{
		{"verbatim", "We cannot keep patching a system that was built for half as many people.", Verbatim, "We cannot keep patching"},
		{"curly apostrophe and case", "the City’s credit is in safe hands,", Verbatim, "city's credit"},
		{"partial quote", "safe hands", Verbatim, "safe hands"},
		{"trimmed sentence", "bold plans cost money", Verbatim, "bold plans cost money"},
		{"dashes and spacing", "The plan is bold — and bold plans  cost money", Verbatim, "The plan is bold"},
		{"ellipsis", "We cannot keep patching a system … This is the moment.", Verbatim, "This is the moment"},
		{"three points", "The plan is bold... but the city's credit is in safe hands", Verbatim, "safe hands"},
		{"bracketed insertion", "[The transit plan] is bold, and bold plans cost money", Verbatim, "bold plans"},
		{"bracket for a word", "If the council approves it [the plan] in June, the first line opens in 2031", Verbatim, "2031"},
		{"one word changed", "We cannot keep patching a network that was built for half as many people.", Misquoted, "a system that"},
		{"word dropped", "We cannot keep patching a system built for half as many people.", Misquoted, "patching"},
		{"short misquote", "bold plans cost cash", Misquoted, "bold plans cost"},
		{"unrelated", "Our children deserve better than this, and we will fight for them.", Unverified, ""},
		{"unrelated sharing a word", "The moment has passed for the old council.", Unverified, ""},
		{"ellipsis with words added", "We cannot keep patching … in 2031 at the latest", Misquoted, "We cannot keep patching"},
		{"empty", "", Unverified, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := ix.VerifyQuote(tc.quote)
			if m.Status != tc.want {
				t.Fatalf("VerifyQuote(%q) = %s (%q, %.2f), want %s", tc.quote, m.Status, m.Passage, m.Similarity, tc.want)
			}
			if !strings.Contains(m.Passage, tc.passage) {
				t.Errorf("passage %q, want it to contain %q", m.Passage, tc.passage)
			}
			if m.Source >= 0 {
				if err := m.Span.Check(testTranscript); err != nil {
					t.Error(err)
				}
				if m.Span.In(testTranscript) != m.Passage {
					t.Errorf("span %v covers %q, passage %q", m.Span, m.Span.In(testTranscript), m.Passage)
				}
			}
		})
	}
}

func TestVerifyQuoteNoSources(t *testing.T) {
	if got := NewIndex(nil).VerifyQuote("anything at all"); got.Status != NoSources {
		t.Errorf("status %s, want %s", got.Status, NoSources)
	}
}

func TestSpeechTexts(t *testing.T) {
	notes := "Background: the port opened in 1902.\n\nMARSH (port director), presenting:\nWe should be finished by spring.\nShe added that costs rose.\n\nThe mayor called it \"a fine plan\" later."
	ix := NewIndex([]Text{{Text: notes}, {Text: "A bare transcript with no labels."}})
	got := ix.SpeechTexts()
	for _, want := range []string{"We should be finished by spring.", "She added that costs rose.", "a fine plan"} {
		if !strings.Contains(got[0], want) {
			t.Errorf("speech %q lacks %q", got[0], want)
		}
	}
	for _, not := range []string{"1902", "The mayor called"} {
		if strings.Contains(got[0], not) {
			t.Errorf("speech %q has the reporter's %q", got[0], not)
		}
	}
	if got[1] != "A bare transcript with no labels." {
		t.Errorf("unlabelled source speech %q, want all of it", got[1])
	}
}

func TestCompareWords(t *testing.T) {
	tests := []struct {
		a, b string
		want []string // "old>new" per change
	}{
		{"We have had no major delays.", "We have had no serious delays,", []string{"major>serious"}},
		{"“It’s fine,” he said", "\"it's fine\" he said", nil},
		{"a month and a half without it", "a month without it", []string{"and a half>"}},
		{"one two", "zero one two three", []string{">zero", ">three"}},
		{"", "new words", []string{">new words"}},
	}
	for _, tc := range tests {
		cs := CompareWords(tc.a, tc.b)
		var got []string
		for _, c := range cs {
			if err := c.A.Check(tc.a); err != nil {
				t.Fatal(err)
			}
			if err := c.B.Check(tc.b); err != nil {
				t.Fatal(err)
			}
			got = append(got, c.A.In(tc.a)+">"+c.B.In(tc.b))
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("CompareWords(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestAlteredQuotes(t *testing.T) {
	prev := quote.Analyze("Council Votes\n" +
		"\"We cannot keep patching a system built for half as many people,\" Mayor Diane Alvarez said.\n" +
		"\"It is a bold plan,\" said Councilman Robert Kim.\n" +
		"\"I will vote no,\" said Councilwoman Ann Lee.\n")
	cur := quote.Analyze("Council Votes\n" +
		"“We cannot keep patching a system built for half as many people,” Mayor Diane Alvarez said.\n" +
		"“It is a reckless plan,” said Councilman Robert Kim.\n" +
		"“Buses are not enough,” said Councilwoman Ann Lee.\n")
	fs := NewIndex(nil).AlteredQuotes(prev, cur, nil)
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1 (typography is not an alteration; a replaced quote is not one): %+v", len(fs), fs)
	}
	f := fs[0]
	if !strings.Contains(f.Span.In(cur.Text), "reckless") || f.Related == nil || f.Related.File != PreviousRevisionLabel ||
		!strings.Contains(f.Related.Text, "bold") || !strings.Contains(f.Message, `"reckless" instead of "bold"`) {
		t.Errorf("finding %+v on %q", f, f.Span.In(cur.Text))
	}
}

const libraryTranscript = `Library board, special meeting — transcript

CHAIR MARGARET OYELARAN:
We are not concerned about the roof. The repairs were planned two years ago and the money is in the reserve fund. Our readers will not lose a single day of service.
Q: What about the branch on Elm Street?
A: The Elm Street branch stays open on Saturdays until the new hours are agreed.`

func TestAlteredQuotesTowardSource(t *testing.T) {
	story := func(q string) *quote.Document {
		return quote.Analyze("Library Roof Repairs Approved\n“" + q + ",” said Margaret Oyelaran, the board chair.\n")
	}
	withSource := NewIndex([]Text{{Title: "Transcript", Text: libraryTranscript}})
	tests := []struct {
		name      string
		ix        *Index
		prev, cur string
		altered   bool
	}{
		{"restored to the source's words", withSource,
			"We are not worried about the roof", "We are not concerned about the roof", false},
		{"restored and quoting more of the source", withSource,
			"We are not worried about the roof", "We are not concerned about the roof. The repairs were planned two years ago", false},
		{"fewer words away from the source", withSource,
			"Our readers will never lose one day of service", "Our readers will not lose one day of service", false},
		{"moved away from the source", withSource,
			"We are not concerned about the roof", "We are not worried about the roof", true},
		{"one misquote for another", withSource,
			"We are not worried about the roof", "We are not troubled about the roof", true},
		{"more of the source around the same misquote", withSource,
			"We are not worried about the roof", "We are not worried about the roof. The repairs were planned two years ago", true},
		{"toward no source", withSource,
			"The Elm Street branch stays open on Sundays until the new hours are agreed", "The Elm Street branch stays shut for good, whatever hours are agreed", true},
		{"restored, but no sources", NewIndex(nil),
			"We are not worried about the roof", "We are not concerned about the roof", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cur := story(tc.cur)
			fs := tc.ix.AlteredQuotes(story(tc.prev), cur, tc.ix.VerifyQuotes(cur))
			if got := len(fs) > 0; got != tc.altered {
				t.Errorf("altered = %v (%+v), want %v", got, fs, tc.altered)
			}
		})
	}
}

func TestDriftBetween(t *testing.T) {
	tests := []struct {
		source, draft string
		want          string // check name, "" for none
	}{
		{"The council approved the plan on Monday.", "The council rejected the plan on Monday.", editor.CheckDriftNegation},
		{"The council approved the plan on Monday.", "The council did not approve the plan on Monday.", editor.CheckDriftNegation},
		{"The council did not approve the plan.", "The council failed to approve the plan.", ""},
		{"Prices rose 4.5 percent last year.", "Prices rose 5.4 percent last year.", editor.CheckDriftNumber},
		{"The city hired three new inspectors.", "The city hired 3 new inspectors.", ""},
		{"The fund shrank by $48 million in 2019.", "The fund shrank by $48 million in 2018.", editor.CheckDriftNumber},
		{"The vote is on Tuesday, the clerk said.", "The vote is on Thursday, the clerk said.", editor.CheckDriftNumber},
		{"Mayor Alvarez signed the order on Friday.", "Mayor Okafor signed the order on Friday.", editor.CheckDriftEntity},
		{"The bridge may reopen in June.", "The bridge will reopen in June.", editor.CheckDriftCertainty},
		{"The bridge will reopen in June.", "The bridge might reopen in June.", editor.CheckDriftCertainty},
		{"About 300 people attended the meeting.", "300 people attended the meeting.", editor.CheckDriftCertainty},
		{"Some residents opposed the plan.", "All residents opposed the plan.", editor.CheckDriftCertainty},
		{"The line will open in 2031 if the council approves it.", "The line will open in 2031.", editor.CheckDriftCertainty},
		{"The minister said the talks were very productive.", "The talks were highly productive, the minister said.", ""},
		{"Skills that are very much valued here.", "Skills which are highly valued here.", ""},
		{"He said he will ask the board for reports.", "He said he would ask the board for reports.", ""},
		{"The council approved the plan on Monday.", "The council approved the plan on Monday after a long debate about rents.", editor.CheckDriftContent},
		{"The factory will close in March.", "The factory, which employs hundreds of welders, will close in March.", editor.CheckDriftContent},
		{"The goverment announced the new budget.", "The government announced the new budget.", ""},
		{"Police found the stolen car near the river.", "The stolen vehicle was discovered near the river by police.", ""},
		{"The plan was dropped after the vote.", "After the vote, however, the plan was dropped.", ""},
		{"The fire destroyed the warehouse, officials said.", "Officials stated that the fire had destroyed the warehouse.", ""},
		{"MARSH: The dredging is on schedule.", "The dredging is on schedule, Elena Marsh said.", ""},
	}
	for _, tc := range tests {
		fs := DriftBetween(tc.source, tc.draft)
		got := ""
		if len(fs) > 0 {
			got = fs[0].Check
		}
		if got != tc.want {
			t.Errorf("DriftBetween(%q, %q) = %q (%v), want %q", tc.source, tc.draft, got, fs, tc.want)
		}
		for _, f := range fs {
			if err := f.Span.Check(tc.draft); err != nil {
				t.Error(err)
			}
		}
	}
}
