package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/internal/newstest"
)

// TestQuoteTestdata reads the annotated articles of testdata/quotes and
// checks the quote sheet: each "#quote" statement is there with its
// attribution and speaker, and no statement starts as a "#noquote" says.
// (The "#want" findings are checked by the review package.)
func TestQuoteTestdata(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "quotes", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			a := newstest.ReadAnnotated(t, path)
			doc := Analyze(a.Text)
			checkSpans(t, doc)
			for p, qs := range a.Quotes {
				for _, want := range qs {
					if !hasQuote(doc, a.Text, p, want[0], want[1]) {
						t.Errorf("%s:%d: no statement attributed %s to %q; sheet for paragraph:\n%s",
							path, a.Lines[p], want[0], want[1], sheetFor(doc, a.Text, p))
					}
				}
			}
			for p, prefixes := range a.NoQuotes {
				for _, prefix := range prefixes {
					if hasStatementStarting(doc, a.Text, p, prefix) {
						t.Errorf("%s:%d: a statement starts %q, want none; sheet for paragraph:\n%s",
							path, a.Lines[p], prefix, sheetFor(doc, a.Text, p))
					}
				}
			}
		})
	}
}

// hasStatementStarting reports whether line p of text holds a speech
// statement whose text starts with prefix.
func hasStatementStarting(doc *Document, text string, p int, prefix string) bool {
	for _, q := range doc.Quotes {
		line, _ := editor.LineColumn(text, q.Span.Start)
		if line-1 == p && q.Speech && strings.HasPrefix(q.Text, prefix) {
			return true
		}
	}
	return false
}

func TestReadAnnotatedNoquote(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	body := "Hed\nShips call at the port, she said.\n#noquote at the port\n#noquote to vote\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	a := newstest.ReadAnnotated(t, path)
	if got := a.NoQuotes[1]; strings.Join(got, "|") != "at the port|to vote" {
		t.Fatalf("noquotes %q, want [at the port to vote]", got)
	}
	doc := Analyze(a.Text)
	if !hasStatementStarting(doc, a.Text, 1, "Ships call") || hasStatementStarting(doc, a.Text, 1, "at the port") {
		t.Errorf("hasStatementStarting misreads the sheet:\n%s", sheetFor(doc, a.Text, 1))
	}
}

// hasQuote reports whether line p of text holds a speech statement with the
// given attribution and, when name is not empty, speaker name.
func hasQuote(doc *Document, text string, p int, attr, name string) bool {
	for _, q := range doc.Quotes {
		line, _ := editor.LineColumn(text, q.Span.Start)
		if line-1 != p || !q.Speech {
			continue
		}
		if string(q.Attribution) == attr && (name == "" || q.SpeakerName == name) {
			return true
		}
	}
	return false
}

func sheetFor(doc *Document, text string, p int) string {
	var b strings.Builder
	for _, q := range doc.Quotes {
		line, _ := editor.LineColumn(text, q.Span.Start)
		if line-1 == p {
			b.WriteString("\t" + string(q.Attribution) + " " + q.SpeakerName + " speech=" + boolStr(q.Speech) + " | " + q.Text + "\n")
		}
	}
	return b.String()
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// checkSpans asserts every span the analysis produced is valid for the text.
func checkSpans(t testing.TB, doc *Document) {
	t.Helper()
	check := func(what string, s editor.Span) {
		if err := s.Check(doc.Text); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	for _, s := range doc.Paragraphs {
		check("paragraph", s)
	}
	for _, s := range doc.Sentences {
		check("sentence", s)
	}
	for _, s := range doc.Unbalanced {
		check("unbalanced mark", s)
	}
	for _, q := range doc.Quotes {
		check("quote", q.Span)
		if q.Speaker != nil {
			check("speaker", q.Speaker.Span)
		}
		if q.Verb != nil {
			check("verb", q.Verb.Span)
		}
	}
	for _, p := range doc.People {
		for _, m := range p.Mentions {
			check("person mention", m)
		}
	}
}

func TestSentenceSplitting(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"abbreviations", "Hed\nMr. Smith met Sen. Jones on Jan. 5 in the U.S. Capitol. They talked.",
			[]string{"Mr. Smith met Sen. Jones on Jan. 5 in the U.S. Capitol.", "They talked."}},
		{"initials and decimals", "Hed\nJ. R. Hale said growth was 3.5 percent. It rose.",
			[]string{"J. R. Hale said growth was 3.5 percent.", "It rose."}},
		{"no split inside quotes", "Hed\n“I agree. We will,” she said. Then she left.",
			[]string{"“I agree. We will,” she said.", "Then she left."}},
		{"quote ends sentence", "Hed\nHe said, “It is over.” The crowd cheered!",
			[]string{"He said, “It is over.”", "The crowd cheered!"}},
		{"U.S. at the end", "Hed\nShe moved to the U.S. The move was hard.",
			[]string{"She moved to the U.S.", "The move was hard."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := Analyze(tc.text)
			var got []string
			for _, s := range doc.Sentences[1:] {
				got = append(got, s.In(doc.Text))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("sentences %q, want %q", got, tc.want)
			}
		})
	}
}

func TestQuoteMarks(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		quotes []string // Text of the direct quotes, in order
		speech []bool
	}{
		{"straight quotes", "Hed\n\"We won,\" she said, calling it \"a great night.\"",
			[]string{"We won,", "a great night."}, []bool{true, true}},
		{"apostrophes", "Hed\nRutte’s aides said the ’90s were rock ’n’ roll years, the candidates’ view.",
			nil, nil},
		{"nested", "Hed\n“He told me ‘never,’ and I believed him,” Ms. Diaz said.",
			[]string{"He told me ‘never,’ and I believed him,"}, []bool{true}},
		{"headline single marks", "Rutte Says He’s ‘Not Concerned’\nMark Rutte said he was “not worried.”",
			[]string{"Not Concerned", "not worried."}, []bool{true, true}},
		{"title of a work", "Hed\nShe starred in the film “The Long Road Home” in 2004.",
			[]string{"The Long Road Home"}, []bool{false}},
		{"scare quotes", "Hed\nThe bill targets so-called “dark money” in campaigns.",
			[]string{"dark money"}, []bool{false}},
		{"nickname", "Hed\nBoxer Joe “The Hammer” Ruiz retired on Monday.",
			[]string{"The Hammer"}, []bool{false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := Analyze(tc.text)
			checkSpans(t, doc)
			var got []string
			var speech []bool
			for _, q := range doc.Quotes {
				if q.Direct {
					got = append(got, q.Text)
					speech = append(speech, q.Speech)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.quotes, "|") {
				t.Fatalf("quotes %q, want %q", got, tc.quotes)
			}
			for i := range speech {
				if speech[i] != tc.speech[i] {
					t.Errorf("quote %q: speech %v, want %v", got[i], speech[i], tc.speech[i])
				}
			}
		})
	}
}

func TestHeadlineCheckConsultsSources(t *testing.T) {
	text := "Minister Says Plan Is ‘Dead on Arrival’\nThe minister, Anna Berg, criticized the plan on Monday.\n"
	doc := Analyze(text)
	if fs := UnsupportedHeadlineQuotes(doc, nil); len(fs) != 1 {
		t.Fatalf("without sources: %d findings, want 1", len(fs))
	}
	src := "Transcript. BERG: Frankly, this plan is dead on arrival."
	if fs := UnsupportedHeadlineQuotes(doc, []string{src}); len(fs) != 0 {
		t.Errorf("with a source that has the words: %v, want none", fs)
	}
}

func TestRelativeClauseObjectIsNotTheSpeaker(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Hed\nShipping agents who use the port said the delays had pushed lines away.", "Shipping agents"},
	} {
		doc := Analyze(tc.text)
		found := false
		for _, q := range doc.Quotes {
			if !q.Direct && q.Speaker != nil {
				found = true
				if q.Speaker.Text != tc.want {
					t.Errorf("%q: speaker %q, want %q", tc.text, q.Speaker.Text, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no reported statement with a speaker", tc.text)
		}
	}
}

func TestMarkupMarksPairNothing(t *testing.T) {
	text := "Senators react\n" +
		`<tweet author="GovernorPataki" tweet_id="672157632032022528">Praying for the victims.</tweet>.` + "\n" +
		`A <a href=”https://example.org/a” target=”_blank”>rally “in Greensboro”</a> drew 2 < 3 critics.` + "\n"
	d := Analyze(text)
	if got := UnbalancedMarks(d); len(got) != 0 {
		t.Errorf("marks inside markup flagged: %v", got)
	}
	found := false
	for _, q := range d.Quotes {
		found = found || q.Text == "in Greensboro"
	}
	if !found {
		t.Errorf("the quotation outside the tags was lost: %+v", d.Quotes)
	}
}

func TestMarkupSplitOverParagraphs(t *testing.T) {
	// An embedded post pasted with a blank line inside its opening tag.
	text := "Senators react\n" +
		`<tweet tweet-author="@harborboard" tweet-date="May 4, 2026` + "\n\n" +
		`">The channel is open again. Thanks to every crew.<tweet/>.` + "\n" +
		"The board met on Monday.\n"
	d := Analyze(text)
	if got := UnbalancedMarks(d); len(got) != 0 {
		t.Errorf("marks of a split tag flagged: %v", got)
	}
	if got := Unattributed(d); len(got) != 0 {
		t.Errorf("the post's text read as an unattributed quotation: %v", got)
	}
}

func TestOneFindingPerAmbiguousPronoun(t *testing.T) {
	text := "Port Fight Goes On\n" +
		"Alan Pruitt and Joe Bianchi walked the harbor on Monday.\n" +
		"“We will finish before the boats come back,” he said. “Nobody will wait.”\n"
	doc := Analyze(text)
	fs := AmbiguousSpeakers(doc)
	if len(fs) != 1 {
		t.Fatalf("%d findings, want one for the one “he”: %v", len(fs), fs)
	}
	if got := fs[0].Span.In(text); got != "he" {
		t.Errorf("finding on %q, want “he”", got)
	}
	if !strings.Contains(fs[0].Message, "Alan Pruitt") || !strings.Contains(fs[0].Message, "Joe Bianchi") {
		t.Errorf("message %q does not name both candidates", fs[0].Message)
	}
}

func TestAmbiguousOnlyWhereSomeoneSpeaks(t *testing.T) {
	setup := "Port Fight Goes On\nAlan Pruitt and Joe Bianchi walked the harbor on Monday.\n"
	for _, tc := range []struct {
		line string
		want int
	}{
		{"He said the fees would rise in June.\n", 1},
		{"He has proposed new fees for the boats.\n", 0},
	} {
		fs := AmbiguousSpeakers(Analyze(setup + tc.line))
		if len(fs) != tc.want {
			t.Errorf("%q: %d ambiguous-speaker findings, want %d: %v", tc.line, len(fs), tc.want, fs)
		}
	}
}

func TestAsFrameCreditsTheQuotation(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Port Fight Goes On\nThe harbor closed on Monday.\nAs the trade paper put it, “Nobody wins a dredging war.” The vote is in June.\n", 0},
		{"Port Fight Goes On\nThe harbor closed on Monday.\n“Nobody wins a dredging war.” The vote is in June.\n", 1},
	} {
		if fs := Unattributed(Analyze(tc.text)); len(fs) != tc.want {
			t.Errorf("%q: %d unattributed findings, want %d", tc.text, len(fs), tc.want)
		}
	}
}

// TestPronounReadsAsTheReaderDoes holds the readings a reader makes without
// a pause: the one the sentence before quotes, however the credit is
// written, keeps the floor. The text is written for this test.
func TestPronounReadsAsTheReaderDoes(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"inverted credit after another name",
			"Harbor Vote Nears\nMr. Lind has vowed to fight, and Paul Ferro has backed him.\n" +
				"But Mrs. Ferro would do well to talk to Mr. Lind, said Tomas Okafor, a former harbor master.\n" +
				"“It seems certain the vote will be close,” he said.\n",
			"Tomas Okafor"},
		{"credit with a place and a relative clause",
			"Harbor Vote Nears\nThe board hired Karl Weiss in 2019.\n" +
				"“The channel is the town's lifeline,” said Mayor Paul Ferro of Carrow, who hired Mr. Weiss as a consultant. He added, “We will pay for it.”\n",
			"Paul Ferro"},
		{"a name's 's that is has",
			"Harbor Vote Nears\nPaul Ferro attacked Tomas Lind at the meeting on Monday.\n" +
				"Ferro's been making the case for weeks that Lind is not ready. “You have never run a port,” he said.\n",
			"Paul Ferro"},
		{"a speaker whose sex the story has not told",
			"Harbor Vote Nears\nPaul Ferro and Tomas Lind spoke on Monday.\n" +
				"“Nobody knows how deep the channel is,” Ikenna Okonkwo said.\n" +
				"He went on to say that the survey would take a year.\n",
			"Ikenna Okonkwo"},
		{"a name after the pronoun in its sentence is not it",
			"Harbor Vote Nears\nAt a meeting last month, harbor supporter Tomas Lind told Mayor Paul Ferro that he drove from Carrow to ask about dredging. " +
				"Ferro co-sponsored a bill this year that would triple the dredging budget.\n" +
				"“The channel is silting up every winter,” he told Ferro.\n",
			"Tomas Lind"},
		{"the sex the story gives with his",
			"Harbor Vote Nears\nRadio host Obi Okonkwo used his show on Friday to attack the plan.\n" +
				"“The channel is the town's lifeline,” Okonkwo said.\n" +
				"He went on to say that some members, such as Kwame Asante, are angry at Paul Ferro. He said the vote would be close.\n",
			"Obi Okonkwo"},
		{"an appositive's prepositional object is not the speaker",
			"Harbor Vote Nears\nMayor Paul Ferro spoke on Monday.\n" +
				"Tomas Lind, Carrow County director for Ferro, said the port has opened its third office.\n" +
				"“Time is always a challenge for us,” he said.\n",
			"Tomas Lind"},
		{"the subject of the sentence before keeps the floor when no one else was quoted",
			"Harbor Vote Nears\nMayor Paul Ferro wants the vote in May.\n" +
				"Ferro spokesman Tomas Lind wouldn't say when, or if, the board will vote on Karl Weiss's plan.\n" +
				"“I don't have any new announcements yet,” he said.\n",
			"Tomas Lind"},
		{"there was X",
			"Harbor Vote Nears\n“We will dredge,” said Mayor Paul Ferro. The board sided with Mr. Ferro over Karl Weiss.\n" +
				"Then there was the harbor master Tomas Lind, who, after trading insults with Mr. Ferro over Mr. Weiss, wrote a letter.\n" +
				"Those who ignore the tides, he said, wind up ''divorced from reality.''\n",
			"Tomas Lind"},
		{"the one a role description names",
			"Harbor Vote Nears\nHarbor director Tomas Lind met the mayor, Paul Ferro, on Monday.\n" +
				"When reporters asked Ferro about the fees, the director said he needed to speak to the board first. “Why don't I call you back,” he told reporters.\n",
			"Tomas Lind"},
		{"the subject who said something in the sentence before",
			"Harbor Vote Nears\n“They reined him in,” said Paul Ferro.\n" +
				"Tomas Lind attempted to re-engage the Carrow board in October and said he had prepared a plan for Mr. Ferro.\n" +
				"“On the day I went back to civilian life, the harbor was solid,” he wrote in an email.\n",
			"Tomas Lind"},
		{"one quoted inside a sentence about the subject",
			"Harbor Vote Nears\nMayor Paul Ferro and Karl Weiss met in Carrow.\n" +
				"On Thursday, Ferro won the backing of a board member, Tomas Lind, who declared, “It is time to unite.” Ferro was also endorsed by Ana Ruiz.\n" +
				"In engaging Weiss, Ferro also sought to temper his tone.\n" +
				"“Frankly, one concern I have with Karl is his plan for the channel,” he said.\n",
			"Paul Ferro"},
		{"one of the critics who say",
			"Harbor Vote Nears\n“Ferro is unpersuasive,” said Tomas Lind, who does not back Karl Weiss.\n" +
				"If Mayor Paul Ferro loses, critics like Lind say it would help Weiss.\n" +
				"“People are right to be suspicious,” he said.\n",
			"Tomas Lind"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Analyze(tc.text)
			if fs := AmbiguousSpeakers(d); len(fs) != 0 {
				t.Errorf("ambiguous-speaker findings: %v", fs)
			}
			var last *Quote
			for i := range d.Quotes {
				if d.Quotes[i].Speech {
					last = &d.Quotes[i]
				}
			}
			if last == nil || last.SpeakerName != tc.want {
				t.Errorf("last statement %+v, want speaker %q", last, tc.want)
			}
		})
	}
}

func TestBracketNamesThePronoun(t *testing.T) {
	text := "Harbor Vote Nears\nMayor Paul Ferro spoke on Friday.\n" +
		"He concluded, “She [Carrow] is strong. She will always be stronger than the storms.”\n"
	if fs := AmbiguousSpeakers(Analyze(text)); len(fs) != 0 {
		t.Errorf("findings for a pronoun its bracket names: %v", fs)
	}
}

func TestHeadlineTermsTheBodyGives(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		// One word in scare quotes that the body uses is a term.
		{"Mayor Frames Vote as ‘Harbor-First’ Test\nThe mayor called the budget a harbor-first plan on Monday.\n", 0},
		// A phrase whose last word a body quotation inflects.
		{"Board Rips Talk of ‘Dredging Delay’\n“Nobody here wants dredging delays,” said Paul Ferro.\n", 0},
		// Words nobody in the story said are still flagged.
		{"Board Calls Plan ‘A Total Disaster’\nThe board met on Monday and approved the plan.\n", 1},
	} {
		d := Analyze(tc.text)
		if fs := UnsupportedHeadlineQuotes(d, nil); len(fs) != tc.want {
			t.Errorf("%q: %d findings, want %d: %v", tc.text, len(fs), tc.want, fs)
		}
	}
}

func TestMoreWaysToCredit(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Port Fight Goes On\nThe harbor closed on Monday.\nAs the old shanty went back in the 1890s, “Nobody wins against the tide.” The vote is in June.\n", 1},
		{"Port Fight Goes On\nThe harbor closed on Monday.\nAs the old shanty sang back in the 1890s, “Nobody wins against the tide.” The vote is in June.\n", 0},
		// A headline of another paper, in capitals, is no one's words.
		{"Morning Briefing\nThe harbor closed on Monday.\n‘STORM SHUTS HARBOR FOR A WEEK’ The port reopens on Friday.\n", 0},
	} {
		if fs := Unattributed(Analyze(tc.text)); len(fs) != tc.want {
			t.Errorf("%q: %d unattributed findings, want %d: %v", tc.text, len(fs), tc.want, fs)
		}
	}
}

func TestMadeItClearReports(t *testing.T) {
	text := "Harbor Vote Nears\nRosa Diaz won the council seat on Tuesday.\n" +
		"In the interview, Ana Ferro made it clear that the fleet would not back the fee.\n" +
		"“If they want our votes, they cannot raise the fee,” she said.\n"
	d := Analyze(text)
	if fs := AmbiguousSpeakers(d); len(fs) != 0 {
		t.Errorf("ambiguous-speaker findings: %v", fs)
	}
	found := false
	for _, q := range d.Quotes {
		found = found || !q.Direct && q.SpeakerName == "Ana Ferro" && strings.HasPrefix(q.Text, "that the fleet")
	}
	if !found {
		t.Errorf("no statement reported for Ana Ferro: %+v", d.Quotes)
	}
}

func TestPronounTheStoryUsesIsAReferent(t *testing.T) {
	text := "Harbor Vote Nears\nThe new harbor master spoke on Friday. “I will be above the board,” she said.\n" +
		"“She went so far as to say she is above the board,” said Paul Ferro.\n"
	for _, f := range AmbiguousSpeakers(Analyze(text)) {
		if strings.Contains(f.Message, "names no woman") {
			t.Errorf("the story calls someone she, yet: %v", f)
		}
	}
}

func TestQuoteLedeCreditedByTheNextParagraph(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Port Fight Goes On\nCARROW -- “The channel is the town's lifeline.”\nThat was how Mayor Paul Ferro opened the budget hearing on Monday.\n", 0},
		{"Port Fight Goes On\n“The channel is the town's lifeline.”\nThe budget hearing opened on Monday.\n", 1},
	} {
		if fs := Unattributed(Analyze(tc.text)); len(fs) != tc.want {
			t.Errorf("%q: %d unattributed findings, want %d", tc.text, len(fs), tc.want)
		}
	}
}

func TestQuickToAddReports(t *testing.T) {
	text := "Port Fight Goes On\nPaul Ferro said the fee could fall.\n" +
		"Ferro was quick to add that the fleet would still pay something.\n“Free? Not this year.”\n"
	d := Analyze(text)
	if fs := Unattributed(d); len(fs) != 0 {
		t.Errorf("unattributed after a reported statement: %v", fs)
	}
	found := false
	for _, q := range d.Quotes {
		found = found || !q.Direct && strings.HasPrefix(q.Text, "that the fleet") && q.SpeakerName == "Paul Ferro"
	}
	if !found {
		t.Errorf("“was quick to add that” reports nothing: %+v", d.Quotes)
	}
}

func TestMarksThatAreNotQuotations(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string // messages of the unbalanced-mark findings
	}{
		{"feet and inches", "Harbor Vote Nears\n“He’s always calling me short. He’s like 6’2”,” Mr. Lind said. “I am 5'10\".”\n", nil},
		{"a pull quote whose closing mark follows the credit line",
			"Harbor Vote Nears\nThe board met.\n\"The channel is the town's lifeline.\nPaul Ferro, mayor.\"\nThe vote is in May.\n",
			[]string{"This closing quotation mark comes after the credit line; close the quotation after its last word and set the credit outside the marks."}},
		{"a quotation opened with a closing mark",
			"Harbor Vote Nears\nThe board met.\n”The channel is the town's lifeline,” Mr. Lind said.\n” … and it is silting up,” he said.\n",
			[]string{"This quotation opens with a closing mark (”); use an opening mark (“).", "This quotation opens with a closing mark (”); use an opening mark (“)."}},
		{"an opening mark never closed is still flagged",
			"Harbor Vote Nears\nThe board met.\n\"The channel is the town's lifeline, and it is silting up every winter as the tides turn.\nThe vote is in May.\n",
			[]string{"This quotation mark has no matching mark; close the quotation or remove the mark."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, f := range UnbalancedMarks(Analyze(tc.text)) {
				got = append(got, f.Message)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("findings %q, want %q", got, tc.want)
			}
		})
	}
}

func TestQuotationInsideAnAnswerHasItsSpeaker(t *testing.T) {
	text := "Harbor Vote Nears\nQ: Is he serious about the harbor?\n" +
		"A: No. Look at the pitch. ‘We gotta dredge the channel. We gotta take these guys on.’ He is making a populist argument.\n"
	if fs := Unattributed(Analyze(text)); len(fs) != 0 {
		t.Errorf("findings for a quotation inside an interview answer: %v", fs)
	}
}

func TestQuotationsThatHaveASpeaker(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"a subhead in single marks", "Harbor Vote Nears\n“We will dredge,” said Mayor Paul Ferro.\nThe board met on Monday and voted for the plan.\n‘A channel for everyone.’\n" +
			"The vote is in May. “It is a good plan,” said Tomas Lind.\n"},
		{"a stage direction between one speaker's lines", "Harbor Vote Nears\n“Hello, this is the harbor office. How are you today?” Ana Ruiz said into the phone.\n" +
			"She pauses.\n“Well, thank you so much.”\n"},
		{"a speaker with a phrase before the verb", "Ad Wars Heat Up\nThe PAC released an ad.\n“She will stand up to the gun lobby,” a voice-over in the ad states.\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if fs := Unattributed(Analyze(tc.text)); len(fs) != 0 {
				t.Errorf("findings: %v", fs)
			}
		})
	}
	// A body that quotes in single marks: a short line in them is a
	// quotation, not a subhead.
	uk := "Harbor Vote Nears\n'We will dredge,' said Mayor Paul Ferro.\nThe board met on Monday. 'It is a good plan,' said Tomas Lind.\nThe vote was close.\n'We lost the vote.'\nThe port will appeal.\n"
	if fs := Unattributed(Analyze(uk)); len(fs) != 1 {
		t.Errorf("single-mark body: findings %v, want the bare quotation flagged", fs)
	}
}

func TestAListenerIsNotAStatement(t *testing.T) {
	d := Analyze("Harbor Vote Nears\nAt a meeting, Tomas Lind spoke.\n“The channel is silting up,” he told Ferro.\nPaul Ferro told reporters.\n")
	for _, q := range d.Quotes {
		if !q.Direct {
			t.Errorf("reported statement %q", q.Text)
		}
	}
}

func TestAParticipleIsTheSubjectsNotTheObjects(t *testing.T) {
	// "defended Ferro, saying he …": Ana Ruiz says it, so the next "he"
	// could be either man named.
	text := "Harbor Vote Nears\n“It should not be happening,” Tomas Lind said.\n" +
		"Ana Ruiz appeared on Lind's radio show on Wednesday and defended Paul Ferro, saying he did not mean to attack anyone.\n" +
		"“After he did that, she was harassed,” he said.\n"
	if fs := AmbiguousSpeakers(Analyze(text)); len(fs) != 1 {
		t.Errorf("findings %v, want the pronoun flagged as ambiguous", fs)
	}
}

func TestFramesThatNameTheSpeaker(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"a surname that could be a title", "Veto Fight\nThe Senate met.\n\"It is all about enthusiasm,\" Mr. King added.\n", "King"},
		{"a party and state in the appositive", "Veto Fight\nThe Senate met.\n“It is over,” Mitch McConnell, R-Ky., said Tuesday.\n", "Mitch McConnell"},
		{"a credit after a dash", "Readers Write\nThe letters came in on Monday.\n“The most unqualified child to ever run.” ― Francisco Herrero\n", "Francisco Herrero"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Analyze(tc.text)
			var got []string
			for _, q := range d.Quotes {
				if q.Speech {
					got = append(got, q.SpeakerName)
				}
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("statements credited to %q, want one to %q", got, tc.want)
			}
		})
	}
}

func TestTheOneAskedMayAnswer(t *testing.T) {
	// After "A asked B …", "he said" may be either: the one who asked or
	// the one who answers.
	text := "Harbor Vote Nears\n“The fees will rise,” Mayor Paul Ferro said on the radio.\n" +
		"The host, Tomas Lind, asked Ferro whether that would happen before the vote.\n" +
		"“Well, we’ll see,” he said.\n"
	if fs := AmbiguousSpeakers(Analyze(text)); len(fs) != 1 {
		t.Errorf("findings %v, want the pronoun flagged as ambiguous", fs)
	}
	// Not when the name after "asked" modifies a noun: the one asked is
	// someone else.
	text = "Harbor Vote Nears\nTomas Lind asked Ferro campaign manager Ana Ruiz to talk to the mayor.\n" +
		"“He points to them,” Lind said. “He should not be doing that.”\n"
	if fs := AmbiguousSpeakers(Analyze(text)); len(fs) != 0 {
		t.Errorf("findings %v, want none", fs)
	}
}
