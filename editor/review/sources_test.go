package review

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/source"
)

// sourceCheckNames are the checks the source test cases annotate.
var sourceCheckNames = map[string]bool{
	editor.CheckMisquoted: true, editor.CheckUnverified: true, editor.CheckAltered: true, editor.CheckHeadlineUnsupported: true,
	editor.CheckDriftNegation: true, editor.CheckDriftNumber: true, editor.CheckDriftEntity: true, editor.CheckDriftCertainty: true, editor.CheckDriftContent: true,
}

type wantFinding struct {
	check, words string
	line         int // index into the draft's lines
	used         bool
}

// readSourceCase reads a folder of testdata/sources: the draft without its
// annotations, the wanted findings, the sources and the previous revision.
func readSourceCase(t *testing.T, dir string) (in Input, lines []editor.Span, wants []*wantFinding) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "draft.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(string(raw), "\n"), "\n") {
		if rest, ok := strings.CutPrefix(line, "#"); ok {
			rest, _, _ = strings.Cut(rest, " -- ")
			f := strings.Fields(rest)
			if len(f) >= 2 && f[0] == "want" {
				wants = append(wants, &wantFinding{check: f[1], words: strings.Join(f[2:], " "), line: len(lines) - 1})
			}
			continue
		}
		start := b.Len()
		b.WriteString(line)
		lines = append(lines, editor.Span{Start: start, End: b.Len()})
		b.WriteByte('\n')
	}
	in.Text = b.String()
	files, err := filepath.Glob(filepath.Join(dir, "source*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in.Sources = append(in.Sources, source.Text{Title: strings.TrimSuffix(filepath.Base(f), ".txt"), File: f, Text: string(text)})
	}
	if prev, err := os.ReadFile(filepath.Join(dir, "previous.txt")); err == nil {
		in.Previous = string(prev)
	}
	return in, lines, wants
}

// TestSourceCases reviews each story of testdata/sources against its
// sources and previous revision, and compares the source findings with
// those annotated in the draft.
func TestSourceCases(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "sources", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		n++
		t.Run(filepath.Base(dir), func(t *testing.T) {
			in, lines, wants := readSourceCase(t, dir)
			r := Run(in)
			lineOfSpan := func(s editor.Span) int {
				for i, l := range lines {
					if l.Start <= s.Start && s.Start <= l.End {
						return i
					}
				}
				return -1
			}
			for _, f := range r.Findings {
				if err := f.Span.Check(r.Doc.Text); err != nil {
					t.Errorf("%s: %v", f.Check, err)
					continue
				}
				if !sourceCheckNames[f.Check] {
					continue
				}
				li := lineOfSpan(f.Span)
				matched := false
				for _, w := range wants {
					if !w.used && w.check == f.Check && w.line == li && strings.Contains(f.Span.In(r.Doc.Text), w.words) {
						w.used, matched = true, true
						break
					}
				}
				if !matched {
					t.Errorf("line %d: unexpected %s on %q: %s", li+1, f.Check, f.Span.In(r.Doc.Text), f.Message)
				}
				if strings.HasPrefix(f.Check, "drift.") || f.Check == editor.CheckMisquoted || f.Check == editor.CheckAltered {
					if f.Related == nil || f.Related.Text == "" || f.Related.File == "" {
						t.Errorf("line %d: %s has no related passage", li+1, f.Check)
					}
				}
			}
			for _, w := range wants {
				if !w.used {
					t.Errorf("line %d: missing %s on %q (%q)", w.line+1, w.check, w.words, lines[w.line].In(r.Doc.Text))
				}
			}
		})
	}
	if n < 3 {
		t.Errorf("found %d source cases, want at least 3", n)
	}
}
