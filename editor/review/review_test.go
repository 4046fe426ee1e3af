package review

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/editor"
	"copydesk/editor/internal/newstest"
	"copydesk/editor/source"
)

// TestChecksMatchREADME holds the registry to the README's table of checks:
// the same names, in the same order, with the same severities. Check names
// are stored in databases, so the table is the contract.
func TestChecksMatchREADME(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z.-]+)` \\| (info|warning|error) \\|")
	var table []string
	for _, m := range row.FindAllStringSubmatch(string(b), -1) {
		table = append(table, m[1]+" "+m[2])
	}
	var reg []string
	for _, c := range Checks() {
		reg = append(reg, c.Name+" "+c.Severity.String())
	}
	if !slices.Equal(table, reg) {
		t.Errorf("README table:\n  %s\nregistry:\n  %s", strings.Join(table, "\n  "), strings.Join(reg, "\n  "))
	}
}

func TestRegistryRefusesDuplicates(t *testing.T) {
	c := Checks()[0]
	if _, err := NewRegistry(c, c); !errors.Is(err, ErrDuplicateCheck) {
		t.Fatalf("NewRegistry(c, c) = %v, want ErrDuplicateCheck", err)
	}
	if _, err := NewRegistry(Check{Name: "x"}); err == nil {
		t.Fatal("NewRegistry accepted a check without Run")
	}
	r, err := NewRegistry(Checks()...)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Checks()) != len(Checks()) {
		t.Errorf("registry holds %d checks, want %d", len(r.Checks()), len(Checks()))
	}
}

// TestFindingsTestdata runs the review on the annotated articles of the
// quote package's testdata: every finding must be wanted by a "#want" line
// under its paragraph, and every wanted finding found.
func TestFindingsTestdata(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "quote", "testdata", "quotes", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			a := newstest.ReadAnnotated(t, path)
			got := map[int][]string{}
			for _, f := range Run(Input{Text: a.Text}).Findings {
				line, _ := editor.LineColumn(a.Text, f.Span.Start)
				got[line-1] = append(got[line-1], f.Check)
			}
			pars := map[int]bool{}
			for p := range got {
				pars[p] = true
			}
			for p := range a.Wants {
				pars[p] = true
			}
			for p := range pars {
				g, w := slices.Sorted(slices.Values(got[p])), slices.Sorted(slices.Values(a.Wants[p]))
				if !slices.Equal(g, w) {
					t.Errorf("%s:%d: findings %v, want %v\n\t%s", path, a.Lines[p], g, w, a.Line(p))
				}
			}
		})
	}
}

// TestFindingsCarryTheirCheck: every finding a review reports names a
// registered check and has that check's severity, on the annotated
// articles and the source cases.
func TestFindingsCarryTheirCheck(t *testing.T) {
	severity := map[string]editor.Severity{}
	for _, c := range Checks() {
		severity[c.Name] = c.Severity
	}
	var inputs []Input
	files, _ := filepath.Glob(filepath.Join("..", "quote", "testdata", "quotes", "*.txt"))
	for _, path := range files {
		inputs = append(inputs, Input{Text: newstest.ReadAnnotated(t, path).Text})
	}
	dirs, _ := filepath.Glob(filepath.Join("testdata", "sources", "*", "draft.txt"))
	for _, d := range dirs {
		in, _, _ := readSourceCase(t, filepath.Dir(d))
		inputs = append(inputs, in)
	}
	seen := map[string]bool{}
	for _, in := range inputs {
		for _, f := range Run(in).Findings {
			sev, ok := severity[f.Check]
			if !ok {
				t.Errorf("finding of unregistered check %q", f.Check)
			} else if f.Severity != sev {
				t.Errorf("%s finding has severity %s, its check %s", f.Check, f.Severity, sev)
			}
			seen[f.Check] = true
		}
	}
	if len(seen) < 10 {
		t.Errorf("only %d checks fired over the testdata: %v", len(seen), seen)
	}
}

func TestRunWithoutSources(t *testing.T) {
	r := Run(Input{Text: "Mayor Speaks\n“We will build it,” the mayor said.\n"})
	if !r.NoSources {
		t.Error("NoSources is false with no sources attached")
	}
	for _, f := range r.Findings {
		if f.Check == editor.CheckUnverified || f.Check == editor.CheckMisquoted || strings.HasPrefix(f.Check, "drift.") {
			t.Errorf("finding %s with no sources", f.Check)
		}
	}
	if len(r.Quotes) != 1 || r.Quotes[0].Status != source.NoSources {
		t.Errorf("quotes %+v, want one with status %s", r.Quotes, source.NoSources)
	}
	blank := Run(Input{Text: "Mayor Speaks\n“We will build it,” the mayor said.\n", Sources: []source.Text{{Title: "empty", Text: " \n"}}})
	if !blank.NoSources {
		t.Error("a source of white space counts as a source")
	}
}

func TestAlteredNeedsAPreviousRevision(t *testing.T) {
	text := "Council Votes\n“It is a reckless plan,” said Councilman Robert Kim.\n"
	for _, f := range Run(Input{Text: text}).Findings {
		if f.Check == editor.CheckAltered {
			t.Errorf("quote.altered with no previous revision: %+v", f)
		}
	}
	prev := "Council Votes\n“It is a bold plan,” said Councilman Robert Kim.\n"
	found := false
	for _, f := range Run(Input{Text: text, Previous: prev}).Findings {
		found = found || f.Check == editor.CheckAltered
	}
	if !found {
		t.Error("no quote.altered for a quotation changed since the previous revision")
	}
}

// TestAlteredWithoutSources reviews the library revision of
// testdata/sources without its transcript: with nothing to say which
// wording the speaker used, every changed quotation is reported, the one
// the source case leaves quiet included.
func TestAlteredWithoutSources(t *testing.T) {
	in, _, _ := readSourceCase(t, filepath.Join("testdata", "sources", "library"))
	in.Sources = nil
	var got []string
	for _, f := range Run(in).Findings {
		if f.Check == editor.CheckAltered {
			got = append(got, f.Related.Text)
		}
	}
	want := []string{"We are not worried about the roof,", "Our readers will not lose a single day of service,"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("quote.altered on the previous wordings %q, want %q", got, want)
	}
}

// FuzzReview runs the whole review on arbitrary drafts and sources (the
// draft also as its own previous revision, edited): no panics, and every
// finding lies within the draft on rune boundaries.
func FuzzReview(f *testing.F) {
	f.Add("Hed\n“Quote,” he said.", "HE: Quote.")
	f.Add("‘Not Concerned’ Hed\n\"unbalanced\n“multi\n“para,” she said.", "")
	f.Add("Hed\nMr. J. R. Hale of U.S. Inc., a firm, said that, according to officials, “it is 3.5.”", "Hale said it is 3.4.")
	f.Add("Hed\n“We have had no serious delays,” Marsh said.", "MARSH:\nWe have had no major delays. The crews are working two shifts.")
	f.Add("Hed\n“[It] protects … every teacher,” she said.", "The plan is balanced. It protects every classroom teacher.")
	f.Add("\xff\xfe“\xe2\x80", "Q: not\xffunhappy ]]")
	f.Fuzz(func(t *testing.T, text, src string) {
		if !utf8.ValidString(src) {
			return // sources are decoded to UTF-8 before they get here
		}
		prev := strings.Replace(text, "said", "says", 1)
		r := Run(Input{Text: text, Sources: []source.Text{{Title: "s", Text: src}}, Previous: prev})
		for _, fd := range r.Findings {
			if err := fd.Span.Check(r.Doc.Text); err != nil {
				t.Fatalf("%s span: %v", fd.Check, err)
			}
		}
		if _, err := FindingsJSON(r.Doc.Text, r.Findings); err != nil {
			t.Fatal(err)
		}
	})
}

// TestRanSaysWhichChecksCouldRaise pins down Result.Ran: a check that needs
// sources or the previous revision did not run without them, so its
// silence says nothing about the draft.
func TestRanSaysWhichChecksCouldRaise(t *testing.T) {
	const draft = "Port Opens\n“We are ready,” Ana Ruiz said.\n"
	sources := []source.Text{{Title: "notes", Text: "RUIZ: We are ready."}}
	tests := []struct {
		name  string
		in    Input
		ran   []string
		unrun []string
	}{
		{"draft alone", Input{Text: draft},
			[]string{editor.CheckUnattributed, editor.CheckAttributionVerb},
			[]string{editor.CheckMisquoted, editor.CheckDriftNumber, editor.CheckAltered, "no.such-check"}},
		{"with sources", Input{Text: draft, Sources: sources},
			[]string{editor.CheckMisquoted, editor.CheckUnverified, editor.CheckDriftNumber, editor.CheckUnattributed},
			[]string{editor.CheckAltered}},
		{"blank source", Input{Text: draft, Sources: []source.Text{{Title: "empty", Text: " \n"}}},
			nil, []string{editor.CheckMisquoted}},
		{"with the previous revision", Input{Text: draft, Previous: draft},
			[]string{editor.CheckAltered, editor.CheckUnattributed},
			[]string{editor.CheckMisquoted}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Run(tt.in)
			for _, c := range tt.ran {
				if !res.Ran(c) {
					t.Errorf("Ran(%s) = false, want true", c)
				}
			}
			for _, c := range tt.unrun {
				if res.Ran(c) {
					t.Errorf("Ran(%s) = true, want false", c)
				}
			}
		})
	}
}
