package quote

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"copydesk/editor"
)

// annotated is a testdata article with its expectations.
type annotated struct {
	text   string
	wants  map[int][]string // paragraph -> check names expected there
	quotes map[int][][2]string
	// noquotes: paragraph -> text prefixes no statement there may start with
	noquotes map[int][]string
	lines    map[int]int // paragraph -> line in the testdata file, for messages
}

// readAnnotated reads a testdata file: article lines, each optionally
// followed by "#want CHECK...", "#quote ATTRIBUTION [SPEAKER NAME]" and
// "#noquote TEXT-PREFIX" (no statement whose text starts so) lines about it. Other lines starting with # are comments.
func readAnnotated(t *testing.T, path string) annotated {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a := annotated{wants: map[int][]string{}, quotes: map[int][][2]string{}, noquotes: map[int][]string{}, lines: map[int]int{}}
	var body []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		par := len(body) - 1
		switch {
		case strings.HasPrefix(line, "#want "):
			a.wants[par] = append(a.wants[par], strings.Fields(line)[1:]...)
		case strings.HasPrefix(line, "#quote "):
			f := strings.Fields(line)[1:]
			a.quotes[par] = append(a.quotes[par], [2]string{f[0], strings.Join(f[1:], " ")})
		case strings.HasPrefix(line, "#noquote "):
			a.noquotes[par] = append(a.noquotes[par], strings.TrimSpace(strings.TrimPrefix(line, "#noquote ")))
		case strings.HasPrefix(line, "#"):
		default:
			a.lines[len(body)] = n
			body = append(body, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	a.text = strings.Join(body, "\n") + "\n"
	return a
}

func TestQuoteTestdata(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "quotes", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	reg, err := NewRegistry(DefaultChecks()...)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			a := readAnnotated(t, path)
			doc := Analyze(a.text)
			checkSpans(t, doc)
			got := map[int][]string{}
			for _, f := range reg.Run(doc) {
				line, _ := editor.LineColumn(a.text, f.Span.Start)
				got[line-1] = append(got[line-1], f.Check)
			}
			pars := map[int]bool{}
			for p := range got {
				pars[p] = true
			}
			for p := range a.wants {
				pars[p] = true
			}
			for p := range pars {
				g, w := sorted(got[p]), sorted(a.wants[p])
				if strings.Join(g, " ") != strings.Join(w, " ") {
					t.Errorf("%s:%d: findings %v, want %v\n\t%s", path, a.lines[p], g, w, firstLine(a.text, p))
				}
			}
			for p, qs := range a.quotes {
				for _, want := range qs {
					if !hasQuote(doc, a.text, p, want[0], want[1]) {
						t.Errorf("%s:%d: no statement attributed %s to %q; sheet for paragraph:\n%s",
							path, a.lines[p], want[0], want[1], sheetFor(doc, a.text, p))
					}
				}
			}
			for p, prefixes := range a.noquotes {
				for _, prefix := range prefixes {
					if hasStatementStarting(doc, a.text, p, prefix) {
						t.Errorf("%s:%d: a statement starts %q, want none; sheet for paragraph:\n%s",
							path, a.lines[p], prefix, sheetFor(doc, a.text, p))
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
	a := readAnnotated(t, path)
	if got := a.noquotes[1]; strings.Join(got, "|") != "at the port|to vote" {
		t.Fatalf("noquotes %q, want [at the port to vote]", got)
	}
	doc := Analyze(a.text)
	if !hasStatementStarting(doc, a.text, 1, "Ships call") || hasStatementStarting(doc, a.text, 1, "at the port") {
		t.Errorf("hasStatementStarting misreads the sheet:\n%s", sheetFor(doc, a.text, 1))
	}
}

func sorted(s []string) []string {
	c := append([]string(nil), s...)
	sort.Strings(c)
	return c
}

func firstLine(text string, p int) string {
	lines := strings.Split(text, "\n")
	if p < len(lines) {
		return lines[p]
	}
	return ""
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

func TestRegistryRefusesDuplicates(t *testing.T) {
	c := UnattributedCheck()
	if _, err := NewRegistry(c, c); err == nil {
		t.Fatal("NewRegistry accepted two checks with the same name")
	}
	r, err := NewRegistry(DefaultChecks()...)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Checks()) != len(DefaultChecks()) {
		t.Errorf("registry holds %d checks, want %d", len(r.Checks()), len(DefaultChecks()))
	}
}

func TestHeadlineCheckConsultsSources(t *testing.T) {
	text := "Minister Says Plan Is ‘Dead on Arrival’\nThe minister, Anna Berg, criticized the plan on Monday.\n"
	doc := Analyze(text)
	if fs := HeadlineQuoteCheck(HeadlineOptions{}).Run(doc); len(fs) != 1 {
		t.Fatalf("without sources: %d findings, want 1", len(fs))
	}
	src := "Transcript. BERG: Frankly, this plan is dead on arrival."
	if fs := HeadlineQuoteCheck(HeadlineOptions{Sources: []string{src}}).Run(doc); len(fs) != 0 {
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
